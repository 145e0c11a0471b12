//! The quiz's vocabulary: every choice of every question as a typed value that carries its own
//! meaning (a distance limit, a size range, a budget) beside its URL id and its words.
//!
//! The rules (fit, eligibility, readiness, the interest form's prefill) read answers as these
//! types through [`crate::Answers`], never as strings: renaming a choice's id is one edit here
//! (the URL ids are part of shared links, so they do not change lightly: see
//! [`crate::answers::VERSION`]), and a choice a rule does not handle is a compile error (every
//! `match` on these enums is exhaustive).

mod person;
mod place;
mod plan;

pub use person::{Age, Csq, Live, Status};
pub use place::{Distance, English, Rent, Size, TOWN, Winter};
pub(crate) use place::{town_from, town_to};
pub use plan::{Diploma, FIELDS, Field, French, Licence, Project, Savings, Spouse};

use crate::lang::Lang;
use crate::text::{Static, pick};

/// The key of the fields of work or study in the URL (up to two of [`Field`]).
pub const FIELD: &str = "field";

/// The key of the children count in the URL (a number, not a choice).
pub const CHILDREN: &str = "children";

/// The key of the spouse's field in the URL: the same choices as [`Field`].
pub const SPOUSE_FIELD: &str = "spouse_field";

/// One option of a question.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// Short, stable, URL-safe id (`[a-z0-9_]`): it is the value in the URL.
    pub id: &'static str,
    pub text: Static,
    pub help: Option<Static>,
}

impl Choice {
    pub fn label(&self, lang: Lang) -> &'static str {
        pick(self.text, lang)
    }

    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        self.help.map(|h| pick(h, lang))
    }
}

/// A closed set of choices: its values, each with its [`Choice`] (id and words), in the order
/// the quiz shows them.
pub trait Choices: Copy + Eq + 'static {
    /// Every value, in the order of [`Choices::CHOICES`].
    const ALL: &'static [Self];
    /// The choices as the quiz shows them.
    const CHOICES: &'static [Choice];

    /// The position of this value in [`Choices::ALL`].
    fn position(self) -> usize;

    /// The choice (id and words) of this value.
    fn choice(self) -> &'static Choice {
        &Self::CHOICES[self.position()]
    }

    /// The URL id of this value.
    fn id(self) -> &'static str {
        self.choice().id
    }

    /// The value with this URL id.
    fn from_id(id: &str) -> Option<Self> {
        Self::CHOICES
            .iter()
            .position(|c| c.id == id)
            .map(|i| Self::ALL[i])
    }
}

/// The choices of one single-choice question: [`Answers`](crate::Answers) reads it by type.
pub trait Single: Choices {
    /// The question's id: the key in the URL.
    const QUESTION: &'static str;
}

/// Declares a vocabulary: an enum, its choices (id, French and English label, optional hint)
/// in one table, and, with `for "id"`, the single-choice question it answers.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident $(for $question:literal)? {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $id:literal, $fr:expr, $en:expr $(, hint $hfr:expr, $hen:expr)?;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $crate::vocab::Choices for $name {
            const ALL: &'static [$name] = &[$($name::$variant,)+];
            const CHOICES: &'static [$crate::vocab::Choice] = &[$(
                $crate::vocab::Choice {
                    id: $id,
                    text: ($fr, $en),
                    help: $crate::vocab::hint!($(($hfr, $hen))?),
                },
            )+];

            fn position(self) -> usize {
                self as usize
            }
        }

        $(impl $crate::vocab::Single for $name {
            const QUESTION: &'static str = $question;
        })?
    };
}

/// A choice's optional hint.
macro_rules! hint {
    () => {
        None
    };
    ($h:expr) => {
        Some($h)
    };
}

pub(crate) use {hint, vocabulary};

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Choices + std::fmt::Debug>() {
        assert_eq!(T::ALL.len(), T::CHOICES.len());
        for (i, v) in T::ALL.iter().enumerate() {
            assert_eq!(v.position(), i);
            assert_eq!(T::from_id(v.id()), Some(*v));
        }
        assert_eq!(T::from_id("nope"), None);
    }

    #[test]
    fn every_vocabulary_reads_back_its_own_ids() {
        round_trip::<Live>();
        round_trip::<Csq>();
        round_trip::<Status>();
        round_trip::<Age>();
        round_trip::<Project>();
        round_trip::<Field>();
        round_trip::<French>();
        round_trip::<Diploma>();
        round_trip::<Spouse>();
        round_trip::<Licence>();
        round_trip::<Savings>();
        round_trip::<Size>();
        round_trip::<Distance>();
        round_trip::<English>();
        round_trip::<Winter>();
        round_trip::<Rent>();
    }

    #[test]
    fn the_limits_are_the_ones_the_labels_say() {
        assert_eq!(Distance::Near.choice().text.1, "Within 150 km");
        assert_eq!(Distance::Near.limit_km(), Some(150.0));
        assert_eq!(Distance::Far.choice().text.0, "À moins de 600 km");
        assert_eq!(Distance::Far.limit_km(), Some(600.0));
        assert_eq!(Distance::Any.limit_km(), None);
        assert_eq!(TOWN, 15_000..=100_000);
        assert_eq!(
            Size::Town.choice().help,
            Some(("De 15 000 à 100 000 habitants", "15,000 to 100,000 people"))
        );
        assert_eq!(
            Size::City.choice().help,
            Some(("Plus de 100 000 habitants", "Over 100,000 people"))
        );
        assert_eq!(Rent::Lt900.budget(), Some(900.0));
        assert_eq!(Rent::Unsure.budget(), None);
    }
}
