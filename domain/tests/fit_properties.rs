//! Region fit, by properties: bounded scores, order-independent ranking, monotonicity, unknown
//! never below neutral, determinism, and a "what would change" that tells the truth.

mod common;

use common::arb_answers;
use eer_domain::catalogue;
use eer_domain::catalogue::{Catalogue, EnglishLevel, Sector};
use eer_domain::fit::{rank, score};
use eer_domain::vocab::Distance;
use eer_domain::{Answers, Metric, Text};
use proptest::prelude::*;

fn destinations(c: &Catalogue) -> Vec<usize> {
    c.regions()
        .iter()
        .enumerate()
        .filter(|(_, r)| r.destination)
        .map(|(i, _)| i)
        .collect()
}

/// One way to make a region a better match, whatever the answers.
#[derive(Debug, Clone, Copy)]
enum Improve {
    Closer(f64),
    BiggerCity(f64),
    LessDense(f64),
    MoreVacancies(f64),
    MoreIncome(f64),
    SectorForEveryField,
    NotableEnglish,
}

fn arb_improve() -> impl Strategy<Value = Improve> {
    prop_oneof![
        (1.0..800.0).prop_map(Improve::Closer),
        (1.0..500_000.0).prop_map(Improve::BiggerCity),
        (0.01..100.0).prop_map(Improve::LessDense),
        (0.01..3.0).prop_map(Improve::MoreVacancies),
        (1.0..8000.0).prop_map(Improve::MoreIncome),
        Just(Improve::SectorForEveryField),
        Just(Improve::NotableEnglish),
    ]
}

fn apply(c: &mut Catalogue, i: usize, how: Improve) {
    let r = &mut c.regions_mut()[i];
    let mut shift = |m: Metric, by: f64| {
        if let Some(f) = r.figures.slot_mut(m).as_mut() {
            f.value = (f.value + by).max(0.0);
        }
    };
    match how {
        Improve::Closer(km) => shift(Metric::DistanceKm, -km),
        Improve::BiggerCity(n) => shift(Metric::MainCityPopulation, n),
        Improve::LessDense(d) => shift(Metric::Density, -d),
        Improve::MoreVacancies(p) => shift(Metric::JobVacancyRate, p),
        Improve::MoreIncome(d) => shift(Metric::DisposableIncome, d),
        Improve::SectorForEveryField => r.sectors.push(Sector {
            text: Text::new("Tout", "Everything"),
            fields: eer_domain::questionnaire::FIELDS
                .iter()
                .map(|f| f.id.to_string())
                .collect(),
            sources: vec!["statcan_98100007".into()],
            year: None,
            verified: true,
        }),
        Improve::NotableEnglish => {
            r.english.level = Some(EnglishLevel::Notable);
            r.english.verified = true;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fifteen_regions_scores_in_range_sorted(a in arb_answers()) {
        let fits = rank(&a, catalogue());
        prop_assert_eq!(fits.len(), 15);
        for w in fits.windows(2) {
            prop_assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].code < w[1].code));
        }
        for f in &fits {
            prop_assert!(f.score <= 100);
            if let Some(ch) = &f.what_would_change {
                prop_assert!(ch.new_score > f.score && ch.new_score <= 100);
                // The suggestion tells the truth: giving that answer gives that score.
                let mut b = a.clone();
                b.set(ch.question_id, &ch.choice_id).unwrap();
                let r = catalogue().region(&f.code).unwrap();
                prop_assert_eq!(score(&b, r), ch.new_score);
            }
        }
        prop_assert_eq!(rank(&a, catalogue()), fits, "deterministic");
    }

    #[test]
    fn ranking_does_not_depend_on_the_catalogue_order(
        a in arb_answers(),
        order in Just((0..17).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let c = catalogue();
        let mut shuffled = c.clone();
        let regions: Vec<_> = order.iter().map(|&i| c.regions()[i].clone()).collect();
        *shuffled.regions_mut() = regions;
        prop_assert_eq!(rank(&a, &shuffled), rank(&a, c));
    }

    #[test]
    fn improving_one_factor_never_lowers_the_score(
        a in arb_answers(),
        pick in 0usize..15,
        how in arb_improve(),
    ) {
        let c = catalogue();
        let i = destinations(c)[pick];
        let before = score(&a, &c.regions()[i]);
        let mut better = c.clone();
        apply(&mut better, i, how);
        let after = score(&a, &better.regions()[i]);
        prop_assert!(after >= before, "{how:?}: {before} -> {after}");
    }

    #[test]
    fn an_unknown_figure_scores_exactly_as_a_neutral_one(a in arb_answers(), pick in 0usize..15) {
        let c = catalogue();
        let i = destinations(c)[pick];
        let limit = a
            .given::<Distance>()
            .and_then(Distance::limit_km)
            .unwrap_or(100.0);
        // The value of each figure whose match is exactly neutral (0.5).
        let neutral = [
            (Metric::DistanceKm, 1.5 * limit),
            (Metric::MainCityPopulation, (20_000f64 * 300_000f64).sqrt()),
            (Metric::Density, 20.0),
            (Metric::JobVacancyRate, 3.0),
            (Metric::DisposableIncome, 28_000.0),
        ];
        for (m, v) in neutral {
            let mut unknown = c.clone();
            *unknown.regions_mut()[i].figures.slot_mut(m) = None;
            let mut known = c.clone();
            if let Some(f) = known.regions_mut()[i].figures.slot_mut(m).as_mut() {
                f.value = v;
            }
            let mut worst = c.clone();
            if let Some(f) = worst.regions_mut()[i].figures.slot_mut(m).as_mut() {
                f.value = if matches!(m, Metric::DistanceKm | Metric::Density) { 1e6 } else { 0.0 };
            }
            let su = score(&a, &unknown.regions()[i]);
            prop_assert_eq!(su, score(&a, &known.regions()[i]), "{:?}", m);
            prop_assert!(su >= score(&a, &worst.regions()[i]), "{:?}", m);
        }
        // English-language presence unknown = a small community (neutral).
        let mut unknown = c.clone();
        unknown.regions_mut()[i].english.level = None;
        let mut small = c.clone();
        small.regions_mut()[i].english.level = Some(EnglishLevel::Small);
        small.regions_mut()[i].english.verified = true;
        prop_assert_eq!(score(&a, &unknown.regions()[i]), score(&a, &small.regions()[i]));
    }
}

#[test]
fn empty_answers_give_every_region_50() {
    let fits = rank(&Answers::default(), catalogue());
    assert!(fits.iter().all(|f| f.score == 50 && f.reasons.is_empty()));
    let codes: Vec<&str> = fits.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes,
        eer_domain::catalogue::DESTINATIONS,
        "ties broken by code"
    );
}
