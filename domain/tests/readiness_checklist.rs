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
            .contains("La Place 0-5")
    );
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
