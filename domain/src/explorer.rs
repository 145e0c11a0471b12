//! What the explorer shows and which regions are chosen, kept in the URL (docs/architecture.md, data flow
//! 1: a view can be shared, reloaded, or shown to a counsellor):
//!
//! - `show=fit` the quiz's fit (the contract of the results page's link), or `show=<metric>`
//!   with a key of `Metric::key` (`show=rent`);
//! - `r=05` the region whose facts are open;
//! - `cmp=05,07,16` the two or three regions side by side;
//! - the quiz answers, unchanged, so the fit and the interest form keep them.
//!
//! Read and written here, with no web dependency, so that the URL's contract is tested
//! natively; the app's `components::explorer_state` follows the URL and changes it.

use crate::query::param;
use crate::{Metric, catalogue};

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
