//! Installs what the project needs and the machine lacks, from the package registries only:
//! crates.io (Trunk, wasm-bindgen-cli), rustup (the wasm32 target), npm (binaryen's wasm-opt,
//! playwright-core, axe-core), Debian (chromium, chromium-driver, and postgresql: see
//! postgres.rs) and PyPI (schemathesis, see contract.rs). Idempotent: each tool is checked
//! first and only installed when missing or at the wrong version.

use crate::sh::{Result, cmd, output, root, run, step};
use std::fs;

/// Trunk 0.21.14 is the last release that builds with rustc 1.95 (0.22 needs 1.96).
const TRUNK_VERSION: &str = "0.21.14";

/// Everything: the build tools, the browser for tests and the API contract tester.
pub fn all() -> Result {
    build_tools()?;
    browser()?;
    crate::postgres::install()?;
    crate::deploy_lint::install()?;
    crate::contract::install()
}

/// What building the site needs.
pub fn build_tools() -> Result {
    step("setup: build tools");
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    npm_packages()
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("ok: rust target wasm32-unknown-unknown");
        return Ok(());
    }
    println!("installing: rust target wasm32-unknown-unknown (rustup)");
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if output("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        println!("ok: {want}");
        return Ok(());
    }
    println!("installing: {want} from crates.io (about 13 minutes the first time)");
    run(cmd(
        "cargo",
        &["install", "--locked", &format!("trunk@{TRUNK_VERSION}")],
    ))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    let want = format!("wasm-bindgen {version}");
    let runner = output("wasm-bindgen-test-runner", &["--version"]);
    if output("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str()) && runner.is_some()
    {
        println!("ok: {want} (and wasm-bindgen-test-runner)");
        return Ok(());
    }
    // Not `--locked`: the CLI's own lockfile names a crate version the registry no longer has.
    println!("installing: wasm-bindgen-cli {version} from crates.io (matches Cargo.lock)");
    run(cmd(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ],
    ))
}

fn npm_packages() -> Result {
    let installed = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let fresh = match (fs::metadata(&installed), fs::metadata(&lock)) {
        (Ok(i), Ok(l)) => i.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh && root().join("node_modules/.bin/wasm-opt").exists() {
        println!("ok: npm packages (binaryen wasm-opt, playwright-core, axe-core)");
        return Ok(());
    }
    println!(
        "installing: npm packages from package-lock.json (binaryen 132, playwright-core, axe-core)"
    );
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]))
}

/// Debian's chromium and chromium-driver, for the browser tests (Playwright and
/// wasm-bindgen-test). Playwright's own browser download cannot work here, by design.
pub fn browser() -> Result {
    step("setup: browser for tests");
    let has = |p: &str| std::path::Path::new(p).exists();
    if has("/usr/bin/chromium") && has("/usr/bin/chromedriver") {
        println!("ok: Debian chromium and chromium-driver");
        return Ok(());
    }
    crate::install::apt(&["chromium", "chromium-driver"])
}
