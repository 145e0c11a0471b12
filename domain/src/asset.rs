//! Content-hashed file names: the one rule for which files of the site never change.
//!
//! Trunk names the app's files `name-<up to 16 hex>.ext` (`eer-web-1a2b3c4d5e6f7a8b.js`, its wasm
//! `eer-web-1a2b3c4d5e6f7a8b_bg.wasm`, `main-0123456789abcdef.css`), and `cargo xtask dist`
//! names the files it adds the same way (`boot-….js`, `static-….css`). A new content gets a new
//! name, so such a file can be cached for a year (the endpoint's cache rule) and stored by the
//! service worker's file list without ever being stale. Here, in the domain, so that the build
//! (xtask) and the server (endpoint) cannot disagree on which names these are.

/// Hex digits in the hash part of xtask's names: 8 bytes of SHA-256.
pub const HASH_LEN: usize = 16;
/// The fewest hex digits accepted. Trunk writes its 64-bit hash without leading zeros (`{:x}`),
/// so one build in 16 names a file with 15 digits (`eer-web-b966bff0dec3af5`, seen here), one in
/// 256 with 14…; down to 12 covers all but one build in 65,536, and a 4-digit `main-0123.css`
/// is still not a hashed name.
const MIN_HASH_LEN: usize = 12;

/// True for a content-hashed file name (a name, not a path): `<name>-<12 to 16 hex>.<ext>`, with an
/// optional `_bg` after the hash (wasm-bindgen's wasm), and a non-empty `<name>`.
pub fn is_hashed(file_name: &str) -> bool {
    // The stem is what precedes the last dot (as `Path::file_stem` reads it): `x-<hash>.js.br`
    // is a precompressed copy, not a hashed name of its own.
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((name, hash)) => {
            !name.is_empty()
                && (MIN_HASH_LEN..=HASH_LEN).contains(&hash.len())
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_and_xtask_names_are_hashed() {
        for name in [
            "eer-web-1a2b3c4d5e6f7a8b.js",
            "eer-web-1a2b3c4d5e6f7a8b_bg.wasm",
            "eer-quiz-1a2b3c4d5e6f7a8b_bg.wasm",
            "main-0123456789abcdef.css",
            "boot-0123456789abcdef.js",
            "static-0123456789abcdef.css",
            // Trunk's hash without its leading zero.
            "eer-web-b966bff0dec3af5_bg.wasm",
        ] {
            assert!(is_hashed(name), "{name}");
        }
    }

    #[test]
    fn other_names_are_not() {
        for name in [
            "index.html",
            "sw.js",
            "favicon.svg",
            "embed.js",
            "main-0123.css",
            "-1a2b3c4d5e6f7a8b.js",
            "eer-web-1a2b3c4d5e6f7a8b.js.br",
            "region-paths.json",
            "eer-web-1a2b3c4d5e6f7a8g.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}
