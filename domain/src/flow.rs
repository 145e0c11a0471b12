//! The path through the quiz: which questions matter for the answers so far, and where
//! "Continuer" leads from each step. A question that the answers make irrelevant is skipped,
//! and any stored answer to it is ignored by the rules: they read answers only through the
//! readers here ([`Answers::given`], [`Answers::fields`], …), which see the flow.

use crate::answers::Answers;
use crate::lang::Lang;
use crate::questionnaire::{QUESTIONS, Question, QuestionKind, question};
use crate::vocab::{
    Age, CHILDREN, Choices, Csq, Diploma, FIELD, Field, Live, SPOUSE_FIELD, Single, Spouse, Status,
};

/// The questions that matter given the answers so far, in order. A question whose answer
/// decides the path (where they live, status, spouse) keeps the default path while unanswered.
pub fn flow(a: &Answers) -> Vec<&'static Question> {
    QUESTIONS.iter().filter(|q| relevant(q.id, a)).collect()
}

/// Whether a question is part of the flow for these answers.
pub fn relevant(id: &str, a: &Answers) -> bool {
    let abroad = a.stored::<Live>() == Some(Live::Abroad);
    let born_in_canada = a.stored::<Status>().is_some_and(Status::born_in_canada);
    if id == Csq::QUESTION {
        // The CSQ decides the pre-departure path (interview: "ont leur CSQ").
        abroad
    } else if id == Status::QUESTION {
        // Abroad, the CSQ replaces the status question: they are not yet residents.
        !abroad
    } else if id == Age::QUESTION {
        // Only to point people born in Canada to Place aux jeunes en région (18-35).
        !abroad && born_in_canada
    } else if id == Diploma::QUESTION {
        // Not asked of people born in Canada (their studies are assumed Canadian); readiness
        // still tells them that a regulated profession needs the Québec order's permit.
        abroad || !born_in_canada
    } else if id == SPOUSE_FIELD {
        a.stored::<Spouse>().is_some_and(Spouse::has_a_field)
    } else {
        question(id).is_some()
    }
}

/// A step of the quiz that has a "Continuer" (or "finish the quiz") link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The start page.
    Start,
    /// A question's page; `from_check` when the person came to change an answer from the
    /// check page.
    Question { id: &'a str, from_check: bool },
    /// The check page (every answer, with "Change" links).
    Check,
}

/// Where "Continuer" leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Question(&'static Question),
    /// The check page.
    Check,
    /// The results page.
    Results,
}

/// Where "Continuer" leads from `step`: the next question of the flow; from the start, the
/// check page or a change made from the check page, the first question still unanswered (a
/// change can make a new question relevant); when there is none, the check page, then the
/// results.
pub fn next(a: &Answers, step: Step) -> Next {
    let flow = flow(a);
    let question = match step {
        Step::Question {
            id,
            from_check: false,
        } => {
            let i = flow.iter().position(|q| q.id == id);
            i.and_then(|i| flow.get(i + 1)).copied()
        }
        _ => flow.into_iter().find(|q| !a.has(q.id)),
    };
    match (question, step) {
        (Some(q), _) => Next::Question(q),
        (None, Step::Check) => Next::Results,
        (None, _) => Next::Check,
    }
}

impl Answers {
    /// The chosen id of a single-choice question that is part of the flow; `None` when
    /// unanswered or made irrelevant by other answers.
    pub fn answer(&self, id: &str) -> Option<&'static str> {
        if relevant(id, self) {
            self.choice(id)
        } else {
            None
        }
    }

    /// The answer to a single-choice question that is part of the flow, as its typed value;
    /// `None` when unanswered or made irrelevant by other answers. The rules read answers
    /// through this.
    pub fn given<T: Single>(&self) -> Option<T> {
        if relevant(T::QUESTION, self) {
            self.stored()
        } else {
            None
        }
    }

    /// The chosen ids of a multiple-choice question that is part of the flow.
    pub fn answers(&self, id: &str) -> Vec<&'static str> {
        if relevant(id, self) {
            self.chosen(id)
        } else {
            Vec::new()
        }
    }

    /// The fields of work or study chosen (at most two), in the quiz's order.
    pub fn fields(&self) -> Vec<Field> {
        if relevant(FIELD, self) {
            self.stored_set(FIELD)
        } else {
            Vec::new()
        }
    }

    /// The spouse's field, when a spouse with a plan moves too.
    pub fn spouse_field(&self) -> Option<Field> {
        if relevant(SPOUSE_FIELD, self) {
            self.position(SPOUSE_FIELD)
                .and_then(|p| Field::ALL.get(p).copied())
        } else {
            None
        }
    }

    /// The number given to a count question that is part of the flow.
    pub fn count(&self, id: &str) -> Option<u8> {
        if relevant(id, self) {
            self.number(id)
        } else {
            None
        }
    }

    /// The number of children moving too.
    pub fn children(&self) -> Option<u8> {
        self.count(CHILDREN)
    }

    /// A copy without the answers that other answers made irrelevant (e.g. the spouse's field
    /// after "no spouse"), for a shorter link to share.
    pub fn pruned(&self) -> Answers {
        self.only(|id| relevant(id, self))
    }

    /// The answers of the flow in words, in question order: each question with its answer as
    /// the person saw it (choice labels in the questionnaire's order, or the number). What the interest
    /// form previews before the person agrees to send them, and what staff read back.
    pub fn in_words(&self, lang: Lang) -> Vec<(&'static Question, String)> {
        flow(self)
            .into_iter()
            .filter_map(|q| {
                let wire = self.get(q.id)?;
                let words = match &q.kind {
                    QuestionKind::Count { .. } => wire,
                    _ => wire
                        .split(',')
                        .filter_map(|id| q.choice(id).map(|c| c.label(lang)))
                        .collect::<Vec<_>>()
                        // Labels may hold commas ("sciences, research"): a semicolon parts them.
                        .join("; "),
                };
                Some((q, words))
            })
            .collect()
    }

    /// Every question of the flow has an answer.
    pub fn is_complete(&self) -> bool {
        flow(self).iter().all(|q| self.has(q.id))
    }

    /// The first question of the flow without an answer: where "Continue" leads from the
    /// start and the check page (see [`next`]).
    pub fn next_question(&self) -> Option<&'static Question> {
        match next(self, Step::Start) {
            Next::Question(q) => Some(q),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_has_10_to_16_questions() {
        let mut longest = 0;
        for live in ["mtl", "region", "canada", "abroad"] {
            for status in ["citizen", "pr", "born_qc", "born_ca"] {
                for spouse in ["no", "job", "home"] {
                    let mut a = Answers::default();
                    a.set("live", live).unwrap();
                    a.set("status", status).unwrap();
                    a.set("spouse", spouse).unwrap();
                    let n = flow(&a).len();
                    assert!((10..=16).contains(&n), "{live} {status} {spouse}: {n}");
                    longest = longest.max(n);
                }
            }
        }
        assert_eq!(longest, 16);
    }

    #[test]
    fn flow_skips_what_the_answers_make_irrelevant() {
        let ids = |a: &Answers| flow(a).iter().map(|q| q.id).collect::<Vec<_>>();
        let mut a = Answers::default();
        assert_eq!(ids(&a)[..2], ["live", "status"]);
        assert!(!ids(&a).contains(&"spouse_field"));
        a.set("spouse", "job").unwrap();
        assert!(ids(&a).contains(&"spouse_field"));
        a.set("spouse", "no").unwrap();
        assert!(!ids(&a).contains(&"spouse_field"));
        a.set("live", "abroad").unwrap();
        assert!(ids(&a).contains(&"csq") && !ids(&a).contains(&"status"));
        let mut born = Answers::default();
        born.set("status", "born_qc").unwrap();
        assert!(ids(&born).contains(&"age") && !ids(&born).contains(&"diploma"));
        assert!(question("nope").is_none());
        assert_eq!(
            question("field").unwrap().choice("tech").unwrap().id,
            "tech"
        );
    }

    #[test]
    fn in_words_gives_the_labels_of_the_flow_in_both_languages() {
        let a = Answers::from_query("v=1&live=abroad&status=pr&field=tech,health&children=2");
        let field = question("field").unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let words = a.in_words(lang);
            let ids: Vec<_> = words.iter().map(|(q, _)| q.id).collect();
            // `status` is out of the flow when living abroad: never shown, never sent.
            assert_eq!(ids, ["live", "field", "children"]);
            let labels = format!(
                "{}; {}",
                field.choice("health").unwrap().label(lang),
                field.choice("tech").unwrap().label(lang)
            );
            assert_eq!(words[1].1, labels);
            assert_eq!(words[2].1, "2");
        }
    }

    #[test]
    fn irrelevant_answers_stay_stored_but_are_not_read() {
        let mut a = Answers::default();
        a.set("spouse", "job").unwrap();
        a.set("spouse_field", "tech").unwrap();
        assert_eq!(a.answer("spouse_field"), Some("tech"));
        a.set("spouse", "no").unwrap();
        assert_eq!(a.answer("spouse_field"), None);
        assert!(a.has("spouse_field"));
        assert!(!a.pruned().has("spouse_field"));
        assert_eq!(a.pruned().choice("spouse"), Some("no"));
    }

    #[test]
    fn complete_when_every_question_of_the_flow_is_answered() {
        let mut a = Answers::default();
        for q in flow(&Answers::default()) {
            assert!(!a.is_complete());
            let v = match &q.kind {
                QuestionKind::Count { .. } => "0".to_string(),
                k => k.choices()[0].id.to_string(),
            };
            a.set(q.id, &v).unwrap();
        }
        // live=mtl, status=citizen, spouse=no: no further question appears.
        assert!(a.is_complete(), "{:?}", a.next_question().map(|q| q.id));
    }

    #[test]
    fn where_continue_leads() {
        let id = |n: Next| match n {
            Next::Question(q) => q.id,
            Next::Check => "check",
            Next::Results => "results",
        };
        let mut a = Answers::default();
        assert_eq!(id(next(&a, Step::Start)), "live");
        a.set("live", "mtl").unwrap();
        a.set("status", "pr").unwrap();
        let at = |id: &'static str, from_check| Step::Question { id, from_check };
        // The next question of the flow, answered or not.
        assert_eq!(id(next(&a, at("live", false))), "status");
        // From the check page: the first unanswered question, wherever it is.
        assert_eq!(id(next(&a, at("status", true))), "project");
        assert_eq!(id(next(&a, Step::Check)), "project");
        // A change that makes a question relevant leads to it from the check page.
        a.set("spouse", "job").unwrap();
        assert_eq!(next(&a, at("rent", false)), Next::Check);
        for q in flow(&a) {
            if !a.has(q.id) {
                let v = match &q.kind {
                    QuestionKind::Count { .. } => "0".to_string(),
                    k => k.choices()[0].id.to_string(),
                };
                a.set(q.id, &v).unwrap();
            }
        }
        assert_eq!(next(&a, Step::Start), Next::Check);
        assert_eq!(next(&a, at("spouse", true)), Next::Check);
        assert_eq!(next(&a, Step::Check), Next::Results);
        a.clear("spouse_field");
        assert_eq!(id(next(&a, at("spouse", true))), "spouse_field");
        assert_eq!(id(next(&a, at("spouse", false))), "spouse_field");
    }
}
