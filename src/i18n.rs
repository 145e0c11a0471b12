//! Interface text in French and English, compiled from `locales/<lang>/*.toml` by `build.rs` (which
//! refuses to build when a key exists in one language only). The current language comes from
//! the URL, so a link always opens in the language it was shared in.

use eer_domain::Lang;
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: K) -> &'static str {
    lang.pick(key.0[0], key.0[1])
}

/// The current language, as a signal derived from the URL (provided by `nav`).
pub fn use_lang() -> Signal<Lang> {
    expect_context::<crate::nav::Nav>().lang()
}

/// A closure that gives the text of `key` in the current language, for use in views.
pub fn t(key: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text(lang.get(), key)
}
