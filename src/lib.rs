//! The Emplois en régions web app (Leptos, client-side rendered). See DESIGN.md: pages in
//! `pages/`, shared widgets in `components/`, the rules in the `eer-domain` crate.

pub mod app;
pub mod components;
pub mod i18n;
pub mod nav;
pub mod pages;

/// Mounts the app on `<body>`, replacing the no-JavaScript fallback that `index.html` carries.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(fallback) = leptos::prelude::document().get_element_by_id("nojs") {
        fallback.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
