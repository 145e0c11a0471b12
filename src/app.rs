//! The app's frame: skip link, header, the current page, footer. The page comes from the URL
//! through the domain's page table; the document's language and title follow it. Two bundles
//! share this frame: the full app (`App`) and the quiz alone (`QuizApp`), which leaves out
//! everything the quiz does not need so that its first visit stays small.

use crate::components::{footer::Footer, header::Header};
use crate::i18n::{K, text};
use crate::nav::provide_nav;
use crate::pages;
use eer_domain::{Lang, Page};
use leptos::prelude::*;

/// Which screen a route shows, in one bundle.
type Screens = fn(Option<(Lang, Page)>) -> AnyView;

/// The full app: every screen (served by `index.html`).
#[component]
pub fn App() -> impl IntoView {
    crate::api::provide_outbox();
    view! { <Frame shell="index.html" screens=all_screens/> }
}

/// The quiz alone (served by `quiz.html`): links to other pages load the full app.
#[component]
pub fn QuizApp() -> impl IntoView {
    view! { <Frame shell="quiz.html" screens=quiz_screens/> }
}

fn all_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Quiz)) => pages::quiz::Quiz().into_any(),
        Some((_, Page::QuizCheck)) => pages::check::Check().into_any(),
        Some((_, Page::Results)) => pages::results::Results().into_any(),
        Some((_, Page::Explorer)) => pages::explorer::Explorer().into_any(),
        Some((_, Page::Interest)) => pages::interest::InterestForm().into_any(),
        Some((_, Page::InterestSent)) => pages::interest_sent::InterestSent().into_any(),
        // Static pages are HTML files of their own, shown in place when the app navigates to
        // one (kiosk mode); without a file (a slug not in the catalogue) it says not found.
        Some((_, _)) => pages::static_page::StaticPage().into_any(),
        None => pages::not_found::NotFound().into_any(),
    }
}

fn quiz_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Quiz)) => pages::quiz::Quiz().into_any(),
        Some((_, Page::QuizCheck)) => pages::check::Check().into_any(),
        // The server never gives this bundle another page; back/forward to one reloads.
        _ => {
            window().location().reload().ok();
            ().into_any()
        }
    }
}

#[component]
fn Frame(shell: &'static str, screens: Screens) -> impl IntoView {
    let nav = provide_nav(shell);
    crate::embed::start(nav.moves);
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

    // The kiosk first: the service worker that `pwa` registers depends on the mode.
    let kiosk = crate::kiosk::install();
    // The outbox status sits in the page's flow under the header, not fixed over it: a fixed
    // note covered buttons at the end of the page (the kiosk's "Finish") on a tablet.
    let outbox = crate::pwa::install();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || text(lang.get(), K::NavSkip)}</a>
        <Header/>
        {outbox}
        <main id="main" tabindex="-1">{move || screens(route.get())}</main>
        <Footer/>
        {kiosk}
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
