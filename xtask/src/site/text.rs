//! The interface text of the static pages, read from the app's own `locales/<lang>/*.toml`
//! (the same files `build.rs` compiles into the app), so that no sentence is written twice.
//!
//! Text only the static pages need lives in `locales/static/<lang>.toml`, outside the folders
//! the app compiles: `build.rs` turns every string of `locales/<lang>/` into a table the wasm
//! keeps whole, and these ~23 KB of prose (privacy, partners, sources) would add about 7 KB
//! brotli to every first visit of the quiz for pages that never run there. The same rules hold
//! (French is the reference; both files have the same keys, checked here and by a test).

use crate::locale_toml::{read_locale_dir, read_locale_file};
use crate::sh::Result;
use eer_domain::Lang;
use std::collections::BTreeMap;
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
            let mut table = read_locale_dir(&root.join("locales").join(lang))?;
            let path = root.join("locales/static").join(format!("{lang}.toml"));
            for (key, text) in read_locale_file(&path)? {
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
