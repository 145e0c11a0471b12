//! Entry point of the site bundle (served by `index.html`): the static pages in place (kiosk)
//! and "not found"; every other screen family has a bundle of its own (`src/bin/*`).

fn main() {
    eer_web::start(eer_web::app::App);
}
