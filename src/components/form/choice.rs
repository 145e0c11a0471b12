//! One radio button or check box with its label (and its hint, if it has one): GOV.UK's
//! "Radios" and "Checkboxes" items. The whole label is the target (`style/main.css`, `.choice`).

use super::Hint;
use leptos::prelude::*;

#[component]
pub fn Choice(
    /// `radio` or `checkbox`.
    kind: &'static str,
    id: String,
    name: &'static str,
    /// The value sent with the form; none for a lone check box (a consent).
    #[prop(optional, into)]
    value: Option<String>,
    label: Signal<String>,
    /// The hint's id and its text.
    #[prop(optional_no_strip)]
    hint: Option<(String, Signal<String>)>,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    /// Called with the input's new checked state (always `true` for a radio button).
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    let described = hint.as_ref().map(|(hint_id, _)| hint_id.clone());
    view! {
        <div class="choice">
            <input type=kind id=id.clone() name=name value=value aria-describedby=described
                prop:checked=checked
                on:change=move |ev| on_change(event_target_checked(&ev))/>
            <label for=id>{move || label.get()}</label>
            {hint.map(|(id, text)| view! { <Hint id text choice=true/> })}
        </div>
    }
}
