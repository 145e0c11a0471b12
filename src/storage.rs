//! Everything the app keeps in the browser's storage: each `eer.*` key named once, with the
//! storage it lives in, and the one way to read and write them.
//!
//! Storage may be absent or may throw on mere access (a sandboxed or third-party iframe with
//! storage blocked, private modes): every function here then answers "nothing" or `false`,
//! never an error, and the callers keep what they must in memory instead (`crate::api`).

/// Which of the browser's two storages a key lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Kept across visits: only the outbox, so a form queued offline is sent later.
    Local,
    /// Forgotten with the tab: a shared device (a kiosk, a library computer) keeps nothing.
    Session,
}

/// The app's storage keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// `kiosk` while the app runs as a fair kiosk (`crate::mode`, `crate::kiosk`).
    Mode,
    /// The kiosk's settings: idle and warning seconds, start page, visit (`crate::kiosk`).
    Kiosk,
    /// Submissions waiting to be sent, as JSON (`crate::api::Pending`; `crate::pwa` counts them).
    Outbox,
    /// The key of the last form this tab queued (`crate::api`).
    Queued,
    /// Receipts of queued forms delivered since, as JSON (`crate::api::Delivered`).
    Delivered,
}

impl Key {
    /// The key's name in storage (tests/e2e/kiosk.test.mjs reads them too).
    pub const fn name(self) -> &'static str {
        match self {
            Key::Mode => "eer.mode",
            Key::Kiosk => "eer.kiosk",
            Key::Outbox => "eer.outbox",
            Key::Queued => "eer.queued",
            Key::Delivered => "eer.delivered",
        }
    }

    /// Session storage for all but the outbox: the kiosk's reset wipes them with the rest of
    /// the visit (`crate::kiosk::reset`), and a shared device forgets them with the tab.
    pub const fn area(self) -> Area {
        match self {
            Key::Outbox => Area::Local,
            _ => Area::Session,
        }
    }
}

/// The storage of `area`, if the browser lets this page use it.
fn open(area: Area) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
    }
    .ok()
    .flatten()
}

/// The stored value of `key`; `None` when absent or when storage cannot be used.
pub fn get(key: Key) -> Option<String> {
    open(key.area())?.get_item(key.name()).ok().flatten()
}

/// Stores `value` under `key`; `false` when storage cannot be used (or is full).
pub fn set(key: Key, value: &str) -> bool {
    open(key.area()).is_some_and(|s| s.set_item(key.name(), value).is_ok())
}

/// Removes `key`; `false` when storage cannot be used.
pub fn remove(key: Key) -> bool {
    open(key.area()).is_some_and(|s| s.remove_item(key.name()).is_ok())
}

/// Removes everything in `area` but the keys of `keep`: what a kiosk visitor leaves behind,
/// including keys the app does not name (a library's own, say).
pub fn clear_except(area: Area, keep: &[Key]) {
    let Some(storage) = open(area) else {
        return;
    };
    let count = storage.length().unwrap_or(0);
    let doomed: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|name| !keep.iter().any(|k| k.name() == name))
        .collect();
    for name in doomed {
        let _ = storage.remove_item(&name);
    }
}
