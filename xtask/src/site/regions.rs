//! The regions index: the 15 destination regions, each with its main cities and its distance
//! from Montréal, linking to its page.

use super::Site;
use super::html::{Doc, colon, esc, link};
use eer_domain::{Lang, Metric, Page, catalogue};

pub fn render(site: &Site, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, key);
    let mut m = String::with_capacity(6000);
    m += &format!("<h1>{}</h1>", esc(t("static_regions.title")));
    m += &format!("<p class=\"lead\">{}</p>", esc(t("static_regions.lead")));
    m += "<ul class=\"region-list\">";
    for region in catalogue().destinations() {
        let page = Page::Region(region.slug.clone());
        // Only cities outside the Montréal metropolitan community: its suburbs are the origin.
        let cities: Vec<&str> = region
            .destination_cities()
            .take(3)
            .map(|c| c.name.as_str())
            .collect();
        m += &format!(
            "<li><h2 class=\"region-list__name\">{}</h2><p>{} {}</p>",
            link(&page, lang, region.name(lang)),
            esc(t("static_regions.cities")),
            esc(&cities.join(", ")),
        );
        if let Some(f) = region.metric(Metric::DistanceKm) {
            m += &format!(
                "<p class=\"hint\">{}{}{} <span class=\"cite\">({})</span></p>",
                esc(Metric::DistanceKm.label(lang)),
                colon(lang),
                esc(&eer_domain::cite::value(Metric::DistanceKm, f, lang)),
                esc(&eer_domain::cite::figure(Metric::DistanceKm, f, lang)),
            );
        }
        m += "</li>";
    }
    m += "</ul>";
    m += &format!(
        "<p>{} <span class=\"hint\">{}</span></p>",
        link(&Page::Explorer, lang, t("static_home.explorer")),
        esc(t("static_home.explorer_hint")),
    );
    Doc {
        page: Page::Regions,
        lang,
        title: t("static_regions.title").to_string(),
        description: t("static_regions.description").to_string(),
        main: m,
    }
}
