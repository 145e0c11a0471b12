//! The weights of the region fit, in one table, each with its reason. A weight is the share a
//! factor takes in a region's score when the person's answers make it count; the score is the
//! weighted mean of the factors' matches (each 0 to 1), times 100.
//!
//! Only figures known for all 15 destination regions count (data/README.md: "score only on
//! figures that exist for every destination region"). Factors without such a figure keep a
//! weight of 0 here, with the reason, and are shown as information instead.

use crate::metric::Metric;
use crate::text::Static;
use crate::vocab::{English, Project};

/// A factor of the fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Distance,
    CommunitySize,
    Jobs,
    Field,
    SpouseField,
    English,
    Market,
    Winter,
    Housing,
    Children,
}

/// The factors that can count in a score, in the order of [`WEIGHTS`] (ties between reasons
/// of equal impact are shown in this order).
pub const SCORED: [Factor; 7] = [
    Factor::Distance,
    Factor::CommunitySize,
    Factor::Jobs,
    Factor::Field,
    Factor::SpouseField,
    Factor::English,
    Factor::Market,
];

/// One value for each factor that can count in a score, read by name.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scored<T> {
    pub distance: T,
    pub community_size: T,
    pub jobs: T,
    pub field: T,
    pub spouse_field: T,
    pub english: T,
    pub market: T,
}

impl<T: Copy> Scored<T> {
    /// Each factor's value, made by `f`.
    pub fn from_fn(f: impl Fn(Factor) -> T) -> Scored<T> {
        Scored {
            distance: f(Factor::Distance),
            community_size: f(Factor::CommunitySize),
            jobs: f(Factor::Jobs),
            field: f(Factor::Field),
            spouse_field: f(Factor::SpouseField),
            english: f(Factor::English),
            market: f(Factor::Market),
        }
    }

    /// The value of a scored factor; `None` for a factor that never counts.
    pub fn get(&self, factor: Factor) -> Option<T> {
        Some(match factor {
            Factor::Distance => self.distance,
            Factor::CommunitySize => self.community_size,
            Factor::Jobs => self.jobs,
            Factor::Field => self.field,
            Factor::SpouseField => self.spouse_field,
            Factor::English => self.english,
            Factor::Market => self.market,
            Factor::Winter | Factor::Housing | Factor::Children => return None,
        })
    }

    /// Each factor with its value, in the order of [`SCORED`].
    pub fn pairs(&self) -> [(Factor, T); 7] {
        [
            (Factor::Distance, self.distance),
            (Factor::CommunitySize, self.community_size),
            (Factor::Jobs, self.jobs),
            (Factor::Field, self.field),
            (Factor::SpouseField, self.spouse_field),
            (Factor::English, self.english),
            (Factor::Market, self.market),
        ]
    }
}

impl Scored<f64> {
    /// The weight of each factor for this project (and English answer).
    pub fn weights(project: Option<Project>, english: Option<English>) -> Scored<f64> {
        Scored::from_fn(|f| {
            let w = weight(f);
            if f == Factor::English {
                english_weight(w.for_project(project), english)
            } else {
                w.for_project(project)
            }
        })
    }
}

/// Half weight when English services would only help (the English row's reason).
pub fn english_weight(full: f64, choice: Option<English>) -> f64 {
    if choice == Some(English::Helpful) {
        full / 2.0
    } else {
        full
    }
}

/// One row of the table: the weight for each kind of project and why.
#[derive(Debug, Clone, Copy)]
pub struct Weight {
    pub factor: Factor,
    /// Weights when the project is a job (also used when the project is not known yet: the
    /// interview calls the job "le vecteur principal").
    pub job: u8,
    pub training: u8,
    pub business: u8,
    /// The figure behind the factor, when it is a figure.
    pub metric: Option<Metric>,
    pub reason: Static,
}

/// The weights. Sum for a job with every preference given: 25+20+20+20+10+15 = 110.
pub const WEIGHTS: [Weight; 10] = [
    // The person's own limit: a durable move keeps ties with family and networks in Montréal
    // (interview: "on vise la durabilité"). Straight-line km is known for all 15 regions; road
    // km only for 9.
    Weight {
        factor: Factor::Distance,
        job: 25,
        training: 25,
        business: 25,
        metric: Some(Metric::DistanceKm),
        reason: (
            "La distance est une limite que la personne fixe elle-même; c'est le critère le plus net. Mesurée à vol d'oiseau, seule distance connue pour les 15 régions.",
            "Distance is a limit people set themselves: the clearest criterion. Measured in a straight line, the only distance known for all 15 regions.",
        ),
    },
    // City or countryside: a preference of the whole household (interview: "les grands
    // espaces"); the largest city's population (2026 decree) and the density (2021 Census) are
    // known everywhere.
    Weight {
        factor: Factor::CommunitySize,
        job: 20,
        training: 20,
        business: 20,
        metric: Some(Metric::MainCityPopulation),
        reason: (
            "Le milieu de vie (grande ville ou campagne) compte pour tout le ménage; population de la plus grande ville (décret 2026) et densité (recensement 2021), connues partout.",
            "The kind of place (city or countryside) matters to the whole household; largest city's population (2026 decree) and density (2021 Census), known everywhere.",
        ),
    },
    // The job is the main vector of moves (interview); the job vacancy rate is the only labour
    // figure of one vintage for all 15 regions (2018, CIRANO from Statistics Canada JVWS).
    // Unemployment 2024 is known for 4 regions only (GAPS-pass2.md), so it does not count.
    Weight {
        factor: Factor::Jobs,
        job: 20,
        training: 10,
        business: 5,
        metric: Some(Metric::JobVacancyRate),
        reason: (
            "L'emploi est le principal moteur des installations en région; le taux de postes vacants (2018) est le seul indicateur du marché du travail connu pour les 15 régions la même année. Il compte moins pour une formation (l'emploi vient après) et une entreprise.",
            "A job is the main driver of moves to the regions; the job vacancy rate (2018) is the only labour-market figure known for all 15 regions for the same year. It counts less for training (the job comes later) and a business.",
        ),
    },
    // Sourced key sectors (official regional portraits, facts file): a match is a plus; no
    // match is neutral, never a minus, because the lists are short and not exhaustive.
    Weight {
        factor: Factor::Field,
        job: 20,
        training: 15,
        business: 15,
        metric: None,
        reason: (
            "Un secteur clé qui correspond à votre domaine est un atout; un domaine absent des listes officielles reste neutre, car ces listes sont courtes.",
            "A key sector matching your field is a plus; a field missing from the official lists stays neutral, because those lists are short.",
        ),
    },
    // The household moves together (interview: "s'organiser en fonction de leur
    // conjoint/conjointe").
    Weight {
        factor: Factor::SpouseField,
        job: 10,
        training: 10,
        business: 10,
        metric: None,
        reason: (
            "Le projet est celui du ménage : le domaine du conjoint compte aussi, un peu moins que le vôtre.",
            "It is the household's plan: your spouse's field counts too, a little less than yours.",
        ),
    },
    // English-speaking communities differ widely (facts file, english_services); full weight
    // when essential, half when helpful. Unknown is neutral.
    Weight {
        factor: Factor::English,
        job: 15,
        training: 15,
        business: 15,
        metric: None,
        reason: (
            "Les communautés d'expression anglaise sont très inégalement présentes; poids entier si c'est essentiel, moitié si c'est utile. Une région sans information reste neutre.",
            "English-speaking communities are very unevenly present; full weight when essential, half when helpful. A region without information stays neutral.",
        ),
    },
    // A local business needs local spending power; disposable income per inhabitant is known
    // for all 15 regions (2017p, ISQ).
    Weight {
        factor: Factor::Market,
        job: 0,
        training: 0,
        business: 15,
        metric: Some(Metric::DisposableIncome),
        reason: (
            "Pour une entreprise, le pouvoir d'achat local compte; revenu disponible par habitant (2017, ISQ), connu pour les 15 régions.",
            "For a business, local spending power matters; disposable income per inhabitant (2017, ISQ), known for all 15 regions.",
        ),
    },
    // January normals and snowfall are missing for Outaouais and Nord-du-Québec and mix two
    // normals periods (GAPS-pass2.md): shown, not scored.
    Weight {
        factor: Factor::Winter,
        job: 0,
        training: 0,
        business: 0,
        metric: Some(Metric::JanuaryTemperature),
        reason: (
            "Non compté : les normales de janvier manquent pour 2 régions et mêlent deux périodes. Elles sont montrées à titre d'information.",
            "Not scored: January normals are missing for 2 regions and mix two periods. They are shown for information.",
        ),
    },
    // Re-let 2-bedroom rents (October 2024) exist for 10 of 15 regions, 4 of them through the
    // Montréal or Québec CMA: shown against the budget, not scored.
    Weight {
        factor: Factor::Housing,
        job: 0,
        training: 0,
        business: 0,
        metric: Some(Metric::Rent),
        reason: (
            "Non compté : les loyers ne sont connus que pour 10 régions, dont 4 par une région métropolitaine voisine. Ils sont comparés à votre budget à titre d'information.",
            "Not scored: rents are known for 10 regions only, 4 of them through a neighbouring metropolitan area. They are compared with your budget for information.",
        ),
    },
    // No regional figure on daycare places or schools in the facts file.
    Weight {
        factor: Factor::Children,
        job: 0,
        training: 0,
        business: 0,
        metric: None,
        reason: (
            "Non compté : aucune donnée comparable sur les places en service de garde ou les écoles par région.",
            "Not scored: no comparable data on daycare places or schools by region.",
        ),
    },
];

impl Weight {
    /// The weight for this project: its own column for training and a business; the job's for
    /// a job, an unsure project or a project not given yet (the job is "le vecteur principal").
    pub fn for_project(&self, project: Option<Project>) -> f64 {
        f64::from(match project {
            Some(Project::Training) => self.training,
            Some(Project::Business) => self.business,
            Some(Project::Job | Project::Unsure) | None => self.job,
        })
    }
}

/// The row of a factor.
pub fn weight(factor: Factor) -> &'static Weight {
    WEIGHTS
        .iter()
        .find(|w| w.factor == factor)
        .expect("every factor has a row")
}

// The match scales: how far a region's figure goes toward a full match (0 to 1) on an absolute
// scale, so that a region's score depends only on its own figures and the answers.

/// The match that counts as "no information": neither a plus nor a minus.
pub const NEUTRAL: f64 = 0.5;

/// A match kept within 0 and 1; an undefined one is neutral.
pub fn clamp01(x: f64) -> f64 {
    if x.is_nan() {
        NEUTRAL
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// Distance (km): full match within the limit, then falling to 0 at twice the limit.
pub fn distance_match(km: f64, limit: f64) -> f64 {
    clamp01(1.0 - (km - limit).max(0.0) / limit)
}

/// Largest city: 0 at 20,000 people, 1 at 300,000 (log scale: the step from 20 to 40 thousand
/// matters as much as from 150 to 300 thousand).
pub fn city_match(pop: f64) -> f64 {
    clamp01((pop.max(1.0).ln() - 20_000f64.ln()) / (300_000f64.ln() - 20_000f64.ln()))
}

/// Countryside: 1 at 2 people/km² or less, 0 at 200 or more (log scale).
pub fn rural_match(density: f64) -> f64 {
    clamp01((200f64.ln() - density.max(0.01).ln()) / (200f64.ln() - 2f64.ln()))
}

/// Job vacancy rate (2018): 0 at 2 %, 1 at 4 % (destinations range 2.3 to 3.7 %).
pub fn jobs_match(rate: f64) -> f64 {
    clamp01((rate - 2.0) / 2.0)
}

/// Disposable income per inhabitant (2017): 0 at 25,000 $, 1 at 31,000 $ (destinations range
/// 26,053 to 29,929 $).
pub fn market_match(income: f64) -> f64 {
    clamp01((income - 25_000.0) / 6_000.0)
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
    fn pairs_follow_the_scored_order() {
        let s = Scored::from_fn(|f| f);
        assert_eq!(
            s.pairs().map(|(f, v)| (f, v == f)),
            SCORED.map(|f| (f, true))
        );
        assert_eq!(s.get(Factor::Winter), None);
    }

    #[test]
    fn a_project_reads_its_own_column() {
        let jobs = weight(Factor::Jobs);
        assert_eq!(jobs.for_project(None), 20.0);
        assert_eq!(jobs.for_project(Some(Project::Unsure)), 20.0);
        assert_eq!(jobs.for_project(Some(Project::Training)), 10.0);
        assert_eq!(jobs.for_project(Some(Project::Business)), 5.0);
        let w = Scored::weights(Some(Project::Business), Some(English::Helpful));
        assert_eq!((w.market, w.english), (15.0, 7.5));
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
