//! Browser tests of the embed's pure parts (`cargo test -p eer-web --target
//! wasm32-unknown-unknown --test embed`): the keys that follow navigation inside a partner's
//! frame, and the accent colour check. The frame itself is tested end to end
//! (tests/e2e/embed.test.mjs).
#![cfg(target_arch = "wasm32")]

use eer_web::embed::{accent_colours, contrast_with_white};
use eer_web::nav::with_sticky;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EMBED: &str = "v=1&live=mtl&embed=1&partner=cdc-estrie&accent=006633";

#[wasm_bindgen_test]
fn sticky_keys_follow_to_a_page_without_a_query() {
    assert_eq!(
        with_sticky("/en/interest", EMBED),
        "/en/interest?embed=1&partner=cdc-estrie&accent=006633"
    );
}

#[wasm_bindgen_test]
fn sticky_keys_are_appended_after_the_page_own_query_and_before_a_fragment() {
    assert_eq!(
        with_sticky("/fr/resultats?v=1&live=abroad#top", EMBED),
        "/fr/resultats?v=1&live=abroad&embed=1&partner=cdc-estrie&accent=006633#top"
    );
    assert_eq!(
        with_sticky(
            "http://127.0.0.1:8080/fr/explorer?r=05",
            "embed=1&partner=p"
        ),
        "http://127.0.0.1:8080/fr/explorer?r=05&embed=1&partner=p"
    );
}

#[wasm_bindgen_test]
fn only_keys_present_now_follow_and_a_link_keeps_its_own_value() {
    assert_eq!(
        with_sticky("/fr/quiz?q=live", "v=1&q=field"),
        "/fr/quiz?q=live"
    );
    assert_eq!(
        with_sticky("/fr/quiz?partner=other", "embed=1&partner=p"),
        "/fr/quiz?partner=other&embed=1"
    );
    // A key is matched whole: `embedded` is not `embed`.
    assert_eq!(with_sticky("/fr/quiz", "embedded=1"), "/fr/quiz");
}

#[wasm_bindgen_test]
fn a_dark_accent_is_used_with_a_darker_shade() {
    assert_eq!(
        accent_colours("006633"),
        Some(("#006633".into(), "#004724".into()))
    );
    assert_eq!(
        accent_colours("%23095797").map(|c| c.0),
        Some("#095797".into())
    );
    assert_eq!(
        accent_colours("#5A2D82").map(|c| c.0),
        Some("#5a2d82".into())
    );
}

#[wasm_bindgen_test]
fn a_light_or_malformed_accent_keeps_the_default() {
    // Yellow and light grey: white text on them is unreadable.
    assert_eq!(accent_colours("ffd700"), None);
    assert_eq!(accent_colours("999999"), None);
    for bad in ["", "0953", "09579g", "rgb(0,0,0)", "#0957970"] {
        assert_eq!(accent_colours(bad), None, "{bad}");
    }
    // #767676 is the lightest grey that passes 4.5:1; #777777 fails.
    assert!(contrast_with_white([0x76, 0x76, 0x76]) >= 4.5);
    assert!(contrast_with_white([0x77, 0x77, 0x77]) < 4.5);
}
