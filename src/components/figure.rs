//! A figure as the app always shows it: its value, its year and its source (the data file's
//! rule: no figure without both). The exact sources of every figure are on the sources page.

use eer_domain::catalogue::Figure;
use eer_domain::{Lang, Metric, catalogue};
use leptos::prelude::*;

/// The publishers (or titles) of a figure's sources, joined.
pub fn sources(figure: &Figure, lang: Lang) -> String {
    let c = catalogue();
    let names: Vec<String> = figure
        .sources
        .iter()
        .filter_map(|id| c.source(id))
        .map(|s| s.publisher.clone().unwrap_or_else(|| s.title.clone()))
        .collect();
    if names.is_empty() {
        lang.pick("source inconnue", "unknown source").to_string()
    } else {
        names.join(", ")
    }
}

/// A figure with its year and source, small and muted after the value.
#[component]
pub fn FigureCite(metric: Metric, figure: Figure, lang: Signal<Lang>) -> impl IntoView {
    let figure2 = figure.clone();
    view! {
        <span class="figure">
            <span class="figure__value">
                {move || {
                    let lang = lang.get();
                    let approx = if figure.approx { lang.pick("environ ", "about ") } else { "" };
                    format!("{approx}{}", metric.format(figure.value, lang))
                }}
            </span>
            " "
            <span class="figure__source">
                // The metric's short source name is written in both languages; the catalogue's
                // publisher names are in the language of each publication.
                {move || format!("({}; {})", figure2.when(), metric.source_name(lang.get()))}
            </span>
        </span>
    }
}
