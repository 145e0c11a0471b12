//! The GOV.UK error summary: shown at the top of a form when it is submitted with a problem,
//! it takes focus (so screen readers announce it) and links to each field in error; following
//! a link focuses the field itself rather than just scrolling to it.

use crate::i18n::{K, text, use_lang};
use eer_domain::Text;
use leptos::prelude::*;

/// A problem with one field: the id of the input to focus, and what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub target: String,
    pub message: Text,
}

/// The summary of one error (a quiz question has one field).
#[component]
pub fn ErrorSummary(error: RwSignal<Option<FieldError>>) -> impl IntoView {
    let errors = Signal::derive(move || error.get().into_iter().collect::<Vec<_>>());
    view! { <ErrorList errors/> }
}

/// The summary of several errors, in the order of the fields.
#[component]
pub fn ErrorList(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let lang = use_lang();
    let node = NodeRef::<leptos::html::Div>::new();
    // Take focus each time the list of problems changes to a non-empty one.
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty)
            && let Some(el) = node.get()
        {
            let _ = el.focus();
        }
    });
    view! {
        <div
            class="error-summary"
            node_ref=node
            tabindex="-1"
            aria-labelledby="error-summary-title"
            hidden=move || errors.with(Vec::is_empty)
        >
            <h2 class="error-summary__title" id="error-summary-title">{move || text(lang.get(), K::ErrorSummaryTitle)}</h2>
            <ul class="error-summary__list">
                <For each=move || errors.get() key=|e| e.target.clone() let:e>
                    <li>
                        <a
                            href=format!("#{}", e.target)
                            on:click={
                                let target = e.target.clone();
                                move |ev| {
                                    ev.prevent_default();
                                    focus_field(&target);
                                }
                            }
                        >
                            {move || e.message.get(lang.get()).to_string()}
                        </a>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// Focuses a field and brings its label or legend into view.
pub fn focus_field(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(Some(group)) = el.closest("fieldset, .form-group") {
            group.scroll_into_view();
        }
        if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = input.focus();
        }
    }
}
