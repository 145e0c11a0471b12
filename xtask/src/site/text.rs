//! The interface text of the static pages, read from the app's own `locales/<lang>/*.toml`
//! (the same files `build.rs` compiles into the app), so that no sentence is written twice.
//!
//! Text only the static pages need lives in `locales/static/<lang>.toml`, outside the folders
//! the app compiles: `build.rs` turns every string of `locales/<lang>/` into a table the wasm
//! keeps whole, and these ~23 KB of prose (privacy, partners, sources) would add about 7 KB
//! brotli to every first visit of the quiz for pages that never run there. The same rules hold
//! (French is the reference; both files have the same keys, checked here and by a test).

use crate::sh::Result;
use eer_domain::Lang;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every key of every locale file, flattened to `section.key`, for both languages.
pub struct Texts {
    fr: BTreeMap<String, String>,
    en: BTreeMap<String, String>,
}

impl Texts {
    /// Reads `locales/fr/*.toml` and `locales/en/*.toml` under `root`.
    pub fn load(root: &Path) -> Result<Texts> {
        let one = |lang: &str| -> Result<BTreeMap<String, String>> {
            let mut table = read_dir(&root.join("locales").join(lang))?;
            let path = root.join("locales/static").join(format!("{lang}.toml"));
            for (key, text) in read_file(&path)? {
                if table.insert(key.clone(), text).is_some() {
                    return Err(format!(
                        "{}: `{key}` is also in locales/{lang}/",
                        path.display()
                    ));
                }
            }
            Ok(table)
        };
        Ok(Texts {
            fr: one("fr")?,
            en: one("en")?,
        })
    }

    /// The text of `key` in `lang`. A missing key is a bug in the generator (the app's build
    /// already guarantees that both languages have the same keys): it stops the build.
    pub fn get(&self, lang: Lang, key: &str) -> &str {
        lang.pick(&self.fr, &self.en)
            .get(key)
            .unwrap_or_else(|| panic!("locales/{}: no key `{key}`", lang.code()))
    }

    /// A list written as numbered keys (`prefix_1`, `prefix_2`, …; TOML arrays are not allowed
    /// in the locale files), in order, until the first missing number.
    pub fn list(&self, lang: Lang, prefix: &str) -> Vec<&str> {
        let table = lang.pick(&self.fr, &self.en);
        (1..)
            .map_while(|i| table.get(&format!("{prefix}_{i}")).map(String::as_str))
            .collect()
    }

    /// Keys present in one language and not the other (empty when the files are sound).
    pub fn unpaired(&self) -> Vec<String> {
        let one_way = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| {
            a.keys()
                .filter(|k| !b.contains_key(*k))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut out = one_way(&self.fr, &self.en);
        out.extend(one_way(&self.en, &self.fr));
        out
    }
}

fn read_dir(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for path in files {
        out.extend(read_file(&path)?);
    }
    Ok(out)
}

fn read_file(path: &Path) -> Result<BTreeMap<String, String>> {
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: toml::Table = source
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    flatten("", &table, &mut out);
    Ok(out)
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten(&full, inner, out),
            _ => {}
        }
    }
}
