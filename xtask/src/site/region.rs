//! One destination region's page: its description, a small map locating it from Montréal,
//! every figure of the catalogue with its year and source (or "not found"), main cities, key
//! sectors, services in English, immigrant-support organisations (flagged as not the official
//! partner list), and the way on: the self-assessment and the interest form.
//! Education is left out: the catalogue marks it unverified as a whole.

use super::Site;
use super::html::{Doc, colon, esc, ext_link, link, p, ul};
use super::map;
use eer_domain::catalogue::{Organisation, Region};
use eer_domain::facts::Cited;
use eer_domain::{Lang, Metric, Page};

pub fn render(site: &Site, region: &Region, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, key);
    let name = region.name(lang);
    let mut m = String::with_capacity(10_000);
    m += &format!("<h1>{}</h1>", esc(name));
    m += &format!(
        "<p class=\"lead\">{}</p>",
        esc(region.description.get(lang))
    );
    // 14, 15, 16: the part in the Montréal metropolitan community is not a destination.
    if let Some(part) = &region.cmm_part {
        m += &format!("<p class=\"notice\">{}</p>", esc(part.get(lang)));
    }
    if let Some(maps) = &site.maps
        && let Some(alt) = map::alt(maps, region, lang)
    {
        let view = maps.view_for(&region.code);
        m += &format!(
            "<figure class=\"region-map\"><img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\"></figure>",
            map::href(&region.code),
            esc(&alt),
            view.width,
            view.height,
        );
    }

    m += &format!("<h2>{}</h2>", esc(t("static_region.figures_heading")));
    m += &figures(site, region, lang);

    if let Some(first) = region.destination_cities().next() {
        m += &format!("<h2>{}</h2>", esc(t("static_region.cities_heading")));
        m += &ul(
            "",
            region.destination_cities().map(|c| {
                format!(
                    "{}{}{}",
                    esc(&c.name),
                    colon(lang),
                    esc(&Metric::Population.format(f64::from(c.population), lang))
                )
            }),
        );
        let year = first.year.to_string();
        m += &format!(
            "<p class=\"hint\">{}</p>",
            esc(&t("static_region.cities_note").replace("{year}", &year))
        );
    }

    if !region.sectors.is_empty() {
        m += &format!("<h2>{}</h2>", esc(t("static_region.sectors_heading")));
        m += &ul(
            "",
            region.sectors.iter().map(|s| {
                esc(s.text.get(lang)) + &sector_cite(s, lang) + &unverified(site, lang, s.verified)
            }),
        );
        if region.sectors.iter().any(|s| !s.verified) {
            m += &format!(
                "<p class=\"hint\">{}</p>",
                esc(t("static_region.unverified_note"))
            );
        }
    }

    m += &format!("<h2>{}</h2>", esc(t("static_region.english_heading")));
    match &region.english.summary {
        Some(summary) => {
            m += &format!(
                "<p>{}{}{}</p>",
                esc(summary.get(lang)),
                item_cite(None, &region.english.sources, lang),
                unverified(site, lang, region.english.verified)
            )
        }
        None => m += &p(t("static_region.english_unknown")),
    }
    if !region.english.organisations.is_empty() {
        m += &p(t("static_region.english_orgs"));
        m += &ul("", region.english.organisations.iter().map(organisation));
    }

    m += &format!("<h2>{}</h2>", esc(t("static_region.support_heading")));
    if region.support.is_empty() {
        m += &p(t("static_region.support_none"));
    } else {
        m += &format!(
            "<p class=\"notice\">{}</p>",
            esc(t("static_region.support_note"))
        );
        m += &ul("", region.support.iter().map(organisation));
    }

    m += &format!("<h2>{}</h2>", esc(t("static_region.next_heading")));
    m += &p(t("static_region.next_text"));
    m += &format!(
        "<div class=\"actions\"><a class=\"button button--start\" href=\"{}\">{}</a>\
         <a class=\"button button--secondary\" href=\"{}\">{}</a></div>",
        Page::Quiz.path(lang),
        esc(t("home.start_quiz")),
        Page::Interest.path(lang),
        esc(t("static_region.interest")),
    );
    m += &format!(
        "<p>{} · {} · {}</p>",
        link(&Page::Regions, lang, t("static_region.all")),
        link(&Page::Explorer, lang, t("static_home.explorer")),
        link(&Page::Sources, lang, t("static_region.sources")),
    );
    Doc {
        page: Page::Region(region.slug.clone()),
        lang,
        title: name.to_string(),
        description: t("static_region.description").replace("{name}", name),
        main: m,
    }
}

/// The region's facts block (`eer_domain::facts`, the one the app's panel renders): every
/// metric as a list of label and value, each value followed by its year and source (a link to
/// the sources page), or "not found". A list rather than a table: it reads on a 390 px phone
/// without scrolling sideways, and the year and source stay beside their value.
fn figures(site: &Site, region: &Region, lang: Lang) -> String {
    let t = |key: &str| site.texts.get(lang, key);
    let mut m = format!(
        "<p class=\"hint\">{}</p><dl class=\"facts\">",
        esc(t("static_region.figures_caption"))
    );
    for fact in eer_domain::facts::of(region, lang) {
        m += &format!("<div><dt>{}</dt><dd>", esc(fact.label));
        match fact.figure {
            Some(figure) => m += &figure_value(figure, lang),
            None => {
                m += &format!(
                    "<span class=\"hint\">{}</span>",
                    esc(t("static_region.missing"))
                )
            }
        }
        m += "</dd></div>";
    }
    m += "</dl>";
    m
}

fn figure_value(figure: Cited, lang: Lang) -> String {
    let mut value = format!("<span class=\"facts__value\">{}</span>", esc(&figure.value));
    // The page without JavaScript also says what an approximate figure stands for.
    if let Some(note) = figure.note {
        value += &format!(" {}", esc(note.get(lang)));
    }
    let cite = esc(&figure.cite);
    let href = esc(&figure.href(lang));
    value + &format!(" <span class=\"facts__meta cite\">(<a href=\"{href}\">{cite}</a>)</span>")
}

/// A key sector's citation (the one formatter), linked to its source's entry.
fn sector_cite(s: &eer_domain::catalogue::Sector, lang: Lang) -> String {
    item_cite(s.year, &s.sources, lang)
}

/// A sourced item's citation (the one formatter), linked to its first source's entry.
fn item_cite(year: Option<u16>, sources: &[String], lang: Lang) -> String {
    let cite = esc(&eer_domain::cite::item(
        eer_domain::catalogue(),
        year,
        sources,
        lang,
    ));
    match sources.first() {
        Some(id) => format!(
            " <span class=\"cite\">(<a href=\"{}\">{cite}</a>)</span>",
            esc(&eer_domain::cite::source_href(Some(id), lang)),
        ),
        None => format!(" <span class=\"cite\">({cite})</span>"),
    }
}

fn organisation(o: &Organisation) -> String {
    // Only an address the registry lists (not on a retired host) becomes a live link.
    let name = match &o.url {
        Some(url) if eer_domain::links::linkable(url) => ext_link(url, &o.name),
        _ => esc(&o.name),
    };
    match &o.city {
        Some(city) => format!("{name} ({})", esc(city)),
        None => name,
    }
}

/// The "to be checked" tag after an item not read from a source.
fn unverified(site: &Site, lang: Lang, verified: bool) -> String {
    if verified {
        String::new()
    } else {
        format!(
            " <span class=\"tag\">{}</span>",
            esc(site.texts.get(lang, "static_region.unverified"))
        )
    }
}
