//! HTML writing for the static pages: escaping, and the frame every page shares (head with
//! title, description, canonical and `hreflang` alternates; skip link; header with the
//! navigation and the language switch; footer with the data attributions). Same classes and
//! texts as the app's header and footer (src/components/), so both look and read alike.
//! No script, no inline style: the endpoint's CSP allows neither.

use super::Site;
use eer_domain::{Lang, Page};
use std::fmt::Write;

/// Text for an HTML element or a double-quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A colon after a label, with the non-breaking space French typography puts before it.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("\u{a0}: ", ": ")
}

/// `<p>text</p>`, escaped.
pub fn p(text: &str) -> String {
    format!("<p>{}</p>", esc(text))
}

/// A link to a page of ours, in `lang`.
pub fn link(page: &Page, lang: Lang, label: &str) -> String {
    format!("<a href=\"{}\">{}</a>", page.path(lang), esc(label))
}

/// A link of the registry (`eer_domain::links`), named in `lang`.
pub fn registry_link(link: &eer_domain::links::Link, lang: Lang) -> String {
    ext_link(link.url, lang.pick(link.name.0, link.name.1))
}

/// The three organisations that run the service, each linked (PROGRAM.md, the interview).
pub fn organisations(lead: &str, lang: Lang) -> String {
    use eer_domain::links::{CFIQ, INICI, PROMIS};
    format!(
        "<p>{}</p>{}",
        esc(lead),
        ul(
            "organisations",
            [PROMIS, CFIQ, INICI].map(|l| registry_link(&l, lang))
        )
    )
}

/// A link that leaves the site. No `target`: the visitor decides where it opens. Its address
/// must be in the link registry (`eer_domain::links::registered`; a test checks every page).
pub fn ext_link(url: &str, label: &str) -> String {
    format!(
        "<a href=\"{}\" rel=\"external\">{}</a>",
        esc(url),
        esc(label)
    )
}

/// `<ul>` of items already written as HTML.
pub fn ul(class: &str, items: impl IntoIterator<Item = String>) -> String {
    let mut out = if class.is_empty() {
        String::from("<ul>")
    } else {
        format!("<ul class=\"{class}\">")
    };
    for item in items {
        let _ = write!(out, "<li>{item}</li>");
    }
    out.push_str("</ul>");
    out
}

/// One page before it is framed: what the head says and what `<main>` holds.
pub struct Doc {
    pub page: Page,
    pub lang: Lang,
    /// The page's own title; the site name is added after it (the home page's title is the
    /// site name and its tagline).
    pub title: String,
    pub description: String,
    /// The content of `<main>`, already HTML.
    pub main: String,
}

/// The whole HTML document of a page.
pub fn frame(site: &Site, doc: &Doc) -> String {
    let lang = doc.lang;
    let t = |key: &str| site.texts.get(lang, key);
    let name = t("site.name");
    let title = if doc.page == Page::Home {
        format!("{name} — {}", t("site.tagline"))
    } else {
        format!("{} — {}", doc.title, t("site.title_suffix"))
    };
    let mut h = String::with_capacity(8192);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{desc}\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n",
        code = lang.code(),
        title = esc(&title),
        desc = esc(&doc.description),
        canonical = site.url(&doc.page.path(lang)),
    );
    for (hreflang, l) in [("fr", Lang::Fr), ("en", Lang::En), ("x-default", Lang::Fr)] {
        let _ = writeln!(
            h,
            "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
            site.url(&doc.page.path(l))
        );
    }
    h.push_str(
        "<meta name=\"theme-color\" content=\"#095797\">\n\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n",
    );
    for css in &site.stylesheets {
        let _ = writeln!(h, "<link rel=\"stylesheet\" href=\"/{css}\">");
    }
    h.push_str("</head>\n<body>\n");
    let _ = writeln!(
        h,
        "<a class=\"skip-link\" href=\"#main\">{}</a>",
        esc(t("nav.skip"))
    );
    header(site, doc, &mut h);
    let _ = writeln!(
        h,
        "<main id=\"main\" class=\"page page--static\" tabindex=\"-1\">\n{}\n</main>",
        doc.main
    );
    footer(site, lang, &mut h);
    h.push_str("</body>\n</html>\n");
    h
}

fn header(site: &Site, doc: &Doc, h: &mut String) {
    let lang = doc.lang;
    let t = |key: &str| esc(site.texts.get(lang, key));
    let _ = write!(
        h,
        "<header class=\"site-header\"><div class=\"site-header__inner\">\
         <a class=\"site-name\" href=\"{home}\">{name}</a>\
         <nav aria-label=\"{label}\"><ul class=\"site-nav\">",
        home = Page::Home.path(lang),
        name = t("site.name"),
        label = t("nav.label"),
    );
    for (page, key) in [
        (Page::Quiz, "nav.quiz"),
        (Page::Regions, "nav.regions"),
        (Page::Interest, "nav.interest"),
    ] {
        // A region page is part of the regions section.
        let current =
            doc.page == page || (page == Page::Regions && matches!(doc.page, Page::Region(_)));
        let aria = if current {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            h,
            "<li><a href=\"{}\"{aria}>{}</a></li>",
            page.path(lang),
            t(key)
        );
    }
    let other = lang.other();
    let _ = writeln!(
        h,
        "</ul></nav><a class=\"lang-switch\" href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\" \
         aria-label=\"{label}\">{native}</a></div></header>",
        href = doc.page.path(other),
        code = other.code(),
        label = t("nav.lang_switch_label"),
        native = other.native_name(),
    );
}

fn footer(site: &Site, lang: Lang, h: &mut String) {
    let t = |key: &str| esc(site.texts.get(lang, key));
    let _ = write!(
        h,
        "<footer class=\"site-footer\"><div class=\"site-footer__inner\"><p>{about}</p>\
         <p><a href=\"{privacy}\">{privacy_label}</a> · <a href=\"{partners}\">{partners_label}</a> · \
         <a href=\"{sources}\">{sources_label}</a></p><p>{note}</p>\
         <h2 class=\"site-footer__heading\">{heading}</h2><ul class=\"attributions\">",
        about = t("footer.about"),
        privacy = Page::Privacy.path(lang),
        privacy_label = t("nav.privacy"),
        partners = Page::Partners.path(lang),
        partners_label = t("static_nav.partners"),
        sources = Page::Sources.path(lang),
        sources_label = t("static_nav.sources"),
        note = t("footer.privacy_note"),
        heading = t("footer.data_heading"),
    );
    for key in ATTRIBUTIONS {
        let _ = write!(h, "<li>{}</li>", t(key));
    }
    h.push_str("</ul></div></footer>\n");
}

/// The attribution lines the data licences require, in the app footer's order.
pub const ATTRIBUTIONS: [&str; 5] = [
    "footer.data_map",
    "footer.data_municipalities",
    "footer.data_statcan",
    "footer.data_isq",
    "footer.data_eccc",
];
