//! The app's frame: skip link, header, the current page, footer. The page comes from the URL
//! through the domain's page table; the document's language and title follow it. Each screen
//! family is a bundle of its own (`eer_domain::Page::shell` names its HTML shell, `src/bin/*`
//! its entry point) that shares this frame and links only its own screens, so that a first
//! visit — often a shared link opened on a phone abroad — loads only what that page needs.

use crate::components::{footer::Footer, header::Header};
use crate::i18n::{K, text};
use crate::nav::provide_nav;
use crate::pages;
use eer_domain::{Lang, Page};
use leptos::prelude::*;

/// Which screen a route shows, in one bundle.
type Screens = fn(Option<(Lang, Page)>) -> AnyView;

/// The full app (served by `index.html`): every screen. Served for the static pages shown in
/// place (the kiosk opens them in the app, so its idle reset keeps running), "not found", and
/// any app page whose own shell a build lacks (`trunk serve`, the endpoint's fallback), so it
/// never reloads in a loop. Its links to a page of another family still load that bundle.
#[component]
pub fn App() -> impl IntoView {
    crate::api::provide_outbox();
    view! { <Frame shell="index.html" screens=all_screens/> }
}

/// The quiz and its check page (served by `quiz.html`).
#[component]
pub fn QuizApp() -> impl IntoView {
    view! { <Frame shell="quiz.html" screens=quiz_screens/> }
}

/// The results (served by `results.html`), the page a shared link opens.
#[component]
pub fn ResultsApp() -> impl IntoView {
    view! { <Frame shell="results.html" screens=results_screens/> }
}

/// The region explorer: map, list, comparison (served by `explorer.html`).
#[component]
pub fn ExplorerApp() -> impl IntoView {
    view! { <Frame shell="explorer.html" screens=explorer_screens/> }
}

/// The interest form and its confirmation (served by `interest.html`). The only bundle that
/// submits, so the one that sends what waits in the outbox; the others show its count only.
#[component]
pub fn InterestApp() -> impl IntoView {
    crate::api::provide_outbox();
    view! { <Frame shell="interest.html" screens=interest_screens/> }
}

fn all_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Quiz | Page::QuizCheck)) => quiz_screens(route),
        Some((_, Page::Results)) => results_screens(route),
        Some((_, Page::Explorer)) => explorer_screens(route),
        Some((_, Page::Interest | Page::InterestSent)) => interest_screens(route),
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
        _ => elsewhere(),
    }
}

fn results_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Results)) => pages::results::Results().into_any(),
        _ => elsewhere(),
    }
}

fn explorer_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Explorer)) => pages::explorer::Explorer().into_any(),
        _ => elsewhere(),
    }
}

fn interest_screens(route: Option<(Lang, Page)>) -> AnyView {
    match route {
        Some((_, Page::Interest)) => pages::interest::InterestForm().into_any(),
        Some((_, Page::InterestSent)) => pages::interest_sent::InterestSent().into_any(),
        _ => elsewhere(),
    }
}

/// A page of another bundle, reached in place (Back or Forward to an entry this document
/// pushed, a `nav.push` to another family): the server gives that page its own shell, so the
/// address is loaded again as a whole document.
fn elsewhere() -> AnyView {
    window().location().reload().ok();
    ().into_any()
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
