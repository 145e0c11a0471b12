//! The staff tokens: one per organisation (PROMIS, Le Collectif, INICI), each seeing only the
//! submissions assigned to it, and admin tokens that see all.
//!
//! The file (`EER_STAFF_TOKENS_FILE`) holds only SHA-256 digests, one token a line:
//! `<scope> <sha256 hex of the token>` with scope `promis`, `collectif`, `inici` or `admin`;
//! `#` starts a comment. A leaked file gives no usable token. The file is read again whenever
//! its modification time or size changes, so a token is added or revoked without a restart.
//! The given token is hashed and compared with every digest in constant time (no early exit
//! on the first differing byte, none on the first matching line).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::assign::Organisation;

/// What a token may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Admin,
    Organisation(Organisation),
}

impl Scope {
    /// The organisation named in the log: `admin` or the organisation's code.
    pub fn code(self) -> &'static str {
        match self {
            Scope::Admin => "admin",
            Scope::Organisation(o) => o.code(),
        }
    }

    /// Whether a submission assigned to `organisation` is visible to this token.
    pub fn sees(self, organisation: Organisation) -> bool {
        match self {
            Scope::Admin => true,
            Scope::Organisation(o) => o == organisation,
        }
    }

    pub fn from_code(code: &str) -> Option<Scope> {
        match code {
            "admin" => Some(Scope::Admin),
            other => Organisation::from_code(other).map(Scope::Organisation),
        }
    }
}

/// Parses the token file; a bad line is named with its number.
pub fn parse(text: &str) -> Result<Vec<(Scope, [u8; 32])>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(scope), Some(hex), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "line {}: expected `<scope> <sha256 hex>`, got {line:?}",
                n + 1
            ));
        };
        let scope = Scope::from_code(scope).ok_or_else(|| {
            format!(
                "line {}: unknown scope {scope:?} (promis, collectif, inici or admin)",
                n + 1
            )
        })?;
        let digest = decode_hex(hex).ok_or_else(|| {
            format!(
                "line {}: {hex:?} is not a SHA-256 digest (64 hexadecimal digits)",
                n + 1
            )
        })?;
        out.push((scope, digest));
    }
    Ok(out)
}

fn decode_hex(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// The digest to put in the file for a token (`eer-endpoint staff-token-hash`).
pub fn digest_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Equal in constant time: every byte is looked at whatever the first difference.
fn same(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The scope of `token` among `entries`, comparing with every entry.
pub fn scope_of(entries: &[(Scope, [u8; 32])], token: &str) -> Option<Scope> {
    let given: [u8; 32] = Sha256::digest(token.as_bytes()).into();
    let mut found = None;
    for (scope, digest) in entries {
        if same(&given, digest) && found.is_none() {
            found = Some(*scope);
        }
    }
    found
}

/// The tokens of a file, read again when the file changes.
pub struct TokenFile {
    path: Option<PathBuf>,
    cached: Mutex<Cached>,
}

#[derive(Default)]
struct Cached {
    stamp: Option<(SystemTime, u64)>,
    entries: Vec<(Scope, [u8; 32])>,
}

impl TokenFile {
    pub fn new(path: Option<PathBuf>) -> TokenFile {
        TokenFile {
            path,
            cached: Mutex::default(),
        }
    }

    /// The scope of `token`, or `None`. No file configured: no staff access at all. A file
    /// that cannot be read or parsed keeps the last good tokens (and says so on stderr), so
    /// that a half-written file during a rotation does not lock staff out.
    pub fn check(&self, token: &str) -> Option<Scope> {
        let path = self.path.as_deref()?;
        let mut cached = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        reload(path, &mut cached);
        scope_of(&cached.entries, token)
    }
}

fn reload(path: &Path, cached: &mut Cached) {
    let stamp = std::fs::metadata(path)
        .ok()
        .and_then(|m| Some((m.modified().ok()?, m.len())));
    if stamp.is_none() || stamp == cached.stamp {
        return;
    }
    match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| parse(&t))
    {
        Ok(entries) => {
            cached.entries = entries;
            cached.stamp = stamp;
        }
        Err(e) => eprintln!("eer-endpoint: {}: {e}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_digests_and_clear_errors() {
        let file = format!(
            "# staff\npromis {}\nadmin {} # the lead\n",
            digest_hex("p-token"),
            digest_hex("a-token")
        );
        let entries = parse(&file).unwrap();
        assert_eq!(
            scope_of(&entries, "p-token"),
            Some(Scope::Organisation(Organisation::Promis))
        );
        assert_eq!(scope_of(&entries, "a-token"), Some(Scope::Admin));
        assert_eq!(scope_of(&entries, "p-tokeN"), None);
        // The digest itself is not a token.
        assert_eq!(scope_of(&entries, &digest_hex("p-token")), None);
        assert!(parse("boss abc").unwrap_err().contains("unknown scope"));
        assert!(parse("inici 1234").unwrap_err().contains("line 1"));
    }
}
