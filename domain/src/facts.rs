//! A region's facts block, described once: which facts, in which order, each with its value
//! and its citation. The explorer's panel (`src/components/region_panel.rs`) and the static
//! region page (`xtask/src/site/region.rs`) both render this list, so that the app and the page
//! without JavaScript cannot show a region's figures differently; each decides only its markup
//! (and its words for a missing figure).

use crate::catalogue::{Figure, Region};
use crate::cite;
use crate::lang::Lang;
use crate::metric::Metric;
use crate::text::Text;

/// One line of the block: a metric's label and, when the catalogue has it, its figure.
pub struct Fact<'a> {
    pub metric: Metric,
    /// "Taux de postes vacants" / "Job vacancy rate".
    pub label: &'static str,
    /// `None`: not found; never a guess (data/README.md).
    pub figure: Option<Cited<'a>>,
}

/// A figure as the block shows it.
pub struct Cited<'a> {
    pub figure: &'a Figure,
    /// "3,1 %", "environ 14 km" ([`cite::write_value`]).
    pub value: String,
    /// "2018, CIRANO, d'après Statistique Canada", without parentheses ([`cite::figure`]).
    pub cite: String,
    /// What an approximate figure stands for (a neighbouring station, a metropolitan area).
    pub note: Option<&'a Text>,
}

impl Cited<'_> {
    /// Where the citation links: the figure's first source on the sources page.
    pub fn href(&self, lang: Lang) -> String {
        cite::source_href(self.figure.sources.first().map(String::as_str), lang)
    }
}

/// Every metric of the catalogue, in [`Metric::ALL`]'s order (population first, climate
/// last), so that every region's block reads in the same order and a missing figure shows as
/// missing rather than disappearing.
pub fn of(region: &Region, lang: Lang) -> impl Iterator<Item = Fact<'_>> {
    Metric::ALL.into_iter().map(move |metric| Fact {
        metric,
        label: metric.label(lang),
        figure: region.metric(metric).map(|figure| Cited {
            figure,
            value: cite::value(metric, figure, lang),
            cite: cite::figure(metric, figure, lang),
            note: figure.note.as_deref(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn every_metric_in_order_with_its_citation() {
        let estrie = catalogue().region("05").unwrap();
        let facts: Vec<Fact> = of(estrie, Lang::Fr).collect();
        assert_eq!(
            facts.iter().map(|f| f.metric).collect::<Vec<_>>(),
            Metric::ALL
        );
        let vacancy = facts
            .iter()
            .find(|f| f.metric == Metric::JobVacancyRate)
            .and_then(|f| f.figure.as_ref())
            .unwrap();
        assert_eq!(vacancy.value, "3,1\u{a0}%");
        assert_eq!(vacancy.cite, "2018, CIRANO, d'après Statistique Canada");
        assert_eq!(
            vacancy.href(Lang::Fr),
            "/fr/sources#src-cirano_vacancy_2018"
        );
        // A region without a figure keeps the line, empty.
        let missing = catalogue()
            .destinations()
            .flat_map(|r| of(r, Lang::En))
            .find(|f| f.figure.is_none())
            .expect("some destination lacks a figure (e.g. road distance)");
        assert!(!missing.label.is_empty());
    }
}
