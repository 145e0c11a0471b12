//! The static site: plain HTML pages generated at build time into `dist/`, readable without
//! JavaScript, one per [`Page`] that `Page::is_static()` names, in French and English — home,
//! the regions index, one page per destination region, privacy, partners (embedding) and
//! sources — plus a small SVG map per region, `sitemap.xml` and `robots.txt`.
//!
//! One source for everything: region facts come from `eer_domain::catalogue()`, addresses from
//! `Page::path`, interface text from the app's `locales/` files, so that no region content
//! is written twice. Each block is written by one function in the file named for
//! the page that owns it.
//!
//! Configuration (environment): `EER_MAP_PATHS` (the map outlines; default
//! `domain/data/map/region-paths.json` from the workspace root; missing = no maps) and
//! `EER_SITE_ORIGIN` (e.g. `https://emploisenregions.ca`: absolute canonical URLs, a valid
//! sitemap and a `Sitemap:` line in robots.txt; unset = root-relative links and no such line).

mod home;
pub mod html;
pub mod map;
pub mod officers;
mod partners;
mod privacy;
mod region;
mod regions;
mod sitemap;
mod sources;
mod text;

use crate::sh::{Result, root};
use eer_domain::{Lang, Page, catalogue};
use html::Doc;
use std::fs;
use std::path::{Path, PathBuf};
pub use text::Texts;

/// What every page needs: the texts, the stylesheets to link, the maps (if any), the origin.
pub struct Site {
    pub texts: Texts,
    /// File names at the root of the site, linked in this order.
    pub stylesheets: Vec<String>,
    pub maps: Option<map::Maps>,
    /// `https://host` without a trailing slash, when known.
    pub origin: Option<String>,
    /// The person in charge of personal information per organisation (`config/site.toml`).
    pub officers: Vec<officers::Officer>,
}

impl Site {
    /// The address to write where an absolute URL is better (canonical, alternates, sitemap):
    /// absolute when the origin is known, root-relative otherwise.
    pub fn url(&self, path: &str) -> String {
        match &self.origin {
            Some(origin) => format!("{origin}{path}"),
            None => path.to_string(),
        }
    }

    /// An absolute address even without a known origin: the placeholder the serving endpoint
    /// replaces by the request's origin (`eer_domain::route::ORIGIN_PLACEHOLDER`).
    pub fn absolute_url(&self, path: &str) -> String {
        match &self.origin {
            Some(origin) => format!("{origin}{path}"),
            None => format!("{}{path}", eer_domain::route::ORIGIN_PLACEHOLDER),
        }
    }
}

/// Where the inputs are and what to assume.
pub struct Options {
    /// The workspace root: `locales/`, `style/static.css`, `public/robots.txt`.
    pub root: PathBuf,
    /// The map outlines file; `None` or a missing file = pages without maps.
    pub map_paths: Option<PathBuf>,
    pub origin: Option<String>,
}

impl Options {
    /// From the environment, as `cargo xtask dist` runs it.
    pub fn from_env() -> Options {
        let root = root();
        let map_paths = std::env::var_os("EER_MAP_PATHS")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("domain/data/map/region-paths.json"));
        let origin = std::env::var("EER_SITE_ORIGIN")
            .ok()
            .map(|o| o.trim().trim_end_matches('/').to_string())
            .filter(|o| !o.is_empty());
        Options {
            root,
            map_paths: Some(map_paths),
            origin,
        }
    }
}

/// One generated page: its address, language and HTML size.
pub struct Written {
    pub path: String,
    pub bytes: usize,
    pub brotli: usize,
}

/// Every static page of the service, in one language's order (both languages have the same).
pub fn pages() -> Vec<Page> {
    let mut out = vec![Page::Home, Page::Regions];
    out.extend(
        catalogue()
            .destinations()
            .map(|r| Page::Region(r.slug.clone())),
    );
    out.extend([Page::Privacy, Page::Partners, Page::Sources]);
    out
}

/// Called by `cargo xtask dist` after Trunk: generates the static site into `dist` and prints
/// each page's size.
pub fn build(dist: &Path) -> Result {
    crate::sh::step("dist: static pages, maps, sitemap.xml, robots.txt");
    let written = generate(dist, &Options::from_env())?;
    println!("static pages (HTML bytes: raw, brotli):");
    for w in &written {
        println!("  {:<44} {:>6} {:>6}", w.path, w.bytes, w.brotli);
    }
    let largest = written.iter().map(|w| w.brotli).max().unwrap_or(0);
    println!(
        "{} static pages; largest {largest} bytes brotli (budget 14336)",
        written.len()
    );
    Ok(())
}

/// Generates every static page, map, `sitemap.xml` and `robots.txt` into `dist` (which must
/// hold Trunk's `index.html`, whose stylesheet the pages link). Returns the pages written.
pub fn generate(dist: &Path, options: &Options) -> Result<Vec<Written>> {
    let texts = Texts::load(&options.root)?;
    let unpaired = texts.unpaired();
    if !unpaired.is_empty() {
        return Err(format!("locales: keys in one language only: {unpaired:?}"));
    }
    let stylesheets = vec![
        app_stylesheet(dist)?,
        static_stylesheet(&options.root, dist)?,
    ];
    let maps = match &options.map_paths {
        Some(path) => map::load(path)?,
        None => None,
    };
    if maps.is_none() {
        println!("static pages: no map outlines found; region pages are built without a map");
    }
    let site = Site {
        texts,
        stylesheets,
        maps,
        origin: options.origin.clone(),
        officers: officers::load(&options.root)?,
    };
    if let Some(maps) = &site.maps {
        map::write_all(maps, dist)?;
    }
    let mut written = Vec::new();
    for lang in Lang::ALL {
        for page in pages() {
            let doc = render(&site, &page, lang);
            let html = html::frame(&site, &doc);
            let path = page.path(lang);
            let file = file_for(dist, &path);
            if let Some(dir) = file.parent() {
                fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            fs::write(&file, &html).map_err(|e| format!("{}: {e}", file.display()))?;
            written.push(Written {
                path,
                bytes: html.len(),
                brotli: crate::compress::brotli(html.as_bytes()).len(),
            });
        }
    }
    fs::write(dist.join("sitemap.xml"), sitemap::sitemap(&site))
        .map_err(|e| format!("sitemap.xml: {e}"))?;
    let robots = fs::read_to_string(options.root.join("public/robots.txt")).unwrap_or_default();
    fs::write(dist.join("robots.txt"), sitemap::robots(&site, &robots))
        .map_err(|e| format!("robots.txt: {e}"))?;
    Ok(written)
}

/// Every static page rendered in memory, both languages, as (address, HTML), without maps or
/// stylesheets: for reading the pages' content (`cargo xtask links`).
pub fn render_all(root: &Path) -> Result<Vec<(String, String)>> {
    let site = Site {
        texts: Texts::load(root)?,
        stylesheets: Vec::new(),
        maps: None,
        origin: None,
        officers: officers::load(root)?,
    };
    let mut out = Vec::new();
    for lang in Lang::ALL {
        for page in pages() {
            let doc = render(&site, &page, lang);
            out.push((page.path(lang), html::frame(&site, &doc)));
        }
    }
    Ok(out)
}

/// The page's content in one language.
fn render(site: &Site, page: &Page, lang: Lang) -> Doc {
    match page {
        Page::Home => home::render(site, lang),
        Page::Regions => regions::render(site, lang),
        Page::Region(slug) => {
            let region = catalogue()
                .by_slug(slug)
                .expect("pages() lists catalogue slugs only");
            region::render(site, region, lang)
        }
        Page::Privacy => privacy::render(site, lang),
        Page::Partners => partners::render(site, lang),
        Page::Sources => sources::render(site, lang),
        other => unreachable!("{other:?} is a page of the app, not a static page"),
    }
}

/// `/fr/` → `dist/fr/index.html`; `/fr/regions/estrie` → `dist/fr/regions/estrie/index.html`
/// (the endpoint serves a directory's `index.html` for the address with or without the slash).
pub fn file_for(dist: &Path, path: &str) -> PathBuf {
    let mut file = dist.to_path_buf();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        file.push(segment);
    }
    file.join("index.html")
}

/// The app's hashed stylesheet (`main-<hash>.css`) as Trunk named it in `dist/index.html`.
fn app_stylesheet(dist: &Path) -> Result<String> {
    let index = fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    for piece in index.split("href=\"/").skip(1) {
        let name = piece.split('"').next().unwrap_or("");
        if name.starts_with("main-") && eer_domain::asset::is_hashed(name) && !name.contains('/') {
            return Ok(name.to_string());
        }
    }
    Err("dist/index.html names no main-*.css stylesheet (run Trunk first)".into())
}

/// Copies `style/static.css` (what only the static pages need: maps, fact tables, code
/// samples, print) as `static-<hash>.css`, a content-hashed name the endpoint caches for a year.
fn static_stylesheet(root: &Path, dist: &Path) -> Result<String> {
    let path = root.join("style/static.css");
    let css = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = crate::files::hashed_name("static", "css", &css);
    fs::write(dist.join(&name), &css).map_err(|e| format!("{name}: {e}"))?;
    Ok(name)
}

#[cfg(test)]
mod tests;
