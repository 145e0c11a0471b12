//! A figure as the app always shows it: its value, its year and its source (the data file's
//! rule: no figure without both). The exact sources of every figure are on the sources page.

use eer_domain::catalogue::Figure;
use eer_domain::{Lang, Metric};
use leptos::prelude::*;

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
            <span class="figure__source cite">
                // The one citation formatter: year (or "undated", "computed") and source, in
                // the page's language.
                {move || format!("({})", eer_domain::cite::figure(metric, &figure2, lang.get()))}
            </span>
        </span>
    }
}
