//! The guard against tests that are compiled but never run. A plain `#[test]` in the web crate
//! is ignored by wasm-bindgen-test, and the native run leaves the web crate out: ten tests once
//! sat there unseen while the suite passed (issue 20). So each `cargo test` of the suite runs
//! through [`Counts::run`], which reads how many tests each target's harness saw and compares
//! it with the test functions written in the target's source (the files its `mod` lines reach):
//! a target whose harness saw fewer fails the suite, naming the target. [`Counts::print`] gives
//! the number of tests run per target at the end.
//!
//! A test function is an item under `#[test]`, `#[<crate>::test]` (tokio) or
//! `#[wasm_bindgen_test]`, the attribute alone at the start of its line (rustfmt's layout;
//! proptest's `proptest! { #[test] fn … }` is counted the same way). Tests made by a macro of
//! our own would be counted once per attribute written: a harness that sees more than was found
//! is reported, not failed.

use crate::sh::{Result, output};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The tests seen by every target of the suite's `cargo test` runs so far.
#[derive(Default)]
pub struct Counts {
    rows: Vec<Row>,
}

/// One target's line of the final table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// "native" or the target triple of the run ("wasm32-unknown-unknown").
    platform: String,
    /// The package and the target's source, e.g. "eer-domain src/lib.rs", or "eer_domain
    /// doc-tests".
    target: String,
    /// What its harness reported.
    seen: Harness,
    /// Test functions found in its source; `None` for doc-tests (not counted in the source).
    found: Option<usize>,
}

/// What a test harness reported for one target.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Harness {
    passed: usize,
    failed: usize,
    ignored: usize,
    filtered: usize,
}

impl Harness {
    /// Every test the harness holds: run, ignored or filtered out.
    fn total(self) -> usize {
        self.passed + self.failed + self.ignored + self.filtered
    }
}

/// One block of `cargo test`'s output: a target, then its harness's report.
#[derive(Debug, Clone, PartialEq)]
enum Report {
    /// `Running [unittests ]<src> (<executable>)`: `src` relative to the package.
    Target {
        src: String,
        crate_name: String,
        platform: String,
        seen: Harness,
    },
    /// `Doc-tests <crate>`, after the targets of the same run (and platform).
    Doc {
        crate_name: String,
        platform: String,
        seen: Harness,
    },
}

/// A lib, bin or test target of a workspace package, from `cargo metadata`.
#[derive(Debug, Clone, PartialEq)]
struct Target {
    package: String,
    /// The crate name as the executables spell it (`-` becomes `_`).
    crate_name: String,
    /// The package's folder.
    dir: PathBuf,
    src: PathBuf,
}

impl Counts {
    /// Runs a `cargo test` command, its output going to ours as it comes, then checks that
    /// each target's harness saw every test function of the target's source (and that no
    /// target with tests was left out of a package that ran). Records the counts for
    /// [`Counts::print`].
    pub fn run(&mut self, mut command: Command) -> Result {
        let shown = crate::sh::show(&command);
        println!("$ {shown}");
        // Cargo writes `Running …` on stderr and the harnesses write on stdout: one pipe for
        // both keeps them in order.
        let (reader, writer) = std::io::pipe().map_err(|e| format!("pipe: {e}"))?;
        let writer2 = writer.try_clone().map_err(|e| format!("pipe: {e}"))?;
        command.stdout(writer).stderr(writer2);
        let mut child = command
            .spawn()
            .map_err(|e| format!("could not start `{shown}`: {e}"))?;
        // The command holds the pipe's write ends: dropped, the pipe ends with the child.
        drop(command);
        let mut text = String::new();
        let mut reader = BufReader::new(reader);
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {
                    let l = String::from_utf8_lossy(&line);
                    print!("{l}");
                    text.push_str(&l);
                }
                Err(e) => return Err(format!("reading `{shown}`: {e}")),
            }
        }
        let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
        if !status.success() {
            return Err(format!("`{shown}` failed ({status})"));
        }
        let targets = workspace_targets()?;
        let (rows, problems) = check(&parse(&text), &targets);
        self.rows.extend(rows);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "tests written but not run by `{shown}`:\n  {}",
                problems.join("\n  ")
            ))
        }
    }

    /// The table of tests run per target, and the total.
    pub fn print(&self) {
        println!("\ntests run per target (found: test functions in its source):");
        let width = self.rows.iter().map(|r| r.target.len()).max().unwrap_or(0);
        for r in &self.rows {
            let found = r.found.map_or(String::new(), |n| format!("  found {n:>3}"));
            let ignored = match r.seen.ignored {
                0 => String::new(),
                n => format!("  ({n} ignored)"),
            };
            println!(
                "  {:<7} {:<width$}  run {:>3}{found}{ignored}",
                platform_label(&r.platform),
                r.target,
                r.seen.passed + r.seen.failed
            );
        }
        let run: usize = self
            .rows
            .iter()
            .map(|r| r.seen.passed + r.seen.failed)
            .sum();
        println!("  total: {run} tests run in {} targets", self.rows.len());
    }
}

fn platform_label(platform: &str) -> &str {
    platform.split('-').next().unwrap_or(platform)
}

/// Compares what each harness saw with what the target's source holds: the rows of the table,
/// and one message per target that lost tests.
fn check(reports: &[Report], targets: &[Target]) -> (Vec<Row>, Vec<String>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut reported: Vec<&Target> = Vec::new();
    for report in reports {
        match report {
            Report::Doc {
                crate_name,
                platform,
                seen,
            } => rows.push(Row {
                platform: platform.clone(),
                target: format!("{crate_name} doc-tests"),
                seen: *seen,
                found: None,
            }),
            Report::Target {
                src,
                crate_name,
                platform,
                seen,
            } => {
                let target = targets
                    .iter()
                    .find(|t| t.crate_name == *crate_name && t.src == t.dir.join(src));
                let found = target.map(|t| count_tests(&t.src));
                let name = match target {
                    Some(t) => format!("{} {src}", t.package),
                    None => format!("{crate_name} {src}"),
                };
                match found {
                    Some(n) if n > seen.total() => problems.push(format!(
                        "{name} ({platform}): {n} test functions in its source, its harness saw \
                         {} — a plain #[test] where only #[wasm_bindgen_test] runs, or a cfg \
                         that leaves them out?",
                        seen.total()
                    )),
                    Some(n) if n < seen.total() => println!(
                        "note: {name} ({platform}): its harness saw {} tests, {n} test \
                         functions found in its source (tests made by a macro?)",
                        seen.total()
                    ),
                    _ => {}
                }
                reported.extend(target);
                rows.push(Row {
                    platform: platform.clone(),
                    target: name,
                    seen: *seen,
                    found,
                });
            }
        }
    }
    // A target left out of the run (`test = false`, missing required features) in a package
    // that did run: its tests are never run either.
    for t in targets {
        let package_ran = reported.iter().any(|r| r.package == t.package);
        if package_ran && !reported.contains(&t) {
            let n = count_tests(&t.src);
            if n > 0 {
                let src = t.src.strip_prefix(&t.dir).unwrap_or(&t.src);
                problems.push(format!(
                    "{} {}: {n} test functions in its source, and cargo test never ran it",
                    t.package,
                    src.display()
                ));
            }
        }
    }
    (rows, problems)
}

/// The lib, bin and test targets of the workspace's packages (examples and benches are built
/// but not run as tests by `cargo test`).
fn workspace_targets() -> Result<Vec<Target>> {
    let json = output(
        "cargo",
        &["metadata", "--no-deps", "--format-version", "1", "--locked"],
    )
    .ok_or("`cargo metadata` failed")?;
    targets_of(&json)
}

fn targets_of(metadata: &str) -> Result<Vec<Target>> {
    let v: Value = serde_json::from_str(metadata).map_err(|e| format!("cargo metadata: {e}"))?;
    let mut out = Vec::new();
    for p in v["packages"]
        .as_array()
        .ok_or("cargo metadata: no packages")?
    {
        let package = p["name"].as_str().unwrap_or_default().to_string();
        let dir = Path::new(p["manifest_path"].as_str().unwrap_or_default())
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for t in p["targets"].as_array().into_iter().flatten() {
            let tested = t["kind"].as_array().into_iter().flatten().any(|k| {
                matches!(
                    k.as_str(),
                    Some("lib" | "rlib" | "cdylib" | "staticlib" | "bin" | "test")
                )
            });
            if tested {
                out.push(Target {
                    package: package.clone(),
                    crate_name: t["name"].as_str().unwrap_or_default().replace('-', "_"),
                    dir: dir.clone(),
                    src: PathBuf::from(t["src_path"].as_str().unwrap_or_default()),
                });
            }
        }
    }
    Ok(out)
}

/// The blocks of `cargo test`'s output, for libtest (native) and wasm-bindgen-test-runner,
/// which says `no tests to run!` and no result line when a target holds none.
fn parse(output: &str) -> Vec<Report> {
    let mut reports = Vec::new();
    for line in output.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Running ") {
            let rest = rest.strip_prefix("unittests ").unwrap_or(rest);
            let Some((src, exe)) = rest.rsplit_once(" (") else {
                continue;
            };
            let exe = exe.trim_end_matches(')');
            let file = Path::new(exe)
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
            // `eer_domain-3c41353eab659b9e`, `eer_web-0123abcd.wasm`: the name, then the hash.
            let crate_name = file
                .rsplit_once('-')
                .map_or(file.as_str(), |(name, _hash)| name);
            // `<target dir>/<triple>/<profile>/deps/…` when cross-compiled, and
            // `<target dir>/<profile>/deps/…` natively (a triple has at least two dashes).
            let parts: Vec<&str> = exe.split(['/', '\\']).collect();
            let platform = parts
                .iter()
                .position(|p| *p == "deps")
                .filter(|i| *i >= 2 && parts[i - 2].matches('-').count() >= 2)
                .map_or("native", |i| parts[i - 2]);
            reports.push(Report::Target {
                src: src.to_string(),
                crate_name: crate_name.to_string(),
                platform: platform.to_string(),
                seen: Harness::default(),
            });
        } else if let Some(name) = line.strip_prefix("Doc-tests ") {
            let platform = match reports.last() {
                Some(Report::Target { platform, .. } | Report::Doc { platform, .. }) => {
                    platform.clone()
                }
                None => "native".into(),
            };
            reports.push(Report::Doc {
                crate_name: name.trim().to_string(),
                platform,
                seen: Harness::default(),
            });
        } else if let Some(result) = line.strip_prefix("test result:") {
            let seen = match reports.last_mut() {
                Some(Report::Target { seen, .. } | Report::Doc { seen, .. }) => seen,
                None => continue,
            };
            *seen = read_result(result);
        }
    }
    reports
}

/// "ok. 35 passed; 0 failed; 1 ignored; 0 measured; 2 filtered out; finished in 0.05s"
fn read_result(result: &str) -> Harness {
    let words: Vec<&str> = result.split_whitespace().collect();
    let mut h = Harness::default();
    for pair in words.windows(2) {
        let Ok(n) = pair[0].parse::<usize>() else {
            continue;
        };
        match pair[1].trim_end_matches([';', ',', '.']) {
            "passed" => h.passed = n,
            "failed" => h.failed = n,
            "ignored" => h.ignored = n,
            "filtered" => h.filtered = n,
            _ => {}
        }
    }
    h
}

/// The test functions in a crate's source: its root file and every file its `mod` lines reach.
fn count_tests(root: &Path) -> usize {
    let mut files = vec![(root.to_path_buf(), true)];
    let mut count = 0;
    let mut seen = Vec::new();
    while let Some((file, owns_dir)) = files.pop() {
        if seen.contains(&file) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            // A module of another platform, or a file built elsewhere: nothing to count here.
            continue;
        };
        seen.push(file.clone());
        count += tests_in(&text);
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        // `foo.rs`'s modules live in `foo/`; a crate root's and a `mod.rs`'s beside them.
        let children = if owns_dir || file.file_name().is_some_and(|f| f == "mod.rs") {
            dir.clone()
        } else {
            dir.join(file.file_stem().unwrap_or_default())
        };
        for (name, path_attr) in modules_in(&text) {
            if let Some(p) = path_attr {
                // `#[path]` on a module declared in a file is relative to that file's folder.
                files.push((dir.join(p), true));
            } else {
                let flat = children.join(format!("{name}.rs"));
                if flat.exists() {
                    files.push((flat, false));
                } else {
                    files.push((children.join(&name).join("mod.rs"), true));
                }
            }
        }
    }
    count
}

/// The test attributes of a file: `#[test]`, `#[tokio::test(…)]`, `#[wasm_bindgen_test]`.
fn tests_in(text: &str) -> usize {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("#["))
        .filter(|attr| {
            let path = attr.split(['(', ']']).next().unwrap_or_default().trim();
            let last = path.rsplit("::").next().unwrap_or_default();
            matches!(last, "test" | "wasm_bindgen_test")
        })
        .count()
}

/// The `mod name;` declarations of a file (not inline `mod name { … }`), each with its
/// `#[path = "…"]` when it has one (on the line before or on the same line).
fn modules_in(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut path_attr: Option<String> = None;
    for line in text.lines() {
        let mut rest = line.trim();
        // Leading attributes: `#[cfg(test)] mod tests;`, `#[path = "x.rs"]`.
        while let Some(attr) = rest.strip_prefix("#[") {
            let Some(end) = attr.find(']') else {
                break;
            };
            let inner = attr[..end].trim();
            if let Some(value) = inner.strip_prefix("path") {
                let value = value.trim_start().trim_start_matches('=').trim();
                path_attr = Some(value.trim_matches('"').to_string());
            }
            rest = attr[end + 1..].trim_start();
        }
        if rest.is_empty() {
            continue;
        }
        let decl = rest
            .strip_prefix("pub ")
            .or_else(|| {
                rest.strip_prefix("pub(")
                    .and_then(|r| r.split_once(')'))
                    .map(|(_, r)| r.trim_start())
            })
            .unwrap_or(rest);
        let name = decl.strip_prefix("mod ").and_then(|r| r.strip_suffix(';'));
        if let Some(name) = name.map(str::trim).filter(|n| is_identifier(n)) {
            out.push((name.to_string(), path_attr.take()));
        }
        path_attr = None;
    }
    out
}

fn is_identifier(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    !name.is_empty() && name.chars().all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the wasm stage printed before the web crate's ten tests moved (shortened).
    const WASM_BEFORE: &str = "\
    Finished `test` profile [unoptimized + debuginfo] target(s) in 2.00s
     Running unittests src/lib.rs (target/wasm32-unknown-unknown/debug/deps/eer_web-0123abcd.wasm)
no tests to run!
     Running tests/components.rs (target/wasm32-unknown-unknown/debug/deps/components-89ab.wasm)
Running headless tests in Chrome on `http://127.0.0.1:34875/`
Loading Wasm module...

running 3 tests
test every_key_has_text_in_both_languages ... ok

test result: ok. 3 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.81s

   Doc-tests eer_web

running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
";

    const NATIVE: &str = "\
     Running unittests src/lib.rs (target/debug/deps/eer_domain-3c41353eab659b9e)

running 25 tests
test result: ok. 24 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.04s

   Doc-tests eer_domain

running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
";

    fn harness(passed: usize, ignored: usize) -> Harness {
        Harness {
            passed,
            ignored,
            ..Harness::default()
        }
    }

    #[test]
    fn reads_libtest_and_the_wasm_runner() {
        let wasm = parse(WASM_BEFORE);
        assert_eq!(
            wasm,
            [
                Report::Target {
                    src: "src/lib.rs".into(),
                    crate_name: "eer_web".into(),
                    platform: "wasm32-unknown-unknown".into(),
                    seen: Harness::default(),
                },
                Report::Target {
                    src: "tests/components.rs".into(),
                    crate_name: "components".into(),
                    platform: "wasm32-unknown-unknown".into(),
                    seen: harness(3, 0),
                },
                Report::Doc {
                    crate_name: "eer_web".into(),
                    platform: "wasm32-unknown-unknown".into(),
                    seen: Harness::default(),
                },
            ]
        );
        let native = parse(NATIVE);
        assert_eq!(
            native,
            [
                Report::Target {
                    src: "src/lib.rs".into(),
                    crate_name: "eer_domain".into(),
                    platform: "native".into(),
                    seen: harness(24, 1),
                },
                Report::Doc {
                    crate_name: "eer_domain".into(),
                    platform: "native".into(),
                    seen: Harness::default(),
                },
            ]
        );
        let failed = read_result(" FAILED. 3 passed; 2 failed; 0 ignored; 4 filtered out");
        assert_eq!((failed.failed, failed.filtered, failed.total()), (2, 4, 9));
    }

    #[test]
    fn counts_test_attributes_only() {
        // Built line by line, so that no line of this file starts with a test attribute.
        let text = [
            "#[cfg(test)]",
            "mod tests {",
            "    #[test]",
            "    fn a() {}",
            "    // #[test]",
            "    #[tokio::test(flavor = \"multi_thread\")]",
            "    async fn b() {}",
            "    #[wasm_bindgen_test]",
            "    fn c() {}",
            "    #[should_panic]",
            "    #[test_case]",
            "}",
            "wasm_bindgen_test_configure!(run_in_browser);",
        ]
        .join("\n");
        assert_eq!(tests_in(&text), 3);
    }

    #[test]
    fn reads_module_declarations() {
        let text = [
            "pub mod a;",
            "mod b;",
            "#[cfg(test)]",
            "mod tests;",
            "#[cfg(test)] mod more;",
            "pub(crate) mod c;",
            "mod inline {",
            "}",
            "#[path = \"other/d.rs\"]",
            "mod d;",
            "let s = \"mod not_one;\";",
        ]
        .join("\n");
        let names: Vec<(String, Option<String>)> = modules_in(&text);
        let expected = [
            ("a", None),
            ("b", None),
            ("tests", None),
            ("more", None),
            ("c", None),
            ("d", Some("other/d.rs".to_string())),
        ]
        .map(|(n, p)| (n.to_string(), p));
        assert_eq!(names, expected);
    }

    /// A scratch crate: lib.rs -> a.rs -> a/deep.rs, b/mod.rs, and a `#[path]` module.
    fn scratch_crate(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("eer-counts-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (file, text) in [
            (
                "src/lib.rs",
                "mod a;\nmod b;\n#[path = \"x/y.rs\"]\nmod p;\n#[test]\nfn t() {}\n",
            ),
            ("src/a.rs", "mod deep;\n#[test]\nfn t() {}\n"),
            ("src/a/deep.rs", "#[test]\nfn t() {}\n#[test]\nfn u() {}\n"),
            ("src/b/mod.rs", "#[tokio::test]\nasync fn t() {}\n"),
            ("src/x/y.rs", "#[wasm_bindgen_test]\nfn t() {}\n"),
            ("src/main.rs", "fn main() {}\n"),
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn target(dir: &Path, crate_name: &str, src: &str) -> Target {
        Target {
            package: "demo".into(),
            crate_name: crate_name.into(),
            dir: dir.to_path_buf(),
            src: dir.join(src),
        }
    }

    #[test]
    fn follows_the_module_tree() {
        let dir = scratch_crate("tree");
        assert_eq!(count_tests(&dir.join("src/lib.rs")), 6);
        assert_eq!(count_tests(&dir.join("src/main.rs")), 0);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_target_whose_tests_are_not_run_fails() {
        let dir = scratch_crate("check");
        let targets = [
            target(&dir, "demo", "src/lib.rs"),
            target(&dir, "demo", "src/main.rs"),
        ];
        let report = |src: &str, seen: Harness| Report::Target {
            src: src.into(),
            crate_name: "demo".into(),
            platform: "wasm32-unknown-unknown".into(),
            seen,
        };
        // All six seen (some ignored or filtered out): fine, and counted.
        let (rows, problems) = check(
            &[
                report("src/lib.rs", harness(5, 1)),
                report("src/main.rs", Harness::default()),
            ],
            &targets,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].found, Some(6));
        assert_eq!(rows[0].target, "demo src/lib.rs");
        // "no tests to run!": the case of issue 20.
        let (_, problems) = check(&[report("src/lib.rs", Harness::default())], &targets);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("demo src/lib.rs (wasm32-unknown-unknown): 6 test functions"));
        // Some lost: still a failure.
        let (_, problems) = check(&[report("src/lib.rs", harness(5, 0))], &targets);
        assert_eq!(problems.len(), 1);
        // A target with tests that cargo never ran, in a package that ran.
        let (_, problems) = check(&[report("src/main.rs", Harness::default())], &targets);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("never ran it"), "{problems:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_the_workspace_targets() {
        let metadata = r#"{"packages":[{"name":"eer-web","manifest_path":"/w/Cargo.toml",
            "targets":[{"name":"eer_web","kind":["lib"],"src_path":"/w/src/lib.rs"},
                       {"name":"eer-quiz","kind":["bin"],"src_path":"/w/src/bin/quiz.rs"},
                       {"name":"fit","kind":["bench"],"src_path":"/w/benches/fit.rs"},
                       {"name":"build-script-build","kind":["custom-build"],"src_path":"/w/build.rs"}]}]}"#;
        let targets = targets_of(metadata).unwrap();
        assert_eq!(
            targets,
            [
                target(Path::new("/w"), "eer_web", "src/lib.rs"),
                target(Path::new("/w"), "eer_quiz", "src/bin/quiz.rs"),
            ]
            .map(|t| Target {
                package: "eer-web".into(),
                ..t
            })
        );
    }
}
