//! The data file: a broken `data/regions.json` fails here, with a message that says where.

use eer_domain::catalogue;
use eer_domain::catalogue::{Catalogue, DESTINATIONS};
use eer_domain::embedded_catalogue::{COMPACT, DATA};
use eer_domain::{Lang, Metric};
use serde_json::Value;

#[test]
fn the_embedded_file_has_no_problems() {
    let problems = catalogue().problems();
    assert!(
        problems.is_empty(),
        "regions.json:\n{}",
        problems.join("\n")
    );
}

/// The app reads the compact bytes the build script writes; the checks read the JSON text. Both
/// must give the same catalogue, figure for figure and word for word.
#[test]
fn the_compact_form_reads_to_the_same_catalogue_as_the_file() {
    let from_json = Catalogue::from_json(DATA).unwrap();
    assert_eq!(&Catalogue::from_compact(COMPACT).unwrap(), &from_json);
    assert_eq!(catalogue(), &from_json);
    // Smaller than the text it replaces (no quotes, commas or spaces; numbers as bytes).
    assert!(
        COMPACT.len() < DATA.len(),
        "{} vs {}",
        COMPACT.len(),
        DATA.len()
    );
}

#[test]
fn every_destination_present_codes_and_slugs_unique() {
    let c = catalogue();
    assert_eq!(c.regions().len(), 17);
    let codes: Vec<&str> = c.destinations().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, DESTINATIONS);
    for origin in ["06", "13"] {
        assert!(!c.region(origin).unwrap().destination);
    }
    for r in c.regions() {
        assert_eq!(c.regions().iter().filter(|o| o.code == r.code).count(), 1);
        assert_eq!(c.by_slug(&r.slug).unwrap().code, r.code);
        assert!(!r.description.fr.is_empty() && !r.description.en.is_empty());
        assert!(!r.main_cities.is_empty());
    }
}

#[test]
fn every_figure_key_is_written_and_every_figure_has_year_and_source() {
    let file: Value = serde_json::from_str(DATA).unwrap();
    for r in file["regions"].as_array().unwrap() {
        let figures = r["figures"].as_object().unwrap();
        for m in Metric::ALL {
            let f = figures.get(m.key()).unwrap_or_else(|| {
                panic!(
                    "{}: figure {} must be written (null if unknown)",
                    r["code"],
                    m.key()
                )
            });
            if !f.is_null() {
                assert!(f["value"].is_number(), "{} {}", r["code"], m.key());
                // A year, or an explicit "undated" / "computed": never silence, never a guess.
                assert!(
                    f["year"].as_u64().is_some_and(|y| y > 1900)
                        || f["undated"] == true
                        || f["computed"] == true,
                    "{} {}",
                    r["code"],
                    m.key()
                );
                assert!(
                    !f["sources"].as_array().unwrap().is_empty(),
                    "{} {}",
                    r["code"],
                    m.key()
                );
            }
        }
    }
}

#[test]
fn every_source_id_resolves() {
    let c = catalogue();
    let file: Value = serde_json::from_str(DATA).unwrap();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    if k == "sources" {
                        if let Value::Array(ids) = v {
                            out.extend(ids.iter().filter_map(|s| s.as_str().map(String::from)));
                        }
                    } else {
                        walk(v, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut ids = Vec::new();
    walk(&file["regions"], &mut ids);
    assert!(ids.len() > 300);
    for id in ids {
        assert!(c.source(&id).is_some(), "unknown source id {id}");
    }
    for s in c.sources() {
        assert!(!s.title.is_empty(), "{}", s.id);
    }
}

#[test]
fn complete_metrics_are_the_ones_the_fit_scores() {
    let c = catalogue();
    for m in [
        Metric::Population,
        Metric::MainCityPopulation,
        Metric::Density,
        Metric::DistanceKm,
        Metric::JobVacancyRate,
        Metric::Employment,
        Metric::DisposableIncome,
    ] {
        assert!(
            c.is_complete(m),
            "{m:?} must be known for all 15 destinations"
        );
    }
    for m in [
        Metric::RoadDistanceKm,
        Metric::UnemploymentRate,
        Metric::Rent,
        Metric::JanuaryTemperature,
        Metric::Snowfall,
    ] {
        assert!(!c.is_complete(m), "{m:?} is partial in the facts");
    }
    for w in eer_domain::weights::WEIGHTS.iter() {
        let counts = w.job + w.training + w.business > 0;
        if let (true, Some(m)) = (counts, w.metric) {
            assert!(
                c.is_complete(m),
                "{:?} scores on a partial metric",
                w.factor
            );
        }
    }
}

#[test]
fn a_broken_file_is_caught() {
    let mut file: Value = serde_json::from_str(DATA).unwrap();
    // Remove Estrie, duplicate a slug, cite an unknown source.
    let regions = file["regions"].as_array_mut().unwrap();
    regions.retain(|r| r["code"] != "05");
    regions[0]["slug"] = regions[1]["slug"].clone();
    regions[2]["figures"]["population"]["sources"] = serde_json::json!(["nowhere"]);
    let c = Catalogue::from_json(&file.to_string()).unwrap();
    let problems = c.problems().join("\n");
    assert!(
        problems.contains("destination region 05 is missing"),
        "{problems}"
    );
    assert!(problems.contains("appears twice"), "{problems}");
    assert!(problems.contains("unknown source nowhere"), "{problems}");
    // A typo in a key or a figure written as text is refused outright.
    let typo = DATA.replacen("\"job_vacancy_rate\"", "\"job_vacancy_rte\"", 1);
    assert!(Catalogue::from_json(&typo).is_err());
    let text = DATA.replacen("\"value\": 199039", "\"value\": \"199039\"", 1);
    assert!(Catalogue::from_json(&text).is_err());
}

/// Figures carry over from the facts file the catalogue was imported from (its copy in
/// data/facts/), and no null there became a number here.
#[test]
fn figures_match_the_facts_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/facts/regions.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let facts: Value = serde_json::from_str(&text).unwrap();
    let c = catalogue();
    for fr in facts["regions"].as_array().unwrap() {
        let code = fr["code"].as_str().unwrap();
        let r = c.region(code).unwrap();
        let v = |m: Metric| r.metric(m).map(|f| f.value);
        let num = |x: &Value| x.as_f64();
        assert_eq!(
            v(Metric::Population),
            num(&fr["population"]["census_2021"]),
            "{code}"
        );
        assert_eq!(v(Metric::Density), num(&fr["density_per_km2"]), "{code}");
        // The main city is the largest outside the CMM (facts/CMM.md): for 14 and 16 not the
        // facts file's first city; its population and straight-line distance are that city's.
        let main = fr["main_cities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| {
                c["name"].as_str().map(|n| n.replace("--", "–")).as_deref()
                    == Some(r.main_city.as_str())
            })
            .unwrap_or_else(|| panic!("{code}: {} not among the facts' main cities", r.main_city));
        assert_eq!(
            v(Metric::MainCityPopulation),
            num(&main["population"]),
            "{code}"
        );
        if code != "06" {
            let facts_km = if r.main_cities[0].in_cmm {
                num(&main["straight_line_km_from_montreal"])
            } else {
                num(&fr["distance_from_montreal"]["straight_line_km"])
            };
            assert_eq!(v(Metric::DistanceKm), facts_km, "{code}");
        }
        let road = num(&fr["distance_from_montreal"]["road_km"]).filter(|k| *k > 0.0);
        assert_eq!(v(Metric::RoadDistanceKm), road, "{code}");
        let lm = &fr["labour_market"];
        assert_eq!(
            v(Metric::JobVacancyRate),
            num(&lm["job_vacancy_rate_pct"]["2018"]),
            "{code}"
        );
        assert_eq!(
            v(Metric::Employment),
            num(&lm["employment_thousands"]["2024"]).map(|k| (k * 1000.0).round()),
            "{code}"
        );
        assert_eq!(
            v(Metric::DisposableIncome),
            num(&fr["income"]["disposable_income_per_capita"]["2017"]),
            "{code}"
        );
        assert_eq!(
            v(Metric::Rent),
            num(&fr["housing"]["cmhc_2br_turnover_non_turnover"]["turnover_avg_rent"]["2024"]),
            "{code}"
        );
        assert_eq!(
            v(Metric::JanuaryTemperature),
            num(&fr["climate"]["jan_mean_c"]),
            "{code}"
        );
        assert_eq!(
            v(Metric::Snowfall),
            num(&fr["climate"]["annual_snowfall_cm"]),
            "{code}"
        );
        // Unemployment: a value here must be one of the facts' values for the same year.
        if let Some(f) = r.metric(Metric::UnemploymentRate) {
            let y = f.year.expect("an unemployment rate has a year").to_string();
            assert_eq!(
                num(&lm["unemployment_rate_pct"][y.as_str()]),
                Some(f.value),
                "{code}"
            );
        }
        assert_eq!(r.name(Lang::Fr), fr["name_fr"].as_str().unwrap());
        assert_eq!(r.slug, fr["slug"].as_str().unwrap());
    }
}

/// No invented years (issue 19): a straight-line distance is computed by us and a road
/// distance comes from an undated page; both say so instead of carrying a year.
#[test]
fn distances_are_computed_or_undated_never_dated_by_us() {
    use eer_domain::catalogue::Dating;
    for r in catalogue().regions() {
        if let Some(f) = r.metric(Metric::DistanceKm) {
            assert_eq!((f.dating, f.year), (Dating::Computed, None), "{}", r.code);
        }
        if let Some(f) = r.metric(Metric::RoadDistanceKm) {
            assert_eq!((f.dating, f.year), (Dating::Undated, None), "{}", r.code);
        }
    }
    // A figure written with no year and no reason is refused.
    let bad = DATA.replacen(", \"computed\": true", "", 1);
    let c = Catalogue::from_json(&bad).unwrap();
    assert!(c.problems().join("\n").contains("has no year"));
}
