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
use crate::questionnaire::{Choice, FIELDS, Question, question};
use crate::text::Text;
use crate::weights::{Factor, WEIGHTS};
use std::cell::RefCell;
use std::sync::OnceLock;

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
    /// The top [`TOP_REASONS`] scored reasons, strongest first; then information (winter,
    /// rent against the budget), which does not count in the score.
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
    /// The weight of each scored factor for these answers (see [`weight_of`]).
    weights: [f64; 7],
}

impl Profile {
    fn from(a: &Answers) -> Profile {
        let fields = a.answers("field");
        let mut p = Profile {
            project: a.answer("project"),
            fields: [fields.first().copied(), fields.get(1).copied()],
            spouse_field: a.answer("spouse_field"),
            size: a.answer("size"),
            distance: a.answer("distance"),
            english: a.answer("english"),
            winter: a.answer("winter"),
            rent: a.answer("rent"),
            weights: [0.0; 7],
        };
        p.weigh();
        p
    }

    fn weigh(&mut self) {
        for i in 0..self.weights.len() {
            self.weights[i] = weight_of(i, self);
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
    if x.is_nan() {
        NEUTRAL
    } else {
        x.clamp(0.0, 1.0)
    }
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
/// A mid-sized town, as the quiz's "size" choice says it: from 15,000 to 100,000 people
/// ("Une grande ville" is over 100,000: the bands do not overlap). Only towns outside the CMM
/// count: its suburbs are the origin, not a destination (facts/CMM.md).
pub const TOWN: std::ops::RangeInclusive<u32> = 15_000..=100_000;

fn town_match(r: &Region) -> Eval {
    if r.main_cities.is_empty() {
        return Eval::Unknown;
    }
    let has = r.destination_cities().any(|c| TOWN.contains(&c.population));
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
    if scored {
        Eval::Known(NEUTRAL)
    } else {
        Eval::Off
    }
}

fn distance_eval(r: &Region, choice: Option<&str>) -> Eval {
    match choice.and_then(distance_limit) {
        Some(limit) => figure_eval(r, Metric::DistanceKm, |km| distance_match(km, limit)),
        None => Eval::Off,
    }
}

fn size_eval(r: &Region, choice: Option<&str>) -> Eval {
    match choice {
        Some("city") => figure_eval(r, Metric::MainCityPopulation, city_match),
        Some("town") => town_match(r),
        Some("small") => figure_eval(r, Metric::Density, rural_match),
        _ => Eval::Off,
    }
}

fn english_eval(r: &Region, choice: Option<&str>) -> Eval {
    match choice {
        Some("essential" | "helpful") => match r.english.level {
            Some(EnglishLevel::Notable) if r.english.verified => Eval::Known(1.0),
            Some(EnglishLevel::Small) if r.english.verified => Eval::Known(NEUTRAL),
            _ => Eval::Unknown,
        },
        _ => Eval::Off,
    }
}

fn eval(factor: Factor, r: &Region, p: &Profile) -> Eval {
    match factor {
        Factor::Distance => distance_eval(r, p.distance),
        Factor::CommunitySize => size_eval(r, p.size),
        // Counts once the project is known (an empty quiz gives every region 50).
        Factor::Jobs if p.project.is_some() => figure_eval(r, Metric::JobVacancyRate, jobs_match),
        Factor::Field => field_eval(r, &p.fields),
        Factor::SpouseField => field_eval(r, &[p.spouse_field]),
        Factor::English => english_eval(r, p.english),
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
    if w.factor == Factor::English {
        english_weight(base, p.english)
    } else {
        base
    }
}

/// Half weight when English services would only help (weights.rs).
fn english_weight(base: f64, choice: Option<&str>) -> f64 {
    if choice == Some("helpful") {
        base / 2.0
    } else {
        base
    }
}

fn score_of(evals: &[Eval; 7], weights: &[f64; 7]) -> u8 {
    let (mut sum, mut total) = (0.0, 0.0);
    for (i, e) in evals.iter().enumerate() {
        let s = match e {
            Eval::Off => continue,
            Eval::Known(s) => *s,
            Eval::Unknown => NEUTRAL,
        };
        let w = weights[i];
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
fn score_with(r: &Region, p: &Profile, base: &[Eval; 7], lever: usize, choice: &'static str) -> u8 {
    let mut e = *base;
    let mut w = p.weights;
    match lever {
        0 => e[0] = distance_eval(r, Some(choice)),
        1 => e[1] = size_eval(r, Some(choice)),
        _ => {
            e[5] = english_eval(r, Some(choice));
            let full = match p.project {
                Some("training") => WEIGHTS[5].training,
                Some("business") => WEIGHTS[5].business,
                _ => WEIGHTS[5].job,
            } as f64;
            w[5] = english_weight(full, Some(choice));
        }
    }
    score_of(&e, &w)
}

fn best_change(
    r: &Region,
    p: &Profile,
    base: &[Eval; 7],
    score: u8,
    levers: &[Lever; 3],
) -> Option<Change> {
    let mut best: Option<(&Lever, &'static Choice, u8)> = None;
    for (k, lever) in levers.iter().enumerate() {
        let current = match k {
            0 => p.distance,
            1 => p.size,
            _ => p.english,
        };
        for c in lever.question.kind.choices() {
            if Some(c.id) == current {
                continue;
            }
            let s = score_with(r, p, base, k, c.id);
            if s > score && best.is_none_or(|(_, _, b)| s > b) {
                best = Some((lever, c, s));
            }
        }
    }
    let (lever, c, new_score) = best?;
    let q = lever.question;
    let text = bilingual(|o, l| {
        o.push_str(l.pick("Si vous répondiez « ", "If you answered “"));
        o.push_str(c.label(l));
        o.push_str(l.pick(" » à la question « ", "” to “"));
        o.push_str(q.label(l));
        o.push_str(l.pick(
            " », cette région obtiendrait ",
            "”, this region would score ",
        ));
        push_int(o, new_score as u64);
        o.push_str(l.pick(" sur 100.", " out of 100."));
    });
    Some(Change {
        question_id: q.id,
        choice_id: c.id.to_string(),
        new_score,
        text,
    })
}

/// A question "what would change this" may suggest.
struct Lever {
    question: &'static Question,
}

fn levers() -> Option<[Lever; 3]> {
    let [a, b, c] = LEVERS.map(question);
    Some([a?, b?, c?].map(|question| Lever { question }))
}

/// The sentences of the fit that depend only on the region (and on which variant applies), so
/// that they are written once per region rather than on every answer change.
#[derive(Clone, Copy)]
enum Slot {
    DistanceWithin,
    DistanceFarther,
    City,
    Density,
    Town,
    Jobs,
    Market,
    English,
    Winter,
    RentWithin,
    RentAbove,
}

const SLOTS: usize = 11;

/// The region's sentence for `slot`, written by `write` the first time. Only the embedded
/// catalogue's regions are memoised (the app's every answer change), here and not in the
/// region: the embedded catalogue never changes, while a region a test varies is written
/// afresh each time, so no sentence outlives its figure.
fn cached(r: &Region, slot: Slot, write: impl FnOnce() -> Text) -> Text {
    match memo(r, slot) {
        Some(cell) => cell.get_or_init(write).clone(),
        None => write(),
    }
}

/// The memo cell of an embedded region's sentence; `None` for any other region. Apart from
/// [`cached`], which is written once per sentence, so that the look-up is in the wasm once.
fn memo(r: &Region, slot: Slot) -> Option<&'static OnceLock<Text>> {
    static TEXTS: OnceLock<Vec<[OnceLock<Text>; SLOTS]>> = OnceLock::new();
    let embedded = crate::catalogue().regions();
    let i = embedded.iter().position(|e| std::ptr::eq(e, r))?;
    let texts = TEXTS.get_or_init(|| embedded.iter().map(|_| Default::default()).collect());
    Some(&texts[i][slot as usize])
}

/// Builds a [`Text`] by writing the same sentence in each language into one buffer each: the
/// fit writes many sentences on every answer change, so it avoids intermediate strings.
/// Each sentence is written into a reused scratch buffer, then copied at its exact size: fewer
/// and smaller allocations than growing a fresh string per sentence.
fn bilingual(write: impl Fn(&mut String, Lang)) -> Text {
    thread_local! {
        static SCRATCH: RefCell<String> = RefCell::new(String::with_capacity(512));
    }
    SCRATCH.with_borrow_mut(|s| {
        s.clear();
        write(s, Lang::Fr);
        let fr = s.as_str().to_owned();
        s.clear();
        write(s, Lang::En);
        let en = s.as_str().to_owned();
        Text { fr, en }
    })
}

/// Appends a whole number without separators (a year, a score).
fn push_int(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// Appends "2,8 %", or "environ 14 km", from the one citation formatter.
fn value(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    crate::cite::write_value(out, m, f, l);
}

/// Appends " (2018, CIRANO, d'après Statistique Canada)", from the one citation formatter.
fn citation(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    crate::cite::write_parenthesised(out, m, f, l);
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

/// Appends `s` with its first letter in lower case (a label inside a sentence).
fn push_lower_first(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_lowercase());
        out.push_str(c.as_str());
    }
}

/// The reason for one scored factor, or an unknown.
fn explain(
    factor: Factor,
    e: Eval,
    r: &Region,
    p: &Profile,
    reasons: &mut Vec<FitReason>,
    unknowns: &mut Vec<Text>,
) {
    let s = match e {
        Eval::Off => return,
        Eval::Known(s) => s,
        Eval::Unknown => {
            unknowns.push(match factor {
                Factor::English => Text::new(
                    "Services en anglais : aucune information sourcée pour cette région (compté comme neutre).",
                    "English-language services: no sourced information for this region (counted as neutral).",
                ),
                _ => Text::new(
                    "Un chiffre manque pour cette région : il est compté comme neutre.",
                    "A figure is missing for this region: it is counted as neutral.",
                ),
            });
            return;
        }
    };
    let mut figure = None;
    let mut eff = effect(s);
    let text = match factor {
        Factor::Distance => {
            let Some(f) = r.metric(Metric::DistanceKm) else {
                return;
            };
            figure = Some((Metric::DistanceKm, f));
            let within = f.value <= p.distance.and_then(distance_limit).unwrap_or(0.0);
            // Beyond the limit is never shown as a plus, even when the match is still high.
            if !within && eff == Effect::Plus {
                eff = Effect::Neutral;
            }
            let road = r.metric(Metric::RoadDistanceKm);
            cached(
                r,
                if within {
                    Slot::DistanceWithin
                } else {
                    Slot::DistanceFarther
                },
                || {
                    bilingual(|o, l| {
                        o.push_str(&r.main_city);
                        o.push_str(l.pick(" est à ", " is "));
                        value(o, Metric::DistanceKm, f, l);
                        o.push_str(l.pick(" de Montréal", " from Montréal"));
                        citation(o, Metric::DistanceKm, f, l);
                        // Each figure with its own citation: the road distance is undated.
                        if let Some(rf) = road {
                            o.push_str(l.pick(" et à ", " and "));
                            value(o, Metric::RoadDistanceKm, rf, l);
                            o.push_str(l.pick(" par la route", " by road"));
                            citation(o, Metric::RoadDistanceKm, rf, l);
                        }
                        o.push_str(match (within, l) {
                            (true, Lang::Fr) => ", dans la distance choisie",
                            (true, Lang::En) => ", within your distance",
                            (false, Lang::Fr) => ", plus loin que la distance choisie",
                            (false, Lang::En) => ", farther than your distance",
                        });
                        o.push('.');
                    })
                },
            )
        }
        Factor::CommunitySize => match p.size {
            Some("city") => {
                let Some(f) = r.metric(Metric::MainCityPopulation) else {
                    return;
                };
                figure = Some((Metric::MainCityPopulation, f));
                cached(r, Slot::City, || {
                    bilingual(|o, l| {
                        o.push_str(l.pick("Ville principale : ", "Main city: "));
                        o.push_str(r.main_city_name());
                        o.push_str(", ");
                        value(o, Metric::MainCityPopulation, f, l);
                        o.push_str(l.pick(" habitants", " people"));
                        citation(o, Metric::MainCityPopulation, f, l);
                        o.push('.');
                    })
                })
            }
            Some("small") => {
                let Some(f) = r.metric(Metric::Density) else {
                    return;
                };
                figure = Some((Metric::Density, f));
                cached(r, Slot::Density, || {
                    bilingual(|o, l| {
                        o.push_str(l.pick("Densité de population : ", "Population density: "));
                        value(o, Metric::Density, f, l);
                        citation(o, Metric::Density, f, l);
                        o.push('.');
                    })
                })
            }
            _ => {
                let town = r
                    .main_cities
                    .iter()
                    .find(|c| !c.in_cmm && TOWN.contains(&c.population));
                cached(r, Slot::Town, || {
                    bilingual(|o, l| {
                        match town {
                    Some(c) => {
                        o.push_str(l.pick("Ville moyenne : ", "Mid-sized town: "));
                        o.push_str(&c.name);
                        o.push_str(", ");
                        Metric::Population.write(o, c.population as f64, l);
                        o.push_str(l.pick(" habitants (", " people ("));
                        push_int(o, c.year as u64);
                        o.push_str(l.pick(", décret de population, MAMH).", ", population decree, MAMH)."));
                    }
                    None => o.push_str(l.pick(
                        "Aucune ville de 15 000 à 100 000 habitants parmi les principales villes hors de la région de Montréal (décret de population, MAMH).",
                        "No town of 15,000 to 100,000 people among the main cities outside the Montréal area (population decree, MAMH).",
                    )),
                }
                    })
                })
            }
        },
        Factor::Jobs => {
            let Some(f) = r.metric(Metric::JobVacancyRate) else {
                return;
            };
            figure = Some((Metric::JobVacancyRate, f));
            cached(r, Slot::Jobs, || {
                bilingual(|o, l| {
                    o.push_str(l.pick("Taux de postes vacants : ", "Job vacancy rate: "));
                    value(o, Metric::JobVacancyRate, f, l);
                    citation(o, Metric::JobVacancyRate, f, l);
                    o.push('.');
                })
            })
        }
        Factor::Field | Factor::SpouseField => {
            let spouse = factor == Factor::SpouseField;
            let fields: &[Option<&'static str>] = if spouse {
                std::slice::from_ref(&p.spouse_field)
            } else {
                &p.fields
            };
            let hit = fields
                .iter()
                .flatten()
                .find_map(|f| r.names_field(f).map(|sec| (*f, sec)));
            bilingual(|o, l| {
                match hit {
                Some((f, sec)) => {
                    o.push_str(match (spouse, l) {
                        (false, Lang::Fr) => "Secteur clé lié à votre domaine (",
                        (false, Lang::En) => "Key sector matching your field (",
                        (true, Lang::Fr) => "Secteur clé lié au domaine de votre conjoint (",
                        (true, Lang::En) => "Key sector matching your spouse's field (",
                    });
                    push_lower_first(o, field_label(f, l));
                    o.push_str(l.pick(") : ", "): "));
                    push_lower_first(o, sec.text.get(l));
                    o.push_str(" (");
                    o.push_str(&crate::cite::sector(crate::catalogue(), sec, l));
                    o.push_str(").");
                }
                None => o.push_str(match (spouse, l) {
                    (false, Lang::Fr) => "Votre domaine ne figure pas parmi les secteurs clés officiels de la région; ces listes sont courtes, donc sans effet sur le score.",
                    (false, Lang::En) => "Your field is not among the region's official key sectors; those lists are short, so it does not change the score.",
                    (true, Lang::Fr) => "Le domaine de votre conjoint ne figure pas parmi les secteurs clés officiels de la région; ces listes sont courtes, donc sans effet sur le score.",
                    (true, Lang::En) => "Your spouse's field is not among the region's official key sectors; those lists are short, so it does not change the score.",
                }),
            }
            })
        }
        Factor::English => {
            let notable = r.english.level == Some(EnglishLevel::Notable);
            cached(r, Slot::English, || {
                bilingual(|o, l| {
                    // A reading of organisations' websites and news, not a statistic (issue 19).
                    o.push_str(l.pick(
                        "Services et communauté en anglais, selon notre lecture des sources (pas une statistique) : ",
                        "English-language services and community, as we read the sources (not a statistic): ",
                    ));
                    match &r.english.summary {
                        Some(summary) => {
                            push_lower_first(o, summary.get(l));
                            // Its source and year, from the one citation formatter.
                            if o.ends_with('.') {
                                o.pop();
                            }
                            o.push_str(" (");
                            o.push_str(&crate::cite::item(
                                crate::catalogue(),
                                None,
                                &r.english.sources,
                                l,
                            ));
                            o.push_str(").");
                        }
                        None => o.push_str(match (notable, l) {
                            (true, Lang::Fr) => "communauté d'expression anglaise importante.",
                            (true, Lang::En) => "a sizeable English-speaking community.",
                            (false, Lang::Fr) => "petite communauté d'expression anglaise.",
                            (false, Lang::En) => "a small English-speaking community.",
                        }),
                    }
                })
            })
        }
        Factor::Market => {
            let Some(f) = r.metric(Metric::DisposableIncome) else {
                return;
            };
            figure = Some((Metric::DisposableIncome, f));
            cached(r, Slot::Market, || {
                bilingual(|o, l| {
                    o.push_str(l.pick(
                        "Revenu disponible par habitant, pour la clientèle locale : ",
                        "Disposable income per inhabitant, for local customers: ",
                    ));
                    value(o, Metric::DisposableIncome, f, l);
                    citation(o, Metric::DisposableIncome, f, l);
                    o.push('.');
                })
            })
        }
        _ => return,
    };
    reasons.push(FitReason {
        text,
        figure: figure.map(|(m, f)| (m, f.clone())),
        effect: eff,
    });
}

/// The monthly budget's upper bound for a rent answer.
fn budget(rent: Option<&str>) -> Option<f64> {
    match rent {
        Some("lt900") => Some(900.0),
        Some("900_1200") => Some(1200.0),
        Some("1200_1500") => Some(1500.0),
        Some("gt1500") => Some(f64::INFINITY),
        _ => None,
    }
}

/// Information that does not count in the score: winter and rent against the budget. Children
/// are not mentioned per region: no region has comparable daycare or school figures (weights.rs),
/// and the readiness checklist gives the steps for daycare and school.
/// Sorted after every scored reason (impact -1).
fn inform(r: &Region, p: &Profile, reasons: &mut Vec<FitReason>, unknowns: &mut Vec<Text>) {
    if matches!(p.winter, Some("unsure" | "milder")) {
        match r.metric(Metric::JanuaryTemperature) {
            Some(f) => {
                let snow = r.metric(Metric::Snowfall);
                let text = cached(r, Slot::Winter, || {
                    bilingual(|o, l| {
                        o.push_str(l.pick("Janvier : ", "January: "));
                        value(o, Metric::JanuaryTemperature, f, l);
                        o.push_str(l.pick(" en moyenne", " on average"));
                        citation(o, Metric::JanuaryTemperature, f, l);
                        if let Some(sf) = snow {
                            o.push_str(l.pick("; neige : ", "; snowfall: "));
                            value(o, Metric::Snowfall, sf, l);
                            o.push_str(l.pick(" par année", " a year"));
                            citation(o, Metric::Snowfall, sf, l);
                        }
                        // Say what it means for the person (issue 12): shown, not scored, and why.
                        o.push_str(l.pick(
                            ". Pour information seulement : l'hiver ne compte pas dans le score, car ces normales manquent pour deux régions et mêlent deux périodes.",
                            ". For information only: winter does not count in the score, because these normals are missing for two regions and mix two periods.",
                        ));
                    })
                });
                let figure = Some((Metric::JanuaryTemperature, f.clone()));
                reasons.push(FitReason {
                    text,
                    figure,
                    effect: Effect::Info,
                });
            }
            None => unknowns.push(Text::new(
                "Hiver : aucune normale climatique connue pour cette région.",
                "Winter: no known climate normal for this region.",
            )),
        }
    }
    if let Some(max) = budget(p.rent) {
        match r.metric(Metric::Rent) {
            Some(f) => {
                let within = f.value <= max;
                let text = cached(
                    r,
                    if within {
                        Slot::RentWithin
                    } else {
                        Slot::RentAbove
                    },
                    || {
                        bilingual(|o, l| {
                            o.push_str(l.pick(
                                "Loyer moyen d'un 2 chambres reloué : ",
                                "Average rent of a re-let 2-bedroom unit: ",
                            ));
                            value(o, Metric::Rent, f, l);
                            citation(o, Metric::Rent, f, l);
                            o.push_str(match (within, l) {
                                (true, Lang::Fr) => ", dans votre budget.",
                                (true, Lang::En) => ", within your budget.",
                                (false, Lang::Fr) => ", au-dessus de votre budget.",
                                (false, Lang::En) => ", above your budget.",
                            });
                            // What it means for the person (issue 12, item 8): shown, not
                            // scored, because the figure is missing for some regions.
                            o.push_str(l.pick(
                                " Pour information seulement : le loyer ne compte pas dans le score, car il manque pour cinq régions.",
                                " For information only: rent does not count in the score, because it is missing for five regions.",
                            ));
                        })
                    },
                );
                let figure = Some((Metric::Rent, f.clone()));
                reasons.push(FitReason {
                    text,
                    figure,
                    effect: Effect::Info,
                });
            }
            None => unknowns.push(Text::new(
                "Loyers : aucun chiffre comparable pour cette région.",
                "Rents: no comparable figure for this region.",
            )),
        }
    }
    let mut chosen = p.fields.iter().flatten().peekable();
    let only_everywhere =
        chosen.peek().is_some() && chosen.all(|f| *f == "health" || *f == "education");
    if only_everywhere {
        reasons.push(FitReason {
            text: Text::new(
                "La santé et l'éducation embauchent dans toutes les régions : votre domaine ne change pas le classement.",
                "Health and education hire in every region: your field does not change the ranking.",
            ),
            figure: None,
            effect: Effect::Info,
        });
    }
}

/// How many scored reasons a region shows: its top reasons (the issue); the others are
/// visible in the figures of the region page.
pub const TOP_REASONS: usize = 3;

fn fit_region(r: &Region, p: &Profile, levers: Option<&[Lever; 3]>) -> RegionFit {
    let base = evals(r, p);
    let score = score_of(&base, &p.weights);
    // Built in display order: scored reasons by impact, then information.
    let mut reasons: Vec<FitReason> = Vec::with_capacity(TOP_REASONS + 3);
    let mut unknowns = Vec::new();
    // The strongest known factors (weight × distance from neutral), in factor order on ties.
    let mut order: [(f64, usize); 7] = [(f64::NEG_INFINITY, 0); 7];
    for (i, e) in base.iter().enumerate() {
        order[i] = match e {
            Eval::Known(s) => (p.weights[i] * (s - NEUTRAL).abs(), i),
            Eval::Unknown => {
                explain(SCORED[i], *e, r, p, &mut reasons, &mut unknowns);
                (f64::NEG_INFINITY, i)
            }
            Eval::Off => (f64::NEG_INFINITY, i),
        };
    }
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(impact, i) in order.iter().take(TOP_REASONS) {
        // A factor at exactly neutral explains nothing about the score.
        if impact.is_finite() && impact > 0.0 {
            explain(SCORED[i], base[i], r, p, &mut reasons, &mut unknowns);
        }
    }
    inform(r, p, &mut reasons, &mut unknowns);
    RegionFit {
        code: r.code.clone(),
        score,
        reasons,
        unknowns,
        what_would_change: levers.and_then(|l| best_change(r, p, &base, score, l)),
    }
}

/// The score alone, for one region (no text): used by tests and the map.
pub fn score(a: &Answers, r: &Region) -> u8 {
    let p = Profile::from(a);
    score_of(&evals(r, &p), &p.weights)
}

/// The destination regions of `c`, best first; ties broken by region code.
pub fn rank(a: &Answers, c: &Catalogue) -> Vec<RegionFit> {
    let p = Profile::from(a);
    let levers = levers();
    let mut out: Vec<RegionFit> = c
        .destinations()
        .map(|r| fit_region(r, &p, levers.as_ref()))
        .collect();
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
            assert_eq!(
                (w.job, w.training, w.business),
                (0, 0, 0),
                "{:?} has no complete figure",
                w.factor
            );
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
