//! The rules that decide whether a form can be accepted: one function per part of the form,
//! in form order, so that every problem is listed at once.

use super::checks::{control, has_control, is_bidi_control, is_email, is_phone, name, too_long};
use super::{
    ContactMethod, DESTINATION_REGIONS, FieldError, Interest, MAX_ADULTS, MAX_ANSWERS,
    MAX_CHILDREN, MAX_CONSENT_VERSION, MAX_COUNTRY, MAX_EMAIL, MAX_MESSAGE, MAX_OCCUPATION,
    MAX_PARTNER, MAX_PHONE, MAX_REGIONS, Residence, SCHEMA_VERSION,
};

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

    contact(form, &mut push);
    situation(form, &mut push);
    project(form, &mut push);
    free_text(form, &mut push);
    consent(form, &mut push);
    source(form, &mut push);

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The contact: names, email, phone, preferred method, language.
fn contact(form: &Interest, push: &mut impl FnMut(FieldError)) {
    let c = &form.contact;
    name(
        &c.first_name,
        "contact.first_name",
        "Entrez votre prénom.",
        "Enter your first name.",
        push,
    );
    name(
        &c.last_name,
        "contact.last_name",
        "Entrez votre nom de famille.",
        "Enter your last name.",
        push,
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
}

/// Where the household lives and who it is.
fn situation(form: &Interest, push: &mut impl FnMut(FieldError)) {
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
}

/// The project and the regions wanted.
fn project(form: &Interest, push: &mut impl FnMut(FieldError)) {
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
}

/// The quiz answers and the message.
fn free_text(form: &Interest, push: &mut impl FnMut(FieldError)) {
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
}

/// Consent (Law 25).
fn consent(form: &Interest, push: &mut impl FnMut(FieldError)) {
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
}

/// Where the form was filled in.
fn source(form: &Interest, push: &mut impl FnMut(FieldError)) {
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
}
