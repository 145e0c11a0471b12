//! The GOV.UK hint: a short help under a label or beside a choice, tied to its input by id
//! (`aria-describedby`), so a screen reader reads it with the field.

use leptos::prelude::*;

#[component]
pub fn Hint(
    id: String,
    text: Signal<String>,
    /// Beside one choice (`.choice__hint`, in the choice's text column) rather than under a
    /// question or a label.
    #[prop(optional)]
    choice: bool,
) -> impl IntoView {
    let class = if choice { "choice__hint hint" } else { "hint" };
    view! { <p class=class id=id>{move || text.get()}</p> }
}
