//! The offline app's file list: writes this build's files into `dist/sw.js` (the service worker,
//! `public/sw.js`, whose `const BUILD = …;` line is a placeholder), so that each build is a new
//! worker that stores exactly the files that build names — hashed ones included — and throws
//! away the previous build's cache. Runs after every other dist step, before precompression.

use crate::sh::{Result, step};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

const PLACEHOLDER: &str = "const BUILD = ";

/// The worker's lists, as URL paths.
#[derive(Debug, Default, PartialEq, serde::Serialize)]
pub struct Lists {
    /// Hash of every listed file: the cache's name.
    pub version: String,
    /// Stored at install in every mode: the HTML shells, the manifest, the icons.
    pub core: Vec<String>,
    /// Each app page's address (no trailing slash) and the shell that serves it offline
    /// (`eer_domain::Page::app_routes`), so the worker does not keep a copy of the table.
    pub shells: std::collections::BTreeMap<String, String>,
    /// Stored at install in kiosk mode: hashed scripts, wasm, stylesheets; the map data.
    pub files: Vec<String>,
    /// Stored at install in kiosk mode: the static pages.
    pub pages: Vec<String>,
}

/// Lists what `dist` holds.
pub fn lists(dist: &Path) -> Result<Lists> {
    let mut lists = Lists::default();
    let mut hasher = Sha256::new();
    for file in crate::files::under(dist)? {
        let relative = file.strip_prefix(dist).map_err(|e| e.to_string())?;
        let relative = relative.to_string_lossy().replace('\\', "/");
        let name = relative.rsplit('/').next().unwrap_or(&relative);
        let url = format!("/{relative}");
        let list = if eer_domain::Page::SHELLS.contains(&relative.as_str())
            || ["manifest.webmanifest", "favicon.svg"].contains(&relative.as_str())
            || (relative.starts_with("icons/") && name.ends_with(".png"))
        {
            &mut lists.core
        } else if eer_domain::asset::is_hashed(name) || url == eer_domain::map_data::URL {
            &mut lists.files
        } else if let Some(dir) = relative.strip_suffix("/index.html") {
            lists.pages.push(format!("/{dir}/"));
            hasher.update(fs::read(&file).map_err(|e| e.to_string())?);
            continue;
        } else {
            continue;
        };
        hasher.update(url.as_bytes());
        hasher.update(fs::read(&file).map_err(|e| e.to_string())?);
        list.push(url);
    }
    for (path, shell) in eer_domain::Page::app_routes() {
        lists.shells.insert(path, format!("/{shell}"));
    }
    lists.version = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(lists)
}

/// Replaces the placeholder line of `sw.js` with `lists`.
pub fn inject(script: &str, lists: &Lists) -> Result<String> {
    let start = script
        .find(PLACEHOLDER)
        .ok_or("sw.js: no `const BUILD = …;` line to fill in")?;
    let end = script[start..]
        .find('\n')
        .map_or(script.len(), |i| start + i);
    let json = serde_json::to_string(lists).map_err(|e| e.to_string())?;
    Ok(format!(
        "{}{PLACEHOLDER}{json};{}",
        &script[..start],
        &script[end..]
    ))
}

/// Writes this build's lists into `dist/sw.js`.
pub fn write(dist: &Path) -> Result {
    step("dist: the service worker's file list");
    let path = dist.join("sw.js");
    let script = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let lists = lists(dist)?;
    for shell in eer_domain::Page::SHELLS {
        let needed = format!("/{shell}");
        if !lists.core.contains(&needed) {
            return Err(format!(
                "dist: {needed} is missing; the app cannot work offline"
            ));
        }
    }
    fs::write(&path, inject(&script, &lists)?).map_err(|e| e.to_string())?;
    println!(
        "sw.js: version {}, {} core, {} files, {} pages",
        lists.version,
        lists.core.len(),
        lists.files.len(),
        lists.pages.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_a_site_and_fills_the_worker() {
        let dir = std::env::temp_dir().join(format!("eer-pwa-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, body) in [
            ("index.html", "<html>"),
            ("quiz.html", "<html>"),
            ("results.html", "<html>"),
            ("explorer.html", "<html>"),
            ("interest.html", "<html>"),
            (
                "sw.js",
                "// x\nconst BUILD = {\"version\":\"dev\"};\nlet y;\n",
            ),
            ("eer-web-0123456789abcdef_bg.wasm", "wasm"),
            ("main-0123456789abcdef.css", "css"),
            ("data/region-paths.json", "{}"),
            ("fr/regions/estrie/index.html", "<html>"),
            ("icons/icon-192.png", "png"),
            ("robots.txt", "x"),
        ] {
            let file = dir.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, body).unwrap();
        }
        let lists = lists(&dir).unwrap();
        assert_eq!(
            lists.core,
            [
                "/explorer.html",
                "/icons/icon-192.png",
                "/index.html",
                "/interest.html",
                "/quiz.html",
                "/results.html"
            ]
        );
        // Each app page offline gets its own family's shell, in both languages.
        assert_eq!(lists.shells["/fr/resultats"], "/results.html");
        assert_eq!(lists.shells["/en/interest/sent"], "/interest.html");
        assert_eq!(lists.shells["/fr/quiz/verifier"], "/quiz.html");
        assert!(
            !lists.shells.contains_key("/fr/regions"),
            "static pages are files"
        );
        assert_eq!(
            lists.files,
            [
                "/data/region-paths.json",
                "/eer-web-0123456789abcdef_bg.wasm",
                "/main-0123456789abcdef.css"
            ]
        );
        assert_eq!(lists.pages, ["/fr/regions/estrie/"]);
        assert_eq!(lists.version.len(), 16);
        write(&dir).unwrap();
        let script = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(script.starts_with("// x\nconst BUILD = {\"version\":\""));
        assert!(script.ends_with("};\nlet y;\n"));
        assert!(!script.contains("\"dev\""));
        fs::remove_dir_all(&dir).unwrap();
    }
}
