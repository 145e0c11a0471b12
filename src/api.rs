//! The endpoint client and the outbox. A submission carries an `Idempotency-Key` chosen once;
//! if the network fails (or the server is briefly unavailable) it waits in the outbox — local
//! storage, or memory when storage is blocked (a partner's iframe) — and is sent again later
//! with the same key, so the endpoint records it exactly once (docs/architecture.md, data flow 4).

use crate::storage::{self, Key};
use leptos::prelude::*;
use serde::Deserialize;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the endpoint answers for an accepted submission (201, or 200 on a replay).
#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
pub struct Receipt {
    pub reference: String,
    pub organisation: String,
    pub received_at: String,
}

/// One field the endpoint refused, with its message in the form's language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ServerFieldError {
    pub field: String,
    pub message: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    message: String,
    #[serde(default)]
    fields: Vec<ServerFieldError>,
}

/// Why a submission was not accepted.
#[derive(Clone, Debug, PartialEq)]
pub enum SendError {
    /// Not sent or no answer (offline, server down, 5xx): it is worth trying again later.
    Unreachable,
    /// Too many submissions from this address: try again after some seconds.
    TooMany { retry_after: u32 },
    /// The endpoint refused fields (422): the person must correct them.
    Invalid {
        message: String,
        fields: Vec<ServerFieldError>,
    },
    /// Any other refusal (400, 403, 413, 415): trying again will not help.
    Refused { message: String },
}

const ENDPOINT: &str = "/api/interest";

/// A random key of 32 characters from `A-Za-z0-9_-` (the endpoint accepts 16 to 64).
pub fn new_idempotency_key() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 32];
    let filled = window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok());
    if filled.is_none() {
        // Without Web Crypto (very old browsers), fall back to Math.random: uniqueness, not
        // secrecy, is what the key needs.
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
        .iter()
        .map(|b| ALPHABET[(*b & 63) as usize] as char)
        .collect()
}

/// Posts one submission.
pub async fn send(key: &str, body: &str) -> Result<Receipt, SendError> {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().map_err(|_| SendError::Unreachable)?;
    let _ = headers.set("Content-Type", "application/json");
    let _ = headers.set("Idempotency-Key", key);
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(ENDPOINT, &init)
        .map_err(|_| SendError::Unreachable)?;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_request(&request))
        .await
        .map_err(|_| SendError::Unreachable)?
        .unchecked_into();
    let status = response.status();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    match status {
        200 | 201 => serde_json::from_str(&text).map_err(|_| SendError::Unreachable),
        429 => {
            let retry_after = response
                .headers()
                .get("Retry-After")
                .ok()
                .flatten()
                .and_then(|v| v.parse().ok());
            Err(SendError::TooMany {
                retry_after: retry_after.unwrap_or(60),
            })
        }
        500.. | 0 => Err(SendError::Unreachable),
        _ => {
            let detail = serde_json::from_str::<ErrorBody>(&text)
                .map(|b| b.error)
                .ok();
            let (message, fields) = detail.map(|d| (d.message, d.fields)).unwrap_or_default();
            if status == 422 && !fields.is_empty() {
                Err(SendError::Invalid { message, fields })
            } else {
                Err(SendError::Refused { message })
            }
        }
    }
}

/// A submission waiting to be sent: its key and its JSON body.
#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
pub struct Pending {
    pub key: String,
    pub body: String,
}

/// A queued submission that has since been delivered: its key and the endpoint's receipt.
#[derive(Clone, Debug, PartialEq, serde::Serialize, Deserialize)]
pub struct Delivered {
    pub key: String,
    pub receipt: Receipt,
}

thread_local! {
    /// The outbox when local storage is blocked or absent.
    static MEMORY: RefCell<Vec<Pending>> = const { RefCell::new(Vec::new()) };
    /// Receipts of queued forms when session storage is blocked or absent.
    static DELIVERED_MEMORY: RefCell<Vec<Delivered>> = const { RefCell::new(Vec::new()) };
    /// The queued forms delivered while this page is open, newest last, set by
    /// `provide_outbox`: the status line and the confirmation page follow it.
    static DELIVERED: RefCell<Option<RwSignal<Vec<Delivered>>>> = const { RefCell::new(None) };
    /// The count the status line shows, set by `provide_outbox`.
    static COUNT: RefCell<Option<RwSignal<usize>>> = const { RefCell::new(None) };
}

/// The submissions waiting to be sent, oldest first: from local storage, or from memory when
/// the browser does not let this page use it (`crate::storage`).
pub fn pending() -> Vec<Pending> {
    match storage::get(Key::Outbox) {
        Some(json) => serde_json::from_str(&json).unwrap_or_default(),
        None => MEMORY.with(|m| m.borrow().clone()),
    }
}

fn save(list: &[Pending]) {
    let json = serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
    let stored = if list.is_empty() {
        storage::remove(Key::Outbox)
    } else {
        storage::set(Key::Outbox, &json)
    };
    if !stored {
        MEMORY.with(|m| *m.borrow_mut() = list.to_vec());
    }
    if let Some(count) = COUNT.with(|c| *c.borrow()) {
        count.set(list.len());
    }
}

/// Puts a submission in the outbox (once per key), and remembers it as this tab's queued form.
pub fn enqueue(item: Pending) {
    storage::set(Key::Queued, &item.key);
    let mut list = pending();
    if !list.iter().any(|p| p.key == item.key) {
        list.push(item);
    }
    save(&list);
}

fn remove(key: &str) {
    let list: Vec<Pending> = pending().into_iter().filter(|p| p.key != key).collect();
    save(&list);
}

/// The key of the last form this tab put in the outbox.
pub fn queued_key() -> Option<String> {
    storage::get(Key::Queued)
}

/// The receipts of queued forms delivered in this tab's session, oldest first.
pub fn delivered_receipts() -> Vec<Delivered> {
    match storage::get(Key::Delivered) {
        Some(json) => serde_json::from_str(&json).unwrap_or_default(),
        None => DELIVERED_MEMORY.with(|m| m.borrow().clone()),
    }
}

/// The receipt of the queued form `key`, once delivered.
pub fn receipt_for(key: &str) -> Option<Receipt> {
    delivered_receipts()
        .into_iter()
        .find(|d| d.key == key)
        .map(|d| d.receipt)
}

/// Keeps the receipt of a delivered queued form, for this session and this page.
fn record_delivered(key: &str, receipt: Receipt) {
    let item = Delivered {
        key: key.to_string(),
        receipt,
    };
    let mut list = delivered_receipts();
    list.retain(|d| d.key != item.key);
    list.push(item.clone());
    let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
    if !storage::set(Key::Delivered, &json) {
        DELIVERED_MEMORY.with(|m| *m.borrow_mut() = list);
    }
    if let Some(delivered) = DELIVERED.with(|d| *d.borrow()) {
        delivered.update(|l| l.push(item));
    }
}

/// The queued forms delivered while this page is open (the full app only).
pub fn delivered_now() -> Option<RwSignal<Vec<Delivered>>> {
    DELIVERED.with(|d| *d.borrow())
}

/// How many submissions wait in the outbox, for the status line.
pub fn outbox_count() -> Option<RwSignal<usize>> {
    COUNT.with(|c| *c.borrow())
}

/// Sends what waits in the outbox, oldest first; stops at the first one the network refuses.
/// A submission the endpoint refuses for good (invalid, forbidden) leaves the outbox too: it
/// can never succeed, and the person was told it was queued, not that it was received.
pub async fn flush() {
    for item in pending() {
        match send(&item.key, &item.body).await {
            Ok(receipt) => {
                remove(&item.key);
                record_delivered(&item.key, receipt);
            }
            Err(SendError::Invalid { .. }) | Err(SendError::Refused { .. }) => remove(&item.key),
            Err(SendError::Unreachable) | Err(SendError::TooMany { .. }) => break,
        }
    }
}

/// Provides the outbox count and sends what waits: now, when the browser comes back online,
/// and every 30 seconds while something waits.
pub fn provide_outbox() {
    let count = RwSignal::new(pending().len());
    COUNT.with(|c| *c.borrow_mut() = Some(count));
    DELIVERED.with(|d| *d.borrow_mut() = Some(RwSignal::new(Vec::new())));
    let run = move || {
        if !pending().is_empty() {
            wasm_bindgen_futures::spawn_local(async move {
                flush().await;
                count.set(pending().len());
            });
        }
    };
    run();
    let _ = window_event_listener(leptos::ev::online, move |_| run());
    gloo_timers::callback::Interval::new(30_000, run).forget();
}
