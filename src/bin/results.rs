//! Entry point of the results bundle (served by `results.html`, see `eer_domain::Page::shell`).

fn main() {
    eer_web::start(eer_web::app::ResultsApp);
}
