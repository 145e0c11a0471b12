//! The "second migration" checklist counsellors work through (interview: "c'est une deuxième
//! migration qu'ils font après être arrivés au Québec", "ils vont aussi devoir s'organiser en
//! fonction de leur conjoint/conjointe, de leurs enfants"). For each topic: what is ready, what
//! to prepare, and a concrete next step. Not a grade: nothing here is added up.
//!
//! Decision apart from wording: `rules.rs` reads the typed answers and picks one [`Case`]
//! per topic; `words.rs` says, for each case, where the topic stands, in words, with the next
//! step and its source.

mod rules;
mod words;

use crate::answers::Answers;
use crate::links::Link;
use crate::text::Text;

pub use rules::Case;

/// Where a topic stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    ToPrepare,
    /// Does not concern this household (e.g. no children).
    NotApplicable,
    /// The question is not answered yet.
    Unanswered,
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadinessItem {
    /// Stable id: the question it comes from.
    pub id: &'static str,
    pub topic: Text,
    pub status: Readiness,
    pub summary: Text,
    pub next_step: Option<Text>,
    /// A page that helps with the next step.
    pub link: Option<&'static Link>,
}

/// The checklist, in the order counsellors go through it.
pub fn assess(a: &Answers) -> Vec<ReadinessItem> {
    rules::cases(a)
        .into_iter()
        .map(|(id, case)| words::item(id, case))
        .collect()
}
