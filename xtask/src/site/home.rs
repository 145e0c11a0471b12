//! The home page: what Emplois en régions is, for whom, the three kinds of project, how it goes,
//! and the way in — the self-assessment and the 15 regions. The texts the app's home also
//! shows come from the same `[home]` keys of `locales/*/app.toml`.

use super::Site;
use super::html::{Doc, esc, link, organisations, p, ul};
use eer_domain::{Lang, Page, catalogue};

pub fn render(site: &Site, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, key);
    let mut m = String::with_capacity(6000);
    m += &format!("<h1>{}</h1>", esc(t("home.title")));
    m += &format!("<p class=\"lead\">{}</p>", esc(t("home.lead")));
    m += &format!(
        "<div class=\"actions\"><a class=\"button button--start\" href=\"{}\">{}</a>\
         <a class=\"button button--secondary\" href=\"{}\">{}</a></div>",
        Page::Quiz.path(lang),
        esc(t("home.start_quiz")),
        Page::Regions.path(lang),
        esc(t("home.explore")),
    );
    m += &format!("<p class=\"hint\">{}</p>", esc(t("home.quiz_time")));

    m += &format!("<h2>{}</h2>", esc(t("static_home.what_heading")));
    m += &p(t("static_home.what_1"));
    m += &p(t("static_home.what_2"));
    m += &organisations(t("static_home.organisations"), lang);

    m += &format!("<h2>{}</h2>", esc(t("static_home.who_heading")));
    m += &ul(
        "",
        ["who_1", "who_2", "who_3"].map(|k| esc(t(&format!("static_home.{k}")))),
    );

    m += &format!("<h2>{}</h2>", esc(t("home.projects_heading")));
    m += &ul(
        "cards",
        ["project_job", "project_training", "project_business"]
            .map(|k| esc(t(&format!("home.{k}")))),
    );

    m += &format!(
        "<h2>{}</h2><ol class=\"steps\">",
        esc(t("home.how_heading"))
    );
    for k in ["how_1", "how_2", "how_3", "how_4"] {
        m += &format!("<li>{}</li>", esc(t(&format!("home.{k}"))));
    }
    m += "</ol>";

    m += &format!(
        "<h2 id=\"regions\">{}</h2>",
        esc(t("static_home.regions_heading"))
    );
    m += &p(t("static_home.regions_intro"));
    m += &ul(
        "region-links",
        catalogue()
            .destinations()
            .map(|r| link(&Page::Region(r.slug.clone()), lang, r.name(lang))),
    );
    m += &format!(
        "<p>{} <span class=\"hint\">{}</span></p>",
        link(&Page::Explorer, lang, t("static_home.explorer")),
        esc(t("static_home.explorer_hint")),
    );
    Doc {
        page: Page::Home,
        lang,
        title: t("home.title").to_string(),
        description: t("static_home.description").to_string(),
        main: m,
    }
}
