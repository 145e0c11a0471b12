//! Running commands: each is echoed before it runs, so a log says what was done.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (xtask lives one level below it). `cargo run` gives the manifest's folder
/// at run time; the compile-time one is only a fallback (a target dir shared between two
/// checkouts would otherwise point at the other one).
pub fn root() -> PathBuf {
    let manifest = std::env::var("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    Path::new(&manifest)
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// A command run from the workspace root, with `node_modules/.bin` first on PATH so that the
/// npm-installed wasm-opt (binaryen 132) wins over any other on the machine.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(root());
    command.env("PATH", path_with_node_bin());
    command
}

pub fn path_with_node_bin() -> String {
    let node_bin = root().join("node_modules/.bin");
    let cargo_bin = home_cargo_bin();
    let current = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{current}", node_bin.display(), cargo_bin.display())
}

fn home_cargo_bin() -> PathBuf {
    std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin")
}

/// Runs a command to the end, its output going to ours; an error names the command.
pub fn run(mut command: Command) -> Result {
    let shown = show(&command);
    println!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program, args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn show(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().to_string()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().to_string()));
    parts.join(" ")
}

/// A fresh scratch folder under target/xtask/ (kept out of git, removed first).
pub fn scratch(name: &str) -> Result<PathBuf> {
    let dir = root().join("target/xtask").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// A section heading in the log.
pub fn step(title: &str) {
    println!("\n==> {title}");
}
