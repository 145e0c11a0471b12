//! The region catalogue: the 17 administrative regions (15 destinations; Montréal and Laval as
//! the origin) with their sourced figures, key sectors, English-language services, support
//! organisations and schools: the types, the look-ups and the content checks. The data lives
//! in `domain/data/regions.json` (see `domain/data/README.md`); `catalogue_json` reads it and
//! `embedded_catalogue` holds the copy compiled into the binary. This file reads neither, so
//! that the types sit below their reader (no import circle).

use std::sync::Arc;

use crate::lang::Lang;
use crate::metric::Metric;
use crate::text::Text;

/// The 15 destination regions' codes (the one list: [`crate::destination`]).
pub use crate::destination::CODES as DESTINATIONS;

/// Where a figure, a sector or an organisation comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub year: Option<u16>,
    pub licence: Option<String>,
}

/// One sourced number. A figure that was not found is absent (`null` in the file), never a
/// guess. Cloning one allocates nothing (shared source list and note): the fit copies figures
/// into its reasons on every answer change.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// The reference year (the last year of a climate normals period); `None` for a figure
    /// from an undated page or computed by us (see `dating`). Never invented.
    pub year: Option<u16>,
    pub dating: Dating,
    /// Source ids, resolved by [`Catalogue::source`].
    pub sources: Arc<[String]>,
    /// A period such as "1971-2000" for climate normals; shown instead of the year.
    pub period: Option<Arc<str>>,
    /// Approximate, derived or through a proxy (e.g. a neighbouring city's station).
    pub approx: bool,
    pub note: Option<Arc<Text>>,
}

/// How a figure is dated: by its source's year, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dating {
    /// The source gives the year (or the normals period).
    Year,
    /// The source page has no date (`"undated": true` in the file): said so, never guessed.
    Undated,
    /// Computed by us (`"computed": true`), e.g. a straight-line distance: said so, with what
    /// it was computed from (the metric's source name).
    Computed,
}

impl Figure {
    /// "2021", "1971-2000" for a normals period, "non daté" / "undated", "calculé" /
    /// "computed". See [`crate::cite`] for the whole citation.
    pub fn when(&self, lang: Lang) -> String {
        match (self.dating, &self.period, self.year) {
            (Dating::Undated, ..) => lang.pick("non daté", "undated").to_string(),
            (Dating::Computed, ..) => lang.pick("calculé", "computed").to_string(),
            (Dating::Year, Some(p), _) => p.to_string(),
            (Dating::Year, None, Some(y)) => y.to_string(),
            (Dating::Year, None, None) => lang.pick("non daté", "undated").to_string(),
        }
    }
}

/// The figures of a region, one field per [`Metric`]. Every key is written in the file, `null`
/// when unknown, so that program staff see what is missing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub population: Option<Figure>,
    pub main_city_population: Option<Figure>,
    pub density: Option<Figure>,
    pub distance_km: Option<Figure>,
    pub road_distance_km: Option<Figure>,
    pub job_vacancy_rate: Option<Figure>,
    pub employment: Option<Figure>,
    pub unemployment_rate: Option<Figure>,
    pub disposable_income: Option<Figure>,
    pub rent: Option<Figure>,
    pub january_temperature: Option<Figure>,
    pub snowfall: Option<Figure>,
}

impl Figures {
    pub fn get(&self, metric: Metric) -> Option<&Figure> {
        self.slot(metric).as_ref()
    }

    /// Mutable access, for tests and tools that vary one figure.
    pub fn slot_mut(&mut self, metric: Metric) -> &mut Option<Figure> {
        match metric {
            Metric::Population => &mut self.population,
            Metric::MainCityPopulation => &mut self.main_city_population,
            Metric::Density => &mut self.density,
            Metric::DistanceKm => &mut self.distance_km,
            Metric::RoadDistanceKm => &mut self.road_distance_km,
            Metric::JobVacancyRate => &mut self.job_vacancy_rate,
            Metric::Employment => &mut self.employment,
            Metric::UnemploymentRate => &mut self.unemployment_rate,
            Metric::DisposableIncome => &mut self.disposable_income,
            Metric::Rent => &mut self.rent,
            Metric::JanuaryTemperature => &mut self.january_temperature,
            Metric::Snowfall => &mut self.snowfall,
        }
    }

    fn slot(&self, metric: Metric) -> &Option<Figure> {
        match metric {
            Metric::Population => &self.population,
            Metric::MainCityPopulation => &self.main_city_population,
            Metric::Density => &self.density,
            Metric::DistanceKm => &self.distance_km,
            Metric::RoadDistanceKm => &self.road_distance_km,
            Metric::JobVacancyRate => &self.job_vacancy_rate,
            Metric::Employment => &self.employment,
            Metric::UnemploymentRate => &self.unemployment_rate,
            Metric::DisposableIncome => &self.disposable_income,
            Metric::Rent => &self.rent,
            Metric::JanuaryTemperature => &self.january_temperature,
            Metric::Snowfall => &self.snowfall,
        }
    }
}

/// A municipality with its population (population decree, MAMH).
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    pub name: String,
    pub population: u32,
    pub year: u16,
    /// In the Montréal metropolitan community (CMM): part of the Montréal area households
    /// move from, never a destination (facts/CMM.md; PROGRAM.md, "Destinations are outside
    /// the CMM").
    pub in_cmm: bool,
    pub sources: Vec<String>,
}

/// A key sector of the regional economy, as an official portrait states it. `fields` are the
/// quiz's field-of-work ids it matches (questionnaire::FIELDS). Qualitative and of several
/// vintages: it may say "this region names your field", never "this region lacks it".
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    pub text: Text,
    pub fields: Vec<String>,
    pub sources: Vec<String>,
    pub year: Option<u16>,
    /// `false` when the item was not read from a source (facts file: helper's knowledge). Such
    /// items are shown with a warning and never count in the fit.
    pub verified: bool,
}

/// How present English-language services and community are, read from the sourced summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishLevel {
    /// A sizeable, long-standing English-speaking community with its own institutions.
    Notable,
    /// A small community; services in English limited.
    Small,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    pub city: Option<String>,
    pub url: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct English {
    /// `None` = not known (no sourced summary), which the fit treats as neutral.
    pub level: Option<EnglishLevel>,
    pub summary: Option<Text>,
    pub organisations: Vec<Organisation>,
    pub sources: Vec<String>,
    pub verified: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Institution {
    pub name: String,
    /// An English-language institution.
    pub english: bool,
}

/// Universities and CEGEPs. From general knowledge in the facts file: always shown as "to be
/// checked" (`verified: false`).
#[derive(Debug, Clone, PartialEq)]
pub struct Education {
    pub universities: Vec<Institution>,
    pub cegeps: Vec<Institution>,
    pub verified: bool,
    pub sources: Vec<String>,
}

/// An administrative region.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// "01" to "17".
    pub code: String,
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    /// `false` for 06 Montréal and 13 Laval, where households move from.
    pub destination: bool,
    /// The city the distance from Montréal is measured to: the largest outside the CMM.
    pub main_city: String,
    /// A short description written from the sourced facts.
    pub description: Text,
    /// For 14, 15 and 16: which part of the region is in the Montréal metropolitan community,
    /// and so not a destination of the service (facts/CMM.md).
    pub cmm_part: Option<Text>,
    /// The largest municipalities, largest first (those in the CMM flagged `in_cmm`).
    pub main_cities: Vec<City>,
    pub figures: Figures,
    pub sectors: Vec<Sector>,
    pub english: English,
    /// Immigrant-support organisations found in public sources. NOT the official list of
    /// Emplois en régions' partners (not found; facts file), to be confirmed by the program.
    pub support: Vec<Organisation>,
    pub education: Option<Education>,
}

impl Region {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_fr, &self.name_en)
    }

    /// The largest municipality outside the CMM (the city of [`Metric::MainCityPopulation`]).
    pub fn main_city_name(&self) -> &str {
        self.destination_cities()
            .next()
            .map_or(&self.main_city, |c| &c.name)
    }

    /// The main cities a household may move to: those outside the CMM, largest first.
    pub fn destination_cities(&self) -> impl Iterator<Item = &City> {
        self.main_cities.iter().filter(|c| !c.in_cmm)
    }

    /// The main cities in the CMM (an origin, not a destination), largest first.
    pub fn cmm_cities(&self) -> impl Iterator<Item = &City> {
        self.main_cities.iter().filter(|c| c.in_cmm)
    }

    pub fn metric(&self, metric: Metric) -> Option<&Figure> {
        self.figures.get(metric)
    }

    /// Whether a sourced (verified) key sector of the region matches a quiz field id.
    pub fn names_field(&self, field: &str) -> Option<&Sector> {
        self.sectors
            .iter()
            .find(|s| s.verified && s.fields.iter().any(|f| f == field))
    }
}

/// The schema this code reads. Bump it when the file's shape changes.
pub const SCHEMA: &str = "eer-catalogue/1";

/// All regions and the sources they cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    sources: Vec<Source>,
    regions: Vec<Region>,
}

impl Catalogue {
    /// A catalogue of these sources (sorted by id) and regions (by code); the file's reader
    /// (`Catalogue::from_json`, in `catalogue_json`) builds it.
    pub(crate) fn new(sources: Vec<Source>, regions: Vec<Region>) -> Catalogue {
        Catalogue { sources, regions }
    }

    /// All 17 regions, in the file's order (by code).
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Mutable access, for tests that reorder regions or vary a figure.
    pub fn regions_mut(&mut self) -> &mut Vec<Region> {
        &mut self.regions
    }

    /// The 15 destination regions.
    pub fn destinations(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(|r| r.destination)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.slug == slug)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The smallest and largest value of a figure among the destinations that have it, for the
    /// map's colour scale; `None` when no destination has it.
    pub fn range(&self, metric: Metric) -> Option<(f64, f64)> {
        self.destinations()
            .filter_map(|r| r.metric(metric).map(|f| f.value))
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            })
    }

    /// Whether every destination region has this figure: only then may it count in a score.
    pub fn is_complete(&self, metric: Metric) -> bool {
        self.destinations().all(|r| r.metric(metric).is_some())
    }

    /// Content checks, as readable messages for program staff; empty when the file is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for code in DESTINATIONS {
            match self.region(code) {
                Some(r) if r.destination => {}
                Some(_) => out.push(format!("region {code} must be a destination")),
                None => out.push(format!("destination region {code} is missing")),
            }
        }
        for code in ["06", "13"] {
            if self.region(code).is_some_and(|r| r.destination) {
                out.push(format!("region {code} is the origin, not a destination"));
            }
        }
        for (i, r) in self.regions.iter().enumerate() {
            let earlier = &self.regions[..i];
            if earlier.iter().any(|o| o.code == r.code) {
                out.push(format!("code {} appears twice", r.code));
            }
            if earlier.iter().any(|o| o.slug == r.slug) {
                out.push(format!("slug {} appears twice", r.slug));
            }
            let slug_ok = !r.slug.is_empty()
                && r.slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !slug_ok {
                out.push(format!(
                    "{}: slug {:?} must be a-z, 0-9 and -",
                    r.code, r.slug
                ));
            }
            for (what, text) in [("name_fr", &r.name_fr), ("name_en", &r.name_en)] {
                if text.trim().is_empty() {
                    out.push(format!("{}: {what} is empty", r.code));
                }
            }
            if r.description.fr.trim().is_empty() || r.description.en.trim().is_empty() {
                out.push(format!("{}: description needs French and English", r.code));
            }
            // Destinations are outside the CMM (facts/CMM.md): the main city, its population
            // and the distance are taken outside it, and the page says which part is in it.
            if r.destination {
                if r.main_cities
                    .iter()
                    .any(|c| c.in_cmm && c.name == r.main_city)
                {
                    out.push(format!(
                        "{}: main_city {} is in the CMM",
                        r.code, r.main_city
                    ));
                }
                if r.main_city_name() != r.main_city {
                    out.push(format!(
                        "{}: main_city {} is not the largest city outside the CMM ({})",
                        r.code,
                        r.main_city,
                        r.main_city_name()
                    ));
                }
                if let (Some(f), Some(c)) = (
                    r.metric(Metric::MainCityPopulation),
                    r.destination_cities().next(),
                ) && f.value != f64::from(c.population)
                {
                    out.push(format!(
                        "{}: main_city_population {} is not {}'s ({})",
                        r.code, f.value, c.name, c.population
                    ));
                }
                if r.main_cities.iter().any(|c| c.in_cmm) != r.cmm_part.is_some() {
                    out.push(format!(
                        "{}: a region with cities in the CMM says which part (cmm_part), and only then",
                        r.code
                    ));
                }
            }
            let mut cite = |what: String, ids: &mut dyn Iterator<Item = &str>| {
                let mut any = false;
                for id in ids {
                    any = true;
                    if self.source(id).is_none() {
                        out.push(format!("{}: {what} cites unknown source {id}", r.code));
                    }
                }
                if !any {
                    out.push(format!("{}: {what} has no source", r.code));
                }
            };
            for m in Metric::ALL {
                if let Some(f) = r.metric(m) {
                    cite(
                        format!("figure {}", m.key()),
                        &mut f.sources.iter().map(String::as_str),
                    );
                }
            }
            for c in &r.main_cities {
                cite(
                    format!("city {}", c.name),
                    &mut c.sources.iter().map(String::as_str),
                );
            }
            for s in &r.sectors {
                cite(
                    format!("sector {}", s.text.en),
                    &mut s.sources.iter().map(String::as_str),
                );
            }
            for o in r.english.organisations.iter().chain(&r.support) {
                cite(
                    format!("organisation {}", o.name),
                    &mut o.sources.iter().map(String::as_str),
                );
            }
            if let Some(e) = &r.education {
                cite(
                    "education".to_string(),
                    &mut e.sources.iter().map(String::as_str),
                );
            }
            for m in Metric::ALL {
                if let Some(f) = r.metric(m) {
                    if !f.value.is_finite() {
                        out.push(format!("{}: figure {} is not a number", r.code, m.key()));
                    }
                    match (f.dating, f.year) {
                        (Dating::Year, Some(y)) if !(1900..=2100).contains(&y) => out.push(
                            format!("{}: figure {} has year {y}", r.code, m.key()),
                        ),
                        (Dating::Year, None) => out.push(format!(
                            "{}: figure {} has no year: write it, or \"undated\": true, or \"computed\": true",
                            r.code,
                            m.key()
                        )),
                        (Dating::Undated | Dating::Computed, Some(y)) => out.push(format!(
                            "{}: figure {} is undated or computed but has year {y}",
                            r.code,
                            m.key()
                        )),
                        _ => {}
                    }
                }
            }
            for s in &r.sectors {
                for f in &s.fields {
                    if !crate::questionnaire::FIELDS.iter().any(|c| c.id == f) {
                        out.push(format!("{}: sector field {f} is not a quiz field", r.code));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue;

    #[test]
    fn embedded_catalogue_parses_and_looks_up() {
        let c = catalogue();
        assert_eq!(c.regions().len(), 17);
        assert_eq!(c.destinations().count(), 15);
        assert_eq!(c.region("05").unwrap().slug, "estrie");
        assert_eq!(c.by_slug("outaouais").unwrap().code, "07");
        assert_eq!(c.region("06").unwrap().name(Lang::En), "Montreal");
        assert!(c.source("statcan_98100007").is_some());
        assert!(c.region("99").is_none());
        assert_eq!(c.range(Metric::JobVacancyRate), Some((2.3, 3.7)));
        assert!(c.range(Metric::Rent).is_some_and(|(lo, hi)| lo < hi));
    }
}
