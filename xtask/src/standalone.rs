//! The repository stands alone: a clone of it, with nothing beside it, builds the whole site.
//!
//! `check` copies the files git tracks (`git ls-files`: no `node_modules`, `dist` or `target`,
//! nothing untracked) into an empty temporary folder with nothing beside it, installs the npm
//! packages there from `package-lock.json` as a fresh clone would, runs the release build
//! (`cargo xtask dist`) in the copy, and checks that its `dist/` holds the explorer's map data
//! and every static page the generator writes, in both languages. The copy is removed at the
//! end, also when a step fails.
//!
//! So a file the build reads from outside the repository (say the `shared` folder beside it,
//! where the map outlines once lived) fails this test instead of working on a developer's
//! machine only.
//! To stay fast, the build reuses this checkout's target directory (`CARGO_TARGET_DIR`; the
//! copy keeps the files' modification times, so cargo finds the compiled crates fresh).

use crate::sh::{Result, root, run, step};
use eer_domain::map_data::{MapData, URL};
use eer_domain::{Lang, catalogue};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Copies, builds and checks; removes the copy whatever happens.
pub fn check() -> Result {
    step("the repository stands alone: release build of a copy of the tracked files");
    let started = Instant::now();
    let tmp = scratch_parent()?;
    let repo = tmp.join("repo");
    let result = copy_tracked(&root(), &repo)
        .and_then(|count| {
            println!("copied {count} tracked files to {}", repo.display());
            build(&repo)
        })
        .and_then(|()| check_dist(&repo.join("dist")));
    let removed = fs::remove_dir_all(&tmp).map_err(|e| format!("{}: {e}", tmp.display()));
    result?;
    removed?;
    println!(
        "stand-alone build checked in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A new empty folder in the system's temporary folder: the copy goes in its `repo/`, so that
/// `repo/..` holds nothing else (no `shared` folder beside it to lean on).
fn scratch_parent() -> Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir =
        std::env::temp_dir().join(format!("eer-standalone-{}-{nanos:09}", std::process::id()));
    fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// The files git tracks in `from` (the index: a file added and not yet committed counts).
pub fn tracked(from: &Path) -> Result<Vec<PathBuf>> {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(from)
        .output()
        .map_err(|e| format!("git ls-files: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git ls-files failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out
        .stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .collect())
}

/// Copies the tracked files of `from` into `to`, with their permissions and modification
/// times (cargo decides freshness by them). Returns how many.
fn copy_tracked(from: &Path, to: &Path) -> Result<usize> {
    let files = tracked(from)?;
    for relative in &files {
        let (src, dst) = (from.join(relative), to.join(relative));
        if let Some(dir) = dst.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let meta = fs::symlink_metadata(&src).map_err(|e| format!("{}: {e}", src.display()))?;
        if meta.file_type().is_symlink() {
            let target = fs::read_link(&src).map_err(|e| e.to_string())?;
            std::os::unix::fs::symlink(&target, &dst).map_err(|e| e.to_string())?;
            continue;
        }
        fs::copy(&src, &dst).map_err(|e| format!("{}: {e}", src.display()))?;
        let modified = meta.modified().map_err(|e| e.to_string())?;
        fs::File::options()
            .write(true)
            .open(&dst)
            .and_then(|f| f.set_modified(modified))
            .map_err(|e| format!("{}: {e}", dst.display()))?;
    }
    // The folders too, once everything is in them: the app's build script watches
    // `locales/fr` and `locales/en` as folders, and a folder newer than its last run would
    // make cargo run it again and recompile the app for nothing.
    let mut dirs: Vec<&Path> = files.iter().flat_map(|f| f.ancestors().skip(1)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs.iter().rev().filter(|d| !d.as_os_str().is_empty()) {
        let modified = fs::metadata(from.join(dir))
            .and_then(|m| m.modified())
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        fs::File::open(to.join(dir))
            .and_then(|f| f.set_modified(modified))
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(files.len())
}

/// In the copy: the npm packages, then `cargo xtask dist`, with this checkout's target dir.
fn build(repo: &Path) -> Result {
    // From package-lock.json, as a fresh clone gets them, rather than by copying this
    // checkout's node_modules (untracked, so possibly more than the lock file says). Offline
    // first: `cargo xtask setup` has already filled npm's cache with these exact packages;
    // from the registry if the cache was emptied since.
    let npm = |mode: &str| {
        let mut c = Command::new("npm");
        c.args(["ci", mode, "--no-audit", "--no-fund"])
            .current_dir(repo);
        c
    };
    if run(npm("--offline")).is_err() {
        println!("npm's cache lacks a package: installing from the registry");
        run(npm("--prefer-offline"))?;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let mut dist = Command::new("cargo");
    dist.args(["xtask", "dist"])
        .current_dir(repo)
        .env("CARGO_TARGET_DIR", &target)
        // The defaults are what is tested: the outlines from the repository's own copy.
        .env_remove("EER_MAP_PATHS")
        // Set by cargo for this process; the copy's xtask must find its own root.
        .env_remove("CARGO_MANIFEST_DIR");
    println!("(in {})", repo.display());
    run(dist).map_err(|e| format!("the copy in {} does not build: {e}", repo.display()))
}

/// What a copy's `dist/` must hold: the map data the explorer fetches (readable by its reader,
/// with every destination drawn), each destination's static map, and every static page in
/// both languages — the list comes from the generator itself (`site::pages`).
pub fn check_dist(dist: &Path) -> Result {
    let mut missing = Vec::new();
    let map_file = dist.join(URL.trim_start_matches('/'));
    match fs::read_to_string(&map_file) {
        Err(_) => missing.push(URL.to_string()),
        Ok(text) => {
            let data = MapData::parse(&text).map_err(|e| format!("{URL}: {e}"))?;
            for region in catalogue().destinations() {
                if data.full.path(&region.code).is_none() {
                    missing.push(format!("{URL}: region {}", region.code));
                }
            }
        }
    }
    for region in catalogue().destinations() {
        let href = crate::site::map::href(&region.code);
        if !dist.join(href.trim_start_matches('/')).is_file() {
            missing.push(href);
        }
    }
    let mut pages = 0;
    for lang in Lang::ALL {
        for page in crate::site::pages() {
            let path = page.path(lang);
            pages += 1;
            if !crate::site::file_for(dist, &path).is_file() {
                missing.push(path);
            }
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "{} lacks {} file(s): {}",
            dist.display(),
            missing.len(),
            missing.join(", ")
        ));
    }
    println!(
        "{}: the map data, {} region maps and all {pages} static pages are there",
        dist.display(),
        catalogue().destinations().count()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No tracked file names the folder beside the repository where the map outlines and the
    /// architecture notes once lived (the pattern is built here, so that this file does not
    /// match itself).
    #[test]
    fn no_tracked_file_points_outside_the_repository() {
        let pattern = format!("\\.\\./{}", "shared");
        let out = Command::new("git")
            .args(["grep", "-n", "-E", &pattern])
            .current_dir(root())
            .output()
            .expect("git grep");
        // git grep exits with 1 when nothing matches.
        assert_eq!(
            out.status.code(),
            Some(1),
            "files name the folder beside the repository:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }

    #[test]
    fn tracked_files_are_listed_and_build_output_is_not() {
        let files = tracked(&root()).unwrap();
        assert!(files.iter().any(|f| f == Path::new("Cargo.toml")));
        assert!(
            files
                .iter()
                .any(|f| f == Path::new("domain/data/map/region-paths.json"))
        );
        for built in ["node_modules", "dist", "target"] {
            assert!(!files.iter().any(|f| f.starts_with(built)), "{built}");
        }
    }

    #[test]
    fn an_empty_dist_lacks_the_map_and_every_page() {
        let dir = std::env::temp_dir().join(format!("eer-standalone-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let err = check_dist(&dir).unwrap_err();
        assert!(err.contains(URL), "{err}");
        assert!(err.contains("/fr/regions/estrie"), "{err}");
        assert!(err.contains("/en/sources"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
