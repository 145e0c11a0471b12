//! The catalogue compiled into the binary: `domain/data/regions.json`, embedded at build time
//! in the compact tree format (`domain/build.rs`, `tree::encode`) and read once, on first use,
//! so that the app makes no extra request at start and links no JSON parser for it.

use std::sync::OnceLock;

use crate::catalogue::Catalogue;
use crate::metric::Metric;

/// The data file's text, for its checks and the tools (the app reads [`COMPACT`]).
pub const DATA: &str = include_str!("../data/regions.json");

/// The same file in the compact tree format, written by the build script.
pub const COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/regions.tree"));

/// The embedded catalogue, read on first use. The data test (`tests/catalogue_data.rs`)
/// guarantees that the file parses and validates, and that its compact form reads to the same
/// catalogue, so this cannot fail at run time.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::from_compact(COMPACT).expect("embedded regions.json is valid"))
}

impl Metric {
    /// Whether every destination region of the embedded catalogue has this figure.
    pub fn is_complete(self) -> bool {
        catalogue().is_complete(self)
    }
}
