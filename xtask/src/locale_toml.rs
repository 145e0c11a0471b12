// The one reader of the locale files (`locales/<lang>/*.toml`, `locales/static/<lang>.toml`),
// shared by the app's build script (`build.rs`, by `include!`) and the static site
// (`xtask/src/site/text.rs`), so that both read the same keys with the same rules:
// - keys are flattened to `section.key`;
// - every value is text, and no text is empty (a TOML array or number, or "", is a mistake
//   in a translation, not something to skip);
// - a key defined in two files of one folder is refused (otherwise the last file would win
//   in silence).
// Plain `//` comments and full paths, no `use`: an `include!`d file cannot hold inner doc
// comments, and its imports would clash with the including file's.

/// The `*.toml` files of `dir`, sorted by name (the order in which they are read).
pub fn locale_files(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Every key of every locale file of `dir`; a key defined in two of them is an error.
pub fn read_locale_dir(
    dir: &std::path::Path,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let mut out = std::collections::BTreeMap::new();
    for path in locale_files(dir)? {
        for (key, text) in read_locale_file(&path)? {
            if out.insert(key.clone(), text).is_some() {
                return Err(format!(
                    "{}: `{key}` is defined twice (again in {})",
                    dir.display(),
                    path.display()
                ));
            }
        }
    }
    Ok(out)
}

/// One locale file, flattened to `section.key` → text.
pub fn read_locale_file(
    path: &std::path::Path,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_locale(&source).map_err(|e| format!("{}: {e}", path.display()))
}

/// The text of one locale file, flattened to `section.key` → text.
pub fn parse_locale(source: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    let table: toml::Table = source.parse().map_err(|e| format!("{e}"))?;
    let mut out = std::collections::BTreeMap::new();
    flatten_locale("", &table, &mut out)?;
    Ok(out)
}

fn flatten_locale(
    prefix: &str,
    table: &toml::Table,
    out: &mut std::collections::BTreeMap<String, String>,
) -> Result<(), String> {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) if text.trim().is_empty() => {
                return Err(format!("`{full}` is empty"));
            }
            toml::Value::String(text) => {
                out.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten_locale(&full, inner, out)?,
            other => {
                return Err(format!("`{full}` must be text, found {}", other.type_str()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_sections_into_dotted_keys() {
        let table =
            parse_locale("top = \"a\"\n[quiz]\nstart = \"b\"\n[quiz.deep]\nx = \"c\"\n").unwrap();
        let keys: Vec<_> = table.keys().map(String::as_str).collect();
        assert_eq!(keys, ["quiz.deep.x", "quiz.start", "top"]);
        assert_eq!(table["quiz.start"], "b");
    }

    #[test]
    fn refuses_empty_text_and_values_that_are_not_text() {
        assert!(
            parse_locale("[a]\nb = \"  \"\n")
                .unwrap_err()
                .contains("`a.b` is empty")
        );
        assert!(
            parse_locale("a = [\"x\"]\n")
                .unwrap_err()
                .contains("must be text")
        );
        assert!(
            parse_locale("a = 3\n")
                .unwrap_err()
                .contains("must be text")
        );
        assert!(parse_locale("a = \n").is_err());
    }

    #[test]
    fn refuses_a_key_defined_in_two_files() {
        let dir = std::env::temp_dir().join(format!("eer-locales-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.toml"), "[quiz]\nstart = \"x\"\n").unwrap();
        std::fs::write(dir.join("b.toml"), "[quiz]\nend = \"y\"\n").unwrap();
        std::fs::write(dir.join("notes.txt"), "not a locale file").unwrap();
        assert_eq!(read_locale_dir(&dir).unwrap().len(), 2);
        std::fs::write(dir.join("c.toml"), "[quiz]\nstart = \"z\"\n").unwrap();
        let err = read_locale_dir(&dir).unwrap_err();
        assert!(err.contains("`quiz.start` is defined twice"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_repository_locales_pass() {
        let root = crate::sh::root();
        for lang in ["fr", "en"] {
            assert!(
                !read_locale_dir(&root.join("locales").join(lang))
                    .unwrap()
                    .is_empty()
            );
            let static_file = root.join(format!("locales/static/{lang}.toml"));
            assert!(!read_locale_file(&static_file).unwrap().is_empty());
        }
    }
}
