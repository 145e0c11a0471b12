//! The person in charge of the protection of personal information, per organisation, read
//! from the site's configuration file `config/site.toml` (never hard-coded in a page): the
//! privacy page shows each, or « à confirmer » / "to confirm" for an empty value; `cargo xtask
//! dist` warns about every empty value and `cargo xtask dist --release` refuses to build.

use std::path::Path;

use crate::sh::Result;
use eer_domain::Lang;

/// The organisations of the program, in the order the page lists them: the table's key and
/// the name shown (the endpoint's `Organisation` codes and names).
pub const ORGANISATIONS: [(&str, &str); 3] = [
    ("promis", "PROMIS"),
    ("collectif", "Le Collectif des femmes immigrantes du Québec"),
    ("inici", "INICI"),
];

/// The values each organisation's table must give.
const FIELDS: [&str; 3] = ["title_fr", "title_en", "contact"];

pub const FILE: &str = "config/site.toml";

/// One organisation's person in charge; empty strings are placeholders still to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub organisation: &'static str,
    pub name: &'static str,
    pub title_fr: String,
    pub title_en: String,
    pub contact: String,
}

impl Officer {
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_fr, &self.title_en)
    }
}

/// Reads `config/site.toml` under `root`. A missing organisation or value is an error (the
/// file must list every one, empty or not); an unknown key too, so that a typo is not silently
/// shown as "to confirm".
pub fn load(root: &Path) -> Result<Vec<Officer>> {
    let path = root.join(FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{FILE}: {e}"))
}

pub fn parse(text: &str) -> Result<Vec<Officer>> {
    let table: toml::Table = text.parse().map_err(|e| format!("{e}"))?;
    let privacy = table
        .get("privacy")
        .and_then(toml::Value::as_table)
        .ok_or("no [privacy.<organisation>] tables")?;
    if let Some(unknown) = privacy
        .keys()
        .find(|k| !ORGANISATIONS.iter().any(|(o, _)| o == k))
    {
        return Err(format!(
            "[privacy.{unknown}]: not an organisation of the program (promis, collectif, inici)"
        ));
    }
    ORGANISATIONS
        .iter()
        .map(|(code, name)| {
            let t = privacy
                .get(*code)
                .and_then(toml::Value::as_table)
                .ok_or_else(|| format!("[privacy.{code}] is missing"))?;
            if let Some(unknown) = t.keys().find(|k| !FIELDS.contains(&k.as_str())) {
                return Err(format!(
                    "[privacy.{code}] {unknown}: unknown key (title_fr, title_en, contact)"
                ));
            }
            let get = |field: &str| -> Result<String> {
                match t.get(field) {
                    Some(toml::Value::String(s)) => Ok(s.trim().to_string()),
                    Some(_) => Err(format!("[privacy.{code}] {field}: must be text")),
                    None => Err(format!(
                        "[privacy.{code}] {field}: missing (leave it \"\" until confirmed)"
                    )),
                }
            };
            Ok(Officer {
                organisation: code,
                name,
                title_fr: get("title_fr")?,
                title_en: get("title_en")?,
                contact: get("contact")?,
            })
        })
        .collect()
}

/// The values still empty, as `privacy.<organisation>.<field>`.
pub fn placeholders(officers: &[Officer]) -> Vec<String> {
    let mut out = Vec::new();
    for o in officers {
        for (field, value) in [
            ("title_fr", &o.title_fr),
            ("title_en", &o.title_en),
            ("contact", &o.contact),
        ] {
            if value.is_empty() {
                out.push(format!("privacy.{}.{field}", o.organisation));
            }
        }
    }
    out
}

/// What `cargo xtask dist` does with placeholders: a warning listing them, or, for a release
/// build, a refusal.
pub fn check(officers: &[Officer], release: bool) -> Result {
    let empty = placeholders(officers);
    if empty.is_empty() {
        return Ok(());
    }
    let list = empty.join(", ");
    if release {
        return Err(format!(
            "{FILE}: the privacy page still has placeholders to confirm: {list}. A release needs \
             each organisation's person in charge of personal information (Law 25, s. 3.1)."
        ));
    }
    println!("warning: {FILE}: the privacy page shows \"to confirm\" for: {list}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"
[privacy.promis]
title_fr = "Direction générale"
title_en = "Executive director"
contact = "privacy@promis.example"
[privacy.collectif]
title_fr = "Coordination"
title_en = "Coordinator"
contact = "514 555-0000"
[privacy.inici]
title_fr = "Direction"
title_en = "Director"
contact = "inici@example.org"
"#;

    #[test]
    fn the_repository_file_reads_and_lists_its_placeholders() {
        let officers = load(&crate::sh::root()).unwrap();
        assert_eq!(officers.len(), 3);
        // PROGRAM.md names no one: every value is still to confirm.
        assert_eq!(placeholders(&officers).len(), 9);
    }

    #[test]
    fn a_release_refuses_placeholders_and_a_draft_warns() {
        let mut officers = parse(FULL).unwrap();
        assert!(placeholders(&officers).is_empty());
        assert!(check(&officers, true).is_ok());
        officers[1].contact.clear();
        let refused = check(&officers, true).unwrap_err();
        assert!(refused.contains("privacy.collectif.contact"), "{refused}");
        assert!(check(&officers, false).is_ok(), "a draft build only warns");
    }

    #[test]
    fn mistakes_in_the_file_are_named() {
        assert!(
            parse("[privacy.promis]\ntitle_fr = \"\"")
                .unwrap_err()
                .contains("title_en")
        );
        assert!(
            parse(&FULL.replace("[privacy.inici]", "[privacy.cfiq]"))
                .unwrap_err()
                .contains("cfiq")
        );
        assert!(
            parse(&FULL.replace("contact = \"514", "kontact = \"514"))
                .unwrap_err()
                .contains("kontact")
        );
    }
}
