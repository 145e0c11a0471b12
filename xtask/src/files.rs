//! Files of a built site: listing a folder, and naming a file by its content. Below `dist`,
//! `pwa` and `site`, which all use them, so that none of the three imports another for these.

use crate::sh::Result;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// Every regular file under `dir`, recursively, in a stable order.
pub fn under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `<stem>-<16 hex>.<ext>`: a name that changes with `content` (8 bytes of its SHA-256), of the
/// form `eer_domain::asset::is_hashed` recognises, so that the endpoint caches it for a year.
pub fn hashed_name(stem: &str, ext: &str, content: &[u8]) -> String {
    let hash = Sha256::digest(content);
    let hex: String = hash[..eer_domain::asset::HASH_LEN / 2]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{stem}-{hex}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised_as_such() {
        let a = hashed_name("boot", "js", b"one");
        assert!(eer_domain::asset::is_hashed(&a), "{a}");
        assert!(a.starts_with("boot-") && a.ends_with(".js"));
        assert_ne!(a, hashed_name("boot", "js", b"two"));
        assert_eq!(a, hashed_name("boot", "js", b"one"));
    }
}
