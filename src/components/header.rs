//! The site header: the service's name (a link home), the main navigation and the language
//! switch, which keeps the current page and answers (same page, other language).

use crate::i18n::{K, text};
use crate::nav::use_nav;
use eer_domain::Page;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang();
    let route = nav.route();

    let other_href = move || {
        let other = lang.get().other();
        match route.get() {
            Some((_, page)) => {
                let query = nav.url.with(|u| u.query.clone());
                let path = page.path(other);
                if query.is_empty() {
                    path
                } else {
                    format!("{path}?{query}")
                }
            }
            None => Page::Home.path(other),
        }
    };
    let link = move |page: Page, key: K| {
        let current = {
            let page = page.clone();
            move || route.get().map(|(_, p)| p) == Some(page.clone())
        };
        let href = move || page.path(lang.get());
        view! {
            <li>
                <a href=href aria-current=move || current().then_some("page")>
                    {move || text(lang.get(), key)}
                </a>
            </li>
        }
    };

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href=move || Page::Home.path(lang.get())>
                    {move || text(lang.get(), K::SiteName)}
                </a>
                <nav aria-label=move || text(lang.get(), K::NavLabel)>
                    <ul class="site-nav">
                        {link(Page::Quiz, K::NavQuiz)}
                        {link(Page::Explorer, K::NavRegions)}
                        {link(Page::Interest, K::NavInterest)}
                    </ul>
                </nav>
                <a
                    class="lang-switch"
                    href=other_href
                    hreflang=move || lang.get().other().code()
                    lang=move || lang.get().other().code()
                    aria-label=move || text(lang.get(), K::NavLangSwitchLabel)
                >
                    {move || lang.get().other().native_name()}
                </a>
            </div>
        </header>
    }
}
