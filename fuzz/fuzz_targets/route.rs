//! The route parser: any path. Never panics, and a page it reads has an address that reads
//! back as the same page in the same language.

#![no_main]

use eer_domain::Page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|path: &str| {
    if let Some((lang, page)) = Page::parse(path) {
        let address = page.path(lang);
        assert_eq!(
            Page::parse(&address),
            Some((lang, page.clone())),
            "{address}"
        );
        let _ = (page.shell(), page.is_static());
    }
});
