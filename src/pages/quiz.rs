//! The self-assessment, the GOV.UK way: a start page that says how long it takes, then one
//! question per page with a caption ("Question 3 sur 12"), a Back link, "Continuer", and
//! validation on submit with an error summary that takes focus and links to the field.
//! Questions the answers make irrelevant are skipped (`eer_domain::flow`).

use crate::components::error_summary::{ErrorSummary, FieldError};
use crate::components::form::{Choice, ErrorMessage, Hint};
use crate::components::page_title::use_page_title_text;
use crate::components::quiz_url::{FROM, STEP, param, quiz_href, use_answers};
use crate::i18n::{K, text, use_lang};
use crate::nav::use_nav;
use eer_domain::flow::{self, Next, Step};
use eer_domain::questionnaire::{self, Question, QuestionKind};
use eer_domain::{Answers, Page};
use leptos::prelude::*;

#[component]
pub fn Quiz() -> impl IntoView {
    let nav = use_nav();
    let answers = use_answers();
    let step = Memo::new(move |_| nav.url.with(|u| param(&u.query, STEP)));
    let from_check = Memo::new(move |_| {
        nav.url
            .with(|u| param(&u.query, FROM).as_deref() == Some("check"))
    });
    move || {
        match step.get().and_then(|id| questionnaire::question(&id)) {
        Some(question) => view! { <QuestionStep question answers=answers.get_untracked() from_check=from_check.get_untracked()/> }.into_any(),
        None => view! { <Start answers/> }.into_any(),
    }
    }
}

/// The start page: what the quiz is for, how long it takes, what happens to the answers.
#[component]
fn Start(answers: Memo<Answers>) -> impl IntoView {
    let lang = use_lang();
    use_page_title_text(Signal::derive(move || {
        text(lang.get(), K::QuizTitle).to_string()
    }));
    let tx = move |key: K| move || text(lang.get(), key);
    let started = move || answers.with(|a| *a != Answers::default());
    let start_href = move || answers.with(|a| continue_href(lang.get(), a, Step::Start));
    let count = move || {
        let n = answers.with(|a| flow::flow(a).len());
        text(lang.get(), K::QuizStartCount).replace("{n}", &n.to_string())
    };
    view! {
        <div class="page page--narrow">
            <h1>{tx(K::QuizTitle)}</h1>
            <p class="lead">{tx(K::QuizStartLead)}</p>
            <ul>
                <li>{tx(K::QuizStartEligibility)}</li>
                <li>{tx(K::QuizStartReadiness)}</li>
                <li>{tx(K::QuizStartRegions)}</li>
            </ul>
            <p>{count}</p>
            <p class="hint">{tx(K::QuizStartPrivacy)}</p>
            <p class="actions">
                <a class="button button--start" href=start_href>
                    {move || if started() { text(lang.get(), K::QuizResume) } else { text(lang.get(), K::QuizStartButton) }}
                </a>
            </p>
        </div>
    }
}

/// One question on its own page.
#[component]
fn QuestionStep(question: &'static Question, answers: Answers, from_check: bool) -> impl IntoView {
    let nav = use_nav();
    let lang = use_lang();
    let flow = flow::flow(&answers);
    let position = flow.iter().position(|q| q.id == question.id).map(|i| i + 1);
    let total = flow.len();
    let back_href = {
        let answers = answers.clone();
        move || {
            let lang = lang.get();
            if from_check {
                return crate::components::quiz_url::href_with(
                    &Page::QuizCheck,
                    lang,
                    &answers,
                    &[],
                );
            }
            let previous = position.and_then(|p| p.checked_sub(2)).map(|i| flow[i].id);
            quiz_href(lang, &answers, previous, false)
        }
    };
    let initial: Vec<String> = answers
        .get(question.id)
        .map(|v| {
            v.split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let selected = RwSignal::new(initial);
    let error = RwSignal::new(None::<FieldError>);
    let field_id = format!("q-{}", question.id);
    let first_input_id = match &question.kind {
        QuestionKind::Count { .. } => field_id.clone(),
        _ => format!("{field_id}-0"),
    };

    let title = Signal::derive(move || {
        let lang = lang.get();
        let label = question.label(lang);
        match error.get() {
            Some(_) => format!("{}{label}", text(lang, K::ErrorTitlePrefix)),
            None => label.to_string(),
        }
    });
    use_page_title_text(title);

    let submit = {
        let answers = answers.clone();
        let first_input_id = first_input_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let value = selected.get_untracked().join(",");
            let mut next_answers = answers.clone();
            let result = if value.is_empty() {
                Err(match &question.kind {
                    QuestionKind::Single(_) => eer_domain::answers::AnswerError::ChooseOne,
                    QuestionKind::Multi { .. } => {
                        eer_domain::answers::AnswerError::ChooseAtLeastOne
                    }
                    QuestionKind::Count { .. } => eer_domain::answers::AnswerError::NotANumber,
                })
            } else {
                next_answers.set(question.id, &value)
            };
            match result {
                Err(e) => error.set(Some(FieldError {
                    target: first_input_id.clone(),
                    message: e.message(),
                })),
                Ok(()) => {
                    error.set(None);
                    let lang = lang.get_untracked();
                    // Keep the answer in this page's own history entry too, so the browser's
                    // Back button returns to the question with the answer still chosen.
                    nav.replace(&quiz_href(
                        lang,
                        &next_answers,
                        Some(question.id),
                        from_check,
                    ));
                    nav.push(&continue_href(
                        lang,
                        &next_answers,
                        Step::Question {
                            id: question.id,
                            from_check,
                        },
                    ));
                }
            }
        }
    };

    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let caption = move || {
        let lang = lang.get();
        position.map(|p| {
            text(lang, K::QuizProgress)
                .replace("{n}", &p.to_string())
                .replace("{total}", &total.to_string())
        })
    };

    view! {
        <div class="page page--narrow">
            <a class="back-link" href=back_href>{move || text(lang.get(), K::QuizBack)}</a>
            <ErrorSummary error/>
            <form class="question" novalidate on:submit=submit>
                <div class="form-group" class:form-group--error=move || error.get().is_some()>
                    <fieldset aria-describedby=described_by>
                        <legend>
                            <span class="caption">{caption}</span>
                            <h1>{move || question.label(lang.get())}</h1>
                        </legend>
                        <Hint id=hint_id text=Signal::derive(move || question.hint(lang.get()).unwrap_or_default().to_string())/>
                        <ErrorMessage id=error_id error=Signal::derive(move || error.get().map(|e| e.message.get(lang.get()).to_string()))/>
                        <Inputs question field_id selected/>
                    </fieldset>
                </div>
                <button type="submit" class="button">{move || text(lang.get(), K::QuizContinue)}</button>
            </form>
        </div>
    }
}

/// Where "Continuer" leads from `step` (the rule: `eer_domain::flow::next`), as an address.
pub fn continue_href(lang: eer_domain::Lang, answers: &Answers, step: Step) -> String {
    let from_check = matches!(
        step,
        Step::Check
            | Step::Question {
                from_check: true,
                ..
            }
    );
    match flow::next(answers, step) {
        Next::Question(q) => quiz_href(lang, answers, Some(q.id), from_check),
        Next::Check => crate::components::quiz_url::href_with(&Page::QuizCheck, lang, answers, &[]),
        Next::Results => crate::components::quiz_url::href_with(&Page::Results, lang, answers, &[]),
    }
}

/// The inputs of a question: radios, check boxes, or a number.
#[component]
fn Inputs(
    question: &'static Question,
    field_id: String,
    selected: RwSignal<Vec<String>>,
) -> impl IntoView {
    let lang = use_lang();
    match &question.kind {
        QuestionKind::Count { min, max } => {
            let value = move || selected.with(|s| s.first().cloned().unwrap_or_default());
            view! {
                <input
                    class="input input--narrow"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    id=field_id
                    name=question.id
                    aria-label=move || question.label(lang.get())
                    data-min=min.to_string()
                    data-max=max.to_string()
                    prop:value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        selected.set(if v.trim().is_empty() { vec![] } else { vec![v.trim().to_string()] });
                    }
                />
            }
            .into_any()
        }
        kind => {
            let multi = matches!(kind, QuestionKind::Multi { .. });
            let choices = kind.choices();
            view! {
                <div class=if multi { "choices choices--multi" } else { "choices" }>
                    {choices
                        .iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let id = format!("{field_id}-{i}");
                            let hint_id = format!("{id}-hint");
                            let has_hint = choice.hint(eer_domain::Lang::Fr).is_some();
                            let hint = has_hint.then(|| {
                                (hint_id, Signal::derive(move || choice.hint(lang.get()).unwrap_or_default().to_string()))
                            });
                            view! {
                                <Choice
                                    kind=if multi { "checkbox" } else { "radio" }
                                    id
                                    name=question.id
                                    value=choice.id
                                    label=Signal::derive(move || choice.label(lang.get()).to_string())
                                    hint
                                    checked=move || selected.with(|s| s.iter().any(|v| v == choice.id))
                                    on_change=move |on| {
                                        selected.update(|s| {
                                            if !multi {
                                                s.clear();
                                            }
                                            s.retain(|v| v != choice.id);
                                            if on {
                                                s.push(choice.id.to_string());
                                            }
                                        });
                                    }
                                />
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        }
    }
}
