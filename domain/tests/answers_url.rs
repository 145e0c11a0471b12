//! Answers in the URL: round trip, tolerance of anything a link may carry, and no personal data.

mod common;

use common::{arb_answers, q};
use eer_domain::Answers;
use eer_domain::questionnaire::{QUESTIONS, QuestionKind};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn answers_round_trip_through_the_url(a in arb_answers()) {
        let query = a.to_query();
        prop_assert!(query.starts_with("v=1"));
        prop_assert_eq!(&Answers::from_query(&query), &a);
        prop_assert_eq!(&Answers::from_query(&format!("?{query}")), &a);
    }

    #[test]
    fn any_string_reads_without_panic(s in any::<String>()) {
        let a = Answers::from_query(&s);
        // Whatever was read is valid: it writes and reads back the same.
        prop_assert_eq!(Answers::from_query(&a.to_query()), a);
    }

    #[test]
    fn query_shaped_garbage_reads_without_panic(
        pairs in proptest::collection::vec(("[a-z_v%=]{0,8}", "[a-z0-9_,%+=.-]{0,12}"), 0..20)
    ) {
        let s: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = Answers::from_query(&s.join("&"));
    }
}

#[test]
fn only_coarse_choices_and_a_count_can_be_encoded() {
    // Every value in the URL is a fixed choice id or a small number: no free text, so no name,
    // email, phone or address can ever reach a URL.
    for q in QUESTIONS.iter() {
        match &q.kind {
            QuestionKind::Count { max, .. } => assert!(*max < 20, "{}", q.id),
            k => assert!(!k.choices().is_empty(), "{}", q.id),
        }
    }
    let mut a = Answers::default();
    assert!(a.set("live", "ana@example.com").is_err());
    assert!(a.set("children", "5145551234").is_err());
    assert_eq!(a.to_query(), "v=1");
}

#[test]
fn examples_of_tolerance() {
    assert_eq!(
        q("?v=1&live=mtl&live=abroad").choice("live"),
        Some("abroad"),
        "last wins"
    );
    assert_eq!(q("v=1;live=mtl").choice("live"), Some("mtl"));
    assert_eq!(
        q("v=1&field=tech%2Chealth").get("field").as_deref(),
        Some("health,tech")
    );
    assert_eq!(
        q("v=1&field=tech,mars").get("field"),
        None,
        "one bad id refuses the whole value"
    );
    assert_eq!(q("v=1&children=3&children=99").count("children"), Some(3));
    assert_eq!(
        q("v=9&live=mtl"),
        Answers::default(),
        "other versions are not guessed at"
    );
    assert_eq!(
        q("live=mtl").choice("live"),
        Some("mtl"),
        "a link without version reads as v1"
    );
}
