//! Which of the three audiences the app is serving (docs/architecture.md, "Modes"): the web (default),
//! a kiosk at a fair (`?mode=kiosk`, kept for the browser session), or an embed on a partner's
//! site (`?embed=1&partner=<id>`). The interest form records it as `source.channel` and
//! `source.partner`, so counsellors know where a household came from.

use crate::query::{current, param};
use crate::storage::{self, Key};
use eer_domain::interest::{Channel, MAX_PARTNER};

/// The value of `Key::Mode` (and of `?mode=`) in kiosk mode.
pub const KIOSK: &str = "kiosk";

/// Whether the app runs as a fair kiosk: `?mode=kiosk` once, then for the browser session.
pub fn kiosk() -> bool {
    if param(&current(), "mode").as_deref() == Some(KIOSK) {
        storage::set(Key::Mode, KIOSK);
        return true;
    }
    storage::get(Key::Mode).as_deref() == Some(KIOSK)
}

/// The partner's id when the app is embedded (`?embed=1&partner=<id>`): a short id of
/// `a-z0-9-` (anything else is ignored rather than recorded).
pub fn embed_partner() -> Option<String> {
    let query = current();
    param(&query, "embed")?;
    let partner = param(&query, "partner")?;
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
