//! What would change a region's score the most: one other answer to a question that is a
//! preference, all else equal.

use super::score::{Eval, distance_eval, english_eval, score_of, size_eval};
use super::words::{bilingual, push_int};
use super::{Change, Profile};
use crate::catalogue::Region;
use crate::questionnaire::question;
use crate::vocab::{Choice, Distance, English, Single, Size};
use crate::weights::{Factor, Scored, english_weight, weight};

// The questions whose answers are preferences (not facts about the household): the ones
// "what would change this" may suggest, with the factor each one moves: distance, size,
// English, in that order (the first of equal scores wins).
// The project is not one of them: the household's plan is not a setting to tune.

/// The best other answer so far: its question, its choice and the score it would give.
type Best = Option<(&'static str, &'static Choice, u8)>;

/// Tries every other answer to the question of `T`, scored by `score_with`.
fn try_lever<T: Single>(
    best: &mut Best,
    current: Option<T>,
    score: u8,
    score_with: impl Fn(T) -> u8,
) {
    for &choice in T::ALL {
        if Some(choice) == current {
            continue;
        }
        let s = score_with(choice);
        if s > score && best.is_none_or(|(_, _, b)| s > b) {
            *best = Some((T::QUESTION, choice.choice(), s));
        }
    }
}

pub(super) fn best_change(
    r: &Region,
    p: &Profile,
    base: &Scored<Eval>,
    score: u8,
) -> Option<Change> {
    let mut best: Best = None;
    try_lever(&mut best, p.distance, score, |d: Distance| {
        let e = Scored {
            distance: distance_eval(r, Some(d)),
            ..*base
        };
        score_of(&e, &p.weights)
    });
    try_lever(&mut best, p.size, score, |s: Size| {
        let e = Scored {
            community_size: size_eval(r, Some(s)),
            ..*base
        };
        score_of(&e, &p.weights)
    });
    try_lever(&mut best, p.english, score, |en: English| {
        let e = Scored {
            english: english_eval(r, Some(en)),
            ..*base
        };
        let full = weight(Factor::English).for_project(p.project);
        let w = Scored {
            english: english_weight(full, Some(en)),
            ..p.weights
        };
        score_of(&e, &w)
    });
    let (question_id, c, new_score) = best?;
    let q = question(question_id)?;
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
