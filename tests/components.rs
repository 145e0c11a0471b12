//! Browser tests of the app's components, run by wasm-bindgen-test in headless Chromium
//! (`cargo test -p eer-web --target wasm32-unknown-unknown`). Native builds compile none.
#![cfg(target_arch = "wasm32")]

use eer_domain::Lang;
use eer_web::i18n::{K, text};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn go(path: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Lets effects run: Leptos schedules them after the current task.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount_app() -> web_sys::HtmlElement {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(host);
    let handle = leptos::mount::mount_to(host.clone(), eer_web::app::App);
    handle.forget();
    host
}

#[wasm_bindgen_test]
fn every_key_has_text_in_both_languages() {
    assert_eq!(text(Lang::Fr, K::NavSkip), "Aller au contenu principal");
    assert_eq!(text(Lang::En, K::NavSkip), "Skip to main content");
    assert_ne!(text(Lang::Fr, K::HomeTitle), text(Lang::En, K::HomeTitle));
}

#[wasm_bindgen_test]
async fn the_language_switch_points_to_the_same_page_and_query() {
    go("/en/results?v=1&live=mtl");
    let host = mount_app();
    let switch = host
        .query_selector("a.lang-switch")
        .unwrap()
        .expect("a language switch");
    assert_eq!(
        switch.get_attribute("href").as_deref(),
        Some("/fr/resultats?v=1&live=mtl")
    );
    assert_eq!(switch.get_attribute("lang").as_deref(), Some("fr"));
    let heading = host.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Your results"));
    tick().await;
    assert!(
        document().title().starts_with("Your results — "),
        "{}",
        document().title()
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_address_shows_the_not_found_page_in_its_language() {
    go("/fr/nulle-part");
    let host = mount_app();
    let heading = host.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(heading.text_content().as_deref(), Some("Page introuvable"));
    host.remove();
}
