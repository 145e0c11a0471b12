//! Where each topic of the checklist stands, from the typed answers: one [`Case`] per topic,
//! in the order counsellors go through them. The words of each case are in `words.rs`.

use crate::answers::Answers;
use crate::flow::relevant;
use crate::vocab::{Diploma, French, Licence, Project, Rent, Savings, Single, Spouse};

/// A topic of the checklist, in the order counsellors go through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    Project,
    French,
    Diploma,
    Spouse,
    Children,
    Licence,
    Savings,
    Housing,
}

impl Topic {
    /// The stable id of a topic: the question it comes from.
    pub(super) fn id(self) -> &'static str {
        match self {
            Topic::Project => Project::QUESTION,
            Topic::French => French::QUESTION,
            Topic::Diploma => Diploma::QUESTION,
            Topic::Spouse => Spouse::QUESTION,
            Topic::Children => crate::vocab::CHILDREN,
            Topic::Licence => Licence::QUESTION,
            Topic::Savings => Savings::QUESTION,
            Topic::Housing => Rent::QUESTION,
        }
    }
}

/// One topic's situation. `None` beside a topic (in [`cases`]) means not answered yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Project(Project),
    /// French good enough to work (or fluent).
    FrenchForWork,
    FrenchToImprove,
    /// The diploma question is not asked (studies in Canada): a regulated profession still
    /// needs the Québec order's permit.
    DiplomaNotAsked,
    DiplomaNothingToDo,
    DiplomaInProgress,
    DiplomaRegulated,
    DiplomaNotStarted,
    NoSpouse,
    SpouseAtHome,
    SpousePlanUnsure,
    /// A spouse with a plan and a field.
    SpouseWithField,
    NoChildren,
    Children(u8),
    Licence(Licence),
    SavingsEnough,
    SavingsShort,
    RentUnsure,
    RentKnown,
}

/// Each topic with its case; `None` when the
/// question is not answered yet.
pub(super) fn cases(a: &Answers) -> [(Topic, Option<Case>); 8] {
    [
        (Topic::Project, a.given::<Project>().map(Case::Project)),
        (
            Topic::French,
            a.given::<French>().map(|f| match f {
                French::Work | French::Fluent => Case::FrenchForWork,
                French::Starting | French::Basic => Case::FrenchToImprove,
            }),
        ),
        (Topic::Diploma, diploma(a)),
        (Topic::Spouse, spouse(a)),
        (
            Topic::Children,
            a.children().map(|n| match n {
                0 => Case::NoChildren,
                n => Case::Children(n),
            }),
        ),
        (Topic::Licence, a.given::<Licence>().map(Case::Licence)),
        (
            Topic::Savings,
            a.given::<Savings>().map(|s| match s {
                Savings::Yes => Case::SavingsEnough,
                Savings::Partly | Savings::No => Case::SavingsShort,
            }),
        ),
        (
            Topic::Housing,
            a.given::<Rent>().map(|r| match r {
                Rent::Unsure => Case::RentUnsure,
                _ => Case::RentKnown,
            }),
        ),
    ]
}

fn diploma(a: &Answers) -> Option<Case> {
    match a.given::<Diploma>() {
        None if !relevant(Diploma::QUESTION, a) => Some(Case::DiplomaNotAsked),
        None => None,
        Some(Diploma::Quebec | Diploma::Done | Diploma::NotNeeded) => {
            Some(Case::DiplomaNothingToDo)
        }
        Some(Diploma::InProgress) => Some(Case::DiplomaInProgress),
        Some(Diploma::Regulated) => Some(Case::DiplomaRegulated),
        Some(Diploma::NotStarted) => Some(Case::DiplomaNotStarted),
    }
}

fn spouse(a: &Answers) -> Option<Case> {
    match a.given::<Spouse>()? {
        Spouse::No => Some(Case::NoSpouse),
        Spouse::Home => Some(Case::SpouseAtHome),
        Spouse::Unsure => Some(Case::SpousePlanUnsure),
        // A plan of work or study: ready once their field is given.
        Spouse::Job | Spouse::Training | Spouse::Business => {
            a.spouse_field().map(|_| Case::SpouseWithField)
        }
    }
}
