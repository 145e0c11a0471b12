//! A small router over the domain's page table (`eer_domain::Page`): the URL is the state.
//! Same-origin links to app pages are followed with `history.pushState`; back and forward
//! replay `popstate`. The page table is shared with the endpoint and the static site, so a
//! route exists in one place; and it keeps the app smaller than a general-purpose router.

use crate::query;
use eer_domain::{Lang, Page};
use leptos::{ev, prelude::*};
use wasm_bindgen::JsCast;

/// Where the app is: the path and the query string (without `?`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Url {
    pub path: String,
    pub query: String,
}

/// The query key of the step shown within one page (a quiz question): a new step is a new
/// screen, as a new page is (`crate::components::quiz_url` builds these addresses).
pub const STEP: &str = "q";

impl Url {
    /// What makes a screen: the page and, within it, the step. Moving to another screen scrolls
    /// to the top and moves focus to its heading; a change of other keys (an answer kept in the
    /// address, a region chosen on the map) is the same screen and leaves both alone.
    pub fn screen(&self) -> (&str, Option<&str>) {
        (self.path.as_str(), query::value(&self.query, STEP))
    }

    /// The address as it goes in an `href`.
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// The app's navigation state, shared by context.
#[derive(Clone, Copy)]
pub struct Nav {
    pub url: RwSignal<Url>,
    /// The HTML shell of this bundle (`Page::shell`): only its pages are followed in place.
    pub shell: &'static str,
    /// Counts navigations inside the app, so a new page can take focus (not on first load).
    pub moves: RwSignal<u32>,
}

impl Nav {
    /// The page and language of the current address; `None` for an unknown address.
    pub fn route(&self) -> Memo<Option<(Lang, Page)>> {
        let url = self.url;
        Memo::new(move |_| Page::parse(&url.with(|u| u.path.clone())))
    }

    /// The language of the current address: its prefix, French when it has none.
    pub fn lang(&self) -> Signal<Lang> {
        let url = self.url;
        Signal::derive(move || {
            url.with(|u| {
                let code = u
                    .path
                    .trim_start_matches('/')
                    .split('/')
                    .next()
                    .unwrap_or("");
                Lang::from_code(code).unwrap_or_default()
            })
        })
    }

    /// Goes to `href` (a path with an optional query), adding a history entry.
    pub fn push(&self, href: &str) {
        self.go(href, false);
    }

    /// Changes the address without a new history entry (e.g. to store answers as they change).
    pub fn replace(&self, href: &str) {
        self.go(href, true);
    }

    fn go(&self, href: &str, replace: bool) {
        let href = with_sticky(href, &self.url.with_untracked(|u| u.query.clone()));
        let href = href.as_str();
        let history = window().history().expect("history");
        // A new entry inherits the current entry's state: the kiosk stamps each entry with
        // its visit (`crate::kiosk`), and an entry written without the stamp would count as
        // the current visit after a reset and show the previous visitor's answers on Back.
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let result = if replace {
            history.replace_state_with_url(&state, "", Some(href))
        } else {
            history.push_state_with_url(&state, "", Some(href))
        };
        if result.is_ok() {
            let new = current_url();
            let new_screen = self.url.with_untracked(|u| u.screen() != new.screen());
            self.url.set(new);
            if !replace && new_screen {
                window().scroll_to_with_x_and_y(0.0, 0.0);
                self.moves.update(|n| *n += 1);
            }
        }
    }
}

/// Query keys that follow every navigation inside the app once present: the embed's mode,
/// partner id and accent (`crate::embed`). An iframe's address is all it knows of the partner,
/// so a page reached from the first one, in place or by a full load of the other bundle, must
/// carry them too, or the submission would lose the partner and the frame its theme.
pub const STICKY: [&str; 3] = ["embed", "partner", "accent"];

/// `href` with the sticky keys of `current` (a query without `?`) that it lacks appended, in
/// `STICKY` order; a key `href` already has keeps its own value, and a fragment stays last.
pub fn with_sticky(href: &str, current: &str) -> String {
    let (rest, fragment) = match href.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (href, None),
    };
    let own = rest.split_once('?').map_or("", |(_, q)| q);
    let mut out = rest.to_string();
    for key in STICKY {
        if query::has(own, key) {
            continue;
        }
        if let Some(pair) = query::pair(current, key) {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str(pair);
        }
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

fn current_url() -> Url {
    Url {
        path: window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "/".into()),
        query: query::current(),
    }
}

/// Creates the navigation state, listens to back/forward and to clicks on app links.
pub fn provide_nav(shell: &'static str) -> Nav {
    let nav = Nav {
        url: RwSignal::new(current_url()),
        shell,
        moves: RwSignal::new(0),
    };
    provide_context(nav);
    let _ = window_event_listener(ev::popstate, move |_| {
        nav.url.set(current_url());
        nav.moves.update(|n| *n += 1);
    });
    let _ = window_event_listener(ev::click, move |event| follow_app_link(nav, event));
    nav
}

/// Follows a plain left click on a same-origin link to an app page without reloading. Any
/// other click (new tab, download, another site, an anchor on the same page) is left alone.
fn follow_app_link(nav: Nav, event: web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = clicked_anchor(&event) else {
        return;
    };
    let same_origin = anchor.origin() == window().location().origin().unwrap_or_default();
    let plain = anchor.target().is_empty() && !anchor.has_attribute("download");
    let path = anchor.pathname();
    let same_page_anchor =
        !anchor.hash().is_empty() && path == window().location().pathname().unwrap_or_default();
    let page = Page::parse(&path).filter(|(_, page)| !page.is_static());
    let app_page = same_origin && page.is_some();
    if crate::embed::active() && !app_page && !same_page_anchor {
        // In a partner's frame, a page that is not the app (a static page, another site)
        // would replace the app inside the partner's page: open it in a tab of its own.
        anchor.set_target("_blank");
        anchor.set_rel("noopener");
        return;
    }
    if !(plain && app_page) || same_page_anchor {
        return;
    }
    // Static pages are HTML of their own (readable without JavaScript), and pages of the
    // other bundle need its code: load them as such, but with the sticky keys.
    let query = nav.url.with_untracked(|u| u.query.clone());
    if page.is_some_and(|(_, page)| page.shell() == nav.shell) {
        event.prevent_default();
        nav.push(&format!("{path}{}", anchor.search()));
    } else {
        // The browser follows the link once this handler returns, to the address it has then.
        anchor.set_href(&with_sticky(&anchor.href(), &query));
    }
}

/// The link a click landed on (the click may land on an element inside the link).
pub fn clicked_anchor(event: &web_sys::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
}

/// The navigation state provided by `App`.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
