//! "Check your answers" (GOV.UK pattern): every answer of the flow with a link to change it;
//! a change comes back here. Results are one click away once every question is answered.

use crate::components::page_title::use_page_title;
use crate::components::quiz_url::{quiz_href, use_answers};
use crate::i18n::{K, text, use_lang};
use crate::pages::quiz::continue_href;
use eer_domain::flow::{self, Step};
use eer_domain::questionnaire::{Question, QuestionKind};
use eer_domain::{Answers, Lang};
use leptos::prelude::*;

/// The answer to a question in words, or `None` when unanswered.
pub fn answer_words(question: &Question, answers: &Answers, lang: Lang) -> Option<String> {
    let value = answers.get(question.id)?;
    Some(match &question.kind {
        QuestionKind::Count { .. } => value,
        _ => value
            .split(',')
            .filter_map(|id| question.choice(id))
            .map(|c| c.label(lang))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

#[component]
pub fn Check() -> impl IntoView {
    use_page_title(K::CheckTitle);
    let lang = use_lang();
    let answers = use_answers();
    let tx = move |key: K| move || text(lang.get(), key);
    let rows = move || {
        let lang = lang.get();
        answers.with(|a| {
            flow::flow(a)
                .into_iter()
                .map(|q| {
                    let words = answer_words(q, a, lang);
                    let answered = words.is_some();
                    let change = quiz_href(lang, a, Some(q.id), true);
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{q.label(lang)}</dt>
                            <dd class="summary-list__value" class:summary-list__value--missing=!answered>
                                {words.unwrap_or_else(|| text(lang, K::CheckNotAnswered).to_string())}
                            </dd>
                            <dd class="summary-list__actions">
                                <a href=change>
                                    {text(lang, if answered { K::CheckChange } else { K::CheckAnswer })}
                                    <span class="visually-hidden">{format!(" : {}", q.label(lang))}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let complete = move || answers.with(Answers::is_complete);
    let next = move || answers.with(|a| continue_href(lang.get(), a, Step::Check));
    view! {
        <div class="page page--narrow">
            <a class="back-link" href=move || answers.with(|a| quiz_href(lang.get(), a, None, false))>{tx(K::QuizBack)}</a>
            <h1>{tx(K::CheckTitle)}</h1>
            <dl class="summary-list">{rows}</dl>
            <p hidden=complete>{tx(K::CheckIncomplete)}</p>
            <p class="actions">
                <a class="button" href=next>
                    {move || if complete() { text(lang.get(), K::CheckSeeResults) } else { text(lang.get(), K::QuizContinue) }}
                </a>
            </p>
        </div>
    }
}
