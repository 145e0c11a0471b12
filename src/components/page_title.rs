//! Sets the document title of a page: "<page> — Emplois en régions" (WCAG 2.4.2).

use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

/// Keeps `document.title` in step with the page's heading key and the current language.
pub fn use_page_title(key: K) {
    let lang = use_lang();
    Effect::new(move |_| {
        let lang = lang.get();
        let title = format!("{} — {}", text(lang, key), text(lang, K::SiteTitleSuffix));
        document().set_title(&title);
    });
}
