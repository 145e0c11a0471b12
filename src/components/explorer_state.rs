//! What the explorer shows and which regions are chosen, kept in the URL (DESIGN.md, data flow
//! 1: a view can be shared, reloaded, or shown to a counsellor):
//!
//! - `show=fit` the quiz's fit (the contract of the results page's link), or `show=<metric>`
//!   with a key of `Metric::key` (`show=rent`);
//! - `r=05` the region whose facts are open;
//! - `cmp=05,07,16` the two or three regions side by side;
//! - the quiz answers, unchanged, so the fit and the interest form keep them.
//!
//! Every change uses `Nav::replace`, not `push`: choosing regions and figures is browsing within
//! one screen, and a person who picked eight regions expects Back to leave the explorer, not to
//! step through eight selections. Each state is still an address of its own (copy, reload).

use crate::components::legend::Scale;
use crate::components::quiz_url::{param, use_answers};
use crate::nav::{Nav, use_nav};
use eer_domain::fit::{self, RegionFit};
use eer_domain::{Answers, Metric, catalogue};
use leptos::prelude::*;

/// At most three regions side by side: more columns no longer fit a phone or a tablet.
pub const MAX_COMPARE: usize = 3;

/// What the map and the list show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Fit,
    Metric(Metric),
}

/// Without `show=`: the job vacancy rate, because a job is the project of most households the
/// program serves (the interview: "l'emploi soit le vecteur principal") and every region has it.
/// With quiz answers, the fit, which speaks to that household.
const DEFAULT_METRIC: Metric = Metric::JobVacancyRate;

impl Show {
    pub fn key(self) -> &'static str {
        match self {
            Show::Fit => "fit",
            Show::Metric(m) => m.key(),
        }
    }
}

/// The explorer's state as read from the URL.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplorerState {
    pub show: Show,
    pub region: Option<String>,
    pub compare: Vec<String>,
}

/// Whether `code` is one of the 15 destination regions (Montréal and Laval are the starting
/// point, never chosen).
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

fn is_destination(code: &str) -> bool {
    catalogue().region(code).is_some_and(|r| r.destination)
}

impl ExplorerState {
    /// Reads the query; unknown or invalid values are ignored (a hand-edited link still opens).
    pub fn from_query(query: &str, has_answers: bool) -> ExplorerState {
        let metric = param(query, "show").and_then(|k| Metric::from_key(&k));
        let show = match metric {
            Some(m) => Show::Metric(m),
            // `show=fit`, or nothing: the fit when there is one to show.
            None if has_answers => Show::Fit,
            None => Show::Metric(DEFAULT_METRIC),
        };
        let region = param(query, "r").filter(|c| is_destination(c));
        let mut compare: Vec<String> = Vec::new();
        // `%2C` is how some apps rewrite a comma when a link is shared.
        let cmp = param(query, "cmp").unwrap_or_default().replace("%2C", ",");
        for code in cmp.split(',') {
            if is_destination(code) && !compare.iter().any(|c| c == code) {
                compare.push(code.to_string());
            }
        }
        compare.truncate(MAX_COMPARE);
        ExplorerState {
            show,
            region,
            compare,
        }
    }

    /// The query of this state: every other key of `current` kept as it is (the quiz
    /// answers, and the keys of other features such as kiosk or embed mode), then ours.
    pub fn to_query(&self, current: &str) -> String {
        let mut q: String = current
            .split('&')
            .filter(|pair| {
                let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
                !pair.is_empty() && !matches!(key, "show" | "r" | "cmp")
            })
            .collect::<Vec<_>>()
            .join("&");
        let mut add = |k: &str, v: &str| {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        };
        add("show", self.show.key());
        if let Some(r) = &self.region {
            add("r", r);
        }
        if !self.compare.is_empty() {
            add("cmp", &self.compare.join(","));
        }
        q
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_url_keys() {
        let s = ExplorerState::from_query("v=1&live=mtl&show=rent&r=05&cmp=05,07,06,16,01", true);
        assert_eq!(s.show, Show::Metric(Metric::Rent));
        assert_eq!(s.region.as_deref(), Some("05"));
        // Montréal (06) is not a destination; a fourth region is dropped.
        assert_eq!(s.compare, ["05", "07", "16"]);
        assert_eq!(
            s.to_query("v=1&live=mtl&show=fit&r=07&mode=kiosk"),
            "v=1&live=mtl&mode=kiosk&show=rent&r=05&cmp=05,07,16"
        );
        let shared = ExplorerState::from_query("cmp=05%2C07", false);
        assert_eq!(shared.compare, ["05", "07"]);
    }

    #[test]
    fn what_is_shown_without_a_choice() {
        let none = ExplorerState::from_query("", false);
        assert_eq!(none.show, Show::Metric(DEFAULT_METRIC));
        assert_eq!(none.to_query(""), "show=job_vacancy_rate");
        // The fit needs answers; an unknown key falls back the same way.
        assert_eq!(
            ExplorerState::from_query("show=fit", false).show,
            Show::Metric(DEFAULT_METRIC)
        );
        assert_eq!(ExplorerState::from_query("show=nope", true).show, Show::Fit);
        assert_eq!(ExplorerState::from_query("r=06", false).region, None);
    }
}
