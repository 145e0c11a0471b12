//! The decision: which [`Rule`] applies, from the typed answers, in the order the rules are
//! tried, and what each rule's outcome is. The sources of each rule are quoted beside its
//! words (`words.rs`).

use super::{Outcome, Rule};
use crate::answers::Answers;
use crate::vocab::{Age, Csq, Live, Status};

/// The rule for these answers. Where they live decides first, except that a person born in
/// Québec is never eligible; unanswered, the Montréal path is assumed (the service's main
/// audience).
pub(super) fn decide(a: &Answers) -> Rule {
    match (a.given::<Live>(), a.given::<Status>()) {
        // 1. Born in Québec: Place aux jeunes en région by age.
        (_, Some(Status::BornInQuebec)) => match a.given::<Age>() {
            Some(Age::From18To35) => Rule::BornInQuebecYoung,
            Some(Age::Under18) => Rule::BornInQuebecMinor,
            Some(Age::Over35) => Rule::BornInQuebecOlder,
            None => Rule::BornInQuebecAgeUnknown,
        },
        // 2. Abroad: the pre-departure pilot, by CSQ.
        (Some(Live::Abroad), _) => match a.given::<Csq>() {
            Some(Csq::Yes) => Rule::AbroadWithCsq,
            Some(Csq::Applied) => Rule::AbroadCsqPending,
            Some(Csq::No) => Rule::AbroadWithoutCsq,
            None => Rule::AbroadCsqUnknown,
        },
        // 3. Already in a region.
        (Some(Live::ElsewhereInQuebec), _) => Rule::LivesInRegion,
        // 4. Elsewhere in Canada.
        (Some(Live::ElsewhereInCanada), _) => Rule::LivesElsewhereInCanada,
        // 5. The Montréal area (or not yet said): by status.
        (_, Some(Status::BornInCanada)) => Rule::BornElsewhereInCanada,
        (_, Some(Status::Citizen)) => Rule::NaturalisedCitizen,
        (_, Some(Status::PermanentResident)) => Rule::PermanentResident,
        (_, Some(Status::WorkPermit | Status::StudyPermit | Status::Asylum)) => {
            Rule::TemporaryStatus
        }
        (_, Some(Status::Other)) => Rule::OtherStatus,
        (_, None) => Rule::StatusUnknown,
    }
}

/// Where they live is not answered yet: the outcome is provisional.
pub(super) fn live_unknown(a: &Answers) -> bool {
    a.given::<Live>().is_none()
}

impl Rule {
    /// The outcome this rule gives.
    pub fn outcome(self) -> Outcome {
        use Outcome::*;
        match self {
            Rule::BornInQuebecYoung
            | Rule::BornInQuebecMinor
            | Rule::BornInQuebecOlder
            | Rule::BornInQuebecAgeUnknown
            | Rule::AbroadCsqPending
            | Rule::AbroadWithoutCsq => OtherService,
            Rule::AbroadWithCsq
            | Rule::AbroadCsqUnknown
            | Rule::LivesInRegion
            | Rule::LivesElsewhereInCanada
            | Rule::BornElsewhereInCanada
            | Rule::TemporaryStatus
            | Rule::OtherStatus
            | Rule::StatusUnknown => ToConfirm,
            Rule::NaturalisedCitizen | Rule::PermanentResident => Eligible,
        }
    }

    /// The rule waits for a deciding answer (age, CSQ, status): the outcome may change.
    pub fn waits_for_an_answer(self) -> bool {
        matches!(
            self,
            Rule::BornInQuebecAgeUnknown | Rule::AbroadCsqUnknown | Rule::StatusUnknown
        )
    }
}
