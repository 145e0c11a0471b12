//! Entry point of the explorer bundle (served by `explorer.html`, see `eer_domain::Page::shell`).

fn main() {
    eer_web::start(eer_web::app::ExplorerApp);
}
