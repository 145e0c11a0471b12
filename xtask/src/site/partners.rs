//! The page for partner organisations: how to embed the app on their website with the
//! one-line loader (`/embed.js`, its own issue), each option, and the region codes (from the
//! catalogue, so the table cannot drift from the data).

use super::Site;
use super::html::{Doc, esc, organisations, p, ul};
use eer_domain::{Lang, Page, catalogue};

/// The snippet, with the loader's address root-relative; `render` makes it absolute — the
/// site's origin when the build knows it (`EER_SITE_ORIGIN`), else the origin the page is
/// served from (`eer_domain::route::ORIGIN_PLACEHOLDER`) — since the loader finds the app at
/// the origin of its own `src`, and a partner pastes it on a site of another origin.
pub const SNIPPET: &str = "<script src=\"/embed.js\" data-eer-show=\"quiz\" data-eer-region=\"05\" \
data-eer-lang=\"fr\" data-eer-partner=\"your-id\" data-eer-accent=\"#095797\" async></script>";

pub fn render(site: &Site, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, &format!("static_partners.{key}"));
    let mut m = String::with_capacity(8000);
    m += &format!("<h1>{}</h1>", esc(t("title")));
    m += &format!("<p class=\"lead\">{}</p>", esc(t("lead")));
    m += &organisations(t("organisations"), lang);
    m += &format!("<h2>{}</h2>", esc(t("how_heading")));
    m += &p(t("how_1"));
    m += &p(t("how_2"));
    // The loader finds the app at its own script's origin: absolute when the origin is known.
    let snippet = SNIPPET
        .replace(
            "data-eer-lang=\"fr\"",
            &format!("data-eer-lang=\"{}\"", lang.code()),
        )
        .replace(
            "src=\"/embed.js\"",
            &format!("src=\"{}\"", site.absolute_url("/embed.js")),
        );
    m += &format!(
        "<pre class=\"code\" aria-label=\"{}\"><code>{}</code></pre>",
        esc(t("snippet_label")),
        esc(&snippet)
    );

    m += &format!("<h2>{}</h2>", esc(t("options_heading")));
    m += &format!(
        "<div class=\"table-wrap\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(t("options_caption")),
        esc(t("col_option")),
        esc(t("col_values")),
        esc(t("col_effect")),
    );
    for (attribute, values, key) in [
        ("data-eer-show", "quiz | explorer | region", "show"),
        ("data-eer-region", "01 … 17", "region"),
        ("data-eer-lang", "fr | en", "lang"),
        ("data-eer-partner", "your-id", "partner"),
        ("data-eer-accent", "#095797", "accent"),
    ] {
        m += &format!(
            "<tr><th scope=\"row\"><code>{attribute}</code></th><td><code>{}</code></td><td>{}</td></tr>",
            esc(values),
            esc(t(key))
        );
    }
    m += "</tbody></table></div>";

    m += &format!("<h2>{}</h2>", esc(t("behave_heading")));
    m += &ul("", ["behave_1", "behave_2", "behave_3"].map(|k| esc(t(k))));

    m += &format!("<h2>{}</h2>", esc(t("codes_heading")));
    m += &format!(
        "<div class=\"table-wrap\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(t("codes_caption")),
        esc(t("col_code")),
        esc(t("col_region")),
    );
    for region in catalogue().destinations() {
        m += &format!(
            "<tr><td><code>{}</code></td><td>{}</td></tr>",
            esc(&region.code),
            esc(region.name(lang))
        );
    }
    m += "</tbody></table></div>";
    Doc {
        page: Page::Partners,
        lang,
        title: t("title").to_string(),
        description: t("description").to_string(),
        main: m,
    }
}
