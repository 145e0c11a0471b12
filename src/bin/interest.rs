//! Entry point of the interest bundle (served by `interest.html`, see `eer_domain::Page::shell`).

fn main() {
    eer_web::start(eer_web::app::InterestApp);
}
