//! Reading the wire format leniently, so that the endpoint can name *every* bad field in one
//! answer instead of stopping at the first type error (the format: `endpoint/README.md`).

use serde::Deserialize;
use serde_json::{Map, Value};

use super::validate::validate;
use super::{Consent, Contact, FieldError, Interest, Project, Situation, Source};
use crate::lang::Lang;

impl Interest {
    /// Reads the wire format. Absent or `null` fields become empty (then [`validate`] says
    /// which are required); a value of the wrong JSON type is a `type` error on its path. On
    /// error, every bad field is listed: type errors and validation errors together.
    pub fn from_json(value: &Value) -> Result<Interest, Vec<FieldError>> {
        let mut r = Reader::default();
        let Some(root) = value.as_object() else {
            return Err(vec![FieldError::new(
                "",
                "type",
                "Le formulaire doit être un objet JSON.",
                "The form must be a JSON object.",
            )]);
        };
        let schema = match root.get("schema") {
            Some(Value::Number(n)) => whole(n).and_then(|n| u32::try_from(n).ok()),
            _ => None,
        };
        let lang = match root.get("lang") {
            None | Some(Value::Null) => None,
            Some(Value::String(code)) => Lang::from_code(code),
            Some(_) => None,
        };
        if lang.is_none() {
            r.errors.push(FieldError::new(
                "lang",
                "invalid",
                "La langue doit être « fr » ou « en ».",
                "The language must be \"fr\" or \"en\".",
            ));
        }
        let contact = r.object(root, "contact");
        let situation = r.object(root, "situation");
        let project = r.object(root, "project");
        let consent = r.object(root, "consent");
        let source = r.object(root, "source");
        let interest = Interest {
            schema: schema.unwrap_or(0),
            lang: lang.unwrap_or_default(),
            contact: Contact {
                first_name: r.string(contact, "contact.first_name").unwrap_or_default(),
                last_name: r.string(contact, "contact.last_name").unwrap_or_default(),
                email: r.string(contact, "contact.email").unwrap_or_default(),
                phone: r.string(contact, "contact.phone"),
                preferred: r.choice(contact, "contact.preferred"),
                language: r.choice(contact, "contact.language"),
            },
            situation: Situation {
                residence: r.choice(situation, "situation.residence"),
                country: r.string(situation, "situation.country"),
                adults: r.count(situation, "situation.adults").unwrap_or(0),
                children: r.count(situation, "situation.children").unwrap_or(0),
                occupation: r
                    .string(situation, "situation.occupation")
                    .unwrap_or_default(),
            },
            project: Project {
                kind: r.choice(project, "project.kind"),
                regions: r.strings(project, "project.regions"),
            },
            answers: r.string(Some(root), "answers"),
            message: r.string(Some(root), "message"),
            consent: Consent {
                contact: r.boolean(consent, "consent.contact"),
                share_with_partner: r.boolean(consent, "consent.share_with_partner"),
                version: r.string(consent, "consent.version").unwrap_or_default(),
            },
            source: Source {
                channel: r.choice(source, "source.channel"),
                partner: r.string(source, "source.partner"),
            },
            website: r.string(Some(root), "website").unwrap_or_default(),
        };
        // A missing boolean in `consent` is not a type error but still an error: `false` is a
        // real answer and must be given, never assumed.
        let share_missing =
            consent.is_some_and(|c| !matches!(c.get("share_with_partner"), Some(Value::Bool(_))));
        if share_missing && !r.has("consent.share_with_partner") {
            r.errors.push(FieldError::new(
                "consent.share_with_partner",
                "required",
                "Indiquez si nous pouvons transmettre votre dossier à un organisme partenaire de la région.",
                "Say whether we may share your file with a partner organisation in the region.",
            ));
        }
        let mut errors = r.errors;
        if let Err(more) = validate(&interest) {
            for e in more {
                if !errors.iter().any(|known| known.field == e.field) {
                    errors.push(e);
                }
            }
        }
        if errors.is_empty() {
            Ok(interest)
        } else {
            Err(errors)
        }
    }
}

/// A non-negative whole number, however it is written: JSON has one number type, so `2.0` is
/// the number `2` (as JSON Schema's `integer` says, and as the OpenAPI document promises).
fn whole(n: &serde_json::Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// Collects type errors while reading the JSON tree.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

impl Reader {
    fn has(&self, path: &str) -> bool {
        self.errors.iter().any(|e| e.field == path)
    }

    fn type_error(&mut self, path: &str, what_fr: &str, what_en: &str) {
        self.errors.push(FieldError::new(
            path,
            "type",
            &format!("Ce champ doit être {what_fr}."),
            &format!("This field must be {what_en}."),
        ));
    }

    fn object<'a>(
        &mut self,
        parent: &'a Map<String, Value>,
        path: &str,
    ) -> Option<&'a Map<String, Value>> {
        match parent.get(path) {
            Some(Value::Object(map)) => Some(map),
            None | Some(Value::Null) => {
                self.errors.push(FieldError::new(
                    path,
                    "required",
                    "Cette partie du formulaire manque.",
                    "This part of the form is missing.",
                ));
                None
            }
            Some(_) => {
                self.type_error(path, "un objet", "an object");
                None
            }
        }
    }

    fn string(&mut self, parent: Option<&Map<String, Value>>, path: &str) -> Option<String> {
        match parent?.get(leaf(path)) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.type_error(path, "du texte", "text");
                None
            }
        }
    }

    fn choice<T: for<'de> Deserialize<'de>>(
        &mut self,
        parent: Option<&Map<String, Value>>,
        path: &str,
    ) -> Option<T> {
        match parent?.get(leaf(path)) {
            None | Some(Value::Null) => None,
            Some(v @ Value::String(_)) => match T::deserialize(v) {
                Ok(t) => Some(t),
                Err(_) => {
                    self.errors.push(FieldError::new(
                        path,
                        "invalid",
                        "Choisissez une des réponses proposées.",
                        "Choose one of the answers offered.",
                    ));
                    None
                }
            },
            Some(_) => {
                self.type_error(path, "du texte", "text");
                None
            }
        }
    }

    fn count(&mut self, parent: Option<&Map<String, Value>>, path: &str) -> Option<u8> {
        match parent?.get(leaf(path)) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match whole(n) {
                Some(n) => Some(u8::try_from(n).unwrap_or(u8::MAX)),
                None => {
                    self.errors.push(FieldError::new(
                        path,
                        "range",
                        "Entrez un nombre entier, sans décimale.",
                        "Enter a whole number.",
                    ));
                    None
                }
            },
            Some(_) => {
                self.type_error(path, "un nombre", "a number");
                None
            }
        }
    }

    fn boolean(&mut self, parent: Option<&Map<String, Value>>, path: &str) -> bool {
        match parent.and_then(|p| p.get(leaf(path))) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.type_error(path, "vrai ou faux (true/false)", "true or false");
                false
            }
        }
    }

    fn strings(&mut self, parent: Option<&Map<String, Value>>, path: &str) -> Vec<String> {
        let Some(parent) = parent else {
            return Vec::new();
        };
        match parent.get(leaf(path)) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        _ => {
                            self.type_error(&format!("{path}[{i}]"), "du texte", "text");
                            // Keep the position so that later indices still match the body.
                            out.push(String::new());
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.type_error(path, "une liste", "a list");
                Vec::new()
            }
        }
    }
}
