//! The app's pages and their addresses in each language. One table serves the app's router,
//! the language switch (same page, other language), the endpoint (which knows an app route from
//! a missing file, to answer 404 for the latter) and the static-site generator.

use crate::lang::Lang;

/// Stands for the site's origin in a page built without knowing it (no `EER_SITE_ORIGIN`):
/// the endpoint that serves the page writes the request's origin in its place, so an address
/// meant to be copied elsewhere (the partners' embed snippet) is absolute wherever the site
/// runs. Such a page is stored uncompressed, since the server edits it per request.
pub const ORIGIN_PLACEHOLDER: &str = "__EER_ORIGIN__";

/// A page of the service. The language is not part of the page: every page exists in both.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Quiz,
    /// "Check your answers" (GOV.UK pattern) before the results.
    QuizCheck,
    Results,
    /// The region explorer: map, list, comparison (the app).
    Explorer,
    /// The index of the 15 regions (a static page).
    Regions,
    /// One region, by its slug (e.g. `bas-saint-laurent`): a static page.
    Region(String),
    Interest,
    /// The confirmation after an interest form was received or queued.
    InterestSent,
    Privacy,
    /// For partner organisations: how to embed the app (a static page).
    Partners,
    /// Sources and attributions of the data (a static page).
    Sources,
}

/// Fixed pages and their path after the language prefix, French then English. Localised
/// segments, as Québec's own bilingual sites do (quebec.ca/fr/… and quebec.ca/en/…).
const FIXED: [(Page, &str, &str); 11] = [
    (Page::Home, "", ""),
    (Page::Quiz, "quiz", "quiz"),
    (Page::QuizCheck, "quiz/verifier", "quiz/check"),
    (Page::Results, "resultats", "results"),
    (Page::Explorer, "explorer", "explorer"),
    (Page::Regions, "regions", "regions"),
    (Page::Interest, "interet", "interest"),
    (Page::InterestSent, "interet/envoye", "interest/sent"),
    (Page::Privacy, "confidentialite", "privacy"),
    (Page::Partners, "partenaires", "partners"),
    (Page::Sources, "sources", "sources"),
];

impl Page {
    /// The absolute path of this page in `lang`, e.g. `/fr/resultats` or `/en/regions/estrie`.
    pub fn path(&self, lang: Lang) -> String {
        let prefix = lang.code();
        if let Page::Region(slug) = self {
            return format!("/{prefix}/regions/{slug}");
        }
        let (_, fr, en) = FIXED
            .iter()
            .find(|(page, _, _)| page == self)
            .expect("every page but Region is in FIXED");
        match lang.pick(*fr, *en) {
            "" => format!("/{prefix}/"),
            rest => format!("/{prefix}/{rest}"),
        }
    }

    /// Whether the page is static HTML generated at build time (readable without JavaScript,
    /// docs/architecture.md "Static site and SPA") rather than a screen of the app. The app follows links
    /// to static pages with a full page load.
    pub fn is_static(&self) -> bool {
        matches!(
            self,
            Page::Home
                | Page::Regions
                | Page::Region(_)
                | Page::Privacy
                | Page::Partners
                | Page::Sources
        )
    }

    /// The HTML shell, and so the wasm bundle, that serves this page when it is not a static
    /// file. Each screen family has a bundle of its own — the quiz and its check page, the
    /// results, the explorer, the interest form and its confirmation — that leaves out the
    /// others' code and text, so that a first visit from a phone abroad loads as little as
    /// possible (issue 16's budgets, e.g. the quiz ≤ 100 KB brotli, a shared results link
    /// ≤ 160 KB). Every other page (static pages shown in place by the kiosk) is served by
    /// the full app, `index.html`.
    pub fn shell(&self) -> &'static str {
        match self {
            Page::Quiz | Page::QuizCheck => "quiz.html",
            Page::Results => "results.html",
            Page::Explorer => "explorer.html",
            Page::Interest | Page::InterestSent => "interest.html",
            _ => "index.html",
        }
    }

    /// Every HTML shell, the full app's first (what `cargo xtask dist` builds and the service
    /// worker stores at install).
    pub const SHELLS: [&'static str; 5] = [
        "index.html",
        "quiz.html",
        "results.html",
        "explorer.html",
        "interest.html",
    ];

    /// Each page that is a screen of the app (not static HTML), by its address without a
    /// trailing slash in each language, with the shell that serves it: the service worker's
    /// table for answering an app page offline (`cargo xtask dist` writes it into `sw.js`).
    pub fn app_routes() -> Vec<(String, &'static str)> {
        let mut routes = Vec::new();
        for lang in Lang::ALL {
            for (page, _, _) in FIXED.iter().filter(|(page, _, _)| !page.is_static()) {
                routes.push((page.path(lang), page.shell()));
            }
        }
        routes
    }

    /// Reads an absolute path (without query or fragment). `/` is the French home. A trailing
    /// slash is accepted. Anything that is not a page is `None`.
    pub fn parse(path: &str) -> Option<(Lang, Page)> {
        let trimmed = path.trim_end_matches('/');
        if trimmed.is_empty() {
            return Some((Lang::Fr, Page::Home));
        }
        let rest = trimmed.strip_prefix('/')?;
        let (code, tail) = rest.split_once('/').unwrap_or((rest, ""));
        let lang = Lang::from_code(code)?;
        if let Some(slug) = tail.strip_prefix("regions/") {
            let valid = !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            return valid.then(|| (lang, Page::Region(slug.to_string())));
        }
        FIXED
            .iter()
            .find(|(_, fr, en)| lang.pick(*fr, *en) == tail)
            .map(|(page, _, _)| (lang, page.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_pages() -> Vec<Page> {
        let mut pages: Vec<Page> = FIXED.iter().map(|(p, _, _)| p.clone()).collect();
        pages.push(Page::Region("bas-saint-laurent".into()));
        pages
    }

    #[test]
    fn every_page_round_trips_in_both_languages() {
        for lang in Lang::ALL {
            for page in all_pages() {
                let path = page.path(lang);
                assert_eq!(Page::parse(&path), Some((lang, page.clone())), "{path}");
                assert_eq!(
                    Page::parse(&format!("{path}/")),
                    Some((lang, page)),
                    "{path}/"
                );
            }
        }
    }

    #[test]
    fn localised_segments_and_defaults() {
        assert_eq!(Page::Results.path(Lang::Fr), "/fr/resultats");
        assert_eq!(Page::Results.path(Lang::En), "/en/results");
        assert_eq!(Page::Home.path(Lang::En), "/en/");
        assert_eq!(Page::parse("/"), Some((Lang::Fr, Page::Home)));
        assert_eq!(Page::parse("/fr"), Some((Lang::Fr, Page::Home)));
    }

    #[test]
    fn each_screen_family_has_its_own_shell() {
        assert_eq!(Page::Quiz.shell(), "quiz.html");
        assert_eq!(Page::QuizCheck.shell(), "quiz.html");
        assert_eq!(Page::Results.shell(), "results.html");
        assert_eq!(Page::Explorer.shell(), "explorer.html");
        assert_eq!(Page::Interest.shell(), "interest.html");
        assert_eq!(Page::InterestSent.shell(), "interest.html");
        assert_eq!(Page::Privacy.shell(), "index.html");
        for (path, shell) in Page::app_routes() {
            assert!(Page::SHELLS.contains(&shell), "{path}: {shell}");
            assert!(!path.ends_with('/'), "{path}");
        }
        assert!(Page::app_routes().contains(&("/en/results".into(), "results.html")));
    }

    #[test]
    fn non_pages_are_rejected() {
        for path in [
            "/de/",
            "/fr/results",
            "/en/resultats",
            "/fr/regions/Estrie",
            "/fr/regions/a/b",
            "/index.html",
            "/eer-web-1234.wasm",
            "fr/quiz",
        ] {
            assert_eq!(Page::parse(path), None, "{path}");
        }
    }
}
