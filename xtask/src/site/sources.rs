//! The sources and attributions page: the attribution lines the data licences require (the
//! footer's, from `locales/*/app.toml`), the limits of the data worth knowing (from
//! the sources' own caveats, in our words) and every source of the catalogue
//! with its title, publisher, year, licence and link. Each source has an anchor
//! (`#src-<id>`) that the region pages' figures link to.

use super::Site;
use super::html::{ATTRIBUTIONS, Doc, esc, ext_link, ul};
use eer_domain::{Lang, Page, catalogue, links};

pub fn render(site: &Site, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, &format!("static_sources.{key}"));
    let mut m = String::with_capacity(20_000);
    m += &format!("<h1>{}</h1>", esc(t("title")));
    m += &format!("<p class=\"lead\">{}</p>", esc(t("lead")));

    m += &format!("<h2>{}</h2>", esc(t("attributions_heading")));
    m += &ul(
        "",
        ATTRIBUTIONS
            .iter()
            .map(|key| esc(site.texts.get(lang, key)))
            .chain([esc(t("natural_earth"))]),
    );

    m += &format!("<h2>{}</h2>", esc(t("caveats_heading")));
    m += &ul(
        "",
        site.texts
            .list(lang, "static_sources.caveat")
            .into_iter()
            .map(esc),
    );

    m += &format!("<h2>{}</h2>", esc(t("list_heading")));
    let mut sources: Vec<_> = catalogue().sources().iter().collect();
    sources.sort_by_key(|s| s.title.to_lowercase());
    m += "<ul class=\"source-list\">";
    for s in sources {
        m += &format!(
            "<li id=\"src-{}\"><cite>{}</cite>",
            esc(&s.id),
            esc(&s.title)
        );
        if let Some(publisher) = &s.publisher {
            m += &format!(" — {}", esc(publisher));
        }
        if let Some(year) = s.year {
            m += &format!(", {year}");
        }
        m += &format!(
            ". {} {}.",
            esc(t("licence")),
            esc(s.licence.as_deref().unwrap_or(t("no_licence")))
        );
        // Some entries describe a family of pages (`…/<office>-…`): no single link. A host
        // known to be retired is named without a link (a dead link helps no one).
        if let Some(url) = &s.url {
            let host = links::host(url);
            let host = host.trim_start_matches("www.");
            if links::linkable(url) {
                // The host as the link's text: it says where the link goes.
                m += &format!(" {}", ext_link(url, host));
            } else if links::retired(url).is_some() {
                m += &format!(
                    " <span class=\"hint\">{} ({})</span>",
                    esc(host),
                    esc(t("retired"))
                );
            }
        }
        m += "</li>";
    }
    m += "</ul>";
    Doc {
        page: Page::Sources,
        lang,
        title: t("title").to_string(),
        description: t("description").to_string(),
        main: m,
    }
}
