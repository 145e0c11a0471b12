//! The "second migration" checklist: each topic says what is ready or what to prepare, with a
//! concrete next step; never a grade.

mod common;

use common::{arb_answers, q};
use eer_domain::readiness::{Readiness, assess};
use proptest::prelude::*;

const TOPICS: [&str; 8] = [
    "project", "french", "diploma", "spouse", "children", "licence", "savings", "rent",
];

fn status(query: &str, id: &str) -> Readiness {
    assess(&q(query))
        .into_iter()
        .find(|i| i.id == id)
        .unwrap()
        .status
}

#[test]
fn a_household_with_things_to_prepare() {
    let items = assess(&q(
        "v=1&live=mtl&status=pr&project=job&french=basic&diploma=regulated&spouse=job&spouse_field=health&children=2&licence=other&savings=some&rent=900_1200",
    ));
    let ids: Vec<&str> = items.iter().map(|i| i.id).collect();
    assert_eq!(ids, TOPICS);
    let by = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    assert_eq!(by("project").status, Readiness::Ready);
    assert_eq!(by("french").status, Readiness::ToPrepare);
    assert!(
        by("french")
            .next_step
            .as_ref()
            .unwrap()
            .fr
            .contains("Francisation Québec")
    );
    assert_eq!(by("diploma").status, Readiness::ToPrepare);
    assert!(
        by("diploma")
            .next_step
            .as_ref()
            .unwrap()
            .en
            .contains("order")
    );
    assert_eq!(by("spouse").status, Readiness::Ready);
    assert_eq!(by("children").status, Readiness::ToPrepare);
    assert!(by("children").summary.fr.starts_with("2 enfants"));
    assert!(
        by("children")
            .next_step
            .as_ref()
            .unwrap()
            .fr
            .contains("Portail d'inscription aux services de garde")
    );
    // La Place 0-5 closed on 16 October 2025 (PROGRAM.md); an unborn child cannot be
    // registered on the portal that replaced it.
    assert_eq!(
        by("children").link.map(|l| l.id),
        Some(eer_domain::links::PORTAIL_GARDE.id)
    );
    for item in &items {
        let all = [Some(&item.summary), item.next_step.as_ref()];
        for t in all.into_iter().flatten() {
            assert!(!t.fr.contains("La Place 0-5") && !t.fr.contains("avant sa naissance"));
        }
    }
    assert_eq!(by("licence").status, Readiness::ToPrepare);
    assert!(
        by("licence")
            .next_step
            .as_ref()
            .unwrap()
            .en
            .contains("SAAQ")
    );
    assert_eq!(by("savings").status, Readiness::ToPrepare);
    assert_eq!(by("rent").status, Readiness::ToPrepare);
}

#[test]
fn what_does_not_concern_the_household_says_so() {
    assert_eq!(status("spouse=no", "spouse"), Readiness::NotApplicable);
    assert_eq!(status("children=0", "children"), Readiness::NotApplicable);
    // Born in Canada: no diploma recognition within Québec.
    assert_eq!(
        status("status=born_ca", "diploma"),
        Readiness::NotApplicable
    );
    assert_eq!(status("", "diploma"), Readiness::Unanswered);
    assert_eq!(status("french=fluent", "french"), Readiness::Ready);
    assert_eq!(status("licence=qc", "licence"), Readiness::Ready);
    assert_eq!(status("savings=yes", "savings"), Readiness::Ready);
    assert_eq!(status("diploma=qc", "diploma"), Readiness::Ready);
    assert_eq!(status("project=unsure", "project"), Readiness::ToPrepare);
    assert_eq!(status("spouse=unsure", "spouse"), Readiness::ToPrepare);
    assert_eq!(
        status("spouse=job", "spouse"),
        Readiness::Unanswered,
        "the spouse's field is missing"
    );
}

proptest! {
    #[test]
    fn every_topic_to_prepare_has_a_next_step(a in arb_answers()) {
        let items = assess(&a);
        prop_assert_eq!(items.len(), TOPICS.len());
        for i in items {
            prop_assert!(!i.topic.fr.is_empty() && !i.topic.en.is_empty());
            prop_assert!(!i.summary.fr.is_empty() && !i.summary.en.is_empty());
            if matches!(i.status, Readiness::ToPrepare | Readiness::Unanswered) {
                let step = i.next_step.as_ref();
                prop_assert!(step.is_some_and(|s| !s.fr.is_empty() && !s.en.is_empty()), "{}", i.id);
            }
        }
    }
}

#[test]
fn no_promises_the_sources_do_not_make() {
    // Exploratory trips "may be offered; ask your counsellor" (PROGRAM.md), never promised.
    for savings in ["yes", "some"] {
        let items = assess(&q(&format!("live=mtl&status=pr&savings={savings}")));
        let step = items.iter().find(|i| i.id == "savings").unwrap();
        let fr = &step.next_step.as_ref().unwrap().fr;
        assert!(fr.contains("voyage exploratoire"), "{fr}");
        assert!(
            fr.contains("peut"),
            "{fr}: a trip may be offered, not promised"
        );
        assert!(!fr.contains("participez à un voyage"), "{fr}");
    }
    // Born in Canada: no "Canadian diplomas need no recognition"; a regulated profession needs
    // the Québec order's permit whatever the province of the diploma.
    let items = assess(&q("live=mtl&status=born_ca"));
    let diploma = items.iter().find(|i| i.id == "diploma").unwrap();
    assert!(diploma.summary.fr.contains("ordre professionnel québécois"));
    assert!(!diploma.summary.en.contains("need no recognition"));
    assert_eq!(diploma.link.map(|l| l.id), Some("opq"));
}
