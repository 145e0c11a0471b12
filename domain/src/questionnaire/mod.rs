//! The quiz: one question per page (GOV.UK pattern), each with a short hint saying why it is
//! asked. The questions are in `table.rs`, their choices in the vocabulary (`vocab`), and which
//! of them a person sees in the flow (`crate::flow`): a question that the answers make
//! irrelevant is skipped, and any stored answer to it is ignored by the rules.
//!
//! Nothing personal is asked: no name, no contact, no exact amount or date; answers are
//! coarse choices, so they can live in the URL (docs/architecture.md, data flow 1).

mod table;

pub use crate::vocab::{Choice, FIELDS};
pub use table::QUESTIONS;

use crate::lang::Lang;
use crate::text::{Static, pick};

/// How a question is answered.
#[derive(Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one choice (radio buttons).
    Single(&'static [Choice]),
    /// Up to `max` choices (check boxes), at least one.
    Multi {
        choices: &'static [Choice],
        max: usize,
    },
    /// A whole number from `min` to `max`.
    Count { min: u8, max: u8 },
}

impl QuestionKind {
    pub fn choices(&self) -> &'static [Choice] {
        match self {
            QuestionKind::Single(c) => c,
            QuestionKind::Multi { choices, .. } => choices,
            QuestionKind::Count { .. } => &[],
        }
    }
}

/// A question of the quiz.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Short, stable, URL-safe id: it is the key in the URL.
    pub id: &'static str,
    pub kind: QuestionKind,
    pub text: Static,
    /// Why the question is asked.
    pub why: Static,
}

impl Question {
    pub fn label(&self, lang: Lang) -> &'static str {
        pick(self.text, lang)
    }

    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        Some(pick(self.why, lang))
    }

    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        self.kind.choices().iter().find(|c| c.id == id)
    }
}

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The position of a question in [`QUESTIONS`].
pub(crate) fn index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_url_safe_and_every_text_is_bilingual() {
        let safe = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert!(safe(q.id), "{}", q.id);
            assert_ne!(q.id, "v", "v is the version key");
            assert!(QUESTIONS[..i].iter().all(|o| o.id != q.id));
            for lang in Lang::ALL {
                assert!(!q.label(lang).is_empty());
                assert!(
                    !q.hint(lang).unwrap_or("").is_empty(),
                    "{} needs a hint",
                    q.id
                );
            }
            let choices = q.kind.choices();
            for (j, c) in choices.iter().enumerate() {
                assert!(safe(c.id), "{}", c.id);
                assert!(choices[..j].iter().all(|o| o.id != c.id));
                assert!(!c.label(Lang::Fr).is_empty() && !c.label(Lang::En).is_empty());
            }
        }
    }
}
