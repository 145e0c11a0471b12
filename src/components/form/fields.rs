//! The fields of a form kept in one signal (`RwSignal<F>`, the interest form's `Interest`):
//! each is named by its path in the form (`contact.email`), which gives its id (`field_id`) and
//! its `name`, and reads and writes its part through two plain functions.

use super::{Choice, ErrorMessage, Hint, field_id};
use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

/// A labelled text input (GOV.UK "Text input").
#[component]
pub fn TextField<F: Send + Sync + 'static>(
    path: &'static str,
    label: K,
    #[prop(optional)] hint: Option<K>,
    #[prop(default = "text")] kind: &'static str,
    autocomplete: &'static str,
    form: RwSignal<F>,
    error: Signal<Option<String>>,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || text(lang.get(), label)}</label>
            {hint.map(|h| view! { <Hint id=hint_id.clone() text=Signal::derive(move || text(lang.get(), h).to_string())/> })}
            <ErrorMessage id=error_id error/>
            <input class="input" type=kind id=id name=path autocomplete=autocomplete spellcheck="false"
                aria-describedby=described aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)); }/>
        </div>
    }
}

/// A small whole number (adults, children).
#[component]
pub fn NumberField<F: Send + Sync + 'static>(
    path: &'static str,
    label: K,
    form: RwSignal<F>,
    error: Signal<Option<String>>,
    get: fn(&F) -> u8,
    set: fn(&mut F, u8),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let error_id = format!("{id}-error");
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for=id.clone()>{move || text(lang.get(), label)}</label>
            <ErrorMessage id=error_id.clone() error/>
            <input class="input input--narrow" type="text" inputmode="numeric" id=id name=path autocomplete="off"
                aria-describedby=move || error.get().is_some().then(|| error_id.clone())
                prop:value=move || form.with(|f| get(f).to_string())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    // Out-of-range or non-numbers become 255, which validation names precisely.
                    let n = v.trim().parse::<u8>().unwrap_or(u8::MAX);
                    form.update(|f| set(f, n));
                }/>
        </div>
    }
}

/// A group of radio buttons (GOV.UK "Radios", inline), each option a value and its label.
#[component]
pub fn Radios<F: Send + Sync + 'static>(
    path: &'static str,
    label: K,
    form: RwSignal<F>,
    error: Signal<Option<String>>,
    options: Vec<(&'static str, K)>,
    get: fn(&F) -> Option<&'static str>,
    set: fn(&mut F, &str),
) -> impl IntoView {
    let lang = use_lang();
    let id = field_id(path);
    let error_id = format!("{id}-error");
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <fieldset aria-describedby=move || error.get().is_some().then(|| error_id.clone())>
                <legend class="label">{move || text(lang.get(), label)}</legend>
                <ErrorMessage id=format!("{id}-error") error/>
                <div class="choices choices--inline">
                    {options.into_iter().enumerate().map(|(i, (value, key))| {
                        // The first input takes the field's id: the error summary links to it.
                        let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        view! {
                            <Choice kind="radio" id=input_id name=path value=value
                                label=Signal::derive(move || text(lang.get(), key).to_string())
                                checked=move || form.with(get) == Some(value)
                                on_change=move |_| form.update(|f| set(f, value))/>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
