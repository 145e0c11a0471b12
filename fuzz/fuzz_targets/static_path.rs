//! The static-path resolver of the endpoint: any request path. Never panics, and a path it
//! lets through stays inside the site directory and names no hidden file.

#![no_main]

use std::path::{Component, Path};

use eer_endpoint::site::safe_relative;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|path: &str| {
    let Some(relative) = safe_relative(path) else {
        return;
    };
    for component in relative.components() {
        let Component::Normal(segment) = component else {
            panic!("{path:?} gave {relative:?}");
        };
        let segment = segment.to_str().expect("decoded paths are UTF-8");
        assert!(!segment.starts_with('.'), "{path:?} gave {relative:?}");
        assert!(
            !segment.contains(['\\', '\0', ':', '/']),
            "{path:?} gave {relative:?}"
        );
    }
    let root = Path::new("/srv/site");
    assert!(
        root.join(&relative).starts_with(root),
        "{path:?} gave {relative:?}"
    );
});
