//! The app's one query-string helper: the domain's reader (`eer_domain::query`, which the
//! explorer's state shares) and the current address's query. The router keeps the address as
//! state (`crate::nav`); this is for code that runs before it or outside it (the mode, the
//! embed), and for the router's own first reading.

pub use eer_domain::query::{has, pair, pairs, param, value, without};

/// The current address's query, without its `?` (empty when there is none).
pub fn current() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string()
}
