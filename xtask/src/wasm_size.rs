//! What each wasm bundle is made of, so that the next size regression shows what grew: the code
//! of each bundle by crate, and its largest functions, read by twiggy (crates.io) from the
//! optimised-for-size build before wasm-bindgen and wasm-opt strip the names. The figures are of
//! that build (the shipped file is smaller after wasm-opt); what matters is the share and the
//! change from one run to the next. Printed by `cargo xtask bench`; asserts nothing.

use std::collections::BTreeMap;

use crate::sh::{Result, cmd, output, root, run, step};

/// twiggy 0.8.0: the current release, built with rustc 1.95 here (about 7 minutes the first time).
const TWIGGY_VERSION: &str = "0.8.0";
/// Rows per table: enough to see what dominates, short enough to read.
const ROWS: usize = 12;

/// Installs twiggy when missing or at another version.
pub fn install() -> Result {
    let want = format!("twiggy-opt {TWIGGY_VERSION}");
    if output("twiggy", &["--version"]).as_deref() == Some(want.as_str()) {
        println!("ok: {want}");
        return Ok(());
    }
    println!("installing: twiggy {TWIGGY_VERSION} from crates.io (for the wasm size breakdown)");
    run(cmd(
        "cargo",
        &["install", "--locked", &format!("twiggy@{TWIGGY_VERSION}")],
    ))
}

/// One row of `twiggy top --format json`.
#[derive(serde::Deserialize)]
struct Item {
    name: String,
    shallow_size: u64,
}

/// Prints, for each bundle `cargo xtask dist` built, its code by crate and its largest functions.
pub fn print() -> Result {
    install()?;
    step("web: what each wasm bundle is made of (twiggy, before wasm-opt)");
    let dir = root().join("target/wasm32-unknown-unknown/wasm-release");
    let mut bundles: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e} (run `cargo xtask dist` first)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    bundles.sort();
    for wasm in bundles {
        let path = wasm.display().to_string();
        let json = output(
            "twiggy",
            &["top", "--format", "json", "-n", "1000000", &path],
        )
        .ok_or_else(|| format!("twiggy could not read {path}"))?;
        let items: Vec<Item> =
            serde_json::from_str(&json).map_err(|e| format!("twiggy's output for {path}: {e}"))?;
        let code: Vec<&Item> = items.iter().filter(|i| is_shipped(&i.name)).collect();
        let total: u64 = code.iter().map(|i| i.shallow_size).sum();
        let name = wasm.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "\n{name}: {:.1} KB of code and data (names and custom sections left out)",
            kb(total)
        );
        println!("  by crate                                   KB      %");
        for (krate, bytes) in by_crate(&code).into_iter().take(ROWS) {
            println!(
                "  {krate:<38} {:>7.1} {:>6.1}",
                kb(bytes),
                percent(bytes, total)
            );
        }
        println!("  largest items                                                      KB");
        for item in code.iter().take(ROWS) {
            println!(
                "  {:<64} {:>5.1}",
                short(&item.name, 64),
                kb(item.shallow_size)
            );
        }
    }
    Ok(())
}

/// Whether an item ends up in the shipped file: the names section, wasm-bindgen's custom
/// section and its `__wbindgen_describe_*` functions and exports are build-time only (read and
/// removed by wasm-bindgen, or stripped by wasm-opt).
fn is_shipped(name: &str) -> bool {
    !(name.starts_with("custom section")
        || name.contains("names\" subsection")
        || name.contains("__wbindgen_describe"))
}

/// Sizes summed by the crate each item's name starts with, largest first.
fn by_crate(items: &[&Item]) -> Vec<(String, u64)> {
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for item in items {
        *sums.entry(crate_of(&item.name)).or_default() += item.shallow_size;
    }
    let mut sums: Vec<_> = sums.into_iter().collect();
    sums.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sums
}

/// The crate of a demangled Rust name: its first path segment, past the `<`, `&`, `dyn` and
/// `impl` of trait impls (`<leptos::X as Y>::f` is leptos's; `<T as core::fmt::Debug>::fmt`,
/// on a type parameter, is core's). Data segments and unnamed items
/// are grouped as such.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("data[") {
        return "(data)".into();
    }
    let mut rest = name.trim_start_matches(['<', '&', '(', '*']);
    for prefix in ["dyn ", "mut ", "const ", "impl "] {
        rest = rest.trim_start_matches(prefix);
    }
    rest = rest.trim_start_matches(['<', '&']);
    // `<F as tachys::X>::f`: a bare type parameter implementing another crate's trait.
    if let (Some(as_at), Some(path_at)) = (rest.find(" as "), rest.find("::"))
        && as_at < path_at
    {
        rest = rest[as_at + 4..].trim_start_matches(['<', '&']);
    }
    match rest.split_once("::") {
        // Strip a `[hash]` the v0 mangling leaves on a crate name.
        Some((krate, _)) => krate.split('[').next().unwrap_or(krate).to_string(),
        None => "(other)".into(),
    }
}

fn short(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_string()
    } else {
        let head: String = name.chars().take(width - 1).collect();
        format!("{head}…")
    }
}

fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

fn percent(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_belongs_to_the_crate_it_starts_with() {
        assert_eq!(crate_of("eer_web::app::quiz_screens::h44536f"), "eer_web");
        assert_eq!(
            crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke::h18c"),
            "tachys"
        );
        assert_eq!(
            crate_of("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<X>>::malloc"),
            "dlmalloc"
        );
        assert_eq!(crate_of("<&T as core::fmt::Debug>::fmt::h1"), "core");
        assert_eq!(crate_of("data segment \".rodata\""), "(data)");
        assert_eq!(crate_of("code[12]"), "(other)");
    }

    #[test]
    fn build_time_sections_are_left_out() {
        assert!(!is_shipped("custom section '__wasm_bindgen_unstable'"));
        assert!(!is_shipped("\"function names\" subsection"));
        assert!(!is_shipped("export \"__wbindgen_describe___wbg_set_8018\""));
        assert!(!is_shipped("__wbindgen_describe___wbg_get_0ae6"));
        assert!(is_shipped("eer_quiz::main::h77f"));
    }
}
