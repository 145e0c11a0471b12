//! The app's frame: skip link, header, the current page, footer. The page comes from the URL
//! through the domain's page table; the document's language and title follow it.

use crate::components::{footer::Footer, header::Header};
use crate::i18n::{K, text};
use crate::nav::provide_nav;
use crate::pages;
use eer_domain::Page;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let nav = provide_nav();
    let route = nav.route();
    let lang = nav.lang();

    // `<html lang>` follows the URL so screen readers pronounce the page right (WCAG 3.1.1).
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });

    // A new page takes focus on its heading, as GOV.UK does, so a screen reader announces it
    // and keyboard users start from the top (WCAG 2.4.3). Not on first load.
    Effect::new(move |previous: Option<u32>| {
        let moves = nav.moves.get();
        if previous.is_some() {
            request_animation_frame(|| {
                if let Ok(Some(heading)) = document().query_selector("main h1") {
                    let _ = heading.set_attribute("tabindex", "-1");
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                    {
                        let _ = el.focus();
                    }
                }
            });
        }
        moves
    });

    let page = move || match route.get() {
        None => pages::not_found::NotFound().into_any(),
        Some((_, Page::Home)) => pages::home::Home().into_any(),
        Some((_, Page::Quiz)) => pages::quiz::Quiz().into_any(),
        Some((_, Page::QuizCheck)) => pages::check::Check().into_any(),
        Some((_, Page::Results)) => pages::results::Results().into_any(),
        Some((_, Page::Explorer)) => pages::explorer::Explorer().into_any(),
        Some((_, Page::Regions)) => pages::regions::Regions().into_any(),
        Some((_, Page::Region(slug))) => view! { <pages::region::Region slug=slug/> }.into_any(),
        Some((_, Page::Interest)) | Some((_, Page::InterestSent)) => {
            pages::interest::Interest().into_any()
        }
        Some((_, Page::Privacy)) | Some((_, Page::Partners)) | Some((_, Page::Sources)) => {
            pages::privacy::Privacy().into_any()
        }
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || text(lang.get(), K::NavSkip)}</a>
        <Header/>
        <main id="main" tabindex="-1">{page}</main>
        <Footer/>
    }
}

/// Browsers scroll to a fragment without moving focus there; the skip link must do both, so
/// the next Tab continues from the main content (WCAG 2.4.1, the GOV.UK skip link).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    if let Some(main) = document().get_element_by_id("main")
        && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
    {
        ev.prevent_default();
        let _ = main.focus();
        main.scroll_into_view();
    }
}
