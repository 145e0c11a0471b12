//! The map's colours and their legend. The classes themselves (quantiles for a figure, steps of
//! 20 for the fit) are `eer_domain::scale`, tested natively. Missing figures are drawn hatched
//! and named "no data", never given a colour (data/README.md: never fill a null with a guess).

use crate::components::explorer_state::{Show, use_explorer};
use crate::i18n::{K, text, use_lang};
use eer_domain::{Lang, catalogue};
use leptos::prelude::*;

/// ColorBrewer YlGnBu, 5 classes: sequential and safe for the common colour-vision
/// deficiencies; the lightest class still stands apart from the white-and-grey hatch of "no
/// data", and every class is outlined in dark text colour. Same colours as `.swatch--0..4` in
/// style/explorer.css.
pub const PALETTE: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

/// The fill of a region: its class colour, or the hatch pattern of `pattern_id`.
pub fn fill(class: Option<usize>, pattern_id: &str) -> String {
    match class {
        Some(k) => PALETTE[k.min(4)].to_string(),
        None => format!("url(#{pattern_id})"),
    }
}

/// The value as the legend and the map's names write it.
pub fn format_value(show: Show, value: f64, lang: Lang) -> String {
    match show {
        Show::Fit => eer_domain::metric::number(value, 0, lang),
        Show::Metric(m) => m.format(value, lang),
    }
}

/// The legend of what the map shows: the classes, "no data", the starting point, then the
/// figure's year and source.
#[component]
pub fn Legend() -> impl IntoView {
    let lang = use_lang();
    let ex = use_explorer();
    move || {
        let lang = lang.get();
        let show = ex.state.with(|s| s.show);
        let scale = ex.scale.get();
        let title = match show {
            Show::Fit => text(lang, K::ExplorerFitLabel).to_string(),
            Show::Metric(m) => m.label(lang).to_string(),
        };
        let items = scale
            .ranges
            .iter()
            .enumerate()
            .filter_map(|(k, r)| r.map(|r| (k, r)))
            .map(|(k, (lo, hi))| {
                let range = match show {
                    Show::Fit => format!("{}–{}", k * 20, if k == 4 { 100 } else { k * 20 + 19 }),
                    _ if lo == hi => format_value(show, lo, lang),
                    _ => format!(
                        "{} – {}",
                        format_value(show, lo, lang),
                        format_value(show, hi, lang)
                    ),
                };
                view! { <li><span class=format!("swatch swatch--{k}") aria-hidden="true"></span>{range}</li> }
            })
            .collect_view();
        let gaps = scale.has_gaps().then(|| {
            view! { <li><span class="swatch swatch--nodata" aria-hidden="true"></span>{text(lang, K::ExplorerNoData)}</li> }
        });
        let source = match show {
            Show::Fit => text(lang, K::ExplorerFitSource).to_string(),
            // The one citation formatter, in the page's language (the catalogue's publisher
            // names are in each publication's language: issue 12).
            Show::Metric(m) => text(lang, K::ExplorerYearSource)
                .replace("{source}", &eer_domain::cite::across(catalogue(), m, lang)),
        };
        view! {
            <div class="legend">
                <p class="legend__title" id="legend-title">{title}</p>
                <ul class="legend__items" aria-labelledby="legend-title">
                    {items}
                    {gaps}
                    <li><span class="swatch swatch--origin" aria-hidden="true"></span>{text(lang, K::ExplorerOrigin)}</li>
                </ul>
                <p class="legend__source cite">{source}</p>
            </div>
        }
    }
}
