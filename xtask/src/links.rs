//! `cargo xtask links`: the link registry (`eer_domain::links::all`) and where each link is
//! used, oldest check first (never checked at the top), so that a person can open each one and
//! re-check it before a launch. Nothing here opens a link: there is no network in the build,
//! and a check is a person's, written as a date in domain/src/links.rs.
//!
//! "Where it is used": the static pages whose HTML carries the address (rendered in memory,
//! the same way `cargo xtask dist` writes them) and the source files of the app and the domain
//! that name the registry constant (`links::QUEBEC_EMPLOI`, …).

use crate::sh::{Result, root};
use crate::site;
use eer_domain::links::{self, Kind, SERVICE};
use std::fs;
use std::path::Path;

pub fn print() -> Result {
    let pages = site::render_all(&root())?;
    let code = source_files(&root());
    let mut entries = links::all();
    // Oldest check first; never checked before any date; then registry order.
    entries.sort_by_key(|e| e.checked.map(str::to_string));
    println!(
        "{} external links ({} of the service, {} sources, {} organisations); oldest check first",
        entries.len(),
        entries.iter().filter(|e| e.kind == Kind::Service).count(),
        entries.iter().filter(|e| e.kind == Kind::Source).count(),
        entries
            .iter()
            .filter(|e| e.kind == Kind::Organisation)
            .count(),
    );
    for e in &entries {
        println!();
        println!("{}", e.url);
        println!("  name:         {}", e.name);
        println!("  for:          {}", e.purpose);
        println!(
            "  last checked: {}",
            e.checked.unwrap_or("never (check it before a launch)")
        );
        println!("  confirmed by: {}", e.confirmed_by);
        let mut used: Vec<String> = pages
            .iter()
            .filter(|(_, html)| html.contains(&format!("href=\"{}\"", site::html::esc(&e.url))))
            .map(|(path, _)| path.clone())
            .collect();
        if let Some(l) = SERVICE.iter().find(|l| l.url == e.url) {
            let constant = constant_name(l.id);
            used.extend(
                code.iter()
                    .filter(|(_, text)| text.contains(&format!("links::{constant}")))
                    .map(|(path, _)| path.clone()),
            );
        }
        if e.kind == Kind::Organisation {
            used.push("app: the explorer's region panel".to_string());
        }
        println!(
            "  used on:      {}",
            if used.is_empty() {
                "nowhere yet".to_string()
            } else {
                used.join(", ")
            }
        );
    }
    println!();
    println!("retired hosts (cited without a live link):");
    for (host, why) in links::RETIRED_HOSTS {
        println!("  {host}: {why}");
    }
    Ok(())
}

/// `quebec-emploi` → `QUEBEC_EMPLOI`, the constant's name in domain/src/links.rs.
fn constant_name(id: &str) -> String {
    match id {
        "pajr" => "PLACE_AUX_JEUNES".to_string(),
        "portail-garde" => "PORTAIL_GARDE".to_string(),
        other => other.replace('-', "_").to_ascii_uppercase(),
    }
}

/// The Rust files of the app, the domain and the static pages, as (path, text).
fn source_files(root: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["src", "domain/src", "xtask/src/site"] {
        walk(&root.join(dir), root, &mut out);
    }
    out
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("links.rs")
            && !path.ends_with("tests.rs")
            && let Ok(text) = fs::read_to_string(&path)
        {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push((rel.display().to_string(), text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_link_has_a_constant_named_in_the_code() {
        let links_rs = fs::read_to_string(root().join("domain/src/links.rs")).unwrap();
        for l in SERVICE {
            let constant = constant_name(l.id);
            assert!(
                links_rs.contains(&format!("pub const {constant}: Link")),
                "{}: no constant {constant}",
                l.id
            );
        }
    }
}
