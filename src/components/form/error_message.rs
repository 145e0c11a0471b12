//! The GOV.UK error message: under a field's label, red and bold, with a visually hidden
//! "Erreur :" / "Error:" so a screen reader says what it is (WCAG 3.3.1). Hidden while the
//! field has no error, so that its id, named by the field's `aria-describedby`, always exists.

use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

#[component]
pub fn ErrorMessage(id: String, error: Signal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="error-message" id=id hidden=move || error.get().is_none()>
            <span class="visually-hidden">{move || text(lang.get(), K::ErrorPrefix)}</span>
            {move || error.get()}
        </p>
    }
}
