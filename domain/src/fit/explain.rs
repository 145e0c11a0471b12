//! The reasons for the scored factors, in words: one small function per factor. Each says
//! what the figure is, where it comes from, and how it bears on this household's answers.

use super::Profile;
use super::words::{Slot, bilingual, cached, citation, push_int, push_lower_first, value};
use super::{Effect, FitReason};
use crate::catalogue::{EnglishLevel, Figure, Region};
use crate::lang::Lang;
use crate::metric::Metric;
use crate::text::Text;
use crate::vocab::{Choices, Field, Size, TOWN, town_from, town_to};
use crate::weights::Factor;

/// What a missing figure (or missing information) means for one factor.
pub(super) fn unknown(factor: Factor, unknowns: &mut Vec<Text>) {
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
}

/// The reason for one scored factor whose match `s` is known.
pub(super) fn reason(factor: Factor, s: f64, r: &Region, p: &Profile) -> Option<FitReason> {
    let eff = effect(s);
    match factor {
        Factor::Distance => distance(eff, r, p),
        Factor::CommunitySize => size(eff, r, p.size?),
        Factor::Jobs => figure(
            eff,
            r,
            Metric::JobVacancyRate,
            Slot::Jobs,
            ("Taux de postes vacants : ", "Job vacancy rate: "),
        ),
        Factor::Field => Some(field(eff, r, &p.fields, false)),
        Factor::SpouseField => Some(field(eff, r, &[p.spouse_field], true)),
        Factor::English => Some(english(eff, r)),
        Factor::Market => figure(
            eff,
            r,
            Metric::DisposableIncome,
            Slot::Market,
            (
                "Revenu disponible par habitant, pour la clientèle locale : ",
                "Disposable income per inhabitant, for local customers: ",
            ),
        ),
        Factor::Winter | Factor::Housing | Factor::Children => None,
    }
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

fn with_figure(text: Text, m: Metric, f: &Figure, effect: Effect) -> FitReason {
    FitReason {
        text,
        figure: Some((m, f.clone())),
        effect,
    }
}

/// "Label: figure (citation)." for a factor that is one figure (jobs, market).
fn figure(
    eff: Effect,
    r: &Region,
    m: Metric,
    slot: Slot,
    label: (&'static str, &'static str),
) -> Option<FitReason> {
    let f = r.metric(m)?;
    let text = cached(r, slot, || {
        bilingual(|o, l| {
            o.push_str(l.pick(label.0, label.1));
            value(o, m, f, l);
            citation(o, m, f, l);
            o.push('.');
        })
    });
    Some(with_figure(text, m, f, eff))
}

fn distance(eff: Effect, r: &Region, p: &Profile) -> Option<FitReason> {
    let f = r.metric(Metric::DistanceKm)?;
    let within = f.value <= p.distance.and_then(|d| d.limit_km()).unwrap_or(0.0);
    // Beyond the limit is never shown as a plus, even when the match is still high.
    let eff = if !within && eff == Effect::Plus {
        Effect::Neutral
    } else {
        eff
    };
    let road = r.metric(Metric::RoadDistanceKm);
    let text = cached(
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
    );
    Some(with_figure(text, Metric::DistanceKm, f, eff))
}

fn size(eff: Effect, r: &Region, size: Size) -> Option<FitReason> {
    match size {
        Size::City => {
            let f = r.metric(Metric::MainCityPopulation)?;
            let text = cached(r, Slot::City, || {
                bilingual(|o, l| {
                    o.push_str(l.pick("Ville principale : ", "Main city: "));
                    o.push_str(r.main_city_name());
                    o.push_str(", ");
                    value(o, Metric::MainCityPopulation, f, l);
                    o.push_str(l.pick(" habitants", " people"));
                    citation(o, Metric::MainCityPopulation, f, l);
                    o.push('.');
                })
            });
            Some(with_figure(text, Metric::MainCityPopulation, f, eff))
        }
        Size::Small => figure(
            eff,
            r,
            Metric::Density,
            Slot::Density,
            ("Densité de population : ", "Population density: "),
        ),
        Size::Town => Some(town(eff, r)),
        Size::Any => None,
    }
}

fn town(eff: Effect, r: &Region) -> FitReason {
    let town = r
        .main_cities
        .iter()
        .find(|c| !c.in_cmm && TOWN.contains(&c.population));
    let text = cached(r, Slot::Town, || {
        bilingual(|o, l| {
            match town {
            Some(c) => {
                o.push_str(l.pick("Ville moyenne : ", "Mid-sized town: "));
                o.push_str(&c.name);
                o.push_str(", ");
                Metric::Population.write(o, c.population as f64, l);
                o.push_str(l.pick(" habitants (", " people ("));
                push_int(o, c.year as u64);
                o.push_str(l.pick(
                    ", décret de population, MAMH).",
                    ", population decree, MAMH).",
                ));
            }
            None => o.push_str(l.pick(
                concat!(
                    "Aucune ville de ",
                    town_from!(),
                    " 000 à ",
                    town_to!(),
                    " 000 habitants parmi les principales villes hors de la région de Montréal (décret de population, MAMH)."
                ),
                concat!(
                    "No town of ",
                    town_from!(),
                    ",000 to ",
                    town_to!(),
                    ",000 people among the main cities outside the Montréal area (population decree, MAMH)."
                ),
            )),
        }
        })
    });
    FitReason {
        text,
        figure: None,
        effect: eff,
    }
}

fn field(eff: Effect, r: &Region, fields: &[Option<Field>], spouse: bool) -> FitReason {
    let hit = fields
        .iter()
        .flatten()
        .find_map(|f| r.names_field(f.id()).map(|sec| (*f, sec)));
    let text = bilingual(|o, l| {
        match hit {
        Some((f, sec)) => {
            o.push_str(match (spouse, l) {
                (false, Lang::Fr) => "Secteur clé lié à votre domaine (",
                (false, Lang::En) => "Key sector matching your field (",
                (true, Lang::Fr) => "Secteur clé lié au domaine de votre conjoint (",
                (true, Lang::En) => "Key sector matching your spouse's field (",
            });
            push_lower_first(o, f.choice().label(l));
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
    });
    FitReason {
        text,
        figure: None,
        effect: eff,
    }
}

fn english(eff: Effect, r: &Region) -> FitReason {
    let notable = r.english.level == Some(EnglishLevel::Notable);
    let text = cached(r, Slot::English, || {
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
    });
    FitReason {
        text,
        figure: None,
        effect: eff,
    }
}
