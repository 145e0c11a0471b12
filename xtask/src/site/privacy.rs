//! The privacy page (Québec's Law 25): who is responsible, what the self-assessment keeps
//! (nothing), what the interest form collects and why, the two separate consents, retention
//! (the endpoint's default `EER_RETENTION_DAYS` = 730 days: "at most 24 months"), the rights of
//! access, correction, deletion and withdrawal of consent, the complaint to the Commission
//! d'accès à l'information, and no cookies, trackers or third parties. Each promise names the
//! mechanism that keeps it (the answers' own box, the reference and the staff operations, the
//! daily automatic deletion, the security policy). The person in charge per organisation comes
//! from `config/site.toml` ([`super::officers`]), "to confirm" while empty.

use super::Site;
use super::html::{Doc, esc, ext_link, p, ul};
use eer_domain::{Lang, Page, links};

pub fn render(site: &Site, lang: Lang) -> Doc {
    let t = |key: &str| site.texts.get(lang, &format!("static_privacy.{key}"));
    let mut m = String::with_capacity(8000);
    m += &format!("<h1>{}</h1>", esc(t("title")));
    m += &format!("<p class=\"lead\">{}</p>", esc(t("lead")));
    let section = |m: &mut String, heading: &str, paragraphs: &[&str]| {
        *m += &format!("<h2>{}</h2>", esc(t(heading)));
        for key in paragraphs {
            *m += &p(t(key));
        }
    };
    section(&mut m, "responsible_heading", &["responsible_1"]);
    m += &ul(
        "officers",
        site.officers.iter().map(|o| {
            let title = o.title(lang);
            let title = if title.is_empty() {
                format!("<em>{}</em>", esc(t("officer_to_confirm")))
            } else {
                esc(title)
            };
            let contact = if o.contact.is_empty() {
                String::new()
            } else {
                format!(" {} {}", esc(t("officer_contact")), esc(&o.contact))
            };
            // French puts a (no-break) space before the colon.
            let colon = lang.pick("\u{a0}:", ":");
            format!("<strong>{}</strong>{colon} {title}.{contact}", esc(o.name))
        }),
    );
    m += &p(t("responsible_2"));
    section(&mut m, "quiz_heading", &["quiz_1", "quiz_2"]);
    section(&mut m, "form_heading", &["form_1"]);
    m += &ul(
        "",
        site.texts
            .list(lang, "static_privacy.form_item")
            .into_iter()
            .map(esc),
    );
    m += &p(t("form_2"));
    m += &format!("<h2>{}</h2>", esc(t("consent_heading")));
    m += &ul(
        "",
        [
            esc(t("consent_1")),
            esc(t("consent_2")),
            esc(t("consent_3")),
        ],
    );
    section(&mut m, "retention_heading", &["retention_1"]);
    section(&mut m, "rights_heading", &["rights_1", "rights_2"]);
    m += &format!("<p>{}</p>", ext_link(links::CAI.url, t("cai")));
    section(&mut m, "tech_heading", &["tech_1", "tech_2"]);
    Doc {
        page: Page::Privacy,
        lang,
        title: t("title").to_string(),
        description: t("description").to_string(),
        main: m,
    }
}
