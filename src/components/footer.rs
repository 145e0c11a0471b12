//! The site footer: who offers the service, the privacy page, and the data attributions that
//! the licences of our sources require (their attribution lines; domain/data/README.md and domain/data/map/README.md).

use crate::i18n::{K, text, use_lang};
use eer_domain::Page;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let tx = move |key: K| move || text(lang.get(), key);
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{tx(K::FooterAbout)}</p>
                <p>
                    <a href=move || Page::Privacy.path(lang.get())>{tx(K::NavPrivacy)}</a>
                    " · "
                    {tx(K::FooterPrivacyNote)}
                </p>
                // In a partner's frame the attributions below give way to this one link
                // (embed.css), which opens the sources page in a tab of its own.
                {crate::embed::active().then(|| view! {
                    <p class="site-footer__sources">
                        <a href=move || Page::Sources.path(lang.get())>{tx(K::EmbedSources)}</a>
                    </p>
                })}
                <h2 class="site-footer__heading">{tx(K::FooterDataHeading)}</h2>
                <ul class="attributions">
                    <li>{tx(K::FooterDataMap)}</li>
                    <li>{tx(K::FooterDataMunicipalities)}</li>
                    <li>{tx(K::FooterDataStatcan)}</li>
                    <li>{tx(K::FooterDataIsq)}</li>
                    <li>{tx(K::FooterDataEccc)}</li>
                </ul>
            </div>
        </footer>
    }
}
