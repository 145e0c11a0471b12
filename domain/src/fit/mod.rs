//! Region fit: the 15 destination regions ranked for one household's answers, each with a
//! score from 0 to 100, the reasons and the figures behind them, what is unknown, and the one
//! answer that would raise the score most.
//!
//! Three parts: the score (`score.rs`), the reasons in words (`explain.rs` for the scored
//! factors, `inform.rs` for what is shown but not scored) and what would change it
//! (`change.rs`). The choices are read as typed answers (`vocab`).
//!
//! How a score is made (weights, their reasons and the match scales: `weights.rs`):
//! - each factor the answers make relevant gives a match from 0 to 1 on an absolute scale (not
//!   relative to the other regions), so a region's score depends only on its own data and the
//!   answers: the ranking cannot depend on the catalogue's order;
//! - only figures known for every destination count; a missing figure, a field absent from a
//!   region's key sectors or an unknown English-language presence counts as exactly neutral
//!   (0.5), and is said to be unknown: never a penalty, never an invented value;
//! - the score is the weighted mean of the matches, times 100; with no relevant factor, 50.
//!
//! Pure and deterministic; ties are broken by region code.

mod change;
mod explain;
mod inform;
mod score;
mod words;

/// A mid-sized town, as the quiz's "size" choice says it (the vocabulary).
pub use crate::vocab::TOWN;
/// The match that counts as "no information": neither a plus nor a minus (weights.rs).
pub use crate::weights::NEUTRAL;

use crate::answers::Answers;
use crate::catalogue::{Catalogue, Figure, Region};
use crate::metric::Metric;
use crate::text::Text;
use crate::vocab::{Distance, English, Field, Project, Rent, Size, Winter};
use crate::weights::Scored;
use score::Eval;

/// How a reason bears on the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Plus,
    Neutral,
    Minus,
    /// Shown for information; not part of the score.
    Info,
}

/// One reason, with the figure behind it when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct FitReason {
    pub text: Text,
    pub figure: Option<(Metric, Figure)>,
    pub effect: Effect,
}

/// The answer that would raise a region's score the most.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub question_id: &'static str,
    pub choice_id: String,
    pub new_score: u8,
    pub text: Text,
}

/// One region's fit.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFit {
    pub code: String,
    pub score: u8,
    /// The top [`TOP_REASONS`] scored reasons, strongest first; then information (winter,
    /// rent against the budget), which does not count in the score.
    pub reasons: Vec<FitReason>,
    pub unknowns: Vec<Text>,
    pub what_would_change: Option<Change>,
}

/// The answers the fit reads, copied once, as typed values.
#[derive(Debug, Clone, Copy, Default)]
struct Profile {
    project: Option<Project>,
    fields: [Option<Field>; 2],
    spouse_field: Option<Field>,
    size: Option<Size>,
    distance: Option<Distance>,
    english: Option<English>,
    winter: Option<Winter>,
    rent: Option<Rent>,
    /// The weight of each scored factor for these answers (weights.rs).
    weights: Scored<f64>,
}

impl Profile {
    fn from(a: &Answers) -> Profile {
        let fields = a.fields();
        let project = a.given::<Project>();
        let english = a.given::<English>();
        Profile {
            project,
            fields: [fields.first().copied(), fields.get(1).copied()],
            spouse_field: a.spouse_field(),
            size: a.given::<Size>(),
            distance: a.given::<Distance>(),
            english,
            winter: a.given::<Winter>(),
            rent: a.given::<Rent>(),
            weights: Scored::weights(project, english),
        }
    }
}

/// How many scored reasons a region shows: its top reasons (the issue); the others are
/// visible in the figures of the region page.
pub const TOP_REASONS: usize = 3;

fn fit_region(r: &Region, p: &Profile) -> RegionFit {
    let base = score::evals(r, p);
    let score = score::score_of(&base, &p.weights);
    // Built in display order: scored reasons by impact, then information.
    let mut reasons: Vec<FitReason> = Vec::with_capacity(TOP_REASONS + 3);
    let mut unknowns = Vec::new();
    // The strongest known factors (weight × distance from neutral), in factor order on ties.
    let weights = p.weights.pairs();
    let mut order = base
        .pairs()
        .map(|(factor, e)| (f64::NEG_INFINITY, factor, e));
    for (i, (impact, factor, e)) in order.iter_mut().enumerate() {
        match e {
            Eval::Known(s) => *impact = weights[i].1 * (*s - NEUTRAL).abs(),
            Eval::Unknown => explain::unknown(*factor, &mut unknowns),
            Eval::Off => {}
        }
    }
    // Stable: equal impacts keep the factors' order.
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    for &(impact, factor, e) in order.iter().take(TOP_REASONS) {
        // A factor at exactly neutral explains nothing about the score.
        if let (true, Eval::Known(s)) = (impact.is_finite() && impact > 0.0, e) {
            reasons.extend(explain::reason(factor, s, r, p));
        }
    }
    inform::inform(r, p, &mut reasons, &mut unknowns);
    RegionFit {
        code: r.code.clone(),
        score,
        reasons,
        unknowns,
        what_would_change: change::best_change(r, p, &base, score),
    }
}

/// The score alone, for one region (no text): used by tests and the map.
pub fn score(a: &Answers, r: &Region) -> u8 {
    let p = Profile::from(a);
    score::score_of(&score::evals(r, &p), &p.weights)
}

/// The destination regions of `c`, best first; ties broken by region code.
pub fn rank(a: &Answers, c: &Catalogue) -> Vec<RegionFit> {
    let p = Profile::from(a);
    let mut out: Vec<RegionFit> = c.destinations().map(|r| fit_region(r, &p)).collect();
    out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| x.code.cmp(&y.code)));
    out
}
