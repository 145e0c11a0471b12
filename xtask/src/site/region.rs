//! One destination region's page: its description, a small map locating it from Montréal,
//! every figure of the catalogue with its year and source (or "not found"), main cities, key
//! sectors, services in English, immigrant-support organisations (flagged as not the official
//! partner list), and the way on: the self-assessment and the interest form.
//! Education is left out: the catalogue marks it unverified as a whole.

use super::Site;
use super::html::{Doc, colon, esc, ext_link, link, p, ul};
use super::map;
use eer_domain::catalogue::{Figure, Organisation, Region};
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

    if !region.main_cities.is_empty() {
        m += &format!("<h2>{}</h2>", esc(t("static_region.cities_heading")));
        m += &ul(
            "",
            region.main_cities.iter().map(|c| {
                format!(
                    "{}{}{}",
                    esc(&c.name),
                    colon(lang),
                    esc(&Metric::Population.format(f64::from(c.population), lang))
                )
            }),
        );
        let year = region.main_cities[0].year.to_string();
        m += &format!(
            "<p class=\"hint\">{}</p>",
            esc(&t("static_region.cities_note").replace("{year}", &year))
        );
    }

    if !region.sectors.is_empty() {
        m += &format!("<h2>{}</h2>", esc(t("static_region.sectors_heading")));
        m += &ul(
            "",
            region
                .sectors
                .iter()
                .map(|s| esc(s.text.get(lang)) + &unverified(site, lang, s.verified)),
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
                "<p>{}{}</p>",
                esc(summary.get(lang)),
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

/// The table of every metric: value, year, source; "not found" where the catalogue has none.
fn figures(site: &Site, region: &Region, lang: Lang) -> String {
    let t = |key: &str| site.texts.get(lang, key);
    let mut m = format!(
        "<div class=\"table-wrap\"><table class=\"facts\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         </tr></thead><tbody>",
        esc(t("static_region.figures_caption")),
        esc(t("static_region.col_metric")),
        esc(t("static_region.col_value")),
        esc(t("static_region.col_year")),
        esc(t("static_region.col_source")),
    );
    for metric in Metric::ALL {
        m += &format!("<tr><th scope=\"row\">{}</th>", esc(metric.label(lang)));
        match region.metric(metric) {
            Some(figure) => m += &figure_cells(site, metric, figure, lang),
            None => {
                m += &format!(
                    "<td colspan=\"3\" class=\"hint\">{}</td>",
                    esc(t("static_region.missing"))
                )
            }
        }
        m += "</tr>";
    }
    m += "</tbody></table></div>";
    m
}

fn figure_cells(site: &Site, metric: Metric, figure: &Figure, lang: Lang) -> String {
    let t = |key: &str| site.texts.get(lang, key);
    let mut value = String::new();
    if figure.approx {
        value += &esc(t("static_region.approx"));
        value.push(' ');
    }
    value += &esc(&metric.format(figure.value, lang));
    if let Some(note) = &figure.note {
        value += &format!(" <span class=\"hint\">{}</span>", esc(note.get(lang)));
    }
    let source = match figure.sources.first() {
        Some(id) => format!(
            "<a href=\"{}#src-{}\">{}</a>",
            Page::Sources.path(lang),
            esc(id),
            esc(metric.source_name(lang))
        ),
        None => esc(metric.source_name(lang)),
    };
    format!(
        "<td>{value}</td><td>{}</td><td>{source}</td>",
        esc(&figure.when())
    )
}

fn organisation(o: &Organisation) -> String {
    let name = match &o.url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            ext_link(url, &o.name)
        }
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
