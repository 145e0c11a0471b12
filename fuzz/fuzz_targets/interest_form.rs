//! The interest form reader and validator: any bytes as the endpoint receives them.
//! Checks, beyond "never panics": a form the lenient reader accepts passes the rules, is stored
//! (normalised) as a form that still passes and reads back the same; a refusal names at least
//! one field; and the endpoint's typed fast path never accepts what the lenient reader refuses.

#![no_main]

use eer_domain::interest::{Interest, validate};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let typed = serde_json::from_slice::<Interest>(data).ok();
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let lenient = Interest::from_json(&value);
    match &lenient {
        Ok(form) => {
            assert!(validate(form).is_ok(), "accepted but invalid: {form:?}");
            let stored = form.normalized();
            assert!(
                validate(&stored).is_ok(),
                "normalised form invalid: {stored:?}"
            );
            let json = serde_json::to_value(&stored).expect("a form serialises");
            let again = Interest::from_json(&json).expect("a stored form reads back");
            assert_eq!(again, stored);
            assert_eq!(
                stored.normalized(),
                stored,
                "normalising twice changes nothing"
            );
        }
        Err(fields) => assert!(!fields.is_empty(), "refused without a reason"),
    }
    if let Some(form) = typed
        && validate(&form).is_ok()
    {
        assert_eq!(lenient.ok(), Some(form), "the two readers disagree");
    }
});
