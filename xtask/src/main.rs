//! `cargo xtask <command>`: the project's commands, so that a fresh machine needs only two
//! (see README): `cargo xtask run` builds the site and serves it with the endpoint and SQLite;
//! `cargo xtask test` runs every test. Each installs what is missing first and says so.

mod cold_start;
mod compress;
mod contract;
mod deploy_lint;
mod dist;
mod files;
mod fuzz;
mod install;
mod links;
mod locale_toml;
mod map_data;
mod package;
mod partner_demo;
mod postgres;
mod pwa;
mod server;
mod setup;
mod sh;
mod site;
mod standalone;
mod suite;
mod test_counts;
mod wasm_size;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  setup   install what is missing (wasm32 target, Trunk, wasm-bindgen-cli, npm packages,
          Debian's chromium and chromium-driver, schemathesis from PyPI); idempotent
  dist    build the release site into dist/ (app, static pages, precompressed .br/.gz);
          warns about placeholders still empty in config/site.toml; with --release, refuses them
  site    regenerate only the static pages, maps and sitemap into dist/ (or the folder given)
          from the last Trunk build: quick, after editing locales/ or the catalogue
  run     setup + dist, then serve site + API + SQLite on http://127.0.0.1:8080
          (EER_ADDR, EER_DATA_DIR, … override; see endpoint/README.md), and a demo partner
          page that embeds the app on http://localhost:8081 (EER_PARTNER_DEMO_PORT)
  test    setup, then every test: format, lints, domain and endpoint tests, a few seconds of
          fuzzing per parser, the API contract (schemathesis), browser component tests,
          end-to-end and accessibility tests against the release build
  contract
          only the API contract stage of test: schemathesis against the release endpoint,
          every check on every operation of endpoint/openapi.yaml
  fuzz    [TARGET [SECONDS]] fuzz every parser briefly, or one for longer (cargo-fuzz on the
          nightly toolchain; targets: interest_form answers_query catalogue route static_path)
  package build the Lambda function's archive target/lambda/eer-lambda.zip (bootstrap,
          x86_64, glibc <= 2.34 checked for provided.al2023) and print its size
  cold-start
          only the cold-start part of bench: eer-lambda (Lambda runtime API emulated) and the
          local server, process start to first answer, median of 5 (EER_DATABASE_URL: on
          PostgreSQL)
  bench   print figures: bytes per route, slow-4G load time, fit speed, endpoint throughput
  wasm-size  what each wasm bundle is made of, by crate and largest items (twiggy)
  postgres [COMMAND…]
          start a throw-away PostgreSQL server (Debian's) and run COMMAND with its URL in
          EER_TEST_DATABASE_URL, e.g. `cargo xtask postgres cargo test -p eer-endpoint`
  links   print every external link (the registry in domain/src/links.rs) with what it is
          for, when it was last checked and where it is used, oldest check first
  standalone
          copy the tracked files to an empty temporary folder, build the release site there
          and check that its dist/ holds the map data and every static page (part of test)
  shots   screenshot every page at phone, tablet and desktop widths in French and English
          into target/screenshots/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("dist") => match args.get(1).map(String::as_str) {
            None => setup::build_tools().and_then(|_| dist::build()),
            Some("--release") => setup::build_tools().and_then(|_| dist::build_for(true)),
            Some(other) => Err(format!("dist: unknown argument {other:?} (only --release)")),
        },
        Some("site") => site::build(
            &args
                .get(1)
                .map(std::path::PathBuf::from)
                .unwrap_or_else(dist::dist_dir),
        ),
        Some("run") => suite::serve_app(),
        Some("test") => suite::test(),
        Some("contract") => crate::contract::install().and_then(|_| crate::contract::check()),
        Some("fuzz") => fuzz::command(&args[1..]),
        Some("package") => package::package(),
        Some("cold-start") => cold_start::bench(std::env::var("EER_DATABASE_URL").ok().as_deref()),
        Some("bench") => suite::bench(),
        Some("wasm-size") => wasm_size::print(),
        Some("shots") => suite::shots(),
        Some("links") => links::print(),
        Some("postgres") => postgres::command(&args[1..]),
        Some("standalone") => standalone::check(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
