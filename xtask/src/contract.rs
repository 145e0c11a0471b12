//! The OpenAPI document as a tested contract: schemathesis, a property-based API tester that
//! reads `endpoint/openapi.yaml`, sends generated requests (valid and invalid ones) to a release
//! instance of the endpoint and checks every answer against the document.
//!
//! Installed by `setup` from PyPI (pip's default index) into a virtual environment under
//! `target/`, at a pinned version. The run is reproducible: a fixed seed and a fixed number of
//! cases per operation (no time budget, which would make the count depend on the machine), no
//! example database carried over between runs, a fresh SQLite file.

use crate::server;
use crate::sh::{Result, cmd, output, root, run, step};
use sha2::Digest;
use std::path::PathBuf;

/// Pinned: a new release may add checks, which should arrive in a commit of its own.
const SCHEMATHESIS_VERSION: &str = "4.32.5";

/// Any fixed number: the same seed generates the same cases, so a failure reproduces.
const SEED: &str = "18";

/// Cases per operation and phase. 300 generates about 1,800 cases and takes about a minute on
/// the 2-core development machine (measured; see endpoint/README.md).
const MAX_EXAMPLES: &str = "300";

/// The export token of the instance under test (the export exists only with one).
const TOKEN: &str = "contract-export-token";

fn venv() -> PathBuf {
    root().join("target/schemathesis")
}

fn st() -> PathBuf {
    venv().join("bin/st")
}

/// Installs schemathesis into `target/schemathesis` unless that exact version is there.
pub fn install() -> Result {
    step("setup: API contract tester");
    let want = format!("st, version {SCHEMATHESIS_VERSION}");
    let st = st();
    if output(&st.to_string_lossy(), &["--version"]).as_deref() == Some(want.as_str()) {
        println!("ok: schemathesis {SCHEMATHESIS_VERSION} (target/schemathesis)");
        return Ok(());
    }
    crate::install::pip(&venv(), "schemathesis", SCHEMATHESIS_VERSION)
}

/// Builds and starts the release endpoint (API only, an empty site, the rate limit off), runs
/// every schemathesis check on every operation, and fails on any disagreement.
pub fn check() -> Result {
    server::build()?;
    let dir = crate::sh::scratch("contract")?;
    let site = dir.join("site");
    std::fs::create_dir_all(&site).map_err(|e| e.to_string())?;
    // The rate limit is per address and every generated request comes from 127.0.0.1: left on,
    // it would answer 429 after 30 forms and hide the rest of the run. Production keeps its
    // defaults; 429 and Retry-After are tested natively (endpoint/tests/interest.rs).
    // The same token is an admin staff token (the file holds its SHA-256), so that the staff
    // operations answer past their authorisation and their 200s are checked too.
    let staff_tokens = dir.join("staff-tokens");
    let digest: String = sha2::Sha256::digest(TOKEN.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(&staff_tokens, format!("admin {digest}\n")).map_err(|e| e.to_string())?;
    let staff_tokens = staff_tokens.to_string_lossy().to_string();
    let server = server::start(
        &site,
        &dir.join("data"),
        &[
            ("EER_EXPORT_TOKEN", TOKEN),
            ("EER_RATE_LIMIT_PER_HOUR", "0"),
            ("EER_STAFF_TOKENS_FILE", staff_tokens.as_str()),
        ],
    )?;
    step("API contract: schemathesis, every check, on every operation of endpoint/openapi.yaml");
    let document = root().join("endpoint/openapi.yaml");
    let base = server.base_url();
    let auth = format!("Authorization: Bearer {TOKEN}");
    let reports = dir.join("reports");
    let mut st = cmd(
        &st().to_string_lossy(),
        &[
            "run",
            &document.to_string_lossy(),
            "--url",
            &base,
            "--checks",
            "all",
            "--seed",
            SEED,
            "--max-examples",
            MAX_EXAMPLES,
            "--header",
            &auth,
            "--generation-database",
            "none",
            "--continue-on-failure",
            "--no-color",
            "--report",
            "junit",
            "--report-dir",
            &reports.to_string_lossy(),
        ],
    );
    // Its cache (.schemathesis/) goes to the scratch folder, not the repository.
    st.current_dir(&dir)
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("PYTHONPATH", root().join("tests/contract"));
    let result = run(st);
    drop(server);
    result.map_err(|e| format!("{e}: the endpoint and endpoint/openapi.yaml disagree (above)"))
}
