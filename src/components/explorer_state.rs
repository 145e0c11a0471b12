//! The explorer's shared state: what it shows and which regions are chosen, kept in the URL
//! (docs/architecture.md, data flow 1) and read from it by `eer_domain::explorer`, which lists the keys.
//!
//! Every change uses `Nav::replace`, not `push`: choosing regions and figures is browsing within
//! one screen, and a person who picked eight regions expects Back to leave the explorer, not to
//! step through eight selections. Each state is still an address of its own (copy, reload).

use crate::components::quiz_url::use_answers;
use crate::nav::{Nav, use_nav};
use eer_domain::fit::{self, RegionFit};
use eer_domain::scale::Scale;
use eer_domain::{Answers, catalogue};
use leptos::prelude::*;

pub use eer_domain::explorer::{ExplorerState, MAX_COMPARE, Show};

/// The number the map colours `code` by: its fit score, or its figure.
fn value_of(show: Show, code: &str, fit: &[RegionFit]) -> Option<f64> {
    match show {
        Show::Fit => fit
            .iter()
            .find(|x| x.code == code)
            .map(|x| f64::from(x.score)),
        Show::Metric(m) => catalogue()
            .region(code)
            .and_then(|r| r.metric(m))
            .map(|f| f.value),
    }
}

/// The explorer's shared state, provided by the page to its parts.
#[derive(Clone, Copy)]
pub struct Explorer {
    nav: Nav,
    pub state: Memo<ExplorerState>,
    pub answers: Memo<Answers>,
    /// The fit of every destination when there are answers (empty otherwise).
    pub fit: Memo<Vec<RegionFit>>,
    /// The colour classes of what the map shows.
    pub scale: Memo<Scale>,
}

impl Explorer {
    pub fn has_answers(&self) -> bool {
        self.answers.with(|a| *a != Answers::default())
    }

    /// The quiz fit of a region, when there are answers.
    pub fn fit_of(&self, code: &str) -> Option<RegionFit> {
        self.fit
            .with(|f| f.iter().find(|x| x.code == code).cloned())
    }

    /// The number the map colours a region by, for the current choice.
    pub fn value(&self, show: Show, code: &str) -> Option<f64> {
        self.fit.with(|f| value_of(show, code, f))
    }

    fn update(&self, change: impl FnOnce(&mut ExplorerState)) {
        let nav = self.nav;
        let mut next = self.state.get_untracked();
        change(&mut next);
        let href = nav
            .url
            .with_untracked(|u| format!("{}?{}", u.path, next.to_query(&u.query)));
        nav.replace(&href);
    }

    /// Opens a region's facts.
    pub fn select(&self, code: &str) {
        let code = code.to_string();
        self.update(|s| s.region = Some(code));
    }

    /// Opens a region's facts from the list and moves the focus to them (their heading), so a
    /// screen reader reads what opened and a phone scrolls to it, as a link to a section would.
    pub fn select_and_focus(&self, code: &str) {
        self.select(code);
        request_animation_frame(|| {
            if let Some(el) = document().get_element_by_id("panel-title")
                && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        });
    }

    pub fn show(&self, show: Show) {
        self.update(|s| s.show = show);
    }

    /// Adds a region to the comparison or takes it out; a fourth is refused (the list disables
    /// its box and says why).
    pub fn toggle_compare(&self, code: &str) {
        self.update(|s| {
            if let Some(i) = s.compare.iter().position(|c| c == code) {
                s.compare.remove(i);
            } else if s.compare.len() < MAX_COMPARE {
                s.compare.push(code.to_string());
            }
        });
    }

    pub fn is_compared(&self, code: &str) -> bool {
        self.state.with(|s| s.compare.iter().any(|c| c == code))
    }
}

/// Creates the explorer's state from the URL and provides it to the page's parts.
pub fn provide_explorer() -> Explorer {
    let nav = use_nav();
    let answers = use_answers();
    let state = Memo::new(move |_| {
        let has = answers.with(|a| *a != Answers::default());
        nav.url.with(|u| ExplorerState::from_query(&u.query, has))
    });
    let fit = Memo::new(move |_| {
        answers.with(|a| {
            if *a == Answers::default() {
                Vec::new()
            } else {
                fit::rank(a, catalogue())
            }
        })
    });
    let scale = Memo::new(move |_| {
        let show = state.with(|s| s.show);
        let values: Vec<(String, Option<f64>)> = fit.with(|f| {
            catalogue()
                .destinations()
                .map(|r| (r.code.clone(), value_of(show, &r.code, f)))
                .collect()
        });
        match show {
            Show::Fit => Scale::steps_of_20(&values),
            Show::Metric(_) => Scale::quantiles(&values),
        }
    });
    let explorer = Explorer {
        nav,
        state,
        answers,
        fit,
        scale,
    };
    provide_context(explorer);
    explorer
}

pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
