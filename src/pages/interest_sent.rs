//! After the interest form: the reference number and what happens next (the callback delay
//! comes from the endpoint's configuration, `GET /api/config`), or — when the network failed —
//! that the form waits on this device and will be sent by itself: never "failed" when it was
//! not.

use crate::api;
use crate::components::page_title::use_page_title;
use crate::components::quiz_url::param;
use crate::i18n::{K, text, use_lang};
use crate::nav::use_nav;
use eer_domain::Page;
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsCast;

#[derive(Clone, Deserialize)]
struct Config {
    /// `null` unless the organisations set a delay (EER_CALLBACK_BUSINESS_DAYS): then no delay
    /// is promised.
    callback_business_days: Option<u32>,
}

async fn config() -> Option<Config> {
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window().fetch_with_str("/api/config"))
            .await
            .ok()?
            .unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&text).ok()
}

/// The three organisations of the program, by the ids the endpoint assigns.
fn organisation_name(id: &str) -> Option<&'static str> {
    match id {
        "promis" => Some("PROMIS"),
        "collectif" | "le-collectif" | "cfiq" => {
            Some("Le Collectif des femmes immigrantes du Québec")
        }
        "inici" => Some("INICI"),
        _ => None,
    }
}

#[component]
pub fn InterestSent() -> impl IntoView {
    use_page_title(K::SentTitle);
    let lang = use_lang();
    let nav = use_nav();
    let query = nav.url.with_untracked(|u| u.query.clone());
    let reference = param(&query, "ref")
        .filter(|r| r.len() <= 32 && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let organisation = param(&query, "org").and_then(|o| organisation_name(&o));
    let queued = param(&query, "queued").is_some();
    let delay = LocalResource::new(config);
    let waiting = api::outbox_count();
    let tx = move |key: K| move || text(lang.get(), key);

    let next = move || {
        let days = delay.get().flatten().and_then(|c| c.callback_business_days);
        match days {
            Some(n) => text(lang.get(), K::SentNextDays).replace("{n}", &n.to_string()),
            None => text(lang.get(), K::SentNextSoon).to_string(),
        }
    };
    view! {
        <div class="page page--narrow">
            {if queued {
                view! {
                    <div class="panel panel--queued">
                        <h1>{tx(K::SentQueuedTitle)}</h1>
                        <p>{tx(K::SentQueuedBody)}</p>
                        <p role="status">{move || text(lang.get(), K::SentWaiting).replace("{n}", &waiting.map(|c| c.get()).unwrap_or(0).to_string())}</p>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="panel panel--confirmation">
                        <h1>{tx(K::SentTitle)}</h1>
                        {reference.map(|r| view! {
                            <p class="panel__body">{tx(K::SentReference)}<br/><strong class="reference">{r}</strong></p>
                        })}
                    </div>
                }.into_any()
            }}
            <h2>{tx(K::SentNextTitle)}</h2>
            <p>{next}</p>
            {organisation.map(|o| view! { <p>{move || text(lang.get(), K::SentOrganisation).replace("{org}", o)}</p> })}
            <crate::kiosk::KioskFinish/>
            <p>{tx(K::SentMeanwhile)}</p>
            <ul>
                <li><a href=move || Page::Regions.path(lang.get())>{tx(K::NavRegions)}</a></li>
                <li><a href=move || Page::Privacy.path(lang.get())>{tx(K::NavPrivacy)}</a></li>
            </ul>
        </div>
    }
}
