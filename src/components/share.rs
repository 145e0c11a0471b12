//! Save and share without an account: copy the link, scan its QR code, or print a one-page
//! summary. The link carries only the quiz answers (no name, no contact): docs/architecture.md, data flow.

use crate::components::qr::Qr;
use crate::i18n::{K, text, use_lang};
use leptos::prelude::*;

/// The share panel for the current page's full address.
#[component]
pub fn Share() -> impl IntoView {
    let lang = use_lang();
    let nav = crate::nav::use_nav();
    let link = Signal::derive(move || {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", nav.url.get().href())
    });
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let url = link.get_untracked();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    let print = move |_| {
        let _ = window().print();
    };
    let tx = move |key: K| move || text(lang.get(), key);
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{tx(K::ShareTitle)}</h2>
            <p>{tx(K::ShareLead)}</p>
            <div class="share__body">
                <div>
                    <label class="label" for="share-link">{tx(K::ShareLinkLabel)}</label>
                    <input class="input" id="share-link" type="text" readonly prop:value=move || link.get()/>
                    <p class="actions">
                        <button type="button" class="button button--secondary" on:click=copy>{tx(K::ShareCopy)}</button>
                        <button type="button" class="button button--secondary" on:click=print>{tx(K::SharePrint)}</button>
                    </p>
                    <p class="status" role="status">
                        {move || match copied.get() {
                            Some(true) => text(lang.get(), K::ShareCopied),
                            Some(false) => text(lang.get(), K::ShareCopyFailed),
                            None => "",
                        }}
                    </p>
                </div>
                <figure class="share__qr">
                    <Qr data=link label=Signal::derive(move || text(lang.get(), K::ShareQrLabel).to_string())/>
                    <figcaption>{tx(K::ShareQrCaption)}</figcaption>
                </figure>
            </div>
        </section>
    }
}
