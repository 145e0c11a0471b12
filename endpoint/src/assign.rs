//! Which organisation calls a household back.
//!
//! "Registrations are shared equitably among the counsellors of the three organisations"
//! (setablirenregion.com editorial, 2022; PROGRAM.md). Here: strict rotation over accepted
//! submissions in the order they were committed. The n-th accepted submission (n from 0) goes to
//! `ROTATION[n % 3]`: deterministic (the same history always gives the same assignment), and
//! equitable (at any moment, counts differ by at most one). Spam does not take a turn.

use serde::Serialize;

/// One of the three Montréal organisations that run EER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Organisation {
    Promis,
    Collectif,
    Inici,
}

pub const ROTATION: [Organisation; 3] = [
    Organisation::Promis,
    Organisation::Collectif,
    Organisation::Inici,
];

impl Organisation {
    /// The stable code used in the API, the database and the export.
    pub fn code(self) -> &'static str {
        match self {
            Organisation::Promis => "promis",
            Organisation::Collectif => "collectif",
            Organisation::Inici => "inici",
        }
    }

    /// The name people know.
    pub fn name(self) -> &'static str {
        match self {
            Organisation::Promis => "PROMIS",
            Organisation::Collectif => "Le Collectif des femmes immigrantes du Québec",
            Organisation::Inici => "INICI",
        }
    }

    pub fn from_code(code: &str) -> Option<Organisation> {
        ROTATION.into_iter().find(|o| o.code() == code)
    }

    /// The organisation for the `n`-th accepted submission.
    pub fn for_turn(n: u64) -> Organisation {
        ROTATION[(n % ROTATION.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_is_equitable_and_deterministic() {
        let mut counts = [0u32; 3];
        for n in 0..1000u64 {
            let org = Organisation::for_turn(n);
            assert_eq!(org, Organisation::for_turn(n));
            counts[ROTATION.iter().position(|o| *o == org).unwrap()] += 1;
            let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            assert!(max - min <= 1);
        }
        for org in ROTATION {
            assert_eq!(Organisation::from_code(org.code()), Some(org));
        }
    }
}
