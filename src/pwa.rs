//! The installable, offline app: registers the service worker (`public/sw.js`, its file list
//! written into `dist/sw.js` by `cargo xtask dist`), and shows how many interest forms wait
//! in the outbox to be sent.
//!
//! In kiosk mode the worker is registered as `/sw.js?precache=all`: it stores the whole app,
//! its data and the map at once, so the tablet works offline from the first visit. Elsewhere
//! it stores only the two HTML shells at once and the rest as it is used, so a phone on a slow
//! or paid link never downloads more than the pages it visits.
//!
//! The status line is shown in every bundle: the bundles that send (the full app, the interest
//! form) read the outbox's live count (`crate::api::outbox_count`), the others count the stored
//! entries without parsing JSON (no serde_json in their wasm).

use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Registers the service worker (by the script's own path: the CSP allows no inline script).
fn register() {
    let navigator = window().navigator();
    let Ok(container) = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = js_sys::Reflect::get(&container, &JsValue::from_str("register")) else {
        return;
    };
    let Ok(register) = register.dyn_into::<js_sys::Function>() else {
        return;
    };
    let script = if crate::kiosk::is_kiosk() {
        "/sw.js?precache=all"
    } else {
        "/sw.js"
    };
    if let Ok(promise) = register.call1(&container, &JsValue::from_str(script))
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        // A refusal (private mode, an old browser) only means no offline copy.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// How many entries the stored outbox holds, counted without a JSON parser: each entry is
/// `{"key":…,"body":…}`, and a quote inside a body is always escaped, so `"key":` appears
/// once per entry (`crate::api::Pending`).
fn stored_count() -> usize {
    crate::storage::get(crate::storage::Key::Outbox)
        .map_or(0, |json| json.matches("\"key\":").count())
}

/// Registers the service worker; returns the outbox status line. Called once by each
/// bundle's frame.
pub fn install() -> impl IntoView {
    register();
    let lang = use_lang();
    let count = crate::api::outbox_count().unwrap_or_else(|| {
        let count = RwSignal::new(stored_count());
        // Another tab (the full app) may send or queue a form meanwhile.
        let _ = window_event_listener(leptos::ev::storage, move |_| count.set(stored_count()));
        count
    });
    // In the full app, a queued form delivered while the page is open says so, with its
    // reference (the person may never come back to the confirmation page).
    let delivered = crate::api::delivered_now();
    let message = move || match count.get() {
        0 => delivered
            .and_then(|d| d.with(|list| list.last().map(|x| x.receipt.reference.clone())))
            .map(|r| text(lang.get(), K::KioskOutboxDelivered).replace("{ref}", &r))
            .unwrap_or_default(),
        1 => text(lang.get(), K::KioskOutboxOne).to_string(),
        n => text(lang.get(), K::KioskOutboxMany).replace("{n}", &n.to_string()),
    };
    view! {
        <p class="outbox-status" class:outbox-status--empty=move || message().is_empty() role="status">
            {message}
        </p>
    }
}
