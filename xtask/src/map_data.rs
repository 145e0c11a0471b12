//! Copies the region outlines into the site for the explorer's map: `region-paths.json`
//! (format in `domain/data/map/README.md`) from `EER_MAP_PATHS`, by default
//! `domain/data/map/region-paths.json` (its provenance and licence in that folder's README),
//! to `dist/data/region-paths.json`, compacted (the precompress step then writes its `.br` and
//! `.gz`).
//!
//! The outlines (CC-BY 4.0, Données Québec) stay out of the wasm (the quiz's first visit must
//! stay small): the explorer fetches them when it opens. Without the file the build goes on
//! with a note, and the explorer says the map is unavailable and works as a list.

use crate::sh::{Result, root, step};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The environment variable that overrides where the outlines are read from.
pub const ENV: &str = "EER_MAP_PATHS";

/// Where the site serves them: where the app fetches them, within `dist/`.
fn target() -> &'static str {
    eer_domain::map_data::URL.trim_start_matches('/')
}

/// The source file: `EER_MAP_PATHS`, or the repository's copy (domain/data/map/README.md).
pub fn source() -> PathBuf {
    match std::env::var_os(ENV) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => root().join("domain/data/map/region-paths.json"),
    }
}

/// Writes `dist/data/region-paths.json`, or prints why the map is left out.
pub fn copy(dist: &Path) -> Result {
    step("dist: map outlines for the explorer");
    let src = source();
    let Ok(text) = fs::read_to_string(&src) else {
        println!(
            "note: {} not found (set {ENV}); the explorer will show its list without the map",
            src.display()
        );
        return Ok(());
    };
    let compact = compact(&text).map_err(|e| format!("{}: {e}", src.display()))?;
    let out = dist.join(target());
    if let Some(dir) = out.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(&out, &compact).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "{} ({} bytes) -> {} ({} bytes)",
        src.display(),
        text.len(),
        out.display(),
        compact.len()
    );
    Ok(())
}

/// Checks the file with the reader the app uses (`eer_domain::map_data::MapData::parse`: both
/// views, each with a viewBox, a scale, a projected box, paths and labels) and writes it
/// without whitespace. A broken file stops the build rather than shipping a map that cannot
/// draw.
pub fn compact(text: &str) -> std::result::Result<String, String> {
    eer_domain::map_data::MapData::parse(text)?;
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/region-paths.min.json");

    #[test]
    fn compacts_the_fixture_and_keeps_its_content() {
        let out = compact(FIXTURE).unwrap();
        assert!(!out.contains('\n'));
        let a: Value = serde_json::from_str(FIXTURE).unwrap();
        let b: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn refuses_a_file_without_both_views() {
        assert!(compact(r#"{"full":{}}"#).is_err());
        // The app's reader wants the projected box the south frame is drawn from.
        let without_box = FIXTURE.replace("\"projected_bbox_m\"", "\"bbox\"");
        assert!(compact(&without_box).is_err());
        assert!(compact("not json").is_err());
    }

    #[test]
    fn a_missing_file_is_a_note_not_a_failure() {
        let dir = std::env::temp_dir().join(format!("eer-map-{}", std::process::id()));
        // SAFETY: this test alone reads or writes EER_MAP_PATHS.
        unsafe { std::env::set_var(ENV, dir.join("absent.json")) };
        assert!(copy(&dir).is_ok());
        assert!(!dir.join(target()).exists());
        unsafe { std::env::remove_var(ENV) };
    }
}
