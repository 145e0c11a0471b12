//! Which of the three audiences the app is serving (DESIGN.md, "Modes"): the web (default),
//! a kiosk at a fair (`?mode=kiosk`, kept for the browser session), or an embed on a partner's
//! site (`?embed=1&partner=<id>`). The interest form records it as `source.channel` and
//! `source.partner`, so counsellors know where a household came from.

use eer_domain::interest::{Channel, MAX_PARTNER};
use leptos::prelude::*;

const MODE_KEY: &str = "eer.mode";

fn session() -> Option<web_sys::Storage> {
    // Access itself can throw in a sandboxed or third-party frame: never let that break the app.
    window().session_storage().ok().flatten()
}

fn query_param(key: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
}

/// Whether the app runs as a fair kiosk: `?mode=kiosk` once, then for the browser session.
pub fn kiosk() -> bool {
    if query_param("mode").as_deref() == Some("kiosk") {
        if let Some(s) = session() {
            let _ = s.set_item(MODE_KEY, "kiosk");
        }
        return true;
    }
    session()
        .and_then(|s| s.get_item(MODE_KEY).ok().flatten())
        .as_deref()
        == Some("kiosk")
}

/// The partner's id when the app is embedded (`?embed=1&partner=<id>`): a short id of
/// `a-z0-9-` (anything else is ignored rather than recorded).
pub fn embed_partner() -> Option<String> {
    query_param("embed")?;
    let partner = query_param("partner")?;
    let valid = !partner.is_empty()
        && partner.len() <= MAX_PARTNER
        && partner
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    valid.then_some(partner)
}

/// What the interest form records about where it was filled in.
pub fn source() -> (Channel, Option<String>) {
    if let Some(partner) = embed_partner() {
        return (Channel::Embed, Some(partner));
    }
    if kiosk() {
        return (Channel::Kiosk, None);
    }
    (Channel::Web, None)
}
