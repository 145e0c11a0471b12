//! Kiosk mode: the app on a tablet at an immigration fair (docs/architecture.md, "Modes").
//!
//! A volunteer opens any app page once with `?mode=kiosk` (optionally `&idle=<s>`, default 90,
//! and `&warn=<s>`, default 20); `?mode=off` leaves the mode. The mode lives in
//! `sessionStorage`: `eer.mode` = `kiosk` (read by `crate::mode`, which records the form's
//! channel) and `eer.kiosk`, its settings — so it survives reloads and the move between the two
//! bundles — and is taken out of the address, so a shared link or QR code never carries it.
//!
//! In kiosk mode: `<html class="kiosk">` (large targets, `style/kiosk.css`); links that would
//! leave the app do nothing; static pages are shown by the app; after `idle` seconds without
//! a touch, a warning gives `warn` more seconds and one button to continue; then everything of
//! the visitor is wiped — session and local storage (except the outbox, `eer.outbox`, and the
//! mode's two keys), the page's memory (a new document), and history: each history entry is stamped
//! with the visit it belongs to — when the page loads, and by inheritance for every entry the
//! app pushes or replaces after it (`crate::nav::Nav::go`) — and an entry of an earlier visit
//! reached by Back is replaced at once by the kiosk's start page.
//!
//! On a loopback host (the end-to-end tests) `idle` and `warn` may be as short as 1 s; on any
//! other host they are at least 30 s and 20 s, so that a mistyped address cannot make the
//! warning too short to read (WCAG 2.2.1).

use crate::components::qr::Qr;
use crate::i18n::{K, text};
use crate::mode::KIOSK;
use crate::nav::{Nav, use_nav};
use crate::query;
use crate::storage::{self, Area, Key};
use eer_domain::{Answers, Page};
use leptos::{ev, prelude::*};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Added to a static page's address when a screen family's bundle opens it in kiosk mode: the service
/// worker then answers with the full app's shell, which renders the page and keeps the mode.
const APP_MARK: &str = "kiosk";
const IDLE_DEFAULT: u32 = 90;
const WARN_DEFAULT: u32 = 20;

/// The kiosk's settings, as stored under `storage::Key::Kiosk`.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Seconds without a touch before the warning.
    pub idle: u32,
    /// Seconds the warning lasts before the reset.
    pub warn: u32,
    /// Where each visit starts (the page the kiosk was opened on, without its query).
    pub start: String,
    /// Identifies the current visitor's history entries.
    pub visit: String,
}

impl Settings {
    fn encode(&self) -> String {
        format!(
            "idle={}&warn={}&visit={}&start={}",
            self.idle,
            self.warn,
            self.visit,
            encode_path(&self.start)
        )
    }

    /// The stored settings; defaults where missing (the mode set by `crate::mode` alone).
    fn decode(stored: &str) -> Settings {
        let mut settings = Settings {
            idle: IDLE_DEFAULT,
            warn: WARN_DEFAULT,
            start: String::new(),
            visit: String::new(),
        };
        for (k, v) in query::pairs(stored) {
            match k {
                "idle" => settings.idle = v.parse().unwrap_or(IDLE_DEFAULT),
                "warn" => settings.warn = v.parse().unwrap_or(WARN_DEFAULT),
                "visit" => settings.visit = v.to_string(),
                "start" => settings.start = decode_path(v),
                _ => {}
            }
        }
        if settings.start.is_empty() {
            settings.start = window()
                .location()
                .pathname()
                .unwrap_or_else(|_| "/".into());
        }
        settings
    }
}

/// Only `&` and `%` need escaping in a path stored in our own `&`-separated value.
fn encode_path(path: &str) -> String {
    path.replace('%', "%25").replace('&', "%26")
}

fn decode_path(value: &str) -> String {
    value.replace("%26", "&").replace("%25", "%")
}

/// The kiosk's settings when the app runs in kiosk mode.
pub fn settings() -> Option<Settings> {
    if storage::get(Key::Mode).as_deref() != Some(KIOSK) {
        return None;
    }
    Some(Settings::decode(
        &storage::get(Key::Kiosk).unwrap_or_default(),
    ))
}

fn save(settings: &Settings) {
    storage::set(Key::Mode, KIOSK);
    storage::set(Key::Kiosk, &settings.encode());
}

/// Whether the app runs in kiosk mode.
pub fn is_kiosk() -> bool {
    settings().is_some()
}

fn loopback() -> bool {
    let host = window().location().hostname().unwrap_or_default();
    host == "localhost" || host == "[::1]" || host.starts_with("127.")
}

/// A duration from the address, within the bounds that apply on this host.
fn seconds(asked: &str, key: &str, default: u32, minimum: u32) -> u32 {
    let floor = if loopback() { 1 } else { minimum };
    query::value(asked, key)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(default)
        .clamp(floor, 3600)
}

/// A new visit's id: it needs to differ from the last one, not to be secret.
fn new_visit() -> String {
    format!(
        "{:x}{:08x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
}

/// The query without the kiosk's own keys.
fn without_kiosk_keys(asked: &str) -> String {
    query::without(asked, &["mode", "idle", "warn", APP_MARK])
}

/// Reads `?mode=` from the address: enters or leaves kiosk mode, and takes the kiosk's keys
/// out of the address. Returns the settings in force.
fn enter_or_leave(nav: Nav) -> Option<Settings> {
    let (path, asked) = nav
        .url
        .with_untracked(|u| (u.path.clone(), u.query.clone()));
    match query::value(&asked, "mode") {
        Some(KIOSK) => {
            let settings = Settings {
                idle: seconds(&asked, "idle", IDLE_DEFAULT, 30),
                warn: seconds(&asked, "warn", WARN_DEFAULT, WARN_DEFAULT),
                start: path.clone(),
                visit: new_visit(),
            };
            save(&settings);
        }
        Some(_) => {
            storage::remove(Key::Mode);
            storage::remove(Key::Kiosk);
        }
        None => {}
    }
    let cleaned = without_kiosk_keys(&asked);
    if cleaned != asked {
        nav.replace(
            &crate::nav::Url {
                path,
                query: cleaned,
            }
            .href(),
        );
    }
    settings()
}

/// The visit a history entry was stamped with.
fn entry_visit() -> Option<String> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &JsValue::from_str("eerVisit"))
        .ok()?
        .as_string()
}

/// Stamps the current history entry with the current visit.
fn stamp(visit: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &JsValue::from_str("eerVisit"), &visit.into());
    let _ = history.replace_state(&state, "");
}

/// Hides the page (or shows it again): nothing of a visit shows while the kiosk leaves it.
fn set_leaving(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().toggle_with_force("kiosk-leaving", on);
    }
}

/// Hides the page and goes to the start page of the visit in progress, replacing the current
/// history entry. The entry is stamped with that visit first: Chromium keeps an entry's state
/// when the start page's address is the entry's own (`/fr/quiz`, reached by Back), and the
/// earlier visit's stamp would send the new page to the start again, forever.
fn leave_for_start(settings: &Settings) {
    set_leaving(true);
    stamp(&settings.visit);
    let _ = window().location().replace(&settings.start);
}

/// Wipes everything of the current visitor and starts the next visit.
pub fn reset() {
    let Some(mut settings) = settings() else {
        return;
    };
    storage::clear_except(Area::Session, &[Key::Mode, Key::Kiosk]);
    storage::clear_except(Area::Local, &[Key::Outbox]);
    settings.visit = new_visit();
    save(&settings);
    leave_for_start(&settings);
}

thread_local! {
    /// The last quiz answers of this visit, for the "continue on your phone" QR code.
    static ANSWERS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets up kiosk mode when the address or the session asks for it; returns the idle warning
/// (nothing outside kiosk mode). Called once by each bundle's frame.
pub fn install() -> Option<impl IntoView> {
    let nav = use_nav();
    let mut settings = enter_or_leave(nav)?;
    if settings.visit.is_empty() {
        // The mode was set without its settings (`crate::mode` reads `?mode=kiosk` too).
        settings.visit = new_visit();
        save(&settings);
    }
    // An entry of an earlier visit (reached by Back, or restored from the back-forward
    // cache) must not show it: go to the start instead.
    if entry_visit().is_some_and(|v| v != settings.visit) {
        leave_for_start(&settings);
        return None;
    }
    // Stamp this entry now, before any navigation: the entries the app writes next inherit
    // the stamp (`Nav::go`), so every entry of this visit is known as one after a reset.
    stamp(&settings.visit);
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk");
    }
    // A page kept in the back-forward cache comes back as it was left: hide it when it is
    // left, and show it again only if it belongs to the visit in progress, so an earlier
    // visitor's page is never painted, not even for a frame, before it leaves for the start.
    let _ = window_event_listener(ev::pagehide, |_| set_leaving(true));
    let _ = window_event_listener(ev::pageshow, move |event| {
        let restored = js_sys::Reflect::get(&event, &JsValue::from_str("persisted"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        match self::settings().filter(|_| restored) {
            Some(current) if entry_visit() != Some(current.visit.clone()) => {
                leave_for_start(&current)
            }
            _ => set_leaving(false),
        }
    });
    // Remember the visit's answers for the QR code. (Every entry of the visit carries its
    // stamp already: this one from above, the next ones from `Nav::go`.)
    Effect::new(move |_| {
        let answers = nav.url.with(|u| Answers::from_query(&u.query));
        if answers != Answers::default() {
            ANSWERS.with(|a| *a.borrow_mut() = Some(answers.to_query()));
        }
    });
    let _ = window_event_listener(ev::click, move |event| keep_inside(nav, event));
    Some(
        view! { <crate::components::idle_warning::IdleWarning idle=settings.idle warn=settings.warn on_timeout=reset/> },
    )
}

/// Keeps a click inside the app: links to other sites (and `mailto:`, `tel:`, new windows,
/// downloads) do nothing; static pages are shown by the app, so the idle reset still runs.
fn keep_inside(nav: Nav, event: web_sys::MouseEvent) {
    if event.default_prevented() {
        return;
    }
    let Some(anchor) = crate::nav::clicked_anchor(&event) else {
        return;
    };
    let same_origin = anchor.origin() == window().location().origin().unwrap_or_default();
    let web = matches!(anchor.protocol().as_str(), "http:" | "https:");
    if !same_origin || !web || !anchor.target().is_empty() || anchor.has_attribute("download") {
        event.prevent_default();
        return;
    }
    let path = anchor.pathname();
    if Page::parse(&path).is_some_and(|(_, page)| page.is_static()) {
        event.prevent_default();
        let search = anchor.search();
        if nav.shell == "index.html" {
            nav.push(&format!("{path}{search}"));
        } else {
            let query = without_kiosk_keys(search.trim_start_matches('?'));
            let sep = if query.is_empty() { "" } else { "&" };
            let _ = window()
                .location()
                .assign(&format!("{path}?{query}{sep}{APP_MARK}=1"));
        }
    }
}

/// The end of a kiosk visit (after the interest form): a QR code to continue on one's own
/// phone — the results link with the quiz answers only, never a name or contact, never the
/// kiosk mode — and "Finish", which wipes the visit for the next person. Nothing outside
/// kiosk mode.
#[component]
pub fn KioskFinish() -> impl IntoView {
    if !is_kiosk() {
        return None;
    }
    let lang = use_nav().lang();
    let answers = ANSWERS.with(|a| a.borrow().clone());
    let link = answers.map(|query| {
        let origin = window().location().origin().unwrap_or_default();
        Signal::derive(move || format!("{origin}{}?{query}", Page::Results.path(lang.get())))
    });
    let tx = move |key: K| move || text(lang.get(), key);
    Some(view! {
        <section class="kiosk-finish">
            {link.map(|link| view! {
                <h2>{tx(K::KioskPhoneTitle)}</h2>
                <p>{tx(K::KioskPhoneLead)}</p>
                <figure class="kiosk-finish__qr">
                    <Qr data=link label=Signal::derive(move || text(lang.get(), K::KioskPhoneQrLabel).to_string())/>
                </figure>
            })}
            <p class="hint">{tx(K::KioskFinishHint)}</p>
            <p class="actions">
                <button type="button" class="button kiosk-finish__button" on:click=move |_| reset()>
                    {tx(K::KioskFinishButton)}
                </button>
            </p>
        </section>
    })
}
