//! Entry point of the quiz bundle (served by `quiz.html`): the quiz and its check page only.

fn main() {
    eer_web::start(eer_web::app::QuizApp);
}
