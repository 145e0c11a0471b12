//! `endpoint/openapi.yaml` against the code it describes, natively and without a server:
//! - the form's limits in the document are the domain's constants (`eer_domain::interest`), the
//!   enums are the domain's and the endpoint's lists, the error codes are the endpoint's;
//! - for every text field, the document accepts a value only if the domain accepts it (so a
//!   client that trusts the document is never refused), and, for a value without surrounding
//!   white space, refuses it only if the domain refuses it — checked on generated strings full
//!   of edge cases (white space, control and format characters, lengths at each limit);
//! - the request example is `examples/interest.json`, and valid.
//!
//! schemathesis (`cargo xtask contract`, part of `cargo xtask test`) checks the same document
//! against the running server; this test pins the limits to the constants so that a change on
//! one side cannot go unnoticed until then. When it fails after a change of the domain, update
//! the document (the expected pattern is printed).

use eer_domain::interest::{
    DESTINATION_REGIONS, Interest, MAX_ADULTS, MAX_ANSWERS, MAX_CHILDREN, MAX_CONSENT_VERSION,
    MAX_COUNTRY, MAX_EMAIL, MAX_MESSAGE, MAX_NAME, MAX_OCCUPATION, MAX_PARTNER, MAX_PHONE,
    MAX_REGIONS, SCHEMA_VERSION,
};
use eer_endpoint::api::interest::is_valid_key;
use eer_endpoint::assign::{Organisation, ROTATION};
use eer_endpoint::error::AppError;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use regex::{Regex, RegexBuilder};
use serde_json::{Value, json};

fn document() -> Value {
    serde_yaml::from_str(include_str!("../openapi.yaml")).expect("openapi.yaml is YAML")
}

/// The value at a path of keys in the document.
fn at<'a>(doc: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(doc, |node, key| {
        node.get(key)
            .unwrap_or_else(|| panic!("openapi.yaml has no {path:?} (stopped at {key})"))
    })
}

/// A part of the Interest schema, by its `/`-separated path.
fn interest(doc: &Value, path: &str) -> Value {
    let mut keys = vec!["components", "schemas", "Interest"];
    keys.extend(path.split('/'));
    at(doc, &keys).clone()
}

fn regex(pattern: &str) -> Regex {
    // The message pattern counts to 2,000: larger than the default compiled-size limit.
    RegexBuilder::new(pattern)
        .size_limit(1 << 28)
        .build()
        .unwrap_or_else(|e| panic!("pattern {pattern}: {e}"))
}

// How the document writes the domain's text rules (the domain trims surrounding white space,
// Rust's `char::is_whitespace`, then checks; controls are `char::is_control`, category Cc).
// Plain `\uXXXX` escapes and classes only: ECMA-262, Python and Rust read them alike.
const WS: &str = r"\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
const CC: &str = r"\u0000-\u001f\u007f-\u009f";
/// Neither white space nor control.
const WS_CC: &str = r"\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// The message allows tabs and line breaks: controls but those, white space but those controls.
const CC_MESSAGE: &str = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f";
const WS_MESSAGE: &str = r"\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

/// The direction controls every text field refuses (`eer_domain::interest::is_bidi_control`).
const BIDI: &str = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069";
/// What one-line fields (names, country, occupation) refuse besides controls: the direction
/// controls and the characters that show nothing (`eer_domain::interest::has_control`). The
/// tag characters U+E0000–E007F are refused by the domain too but left out here: `\uXXXX`
/// cannot write them, and ECMA-262, Python and Rust disagree on any other escape.
const INVISIBLE: &str = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb";

/// Required text: 1 to `max` characters once trimmed, no control or invisible character.
fn text_pattern(max: usize) -> String {
    format!(
        "^[{WS}]*[^{WS_CC}{INVISIBLE}](?:[^{CC}{INVISIBLE}]{{0,{}}}[^{WS_CC}{INVISIBLE}])?[{WS}]*$",
        max - 2
    )
}

/// A name needs a letter besides (`allOf`, a second pattern).
const NAME_LETTER: &str = r"\p{L}";

fn message_pattern(max: usize) -> String {
    format!(
        "^[{WS_MESSAGE}]*(?:[^{WS_CC}{BIDI}](?:[^{CC_MESSAGE}{BIDI}]{{0,{}}}[^{WS_CC}{BIDI}])?)?[{WS_MESSAGE}]*$",
        max - 2
    )
}

/// Trimmed, then `count` characters of `class` (an empty value is no value when `min` is 0).
fn trimmed_pattern(class: &str, min: usize, max: usize) -> String {
    format!("^[{WS}]*[{class}]{{{min},{max}}}[{WS}]*$")
}

#[test]
fn the_documents_limits_are_the_domains_constants() {
    let doc = document();
    let expected = [
        (
            "properties/contact/properties/first_name",
            text_pattern(MAX_NAME),
        ),
        (
            "properties/contact/properties/last_name",
            text_pattern(MAX_NAME),
        ),
        (
            "properties/situation/properties/occupation",
            text_pattern(MAX_OCCUPATION),
        ),
        (
            "properties/situation/then/properties/country",
            text_pattern(MAX_COUNTRY),
        ),
        ("properties/message", message_pattern(MAX_MESSAGE)),
        (
            "properties/answers",
            trimmed_pattern(r"!\u0023-\u003b=?A-\u005b\u005d-~", 0, MAX_ANSWERS),
        ),
        (
            "properties/consent/properties/version",
            trimmed_pattern(r"A-Za-z0-9._\u002d", 1, MAX_CONSENT_VERSION),
        ),
        (
            "properties/source/properties/partner",
            trimmed_pattern(r"a-z0-9\u002d", 0, MAX_PARTNER),
        ),
    ];
    for path in [
        "properties/contact/properties/first_name",
        "properties/contact/properties/last_name",
    ] {
        let letter = &interest(&doc, path)["allOf"][0]["pattern"];
        assert_eq!(
            letter.as_str(),
            Some(NAME_LETTER),
            "{path}: a name needs a letter (allOf: [{{pattern: '{NAME_LETTER}'}}])"
        );
    }
    for (path, pattern) in expected {
        let schema = interest(&doc, path);
        assert_eq!(
            schema["pattern"].as_str(),
            Some(pattern.as_str()),
            "{path}: the document's pattern is not the domain's rule; expected (YAML, single \
             quotes):\n'{pattern}'"
        );
    }
    let max_length = |path: &str| interest(&doc, path)["maxLength"].as_u64();
    assert_eq!(
        max_length("properties/contact/properties/email"),
        Some(MAX_EMAIL as u64)
    );
    assert_eq!(
        max_length("properties/contact/properties/phone"),
        Some(MAX_PHONE as u64)
    );

    let situation = interest(&doc, "properties/situation/properties");
    assert_eq!(situation["adults"]["minimum"], 1);
    assert_eq!(situation["adults"]["maximum"], MAX_ADULTS);
    assert_eq!(situation["children"]["minimum"], 0);
    assert_eq!(situation["children"]["maximum"], MAX_CHILDREN);
    let regions = interest(&doc, "properties/project/properties/regions");
    assert_eq!(regions["maxItems"], MAX_REGIONS);
    assert_eq!(regions["items"]["enum"], json!(DESTINATION_REGIONS));
    assert_eq!(interest(&doc, "properties/schema")["const"], SCHEMA_VERSION);

    let organisations: Vec<&str> = ROTATION.iter().map(|o| o.code()).collect();
    assert_eq!(
        at(&doc, &["components", "schemas", "Organisation", "enum"]),
        &json!(organisations)
    );
    for code in organisations {
        assert!(Organisation::from_code(code).is_some());
    }

    // Every error the endpoint can answer is in the document's list, and nothing else.
    let codes: Vec<&str> = [
        AppError::bad_json(),
        AppError::missing_key(),
        AppError::too_large(),
        AppError::timeout(),
        AppError::unsupported_media_type(),
        AppError::invalid_fields(Vec::new()),
        AppError::key_reused(),
        AppError::rate_limited(1),
        AppError::forbidden_origin(),
        AppError::unauthorized(),
        AppError::not_found(),
        AppError::method_not_allowed(),
        AppError::bad_query(),
        AppError::unavailable(),
        eer_endpoint::staff::token_in_query(),
    ]
    .iter()
    .map(|e| e.code)
    .collect();
    let documented = at(
        &doc,
        &[
            "components",
            "schemas",
            "Error",
            "properties",
            "error",
            "properties",
            "code",
            "enum",
        ],
    );
    assert_eq!(documented, &json!(codes));
}

#[test]
fn the_idempotency_key_pattern_is_the_endpoints() {
    let doc = document();
    let key = regex(
        at(
            &doc,
            &[
                "components",
                "parameters",
                "IdempotencyKey",
                "schema",
                "pattern",
            ],
        )
        .as_str()
        .unwrap(),
    );
    let mut runner = TestRunner::new(Config::with_cases(512));
    runner
        .run(&"[A-Za-z0-9_\\-+/= é.]{0,70}", |k| {
            prop_assert_eq!(key.is_match(&k), is_valid_key(&k), "{:?}", k);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_request_example_is_the_example_file_and_is_valid() {
    let doc = document();
    let example = at(
        &doc,
        &[
            "paths",
            "/api/interest",
            "post",
            "requestBody",
            "content",
            "application/json",
            "examples",
            "interest",
            "value",
        ],
    );
    let file: Value = serde_json::from_str(include_str!("../examples/interest.json")).unwrap();
    assert_eq!(
        example, &file,
        "openapi.yaml's example and examples/interest.json differ"
    );
    Interest::from_json(example).expect("the example is a valid form");
}

/// What the document says of one string value: its type, `maxLength` and `pattern` (as JSON
/// Schema does: the pattern is searched, the length counts characters).
fn document_accepts(schemas: &[(Value, Option<Regex>)], value: &str) -> bool {
    schemas.iter().all(|(schema, pattern)| {
        let types = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            // No type (an allOf member): any.
            _ => vec!["string"],
        };
        types.contains(&"string")
            && schema["maxLength"]
                .as_u64()
                .is_none_or(|max| value.chars().count() as u64 <= max)
            && pattern.as_ref().is_none_or(|p| p.is_match(value))
    })
}

/// What the domain says: the example form with `value` at `field` (and `context` applied) has no
/// error on that field.
fn domain_accepts(field: &str, context: &[(&str, Value)], value: &str) -> bool {
    let mut form: Value = serde_json::from_str(include_str!("../examples/interest.json")).unwrap();
    for (path, v) in context {
        *pointer(&mut form, path) = v.clone();
    }
    *pointer(&mut form, field) = json!(value);
    match Interest::from_json(&form) {
        Ok(_) => true,
        Err(errors) => !errors.iter().any(|e| e.field == field),
    }
}

fn pointer<'a>(form: &'a mut Value, field: &str) -> &'a mut Value {
    field.split('.').fold(form, |node, key| &mut node[key])
}

/// Characters that sit on the edges of the rules.
const EDGES: &[char] = &[
    'a', 'Z', 'é', 'ß', '中', '😀', '0', '7', ' ', '\t', '\n', '\r', '\u{b}', '\u{c}', '\0',
    '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{200b}',
    '\u{200e}', '\u{202e}', '\u{2066}', '\u{2028}', '\u{3000}', '\u{301}', '\u{feff}', '@', '.',
    '-', '+', '(', ')', '<', '>', '"', '\\', '_', '/', '=', '&', '?', '#', '[', ']', ',', ';', ':',
    '\'', '!', '~', '%',
];

fn edge_string(max_len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(EDGES), 0..max_len)
        .prop_map(|chars| chars.into_iter().collect())
}

/// A value of about `limit` characters (one under, at, one over…), padded or not with white
/// space, with one edge character somewhere or not.
fn around(limit: usize) -> impl Strategy<Value = String> {
    (
        limit.saturating_sub(2)..=limit + 2,
        proptest::sample::select(&[' ', 'a', '7', 'x'][..]),
        proptest::sample::select(&["", " ", "\t\u{a0}"][..]),
        proptest::option::of(proptest::sample::select(EDGES)),
    )
        .prop_map(|(n, c, pad, edge)| {
            let mut body: String = std::iter::repeat_n(c, n).collect();
            if let Some(edge) = edge {
                body.insert(n / 2, edge);
            }
            format!("{pad}{body}{pad}")
        })
}

struct Field {
    /// The field's path in the form (and in the domain's errors).
    path: &'static str,
    /// The schemas that apply, as paths under the Interest schema.
    schemas: &'static [&'static str],
    /// Other fields set first (the `if` of an `if`/`then`).
    context: Vec<(&'static str, Value)>,
    /// Values shaped like the field's, so that valid ones are drawn too.
    shaped: &'static str,
    limit: usize,
}

fn fields() -> Vec<Field> {
    let name = "[A-Za-zé' -]{1,8}";
    vec![
        Field {
            path: "contact.first_name",
            schemas: &["properties/contact/properties/first_name"],
            context: vec![],
            shaped: name,
            limit: MAX_NAME,
        },
        Field {
            path: "contact.last_name",
            schemas: &["properties/contact/properties/last_name"],
            context: vec![],
            shaped: name,
            limit: MAX_NAME,
        },
        Field {
            path: "contact.email",
            schemas: &["properties/contact/properties/email"],
            context: vec![],
            shaped: "[ ]?[a-z0-9.+_é-]{1,6}@[a-z0-9é-]{0,4}(\\.[a-z0-9-]{0,3}){0,2}[ ]?",
            limit: MAX_EMAIL,
        },
        Field {
            path: "contact.phone",
            schemas: &["properties/contact/properties/phone"],
            context: vec![("contact.preferred", json!("email"))],
            shaped: "[ ]?[+]?[0-9 ().+-]{0,18}[\t ]?",
            limit: MAX_PHONE,
        },
        Field {
            path: "contact.phone",
            schemas: &[
                "properties/contact/properties/phone",
                "properties/contact/then/properties/phone",
            ],
            context: vec![("contact.preferred", json!("phone"))],
            shaped: "[ ]?[+]?[0-9 ().+-]{0,18}[\t ]?",
            limit: MAX_PHONE,
        },
        Field {
            path: "situation.country",
            schemas: &[
                "properties/situation/properties/country",
                "properties/situation/then/properties/country",
            ],
            context: vec![("situation.residence", json!("abroad"))],
            shaped: name,
            limit: MAX_COUNTRY,
        },
        Field {
            path: "situation.country",
            schemas: &["properties/situation/properties/country"],
            context: vec![("situation.residence", json!("canada"))],
            shaped: name,
            limit: MAX_COUNTRY,
        },
        Field {
            path: "situation.occupation",
            schemas: &["properties/situation/properties/occupation"],
            context: vec![],
            shaped: name,
            limit: MAX_OCCUPATION,
        },
        Field {
            path: "answers",
            schemas: &["properties/answers"],
            context: vec![],
            shaped: "[ ]?[a-z0-9=&@<>\"\\\\-]{0,8}[ ]?",
            limit: MAX_ANSWERS,
        },
        Field {
            path: "message",
            schemas: &["properties/message"],
            context: vec![],
            shaped: "[ \n]?[A-Za-z \n\t\r]{0,8}[ \u{b}]?",
            limit: MAX_MESSAGE,
        },
        Field {
            path: "consent.version",
            schemas: &["properties/consent/properties/version"],
            context: vec![],
            shaped: "[ ]?[A-Za-z0-9._ -]{0,6}[ ]?",
            limit: MAX_CONSENT_VERSION,
        },
        Field {
            path: "source.partner",
            schemas: &["properties/source/properties/partner"],
            context: vec![],
            shaped: "[ ]?[a-zA-Z0-9_ -]{0,6}[ ]?",
            limit: MAX_PARTNER,
        },
    ]
}

/// Where the document is knowingly stricter than the domain on a value without surrounding white
/// space: the domain counts an email's part before `@` in bytes (≤ 64), the document allows
/// only ASCII there, so an email with a non-ASCII local part is refused by the document alone.
fn known_stricter_in_document(field: &str, value: &str) -> bool {
    field == "contact.email" && value.split('@').next().is_some_and(|l| !l.is_ascii())
}

#[test]
fn the_document_accepts_exactly_what_the_domain_accepts() {
    let doc = document();
    for field in fields() {
        // Each schema that applies, and the members of its `allOf` (a second `pattern`, say).
        let schemas: Vec<(Value, Option<Regex>)> = field
            .schemas
            .iter()
            .map(|path| interest(&doc, path))
            .flat_map(|schema| {
                let parts = schema["allOf"].as_array().cloned().unwrap_or_default();
                std::iter::once(schema).chain(parts)
            })
            .map(|schema| {
                let pattern = schema["pattern"].as_str().map(regex);
                (schema, pattern)
            })
            .collect();
        let strategy = prop_oneof![
            edge_string(8),
            around(field.limit),
            proptest::string::string_regex(field.shaped).unwrap(),
        ];
        let mut runner = TestRunner::new(Config::with_cases(1500));
        let result = runner.run(&strategy, |value| {
            let by_document = document_accepts(&schemas, &value);
            let by_domain = domain_accepts(field.path, &field.context, &value);
            // A value the document accepts is never refused: what schemathesis and any client
            // that trusts the document rely on.
            prop_assert!(
                !by_document || by_domain,
                "{} = {:?}: valid by openapi.yaml, refused by the domain",
                field.path,
                value
            );
            // The document refuses only what the domain refuses (surrounding white space
            // aside: the document's maxLength counts it, the domain trims it first).
            if value.trim() == value && !known_stricter_in_document(field.path, &value) {
                prop_assert!(
                    by_document || !by_domain,
                    "{} = {:?}: accepted by the domain, invalid by openapi.yaml",
                    field.path,
                    value
                );
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{} ({:?}): {e}", field.path, field.context);
        }
    }
}
