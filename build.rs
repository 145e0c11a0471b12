//! Compiles `locales/<lang>/*.toml` into the app: one `K` enum of every key, and one table per
//! language. Each screen keeps its text in a file of its own (app, quiz, results, …), the same
//! file names in every language. French is the reference (Charter of the French language): a
//! key missing from, or extra in, another language stops the build, as does a key defined in
//! two files, so no string can ship in one language only.

use std::{collections::BTreeMap, env, fs, path::Path};

const LANGS: [&str; 2] = ["fr", "en"];

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                assert!(!text.trim().is_empty(), "locales: `{full}` is empty");
                out.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten(&full, inner, out),
            other => panic!("locales: `{full}` must be text, found {}", other.type_str()),
        }
    }
}

/// `quiz.start_button` → `QuizStartButton`.
fn ident(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    let mut tables = Vec::new();
    for lang in LANGS {
        let dir = format!("locales/{lang}");
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        let mut flat = BTreeMap::new();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let table: toml::Table = text
                .parse()
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let mut one = BTreeMap::new();
            flatten("", &table, &mut one);
            for (key, value) in one {
                let again = flat.insert(key.clone(), value);
                assert!(again.is_none(), "{dir}: `{key}` is defined twice");
            }
        }
        tables.push(flat);
    }
    let reference = &tables[0];
    for (lang, table) in LANGS.iter().zip(&tables).skip(1) {
        let missing: Vec<_> = reference
            .keys()
            .filter(|k| !table.contains_key(*k))
            .collect();
        let extra: Vec<_> = table
            .keys()
            .filter(|k| !reference.contains_key(*k))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}.toml lacks keys: {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "locales/{lang}.toml has keys French lacks: {extra:?}"
        );
    }
    // Each key is a constant of its own, not an index into one table per language: a bundle
    // then links only the strings its screens name (a table is linked whole), so the quiz's
    // wasm carries no explorer text (issue 16, "strings per bundle").
    let mut code = String::from(
        "/// A key of `locales/*.toml`: its text in French and in English.\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub struct K(&'static [&'static str; 2]);\n#[allow(non_upper_case_globals)]\nimpl K {\n",
    );
    for (key, fr) in reference {
        let en = &tables[1][key];
        code += &format!(
            "    /// `{key}`\n    pub const {}: K = K(&[{fr:?}, {en:?}]);\n",
            ident(key)
        );
    }
    code += "}\n";
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs");
    fs::write(out, code).unwrap();
}
