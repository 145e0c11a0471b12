//! Coverage-guided fuzzing of the parsers (issue 17): cargo-fuzz (libFuzzer) on Rust's nightly
//! toolchain, targets in fuzz/fuzz_targets, committed seeds in fuzz/seeds/TARGET.
//!
//! Built without a sanitizer (`--sanitizer none`): the parsers are safe Rust, where
//! AddressSanitizer finds nothing that Rust's own checks do not, at about half the speed; with
//! debug assertions and overflow checks on, so that an overflow is a crash.
//!
//! `cargo xtask test` runs each target for [`SMOKE_SECONDS`] so that a regression that the
//! seeds or a few seconds of mutation reach fails the suite; `cargo xtask fuzz TARGET SECONDS`
//! runs one for longer. New inputs go to a scratch corpus under target/, never into the seeds.

use crate::sh::{Result, cmd, output, root, run, step};

/// The parsers that read what people and files send: the interest form (reader and
/// validator), the quiz answers in a URL, the catalogue file, the app's routes and the
/// endpoint's static-file paths.
pub const TARGETS: [&str; 5] = [
    "interest_form",
    "answers_query",
    "catalogue",
    "route",
    "static_path",
];

/// Seconds per target in the test suite: thousands to millions of executions each, a few
/// seconds of CI in all once built.
pub const SMOKE_SECONDS: u32 = 5;

/// The cargo-fuzz release installed from crates.io when missing.
const CARGO_FUZZ: &str = "0.13.2";

/// `cargo xtask fuzz [TARGET [SECONDS]]`: every target briefly, or one for SECONDS.
pub fn command(args: &[String]) -> Result {
    match args {
        [] => smoke(),
        [target] => one(target, SMOKE_SECONDS),
        [target, seconds] => {
            let seconds = seconds
                .parse()
                .map_err(|_| format!("fuzz: SECONDS must be a whole number, got {seconds:?}"))?;
            one(target, seconds)
        }
        _ => Err("usage: cargo xtask fuzz [TARGET [SECONDS]]".into()),
    }
}

/// Every target for [`SMOKE_SECONDS`] (a stage of `cargo xtask test`).
pub fn smoke() -> Result {
    step("fuzzing: each parser for a few seconds (cargo-fuzz, nightly)");
    tools()?;
    run(cmd(
        "cargo",
        &[
            "+nightly",
            "fuzz",
            "build",
            "--sanitizer",
            "none",
            "--debug-assertions",
        ],
    ))?;
    for target in TARGETS {
        fuzz(target, SMOKE_SECONDS)?;
    }
    Ok(())
}

fn one(target: &str, seconds: u32) -> Result {
    if !TARGETS.contains(&target) {
        return Err(format!(
            "fuzz: no target {target:?}; the targets are {}",
            TARGETS.join(", ")
        ));
    }
    tools()?;
    fuzz(target, seconds)
}

/// Runs `target` for `seconds` from its seeds; fails on a crash, a panic or a timeout (the
/// input is then in fuzz/artifacts/TARGET/, and `cargo +nightly fuzz run TARGET FILE` replays
/// it).
fn fuzz(target: &str, seconds: u32) -> Result {
    let corpus = root().join("target/fuzz-corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let corpus = corpus.to_string_lossy().to_string();
    let seeds = format!("fuzz/seeds/{target}");
    run(cmd(
        "cargo",
        &[
            "+nightly",
            "fuzz",
            "run",
            "--sanitizer",
            "none",
            "--debug-assertions",
            target,
            &corpus,
            &seeds,
            "--",
            &format!("-max_total_time={seconds}"),
            // Any input taking a second is a bug for parsers of a few KiB.
            "-timeout=10",
            "-print_final_stats=1",
        ],
    ))
}

/// The nightly toolchain (cargo-fuzz needs its `-Z` flags) and cargo-fuzz itself.
fn tools() -> Result {
    let toolchains = output("rustup", &["toolchain", "list"]).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        return Err(
            "fuzzing needs Rust's nightly toolchain (cargo-fuzz builds with -Z flags) and this \
             machine has none (`rustup toolchain list`). The project's machine image carries one. \
             Elsewhere, install it with `rustup toolchain install nightly --profile minimal` \
             (it comes from rustup's own server, not from a package registry), then run \
             `cargo xtask test` again."
                .into(),
        );
    }
    println!("ok: rust nightly toolchain");
    let want = format!("cargo-fuzz {CARGO_FUZZ}");
    if output("cargo", &["fuzz", "--version"]).as_deref() == Some(want.as_str()) {
        println!("ok: {want}");
        return Ok(());
    }
    println!("installing: {want} from crates.io (about 2 minutes)");
    run(cmd(
        "cargo",
        &["install", "--locked", &format!("cargo-fuzz@{CARGO_FUZZ}")],
    ))
}
