//! One region's screen, by slug. Its content arrives with the explorer issue.

use crate::components::page_title::use_page_title;
use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

/// The region page.
#[component]
pub fn Region(
    /// The region's slug from the URL, e.g. `bas-saint-laurent`.
    slug: String,
) -> impl IntoView {
    use_page_title(K::RegionTitle);
    let lang = use_lang();
    view! {
        <div class="page">
            <h1>{move || text(lang.get(), K::RegionTitle)}</h1>
            <p data-slug=slug>{move || text(lang.get(), K::WipBody)}</p>
        </div>
    }
}
