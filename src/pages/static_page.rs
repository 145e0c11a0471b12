//! A static page shown inside the app. Static pages are HTML files of their own; the app shows
//! one only when it navigates to it in place (kiosk mode keeps visitors inside the app so the
//! idle reset keeps running) or when the server gave the app an address with no file. It
//! fetches the page from our own origin and shows its `<main>`: one source for the content.

use crate::components::page_title::use_page_title_text;
use crate::nav::use_nav;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page's title and the inside of its `<main>`, or `None` when there is no such page.
async fn fetch_page(path: String) -> Option<(String, String)> {
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(&path))
            .await
            .ok()?
            .unchecked_into();
    if response.status() != 200 {
        return None;
    }
    let html = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    // A static page has no boot script; the app's own shell (a fallback) has one.
    if html.contains("<script") {
        return None;
    }
    let open = html.find("<main")?;
    let start = open + html[open..].find('>')? + 1;
    let end = html.rfind("</main>")?;
    let title = html
        .find("<title>")
        .and_then(|t| {
            html[t + 7..]
                .find("</title>")
                .map(|e| html[t + 7..t + 7 + e].to_string())
        })
        .unwrap_or_default();
    (start <= end).then(|| (title, html[start..end].to_string()))
}

#[component]
pub fn StaticPage() -> impl IntoView {
    let nav = use_nav();
    let path = nav.url.with_untracked(|u| u.path.clone());
    let page = LocalResource::new(move || fetch_page(path.clone()));
    let title = Signal::derive(move || {
        page.get()
            .flatten()
            .map(|(t, _)| t.split(" — ").next().unwrap_or("").to_string())
            .unwrap_or_default()
    });
    use_page_title_text(title);
    move || match page.get() {
        None => ().into_any(),
        Some(Some((_, main))) => {
            view! { <div class="static-in-app" inner_html=main></div> }.into_any()
        }
        Some(None) => NotFound().into_any(),
    }
}
