//! `sitemap.xml` (every static page in both languages, each with its `xhtml:link` alternates,
//! as search engines read bilingual sites) and `robots.txt`.
//!
//! Both formats want absolute URLs (sitemaps.org; RFC 9309 for the `Sitemap:` line), and the
//! build does not know where the site will be served. So the origin is configured
//! (`EER_SITE_ORIGIN`): with it, absolute URLs and a `Sitemap:` line; without it, the sitemap
//! lists root-relative paths (enough for our own crawl and tests) and robots.txt says nothing
//! of it, rather than guess a host.

use super::{Site, pages};
use eer_domain::Lang;
use std::fmt::Write;

pub fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages() {
        for lang in Lang::ALL {
            let _ = writeln!(out, "<url><loc>{}</loc>", site.url(&page.path(lang)));
            for alt in Lang::ALL {
                let _ = writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.code(),
                    site.url(&page.path(alt))
                );
            }
            let _ = writeln!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/></url>",
                site.url(&page.path(Lang::Fr))
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `public/robots.txt` as it is, plus the `Sitemap:` line when the origin is known.
pub fn robots(site: &Site, public: &str) -> String {
    let mut out = public.trim_end().to_string();
    if out.is_empty() {
        out.push_str("User-agent: *\nAllow: /");
    }
    out.push('\n');
    if let Some(origin) = &site.origin {
        let _ = writeln!(out, "\nSitemap: {origin}/sitemap.xml");
    }
    out
}
