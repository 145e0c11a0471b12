//! Region fit: the 15 destination regions ranked for one household's answers, each with a
//! score from 0 to 100, the reasons and the figures behind them, what is unknown, and the one
//! answer that would raise the score most.
//!
//! How a score is made (weights and their reasons: `weights.rs`):
//! - each factor the answers make relevant gives a match from 0 to 1 on an absolute scale (not
//!   relative to the other regions), so a region's score depends only on its own data and the
//!   answers: the ranking cannot depend on the catalogue's order;
//! - only figures known for every destination count; a missing figure, a field absent from a
//!   region's key sectors or an unknown English-language presence counts as exactly neutral
//!   (0.5), and is said to be unknown: never a penalty, never an invented value;
//! - the score is the weighted mean of the matches, times 100; with no relevant factor, 50.
//!
//! Pure and deterministic; ties are broken by region code.

use crate::answers::Answers;
use crate::catalogue::{Catalogue, EnglishLevel, Figure, Region};
use crate::lang::Lang;
use crate::metric::Metric;
use crate::questionnaire::{FIELDS, question};
use crate::text::Text;
use crate::weights::{Factor, WEIGHTS};

/// The match that counts as "no information": neither a plus nor a minus.
pub const NEUTRAL: f64 = 0.5;

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
    /// Scored reasons first, strongest first; then information.
    pub reasons: Vec<FitReason>,
    pub unknowns: Vec<Text>,
    pub what_would_change: Option<Change>,
}

/// The answers the fit reads, copied once.
#[derive(Debug, Clone, Copy, Default)]
struct Profile {
    project: Option<&'static str>,
    fields: [Option<&'static str>; 2],
    spouse_field: Option<&'static str>,
    size: Option<&'static str>,
    distance: Option<&'static str>,
    english: Option<&'static str>,
    winter: Option<&'static str>,
    rent: Option<&'static str>,
    children: Option<u8>,
}

impl Profile {
    fn from(a: &Answers) -> Profile {
        let fields = a.answers("field");
        Profile {
            project: a.answer("project"),
            fields: [fields.first().copied(), fields.get(1).copied()],
            spouse_field: a.answer("spouse_field"),
            size: a.answer("size"),
            distance: a.answer("distance"),
            english: a.answer("english"),
            winter: a.answer("winter"),
            rent: a.answer("rent"),
            children: a.count("children"),
        }
    }
}

/// A factor's match for one region.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Eval {
    /// The answers do not make this factor count.
    Off,
    Known(f64),
    /// The figure is missing: counts as [`NEUTRAL`].
    Unknown,
}

/// The factors that can count, in the order of [`WEIGHTS`].
const SCORED: [Factor; 7] = [
    Factor::Distance,
    Factor::CommunitySize,
    Factor::Jobs,
    Factor::Field,
    Factor::SpouseField,
    Factor::English,
    Factor::Market,
];

/// Fields whose jobs exist in every region (hospitals, schools, public services): the key-sector
/// lists cannot say which region needs them more, so they do not move the ranking.
const EVERYWHERE: [&str; 3] = ["health", "education", "other"];

fn clamp01(x: f64) -> f64 {
    if x.is_nan() { NEUTRAL } else { x.clamp(0.0, 1.0) }
}

fn distance_limit(choice: &str) -> Option<f64> {
    match choice {
        "near" => Some(150.0),
        "mid" => Some(300.0),
        "far" => Some(600.0),
        _ => None,
    }
}

/// Full match within the limit, then falling to 0 at twice the limit.
fn distance_match(km: f64, limit: f64) -> f64 {
    clamp01(1.0 - (km - limit).max(0.0) / limit)
}

/// Largest city: 0 at 20,000 people, 1 at 300,000 (log scale: the step from 20 to 40 thousand
/// matters as much as from 150 to 300 thousand).
fn city_match(pop: f64) -> f64 {
    clamp01((pop.max(1.0).ln() - 20_000f64.ln()) / (300_000f64.ln() - 20_000f64.ln()))
}

/// Countryside: 1 at 2 people/km² or less, 0 at 200 or more (log scale).
fn rural_match(density: f64) -> f64 {
    clamp01((200f64.ln() - density.max(0.01).ln()) / (200f64.ln() - 2f64.ln()))
}

/// Mid-sized town: a main city of 15,000 to 150,000 people (the quiz's hint).
fn town_match(r: &Region) -> Eval {
    if r.main_cities.is_empty() {
        return Eval::Unknown;
    }
    let has = r
        .main_cities
        .iter()
        .any(|c| (15_000..=150_000).contains(&c.population));
    Eval::Known(if has { 1.0 } else { 0.25 })
}

/// Job vacancy rate (2018): 0 at 2 %, 1 at 4 % (destinations range 2.3 to 3.7 %).
fn jobs_match(rate: f64) -> f64 {
    clamp01((rate - 2.0) / 2.0)
}

/// Disposable income per inhabitant (2017): 0 at 25,000 $, 1 at 31,000 $ (destinations range
/// 26,053 to 29,929 $).
fn market_match(income: f64) -> f64 {
    clamp01((income - 25_000.0) / 6_000.0)
}

fn figure_eval(r: &Region, m: Metric, f: impl Fn(f64) -> f64) -> Eval {
    match r.metric(m) {
        Some(fig) => Eval::Known(f(fig.value)),
        None => Eval::Unknown,
    }
}

fn field_eval(r: &Region, fields: &[Option<&'static str>]) -> Eval {
    let mut scored = false;
    for f in fields.iter().flatten() {
        if EVERYWHERE.contains(f) {
            continue;
        }
        scored = true;
        if r.names_field(f).is_some() {
            return Eval::Known(1.0);
        }
    }
    if scored { Eval::Known(NEUTRAL) } else { Eval::Off }
}

fn eval(factor: Factor, r: &Region, p: &Profile) -> Eval {
    match factor {
        Factor::Distance => match p.distance.and_then(distance_limit) {
            Some(limit) => figure_eval(r, Metric::DistanceKm, |km| distance_match(km, limit)),
            None => Eval::Off,
        },
        Factor::CommunitySize => match p.size {
            Some("city") => figure_eval(r, Metric::MainCityPopulation, city_match),
            Some("town") => town_match(r),
            Some("small") => figure_eval(r, Metric::Density, rural_match),
            _ => Eval::Off,
        },
        // Counts once the project is known (an empty quiz gives every region 50).
        Factor::Jobs if p.project.is_some() => figure_eval(r, Metric::JobVacancyRate, jobs_match),
        Factor::Field => field_eval(r, &p.fields),
        Factor::SpouseField => field_eval(r, &[p.spouse_field]),
        Factor::English => match p.english {
            Some("essential" | "helpful") => match r.english.level {
                Some(EnglishLevel::Notable) if r.english.verified => Eval::Known(1.0),
                Some(EnglishLevel::Small) if r.english.verified => Eval::Known(NEUTRAL),
                _ => Eval::Unknown,
            },
            _ => Eval::Off,
        },
        Factor::Market if p.project == Some("business") => {
            figure_eval(r, Metric::DisposableIncome, market_match)
        }
        _ => Eval::Off,
    }
}

fn weight_of(i: usize, p: &Profile) -> f64 {
    let w = &WEIGHTS[i];
    let base = match p.project {
        Some("training") => w.training,
        Some("business") => w.business,
        _ => w.job,
    } as f64;
    // Half weight when English services would only help (weights.rs).
    if w.factor == Factor::English && p.english == Some("helpful") {
        base / 2.0
    } else {
        base
    }
}

fn score_of(evals: &[Eval; 7], p: &Profile) -> u8 {
    let (mut sum, mut total) = (0.0, 0.0);
    for (i, e) in evals.iter().enumerate() {
        let s = match e {
            Eval::Off => continue,
            Eval::Known(s) => *s,
            Eval::Unknown => NEUTRAL,
        };
        let w = weight_of(i, p);
        sum += w * s;
        total += w;
    }
    if total <= 0.0 {
        return 50;
    }
    (100.0 * sum / total).round().clamp(0.0, 100.0) as u8
}

fn evals(r: &Region, p: &Profile) -> [Eval; 7] {
    let mut out = [Eval::Off; 7];
    for (slot, f) in out.iter_mut().zip(SCORED) {
        *slot = eval(f, r, p);
    }
    out
}

/// The questions whose answers are preferences (not facts about the household): the ones
/// "what would change this" may suggest, with the factor each one moves.
/// The project is not one of them: the household's plan is not a setting to tune.
const LEVERS: [&str; 3] = ["distance", "size", "english"];

/// The score of a region if the person gave `choice` to `question_id`, all else equal.
fn score_with(r: &Region, p: &Profile, base: &[Eval; 7], question_id: &str, choice: &'static str) -> u8 {
    let mut q = *p;
    let mut e = *base;
    match question_id {
        "distance" => {
            q.distance = Some(choice);
            e[0] = eval(Factor::Distance, r, &q);
        }
        "size" => {
            q.size = Some(choice);
            e[1] = eval(Factor::CommunitySize, r, &q);
        }
        _ => {
            q.english = Some(choice);
            e[5] = eval(Factor::English, r, &q);
        }
    }
    score_of(&e, &q)
}

fn best_change(r: &Region, p: &Profile, base: &[Eval; 7], score: u8) -> Option<Change> {
    let mut best: Option<(&'static str, &'static str, u8)> = None;
    for qid in LEVERS {
        let q = question(qid)?;
        let current = match qid {
            "distance" => p.distance,
            "size" => p.size,
            _ => p.english,
        };
        for c in q.kind.choices() {
            if Some(c.id) == current {
                continue;
            }
            let s = score_with(r, p, base, qid, c.id);
            if s > score && best.is_none_or(|(_, _, b)| s > b) {
                best = Some((qid, c.id, s));
            }
        }
    }
    let (qid, cid, new_score) = best?;
    let q = question(qid)?;
    let c = q.choice(cid)?;
    let text = Text::new(
        format!(
            "Si vous répondiez « {} » à la question « {} », cette région obtiendrait {new_score} sur 100.",
            c.label(Lang::Fr),
            q.label(Lang::Fr)
        ),
        format!(
            "If you answered “{}” to “{}”, this region would score {new_score} out of 100.",
            c.label(Lang::En),
            q.label(Lang::En)
        ),
    );
    Some(Change {
        question_id: qid,
        choice_id: cid.to_string(),
        new_score,
        text,
    })
}

/// "2,8 % (2018, CIRANO, d'après Statistique Canada)" in each language.
fn cited(m: Metric, f: &Figure) -> (String, String) {
    let [(vf, pf), (ve, pe)] = parts(m, f);
    (format!("{vf} {pf}"), format!("{ve} {pe}"))
}

/// The value and its "(year, source)", French then English.
fn parts(m: Metric, f: &Figure) -> [(String, String); 2] {
    let when = f.when();
    [Lang::Fr, Lang::En].map(|l| (m.format(f.value, l), format!("({when}, {})", m.source_name(l))))
}

fn effect(s: f64) -> Effect {
    if s >= 0.67 {
        Effect::Plus
    } else if s <= 0.33 {
        Effect::Minus
    } else {
        Effect::Neutral
    }
}

fn field_label(id: &str, lang: Lang) -> &'static str {
    FIELDS
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.label(lang))
        .unwrap_or("")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The reason for one scored factor (known or unknown), or an unknown.
fn explain(factor: Factor, e: Eval, r: &Region, p: &Profile, reasons: &mut Vec<(f64, FitReason)>, unknowns: &mut Vec<Text>, w: f64) {
    let s = match e {
        Eval::Off => return,
        Eval::Known(s) => s,
        Eval::Unknown => {
            let (fr, en) = match factor {
                Factor::English => (
                    "Services en anglais : aucune information sourcée pour cette région (compté comme neutre).",
                    "English-language services: no sourced information for this region (counted as neutral).",
                ),
                _ => (
                    "Un chiffre manque pour cette région : il est compté comme neutre.",
                    "A figure is missing for this region: it is counted as neutral.",
                ),
            };
            unknowns.push(Text::new(fr, en));
            return;
        }
    };
    let impact = w * (s - NEUTRAL).abs();
    let with_figure = |m: Metric, fr: String, en: String| {
        let fig = r.metric(m).cloned();
        FitReason {
            text: Text::new(fr, en),
            figure: fig.map(|f| (m, f)),
            effect: effect(s),
        }
    };
    let reason = match factor {
        Factor::Distance => {
            let Some(f) = r.metric(Metric::DistanceKm) else { return };
            let [(vf, pf), (ve, pe)] = parts(Metric::DistanceKm, f);
            let limit = p.distance.and_then(distance_limit).unwrap_or(0.0);
            let within = f.value <= limit;
            let (jfr, jen) = if within {
                ("dans la distance choisie", "within your distance")
            } else {
                ("plus loin que la distance choisie", "farther than your distance")
            };
            let (rfr, ren) = match r.metric(Metric::RoadDistanceKm) {
                Some(rf) => (
                    format!(" ({} par la route)", Metric::RoadDistanceKm.format(rf.value, Lang::Fr)),
                    format!(" ({} by road)", Metric::RoadDistanceKm.format(rf.value, Lang::En)),
                ),
                None => (String::new(), String::new()),
            };
            let mut reason = with_figure(
                Metric::DistanceKm,
                format!("{} est à {vf} de Montréal à vol d'oiseau{rfr}, {jfr} {pf}.", r.main_city),
                format!("{} is {ve} from Montréal in a straight line{ren}, {jen} {pe}.", r.main_city),
            );
            // Beyond the limit is never shown as a plus, even when the match is still high.
            if !within && reason.effect == Effect::Plus {
                reason.effect = Effect::Neutral;
            }
            reason
        }
        Factor::CommunitySize => match p.size {
            Some("city") => {
                let Some(f) = r.metric(Metric::MainCityPopulation) else { return };
                let [(vf, pf), (ve, pe)] = parts(Metric::MainCityPopulation, f);
                with_figure(
                    Metric::MainCityPopulation,
                    format!("Plus grande ville : {}, {vf} habitants {pf}.", r.main_city_name()),
                    format!("Largest city: {}, {ve} people {pe}.", r.main_city_name()),
                )
            }
            Some("small") => {
                let Some(f) = r.metric(Metric::Density) else { return };
                let (cfr, cen) = cited(Metric::Density, f);
                with_figure(
                    Metric::Density,
                    format!("Densité de population : {cfr}."),
                    format!("Population density: {cen}."),
                )
            }
            _ => {
                let town = r
                    .main_cities
                    .iter()
                    .find(|c| (15_000..=150_000).contains(&c.population));
                let text = match town {
                    Some(c) => Text::new(
                        format!(
                            "Ville moyenne : {}, {} habitants ({}, décret de population, MAMH).",
                            c.name,
                            Metric::Population.format(c.population as f64, Lang::Fr),
                            c.year
                        ),
                        format!(
                            "Mid-sized town: {}, {} people ({}, population decree, MAMH).",
                            c.name,
                            Metric::Population.format(c.population as f64, Lang::En),
                            c.year
                        ),
                    ),
                    None => Text::new(
                        "Aucune ville de 15 000 à 150 000 habitants parmi les principales villes (décret de population, MAMH).",
                        "No town of 15,000 to 150,000 people among the main cities (population decree, MAMH).",
                    ),
                };
                FitReason {
                    text,
                    figure: None,
                    effect: effect(s),
                }
            }
        },
        Factor::Jobs => {
            let Some(f) = r.metric(Metric::JobVacancyRate) else { return };
            let (cfr, cen) = cited(Metric::JobVacancyRate, f);
            with_figure(
                Metric::JobVacancyRate,
                format!("Taux de postes vacants : {cfr}."),
                format!("Job vacancy rate: {cen}."),
            )
        }
        Factor::Field | Factor::SpouseField => {
            let spouse = factor == Factor::SpouseField;
            let fields: &[Option<&'static str>] = if spouse { std::slice::from_ref(&p.spouse_field) } else { &p.fields };
            let hit = fields
                .iter()
                .flatten()
                .find_map(|f| r.names_field(f).map(|sec| (f, sec)));
            let whose_en = if spouse { "your spouse's field" } else { "your field" };
            let text = match hit {
                Some((f, sec)) => {
                    let (yfr, yen) = match sec.year {
                        Some(y) => (format!("portrait régional, {y}"), format!("regional portrait, {y}")),
                        None => ("portrait régional, non daté".to_string(), "regional portrait, undated".to_string()),
                    };
                    Text::new(
                        format!(
                            "Secteur clé lié à {} ({}) : {} ({yfr}).",
                            if spouse { "celui de votre conjoint" } else { "votre domaine" },
                            lower_first(field_label(f, Lang::Fr)),
                            lower_first(&sec.text.fr)
                        ),
                        format!(
                            "Key sector matching {whose_en} ({}): {} ({yen}).",
                            lower_first(field_label(f, Lang::En)),
                            lower_first(&sec.text.en)
                        ),
                    )
                }
                None => Text::new(
                    format!(
                        "{} ne figure pas parmi les secteurs clés officiels de la région; ces listes sont courtes, donc sans effet sur le score.",
                        if spouse { "Le domaine de votre conjoint" } else { "Votre domaine" }
                    ),
                    format!(
                        "{} field is not among the region's official key sectors; those lists are short, so it does not change the score.",
                        if spouse { "Your spouse's" } else { "Your" }
                    ),
                ),
            };
            FitReason {
                text,
                figure: None,
                effect: effect(s),
            }
        }
        Factor::English => {
            let summary = r.english.summary.clone().unwrap_or_default();
            let (lfr, len) = match r.english.level {
                Some(EnglishLevel::Notable) => ("Communauté d'expression anglaise importante", "A sizeable English-speaking community"),
                _ => ("Petite communauté d'expression anglaise", "A small English-speaking community"),
            };
            FitReason {
                text: Text::new(format!("{lfr} : {}", summary.fr), format!("{len}: {}", summary.en)),
                figure: None,
                effect: effect(s),
            }
        }
        Factor::Market => {
            let Some(f) = r.metric(Metric::DisposableIncome) else { return };
            let (cfr, cen) = cited(Metric::DisposableIncome, f);
            with_figure(
                Metric::DisposableIncome,
                format!("Revenu disponible par habitant, pour la clientèle locale : {cfr}."),
                format!("Disposable income per inhabitant, for local customers: {cen}."),
            )
        }
        _ => return,
    };
    reasons.push((impact, reason));
}

/// Information that does not count in the score: winter, rent against the budget, children.
fn inform(r: &Region, p: &Profile, reasons: &mut Vec<(f64, FitReason)>, unknowns: &mut Vec<Text>) {
    if matches!(p.winter, Some("unsure" | "milder")) {
        match r.metric(Metric::JanuaryTemperature) {
            Some(f) => {
                let [(vf, pf), (ve, pe)] = parts(Metric::JanuaryTemperature, f);
                let (cfr, cen) = (format!("{vf} en moyenne {pf}"), format!("{ve} on average {pe}"));
                let (sfr, sen) = match r.metric(Metric::Snowfall) {
                    Some(sf) => {
                        let [(a, pa), (b, pb)] = parts(Metric::Snowfall, sf);
                        (format!("; neige : {a} par année {pa}"), format!("; snowfall: {b} a year {pb}"))
                    }
                    None => (String::new(), String::new()),
                };
                reasons.push((
                    -1.0,
                    FitReason {
                        text: Text::new(
                            format!("Janvier : {cfr}{sfr}. Non compté dans le score."),
                            format!("January: {cen}{sen}. Not counted in the score."),
                        ),
                        figure: Some((Metric::JanuaryTemperature, f.clone())),
                        effect: Effect::Info,
                    },
                ));
            }
            None => unknowns.push(Text::new(
                "Hiver : aucune normale climatique connue pour cette région.",
                "Winter: no known climate normal for this region.",
            )),
        }
    }
    let budget = match p.rent {
        Some("lt900") => Some(900.0),
        Some("900_1200") => Some(1200.0),
        Some("1200_1500") => Some(1500.0),
        Some("gt1500") => Some(f64::INFINITY),
        _ => None,
    };
    if let Some(max) = budget {
        match r.metric(Metric::Rent) {
            Some(f) => {
                let (cfr, cen) = cited(Metric::Rent, f);
                let (jfr, jen) = if f.value <= max {
                    ("dans votre budget", "within your budget")
                } else {
                    ("au-dessus de votre budget", "above your budget")
                };
                reasons.push((
                    -1.0,
                    FitReason {
                        text: Text::new(
                            format!("Loyer moyen d'un 2 chambres reloué : {cfr}, {jfr}. Non compté dans le score."),
                            format!("Average rent of a re-let 2-bedroom unit: {cen}, {jen}. Not counted in the score."),
                        ),
                        figure: Some((Metric::Rent, f.clone())),
                        effect: Effect::Info,
                    },
                ));
            }
            None => unknowns.push(Text::new(
                "Loyers : aucun chiffre comparable pour cette région.",
                "Rents: no comparable figure for this region.",
            )),
        }
    }
    if p.children.is_some_and(|n| n > 0) {
        unknowns.push(Text::new(
            "Services de garde et écoles : pas de données comparables par région; l'organisme d'accueil vous renseignera.",
            "Daycare and schools: no comparable data by region; the welcome organisation will advise you.",
        ));
    }
    let only_everywhere = p.fields.iter().flatten().count() > 0
        && p.fields.iter().flatten().all(|f| EVERYWHERE.contains(f) && *f != "other");
    if only_everywhere {
        reasons.push((
            -1.0,
            FitReason {
                text: Text::new(
                    "La santé et l'éducation embauchent dans toutes les régions : votre domaine ne change pas le classement.",
                    "Health and education hire in every region: your field does not change the ranking.",
                ),
                figure: None,
                effect: Effect::Info,
            },
        ));
    }
}

fn fit_region(r: &Region, p: &Profile) -> RegionFit {
    let base = evals(r, p);
    let score = score_of(&base, p);
    let mut reasons: Vec<(f64, FitReason)> = Vec::with_capacity(8);
    let mut unknowns = Vec::new();
    for (i, f) in SCORED.into_iter().enumerate() {
        explain(f, base[i], r, p, &mut reasons, &mut unknowns, weight_of(i, p));
    }
    inform(r, p, &mut reasons, &mut unknowns);
    // Strongest first; information (-1) last; stable for equal impact.
    reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
    RegionFit {
        code: r.code.clone(),
        score,
        reasons: reasons.into_iter().map(|(_, r)| r).collect(),
        unknowns,
        what_would_change: best_change(r, p, &base, score),
    }
}

/// The score alone, for one region (no text): used by tests and the map.
pub fn score(a: &Answers, r: &Region) -> u8 {
    let p = Profile::from(a);
    score_of(&evals(r, &p), &p)
}

/// The destination regions of `c`, best first; ties broken by region code.
pub fn rank(a: &Answers, c: &Catalogue) -> Vec<RegionFit> {
    let p = Profile::from(a);
    let mut out: Vec<RegionFit> = c.destinations().map(|r| fit_region(r, &p)).collect();
    out.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| x.code.cmp(&y.code)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scored_factors_follow_the_weights_table() {
        for (i, f) in SCORED.iter().enumerate() {
            assert_eq!(WEIGHTS[i].factor, *f);
        }
        for w in &WEIGHTS[SCORED.len()..] {
            assert_eq!((w.job, w.training, w.business), (0, 0, 0), "{:?} has no complete figure", w.factor);
        }
    }

    #[test]
    fn matches_on_their_scales() {
        assert_eq!(distance_match(100.0, 150.0), 1.0);
        assert_eq!(distance_match(225.0, 150.0), 0.5);
        assert_eq!(distance_match(400.0, 150.0), 0.0);
        assert_eq!(city_match(20_000.0), 0.0);
        assert!((city_match(300_000.0) - 1.0).abs() < 1e-12);
        assert_eq!(rural_match(2.0), 1.0);
        assert_eq!(rural_match(500.0), 0.0);
        assert_eq!(jobs_match(3.0), 0.5);
        assert_eq!(market_match(28_000.0), 0.5);
    }
}
