//! What the fit shows but does not score: winter and rent against the budget, and why health
//! and education do not move the ranking.

use super::words::{Slot, bilingual, cached, citation, value};
use super::{Effect, FitReason, Profile};
use crate::catalogue::Region;
use crate::lang::Lang;
use crate::metric::Metric;
use crate::text::Text;
use crate::vocab::{Field, Rent, Winter};

/// Information that does not count in the score: winter and rent against the budget. Children
/// are not mentioned per region: no region has comparable daycare or school figures (weights.rs),
/// and the readiness checklist gives the steps for daycare and school.
/// Sorted after every scored reason (impact -1).
pub(super) fn inform(
    r: &Region,
    p: &Profile,
    reasons: &mut Vec<FitReason>,
    unknowns: &mut Vec<Text>,
) {
    if matches!(p.winter, Some(Winter::Unsure | Winter::Milder)) {
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
    if let Some(max) = p.rent.and_then(Rent::budget) {
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
        chosen.peek().is_some() && chosen.all(|f| matches!(f, Field::Health | Field::Education));
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
