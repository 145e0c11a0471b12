//! The figures the catalogue holds for each region, how they are named and how they are written
//! in each language. French typography follows the Office québécois de la langue française:
//! a non-breaking space between thousands, a decimal comma, and a non-breaking space before
//! `%` and `$` ("2,8 %", "26 339 $"). English follows Canadian usage ("2.8%", "$26,339").

use crate::lang::Lang;
use crate::text::Static;

/// A kind of figure. `is_complete` says whether every destination region has it: only complete
/// metrics may count in the fit score (data/README.md: "score only on figures that exist for
/// every destination region").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// 2021 Census population (Statistics Canada 98-10-0007-01), all regions.
    Population,
    /// Population of the main city: the largest municipality outside the Montréal metropolitan
    /// community (2026 population decree, MAMH), all regions.
    MainCityPopulation,
    /// Inhabitants per km², 2021 Census, all regions.
    Density,
    /// Straight-line km from the centre of the Island of Montréal to the main city, all regions.
    DistanceKm,
    /// Driving km from Montréal (Tourisme Québec), 9 of 15 destinations.
    RoadDistanceKm,
    /// Annual job vacancy rate 2018 (CIRANO from Statistics Canada JVWS), all regions.
    JobVacancyRate,
    /// People employed, 2024 (ISQ, Labour Force Survey), all regions (09 and 10 together).
    Employment,
    /// Unemployment rate, latest sourced year (ISQ, MEIE, Observatoire), 6 of 15 destinations.
    UnemploymentRate,
    /// Household disposable income per inhabitant, 2017p (ISQ), all regions.
    DisposableIncome,
    /// Average rent of a 2-bedroom re-let that year, October 2024 (CMHC via a secondary source),
    /// 10 of 15 destinations, some through a neighbouring metropolitan area.
    Rent,
    /// January mean temperature (ECCC normals), 13 of 15 destinations.
    JanuaryTemperature,
    /// Annual snowfall (ECCC normals), 13 of 15 destinations.
    Snowfall,
}

/// How a metric is written.
struct Style {
    label: Static,
    /// Digits after the decimal point.
    digits: usize,
    unit: Unit,
}

enum Unit {
    None,
    Percent,
    Dollars,
    Km,
    PerKm2,
    Celsius,
    Cm,
}

impl Metric {
    pub const ALL: [Metric; 12] = [
        Metric::Population,
        Metric::MainCityPopulation,
        Metric::Density,
        Metric::DistanceKm,
        Metric::RoadDistanceKm,
        Metric::JobVacancyRate,
        Metric::Employment,
        Metric::UnemploymentRate,
        Metric::DisposableIncome,
        Metric::Rent,
        Metric::JanuaryTemperature,
        Metric::Snowfall,
    ];

    /// The key used in the data file (`figures.<key>`) and in URLs of the map explorer.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Population => "population",
            Metric::MainCityPopulation => "main_city_population",
            Metric::Density => "density",
            Metric::DistanceKm => "distance_km",
            Metric::RoadDistanceKm => "road_distance_km",
            Metric::JobVacancyRate => "job_vacancy_rate",
            Metric::Employment => "employment",
            Metric::UnemploymentRate => "unemployment_rate",
            Metric::DisposableIncome => "disposable_income",
            Metric::Rent => "rent",
            Metric::JanuaryTemperature => "january_temperature",
            Metric::Snowfall => "snowfall",
        }
    }

    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    fn style(self) -> Style {
        let (label, digits, unit) = match self {
            Metric::Population => (("Population", "Population"), 0, Unit::None),
            Metric::MainCityPopulation => (
                (
                    "Population de la ville principale",
                    "Population of the main city",
                ),
                0,
                Unit::None,
            ),
            Metric::Density => (
                ("Densité de population", "Population density"),
                1,
                Unit::PerKm2,
            ),
            Metric::DistanceKm => (
                (
                    "Distance de Montréal (à vol d'oiseau)",
                    "Distance from Montréal (straight line)",
                ),
                0,
                Unit::Km,
            ),
            Metric::RoadDistanceKm => (
                (
                    "Distance de Montréal par la route",
                    "Distance from Montréal by road",
                ),
                0,
                Unit::Km,
            ),
            Metric::JobVacancyRate => (
                ("Taux de postes vacants", "Job vacancy rate"),
                1,
                Unit::Percent,
            ),
            Metric::Employment => (("Personnes en emploi", "People employed"), 0, Unit::None),
            Metric::UnemploymentRate => {
                (("Taux de chômage", "Unemployment rate"), 1, Unit::Percent)
            }
            Metric::DisposableIncome => (
                (
                    "Revenu disponible par habitant",
                    "Disposable income per inhabitant",
                ),
                0,
                Unit::Dollars,
            ),
            Metric::Rent => (
                (
                    "Loyer moyen d'un 2 chambres reloué",
                    "Average rent of a re-let 2-bedroom unit",
                ),
                0,
                Unit::Dollars,
            ),
            Metric::JanuaryTemperature => (
                (
                    "Température moyenne de janvier",
                    "Average January temperature",
                ),
                1,
                Unit::Celsius,
            ),
            Metric::Snowfall => (("Neige par année", "Snowfall per year"), 0, Unit::Cm),
        };
        Style {
            label,
            digits,
            unit,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = self.style().label;
        lang.pick(fr, en)
    }

    /// The unit as shown beside a bare number (legend of the map), e.g. "%", "$", "km".
    pub fn unit(self, _lang: Lang) -> &'static str {
        match self.style().unit {
            Unit::None => "",
            Unit::Percent => "%",
            Unit::Dollars => "$",
            Unit::Km => "km",
            Unit::PerKm2 => "hab./km²",
            Unit::Celsius => "°C",
            Unit::Cm => "cm",
        }
    }

    /// Digits shown after the decimal point.
    pub fn digits(self) -> usize {
        self.style().digits
    }

    /// A short name of the source, for sentences that cite a figure ("2,8 % (2018, CIRANO,
    /// d'après Statistique Canada)"). The exact sources of each figure are in its `sources`.
    pub fn source_name(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Metric::Population | Metric::Density => (
                "Statistique Canada, Recensement",
                "Statistics Canada, Census",
            ),
            Metric::MainCityPopulation => ("décret de population, MAMH", "population decree, MAMH"),
            // Computed by us (cite: "calculé à vol d'oiseau depuis …"): from what.
            Metric::DistanceKm => (
                "à vol d'oiseau depuis le centre de l'île de Montréal, avec les coordonnées d'une liste tierce",
                "in a straight line from the centre of the Island of Montréal, with coordinates from a third-party list",
            ),
            Metric::RoadDistanceKm => ("Tourisme Québec", "Tourisme Québec"),
            Metric::JobVacancyRate => (
                "CIRANO, d'après Statistique Canada",
                "CIRANO, from Statistics Canada",
            ),
            Metric::Employment | Metric::UnemploymentRate => {
                ("Enquête sur la population active", "Labour Force Survey")
            }
            Metric::DisposableIncome => (
                "Institut de la statistique du Québec",
                "Institut de la statistique du Québec",
            ),
            // The source and where we read it, plainly (issue 12: not "a third-party site").
            Metric::Rent => (
                "SCHL, Enquête sur les logements locatifs d'octobre, relevée par thedatainsider.com",
                "CMHC Rental Market Survey, October, as reported by thedatainsider.com",
            ),
            Metric::JanuaryTemperature | Metric::Snowfall => (
                "normales climatiques d'Environnement Canada",
                "Environment Canada climate normals",
            ),
        };
        lang.pick(fr, en)
    }

    /// The value written for a reader: "199 039", "2,8 %", "26 339 $" in French;
    /// "199,039", "2.8%", "$26,339" in English.
    pub fn format(self, value: f64, lang: Lang) -> String {
        let mut out = String::with_capacity(16);
        self.write(&mut out, value, lang);
        out
    }

    /// Appends the formatted value to `out` (no allocation of its own: the fit writes many).
    pub fn write(self, out: &mut String, value: f64, lang: Lang) {
        let style = self.style();
        if let (Unit::Dollars, Lang::En) = (&style.unit, lang) {
            out.push('$');
        }
        write_number(out, value, style.digits, lang);
        let suffix = match (style.unit, lang) {
            (Unit::None, _) | (Unit::Dollars, Lang::En) => return,
            (Unit::Percent, Lang::En) => "%",
            (Unit::Percent, Lang::Fr) => "\u{a0}%",
            (Unit::Dollars, Lang::Fr) => "\u{a0}$",
            (Unit::Km, _) => "\u{a0}km",
            (Unit::PerKm2, Lang::Fr) => "\u{a0}hab./km²",
            (Unit::PerKm2, Lang::En) => "/km²",
            (Unit::Celsius, _) => "\u{a0}°C",
            (Unit::Cm, _) => "\u{a0}cm",
        };
        out.push_str(suffix);
    }
}

/// Writes a number with `digits` decimals and the language's separators. Negative numbers keep
/// their sign; rounding is half away from zero.
pub fn number(value: f64, digits: usize, lang: Lang) -> String {
    let mut out = String::with_capacity(12);
    write_number(&mut out, value, digits, lang);
    out
}

/// Appends a number with `digits` decimals (at most 3) and the language's separators. Written
/// without `format!`: the fit formats dozens of numbers on every answer change.
pub fn write_number(out: &mut String, value: f64, digits: usize, lang: Lang) {
    let scale: u64 = match digits {
        0 => 1,
        1 => 10,
        2 => 100,
        _ => 1000,
    };
    let x = value.abs() * scale as f64;
    // Half away from zero; beyond 10^15 no figure of ours makes sense, so clamp.
    let scaled = if x.is_finite() {
        (x + 0.5).min(1e15) as u64
    } else {
        0
    };
    let int = scaled / scale;
    let frac = scaled % scale;
    let (group, point) = match lang {
        Lang::Fr => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    if value < 0.0 && scaled > 0 {
        out.push('-');
    }
    // Digits of the integer part, least significant first.
    let mut buf = [0u8; 20];
    let mut len = 0;
    let mut n = int;
    loop {
        buf[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Thousands are grouped from 1 000 up, so that columns line up (the OQLF accepts both
    // for four digits).
    for i in (0..len).rev() {
        out.push(buf[i] as char);
        if i > 0 && i % 3 == 0 {
            out.push(group);
        }
    }
    if scale > 1 {
        out.push(point);
        let mut d = scale / 10;
        while d > 0 {
            out.push((b'0' + ((frac / d) % 10) as u8) as char);
            d /= 10;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_number_formats() {
        let nb = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(Metric::Population.format(199039.0, Lang::Fr), nb("199 039"));
        assert_eq!(Metric::Population.format(199039.0, Lang::En), "199,039");
        assert_eq!(Metric::JobVacancyRate.format(2.8, Lang::Fr), nb("2,8 %"));
        assert_eq!(Metric::JobVacancyRate.format(2.8, Lang::En), "2.8%");
        assert_eq!(
            Metric::DisposableIncome.format(26339.0, Lang::Fr),
            nb("26 339 $")
        );
        assert_eq!(
            Metric::DisposableIncome.format(26339.0, Lang::En),
            "$26,339"
        );
        assert_eq!(
            Metric::JanuaryTemperature.format(-11.7, Lang::Fr),
            nb("-11,7 °C")
        );
        assert_eq!(Metric::Density.format(0.1, Lang::En), "0.1/km²");
        assert_eq!(
            Metric::Population.format(1434038.0, Lang::Fr),
            nb("1 434 038")
        );
        assert_eq!(Metric::DistanceKm.format(21.0, Lang::En), "21\u{a0}km");
        assert_eq!(number(-0.04, 1, Lang::En), "0.0");
    }

    #[test]
    fn keys_round_trip_and_labels_exist() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_key(m.key()), Some(m));
            for lang in Lang::ALL {
                assert!(!m.label(lang).is_empty());
            }
        }
    }
}
