//! Bilingual text. Everything the rules say to a person comes as a [`Text`] (owned, for text
//! built from data) or as a `(&'static str, &'static str)` pair: French first, because French is
//! the reference language of the service (Charter of the French language), English of equal
//! quality.

use serde::Deserialize;

use crate::lang::Lang;

/// A piece of text in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

impl From<(&str, &str)> for Text {
    fn from((fr, en): (&str, &str)) -> Text {
        Text::new(fr, en)
    }
}

/// A static French/English pair, for question and choice labels compiled into the app.
pub type Static = (&'static str, &'static str);

/// Picks one side of a static pair.
pub fn pick(pair: Static, lang: Lang) -> &'static str {
    lang.pick(pair.0, pair.1)
}
