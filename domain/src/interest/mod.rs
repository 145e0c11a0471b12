//! The interest form: what a household sends so that a counsellor can call them back, and the
//! rules that decide whether it can be accepted.
//!
//! The same code runs in the browser (instant errors, before anything is sent) and in the
//! endpoint (the authority). The wire format is documented field by field in
//! `endpoint/README.md`; [`Interest::from_json`] reads it leniently so that the endpoint can
//! name *every* bad field in one answer instead of stopping at the first type error.
//!
//! Only what a counsellor needs to call back is asked (Québec's Law 25, private-sector Act
//! s. 4–5: collect only the information necessary for the purpose). Consent to be contacted
//! and consent to share with a regional partner are two separate answers because they are two
//! purposes (s. 14: consent is requested for each specific purpose).
//!
//! Four parts: the form's types (`types.rs`), reading the wire format (`wire.rs`), the rules
//! of acceptance (`validate.rs`, with the text checks in `checks.rs`), and the form prefilled
//! from the quiz answers (`prefill.rs`).

mod checks;
mod prefill;
mod types;
mod validate;
mod wire;

pub use prefill::prefilled;
pub use types::*;
pub use validate::validate;

/// The version of this schema. A body with another `schema` is refused, so that an old outbox
/// entry is never read with the wrong meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The 15 destination regions' codes (the one list: [`crate::destination`]).
pub use crate::destination::CODES as DESTINATION_REGIONS;

/// Bounds, in characters (Unicode scalar values). Generous for real people, small enough that a
/// whole form stays far below the endpoint's 32 KiB body limit.
pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254; // RFC 5321's path limit.
pub const MAX_PHONE: usize = 30;
pub const MAX_COUNTRY: usize = 80;
pub const MAX_OCCUPATION: usize = 120;
pub const MAX_MESSAGE: usize = 2000;
pub const MAX_ANSWERS: usize = 512;
pub const MAX_CONSENT_VERSION: usize = 32;
pub const MAX_PARTNER: usize = 64;
pub const MAX_REGIONS: usize = 5;
pub const MAX_ADULTS: u8 = 12;
pub const MAX_CHILDREN: u8 = 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use serde_json::{Value, json};

    fn good() -> Value {
        json!({
            "schema": 1,
            "lang": "fr",
            "contact": {
                "first_name": "Amina", "last_name": "Diallo", "email": "amina@example.com",
                "phone": "514 555-0123", "preferred": "phone", "language": "fr"
            },
            "situation": {
                "residence": "montreal", "adults": 2, "children": 1, "occupation": "Infirmière"
            },
            "project": { "kind": "job", "regions": ["05", "02"] },
            "answers": "v=1&s=pr&p=job",
            "message": "Disponible le soir.",
            "consent": { "contact": true, "share_with_partner": true, "version": "2026-01" },
            "source": { "channel": "web" },
            "website": ""
        })
    }

    fn fields(v: &Value) -> Vec<String> {
        match Interest::from_json(v) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_good_form_passes_and_round_trips_through_serde() {
        let form = Interest::from_json(&good()).expect("valid");
        assert_eq!(form.contact.preferred, Some(ContactMethod::Phone));
        assert_eq!(form.project.regions, ["05", "02"]);
        assert!(!form.is_spam());
        // What the app serialises is what the endpoint reads back.
        let again = Interest::from_json(&serde_json::to_value(&form).unwrap()).unwrap();
        assert_eq!(again, form);
        let typed: Interest = serde_json::from_value(good()).unwrap();
        assert_eq!(typed, form);
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut v = good();
        v["contact"]["email"] = json!("amina.example.com");
        v["contact"]["first_name"] = json!("  ");
        v["situation"]["adults"] = json!(0);
        v["situation"]["children"] = json!("two");
        v["project"]["regions"] = json!(["06", "05", "05"]);
        v["consent"]["contact"] = json!(false);
        v["source"]["channel"] = json!("fax");
        assert_eq!(
            fields(&v),
            [
                "situation.children",
                "source.channel",
                "contact.first_name",
                "contact.email",
                "situation.adults",
                "project.regions[0]",
                "project.regions[2]",
                "consent.contact",
            ]
        );
    }

    #[test]
    fn messages_are_specific_and_bilingual() {
        let mut v = good();
        v["contact"]["email"] = json!("nope");
        let errors = Interest::from_json(&v).unwrap_err();
        assert_eq!(errors[0].code, "invalid");
        assert_eq!(
            errors[0].message.fr,
            "Entrez une adresse courriel comme nom@exemple.com."
        );
        assert_eq!(
            errors[0].message.en,
            "Enter an email address like name@example.com."
        );
    }

    #[test]
    fn missing_parts_and_types() {
        assert_eq!(fields(&json!([])), [""]);
        let v = json!({"schema": 1, "lang": "de"});
        let f = fields(&v);
        for expected in [
            "lang",
            "contact",
            "situation",
            "project",
            "consent",
            "source",
        ] {
            assert!(f.contains(&expected.to_string()), "{expected} in {f:?}");
        }
        let mut v = good();
        v["schema"] = json!(2);
        assert_eq!(fields(&v), ["schema"]);
        let mut v = good();
        v["consent"]
            .as_object_mut()
            .unwrap()
            .remove("share_with_partner");
        assert_eq!(fields(&v), ["consent.share_with_partner"]);
    }

    #[test]
    fn phone_country_regions_and_bounds() {
        let mut v = good();
        v["contact"]["phone"] = json!(null);
        assert_eq!(
            fields(&v),
            ["contact.phone"],
            "phone required when preferred"
        );
        v["contact"]["preferred"] = json!("email");
        assert!(fields(&v).is_empty());
        v["contact"]["phone"] = json!("call me");
        assert_eq!(fields(&v), ["contact.phone"]);
        v["contact"]["phone"] = json!("+33 1 23 45 67 89");
        assert!(fields(&v).is_empty());

        v["situation"]["residence"] = json!("abroad");
        assert_eq!(fields(&v), ["situation.country"]);
        v["situation"]["country"] = json!("Maroc");
        assert!(fields(&v).is_empty());

        v["project"]["regions"] = json!(["01", "02", "03", "04", "05", "07"]);
        assert_eq!(fields(&v), ["project.regions"]);
        v["project"]["regions"] = json!([]);
        assert_eq!(fields(&v), ["project.regions"]);
        v["project"]["regions"] = json!(["13"]);
        assert_eq!(fields(&v), ["project.regions[0]"]);
        v["project"]["regions"] = json!(["17"]);

        v["message"] = json!("x".repeat(MAX_MESSAGE + 1));
        assert_eq!(fields(&v), ["message"]);
        v["message"] = json!("ligne 1\nligne 2");
        v["answers"] = json!("email=a@b.c");
        assert_eq!(fields(&v), ["answers"]);
        v["answers"] = json!(null);
        v["situation"]["adults"] = json!(1.5);
        assert_eq!(fields(&v), ["situation.adults"]);
        // One number type in JSON: a whole number written with a decimal point is that number.
        v["situation"]["adults"] = json!(2.0);
        v["schema"] = json!(1.0);
        assert!(fields(&v).is_empty());
        v["schema"] = json!(1);
        v["situation"]["adults"] = json!(300);
        assert_eq!(fields(&v), ["situation.adults"]);
    }

    #[test]
    fn normalized_trims_and_drops_what_is_not_needed() {
        let mut v = good();
        v["contact"]["first_name"] = json!("  Amina ");
        v["situation"]["country"] = json!("Maroc");
        v["message"] = json!("   ");
        let form = Interest::from_json(&v).unwrap().normalized();
        assert_eq!(form.contact.first_name, "Amina");
        assert_eq!(form.situation.country, None, "country only when abroad");
        assert_eq!(form.message, None);
        assert!(validate(&form).is_ok());
    }

    /// The names of `domain/tests/fixtures/real_names.json`: (first, last) accepted, and
    /// names refused.
    fn real_names() -> (Vec<(String, String)>, Vec<String>) {
        let v: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/real_names.json")).unwrap();
        let names = v["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["first"].as_str().unwrap().into(),
                    n["last"].as_str().unwrap().into(),
                )
            })
            .collect();
        let refused = v["refused"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().into())
            .collect();
        (names, refused)
    }

    #[test]
    fn names_in_every_script_are_accepted() {
        for (first, last) in real_names().0 {
            let mut v = good();
            v["contact"]["first_name"] = json!(first);
            v["contact"]["last_name"] = json!(last);
            assert!(fields(&v).is_empty(), "{first} {last}: {:?}", fields(&v));
        }
    }

    #[test]
    fn invisible_or_letterless_names_are_refused() {
        for bad in real_names().1 {
            let mut v = good();
            v["contact"]["last_name"] = json!(bad);
            assert_eq!(fields(&v), ["contact.last_name"], "{bad:?}");
        }
        // A message keeps its lines but not a direction override.
        let mut v = good();
        v["message"] = json!("Bonjour\n\u{202E}olleh");
        assert_eq!(fields(&v), ["message"]);
    }

    #[test]
    fn the_honeypot_marks_spam() {
        let mut v = good();
        v["website"] = json!("http://spam.example");
        assert!(Interest::from_json(&v).unwrap().is_spam());
    }

    #[test]
    fn a_blank_form_lists_what_to_fill() {
        let errors = validate(&Interest::blank(Lang::En)).unwrap_err();
        let f: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            f,
            [
                "contact.first_name",
                "contact.last_name",
                "contact.email",
                "contact.preferred",
                "situation.residence",
                "situation.occupation",
                "project.kind",
                "project.regions",
                "consent.contact",
                "consent.version",
            ]
        );
    }
}
