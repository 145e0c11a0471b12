//! Entry point of the full app (served by `index.html`): sets the panic hook and mounts.

fn main() {
    eer_web::start(eer_web::app::App);
}
