//! Compiles `locales/<lang>/*.toml` into the app: one `K` enum of every key, and one table per
//! language. Each screen keeps its text in a file of its own (app, quiz, results, …), the same
//! file names in every language. French is the reference (Charter of the French language): a
//! key missing from, or extra in, another language stops the build, as does a key defined in
//! two files, so no string can ship in one language only.

use std::{env, fs, path::Path};

// The locale reader (flattening, no empty or non-text value, no key in two files), the same
// one the static site uses.
include!("xtask/src/locale_toml.rs");

const LANGS: [&str; 2] = ["fr", "en"];

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
        // Cargo scans a folder named here, and every file in it, for changes.
        println!("cargo:rerun-if-changed={dir}");
        let flat = read_locale_dir(Path::new(&dir)).unwrap_or_else(|e| panic!("locales: {e}"));
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
    // Written beside, then renamed over: a new file, never a write through a hard link into
    // another checkout's target directory (a target copied with `cp -al` shares its files).
    let out_dir = env::var("OUT_DIR").unwrap();
    let out = Path::new(&out_dir).join("locales.rs");
    let fresh = Path::new(&out_dir).join("locales.rs.new");
    fs::write(&fresh, code).unwrap();
    fs::rename(&fresh, &out).unwrap();
}
