//! The app's storage module (`eer_web::storage`): each key in its own storage, and the kiosk's
//! wipe keeps exactly the keys it is told to keep, whatever else a page left behind.

use eer_web::storage::{self, Area, Key};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ALL: [Key; 5] = [
    Key::Mode,
    Key::Kiosk,
    Key::Outbox,
    Key::Queued,
    Key::Delivered,
];

#[wasm_bindgen_test]
fn every_key_has_a_name_of_its_own() {
    for (i, a) in ALL.iter().enumerate() {
        assert!(a.name().starts_with("eer."));
        for b in &ALL[i + 1..] {
            assert_ne!(a.name(), b.name());
        }
    }
}

#[wasm_bindgen_test]
fn a_key_is_written_to_its_own_storage_and_removed_from_it() {
    let window = web_sys::window().unwrap();
    let local = window.local_storage().unwrap().unwrap();
    let session = window.session_storage().unwrap().unwrap();
    assert!(storage::set(Key::Outbox, "[]"));
    assert!(storage::set(Key::Queued, "k1"));
    assert_eq!(local.get_item("eer.outbox").unwrap().as_deref(), Some("[]"));
    assert_eq!(
        session.get_item("eer.queued").unwrap().as_deref(),
        Some("k1")
    );
    assert_eq!(local.get_item("eer.queued").unwrap(), None);
    assert_eq!(storage::get(Key::Queued).as_deref(), Some("k1"));
    assert!(storage::remove(Key::Outbox));
    assert!(storage::remove(Key::Queued));
    assert_eq!(storage::get(Key::Outbox), None);
    assert_eq!(storage::get(Key::Queued), None);
}

#[wasm_bindgen_test]
fn clearing_an_area_keeps_only_the_keys_named() {
    let session = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage::set(Key::Mode, "kiosk");
    storage::set(Key::Kiosk, "idle=90");
    storage::set(Key::Delivered, "[]");
    session.set_item("someone.else", "x").unwrap();
    storage::clear_except(Area::Session, &[Key::Mode, Key::Kiosk]);
    assert_eq!(storage::get(Key::Mode).as_deref(), Some("kiosk"));
    assert_eq!(storage::get(Key::Kiosk).as_deref(), Some("idle=90"));
    assert_eq!(storage::get(Key::Delivered), None);
    assert_eq!(session.get_item("someone.else").unwrap(), None);
    storage::clear_except(Area::Session, &[]);
    assert_eq!(session.length().unwrap(), 0);
}
