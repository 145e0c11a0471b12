//! Builds the release site into `dist/`: the app by Trunk (offline, with the locally installed
//! wasm-bindgen and wasm-opt), its boot script moved out of the HTML (so the CSP needs no
//! 'unsafe-inline'), then every text or wasm file precompressed as `.br` and `.gz` for the
//! endpoint to serve as they are.

use crate::sh::{Result, cmd, root, run, step};
use std::fs;
use std::path::{Path, PathBuf};

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn build() -> Result {
    build_for(false)
}

/// `release`: a build to publish (`cargo xtask dist --release`), refused while the privacy
/// page still has a placeholder to confirm; otherwise the placeholders are listed as a warning.
/// Checked first, so that a refusal costs no build.
pub fn build_for(release: bool) -> Result {
    crate::site::officers::check(&crate::site::officers::load(&root())?, release)?;
    step("dist: release build of the app (Trunk, offline)");
    run(cmd("cargo", &["fetch", "--locked"]))?;
    let mut trunk = cmd("trunk", &["build", "--release", "--dist", "dist"]);
    trunk.env("TRUNK_OFFLINE", "true");
    run(trunk)?;
    let dist = dist_dir();
    for shell in eer_domain::Page::SHELLS.into_iter().skip(1) {
        bundle(&dist, shell)?;
    }
    for shell in eer_domain::Page::SHELLS {
        externalise_boot_script(&dist.join(shell))?;
    }
    crate::site::build(&dist)?;
    crate::map_data::copy(&dist)?;
    crate::pwa::write(&dist)?;
    step("dist: precompress (brotli 11, gzip 9)");
    let count = crate::compress::precompress(&dist)?;
    println!("precompressed {count} files");
    Ok(())
}

/// Builds the bundle of one screen family (`eer_domain::Page::shell`: `quiz.html` is built from
/// the binary `eer-quiz`, `src/bin/quiz.rs`) from a copy of index.html that names its binary,
/// then adds its files to `dist/`: its HTML shell and its hashed JS and wasm (the CSS and
/// public files are the same). One Trunk build each, into `target/dist-<family>`.
fn bundle(dist: &Path, shell: &str) -> Result {
    let family = shell
        .strip_suffix(".html")
        .ok_or("a shell is an .html file")?;
    step(&format!("dist: the {family} bundle"));
    let index =
        fs::read_to_string(root().join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let html = shell_html(&index, family);
    if html == index {
        return Err(format!(
            "index.html: no data-bin=\"eer-web\" to point at eer-{family}"
        ));
    }
    // Beside index.html, so that Trunk resolves the same relative asset paths.
    fs::write(root().join(shell), html).map_err(|e| e.to_string())?;
    let out = root().join(format!("target/dist-{family}"));
    // The target comes first: Trunk's `--release` takes an optional value.
    let mut trunk = cmd(
        "trunk",
        &[
            "build",
            shell,
            "--release",
            "--html-output",
            shell,
            "--dist",
        ],
    );
    trunk.arg(&out).env("TRUNK_OFFLINE", "true");
    run(trunk)?;
    for file in crate::files::under(&out)? {
        let relative = file.strip_prefix(&out).map_err(|e| e.to_string())?;
        let target = dist.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::copy(&file, &target).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// The stylesheet only the explorer's screens use (map, legend, facts panel, list, comparison).
const EXPLORER_CSS: &str = "<link data-trunk rel=\"css\" href=\"style/explorer.css\">";

/// index.html made into the shell of one screen family: its binary; the explorer's stylesheet
/// only where its screens are (−1.9 KB brotli and one request for the quiz, results and form);
/// and, in the explorer's, a preload of the map's outlines, so that they download beside the
/// wasm instead of after it has started (one round trip less before the map is drawn on a
/// slow link; `crossorigin` so the app's `fetch` reuses the preloaded response).
fn shell_html(index: &str, family: &str) -> String {
    let html = index.replace(
        "data-bin=\"eer-web\"",
        &format!("data-bin=\"eer-{family}\""),
    );
    if family == "explorer" {
        let preload = format!(
            "<link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\">\n</head>",
            eer_domain::map_data::URL
        );
        html.replacen("</head>", &preload, 1)
    } else {
        html.replacen(&format!("{EXPLORER_CSS}\n"), "", 1)
            .replacen(EXPLORER_CSS, "", 1)
    }
}

/// Moves Trunk's inline `<script type="module">…</script>` into `boot-<hash>.js`, so the
/// endpoint's CSP can say `script-src 'self'` without 'unsafe-inline' or a per-build hash.
fn externalise_boot_script(index: &Path) -> Result {
    let html = fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Err("dist/index.html: Trunk's boot script was not found".into());
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .ok_or("dist/index.html: unclosed boot script")?
        + body_start;
    let script = html[body_start..end].trim().to_string() + "\n";
    let name = crate::files::hashed_name("boot", "js", script.as_bytes());
    fs::write(index.with_file_name(&name), &script).map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
    let new_html = format!(
        "{}{tag}{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    fs::write(index, new_html).map_err(|e| e.to_string())?;
    println!("boot script moved to {name}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> String {
        fs::read_to_string(root().join("index.html")).unwrap()
    }

    #[test]
    fn only_the_explorer_shell_has_its_stylesheet_and_the_map_preload() {
        let index = index();
        assert!(
            index.contains(EXPLORER_CSS),
            "index.html names the explorer's stylesheet"
        );
        let explorer = shell_html(&index, "explorer");
        assert!(explorer.contains("data-bin=\"eer-explorer\""));
        assert!(explorer.contains(EXPLORER_CSS));
        assert!(
            explorer
                .contains("<link rel=\"preload\" href=\"/data/region-paths.json\" as=\"fetch\"")
        );
        for family in ["quiz", "results", "interest"] {
            let html = shell_html(&index, family);
            assert!(
                html.contains(&format!("data-bin=\"eer-{family}\"")),
                "{family}"
            );
            assert!(!html.contains("explorer.css"), "{family}");
            assert!(!html.contains("rel=\"preload\""), "{family}");
            assert!(
                html.contains("style/main.css") && html.contains("style/kiosk.css"),
                "{family}"
            );
        }
    }
}
