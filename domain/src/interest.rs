//! The interest form: what a household sends so that a counsellor can call them back, and the
//! rules that decide whether it can be accepted.
//!
//! The same code runs in the browser (instant errors, before anything is sent) and in the
//! endpoint (the authority). The wire format is documented field by field in
//! `endpoint/README.md`; [`Interest::from_json`] reads it leniently so that the endpoint can
//! name *every* bad field in one answer instead of stopping at the first type error.
//!
//! Only what a counsellor needs to call back is asked (Québec's Law 25, private-sector Act
//! s. 4–5: collect only the information necessary for the purpose). Consent to be contacted
//! and consent to share with a regional partner are two separate answers because they are two
//! purposes (s. 14: consent is requested for each specific purpose).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lang::Lang;
use crate::text::Text;

/// The version of this schema. A body with another `schema` is refused, so that an old outbox
/// entry is never read with the wrong meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The 15 destination regions' codes (the one list: [`crate::destination`]).
pub use crate::destination::CODES as DESTINATION_REGIONS;

/// Bounds, in characters (Unicode scalar values). Generous for real people, small enough that a
/// whole form stays far below the endpoint's 32 KiB body limit.
pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254; // RFC 5321's path limit.
pub const MAX_PHONE: usize = 30;
pub const MAX_COUNTRY: usize = 80;
pub const MAX_OCCUPATION: usize = 120;
pub const MAX_MESSAGE: usize = 2000;
pub const MAX_ANSWERS: usize = 512;
pub const MAX_CONSENT_VERSION: usize = 32;
pub const MAX_PARTNER: usize = 64;
pub const MAX_REGIONS: usize = 5;
pub const MAX_ADULTS: u8 = 12;
pub const MAX_CHILDREN: u8 = 20;

/// One interest form, as sent by the app (JSON) and stored by the endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interest {
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The language of the interface the person used: error messages come back in it.
    pub lang: Lang,
    pub contact: Contact,
    pub situation: Situation,
    pub project: Project,
    /// The quiz answers in their compact URL form (never personal data), so that the counsellor
    /// sees what the person already told the quiz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// A free message to the counsellor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub consent: Consent,
    pub source: Source,
    /// Honeypot: a field people never see (hidden with CSS, `tabindex=-1`, `autocomplete=off`)
    /// and bots fill in. A filled one is answered like a success and stored flagged as spam.
    #[serde(default)]
    pub website: String,
}

/// How to reach the person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// Optional, unless `preferred` is `phone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `None` until the person chooses; required.
    pub preferred: Option<ContactMethod>,
    /// The language the person wants to be called back in; required.
    pub language: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactMethod {
    Email,
    Phone,
}

/// Where the household is now and who it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Situation {
    pub residence: Option<Residence>,
    /// The country, when `residence` is `abroad` (the MIFI pre-departure pilot: CSQ holders
    /// still in their country). Dropped by [`Interest::normalized`] otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Adults in the household, the person included (≥ 1).
    pub adults: u8,
    /// Children in the household (≥ 0).
    pub children: u8,
    /// The person's occupation or field, in their own words.
    pub occupation: String,
}

impl Default for Situation {
    fn default() -> Self {
        Situation {
            residence: None,
            country: None,
            adults: 1,
            children: 0,
            occupation: String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Residence {
    /// The Montréal metropolitan community: EER's main audience.
    #[serde(rename = "montreal")]
    MontrealArea,
    /// Abroad (with `country`).
    #[serde(rename = "abroad")]
    Abroad,
    /// Elsewhere in Québec: usually better served by the local partner, a counsellor decides.
    #[serde(rename = "quebec")]
    ElsewhereInQuebec,
    /// Elsewhere in Canada.
    #[serde(rename = "canada")]
    ElsewhereInCanada,
}

/// What the household wants to do in a region (the three kinds of project EER supports, plus
/// "not decided yet", which is a good reason to call a counsellor).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub kind: Option<ProjectKind>,
    /// 1 to 5 codes among [`DESTINATION_REGIONS`], most wanted first.
    pub regions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProjectKind {
    Job,
    Training,
    Business,
    Undecided,
}

/// Consent, as Law 25 wants it: explicit, per purpose, and with the version of the text the
/// person read (so that we can show later what they agreed to).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Consent to be contacted by an EER counsellor: must be `true` (it is the purpose).
    pub contact: bool,
    /// Consent to share the file with a partner organisation in the region: free choice.
    pub share_with_partner: bool,
    /// The version of the consent text shown, e.g. `2026-01`.
    pub version: String,
}

/// Where the form was filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub channel: Option<Channel>,
    /// The embedding partner's id (embed channel), e.g. `cfiq` or `ville-de-sherbrooke`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Web,
    Kiosk,
    Embed,
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's JSON path: `contact.email`, `project.regions[2]`.
    pub field: String,
    /// A stable code for programs: `required`, `invalid`, `too_long`, `range`, `type`, …
    pub code: &'static str,
    /// What to do about it, for people, in French and English.
    pub message: Text,
}

impl FieldError {
    fn new(field: impl Into<String>, code: &'static str, fr: &str, en: &str) -> Self {
        FieldError {
            field: field.into(),
            code,
            message: Text {
                fr: fr.into(),
                en: en.into(),
            },
        }
    }
}

impl Interest {
    /// An empty form in `lang`, as the app starts it (everything still to choose).
    pub fn blank(lang: Lang) -> Self {
        Interest {
            schema: SCHEMA_VERSION,
            lang,
            contact: Contact {
                language: Some(lang),
                ..Contact::default()
            },
            situation: Situation::default(),
            project: Project::default(),
            answers: None,
            message: None,
            consent: Consent::default(),
            source: Source {
                channel: Some(Channel::Web),
                partner: None,
            },
            website: String::new(),
        }
    }

    /// True when the honeypot was filled in.
    pub fn is_spam(&self) -> bool {
        !self.website.trim().is_empty()
    }

    /// The form as it is stored: text trimmed, empty optionals removed, the country dropped
    /// unless the household lives abroad (collect only what is needed).
    pub fn normalized(&self) -> Interest {
        let trim = |s: &str| s.trim().to_string();
        let opt = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let mut out = self.clone();
        out.contact.first_name = trim(&self.contact.first_name);
        out.contact.last_name = trim(&self.contact.last_name);
        out.contact.email = trim(&self.contact.email);
        out.contact.phone = opt(&self.contact.phone);
        out.situation.country = match self.situation.residence {
            Some(Residence::Abroad) => opt(&self.situation.country),
            _ => None,
        };
        out.situation.occupation = trim(&self.situation.occupation);
        out.answers = opt(&self.answers);
        out.message = opt(&self.message);
        out.consent.version = trim(&self.consent.version);
        out.source.partner = opt(&self.source.partner);
        out
    }

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

/// Checks a form. `Ok` when it can be accepted; otherwise every problem, in form order.
pub fn validate(form: &Interest) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut push = |e: FieldError| errors.push(e);

    if form.schema != SCHEMA_VERSION {
        push(FieldError::new(
            "schema",
            "unsupported",
            "Cette version du formulaire n'est plus acceptée. Rechargez la page.",
            "This version of the form is no longer accepted. Reload the page.",
        ));
    }

    // Contact.
    let c = &form.contact;
    name(
        &c.first_name,
        "contact.first_name",
        "Entrez votre prénom.",
        "Enter your first name.",
        &mut push,
    );
    name(
        &c.last_name,
        "contact.last_name",
        "Entrez votre nom de famille.",
        "Enter your last name.",
        &mut push,
    );
    let email = c.email.trim();
    if email.is_empty() {
        push(FieldError::new(
            "contact.email",
            "required",
            "Entrez votre adresse courriel.",
            "Enter your email address.",
        ));
    } else if email.chars().count() > MAX_EMAIL {
        push(too_long("contact.email", MAX_EMAIL));
    } else if !is_email(email) {
        push(FieldError::new(
            "contact.email",
            "invalid",
            "Entrez une adresse courriel comme nom@exemple.com.",
            "Enter an email address like name@example.com.",
        ));
    }
    let phone = c.phone.as_deref().map(str::trim).unwrap_or("");
    if phone.is_empty() {
        if c.preferred == Some(ContactMethod::Phone) {
            push(FieldError::new(
                "contact.phone",
                "required",
                "Entrez un numéro de téléphone, puisque vous préférez être joint par téléphone.",
                "Enter a phone number, since you prefer to be reached by phone.",
            ));
        }
    } else if phone.chars().count() > MAX_PHONE || !is_phone(phone) {
        push(FieldError::new(
            "contact.phone",
            "invalid",
            "Entrez un numéro de téléphone comme 514 555-0123 ou +33 1 23 45 67 89.",
            "Enter a phone number like 514 555-0123 or +33 1 23 45 67 89.",
        ));
    }
    if c.preferred.is_none() {
        push(FieldError::new(
            "contact.preferred",
            "required",
            "Choisissez comment vous préférez être joint : courriel ou téléphone.",
            "Choose how you prefer to be reached: email or phone.",
        ));
    }
    if c.language.is_none() {
        push(FieldError::new(
            "contact.language",
            "required",
            "Choisissez la langue dans laquelle vous voulez être rappelé.",
            "Choose the language you want to be called back in.",
        ));
    }

    // Situation.
    let s = &form.situation;
    match s.residence {
        None => push(FieldError::new(
            "situation.residence",
            "required",
            "Indiquez où vous habitez en ce moment.",
            "Say where you live now.",
        )),
        Some(Residence::Abroad) => {
            let country = s.country.as_deref().map(str::trim).unwrap_or("");
            if country.is_empty() {
                push(FieldError::new(
                    "situation.country",
                    "required",
                    "Indiquez dans quel pays vous habitez.",
                    "Say which country you live in.",
                ));
            } else if country.chars().count() > MAX_COUNTRY {
                push(too_long("situation.country", MAX_COUNTRY));
            } else if has_control(country) {
                push(control("situation.country"));
            }
        }
        Some(_) => {}
    }
    if !(1..=MAX_ADULTS).contains(&s.adults) {
        push(FieldError::new(
            "situation.adults",
            "range",
            &format!("Le nombre d'adultes, vous compris, doit être entre 1 et {MAX_ADULTS}."),
            &format!("The number of adults, you included, must be between 1 and {MAX_ADULTS}."),
        ));
    }
    if s.children > MAX_CHILDREN {
        push(FieldError::new(
            "situation.children",
            "range",
            &format!("Le nombre d'enfants doit être entre 0 et {MAX_CHILDREN}."),
            &format!("The number of children must be between 0 and {MAX_CHILDREN}."),
        ));
    }
    let occupation = s.occupation.trim();
    if occupation.is_empty() {
        push(FieldError::new(
            "situation.occupation",
            "required",
            "Entrez votre métier ou votre domaine, par exemple « infirmière » ou « étudiant en génie ».",
            "Enter your occupation or field, for example \"nurse\" or \"engineering student\".",
        ));
    } else if occupation.chars().count() > MAX_OCCUPATION {
        push(too_long("situation.occupation", MAX_OCCUPATION));
    } else if has_control(occupation) {
        push(control("situation.occupation"));
    }

    // Project.
    let p = &form.project;
    if p.kind.is_none() {
        push(FieldError::new(
            "project.kind",
            "required",
            "Choisissez votre projet : un emploi, des études, une entreprise, ou pas encore décidé.",
            "Choose your project: a job, training, a business, or not decided yet.",
        ));
    }
    if p.regions.is_empty() {
        push(FieldError::new(
            "project.regions",
            "required",
            "Choisissez au moins une région.",
            "Choose at least one region.",
        ));
    } else if p.regions.len() > MAX_REGIONS {
        push(FieldError::new(
            "project.regions",
            "too_many",
            &format!("Choisissez au plus {MAX_REGIONS} régions."),
            &format!("Choose at most {MAX_REGIONS} regions."),
        ));
    } else {
        for (i, code) in p.regions.iter().enumerate() {
            let field = format!("project.regions[{i}]");
            if !DESTINATION_REGIONS.contains(&code.as_str()) {
                push(FieldError::new(
                    field,
                    "unknown_region",
                    "Cette région ne fait pas partie des 15 régions de destination.",
                    "This region is not one of the 15 destination regions.",
                ));
            } else if p.regions[..i].contains(code) {
                push(FieldError::new(
                    field,
                    "duplicate",
                    "Cette région est déjà dans votre choix.",
                    "This region is already in your choice.",
                ));
            }
        }
    }

    // The quiz answers: a compact URL form. `@` is refused so that an email can never be
    // smuggled in (answers carry no personal data); spaces and controls cannot occur in it.
    if let Some(answers) = form
        .answers
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        if answers.len() > MAX_ANSWERS {
            push(too_long("answers", MAX_ANSWERS));
        } else if !answers
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'@' | b'<' | b'>' | b'"' | b'\\'))
        {
            push(FieldError::new(
                "answers",
                "invalid",
                "Les réponses du questionnaire sont illisibles. Refaites le questionnaire.",
                "The quiz answers cannot be read. Take the quiz again.",
            ));
        }
    }
    if let Some(message) = form.message.as_deref() {
        if message.trim().chars().count() > MAX_MESSAGE {
            push(too_long("message", MAX_MESSAGE));
        } else if message
            .chars()
            .any(|ch| (ch.is_control() && !matches!(ch, '\n' | '\r' | '\t')) || is_bidi_control(ch))
        {
            push(control("message"));
        }
    }

    // Consent (Law 25: manifest, free, informed, for a specific purpose).
    if !form.consent.contact {
        push(FieldError::new(
            "consent.contact",
            "required",
            "Cochez la case pour accepter qu'une personne conseillère vous joigne : c'est le but de ce formulaire.",
            "Tick the box to agree that a counsellor contacts you: it is the purpose of this form.",
        ));
    }
    let version = form.consent.version.trim();
    if version.is_empty()
        || version.chars().count() > MAX_CONSENT_VERSION
        || !version
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    {
        push(FieldError::new(
            "consent.version",
            "invalid",
            "La version du texte de consentement manque. Rechargez la page.",
            "The consent text version is missing. Reload the page.",
        ));
    }

    // Source.
    if form.source.channel.is_none() {
        push(FieldError::new(
            "source.channel",
            "required",
            "La provenance du formulaire manque (web, kiosk ou embed).",
            "The form's channel is missing (web, kiosk or embed).",
        ));
    }
    if let Some(partner) = form
        .source
        .partner
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let ok = partner.len() <= MAX_PARTNER
            && partner
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            push(FieldError::new(
                "source.partner",
                "invalid",
                "L'identifiant du partenaire est invalide (lettres minuscules, chiffres et traits d'union).",
                "The partner id is invalid (lowercase letters, digits and hyphens).",
            ));
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A name: any script people write names in (Arabic, Chinese, Vietnamese, Cyrillic,
/// Inuktitut syllabics…), with the marks, apostrophes, hyphens and joiners they use; but no
/// invisible formatting (see [`has_control`]) and at least one letter, so that a name made only
/// of invisible characters, digits or punctuation is refused.
fn name(value: &str, field: &str, fr: &str, en: &str, push: &mut impl FnMut(FieldError)) {
    let value = value.trim();
    if value.is_empty() {
        push(FieldError::new(field, "required", fr, en));
    } else if value.chars().count() > MAX_NAME {
        push(too_long(field, MAX_NAME));
    } else if has_control(value) {
        push(control(field));
    } else if !value.chars().any(char::is_alphabetic) {
        push(FieldError::new(
            field,
            "invalid",
            "Écrivez ce nom avec des lettres.",
            "Write this name with letters.",
        ));
    }
}

fn too_long(field: &str, max: usize) -> FieldError {
    FieldError::new(
        field,
        "too_long",
        &format!("Ce champ est trop long : {max} caractères au plus."),
        &format!("This field is too long: {max} characters at most."),
    )
}

fn control(field: &str) -> FieldError {
    FieldError::new(
        field,
        "invalid",
        "Ce champ contient des caractères invisibles ou de mise en forme (par exemple un changement du sens d'écriture). Retapez-le.",
        "This field contains invisible or formatting characters (a change of writing direction, for example). Type it again.",
    )
}

/// Controls (Unicode Cc) and the invisible formatting characters that a one-line field has no
/// use for: [`is_bidi_control`], and characters that show nothing at all. Kept: the zero-width
/// joiner and non-joiner (U+200C, U+200D), which Persian, Hindi, Malayalam or Sinhala names
/// need to be spelled right, combining marks and variation selectors (Japanese names).
fn has_control(s: &str) -> bool {
    s.chars().any(|ch| {
        ch.is_control()
            || is_bidi_control(ch)
            || matches!(ch,
                '\u{200B}'                     // zero-width space
                | '\u{2060}'..='\u{2064}'      // word joiner, invisible operators
                | '\u{FEFF}'                   // zero-width no-break space (byte-order mark)
                | '\u{00AD}'                   // soft hyphen
                | '\u{180E}'                   // Mongolian vowel separator
                | '\u{FFF9}'..='\u{FFFB}'      // interlinear annotation
                | '\u{E0000}'..='\u{E007F}'    // tag characters
            )
    })
}

/// The characters that change the direction text is shown in (Unicode Bidirectional
/// Algorithm, UAX #9: embeddings, overrides, isolates and marks). In a name, a right-to-left
/// override shows the rest reversed — in the counsellors' spreadsheet too ("Trojan Source",
/// CVE-2021-42574). Arabic and Hebrew names need none of them: their direction comes from
/// their letters.
fn is_bidi_control(ch: char) -> bool {
    matches!(ch,
        '\u{202A}'..='\u{202E}'   // LRE, RLE, PDF, LRO, RLO
        | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
        | '\u{200E}' | '\u{200F}' | '\u{061C}' // LRM, RLM, ALM
    )
}

/// A deliberately simple check (the HTML `type=email` rule in spirit): something, one `@`, a
/// domain with a dot and no empty label, no spaces. The real check is the counsellor's email.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
        && !s.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
                )
        })
}

/// Digits with the usual separators, an optional leading `+`; 7 to 15 digits (E.164's maximum
/// is 15), so that local numbers from Québec and numbers abroad both pass.
fn is_phone(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good() -> Value {
        json!({
            "schema": 1,
            "lang": "fr",
            "contact": {
                "first_name": "Amina", "last_name": "Diallo", "email": "amina@example.com",
                "phone": "514 555-0123", "preferred": "phone", "language": "fr"
            },
            "situation": {
                "residence": "montreal", "adults": 2, "children": 1, "occupation": "Infirmière"
            },
            "project": { "kind": "job", "regions": ["05", "02"] },
            "answers": "v=1&s=pr&p=job",
            "message": "Disponible le soir.",
            "consent": { "contact": true, "share_with_partner": true, "version": "2026-01" },
            "source": { "channel": "web" },
            "website": ""
        })
    }

    fn fields(v: &Value) -> Vec<String> {
        match Interest::from_json(v) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_good_form_passes_and_round_trips_through_serde() {
        let form = Interest::from_json(&good()).expect("valid");
        assert_eq!(form.contact.preferred, Some(ContactMethod::Phone));
        assert_eq!(form.project.regions, ["05", "02"]);
        assert!(!form.is_spam());
        // What the app serialises is what the endpoint reads back.
        let again = Interest::from_json(&serde_json::to_value(&form).unwrap()).unwrap();
        assert_eq!(again, form);
        let typed: Interest = serde_json::from_value(good()).unwrap();
        assert_eq!(typed, form);
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let mut v = good();
        v["contact"]["email"] = json!("amina.example.com");
        v["contact"]["first_name"] = json!("  ");
        v["situation"]["adults"] = json!(0);
        v["situation"]["children"] = json!("two");
        v["project"]["regions"] = json!(["06", "05", "05"]);
        v["consent"]["contact"] = json!(false);
        v["source"]["channel"] = json!("fax");
        assert_eq!(
            fields(&v),
            [
                "situation.children",
                "source.channel",
                "contact.first_name",
                "contact.email",
                "situation.adults",
                "project.regions[0]",
                "project.regions[2]",
                "consent.contact",
            ]
        );
    }

    #[test]
    fn messages_are_specific_and_bilingual() {
        let mut v = good();
        v["contact"]["email"] = json!("nope");
        let errors = Interest::from_json(&v).unwrap_err();
        assert_eq!(errors[0].code, "invalid");
        assert_eq!(
            errors[0].message.fr,
            "Entrez une adresse courriel comme nom@exemple.com."
        );
        assert_eq!(
            errors[0].message.en,
            "Enter an email address like name@example.com."
        );
    }

    #[test]
    fn missing_parts_and_types() {
        assert_eq!(fields(&json!([])), [""]);
        let v = json!({"schema": 1, "lang": "de"});
        let f = fields(&v);
        for expected in [
            "lang",
            "contact",
            "situation",
            "project",
            "consent",
            "source",
        ] {
            assert!(f.contains(&expected.to_string()), "{expected} in {f:?}");
        }
        let mut v = good();
        v["schema"] = json!(2);
        assert_eq!(fields(&v), ["schema"]);
        let mut v = good();
        v["consent"]
            .as_object_mut()
            .unwrap()
            .remove("share_with_partner");
        assert_eq!(fields(&v), ["consent.share_with_partner"]);
    }

    #[test]
    fn phone_country_regions_and_bounds() {
        let mut v = good();
        v["contact"]["phone"] = json!(null);
        assert_eq!(
            fields(&v),
            ["contact.phone"],
            "phone required when preferred"
        );
        v["contact"]["preferred"] = json!("email");
        assert!(fields(&v).is_empty());
        v["contact"]["phone"] = json!("call me");
        assert_eq!(fields(&v), ["contact.phone"]);
        v["contact"]["phone"] = json!("+33 1 23 45 67 89");
        assert!(fields(&v).is_empty());

        v["situation"]["residence"] = json!("abroad");
        assert_eq!(fields(&v), ["situation.country"]);
        v["situation"]["country"] = json!("Maroc");
        assert!(fields(&v).is_empty());

        v["project"]["regions"] = json!(["01", "02", "03", "04", "05", "07"]);
        assert_eq!(fields(&v), ["project.regions"]);
        v["project"]["regions"] = json!([]);
        assert_eq!(fields(&v), ["project.regions"]);
        v["project"]["regions"] = json!(["13"]);
        assert_eq!(fields(&v), ["project.regions[0]"]);
        v["project"]["regions"] = json!(["17"]);

        v["message"] = json!("x".repeat(MAX_MESSAGE + 1));
        assert_eq!(fields(&v), ["message"]);
        v["message"] = json!("ligne 1\nligne 2");
        v["answers"] = json!("email=a@b.c");
        assert_eq!(fields(&v), ["answers"]);
        v["answers"] = json!(null);
        v["situation"]["adults"] = json!(1.5);
        assert_eq!(fields(&v), ["situation.adults"]);
        // One number type in JSON: a whole number written with a decimal point is that number.
        v["situation"]["adults"] = json!(2.0);
        v["schema"] = json!(1.0);
        assert!(fields(&v).is_empty());
        v["schema"] = json!(1);
        v["situation"]["adults"] = json!(300);
        assert_eq!(fields(&v), ["situation.adults"]);
    }

    #[test]
    fn normalized_trims_and_drops_what_is_not_needed() {
        let mut v = good();
        v["contact"]["first_name"] = json!("  Amina ");
        v["situation"]["country"] = json!("Maroc");
        v["message"] = json!("   ");
        let form = Interest::from_json(&v).unwrap().normalized();
        assert_eq!(form.contact.first_name, "Amina");
        assert_eq!(form.situation.country, None, "country only when abroad");
        assert_eq!(form.message, None);
        assert!(validate(&form).is_ok());
    }

    /// The names of `domain/tests/fixtures/real_names.json`: (first, last) accepted, and
    /// names refused.
    fn real_names() -> (Vec<(String, String)>, Vec<String>) {
        let v: Value =
            serde_json::from_str(include_str!("../tests/fixtures/real_names.json")).unwrap();
        let names = v["names"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["first"].as_str().unwrap().into(),
                    n["last"].as_str().unwrap().into(),
                )
            })
            .collect();
        let refused = v["refused"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().into())
            .collect();
        (names, refused)
    }

    #[test]
    fn names_in_every_script_are_accepted() {
        for (first, last) in real_names().0 {
            let mut v = good();
            v["contact"]["first_name"] = json!(first);
            v["contact"]["last_name"] = json!(last);
            assert!(fields(&v).is_empty(), "{first} {last}: {:?}", fields(&v));
        }
    }

    #[test]
    fn invisible_or_letterless_names_are_refused() {
        for bad in real_names().1 {
            let mut v = good();
            v["contact"]["last_name"] = json!(bad);
            assert_eq!(fields(&v), ["contact.last_name"], "{bad:?}");
        }
        // A message keeps its lines but not a direction override.
        let mut v = good();
        v["message"] = json!("Bonjour\n\u{202E}olleh");
        assert_eq!(fields(&v), ["message"]);
    }

    #[test]
    fn the_honeypot_marks_spam() {
        let mut v = good();
        v["website"] = json!("http://spam.example");
        assert!(Interest::from_json(&v).unwrap().is_spam());
    }

    #[test]
    fn a_blank_form_lists_what_to_fill() {
        let errors = validate(&Interest::blank(Lang::En)).unwrap_err();
        let f: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            f,
            [
                "contact.first_name",
                "contact.last_name",
                "contact.email",
                "contact.preferred",
                "situation.residence",
                "situation.occupation",
                "project.kind",
                "project.regions",
                "consent.contact",
                "consent.version",
            ]
        );
    }
}
