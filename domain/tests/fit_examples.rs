//! Region fit, by examples: what a counsellor would expect for a few households.

mod common;

use common::q;
use eer_domain::catalogue;
use eer_domain::fit::{Effect, RegionFit, rank};

fn codes(fits: &[RegionFit]) -> Vec<&str> {
    fits.iter().map(|f| f.code.as_str()).collect()
}

fn find<'a>(fits: &'a [RegionFit], code: &str) -> &'a RegionFit {
    fits.iter().find(|f| f.code == code).unwrap()
}

#[test]
fn close_to_montreal_in_a_city() {
    let fits = rank(&q("v=1&project=job&size=city&distance=near"), catalogue());
    let c = codes(&fits);
    // Montérégie's main city is Saint-Jean-sur-Richelieu (35 km, 100,967 people), the largest
    // outside the Montréal metropolitan community: Longueuil, in the CMM, is where households
    // move from, not a destination (facts/CMM.md). Sherbrooke (135 km, 184,478) is a city
    // within 150 km too.
    assert!(c[..3].contains(&"16"), "{c:?}");
    assert!(c[..3].contains(&"05"), "{c:?}");
    let montérégie = find(&fits, "16");
    assert!(
        montérégie
            .reasons
            .iter()
            .any(|r| r.text.fr.contains("Saint-Jean-sur-Richelieu"))
    );
    // Gaspé, Sept-Îles and Chibougamau are far (783, 751 and 494 km in a straight line) and
    // small towns.
    for far in ["09", "10", "11"] {
        assert!(c[12..].contains(&far), "{c:?}");
    }
    // Sherbrooke (135 km, 184,478) is within 150 km and a city.
    assert!(c[..5].contains(&"05"), "{c:?}");
}

#[test]
fn countryside_far_away_for_a_business_in_farming_and_food() {
    let fits = rank(
        &q("v=1&project=business&field=agrifood&size=small&distance=any"),
        catalogue(),
    );
    let c = codes(&fits);
    // Montérégie is the densest destination (162.5/km²): not a countryside pick, even with
    // farming among its key sectors.
    assert!(c[8..].contains(&"16"), "{c:?}");
    // Abitibi-Témiscamingue: 2.6/km², farming among its sourced key sectors, the highest
    // disposable income of the sparse regions (29,514 $ in 2017).
    assert_eq!(c[0], "08", "{c:?}");
}

#[test]
fn english_services_essential() {
    let fits = rank(&q("v=1&english=essential"), catalogue());
    for code in ["05", "07", "09", "11", "16"] {
        let f = find(&fits, code);
        assert_eq!(f.score, 100, "{code}: a notable English-speaking community");
        assert_eq!(f.reasons[0].effect, Effect::Plus);
    }
    // Where nothing is known, the region is neutral (50) and told so.
    let f = find(&fits, "14");
    assert_eq!(f.score, 50);
    assert!(f.unknowns.iter().any(|u| u.en.contains("English")));
    // Not needing English would leave it at 50: the suggestion is another preference.
    let change = f.what_would_change.as_ref().unwrap();
    assert_ne!(change.question_id, "english");
    assert!(change.new_score > 50);
}

#[test]
fn health_and_education_do_not_move_the_ranking() {
    let with = rank(&q("v=1&project=job&field=health&distance=mid"), catalogue());
    let without = rank(&q("v=1&project=job&distance=mid"), catalogue());
    assert_eq!(codes(&with), codes(&without));
    assert!(
        with[0]
            .reasons
            .iter()
            .any(|r| r.effect == Effect::Info && r.text.en.contains("Health"))
    );
}

#[test]
fn reasons_with_a_figure_say_its_year_and_source() {
    let a = q(
        "v=1&project=business&field=tech&size=city&distance=mid&english=helpful&winter=milder&rent=900_1200&children=1",
    );
    for f in rank(&a, catalogue()) {
        assert!(!f.reasons.is_empty());
        for r in &f.reasons {
            if let Some((m, fig)) = &r.figure {
                for (text, lang) in [
                    (&r.text.fr, eer_domain::Lang::Fr),
                    (&r.text.en, eer_domain::Lang::En),
                ] {
                    assert!(
                        text.contains(&eer_domain::cite::figure(*m, fig, lang)),
                        "{}: {text}",
                        f.code
                    );
                    assert!(text.contains(m.source_name(lang)), "{}: {text}", f.code);
                }
            }
        }
    }
}

#[test]
fn unknown_figures_are_said_to_be_unknown() {
    let fits = rank(&q("v=1&winter=milder&rent=lt900"), catalogue());
    // No climate normal for Outaouais or Nord-du-Québec; no comparable rent for 01, 08-11.
    for code in ["07", "10"] {
        assert!(
            find(&fits, code)
                .unknowns
                .iter()
                .any(|u| u.en.starts_with("Winter")),
            "{code}"
        );
    }
    for code in ["01", "08", "09", "10", "11"] {
        assert!(
            find(&fits, code)
                .unknowns
                .iter()
                .any(|u| u.en.starts_with("Rents")),
            "{code}"
        );
    }
    // Information only: winter and rent do not change any score.
    assert!(fits.iter().all(|f| f.score == 50));
}

#[test]
fn what_would_change_points_to_the_limiting_answer() {
    let fits = rank(&q("v=1&project=job&distance=near"), catalogue());
    let f = find(&fits, "02");
    let change = f.what_would_change.as_ref().unwrap();
    assert_eq!(change.question_id, "distance");
    assert!(change.new_score > f.score);
    assert!(change.text.fr.contains("sur 100") && change.text.en.contains("out of 100"));
}

#[test]
fn written_sentences_follow_a_changed_figure() {
    // The fit writes a region's sentences once; changing a figure through regions_mut must not
    // leave an old sentence behind.
    let a = q("v=1&distance=near");
    let before = rank(&a, catalogue());
    assert!(find(&before, "05").reasons[0].text.en.contains("135"));
    let mut c = catalogue().clone();
    let estrie = c.regions_mut().iter_mut().find(|r| r.code == "05").unwrap();
    estrie.figures.distance_km.as_mut().unwrap().value = 99.0;
    let after = rank(&a, &c);
    let text = &find(&after, "05").reasons[0].text;
    assert!(
        text.en.contains("99") && !text.en.contains("135"),
        "{}",
        text.en
    );
}
