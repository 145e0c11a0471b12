//! Shared test helpers: a proptest strategy for any set of quiz answers.
#![allow(dead_code)]

use eer_domain::Answers;
use eer_domain::questionnaire::{QUESTIONS, QuestionKind};
use proptest::prelude::*;

/// Any answers: each question unanswered or answered with any valid value (relevant or not).
pub fn arb_answers() -> impl Strategy<Value = Answers> {
    proptest::collection::vec(proptest::option::of(0u16..u16::MAX), QUESTIONS.len()).prop_map(
        |picks| {
            let mut a = Answers::default();
            for (q, pick) in QUESTIONS.iter().zip(picks) {
                let Some(n) = pick else { continue };
                let value = match &q.kind {
                    QuestionKind::Single(c) => c[n as usize % c.len()].id.to_string(),
                    QuestionKind::Multi { choices, max } => {
                        let first = n as usize % choices.len();
                        let second = (n as usize / choices.len()) % choices.len();
                        if *max > 1 && second != first && n % 2 == 0 {
                            format!("{},{}", choices[first].id, choices[second].id)
                        } else {
                            choices[first].id.to_string()
                        }
                    }
                    QuestionKind::Count { min, max } => {
                        (*min as u16 + n % (*max - *min + 1) as u16).to_string()
                    }
                };
                a.set(q.id, &value).expect("generated values are valid");
            }
            a
        },
    )
}

/// Answers from a query string, for readable examples.
pub fn q(query: &str) -> Answers {
    Answers::from_query(query)
}
