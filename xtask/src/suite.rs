//! The commands that chain the others: run (serve the app), test (every test), bench (print
//! figures), shots (screenshots to look at).

use crate::sh::{Result, cmd, root, run, scratch, step};
use crate::test_counts::Counts;
use crate::{contract, dist, fuzz, partner_demo, postgres, server, setup};

/// Builds everything and serves site + API + SQLite until interrupted, with the demo partner
/// page beside it (`crate::partner_demo`), its origin allowed to embed the app.
pub fn serve_app() -> Result {
    setup::build_tools()?;
    dist::build()?;
    server::build()?;
    step("serving (Ctrl-C to stop)");
    let addr = std::env::var("EER_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let app_port = addr
        .rsplit(':')
        .next()
        .and_then(|p| p.parse::<u16>().ok())
        .ok_or_else(|| format!("EER_ADDR: expected host:port, got {addr:?}"))?;
    let demo_port = partner_demo::port_beside(app_port)?;
    let demo = partner_demo::start(demo_port, &format!("http://{addr}"))?;
    println!(
        "Emplois en régions: http://{addr}/  (data in ./var unless EER_DATA_DIR says otherwise)"
    );
    println!(
        "A partner's page embedding the app: {}",
        partner_demo::example_url(&demo.origin)
    );
    let mut serve = std::process::Command::new(server::binary());
    serve.arg("serve").current_dir(root()).env(
        "EER_ALLOWED_ORIGINS",
        partner_demo::allowed_origins(&demo.origin),
    );
    let result = run(serve);
    drop(demo);
    result
}

/// Every test, from formatting to end-to-end, stopping at the first failing stage.
pub fn test() -> Result {
    let started = std::time::Instant::now();
    // Every `cargo test` goes through `counts`: it fails when a target's tests are not run.
    let mut counts = Counts::default();
    setup::all()?;

    step("format");
    run(cmd("cargo", &["fmt", "--all", "--check"]))?;

    step("lints (native and wasm32)");
    run(cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            // The Lambda function and its tests too (behind the endpoint's `lambda` feature).
            "--features",
            "eer-endpoint/lambda",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    run(cmd(
        "cargo",
        &[
            "clippy",
            "-p",
            "eer-web",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    step(
        "domain, endpoint and xtask tests (native; the store's on SQLite and PostgreSQL; the Lambda function on AWS's event documents)",
    );
    // A real server for the PostgreSQL half of the store contract and for the Lambda
    // function's store; stopped and removed when `pg` is dropped, on success or failure. The
    // endpoint's `lambda` feature is on, so that the function's tests (tests/lambda_events.rs:
    // HTTP API, function URL, REST, schedule) and its modules' own run here.
    let pg = postgres::Postgres::start()?;
    let mut native = cmd(
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "eer-web",
            "--features",
            "eer-endpoint/lambda",
            "--locked",
        ],
    );
    native
        .env("EER_TEST_DATABASE_URL", pg.url())
        .env("EER_TEST_DATABASE_CA_FILE", pg.ca_file());
    counts.run(native)?;
    drop(pg);

    fuzz::smoke()?;

    crate::package::package()?;
    crate::deploy_lint::check()?;

    crate::standalone::check()?;

    contract::check()?;

    step("browser component tests (wasm-bindgen-test in headless Chromium)");
    let mut wasm = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "eer-web",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
        ],
    );
    wasm.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    counts.run(wasm)?;

    // The export token lets the tests read what the endpoint stored, as a counsellor would.
    let token = "e2e-export-token";
    // The demo partner page runs beside the app as `cargo xtask run` serves it; the embed
    // tests serve an unlisted partner on the next port: two free ports side by side, so a
    // stray process on a fixed port cannot fail a run.
    let partner_port = free_port_pair();
    let partner = partner_demo::origin(partner_port);
    let allowed = partner_demo::allowed_origins(&partner);
    let partner = partner.as_str();
    let server = build_and_serve(
        "e2e-data",
        &[
            ("EER_EXPORT_TOKEN", token),
            ("EER_ALLOWED_ORIGINS", allowed.as_str()),
        ],
    )?;
    let demo = partner_demo::start(partner_port, &server.base_url())?;
    step("end-to-end and accessibility tests (Playwright + axe-core, Debian chromium)");
    // A test that hangs fails after 5 minutes instead of holding CI until its time runs out.
    let mut node = cmd(
        "node",
        &["--test", "--test-concurrency=1", "--test-timeout=300000"],
    );
    node.args(test_files("tests/e2e")?);
    node.env("EER_BASE_URL", server.base_url())
        .env("EER_E2E_EXPORT_TOKEN", token)
        .env("EER_E2E_PARTNER_ORIGIN", partner);
    run(node)?;
    drop(demo);
    drop(server);

    counts.print();
    println!(
        "\nall tests passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Prints the benchmark figures side by side; asserts nothing.
pub fn bench() -> Result {
    setup::all()?;
    let server = build_and_serve("bench-data", &[])?;
    step("web: bytes per route and cold load under slow 4G");
    let mut node = cmd("node", &["tests/bench/web.mjs"]);
    node.env("EER_BASE_URL", server.base_url());
    run(node)?;
    drop(server);
    crate::wasm_size::print()?;

    step("domain: fit of all regions for one profile (criterion)");
    run(cmd(
        "cargo",
        &["bench", "--locked", "-p", "eer-domain", "--bench", "fit"],
    ))?;

    // A throw-away PostgreSQL server for the cold start and the PostgreSQL column, stopped and
    // removed after.
    let pg = postgres::Postgres::start()?;
    let url = pg.url();
    crate::cold_start::bench(Some(&url))?;

    step("endpoint: durable submissions/s and latency: SQLite (ours, naive) and PostgreSQL");
    run(cmd(
        "cargo",
        &[
            "run",
            "--release",
            "--locked",
            "-p",
            "eer-endpoint",
            "--bin",
            "eer-loadgen",
            "--",
            "--database-url",
            &url,
        ],
    ))
}

/// Screenshots of every page at three widths in both languages, to look at.
pub fn shots() -> Result {
    setup::all()?;
    let server = build_and_serve("shots-data", &[])?;
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut node = cmd("node", &["tests/e2e/shots.mjs"]);
    node.env("EER_BASE_URL", server.base_url())
        .env("EER_SHOTS_DIR", &out);
    run(node)
}

/// Builds the release site and endpoint, then serves `dist/` with a fresh database in
/// target/xtask/`data` and the extra environment `env`.
fn build_and_serve(data: &str, env: &[(&str, &str)]) -> Result<server::Server> {
    dist::build()?;
    server::build()?;
    let data = scratch(data)?;
    server::start(&dist::dist_dir(), &data, env)
}

/// The `*.test.mjs` files of a folder, sorted (node 20's runner takes files, not globs).
fn test_files(folder: &str) -> Result<Vec<String>> {
    let mut files: Vec<String> = crate::files::under(&root().join(folder))?
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no test files in {folder}"));
    }
    Ok(files)
}

/// A free loopback port whose next port is free too.
fn free_port_pair() -> u16 {
    let bindable = |port: u16| std::net::TcpListener::bind(("127.0.0.1", port)).is_ok();
    (0..50)
        .map(|_| server::free_port())
        .find(|port| *port < u16::MAX && bindable(*port + 1))
        .unwrap_or(18591)
}
