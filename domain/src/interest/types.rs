//! The interest form's types: what the app sends and the endpoint stores, and one problem
//! with one field.

use serde::{Deserialize, Serialize};

use super::SCHEMA_VERSION;
use crate::lang::Lang;
use crate::text::Text;

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
    pub(super) fn new(field: impl Into<String>, code: &'static str, fr: &str, en: &str) -> Self {
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
}

/// A choice of the form with its wire id (the same as its JSON value), for the app's radios.
pub trait WireId: Copy + Eq + 'static {
    /// Every value, in the order the form shows them.
    const ALL: &'static [Self];

    /// The id, as in the JSON body.
    fn id(self) -> &'static str;

    /// The value with this id.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }
}

impl WireId for Residence {
    const ALL: &'static [Residence] = &[
        Residence::MontrealArea,
        Residence::Abroad,
        Residence::ElsewhereInQuebec,
        Residence::ElsewhereInCanada,
    ];

    fn id(self) -> &'static str {
        match self {
            Residence::MontrealArea => "montreal",
            Residence::Abroad => "abroad",
            Residence::ElsewhereInQuebec => "quebec",
            Residence::ElsewhereInCanada => "canada",
        }
    }
}

impl WireId for ProjectKind {
    const ALL: &'static [ProjectKind] = &[
        ProjectKind::Job,
        ProjectKind::Training,
        ProjectKind::Business,
        ProjectKind::Undecided,
    ];

    fn id(self) -> &'static str {
        match self {
            ProjectKind::Job => "job",
            ProjectKind::Training => "training",
            ProjectKind::Business => "business",
            ProjectKind::Undecided => "undecided",
        }
    }
}

impl WireId for ContactMethod {
    const ALL: &'static [ContactMethod] = &[ContactMethod::Email, ContactMethod::Phone];

    fn id(self) -> &'static str {
        match self {
            ContactMethod::Email => "email",
            ContactMethod::Phone => "phone",
        }
    }
}
