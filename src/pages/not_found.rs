//! The page for an address that matches no page. The endpoint answers such addresses with a
//! 404 status and this page, so people get a way back rather than a blank screen.

use crate::components::page_title::use_page_title;
use crate::i18n::{K, text, use_lang};
use eer_domain::Page;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    use_page_title(K::NotfoundTitle);
    let lang = use_lang();
    view! {
        <div class="page">
            <h1>{move || text(lang.get(), K::NotfoundTitle)}</h1>
            <p>{move || text(lang.get(), K::NotfoundBody)}</p>
            <p>
                <a href=move || Page::Home.path(lang.get())>{move || text(lang.get(), K::NotfoundHomeLink)}</a>
            </p>
        </div>
    }
}
