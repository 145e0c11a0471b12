//! Who the service is for, from the answers. Three outcomes, never a bare "no": when Emplois en
//! régions is not the right service, the person gets a service that may be; when the sources
//! do not settle a case, a counsellor confirms it.
//!
//! Every sentence a person reads here is supported by the interview (EER's director at the
//! Salon de l'immigration et de l'intégration au Québec, 2024) or by PROGRAM.md, quoted beside
//! the rule that says it. The wording of every outcome is kept in a golden file
//! (`tests/golden/eligibility_wording.md`, checked by `tests/eligibility_wording.rs`), so that a
//! change of wording is a visible diff. One term for the person who helps: « personne
//! conseillère » (English "counsellor"), as everywhere in the app.
//!
//! Decision apart from wording: `rules.rs` picks the [`Rule`] from the typed answers in one
//! short table, and says each rule's outcome; `words.rs` holds what each rule says, with the
//! source of every sentence beside it.

mod rules;
mod words;

use crate::answers::Answers;
use crate::links::Link;
use crate::route::Page;
use crate::text::Text;

/// The three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A household in the Montréal area, immigrant (permanent resident or naturalised).
    Eligible,
    /// The sources do not settle the case, or the answers are incomplete: a counsellor
    /// decides.
    ToConfirm,
    /// Another service fits better; see the referral.
    OtherService,
}

/// Where to go instead (or as well). Always names an organisation, or a place to find one.
#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    pub name: Text,
    /// The organisation's site, from the link registry.
    pub link: Option<&'static Link>,
    /// A page of the service where the organisation is found (e.g. the regions' pages).
    pub page: Option<Page>,
    pub why: Text,
}

/// The assessment shown on the results page.
#[derive(Debug, Clone, PartialEq)]
pub struct Eligibility {
    pub outcome: Outcome,
    pub headline: Text,
    pub reasons: Vec<Text>,
    pub next_steps: Vec<Text>,
    pub referral: Option<Referral>,
    /// Some deciding questions are still unanswered: the outcome may change.
    pub provisional: bool,
    /// The rule that decided, for tests and for counsellors reading an export.
    pub rule: Rule,
}

/// Every branch of the rules, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    BornInQuebecYoung,
    BornInQuebecMinor,
    BornInQuebecOlder,
    BornInQuebecAgeUnknown,
    AbroadWithCsq,
    AbroadCsqPending,
    AbroadWithoutCsq,
    AbroadCsqUnknown,
    LivesInRegion,
    LivesElsewhereInCanada,
    BornElsewhereInCanada,
    NaturalisedCitizen,
    PermanentResident,
    TemporaryStatus,
    OtherStatus,
    StatusUnknown,
}

impl Rule {
    pub const ALL: [Rule; 16] = [
        Rule::BornInQuebecYoung,
        Rule::BornInQuebecMinor,
        Rule::BornInQuebecOlder,
        Rule::BornInQuebecAgeUnknown,
        Rule::AbroadWithCsq,
        Rule::AbroadCsqPending,
        Rule::AbroadWithoutCsq,
        Rule::AbroadCsqUnknown,
        Rule::LivesInRegion,
        Rule::LivesElsewhereInCanada,
        Rule::BornElsewhereInCanada,
        Rule::NaturalisedCitizen,
        Rule::PermanentResident,
        Rule::TemporaryStatus,
        Rule::OtherStatus,
        Rule::StatusUnknown,
    ];
}

/// Assesses eligibility from the answers so far. Incomplete answers give a provisional outcome.
pub fn assess(a: &Answers) -> Eligibility {
    let rule = rules::decide(a);
    let words = words::of(rule, a);
    let outcome = rule.outcome();
    let mut reasons = words.reasons;
    // Where they live decides first; unanswered, the Montréal path is assumed (the service's
    // main audience) and the outcome is provisional.
    let live_unknown = rules::live_unknown(a);
    if live_unknown {
        reasons.push(words::LIVE_UNKNOWN.into());
    }
    Eligibility {
        outcome,
        headline: words.headline.unwrap_or_else(|| words::headline(outcome)),
        reasons,
        next_steps: words.next_steps,
        referral: words.referral,
        provisional: rule.waits_for_an_answer() || live_unknown,
        rule,
    }
}
