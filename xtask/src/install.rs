//! The two ways the commands install a tool the machine lacks, written once: a Debian package
//! (apt-get, non-interactive) and a Python tool pinned to one version in a virtual environment
//! of its own under `target/` (PyPI), so that nothing is installed into the system's Python.

use crate::sh::{Result, cmd, run};
use std::path::Path;

/// Installs Debian `packages` with apt-get (after refreshing its lists).
pub fn apt(packages: &[&str]) -> Result {
    println!(
        "installing: Debian package(s) {} (apt-get)",
        packages.join(", ")
    );
    let apt = |args: &[&str]| {
        let mut c = cmd("apt-get", args);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(apt(&["update", "-qq"]))?;
    let mut args = vec!["install", "-y", "-qq"];
    args.extend_from_slice(packages);
    run(apt(&args))
}

/// Installs `package==version` from PyPI into the virtual environment `venv` (made first if
/// it is not there).
pub fn pip(venv: &Path, package: &str, version: &str) -> Result {
    println!(
        "installing: {package} {version} from PyPI into {}",
        venv.display()
    );
    if !venv.join("bin/pip").exists() {
        run(cmd("python3", &["-m", "venv", &venv.to_string_lossy()])).map_err(|e| {
            format!(
                "{e}: python3 with its venv module is needed (Debian: apt-get install python3-venv)"
            )
        })?;
    }
    run(cmd(
        &venv.join("bin/pip").to_string_lossy(),
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
            &format!("{package}=={version}"),
        ],
    ))
}
