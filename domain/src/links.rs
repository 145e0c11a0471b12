//! Every external address the service shows, in one registry: what it is, what it is for, when
//! it was last checked and what confirmed it. Pages (static and app) take their links from here
//! or from the catalogue's sources and organisations (see [`all`]); a test walks every page and
//! fails on an external address that is not listed. `cargo xtask links` prints the list, oldest
//! check first, so that a person can re-check every link before a launch.
//!
//! No link was opened from this build (there is no network here): `checked` is `None` until a
//! person opens the page and writes the date. `confirmed_by` says which source gave the address.

use crate::text::Static;

/// One external address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Stable id, for tests and the `links` listing.
    pub id: &'static str,
    pub name: Static,
    pub url: &'static str,
    /// What the link is for, in a few words.
    pub purpose: Static,
    /// The day a person last opened the page and found it right ("YYYY-MM-DD"); `None` = never
    /// checked since it was written down.
    pub checked: Option<&'static str>,
    /// The source that gave (or confirmed) the address.
    pub confirmed_by: &'static str,
}

/// Emplois en régions itself (facts file: the EER entry of region 06, "website").
pub const EER: Link = Link {
    id: "eer",
    name: ("Emplois en régions", "Emplois en régions"),
    url: "https://emploisenregions.ca",
    purpose: ("Le site du service", "The service's website"),
    checked: None,
    confirmed_by: "facts/regions.json, region 06, support: EER website",
};

/// PROMIS, one of the three organisations that run the service (PROGRAM.md, the interview).
pub const PROMIS: Link = Link {
    id: "promis",
    name: ("PROMIS", "PROMIS"),
    url: "https://promis.qc.ca",
    purpose: (
        "Un des trois organismes qui offrent le service",
        "One of the three organisations that run the service",
    ),
    checked: None,
    confirmed_by: "name: PROGRAM.md and the interview; address: not in the sources, to check",
};

/// Le Collectif des femmes immigrantes du Québec (PROGRAM.md: "cfiq.ca").
pub const CFIQ: Link = Link {
    id: "cfiq",
    name: (
        "Le Collectif des femmes immigrantes du Québec",
        "Le Collectif des femmes immigrantes du Québec",
    ),
    url: "https://cfiq.ca",
    purpose: (
        "Un des trois organismes qui offrent le service",
        "One of the three organisations that run the service",
    ),
    checked: None,
    confirmed_by: "PROGRAM.md (\"58 % … cfiq.ca\" names the site)",
};

/// INICI (formerly ALPA), the third organisation (PROGRAM.md, the interview).
pub const INICI: Link = Link {
    id: "inici",
    name: ("INICI", "INICI"),
    url: "https://inici.ca",
    purpose: (
        "Un des trois organismes qui offrent le service",
        "One of the three organisations that run the service",
    ),
    checked: None,
    confirmed_by: "name: PROGRAM.md and the interview; address: not in the sources, to check",
};

/// Place aux jeunes en région: young graduates and qualified people aged 18-35, Québec-born
/// included (PROGRAM.md: jeunes.gouv.qc.ca, Radio-Canada).
pub const PLACE_AUX_JEUNES: Link = Link {
    id: "pajr",
    name: ("Place aux jeunes en région", "Place aux jeunes en région"),
    url: "https://www.placeauxjeunes.qc.ca",
    purpose: (
        "Un autre service, pour les 18 à 35 ans",
        "Another service, for people aged 18 to 35",
    ),
    checked: None,
    confirmed_by: "name: PROGRAM.md; address: not in the sources, to check",
};

/// The Government of Québec's immigration pages (CSQ, selection programs, comparative
/// evaluation of studies).
pub const IMMIGRATION_QC: Link = Link {
    id: "immigration-qc",
    name: (
        "Immigrer au Québec (gouvernement du Québec)",
        "Immigrating to Québec (Government of Québec)",
    ),
    url: "https://www.quebec.ca/immigration",
    purpose: (
        "CSQ, programmes d'immigration, évaluation des études",
        "CSQ, immigration programs, evaluation of studies",
    ),
    checked: None,
    confirmed_by: "not in the sources (Québec.ca section), to check",
};

/// Québec emploi, the government job board (PROGRAM.md, "Public services that changed": not
/// quebec.ca/emploi, which is Québec.ca's employment section).
pub const QUEBEC_EMPLOI: Link = Link {
    id: "quebec-emploi",
    name: ("Québec emploi", "Québec emploi"),
    url: "https://www.quebecemploi.gouv.qc.ca",
    purpose: (
        "Le site d'offres d'emploi du gouvernement du Québec, toutes régions",
        "The Government of Québec's job board, every region",
    ),
    checked: None,
    confirmed_by: "PROGRAM.md, \"Public services that changed\": quebecemploi.gouv.qc.ca",
};

/// Francisation Québec: French courses (free for immigrants).
pub const FRANCISATION: Link = Link {
    id: "francisation",
    name: ("Francisation Québec", "Francisation Québec"),
    url: "https://www.quebec.ca/education/apprendre-le-francais",
    purpose: ("Cours de français", "French courses"),
    checked: None,
    confirmed_by: "not in the sources (Québec.ca section), to check",
};

/// Office des professions du Québec: the list of professional orders.
pub const OPQ: Link = Link {
    id: "opq",
    name: (
        "Office des professions du Québec",
        "Office des professions du Québec",
    ),
    url: "https://www.opq.gouv.qc.ca",
    purpose: (
        "La liste des ordres professionnels",
        "The list of professional orders",
    ),
    checked: None,
    confirmed_by: "not in the sources, to check",
};

/// The Portail d'inscription aux services de garde (quebec.ca), which replaced La Place 0-5 on
/// 16 October 2025; a child can be registered only after birth (PROGRAM.md, "Public services
/// that changed": Ministère de la Famille releases, Oct.-Dec. 2025).
pub const PORTAIL_GARDE: Link = Link {
    id: "portail-garde",
    name: (
        "Portail d'inscription aux services de garde",
        "Portail d'inscription aux services de garde (daycare registration)",
    ),
    url: "https://www.quebec.ca/famille-et-soutien-aux-personnes/services-de-garde",
    purpose: (
        "Inscrire un enfant à un service de garde",
        "Register a child for daycare",
    ),
    checked: None,
    confirmed_by: "PROGRAM.md, \"Public services that changed\" (Ministère de la Famille, Oct.-Dec. 2025): the portal is on quebec.ca; exact page to check",
};

/// Société de l'assurance automobile du Québec: licences and exchanges.
pub const SAAQ: Link = Link {
    id: "saaq",
    name: (
        "Société de l'assurance automobile du Québec (SAAQ)",
        "Société de l'assurance automobile du Québec (SAAQ)",
    ),
    url: "https://saaq.gouv.qc.ca",
    purpose: (
        "Permis de conduire et échange de permis",
        "Driving licences and licence exchange",
    ),
    checked: None,
    confirmed_by: "not in the sources, to check",
};

/// Commission d'accès à l'information du Québec: complaints about personal information (the
/// privacy page; Québec's private-sector Act, as amended by Law 25).
pub const CAI: Link = Link {
    id: "cai",
    name: (
        "Commission d'accès à l'information du Québec",
        "Commission d'accès à l'information du Québec",
    ),
    url: "https://www.cai.gouv.qc.ca/",
    purpose: (
        "Plaintes sur les renseignements personnels",
        "Complaints about personal information",
    ),
    checked: None,
    confirmed_by: "not in the sources, to check",
};

/// The service's own links, in the order they are listed.
pub const SERVICE: [&Link; 12] = [
    &EER,
    &PROMIS,
    &CFIQ,
    &INICI,
    &PLACE_AUX_JEUNES,
    &IMMIGRATION_QC,
    &QUEBEC_EMPLOI,
    &FRANCISATION,
    &OPQ,
    &PORTAIL_GARDE,
    &SAAQ,
    &CAI,
];

/// Hosts that some of the catalogue's sources were read on and that are known to be gone
/// (their pages moved to another site): a citation on one of them is shown with its title and
/// year and no live link, since a dead link helps no one. Known from the sites' own moves, not
/// from the facts files: to re-check with the rest before a launch.
pub const RETIRED_HOSTS: [(&str, &str); 3] = [
    (
        "weatheroffice.gc.ca",
        "Environment Canada's former weather site; the climate normals moved to climate.weather.gc.ca",
    ),
    (
        "immigration-quebec.gouv.qc.ca",
        "the immigration ministry's former site; its pages moved to quebec.ca",
    ),
    (
        "www.gouv.qc.ca",
        "the former Portail Québec, replaced by quebec.ca",
    ),
];

/// The host of an address (`https://www.x.ca/a` → `www.x.ca`), lower-case.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Why the address's host is known to be retired, if it is.
pub fn retired(url: &str) -> Option<&'static str> {
    let host = host(url);
    RETIRED_HOSTS
        .iter()
        .find(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .map(|(_, why)| *why)
}

/// Whether an address may be shown as a live link: a real address (a catalogue entry may
/// describe a family of pages, `…/<office>-…`) on a host not known to be retired.
pub fn linkable(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(['<', '>', ' '])
        && retired(url).is_none()
}

/// Where an entry of the registry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of [`SERVICE`].
    Service,
    /// A source of the catalogue (the sources page, figures' citations).
    Source,
    /// An organisation named in the catalogue (region pages and panels).
    Organisation,
}

/// One line of the whole registry: the service's links and every linkable address of the
/// catalogue (sources and organisations, each confirmed by the facts file that cites it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub name: String,
    pub url: String,
    pub purpose: String,
    pub checked: Option<&'static str>,
    pub confirmed_by: String,
}

/// Every external address a page may link to, in registry order (service, sources,
/// organisations), each address once.
pub fn all() -> Vec<Entry> {
    let mut out: Vec<Entry> = SERVICE
        .iter()
        .map(|l| Entry {
            kind: Kind::Service,
            name: l.name.0.to_string(),
            url: l.url.to_string(),
            purpose: l.purpose.1.to_string(),
            checked: l.checked,
            confirmed_by: l.confirmed_by.to_string(),
        })
        .collect();
    let catalogue = crate::catalogue();
    for s in catalogue.sources() {
        if let Some(url) = s.url.as_deref().filter(|u| linkable(u)) {
            out.push(Entry {
                kind: Kind::Source,
                name: s.title.clone(),
                url: url.to_string(),
                purpose: format!("source `{}`", s.id),
                checked: None,
                confirmed_by: "facts/regions.json (the facts file that read it)".to_string(),
            });
        }
    }
    for r in catalogue.regions() {
        for o in r.support.iter().chain(&r.english.organisations) {
            if let Some(url) = o.url.as_deref().filter(|u| linkable(u)) {
                out.push(Entry {
                    kind: Kind::Organisation,
                    name: o.name.clone(),
                    url: url.to_string(),
                    purpose: format!("organisation, region {}", r.code),
                    checked: None,
                    confirmed_by: format!("facts/regions.json, cited by {}", o.sources.join(", ")),
                });
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|e| seen.insert(normalise(&e.url)));
    out
}

/// Whether a page may show this address: it is in the registry. Compared without a trailing
/// slash and with `&amp;` read as `&` (as HTML writes it).
pub fn registered(url: &str) -> bool {
    static ALL: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    ALL.get_or_init(|| all().iter().map(|e| normalise(&e.url)).collect())
        .contains(&normalise(url))
}

fn normalise(url: &str) -> String {
    url.replace("&amp;", "&").trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_links_are_registered_and_unique() {
        for l in SERVICE {
            assert!(registered(l.url), "{}", l.id);
            assert!(linkable(l.url), "{}", l.id);
        }
        let ids: std::collections::BTreeSet<_> = SERVICE.iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), SERVICE.len());
        assert!(!registered("https://example.org/"));
    }

    #[test]
    fn known_wrong_links_are_gone() {
        // La Place 0-5 closed on 16 October 2025; quebec.ca/emploi is not the job board
        // (PROGRAM.md, "Public services that changed").
        assert!(all().iter().all(|e| !e.url.contains("laplace0-5")));
        assert!(!registered("https://www.quebec.ca/emploi"));
        assert_eq!(host(QUEBEC_EMPLOI.url), "www.quebecemploi.gouv.qc.ca");
    }

    #[test]
    fn retired_hosts_are_not_linkable() {
        let url = "http://climate.weatheroffice.gc.ca/climate_normals/results_e.html?stnID=5836";
        assert!(retired(url).is_some());
        assert!(!linkable(url));
        assert!(!registered(url));
        assert!(linkable(
            "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=9810000701"
        ));
        assert!(!linkable(
            "https://ced.canada.ca/en/tools-and-resources/<office>-x/"
        ));
    }
}
