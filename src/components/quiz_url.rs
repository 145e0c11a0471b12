//! The quiz's state lives in the URL (docs/architecture.md, data flow 1): the answers in their compact
//! form (`eer_domain::Answers::to_query`), plus two keys of the interface's own — `q`, the
//! question on screen, and `from=check`, set while changing an answer from the check page.

use crate::nav::use_nav;
use eer_domain::{Answers, Lang, Page};
use leptos::prelude::*;

/// The interface's own query keys; no question uses them.
pub use crate::nav::STEP;
pub const FROM: &str = "from";

// The app's one query reader (`crate::query`), named here for the pages that build on it.
pub use crate::query::param;

/// The answers in the current URL.
pub fn use_answers() -> Memo<Answers> {
    let nav = use_nav();
    Memo::new(move |_| nav.url.with(|u| Answers::from_query(&u.query)))
}

/// The address of `page` carrying `answers`, with extra interface keys.
pub fn href_with(page: &Page, lang: Lang, answers: &Answers, extra: &[(&str, &str)]) -> String {
    let mut query = answers.to_query();
    for (k, v) in extra {
        query.push_str(&format!("&{k}={v}"));
    }
    format!("{}?{query}", page.path(lang))
}

/// The address of a quiz question (or the quiz's start page when `step` is `None`).
pub fn quiz_href(lang: Lang, answers: &Answers, step: Option<&str>, from_check: bool) -> String {
    let mut extra = Vec::new();
    if let Some(id) = step {
        extra.push((STEP, id));
    }
    if from_check {
        extra.push((FROM, "check"));
    }
    href_with(&Page::Quiz, lang, answers, &extra)
}
