//! The catalogue reader: any text as `domain/data/regions.json`, and the same bytes as the
//! compact form the app embeds. Never panics; a catalogue it accepts can be checked
//! (`problems`) and queried without panicking either.

#![no_main]

use eer_domain::catalogue::Catalogue;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &str| {
    let _ = Catalogue::from_compact(json.as_bytes());
    if let Ok(catalogue) = Catalogue::from_json(json) {
        let _ = catalogue.problems();
        for region in catalogue.regions() {
            assert_eq!(
                catalogue.by_slug(&region.slug).map(|r| &r.code),
                catalogue
                    .regions()
                    .iter()
                    .find(|r| r.slug == region.slug)
                    .map(|r| &r.code)
            );
        }
    }
});
