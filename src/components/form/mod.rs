//! The GOV.UK form pieces (design-system.service.gov.uk, "Components"), shared by the quiz and
//! the interest form so that a field looks, reads and announces itself the same everywhere:
//! an error message under the label, a hint tied to its input by `aria-describedby`, a radio or
//! check box with its label (`choice`), and the fields of a form bound to a signal (`fields`).

mod choice;
mod error_message;
mod fields;
mod hint;

pub use choice::Choice;
pub use error_message::ErrorMessage;
pub use fields::{NumberField, Radios, TextField};
pub use hint::Hint;

/// The input id of a field path: `contact.email` → `f-contact-email`; list items point to the
/// list (`project.regions[2]` → `f-project-regions`). The endpoint names fields by path, so its
/// errors land on the right input too.
pub fn field_id(path: &str) -> String {
    let base = path.split('[').next().unwrap_or(path);
    format!("f-{}", base.replace(['.', '_'], "-"))
}
