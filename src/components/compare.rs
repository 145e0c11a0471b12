//! Two or three regions side by side: one column per region, one row per figure (each with its
//! year and source), plus the fit when there are quiz answers and the largest city. On a narrow
//! screen the table scrolls sideways inside a named, focusable region, so the page itself never
//! scrolls sideways and a keyboard can scroll it (WCAG 1.4.10 reflow, 2.1.1).

use crate::components::explorer_state::{MAX_COMPARE, use_explorer};
use crate::components::figure::figure;
use crate::i18n::{K, text, use_lang};
use eer_domain::{Metric, catalogue};
use leptos::prelude::*;

#[component]
pub fn Compare() -> impl IntoView {
    let lang = use_lang();
    let ex = use_explorer();
    let chosen = Memo::new(move |_| ex.state.with(|s| s.compare.clone()));
    let table = move || {
        let lang_now = lang.get();
        let codes = chosen.get();
        if codes.len() < 2 {
            let hint =
                text(lang_now, K::ExplorerCompareHint).replace("{max}", &MAX_COMPARE.to_string());
            return view! { <p>{hint}</p> }.into_any();
        }
        let regions: Vec<_> = codes.iter().filter_map(|c| catalogue().region(c)).collect();
        let heads = regions
            .iter()
            .map(|r| {
                let code = r.code.clone();
                let remove = text(lang_now, K::ExplorerCompareRemoveOne)
                    .replace("{region}", r.name(lang_now));
                view! {
                    <th scope="col">
                        {r.name(lang_now).to_string()}
                        <button type="button" class="compare__remove" aria-label=remove
                            on:click=move |_| ex.toggle_compare(&code)>"×"</button>
                    </th>
                }
            })
            .collect_view();
        let fit_row = ex.has_answers().then(|| {
            let cells = regions
                .iter()
                .map(|r| {
                    let score = ex.fit_of(&r.code).map(|f| f.score.to_string());
                    view! { <td>{score}<span class="score-max">" /100"</span></td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{text(lang_now, K::ExplorerFitLabel)}</th>{cells}</tr> }
        });
        let city_cells = regions
            .iter()
            .map(|r| view! { <td>{r.main_city_name().to_string()}</td> })
            .collect_view();
        let rows = Metric::ALL
            .into_iter()
            .map(|m| {
                let cells = regions
                    .iter()
                    .map(|r| match r.metric(m) {
                        Some(f) => view! { <td>{figure(m, f, lang_now)}</td> }.into_any(),
                        None => {
                            view! { <td class="no-data">{text(lang_now, K::ExplorerNoData)}</td> }
                                .into_any()
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{m.label(lang_now)}</th>{cells}</tr> }
            })
            .collect_view();
        // The title sits outside the scroll box, so a phone shows it whole.
        view! {
            <p class="compare__caption" id="compare-caption">{text(lang_now, K::ExplorerCompareCaption)}</p>
            <div class="table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                <table class="compare" aria-labelledby="compare-caption">
                    <thead>
                        <tr><td></td>{heads}</tr>
                    </thead>
                    <tbody>
                        {fit_row}
                        <tr><th scope="row">{text(lang_now, K::ExplorerLargestCity)}</th>{city_cells}</tr>
                        {rows}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="compare-section" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || text(lang.get(), K::ExplorerCompareTitle)}</h2>
            {table}
        </section>
    }
}
