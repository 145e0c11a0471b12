//! The static site generated from the real catalogue and locales into a temporary folder (with
//! the tiny map fixture), then read back: every page has its language, title, description,
//! canonical and `hreflang` pair; no script and no inline style (the CSP forbids them); each
//! page's HTML fits 14 KB brotli; and a crawl of every internal link and asset finds each one
//! generated, or an address of the app.

use super::*;
use std::collections::BTreeSet;

const BUDGET: usize = 14 * 1024;

struct Built {
    dir: PathBuf,
    written: Vec<Written>,
}

/// The site as `cargo xtask dist` builds it without an origin, built once for all tests (brotli
/// at quality 11 is slow in a debug build), under target/ (kept out of git; replaced each run).
fn site() -> &'static Built {
    static SITE: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    SITE.get_or_init(|| build("default", None))
}

fn build(name: &str, origin: Option<&str>) -> Built {
    let dir = root().join("target/xtask/site-tests").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    // What Trunk leaves: the app shell naming its hashed stylesheet.
    fs::write(
        dir.join("index.html"),
        "<!DOCTYPE html><link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\">",
    )
    .unwrap();
    fs::write(dir.join("main-0123456789abcdef.css"), "body{}").unwrap();
    fs::write(dir.join("favicon.svg"), "<svg/>").unwrap();
    let options = Options {
        root: root(),
        map_paths: Some(root().join("xtask/src/site/fixtures/region-paths.json")),
        origin: origin.map(str::to_string),
    };
    let written = generate(&dir, &options).unwrap();
    Built { dir, written }
}

/// Every value of `attr="…"` in the document.
fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.split(needle.as_str())
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)? + open.len();
    let end = html[start..].find(close)? + start;
    Some(&html[start..end])
}

#[test]
fn every_static_page_in_both_languages() {
    let built = site();
    let expected = pages().len() * 2;
    assert_eq!(built.written.len(), expected);
    assert_eq!(
        pages().len(),
        20,
        "home, index, 15 regions, privacy, partners, sources"
    );
    for lang in Lang::ALL {
        for page in pages() {
            assert!(page.is_static(), "{page:?}");
            let file = file_for(&built.dir, &page.path(lang));
            assert!(file.is_file(), "{}", file.display());
        }
    }
}

#[test]
fn head_language_title_description_and_alternates() {
    let built = site();
    let mut titles = BTreeSet::new(); // (language, title)
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path)).unwrap();
        let (lang, page) = Page::parse(&w.path).unwrap();
        assert!(
            html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{}\">", lang.code())),
            "{}",
            w.path
        );
        let title = between(&html, "<title>", "</title>").unwrap();
        assert!(title.contains("Emplois en régions"), "{}: {title}", w.path);
        assert!(
            titles.insert((lang.code(), title.to_string())),
            "{}: title used twice",
            w.path
        );
        let description = between(&html, "<meta name=\"description\" content=\"", "\"").unwrap();
        assert!(
            (50..=300).contains(&description.chars().count()),
            "{}: description of {} characters",
            w.path,
            description.chars().count()
        );
        assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{}\">", w.path)));
        for (code, l) in [("fr", Lang::Fr), ("en", Lang::En), ("x-default", Lang::Fr)] {
            let link = format!(
                "<link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\">",
                page.path(l)
            );
            assert!(html.contains(&link), "{}: no {link}", w.path);
        }
        // The language switch goes to the same page in the other language.
        let switch = format!(
            "<a class=\"lang-switch\" href=\"{}\" hreflang=\"{}\"",
            page.path(lang.other()),
            lang.other().code()
        );
        assert!(html.contains(&switch), "{}: no {switch}", w.path);
        assert_eq!(html.matches("<h1>").count(), 1, "{}: one h1", w.path);
        assert!(html.contains("<a class=\"skip-link\" href=\"#main\">"));
        assert!(html.contains("<main id=\"main\""));
    }
}

#[test]
fn no_script_no_inline_style_no_web_font() {
    let built = site();
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path))
            .unwrap()
            .to_lowercase();
        for bad in [
            "<script",
            "style=",
            "<style",
            "javascript:",
            "@font-face",
            ".woff",
        ] {
            // The partners page shows the embed snippet, escaped: `&lt;script`.
            assert!(!html.contains(bad), "{}: contains {bad}", w.path);
        }
    }
    for file in crate::files::under(&built.dir.join("map")).unwrap() {
        let svg = fs::read_to_string(&file).unwrap();
        assert!(
            !svg.contains("style") && !svg.contains("<script"),
            "{}",
            file.display()
        );
    }
}

#[test]
fn each_page_fits_the_first_round_trip() {
    let built = site();
    for w in &built.written {
        assert!(
            w.brotli <= BUDGET,
            "{}: {} bytes brotli > {BUDGET}",
            w.path,
            w.brotli
        );
        assert_eq!(
            w.brotli,
            crate::compress::brotli(&fs::read(file_for(&built.dir, &w.path)).unwrap()).len()
        );
    }
}

/// The crawl: every `href` and `src` of every page, resolved against the generated files.
#[test]
fn no_broken_internal_link_or_asset() {
    let built = site();
    let mut checked = BTreeSet::new();
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path)).unwrap();
        let ids: BTreeSet<&str> = attrs(&html, "id").into_iter().collect();
        for target in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            let target = target.replace("&amp;", "&");
            if target.starts_with("http://") || target.starts_with("https://") {
                continue;
            }
            assert!(
                target.starts_with('/') || target.starts_with('#'),
                "{}: {target}",
                w.path
            );
            let (path, fragment) = target.split_once('#').unwrap_or((&target, ""));
            let path = path.split('?').next().unwrap();
            if path.is_empty() {
                assert!(ids.contains(fragment), "{}: no #{fragment}", w.path);
                continue;
            }
            let file = built.dir.join(path.trim_start_matches('/'));
            let page_file = file_for(&built.dir, path);
            let resolved = if file.is_file() {
                Some(file)
            } else if page_file.is_file() {
                Some(page_file)
            } else {
                None
            };
            match resolved {
                Some(file) => {
                    if !fragment.is_empty() {
                        let target_html = fs::read_to_string(&file).unwrap();
                        assert!(
                            target_html.contains(&format!(" id=\"{fragment}\"")),
                            "{}: {target} has no such anchor",
                            w.path
                        );
                    }
                }
                None => {
                    let app_page = Page::parse(path).is_some_and(|(_, p)| !p.is_static());
                    assert!(app_page, "{}: broken link {target}", w.path);
                }
            }
            checked.insert(path.to_string());
        }
    }
    // The crawl did reach the assets and the app, not only pages.
    for expected in [
        "/main-0123456789abcdef.css",
        "/map/05.svg",
        "/fr/quiz",
        "/en/interest",
    ] {
        assert!(checked.contains(expected), "never linked: {expected}");
    }
    assert!(
        checked
            .iter()
            .any(|p| p.starts_with("/static-") && p.ends_with(".css"))
    );
}

#[test]
fn region_pages_carry_every_figure_with_year_and_source() {
    let built = site();
    let html = fs::read_to_string(file_for(&built.dir, "/fr/regions/estrie")).unwrap();
    let estrie = catalogue().by_slug("estrie").unwrap();
    let population = estrie.metric(eer_domain::Metric::Population).unwrap();
    assert!(html.contains(&html::esc(
        &eer_domain::Metric::Population.format(population.value, Lang::Fr)
    )));
    assert!(html.contains(
        "(<a href=\"/fr/sources#src-statcan_98100007\">2021, Statistique Canada, Recensement</a>)"
    ));
    // No invented year: the road distance is from an undated page, the straight line computed.
    assert!(html.contains(">non daté, Tourisme Québec</a>"));
    assert!(
        html.contains(">calculé à vol d&#39;oiseau") || html.contains(">calculé à vol d'oiseau")
    );
    assert!(html.contains("/fr/sources#src-statcan_98100007"));
    assert!(html.contains("Sherbrooke"));
    assert!(
        html.contains("pas la liste officielle"),
        "support organisations flagged"
    );
    assert!(html.contains("<img src=\"/map/05.svg\" alt=\"Carte du Québec : la région Estrie"));
    // A region the fixture has no outline for is built without a map.
    let html = fs::read_to_string(file_for(&built.dir, "/en/regions/outaouais")).unwrap();
    assert!(!html.contains("<img"));
}

#[test]
fn sitemap_and_robots() {
    let built = site();
    let sitemap = fs::read_to_string(built.dir.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), pages().len() * 2);
    assert!(sitemap.contains("<loc>/en/regions/estrie</loc>"));
    assert!(sitemap.contains("hreflang=\"fr\" href=\"/fr/regions/estrie\""));
    let robots = fs::read_to_string(built.dir.join("robots.txt")).unwrap();
    assert!(robots.contains("User-agent: *"));
    assert!(!robots.contains("Sitemap:"), "no host known, no guess");

    let built = build("origin", Some("https://eer.example"));
    let sitemap = fs::read_to_string(built.dir.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://eer.example/fr/</loc>"));
    let robots = fs::read_to_string(built.dir.join("robots.txt")).unwrap();
    assert!(robots.contains("\nSitemap: https://eer.example/sitemap.xml\n"));
    let home = fs::read_to_string(file_for(&built.dir, "/en/")).unwrap();
    assert!(home.contains("<link rel=\"canonical\" href=\"https://eer.example/en/\">"));
}

#[test]
fn locales_have_the_same_keys_in_both_languages() {
    let texts = Texts::load(&root()).unwrap();
    assert_eq!(texts.unpaired(), Vec::<String>::new());
    assert_eq!(texts.list(Lang::Fr, "static_sources.caveat").len(), 9);
    assert_eq!(
        texts.list(Lang::En, "static_privacy.form_item").len(),
        texts.list(Lang::Fr, "static_privacy.form_item").len()
    );
}

/// The privacy page lists each organisation's person in charge from `config/site.toml` ("to
/// confirm" while empty, as now), and each promise names the mechanism that keeps it.
#[test]
fn privacy_page_names_the_people_in_charge_and_the_mechanisms() {
    let built = site();
    for lang in Lang::ALL {
        let html = fs::read_to_string(file_for(&built.dir, &Page::Privacy.path(lang))).unwrap();
        let officers =
            between(&html, "<ul class=\"officers\">", "</ul>").expect("the officers' list");
        for (_, name) in super::officers::ORGANISATIONS {
            assert!(officers.contains(&html::esc(name)), "{name} in {lang:?}");
        }
        let to_confirm = lang.pick("à confirmer", "to confirm");
        assert_eq!(officers.matches(to_confirm).count(), 3, "{officers}");
        let mechanisms: &[&str] = match lang {
            Lang::Fr => &[
                "ne partent que si vous cochez la case",
                "le serveur efface de lui-même",
                "numéro de référence",
                "avec sa propre clé d’accès",
                "journal qui ne contient aucun renseignement personnel",
                "politique de sécurité interdit au navigateur",
            ],
            Lang::En => &[
                "go only if you tick their own box",
                "the server itself erases",
                "reference number",
                "with its own access key",
                "log that holds no personal information",
                "security policy forbids the browser",
            ],
        };
        for words in mechanisms {
            assert!(html.contains(&html::esc(words)), "{lang:?}: {words}");
        }
    }
}
/// Every address that leaves the site is in the link registry (`eer_domain::links`): a link
/// written into a page by hand, or one on a retired host, fails here.
#[test]
fn every_external_link_is_in_the_registry() {
    let built = site();
    let mut external = 0;
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path)).unwrap();
        for target in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            if target.starts_with("http://") || target.starts_with("https://") {
                external += 1;
                assert!(
                    eer_domain::links::registered(target),
                    "{}: {target} is not in the link registry (domain/src/links.rs)",
                    w.path
                );
            }
        }
    }
    assert!(external > 0, "the crawl found no external link at all");
}

/// The three organisations that run the service are named and linked on the home and partners
/// pages; the known-wrong addresses are nowhere.
#[test]
fn the_organisations_are_linked_and_wrong_links_are_gone() {
    let built = site();
    for lang in Lang::ALL {
        for page in [Page::Home, Page::Partners] {
            let html = fs::read_to_string(file_for(&built.dir, &page.path(lang))).unwrap();
            for l in [
                eer_domain::links::PROMIS,
                eer_domain::links::CFIQ,
                eer_domain::links::INICI,
            ] {
                assert!(
                    html.contains(&format!("href=\"{}\"", l.url)),
                    "{page:?} {lang:?}: no link to {}",
                    l.id
                );
            }
        }
    }
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path)).unwrap();
        for wrong in ["laplace0-5", "weatheroffice.gc.ca/", "quebec.ca/emploi\""] {
            assert!(!html.contains(wrong), "{}: {wrong}", w.path);
        }
    }
}

/// The regions index names no city of the Montréal metropolitan community as a region's city;
/// the pages of 14, 15 and 16 say which part of the region is in it (facts/CMM.md).
#[test]
fn cmm_suburbs_are_not_shown_as_destinations() {
    let built = site();
    for lang in Lang::ALL {
        let index = fs::read_to_string(file_for(&built.dir, &Page::Regions.path(lang))).unwrap();
        for suburb in [
            "Terrebonne",
            "Repentigny",
            "Mascouche",
            "Mirabel",
            "Blainville",
            "Longueuil",
            "Brossard",
            "Châteauguay",
        ] {
            assert!(
                !index.contains(suburb),
                "{lang:?}: the regions index names {suburb}"
            );
        }
        for (slug, city) in [
            ("lanaudiere", "Terrebonne"),
            ("laurentides", "Mirabel"),
            ("monteregie", "Longueuil"),
        ] {
            let page = Page::Region(slug.to_string());
            let html = fs::read_to_string(file_for(&built.dir, &page.path(lang))).unwrap();
            let notice = html.split("<p class=\"notice\">").nth(1).unwrap_or("");
            assert!(
                notice.split("</p>").next().unwrap().contains(city),
                "{slug} {lang:?}"
            );
        }
    }
}

/// Units a figure is written with: a number followed by one of these (or `$` before it, in
/// English) is a figure, and must have its source in the same block.
const UNITS: [&str; 7] = ["%", "km²", "km", "$", "°C", "cm", "hab./km²"];

/// Whether `text` holds a number followed by a unit (or preceded by `$`).
pub(crate) fn has_figure(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.' | '\u{a0}' | '\u{202f}')
                        && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                i += 1;
            }
            let mut j = i;
            while j < chars.len() && matches!(chars[j], ' ' | '\u{a0}' | '\u{202f}') {
                j += 1;
            }
            let rest: String = chars[j..chars.len().min(j + 9)].iter().collect();
            let before_dollar = start > 0 && chars[start - 1] == '$';
            if before_dollar || UNITS.iter().any(|u| rest.starts_with(u)) {
                return Some(
                    chars[start.saturating_sub(1)..chars.len().min(j + 9)]
                        .iter()
                        .collect(),
                );
            }
        }
        i += 1;
    }
    None
}

/// Text of an HTML fragment: tags dropped, the few entities we write decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// Every block (`p`, `li`, `dd`, `td`, `figcaption`) of every static page, both languages:
/// a number with a unit has its source in the same block (a citation of the one formatter,
/// `class="…cite…"`, or a link to the sources page).
#[test]
fn every_figure_with_a_unit_has_its_source_in_its_block() {
    let built = site();
    let mut figures = 0;
    for w in &built.written {
        let html = fs::read_to_string(file_for(&built.dir, &w.path)).unwrap();
        let main = between(&html, "<main", "</main>").unwrap_or(&html);
        for tag in ["p", "li", "dd", "td", "figcaption"] {
            for piece in main.split(&format!("<{tag}")).skip(1) {
                // The block up to its own closing tag (blocks here do not nest the same tag,
                // except lists in lists, which end sooner: the inner one is checked on its own).
                let block = piece.split(&format!("</{tag}>")).next().unwrap_or("");
                // Past the opening tag's own attributes (and skip `<p…` that was `<pre`).
                let Some((attrs, block)) = block.split_once('>') else {
                    continue;
                };
                if attrs.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    continue;
                }
                let Some(figure) = has_figure(&text_of(block)) else {
                    continue;
                };
                figures += 1;
                let cited = block.contains("cite\"")
                    || block.contains("cite ")
                    || block.contains(&format!("href=\"{}#", Page::Sources.path(Lang::Fr)))
                    || block.contains(&format!("href=\"{}#", Page::Sources.path(Lang::En)));
                assert!(
                    cited,
                    "{}: \"{figure}\" has no source in its block: {}",
                    w.path,
                    text_of(block)
                );
            }
        }
    }
    assert!(
        figures > 100,
        "only {figures} figures found: the walk is broken"
    );
}

#[test]
fn the_figure_finder_finds_figures() {
    assert!(has_figure("2,8\u{a0}% en 2018").is_some());
    assert!(has_figure("about 147 km by road").is_some());
    assert!(has_figure("$26,339").is_some());
    assert!(has_figure("-12,0\u{a0}°C").is_some());
    assert!(has_figure("15 régions, 2021").is_none());
    assert!(has_figure("Loi 25").is_none());
}
