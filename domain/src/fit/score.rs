//! The score: each factor the answers make relevant gives a match from 0 to 1 (the scales are
//! in weights.rs, beside the weights), and the score is their weighted mean, times 100.

use super::Profile;
use crate::catalogue::{EnglishLevel, Region};
use crate::metric::Metric;
use crate::vocab::{Choices, Distance, English, Field, Project, Size, TOWN};
use crate::weights::{
    NEUTRAL, Scored, city_match, distance_match, jobs_match, market_match, rural_match,
};

/// A factor's match for one region.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) enum Eval {
    /// The answers do not make this factor count.
    #[default]
    Off,
    Known(f64),
    /// The figure is missing: counts as [`NEUTRAL`].
    Unknown,
}

fn figure_eval(r: &Region, m: Metric, f: impl Fn(f64) -> f64) -> Eval {
    match r.metric(m) {
        Some(fig) => Eval::Known(f(fig.value)),
        None => Eval::Unknown,
    }
}

/// Mid-sized town: a main city in [`TOWN`], outside the CMM (its suburbs are the origin, not a
/// destination: facts/CMM.md).
fn town_match(r: &Region) -> Eval {
    if r.main_cities.is_empty() {
        return Eval::Unknown;
    }
    let has = r.destination_cities().any(|c| TOWN.contains(&c.population));
    Eval::Known(if has { 1.0 } else { 0.25 })
}

fn field_eval(r: &Region, fields: &[Option<Field>]) -> Eval {
    let mut scored = false;
    for f in fields.iter().flatten() {
        if f.everywhere() {
            continue;
        }
        scored = true;
        if r.names_field(f.id()).is_some() {
            return Eval::Known(1.0);
        }
    }
    if scored {
        Eval::Known(NEUTRAL)
    } else {
        Eval::Off
    }
}

pub(super) fn distance_eval(r: &Region, choice: Option<Distance>) -> Eval {
    match choice.and_then(Distance::limit_km) {
        Some(limit) => figure_eval(r, Metric::DistanceKm, |km| distance_match(km, limit)),
        None => Eval::Off,
    }
}

pub(super) fn size_eval(r: &Region, choice: Option<Size>) -> Eval {
    match choice {
        Some(Size::City) => figure_eval(r, Metric::MainCityPopulation, city_match),
        Some(Size::Town) => town_match(r),
        Some(Size::Small) => figure_eval(r, Metric::Density, rural_match),
        Some(Size::Any) | None => Eval::Off,
    }
}

pub(super) fn english_eval(r: &Region, choice: Option<English>) -> Eval {
    match choice {
        Some(English::Essential | English::Helpful) => match r.english.level {
            Some(EnglishLevel::Notable) if r.english.verified => Eval::Known(1.0),
            Some(EnglishLevel::Small) if r.english.verified => Eval::Known(NEUTRAL),
            _ => Eval::Unknown,
        },
        Some(English::No) | None => Eval::Off,
    }
}

/// Every factor's match for one region.
pub(super) fn evals(r: &Region, p: &Profile) -> Scored<Eval> {
    Scored {
        distance: distance_eval(r, p.distance),
        community_size: size_eval(r, p.size),
        // Counts once the project is known (an empty quiz gives every region 50).
        jobs: match p.project {
            Some(_) => figure_eval(r, Metric::JobVacancyRate, jobs_match),
            None => Eval::Off,
        },
        field: field_eval(r, &p.fields),
        spouse_field: field_eval(r, &[p.spouse_field]),
        english: english_eval(r, p.english),
        market: match p.project {
            Some(Project::Business) => figure_eval(r, Metric::DisposableIncome, market_match),
            _ => Eval::Off,
        },
    }
}

/// The weighted mean of the matches, times 100; 50 when no factor counts.
pub(super) fn score_of(evals: &Scored<Eval>, weights: &Scored<f64>) -> u8 {
    let (mut sum, mut total) = (0.0, 0.0);
    for ((_, e), (_, w)) in evals.pairs().into_iter().zip(weights.pairs()) {
        let s = match e {
            Eval::Off => continue,
            Eval::Known(s) => s,
            Eval::Unknown => NEUTRAL,
        };
        sum += w * s;
        total += w;
    }
    if total <= 0.0 {
        return 50;
    }
    (100.0 * sum / total).round().clamp(0.0, 100.0) as u8
}
