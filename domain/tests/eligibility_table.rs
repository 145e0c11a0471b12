//! Every branch of the eligibility rules, one row each (sources in `src/eligibility.rs`).

mod common;

use common::q;
use eer_domain::eligibility::{Outcome, Rule, assess};

/// (answers, outcome, rule, referral expected, provisional)
const TABLE: &[(&str, Outcome, Rule, Option<&str>, bool)] = &[
    // Interview: born in Québec → not eligible; PAJR for 18-35 (PROGRAM.md).
    (
        "live=mtl&status=born_qc&age=18_35",
        Outcome::OtherService,
        Rule::BornInQuebecYoung,
        Some("Place aux jeunes en région"),
        false,
    ),
    (
        "live=mtl&status=born_qc&age=u18",
        Outcome::OtherService,
        Rule::BornInQuebecMinor,
        Some("Place aux jeunes en région"),
        false,
    ),
    (
        "live=region&status=born_qc&age=36plus",
        Outcome::OtherService,
        Rule::BornInQuebecOlder,
        Some("Québec emploi"),
        false,
    ),
    (
        "live=mtl&status=born_qc",
        Outcome::OtherService,
        Rule::BornInQuebecAgeUnknown,
        Some("Place aux jeunes en région"),
        true,
    ),
    // Pre-departure pilot: CSQ holders abroad, a 2023-2024 pilot on referral: to confirm.
    (
        "live=abroad&csq=yes",
        Outcome::ToConfirm,
        Rule::AbroadWithCsq,
        None,
        false,
    ),
    (
        "live=abroad&csq=applied",
        Outcome::OtherService,
        Rule::AbroadCsqPending,
        Some("Immigrer au Québec (gouvernement du Québec)"),
        false,
    ),
    (
        "live=abroad&csq=no",
        Outcome::OtherService,
        Rule::AbroadWithoutCsq,
        Some("Immigrer au Québec (gouvernement du Québec)"),
        false,
    ),
    (
        "live=abroad",
        Outcome::ToConfirm,
        Rule::AbroadCsqUnknown,
        None,
        true,
    ),
    // A status stored before moving abroad is ignored: abroad, only the CSQ counts.
    (
        "live=abroad&csq=yes&status=born_qc",
        Outcome::ToConfirm,
        Rule::AbroadWithCsq,
        None,
        false,
    ),
    // Already in a region: the region's organisation (issue; PROGRAM.md).
    (
        "live=region&status=pr",
        Outcome::ToConfirm,
        Rule::LivesInRegion,
        Some("L'organisme d'accueil de votre région"),
        false,
    ),
    (
        "live=canada&status=pr",
        Outcome::ToConfirm,
        Rule::LivesElsewhereInCanada,
        None,
        false,
    ),
    (
        "live=mtl&status=born_ca&age=18_35",
        Outcome::ToConfirm,
        Rule::BornElsewhereInCanada,
        Some("Place aux jeunes en région"),
        false,
    ),
    (
        "live=mtl&status=born_ca&age=36plus",
        Outcome::ToConfirm,
        Rule::BornElsewhereInCanada,
        None,
        false,
    ),
    // Interview: naturalised Canadians and immigrants, whatever the years in Québec.
    (
        "live=mtl&status=citizen",
        Outcome::Eligible,
        Rule::NaturalisedCitizen,
        None,
        false,
    ),
    (
        "live=mtl&status=pr",
        Outcome::Eligible,
        Rule::PermanentResident,
        None,
        false,
    ),
    // PROGRAM.md: temporary statuses are to confirm.
    (
        "live=mtl&status=work",
        Outcome::ToConfirm,
        Rule::TemporaryStatus,
        None,
        false,
    ),
    (
        "live=mtl&status=study",
        Outcome::ToConfirm,
        Rule::TemporaryStatus,
        None,
        false,
    ),
    (
        "live=mtl&status=asylum",
        Outcome::ToConfirm,
        Rule::TemporaryStatus,
        None,
        false,
    ),
    (
        "live=mtl&status=other",
        Outcome::ToConfirm,
        Rule::OtherStatus,
        None,
        false,
    ),
    (
        "live=mtl",
        Outcome::ToConfirm,
        Rule::StatusUnknown,
        None,
        true,
    ),
    // Incomplete: where they live unknown → the Montréal path, provisional.
    (
        "status=pr",
        Outcome::Eligible,
        Rule::PermanentResident,
        None,
        true,
    ),
    ("", Outcome::ToConfirm, Rule::StatusUnknown, None, true),
];

#[test]
fn every_row_of_the_table() {
    for (query, outcome, rule, referral, provisional) in TABLE {
        let e = assess(&q(query));
        assert_eq!(e.outcome, *outcome, "{query}");
        assert_eq!(e.rule, *rule, "{query}");
        assert_eq!(
            e.referral.as_ref().map(|r| r.name.fr.as_str()),
            *referral,
            "{query}"
        );
        assert_eq!(e.provisional, *provisional, "{query}");
        // Never a bare "no": something to read and something to do or someone to see.
        assert!(!e.headline.fr.is_empty() && !e.headline.en.is_empty());
        assert!(!e.reasons.is_empty(), "{query}");
        // A referral always names an organisation and a link or a page to find one.
        if let Some(r) = &e.referral {
            assert!(r.link.is_some() || r.page.is_some(), "{query}: {r:?}");
            assert!(!r.why.fr.is_empty() && !r.why.en.is_empty(), "{query}");
        }
        if e.outcome == Outcome::OtherService {
            assert!(
                e.referral.is_some(),
                "{query}: another service must be named"
            );
            assert!(!e.next_steps.is_empty(), "{query}");
        }
        for t in e.reasons.iter().chain(&e.next_steps) {
            assert!(!t.fr.is_empty() && !t.en.is_empty(), "{query}");
        }
    }
}

#[test]
fn the_table_covers_every_rule() {
    for rule in Rule::ALL {
        assert!(TABLE.iter().any(|row| row.2 == rule), "no row for {rule:?}");
    }
}

#[test]
fn years_in_quebec_are_never_asked() {
    // Interview: "peu importe le nombre d'années de présence sur le territoire québécois".
    assert!(
        eer_domain::questionnaire::QUESTIONS
            .iter()
            .all(|q| !q.id.contains("year"))
    );
}
