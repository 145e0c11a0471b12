//! The list of the 15 destinations with what the map shows: the same information as the map,
//! for screen readers, keyboards, and when the map cannot load. Each row opens the region's
//! facts and has a box to add it to the comparison. Sorted by the value shown, largest first
//! (regions without a value last, in code order), so the list answers "which regions have the
//! most …" that a map only suggests.

use crate::components::explorer_state::{MAX_COMPARE, Show, use_explorer};
use crate::components::figure::figure;
use crate::components::legend::format_value;
use crate::i18n::{K, text, use_lang};
use eer_domain::{Lang, catalogue};
use leptos::prelude::*;

#[component]
pub fn RegionList() -> impl IntoView {
    let lang = use_lang();
    let ex = use_explorer();
    // Rows are drawn again only when the figure or the language changes, so a row's button or
    // box keeps the focus when it is used.
    let show = Memo::new(move |_| ex.state.with(|s| s.show));
    move || {
        let lang_now = lang.get();
        let show_now = show.get();
        let mut rows: Vec<(String, Option<f64>)> = catalogue()
            .destinations()
            .map(|r| (r.code.clone(), ex.value(show_now, &r.code)))
            .collect();
        rows.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.cmp(&b.0),
        });
        let column = match show_now {
            Show::Fit => text(lang_now, K::ExplorerFitLabel).to_string(),
            Show::Metric(m) => m.label(lang_now).to_string(),
        };
        let caption = text(lang_now, K::ExplorerListCaption).replace("{what}", &column);
        let body = rows
            .into_iter()
            .map(|(code, value)| row(code, value, show_now, lang_now))
            .collect_view();
        view! {
            <table class="region-list">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text(lang_now, K::ExplorerRegion)}</th>
                        <th scope="col">{column}</th>
                        <th scope="col">{text(lang_now, K::ExplorerCompareColumn)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    }
}

fn row(code: String, value: Option<f64>, show: Show, lang_now: Lang) -> impl IntoView {
    let ex = use_explorer();
    let name = catalogue()
        .region(&code)
        .map_or(String::new(), |r| r.name(lang_now).to_string());
    let cell = match (show, value) {
        (_, None) => {
            view! { <span class="no-data">{text(lang_now, K::ExplorerNoData)}</span> }.into_any()
        }
        (Show::Fit, Some(v)) => view! {
            <span class="figure__value">{format_value(show, v, lang_now)}</span>
            <span class="score-max">" /100"</span>
        }
        .into_any(),
        (Show::Metric(m), Some(_)) => {
            let shown = catalogue().region(&code).and_then(|r| r.metric(m));
            shown.map(|f| figure(m, f, lang_now)).into_any()
        }
    };
    let c1 = code.clone();
    let selected = Memo::new(move |_| ex.state.with(|s| s.region.as_deref() == Some(&c1)));
    let c2 = code.clone();
    let checked = Memo::new(move |_| ex.is_compared(&c2));
    let full = Memo::new(move |_| ex.state.with(|s| s.compare.len() >= MAX_COMPARE));
    let c3 = code.clone();
    let c4 = code.clone();
    let box_id = format!("cmp-{code}");
    let box_label = text(lang_now, K::ExplorerCompareOne).replace("{region}", &name);
    view! {
        <tr class=("region-list__row--selected", move || selected.get())>
            <th scope="row">
                <button type="button" class="region-list__open" aria-pressed=move || selected.get().to_string()
                    on:click=move |_| ex.select_and_focus(&c3)>
                    {name}
                </button>
            </th>
            <td>{cell}</td>
            <td>
                <span class="compare-box">
                    <input type="checkbox" id=box_id.clone() prop:checked=move || checked.get()
                        disabled=move || full.get() && !checked.get()
                        on:change=move |_| ex.toggle_compare(&c4)/>
                    <label for=box_id><span class="visually-hidden">{box_label}</span></label>
                </span>
            </td>
        </tr>
    }
}
