//! The region explorer: choose what the map shows (the quiz fit, or one figure), the map with
//! its legend, the facts of the chosen region, the list of all 15 destinations with the same
//! values, and a comparison of two or three regions. All of it lives in the URL
//! (`components::explorer_state`).
//!
//! The outlines are fetched when the explorer opens (`/data/region-paths.json`, ~12 KB brotli)
//! rather than compiled in, so that the quiz's first visit does not carry them; without them the
//! page says the map is unavailable and works as a list.

use crate::components::compare::Compare;
use crate::components::explorer_state::{Show, provide_explorer};
use crate::components::legend::Legend;
use crate::components::map::RegionMap;
use crate::components::page_title::use_page_title;
use crate::components::quiz_url::href_with;
use crate::components::region_list::RegionList;
use crate::components::region_panel::RegionPanel;
use crate::i18n::{K, text, use_lang};
use eer_domain::map_data::{MapData, URL};
use eer_domain::{Metric, Page, catalogue};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the map's outlines are.
#[derive(Clone)]
enum MapState {
    Loading,
    Ready(Arc<MapData>),
    Unavailable,
}

/// Fetches and reads the outlines; any failure means "no map" (the list still works).
async fn fetch_map() -> Option<MapData> {
    let response = JsFuture::from(window().fetch_with_str(URL)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let body = JsFuture::from(response.text().ok()?).await.ok()?;
    MapData::parse(&body.as_string()?).ok()
}

#[component]
pub fn Explorer() -> impl IntoView {
    use_page_title(K::ExplorerTitle);
    let lang = use_lang();
    let ex = provide_explorer();
    let map = RwSignal::new(MapState::Loading);
    leptos::task::spawn_local(async move {
        let state = match fetch_map().await {
            Some(data) => MapState::Ready(Arc::new(data)),
            None => MapState::Unavailable,
        };
        map.set(state);
    });
    let tx = move |key: K| move || text(lang.get(), key);

    let current = move || ex.state.with(|s| s.show.key());
    // The choice of figure. The fit is offered only with quiz answers to compute it from.
    let options = move || {
        let lang_now = lang.get();
        let fit = ex.has_answers().then(|| {
            view! { <option value="fit" selected=move || current() == "fit">{text(lang_now, K::ExplorerFitLabel)}</option> }
        });
        let metrics = Metric::ALL
            .into_iter()
            .map(|m| view! { <option value=m.key() selected=move || current() == m.key()>{m.label(lang_now)}</option> })
            .collect_view();
        view! { {fit} {metrics} }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let show = match Metric::from_key(&key) {
            Some(m) => Show::Metric(m),
            None => Show::Fit,
        };
        ex.show(show);
    };
    let quiz_hint = move || {
        (!ex.has_answers()).then(|| {
            let href = Page::Quiz.path(lang.get());
            view! { <p class="hint">{tx(K::ExplorerFitHint)} " " <a href=href>{tx(K::ExplorerFitHintLink)}</a></p> }
        })
    };
    let results_link = move || {
        ex.has_answers().then(|| {
            let href = ex
                .answers
                .with(|a| href_with(&Page::Results, lang.get(), a, &[]));
            view! { <p><a href=href>{tx(K::ExplorerBackToResults)}</a></p> }
        })
    };
    let map_view = move || match map.get() {
        MapState::Loading => {
            view! { <p class="map-placeholder">{tx(K::ExplorerMapLoading)}</p> }.into_any()
        }
        MapState::Ready(data) => view! { <RegionMap data/> }.into_any(),
        MapState::Unavailable => {
            view! { <p class="notice map-placeholder">{tx(K::ExplorerMapUnavailable)}</p> }
                .into_any()
        }
    };
    // Said to screen readers when a region opens from the map (the focus stays on the map).
    let status = move || {
        let lang_now = lang.get();
        ex.state.with(|s| {
            s.region
                .as_deref()
                .and_then(|c| catalogue().region(c))
                .map(|r| text(lang_now, K::ExplorerOpened).replace("{region}", r.name(lang_now)))
        })
    };

    view! {
        <div class="page page--explorer">
            <h1>{tx(K::ExplorerTitle)}</h1>
            <p class="lead">{tx(K::ExplorerLead)}</p>
            {results_link}
            <div class="explorer__controls">
                <label class="label" for="explorer-show">{tx(K::ExplorerShowLabel)}</label>
                <select id="explorer-show" class="input select" on:change=on_change>
                    {options}
                </select>
                {quiz_hint}
            </div>
            <div class="explorer__body">
                <div class="explorer__map">
                    {map_view}
                    <Legend/>
                </div>
                <RegionPanel/>
            </div>
            <p class="visually-hidden" role="status">{status}</p>
            <h2 id="list-title">{tx(K::ExplorerListTitle)}</h2>
            <RegionList/>
            <Compare/>
        </div>
    }
}
