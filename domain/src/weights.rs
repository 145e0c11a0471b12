//! The weights of the region fit, in one table, each with its reason. A weight is the share a
//! factor takes in a region's score when the person's answers make it count; the score is the
//! weighted mean of the factors' matches (each 0 to 1), times 100.
//!
//! Only figures known for all 15 destination regions count (data/README.md: "score only on
//! figures that exist for every destination region"). Factors without such a figure keep a
//! weight of 0 here, with the reason, and are shown as information instead.

use crate::metric::Metric;
use crate::text::Static;

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

/// The row of a factor.
pub fn weight(factor: Factor) -> &'static Weight {
    WEIGHTS
        .iter()
        .find(|w| w.factor == factor)
        .expect("every factor has a row")
}
