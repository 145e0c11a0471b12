//! The text checks of the form: names in every script, lengths, invisible and direction
//! characters, email and phone shapes.

use super::{FieldError, MAX_NAME};

/// A name: any script people write names in (Arabic, Chinese, Vietnamese, Cyrillic,
/// Inuktitut syllabics…), with the marks, apostrophes, hyphens and joiners they use; but no
/// invisible formatting (see [`has_control`]) and at least one letter, so that a name made only
/// of invisible characters, digits or punctuation is refused.
pub(super) fn name(
    value: &str,
    field: &str,
    fr: &str,
    en: &str,
    push: &mut impl FnMut(FieldError),
) {
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

pub(super) fn too_long(field: &str, max: usize) -> FieldError {
    FieldError::new(
        field,
        "too_long",
        &format!("Ce champ est trop long : {max} caractères au plus."),
        &format!("This field is too long: {max} characters at most."),
    )
}

pub(super) fn control(field: &str) -> FieldError {
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
pub(super) fn has_control(s: &str) -> bool {
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
pub(super) fn is_bidi_control(ch: char) -> bool {
    matches!(ch,
        '\u{202A}'..='\u{202E}'   // LRE, RLE, PDF, LRO, RLO
        | '\u{2066}'..='\u{2069}' // LRI, RLI, FSI, PDI
        | '\u{200E}' | '\u{200F}' | '\u{061C}' // LRM, RLM, ALM
    )
}

/// A deliberately simple check (the HTML `type=email` rule in spirit): something, one `@`, a
/// domain with a dot and no empty label, no spaces. The real check is the counsellor's email.
pub(super) fn is_email(s: &str) -> bool {
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
pub(super) fn is_phone(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}
