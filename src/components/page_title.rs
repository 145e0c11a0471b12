//! Sets the document title of a page: "<page> — Emplois en régions" (WCAG 2.4.2).

use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

/// Keeps `document.title` in step with the page's heading key and the current language.
pub fn use_page_title(key: K) {
    let lang = use_lang();
    use_page_title_text(Signal::derive(move || text(lang.get(), key).to_string()));
}

/// Keeps `document.title` in step with a computed page name (e.g. a question, a region).
pub fn use_page_title_text(name: Signal<String>) {
    let lang = use_lang();
    Effect::new(move |_| {
        let title = format!("{} — {}", name.get(), text(lang.get(), K::SiteTitleSuffix));
        document().set_title(&title);
    });
}
