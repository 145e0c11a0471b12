//! A figure as the app always shows it: its value, its year and its source (the data file's
//! rule: no figure without both). The source names link to the sources page of the site.

use eer_domain::catalogue::Figure;
use eer_domain::{Lang, Metric, catalogue};
use leptos::prelude::*;

/// "2,8 % (2018; CIRANO, d'après Statistique Canada)" as text, for sentences and tables.
pub fn cite(metric: Metric, figure: &Figure, lang: Lang) -> String {
    let approx = if figure.approx {
        lang.pick("environ ", "about ")
    } else {
        ""
    };
    format!(
        "{approx}{} ({}; {})",
        metric.format(figure.value, lang),
        figure.when(),
        sources(figure, lang)
    )
}

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
            <span class="figure__source">{move || format!("({}; {})", figure2.when(), sources(&figure2, lang.get()))}</span>
        </span>
    }
}
