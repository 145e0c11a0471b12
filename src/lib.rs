//! The Emplois en régions web app (Leptos, client-side rendered). See docs/architecture.md: pages in
//! `pages/`, shared widgets in `components/`, the rules in the `eer-domain` crate.

pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod kiosk;
pub mod mode;
pub mod nav;
pub mod pages;
pub mod pwa;
pub mod query;
pub mod storage;

/// Mounts a bundle's root component on `<body>`, replacing the no-JavaScript fallback that the
/// HTML shell carries.
pub fn start<V: leptos::IntoView + 'static>(root: fn() -> V) {
    console_error_panic_hook::set_once();
    if let Some(fallback) = leptos::prelude::document().get_element_by_id("nojs") {
        fallback.remove();
    }
    leptos::mount::mount_to_body(root);
}
