//! The privacy screen. Its content arrives with its own issue; the route is in place so links,
//! the language switch and the endpoint's fallback already work.

use crate::components::page_title::use_page_title;
use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

#[component]
pub fn Privacy() -> impl IntoView {
    use_page_title(K::PrivacyTitle);
    let lang = use_lang();
    view! {
        <div class="page">
            <h1>{move || text(lang.get(), K::PrivacyTitle)}</h1>
            <p>{move || text(lang.get(), K::WipBody)}</p>
        </div>
    }
}
