//! The one citation formatter: how every figure says its year and its source, in French and in
//! English, wherever it is shown (the app's facts and legend, the fit's reasons, the static
//! pages). Nothing else writes a figure's year or source, so that a citation cannot differ
//! from one page to another or slip into the wrong language (issue 12: "Source : CIRANO, from
//! Statistics Canada." on a French page).
//!
//! - A dated figure: "2018, CIRANO, d'après Statistique Canada".
//! - A figure from an undated page: "non daté, Tourisme Québec" (never an invented year).
//! - A figure computed by us: "calculé à vol d'oiseau depuis le centre de l'île de Montréal
//!   avec les coordonnées d'une liste tierce": says that it is computed, and from what.
//!
//! After a value the citation is in parentheses: "2,8 % (2018, CIRANO, d'après Statistique
//! Canada)" ([`write_value`], then [`write_parenthesised`]); a link to the source's entry on
//! the sources page is [`source_href`].

use crate::catalogue::{Catalogue, Dating, Figure, Sector};
use crate::lang::Lang;
use crate::metric::Metric;
use crate::route::Page;

/// Appends a figure's value: "2,8 %", or "environ 14 km" for an approximate figure (derived,
/// or through a neighbouring station or metropolitan area: the figure's note says which).
pub fn write_value(out: &mut String, metric: Metric, figure: &Figure, lang: Lang) {
    if figure.approx {
        out.push_str(lang.pick("environ ", "about "));
    }
    metric.write(out, figure.value, lang);
}

/// A figure's value, as [`write_value`] writes it.
pub fn value(metric: Metric, figure: &Figure, lang: Lang) -> String {
    let mut out = String::with_capacity(24);
    write_value(&mut out, metric, figure, lang);
    out
}

/// Appends " (2018, CIRANO, d'après Statistique Canada)": the citation after a value.
pub fn write_parenthesised(out: &mut String, metric: Metric, figure: &Figure, lang: Lang) {
    out.push_str(" (");
    write(out, metric, figure, lang);
    out.push(')');
}

/// The address of a source's entry on the sources page (`/fr/sources#src-statcan_98100007`),
/// or of the page itself when the item names no source.
pub fn source_href(source: Option<&str>, lang: Lang) -> String {
    let page = Page::Sources.path(lang);
    match source {
        Some(id) => format!("{page}#src-{id}"),
        None => page,
    }
}

/// Appends the citation of one figure, without parentheses.
pub fn write(out: &mut String, metric: Metric, figure: &Figure, lang: Lang) {
    out.push_str(&figure.when(lang));
    out.push_str(match figure.dating {
        Dating::Computed => " ",
        Dating::Year | Dating::Undated => ", ",
    });
    out.push_str(metric.source_name(lang));
}

/// The citation of one figure, without parentheses.
pub fn figure(metric: Metric, figure: &Figure, lang: Lang) -> String {
    let mut out = String::with_capacity(64);
    write(&mut out, metric, figure, lang);
    out
}

/// The citation of a metric across the destination regions (the map's legend): each year said
/// once, oldest first, then the source ("2017, 2018, … ; source").
pub fn across(catalogue: &Catalogue, metric: Metric, lang: Lang) -> String {
    let mut whens: Vec<(u8, String)> = Vec::new();
    for f in catalogue.destinations().filter_map(|r| r.metric(metric)) {
        // Computed or undated figures are cited as such, after the dated ones.
        let rank = match f.dating {
            Dating::Year => 0,
            Dating::Undated => 1,
            Dating::Computed => 2,
        };
        let when = (rank, f.when(lang));
        if !whens.contains(&when) {
            whens.push(when);
        }
    }
    whens.sort();
    let computed = whens.iter().all(|(rank, _)| *rank == 2);
    let joined: Vec<String> = whens.into_iter().map(|(_, w)| w).collect();
    let mut out = joined.join(", ");
    out.push_str(if computed { " " } else { ", " });
    out.push_str(metric.source_name(lang));
    out
}

/// The citation of a sourced item that is not a figure (a key sector, the summary of English
/// services): "source datée de 2019" / "source dated 2019", or "source non datée" / "undated
/// source". The year is the item's own, else its first dated source's; the sources page names
/// the source.
pub fn item(catalogue: &Catalogue, year: Option<u16>, sources: &[String], lang: Lang) -> String {
    let year = year.or_else(|| {
        sources
            .iter()
            .find_map(|id| catalogue.source(id).and_then(|s| s.year))
    });
    match year {
        Some(y) => format!("{} {y}", lang.pick("source datée de", "source dated")),
        None => lang.pick("source non datée", "undated source").to_string(),
    }
}

/// The citation of a key sector (qualitative, several vintages).
pub fn sector(catalogue: &Catalogue, sector: &Sector, lang: Lang) -> String {
    item(catalogue, sector.year, &sector.sources, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn every_figure_is_cited_in_its_language() {
        let c = catalogue();
        let estrie = c.region("05").unwrap();
        let vacancy = estrie.metric(Metric::JobVacancyRate).unwrap();
        assert_eq!(
            figure(Metric::JobVacancyRate, vacancy, Lang::Fr),
            "2018, CIRANO, d'après Statistique Canada"
        );
        assert_eq!(
            figure(Metric::JobVacancyRate, vacancy, Lang::En),
            "2018, CIRANO, from Statistics Canada"
        );
        let road = estrie.metric(Metric::RoadDistanceKm).unwrap();
        assert_eq!(
            figure(Metric::RoadDistanceKm, road, Lang::Fr),
            "non daté, Tourisme Québec"
        );
        let line = estrie.metric(Metric::DistanceKm).unwrap();
        assert!(figure(Metric::DistanceKm, line, Lang::Fr).starts_with("calculé à vol d'oiseau"));
        assert!(
            figure(Metric::DistanceKm, line, Lang::En).starts_with("computed in a straight line")
        );
        // The legend's French citation has no English in it (issue 12, item 6).
        for m in Metric::ALL {
            let fr = across(c, m, Lang::Fr);
            for english in [
                " from ",
                "Statistics Canada",
                "third-party",
                "undated",
                "computed",
            ] {
                assert!(!fr.contains(english), "{m:?}: {fr}");
            }
        }
        assert_eq!(
            across(c, Metric::JobVacancyRate, Lang::Fr),
            "2018, CIRANO, d'après Statistique Canada"
        );
    }

    #[test]
    fn a_value_then_its_citation_in_parentheses() {
        let estrie = catalogue().region("05").unwrap();
        let vacancy = estrie.metric(Metric::JobVacancyRate).unwrap();
        let mut out = value(Metric::JobVacancyRate, vacancy, Lang::Fr);
        write_parenthesised(&mut out, Metric::JobVacancyRate, vacancy, Lang::Fr);
        assert_eq!(out, "3,1\u{a0}% (2018, CIRANO, d'après Statistique Canada)");
        let mut approx = vacancy.clone();
        approx.approx = true;
        assert_eq!(
            value(Metric::JobVacancyRate, &approx, Lang::En),
            "about 3.1%"
        );
        assert_eq!(
            source_href(Some("cirano_2019"), Lang::En),
            "/en/sources#src-cirano_2019"
        );
        assert_eq!(source_href(None, Lang::Fr), "/fr/sources");
    }
}
