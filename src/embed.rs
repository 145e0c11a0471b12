//! The app inside a partner's iframe (docs/architecture.md, "Modes" → Embed), the other half of the loader
//! `public/embed.js`. When the page is framed and its address has `embed=1`:
//!
//! - `<html>` gets the class `embed` and `/embed.css` (only embeds pay for it): no full-screen
//!   minimum height, a shorter footer;
//! - `accent=rrggbb` themes the app through `--eer-accent` (if white text stays readable on it);
//! - the document's height goes to the parent page, which sizes the iframe: no inner scrollbar.
//!
//! The messages (all `{type, version: 1, …}`; the loader ignores other versions):
//!
//! | from → to       | `type`      | more       | when |
//! |-----------------|-------------|------------|------|
//! | app → parent    | `eer:ready` |            | the app started (sent to `*`: it says nothing) |
//! | parent → app    | `eer:hello` |            | answer to `eer:ready` |
//! | app → parent    | `eer:height`| `height` (CSS px, integer) | after `eer:hello` and each time the height changes |
//! | app → parent    | `eer:page`  |            | a new page opened inside the frame (the parent scrolls to the frame's top) |
//!
//! Which origin the height may be sent to: the `origin` of the `eer:hello`, which the browser
//! stamps and the page cannot forge, from `window.parent` only. It is an allowed origin because
//! the frame would not have loaded otherwise: the endpoint's CSP `frame-ancestors` is built
//! from the same `EER_ALLOWED_ORIGINS` as its `Origin` check, and the browser enforces it for
//! every ancestor. So the app needs no copy of the list. `document.referrer` would not do: a
//! partner's `Referrer-Policy` may remove it, and after a page load inside the frame (quiz →
//! results) it names the app itself.

use crate::query::{current, has, param};
use leptos::prelude::*;
use std::cell::Cell;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The version of the message shape, in every message both ways.
pub const VERSION: u32 = 1;

#[wasm_bindgen]
extern "C" {
    // Declared here rather than through a web-sys feature: the one method the embed needs.
    type ResizeObserver;
    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);
}

thread_local! {
    /// The parent's origin, once its `eer:hello` arrived.
    static PARENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The last height sent, so that an unchanged height is not sent again.
    static SENT: Cell<Option<u32>> = const { Cell::new(None) };
}

fn parent() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    let own: JsValue = window().into();
    let other: &JsValue = parent.as_ref();
    (*other != own).then_some(parent)
}

/// Whether the app runs inside a partner's frame: framed, and asked to by the loader
/// (`embed=1`). A page framed without it (a partner's own iframe tag) stays the plain app.
pub fn active() -> bool {
    parent().is_some() && has(&current(), "embed")
}

/// The theme colours from `accent=rrggbb` (`#` optional, written `%23` in a URL): the accent and
/// a darker shade for headings and hovers, or `None` when the value is not a colour or white text
/// on it would fail WCAG's 4.5:1 (the app's own blue is kept then).
pub fn accent_colours(value: &str) -> Option<(String, String)> {
    let hex = value
        .trim_start_matches("%23")
        .trim_start_matches('#')
        .to_ascii_lowercase();
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let rgb = [channel(0)?, channel(2)?, channel(4)?];
    if contrast_with_white(rgb) < 4.5 {
        return None;
    }
    let dark = rgb.map(|c| (f64::from(c) * 0.7).round() as u8);
    Some((
        format!("#{hex}"),
        format!("#{:02x}{:02x}{:02x}", dark[0], dark[1], dark[2]),
    ))
}

/// WCAG 2.2's contrast ratio of a colour against white.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (l + 0.05)
}

fn message(kind: &str, height: Option<u32>) -> JsValue {
    let object = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), &v);
    };
    set("type", JsValue::from_str(kind));
    set("version", JsValue::from(VERSION));
    if let Some(height) = height {
        set("height", JsValue::from(height));
    }
    object.into()
}

/// Sends `kind` to the parent, once its origin is known.
fn post(kind: &str, height: Option<u32>) {
    let origin = PARENT.with(|p| p.borrow().clone());
    if let (Some(parent), Some(origin)) = (parent(), origin) {
        let _ = parent.post_message(&message(kind, height), &origin);
    }
}

/// The content's height in CSS pixels: the root element's box, which (unlike `scrollHeight`)
/// can shrink below the frame's current height.
fn content_height() -> Option<u32> {
    let root = document().document_element()?;
    Some(root.get_bounding_client_rect().height().ceil() as u32)
}

/// Sends the height if it changed since the last one sent (or always, with `force`).
fn report(force: bool) {
    let Some(height) = content_height() else {
        return;
    };
    if force || SENT.get() != Some(height) {
        SENT.set(Some(height));
        post("eer:height", Some(height));
    }
}

/// Whether this document was opened by a link of the app (the same origin), not by the
/// partner's page.
fn opened_from_app() -> bool {
    let referrer = document().referrer();
    let origin = window().location().origin().unwrap_or_default();
    !origin.is_empty()
        && referrer
            .strip_prefix(&origin)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Themes the page and starts talking to the parent; does nothing outside an embed. Called
/// once by each bundle's frame, with the router's count of navigations (`crate::nav::Nav`):
/// each new page is announced to the parent.
pub fn start(moves: RwSignal<u32>) {
    if !active() {
        return;
    }
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.class_list().add_1("embed");
    if let Some(head) = document().head()
        && let Ok(link) = document().create_element("link")
    {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "/embed.css");
        let _ = head.append_child(&link);
    }
    if let Some((accent, dark)) = param(&current(), "accent").and_then(|v| accent_colours(&v))
        && let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root.clone())
    {
        // Through the CSSOM, which the CSP allows (unlike a `style` attribute).
        let style = root.style();
        let _ = style.set_property("--eer-accent", &accent);
        let _ = style.set_property("--eer-accent-dark", &dark);
    }

    let _ = window_event_listener(leptos::ev::message, |event| {
        let from_parent = match (event.source(), parent()) {
            (Some(source), Some(parent)) => {
                let source: &JsValue = source.as_ref();
                let parent: &JsValue = parent.as_ref();
                source == parent
            }
            _ => false,
        };
        let kind = js_sys::Reflect::get(&event.data(), &JsValue::from_str("type"))
            .ok()
            .and_then(|t| t.as_string());
        if from_parent && kind.as_deref() == Some("eer:hello") {
            PARENT.with(|p| *p.borrow_mut() = Some(event.origin()));
            report(true);
            // A page of another screen family is a whole new document in the frame (each
            // family is a bundle of its own): opened from the app itself (a same-origin
            // referrer, which the endpoint's `strict-origin-when-cross-origin` keeps), it is a
            // new page as much as one opened in place, and the parent scrolls to it.
            if opened_from_app() {
                post("eer:page", None);
            }
        }
    });
    if let Some(parent) = parent() {
        let _ = parent.post_message(&message("eer:ready", None), "*");
    }

    let on_resize = Closure::<dyn Fn()>::new(|| report(false));
    let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref());
    observer.observe(&root);
    // Both live as long as the page.
    on_resize.forget();
    std::mem::forget(observer);

    Effect::new(move |previous: Option<u32>| {
        let count = moves.get();
        if previous.is_some() {
            post("eer:page", None);
        }
        count
    });
}
