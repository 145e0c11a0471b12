//! After the interest form: the reference number and what happens next (the callback delay
//! comes from the endpoint's configuration, `GET /api/config`), or — when the network failed —
//! that the form waits on this device and will be sent by itself: never "failed" when it was
//! not. When the queued form is delivered while the page is open, the page becomes the
//! confirmation, with its reference; its title and heading always say the same state.

use crate::api;
use crate::components::page_title::use_page_title_text;
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
    let lang = use_lang();
    let nav = use_nav();
    let query = nav.url.with_untracked(|u| u.query.clone());
    let reference = param(&query, "ref")
        .filter(|r| r.len() <= 32 && r.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let organisation = param(&query, "org");
    let queued = param(&query, "queued").is_some();
    let delay = LocalResource::new(config);
    let waiting = api::outbox_count();
    let tx = move |key: K| move || text(lang.get(), key);

    // What the page says: received (with the endpoint's receipt), or saved on this device
    // until the queued form is delivered — then received, with the delivery's receipt.
    let queued_key = queued.then(api::queued_key).flatten();
    let delivered = api::delivered_now();
    let receipt = Memo::new(move |_| {
        if let Some(d) = delivered {
            d.track();
        }
        queued_key.as_deref().and_then(api::receipt_for)
    });
    let received = move || !queued || receipt.get().is_some();
    let with_reference = {
        let given = reference.is_some();
        move || received() && (given || receipt.get().is_some())
    };
    let shown_reference = move || {
        receipt
            .get()
            .map(|r| r.reference)
            .or_else(|| reference.clone())
    };
    let shown_organisation = move || {
        receipt
            .get()
            .map(|r| r.organisation)
            .or_else(|| organisation.clone())
            .and_then(|o| organisation_name(&o))
    };
    use_page_title_text(Signal::derive(move || {
        let key = if received() {
            K::SentTitle
        } else {
            K::SentQueuedTitle
        };
        text(lang.get(), key).to_string()
    }));

    let next = move || {
        let days = delay.get().flatten().and_then(|c| c.callback_business_days);
        match days {
            Some(n) => text(lang.get(), K::SentNextDays).replace("{n}", &n.to_string()),
            None => text(lang.get(), K::SentNextSoon).to_string(),
        }
    };
    view! {
        <div class="page page--narrow">
            <div class="panel" class:panel--confirmation=received class:panel--queued=move || !received()>
                <h1>{move || if received() { text(lang.get(), K::SentTitle) } else { text(lang.get(), K::SentQueuedTitle) }}</h1>
                <Show when=move || !received()>
                    <p>{tx(K::SentQueuedBody)}</p>
                </Show>
                // One live region for the state, so the delivery is announced where it shows.
                <div role="status">
                    {move || if received() {
                        shown_reference().map(|r| view! {
                            <p class="panel__body">
                                {queued.then(|| view! { {tx(K::SentDelivered)}<br/> })}
                                {tx(K::SentReference)}<br/><strong class="reference">{r}</strong>
                            </p>
                        }).into_any()
                    } else {
                        view! {
                            <p>{move || text(lang.get(), K::SentWaiting).replace("{n}", &waiting.map(|c| c.get()).unwrap_or(0).to_string())}</p>
                        }.into_any()
                    }}
                </div>
            </div>
            <h2>{tx(K::SentNextTitle)}</h2>
            <p>{next}</p>
            {move || shown_organisation().map(|o| view! { <p>{move || text(lang.get(), K::SentOrganisation).replace("{org}", o)}</p> })}
            // How to use the reference for access, correction or deletion (Law 25, ss. 27-28).
            <Show when=with_reference>
                <h2 id="sent-rights">{tx(K::SentRightsTitle)}</h2>
                <p>{tx(K::SentRightsBody)}</p>
                <p><a href=move || Page::Privacy.path(lang.get())>{tx(K::SentRightsLink)}</a></p>
            </Show>
            <crate::kiosk::KioskFinish/>
            <p>{tx(K::SentMeanwhile)}</p>
            <ul>
                <li><a href=move || Page::Regions.path(lang.get())>{tx(K::NavRegions)}</a></li>
                <li><a href=move || Page::Privacy.path(lang.get())>{tx(K::NavPrivacy)}</a></li>
            </ul>
        </div>
    }
}
