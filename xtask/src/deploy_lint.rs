//! The deployment template (deploy/template.yaml) checked by cfn-lint, AWS's CloudFormation
//! linter (PyPI, pinned), which also expands the SAM transform and checks the result against
//! the resource specifications. Installed into `target/cfn-lint` like schemathesis.

use crate::sh::{Result, cmd, output, root, run, step};
use std::path::PathBuf;

/// Pinned: a new release may add rules; raise it on purpose.
const CFN_LINT_VERSION: &str = "1.58.0";

fn venv() -> PathBuf {
    root().join("target/cfn-lint")
}

fn cfn_lint() -> PathBuf {
    venv().join("bin/cfn-lint")
}

/// Installs cfn-lint into `target/cfn-lint` unless that exact version is there, and Debian's
/// binutils if `readelf` is missing (`cargo xtask package` reads the function's glibc
/// versions with it).
pub fn install() -> Result {
    step("setup: template linter and the package check");
    if output("readelf", &["--version"]).is_some() {
        println!("ok: readelf (binutils)");
    } else {
        crate::install::apt(&["binutils"])?;
    }
    let want = format!("cfn-lint {CFN_LINT_VERSION}");
    if output(&cfn_lint().to_string_lossy(), &["--version"]).as_deref() == Some(want.as_str()) {
        println!("ok: {want} (target/cfn-lint)");
        return Ok(());
    }
    crate::install::pip(&venv(), "cfn-lint", CFN_LINT_VERSION)
}

/// Lints deploy/template.yaml; any error or warning fails (informational notes are shown).
pub fn check() -> Result {
    step("deployment template: cfn-lint deploy/template.yaml");
    let mut lint = cmd(
        &cfn_lint().to_string_lossy(),
        &[
            "--format",
            "parseable",
            "--non-zero-exit-code",
            "warning",
            "deploy/template.yaml",
        ],
    );
    lint.current_dir(root());
    run(lint).map_err(|e| format!("{e}: cfn-lint found problems in deploy/template.yaml"))?;
    println!("cfn-lint {CFN_LINT_VERSION}: deploy/template.yaml has no errors or warnings");
    Ok(())
}
