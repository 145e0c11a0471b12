//! The quiz answers on the interest form: sent only when the person ticks their own, unticked
//! box (Québec's Law 25, s. 14: consent given for each specific purpose), with a preview of
//! exactly what goes — each answer in words, from the questionnaire's own labels — and a way to
//! leave any of them out. Without the box, the form sends only its own fields.

use crate::i18n::{K, text, use_lang};
use eer_domain::Answers;
use leptos::prelude::*;

/// The answers that go with the form: none without the box; otherwise the answers of the
/// quiz's flow less those left out, or none if nothing is left.
pub fn to_send(answers: &Answers, share: bool, left_out: &[&'static str]) -> Option<String> {
    if !share {
        return None;
    }
    let mut kept = answers.pruned();
    for id in left_out {
        kept.clear(id);
    }
    (kept != Answers::default()).then(|| kept.to_query())
}

/// The box and the preview; nothing at all when the quiz gave no answers.
#[component]
pub fn AnswersConsent(
    answers: Answers,
    share: RwSignal<bool>,
    left_out: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let tx = move |key: K| move || text(lang.get(), key);
    let shown = answers.pruned() != Answers::default();
    shown.then(|| {
        let rows = move || {
            answers.in_words(lang.get()).into_iter().map(|(q, words)| {
                let id = q.id;
                let input_id = format!("f-answer-{id}");
                view! {
                    <li class="choice">
                        <input type="checkbox" id=input_id.clone() name="answer" value=id
                            prop:checked=move || left_out.with(|l| !l.contains(&id))
                            on:change=move |ev| {
                                let keep = event_target_checked(&ev);
                                left_out.update(|l| {
                                    l.retain(|x| *x != id);
                                    if !keep { l.push(id); }
                                });
                            }/>
                        <label for=input_id>{q.label(lang.get())} " " <strong>{words}</strong></label>
                    </li>
                }
            }).collect_view()
        };
        view! {
            <fieldset class="group consents answers-consent">
                <legend class="group__title">{tx(K::InterestAnswersTitle)}</legend>
                <div class="form-group">
                    <div class="choice">
                        <input type="checkbox" id="f-consent-answers" name="consent_answers"
                            aria-describedby="f-consent-answers-hint"
                            prop:checked=move || share.get()
                            on:change=move |ev| share.set(event_target_checked(&ev))/>
                        <label for="f-consent-answers">{tx(K::InterestConsentAnswers)}</label>
                        <p class="choice__hint hint" id="f-consent-answers-hint">{tx(K::InterestConsentAnswersHint)}</p>
                    </div>
                </div>
                <div class="answers-preview" id="answers-preview">
                    <p id="answers-preview-lead">{move || if share.get() { text(lang.get(), K::InterestAnswersPreviewOn) } else { text(lang.get(), K::InterestAnswersPreviewOff) }}</p>
                    <ul class="answers-preview__list" aria-labelledby="answers-preview-lead">{rows}</ul>
                </div>
            </fieldset>
        }
    })
}
