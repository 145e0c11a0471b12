//! The facts of the chosen region: its description, every figure with its year and source (or
//! "no data"), its main cities, key sectors, support organisations; its fit when there are quiz
//! answers; links to its page and to the interest form with this region chosen; and a button
//! that adds it to the comparison.

use crate::components::explorer_state::{MAX_COMPARE, use_explorer};
use crate::components::figure::cited;
use crate::components::quiz_url::href_with;
use crate::i18n::{K, text, use_lang};
use eer_domain::{Lang, Page, catalogue};
use leptos::prelude::*;

#[component]
pub fn RegionPanel() -> impl IntoView {
    let lang = use_lang();
    let ex = use_explorer();
    // Only the region and the language redraw the panel: its comparison button must keep the
    // focus when it is pressed.
    let region = Memo::new(move |_| ex.state.with(|s| s.region.clone()));
    move || {
        let lang_now = lang.get();
        match region.get() {
            None => view! {
                <section class="panel panel--empty" aria-labelledby="panel-title">
                    <h2 id="panel-title" tabindex="-1">{text(lang_now, K::ExplorerPanelEmptyTitle)}</h2>
                    <p>{text(lang_now, K::ExplorerPanelEmpty)}</p>
                </section>
            }
            .into_any(),
            Some(code) => facts(&code, lang_now, lang).into_any(),
        }
    }
}

fn facts(code: &str, lang_now: Lang, lang: Signal<Lang>) -> Option<impl IntoView + use<>> {
    let ex = use_explorer();
    let r = catalogue().region(code)?.clone();
    let answers = ex.answers.get_untracked();
    let page_href = Page::Region(r.slug.clone()).path(lang_now);
    let interest_href = href_with(&Page::Interest, lang_now, &answers, &[("regions", &r.code)]);
    let fit = ex.fit_of(code).map(|f| {
        view! {
            <p class="panel__fit">
                <strong>{sentence(&text(lang_now, K::ExplorerScore).replace("{n}", &f.score.to_string()))}</strong>
            </p>
            <ul class="panel__reasons">
                {f.reasons.iter().map(|x| view! { <li>{x.text.get(lang_now).to_string()}</li> }).collect_view()}
            </ul>
        }
    });
    // The facts block the static region page shows too (eer_domain::facts).
    let figures = eer_domain::facts::of(&r, lang_now)
        .map(|fact| {
            let value = match fact.figure {
                Some(f) => cited(f).into_any(),
                None => view! { <span class="no-data">{text(lang_now, K::ExplorerNoData)}</span> }
                    .into_any(),
            };
            view! { <div class="facts__row"><dt>{fact.label}</dt><dd>{value}</dd></div> }
        })
        .collect_view();
    // Only cities outside the Montréal metropolitan community: its suburbs are the origin; the
    // region's note says which part is in it (cmm_part).
    let cities = r
        .destination_cities()
        .map(|c| {
            let people = eer_domain::metric::number(f64::from(c.population), 0, lang_now);
            let line = text(lang_now, K::ExplorerCityLine)
                .replace("{city}", &c.name)
                .replace("{n}", &people)
                .replace("{year}", &c.year.to_string());
            view! { <li>{line}</li> }
        })
        .collect_view();
    let sectors = r
        .sectors
        .iter()
        .map(|s| {
            let check = (!s.verified).then(|| format!(" ({})", text(lang_now, K::ExplorerToCheck)));
            // Its source and year, from the one citation formatter, linked to the sources page.
            let cite = eer_domain::cite::sector(catalogue(), s, lang_now);
            let href = eer_domain::cite::source_href(s.sources.first().map(String::as_str), lang_now);
            view! { <li>{s.text.get(lang_now).to_string()} <span class="cite">"(" <a href=href>{cite}</a> ")"</span>{check}</li> }
        })
        .collect_view();
    let support = r
        .support
        .iter()
        .map(|o| {
            let city = o.city.as_ref().map(|c| format!(" — {c}"));
            // Only an address the link registry lists (not on a retired host) is a live link.
            let name = match o.url.as_ref().filter(|u| eer_domain::links::linkable(u)) {
                Some(url) => {
                    view! { <a href=url.clone() rel="noopener">{o.name.clone()}</a> }.into_any()
                }
                None => view! { <span>{o.name.clone()}</span> }.into_any(),
            };
            view! { <li>{name}{city}</li> }
        })
        .collect_view();
    let support_block = if r.support.is_empty() {
        view! { <p>{text(lang_now, K::ExplorerNoSupport)}</p> }.into_any()
    } else {
        view! {
            <ul>{support}</ul>
            <p class="hint">{text(lang_now, K::ExplorerSupportNote)}</p>
        }
        .into_any()
    };
    let code_btn = r.code.clone();
    let code_pressed = r.code.clone();
    let code_full = r.code.clone();
    let compare_label = move || {
        let key = if ex.is_compared(&code_pressed) {
            K::ExplorerCompareRemove
        } else {
            K::ExplorerCompareAdd
        };
        text(lang.get(), key)
    };
    let compare_full = Memo::new(move |_| {
        ex.state
            .with(|s| s.compare.len() >= MAX_COMPARE && !s.compare.contains(&code_full))
    });
    Some(view! {
        <section class="panel" aria-labelledby="panel-title">
            <h2 id="panel-title" tabindex="-1">{r.name(lang_now).to_string()}</h2>
            <p>{r.description.get(lang_now).to_string()}</p>
            {r.cmm_part.as_ref().map(|part| view! { <p class="notice">{part.get(lang_now).to_string()}</p> })}
            {fit}
            <p class="actions panel__actions">
                <a class="button" href=interest_href>{text(lang_now, K::ExplorerInterest)}</a>
                <a class="button button--secondary" href=page_href>{text(lang_now, K::ExplorerRegionPage)}</a>
                <button type="button" class="button button--secondary" aria-disabled=move || compare_full.get().to_string()
                    on:click=move |_| if !compare_full.get() { ex.toggle_compare(&code_btn) }>
                    {compare_label}
                </button>
            </p>
            {move || compare_full.get().then(|| view! { <p class="hint">{text(lang.get(), K::ExplorerCompareMax)}</p> })}
            <h3>{text(lang_now, K::ExplorerFacts)}</h3>
            <dl class="facts">{figures}</dl>
            <h3>{text(lang_now, K::ExplorerCities)}</h3>
            <ul>{cities}</ul>
            <h3>{text(lang_now, K::ExplorerSectors)}</h3>
            <ul>{sectors}</ul>
            <h3>{text(lang_now, K::ExplorerSupport)}</h3>
            {support_block}
        </section>
    })
}

/// The text with a capital first letter: `explorer.score` is written to follow a region's name
/// ("Estrie : correspondance de 86 sur 100") and here starts a line.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
