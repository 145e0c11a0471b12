//! A figure as the app always shows it: its value, its year and its source (the data file's
//! rule: no figure without both). The words come from the one citation formatter
//! (`eer_domain::cite`); the exact sources of every figure are on the sources page.

use eer_domain::catalogue::Figure;
use eer_domain::facts::Cited;
use eer_domain::{Lang, Metric};
use leptos::prelude::*;

/// A figure with its year and source, small and muted after the value. Drawn in one language:
/// the panel, the list and the comparison that show it redraw when the language changes.
pub fn figure_cite(value: String, cite: String) -> impl IntoView + use<> {
    view! {
        <span class="figure">
            <span class="figure__value">{value}</span>
            " "
            <span class="figure__source cite">"(" {cite} ")"</span>
        </span>
    }
}

/// [`figure_cite`] of one fact of the region's facts block.
pub fn cited(fact: Cited<'_>) -> impl IntoView + use<> {
    figure_cite(fact.value, fact.cite)
}

/// [`figure_cite`] of one figure, outside the facts block (the list, the comparison).
pub fn figure(metric: Metric, figure: &Figure, lang: Lang) -> impl IntoView + use<> {
    figure_cite(
        eer_domain::cite::value(metric, figure, lang),
        eer_domain::cite::figure(metric, figure, lang),
    )
}
