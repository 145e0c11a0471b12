//! The quiz answers: the state of the quiz, kept in the URL so that back and forward work, a
//! result can be shared as a link or a QR code, and nothing sits in storage (docs/architecture.md, data
//! flow 1). The URL form is compact and versioned: `v=1&live=mtl&status=pr&field=tech,health`.
//! Reading a URL never fails: unknown keys, garbled values and other versions are ignored.
//!
//! Only coarse choices and a child count are ever stored; names, contacts, exact amounts and
//! dates are not questions of the quiz, so they cannot reach a URL.

use crate::lang::Lang;
use crate::questionnaire::{QUESTIONS, Question, QuestionKind, index, question};
use crate::text::Text;
use crate::vocab::{Choices, Single};

/// The version written by [`Answers::to_query`]. Bump it when a question or choice id changes
/// meaning; old links then open a fresh quiz instead of a wrong one.
pub const VERSION: &str = "1";

const N: usize = QUESTIONS.len();

/// The answers given so far. Each slot holds, for the question at the same position in
/// [`QUESTIONS`]: the choice's position (single choice), a bit set of positions (multiple
/// choice) or the number (count).
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Answers {
    values: [Option<u16>; N],
}

/// Why an answer was refused, in words for the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion,
    ChooseOne,
    ChooseAtLeastOne,
    ChooseAtMost(usize),
    NotANumber,
    OutOfRange { min: u8, max: u8 },
}

impl AnswerError {
    /// The message shown beside the question (GOV.UK style: says what to do).
    pub fn message(&self) -> Text {
        match self {
            AnswerError::UnknownQuestion => Text::new(
                "Cette question n'existe pas.",
                "This question does not exist.",
            ),
            AnswerError::ChooseOne => Text::new("Choisissez une réponse.", "Choose an answer."),
            AnswerError::ChooseAtLeastOne => Text::new(
                "Choisissez au moins une réponse.",
                "Choose at least one answer.",
            ),
            AnswerError::ChooseAtMost(max) => Text::new(
                format!("Choisissez au plus {max} réponses."),
                format!("Choose at most {max} answers."),
            ),
            AnswerError::NotANumber => Text::new(
                "Entrez un nombre, par exemple 2.",
                "Enter a number, for example 2.",
            ),
            AnswerError::OutOfRange { min, max } => Text::new(
                format!("Entrez un nombre de {min} à {max}."),
                format!("Enter a number from {min} to {max}."),
            ),
        }
    }

    pub fn message_in(&self, lang: Lang) -> String {
        self.message().get(lang).to_string()
    }
}

impl Answers {
    /// The stored answer in its wire form: a choice id, a number, or comma-joined choice ids.
    pub fn get(&self, id: &str) -> Option<String> {
        let i = index(id)?;
        let v = self.values[i]?;
        let q = &QUESTIONS[i];
        Some(match &q.kind {
            QuestionKind::Single(choices) => choices[v as usize].id.to_string(),
            QuestionKind::Multi { choices, .. } => {
                let mut out = String::new();
                for (j, c) in choices.iter().enumerate() {
                    if v & (1 << j) != 0 {
                        if !out.is_empty() {
                            out.push(',');
                        }
                        out.push_str(c.id);
                    }
                }
                out
            }
            QuestionKind::Count { .. } => v.to_string(),
        })
    }

    /// Stores an answer given in its wire form. On error the previous answer stays.
    pub fn set(&mut self, id: &str, value: &str) -> Result<(), AnswerError> {
        let i = index(id).ok_or(AnswerError::UnknownQuestion)?;
        self.values[i] = Some(parse(&QUESTIONS[i], value.trim())?);
        Ok(())
    }

    pub fn clear(&mut self, id: &str) {
        if let Some(i) = index(id) {
            self.values[i] = None;
        }
    }

    /// Whether the question has a stored answer (relevant or not).
    pub fn has(&self, id: &str) -> bool {
        index(id).is_some_and(|i| self.values[i].is_some())
    }

    /// The chosen id of a single-choice question, whether or not it is still relevant.
    pub fn choice(&self, id: &str) -> Option<&'static str> {
        let i = index(id)?;
        match &QUESTIONS[i].kind {
            QuestionKind::Single(choices) => self.values[i].map(|v| choices[v as usize].id),
            _ => None,
        }
    }

    /// The chosen ids of a multiple-choice question, whether or not it is still relevant.
    pub fn chosen(&self, id: &str) -> Vec<&'static str> {
        let Some(i) = index(id) else {
            return Vec::new();
        };
        let (QuestionKind::Multi { choices, .. }, Some(v)) = (&QUESTIONS[i].kind, self.values[i])
        else {
            return Vec::new();
        };
        choices
            .iter()
            .enumerate()
            .filter(|(j, _)| v & (1 << j) != 0)
            .map(|(_, c)| c.id)
            .collect()
    }

    /// The number given to a count question, whether or not it is still relevant.
    pub fn number(&self, id: &str) -> Option<u8> {
        let i = index(id)?;
        match &QUESTIONS[i].kind {
            QuestionKind::Count { .. } => self.values[i].map(|v| v as u8),
            _ => None,
        }
    }

    /// A copy with only the answers to the questions `keep` accepts.
    pub(crate) fn only(&self, keep: impl Fn(&str) -> bool) -> Answers {
        let mut out = Answers::default();
        for (i, q) in QUESTIONS.iter().enumerate() {
            if keep(q.id) {
                out.values[i] = self.values[i];
            }
        }
        out
    }

    /// The stored answer to a single-choice question as its typed value, whether or not it
    /// is still relevant (the flow itself reads answers this way).
    pub fn stored<T: Single>(&self) -> Option<T> {
        // The slot holds the choice's position, and the question's choices are `T::CHOICES`
        // (the table is built from them: see the test below).
        self.position(T::QUESTION)
            .and_then(|p| T::ALL.get(p).copied())
    }

    /// The values of a multiple-choice question's stored choices, whether or not it is still
    /// relevant (the question's choices are `T::CHOICES`).
    pub(crate) fn stored_set<T: Choices>(&self, id: &str) -> Vec<T> {
        let bits = index(id).and_then(|i| match &QUESTIONS[i].kind {
            QuestionKind::Multi { .. } => self.values[i],
            _ => None,
        });
        let bits = bits.unwrap_or(0);
        T::ALL
            .iter()
            .enumerate()
            .filter(|(j, _)| bits & (1 << j) != 0)
            .map(|(_, v)| *v)
            .collect()
    }

    /// The position of the stored choice of a single-choice question.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        let i = index(id)?;
        match &QUESTIONS[i].kind {
            QuestionKind::Single(_) => self.values[i].map(usize::from),
            _ => None,
        }
    }

    /// The compact URL form, without a leading `?`: `v=1&live=mtl&field=tech,health`. Stored
    /// answers are written in question order; ids and values need no escaping (`[a-z0-9_,]`).
    pub fn to_query(&self) -> String {
        let mut out = String::with_capacity(16 + N * 12);
        out.push_str("v=");
        out.push_str(VERSION);
        for q in QUESTIONS.iter() {
            if let Some(v) = self.get(q.id) {
                out.push('&');
                out.push_str(q.id);
                out.push('=');
                out.push_str(&v);
            }
        }
        out
    }

    /// Reads a query string (with or without `?`, `&` or `;` separated, percent-encoded or
    /// not). Unknown keys and invalid values are skipped; a version other than [`VERSION`]
    /// gives empty answers. Never panics.
    pub fn from_query(q: &str) -> Answers {
        let q = q.strip_prefix('?').unwrap_or(q);
        let mut a = Answers::default();
        let mut version_ok = true;
        // A real query is far shorter; the cap keeps a hostile link from costing time.
        for pair in q.split(['&', ';']).take(256) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(k);
            let value = decode(v);
            if key == "v" {
                version_ok = value == VERSION;
            } else if question(&key).is_some() {
                let _ = a.set(&key, &value);
            }
        }
        if version_ok { a } else { Answers::default() }
    }
}

fn parse(q: &Question, value: &str) -> Result<u16, AnswerError> {
    match &q.kind {
        QuestionKind::Single(choices) => choices
            .iter()
            .position(|c| c.id == value)
            .map(|p| p as u16)
            .ok_or(AnswerError::ChooseOne),
        QuestionKind::Multi { choices, max } => {
            let mut bits = 0u16;
            for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let p = choices
                    .iter()
                    .position(|c| c.id == part)
                    .ok_or(AnswerError::ChooseAtLeastOne)?;
                bits |= 1 << p;
            }
            match bits.count_ones() as usize {
                0 => Err(AnswerError::ChooseAtLeastOne),
                n if n > *max => Err(AnswerError::ChooseAtMost(*max)),
                _ => Ok(bits),
            }
        }
        QuestionKind::Count { min, max } => {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AnswerError::NotANumber);
            }
            match value.parse::<u16>() {
                Ok(n) if n >= *min as u16 && n <= *max as u16 => Ok(n),
                _ => Err(AnswerError::OutOfRange {
                    min: *min,
                    max: *max,
                }),
            }
        }
    }
}

/// Percent-decoding (and `+` as a space) for what browsers and QR readers may produce.
/// Malformed escapes are kept as they are.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    if !b.iter().any(|&c| c == b'%' || c == b'+') {
        return s.to_string();
    }
    let hex = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_clear_and_the_url_form() {
        let mut a = Answers::default();
        a.set("live", "mtl").unwrap();
        a.set("field", "tech, health").unwrap();
        a.set("children", "2").unwrap();
        assert_eq!(a.get("field").as_deref(), Some("health,tech"));
        assert_eq!(a.to_query(), "v=1&live=mtl&field=health,tech&children=2");
        assert_eq!(
            Answers::from_query("?v=1&live=mtl&field=health%2Ctech&children=2"),
            a
        );
        a.clear("children");
        assert_eq!(a.get("children"), None);
        assert_eq!(a.set("live", "mars"), Err(AnswerError::ChooseOne));
        assert_eq!(
            a.choice("live"),
            Some("mtl"),
            "a refused answer keeps the previous one"
        );
        assert_eq!(
            a.set("field", "tech,health,other"),
            Err(AnswerError::ChooseAtMost(2))
        );
        assert_eq!(a.set("field", ""), Err(AnswerError::ChooseAtLeastOne));
        assert_eq!(a.set("children", "x"), Err(AnswerError::NotANumber));
        assert_eq!(
            a.set("children", "12"),
            Err(AnswerError::OutOfRange { min: 0, max: 9 })
        );
        assert_eq!(a.set("name", "Ana"), Err(AnswerError::UnknownQuestion));
        assert!(
            AnswerError::ChooseOne
                .message()
                .fr
                .starts_with("Choisissez")
        );
    }

    #[test]
    fn garbled_and_foreign_queries_are_ignored() {
        let a = Answers::from_query("live=mtl&zzz=1&status=%ZZ&children=-1&=&&v");
        assert_eq!(a.choice("live"), None, "a bare v is another version");
        let a = Answers::from_query("live=mtl&zzz=1&status=%ZZ&children=-1&=&&");
        assert_eq!(a.choice("live"), Some("mtl"));
        assert_eq!(a.get("status"), None);
        assert_eq!(Answers::from_query("v=2&live=mtl"), Answers::default());
        assert_eq!(Answers::from_query("%"), Answers::default());
        assert_eq!(
            Answers::from_query("live=%6Dtl").choice("live"),
            Some("mtl")
        );
    }

    fn reads_its_own_question<T: Single + std::fmt::Debug>() {
        let q = question(T::QUESTION).unwrap();
        assert!(
            q.kind.choices() == T::CHOICES,
            "{} is answered with {}",
            T::QUESTION,
            std::any::type_name::<T>()
        );
        for v in T::ALL {
            let mut a = Answers::default();
            a.set(T::QUESTION, v.id()).unwrap();
            assert_eq!(a.stored::<T>(), Some(*v));
        }
    }

    #[test]
    fn each_vocabulary_reads_back_from_its_question() {
        use crate::vocab::*;
        reads_its_own_question::<Live>();
        reads_its_own_question::<Csq>();
        reads_its_own_question::<Status>();
        reads_its_own_question::<Age>();
        reads_its_own_question::<Project>();
        reads_its_own_question::<French>();
        reads_its_own_question::<Diploma>();
        reads_its_own_question::<Spouse>();
        reads_its_own_question::<Licence>();
        reads_its_own_question::<Savings>();
        reads_its_own_question::<Size>();
        reads_its_own_question::<Distance>();
        reads_its_own_question::<English>();
        reads_its_own_question::<Winter>();
        reads_its_own_question::<Rent>();
    }
}
