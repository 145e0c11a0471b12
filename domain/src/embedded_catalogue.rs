//! The catalogue compiled into the binary: `domain/data/regions.json`, embedded at build time
//! and parsed once, on first use, so that the app makes no extra request at start.

use std::sync::OnceLock;

use crate::catalogue::Catalogue;
use crate::metric::Metric;

/// The data file, embedded at build time.
pub const DATA: &str = include_str!("../data/regions.json");

/// The embedded catalogue, parsed on first use. The data test (`tests/catalogue_data.rs`)
/// guarantees that the embedded file parses and validates, so this cannot fail at run time.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::from_json(DATA).expect("embedded regions.json is valid"))
}

impl Metric {
    /// Whether every destination region of the embedded catalogue has this figure.
    pub fn is_complete(self) -> bool {
        catalogue().is_complete(self)
    }
}
