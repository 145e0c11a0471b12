//! Reads the catalogue into a [`Catalogue`], and does nothing else: from the data file's JSON
//! text (checks, tools) or from the compact bytes the app embeds (`tree::encode`), both walked
//! as one [`Node`] tree, so the two cannot read differently. Walked by hand instead of deriving
//! `Deserialize` for every type: the derived visitors were about 70 KB of wasm for a file
//! parsed once (measured with twiggy). Unknown keys are refused, so that a typo in a hand edit
//! fails the data test.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::catalogue::{
    Catalogue, City, Dating, Education, English, EnglishLevel, Figure, Figures, Institution,
    Organisation, Region, SCHEMA, Sector, Source,
};
use crate::text::Text;
use crate::tree::Node;

type Obj<'a> = [(&'a str, Node<'a>)];

/// A parse error: where, and what was expected.
fn err(path: &str, what: &str) -> String {
    format!("{path}: {what}")
}

fn obj<'n, 'a>(v: &'n Node<'a>, path: &str) -> Result<&'n Obj<'a>, String> {
    v.as_object().ok_or_else(|| err(path, "expected an object"))
}

/// Refuses keys outside `allowed`; a required key that is missing is caught by its reader.
fn keys(o: &Obj, allowed: &[&str], path: &str) -> Result<(), String> {
    match o.iter().map(|(k, _)| k).find(|k| !allowed.contains(k)) {
        Some(k) => Err(err(path, &format!("unknown key {k:?}"))),
        None => Ok(()),
    }
}

/// The value of `key`, if written.
fn get<'n, 'a>(o: &'n Obj<'a>, key: &str) -> Option<&'n Node<'a>> {
    o.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

fn field<'n, 'a>(o: &'n Obj<'a>, key: &str, path: &str) -> Result<&'n Node<'a>, String> {
    get(o, key).ok_or_else(|| err(path, &format!("missing key {key:?}")))
}

fn string(o: &Obj, key: &str, path: &str) -> Result<String, String> {
    field(o, key, path)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| err(path, &format!("{key} must be text")))
}

fn opt_string(o: &Obj, key: &str, path: &str) -> Result<Option<String>, String> {
    match get(o, key) {
        None | Some(Node::Null) => Ok(None),
        Some(Node::Str(s)) => Ok(Some(s.to_string())),
        Some(_) => Err(err(path, &format!("{key} must be text or null"))),
    }
}

fn strings(o: &Obj, key: &str, path: &str) -> Result<Vec<String>, String> {
    let items = field(o, key, path)?
        .as_list()
        .ok_or_else(|| err(path, &format!("{key} must be a list")))?;
    items
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_string)
                .ok_or_else(|| err(path, &format!("{key} must hold text")))
        })
        .collect()
}

fn number(o: &Obj, key: &str, path: &str) -> Result<f64, String> {
    field(o, key, path)?
        .as_f64()
        .ok_or_else(|| err(path, &format!("{key} must be a number")))
}

fn whole<T: TryFrom<u64>>(v: &Node, key: &str, path: &str) -> Result<T, String> {
    v.as_u64()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| err(path, &format!("{key} must be a whole number in range")))
}

fn opt_whole<T: TryFrom<u64>>(o: &Obj, key: &str, path: &str) -> Result<Option<T>, String> {
    match get(o, key) {
        None | Some(Node::Null) => Ok(None),
        Some(v) => whole(v, key, path).map(Some),
    }
}

fn flag(o: &Obj, key: &str, default: bool, path: &str) -> Result<bool, String> {
    match get(o, key) {
        None => Ok(default),
        Some(v) => v
            .as_bool()
            .ok_or_else(|| err(path, &format!("{key} must be true or false"))),
    }
}

fn text(v: &Node, path: &str) -> Result<Text, String> {
    let o = obj(v, path)?;
    keys(o, &["fr", "en"], path)?;
    Ok(Text::new(string(o, "fr", path)?, string(o, "en", path)?))
}

fn opt_text(o: &Obj, key: &str, path: &str) -> Result<Option<Text>, String> {
    match get(o, key) {
        None | Some(Node::Null) => Ok(None),
        Some(v) => text(v, &format!("{path}.{key}")).map(Some),
    }
}

fn list<T>(
    o: &Obj,
    key: &str,
    path: &str,
    each: impl Fn(&Node, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let items = field(o, key, path)?
        .as_list()
        .ok_or_else(|| err(path, &format!("{key} must be a list")))?;
    items
        .iter()
        .enumerate()
        .map(|(i, v)| each(v, &format!("{path}.{key}[{i}]")))
        .collect()
}

fn figure(v: &Node, path: &str) -> Result<Option<Figure>, String> {
    if v.is_null() {
        return Ok(None);
    }
    let o = obj(v, path)?;
    keys(
        o,
        &[
            "value", "year", "undated", "computed", "sources", "period", "approx", "note",
        ],
        path,
    )?;
    let dating = match (
        flag(o, "undated", false, path)?,
        flag(o, "computed", false, path)?,
    ) {
        (false, false) => Dating::Year,
        (true, false) => Dating::Undated,
        (false, true) => Dating::Computed,
        (true, true) => return Err(err(path, "a figure is undated or computed, not both")),
    };
    Ok(Some(Figure {
        value: number(o, "value", path)?,
        year: opt_whole(o, "year", path)?,
        dating,
        sources: Arc::from(strings(o, "sources", path)?),
        period: opt_string(o, "period", path)?.map(Arc::from),
        approx: flag(o, "approx", false, path)?,
        note: opt_text(o, "note", path)?.map(Arc::new),
    }))
}

/// Every metric key must be written, `null` when unknown (data/README.md).
fn figures(v: &Node, path: &str) -> Result<Figures, String> {
    use crate::metric::Metric;
    let o = obj(v, path)?;
    let keys_all: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
    keys(o, &keys_all, path)?;
    let mut out = Figures::default();
    for m in Metric::ALL {
        let p = format!("{path}.{}", m.key());
        *out.slot_mut(m) = figure(field(o, m.key(), path)?, &p)?;
    }
    Ok(out)
}

fn city(v: &Node, path: &str) -> Result<City, String> {
    let o = obj(v, path)?;
    keys(o, &["name", "population", "year", "cmm", "sources"], path)?;
    Ok(City {
        in_cmm: flag(o, "cmm", false, path)?,
        name: string(o, "name", path)?,
        population: whole(field(o, "population", path)?, "population", path)?,
        year: whole(field(o, "year", path)?, "year", path)?,
        sources: strings(o, "sources", path)?,
    })
}

fn sector(v: &Node, path: &str) -> Result<Sector, String> {
    let o = obj(v, path)?;
    keys(o, &["text", "fields", "sources", "year", "verified"], path)?;
    Ok(Sector {
        text: text(field(o, "text", path)?, &format!("{path}.text"))?,
        fields: strings(o, "fields", path)?,
        sources: strings(o, "sources", path)?,
        year: opt_whole(o, "year", path)?,
        verified: flag(o, "verified", true, path)?,
    })
}

fn organisation(v: &Node, path: &str) -> Result<Organisation, String> {
    let o = obj(v, path)?;
    keys(o, &["name", "city", "url", "sources"], path)?;
    Ok(Organisation {
        name: string(o, "name", path)?,
        city: opt_string(o, "city", path)?,
        url: opt_string(o, "url", path)?,
        sources: strings(o, "sources", path)?,
    })
}

fn english(v: &Node, path: &str) -> Result<English, String> {
    let o = obj(v, path)?;
    keys(
        o,
        &["level", "summary", "organisations", "sources", "verified"],
        path,
    )?;
    let level = match opt_string(o, "level", path)?.as_deref() {
        None => None,
        Some("notable") => Some(EnglishLevel::Notable),
        Some("small") => Some(EnglishLevel::Small),
        Some(other) => {
            return Err(err(
                path,
                &format!("level {other:?} is not notable, small or null"),
            ));
        }
    };
    Ok(English {
        level,
        summary: opt_text(o, "summary", path)?,
        organisations: list(o, "organisations", path, organisation)?,
        sources: strings(o, "sources", path)?,
        verified: flag(o, "verified", true, path)?,
    })
}

fn institution(v: &Node, path: &str) -> Result<Institution, String> {
    let o = obj(v, path)?;
    keys(o, &["name", "english"], path)?;
    Ok(Institution {
        name: string(o, "name", path)?,
        english: flag(o, "english", false, path)?,
    })
}

fn education(v: &Node, path: &str) -> Result<Option<Education>, String> {
    if v.is_null() {
        return Ok(None);
    }
    let o = obj(v, path)?;
    keys(o, &["universities", "cegeps", "verified", "sources"], path)?;
    Ok(Some(Education {
        universities: list(o, "universities", path, institution)?,
        cegeps: list(o, "cegeps", path, institution)?,
        verified: flag(o, "verified", false, path)?,
        sources: strings(o, "sources", path)?,
    }))
}

fn region(v: &Node, path: &str) -> Result<Region, String> {
    let o = obj(v, path)?;
    let code = string(o, "code", path)?;
    let path = &format!("region {code}");
    keys(
        o,
        &[
            "code",
            "slug",
            "name_fr",
            "name_en",
            "destination",
            "main_city",
            "description",
            "cmm_part",
            "main_cities",
            "figures",
            "sectors",
            "english",
            "support",
            "education",
        ],
        path,
    )?;
    Ok(Region {
        slug: string(o, "slug", path)?,
        name_fr: string(o, "name_fr", path)?,
        name_en: string(o, "name_en", path)?,
        destination: field(o, "destination", path)?
            .as_bool()
            .ok_or_else(|| err(path, "destination must be true or false"))?,
        main_city: string(o, "main_city", path)?,
        description: text(
            field(o, "description", path)?,
            &format!("{path}.description"),
        )?,
        cmm_part: opt_text(o, "cmm_part", path)?,
        main_cities: list(o, "main_cities", path, city)?,
        figures: figures(field(o, "figures", path)?, &format!("{path}.figures"))?,
        sectors: list(o, "sectors", path, sector)?,
        english: english(field(o, "english", path)?, &format!("{path}.english"))?,
        support: list(o, "support", path, organisation)?,
        education: education(field(o, "education", path)?, &format!("{path}.education"))?,
        code,
    })
}

fn source(id: &str, v: &Node) -> Result<Source, String> {
    let path = &format!("source {id}");
    let o = obj(v, path)?;
    keys(o, &["title", "publisher", "url", "year", "licence"], path)?;
    Ok(Source {
        id: id.to_string(),
        title: string(o, "title", path)?,
        publisher: opt_string(o, "publisher", path)?,
        url: opt_string(o, "url", path)?,
        year: opt_whole(o, "year", path)?,
        licence: opt_string(o, "licence", path)?,
    })
}

impl Catalogue {
    /// Parses a catalogue file. Structural errors only; see [`Catalogue::problems`] for the
    /// content checks.
    pub fn from_json(json: &str) -> Result<Catalogue, String> {
        let root: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Catalogue::from_tree(&Node::from_json(&root))
    }

    /// Reads a catalogue from the compact bytes of [`crate::tree::encode`] (what the build
    /// script embeds in the app), with the same checks as [`Catalogue::from_json`].
    pub fn from_compact(bytes: &[u8]) -> Result<Catalogue, String> {
        Catalogue::from_tree(&Node::decode(bytes)?)
    }

    fn from_tree(root: &Node) -> Result<Catalogue, String> {
        let (schema, sources, regions) = read(root)?;
        if schema != SCHEMA {
            return Err(format!("schema {schema} (expected {SCHEMA})"));
        }
        Ok(Catalogue::new(sources, regions))
    }
}

/// The file's schema id, its sources (sorted by id) and its regions (in file order).
fn read(root: &Node) -> Result<(String, Vec<Source>, Vec<Region>), String> {
    let o = obj(root, "file")?;
    keys(o, &["schema", "about", "sources", "regions"], "file")?;
    let schema = string(o, "schema", "file")?;
    let sources_obj = obj(field(o, "sources", "file")?, "sources")?;
    let sorted: BTreeMap<&str, &Node> = sources_obj.iter().map(|(k, v)| (*k, v)).collect();
    let sources = sorted
        .into_iter()
        .map(|(id, v)| source(id, v))
        .collect::<Result<Vec<_>, _>>()?;
    let regions = list(o, "regions", "file", region)?;
    Ok((schema, sources, regions))
}
