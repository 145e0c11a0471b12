//! The form as the app starts it: what the quiz already knows (where the household lives, the
//! project, a spouse, children) and the regions the results suggested. The quiz answers
//! themselves are not attached here: only with their own consent (the app's answers preview).

use super::{DESTINATION_REGIONS, Interest, MAX_REGIONS, ProjectKind, Residence};
use crate::answers::Answers;
use crate::lang::Lang;
use crate::vocab::{Live, Project, Spouse};

impl From<Live> for Residence {
    fn from(live: Live) -> Residence {
        match live {
            Live::MontrealArea => Residence::MontrealArea,
            Live::Abroad => Residence::Abroad,
            Live::ElsewhereInQuebec => Residence::ElsewhereInQuebec,
            Live::ElsewhereInCanada => Residence::ElsewhereInCanada,
        }
    }
}

impl From<Project> for ProjectKind {
    fn from(project: Project) -> ProjectKind {
        match project {
            Project::Job => ProjectKind::Job,
            Project::Training => ProjectKind::Training,
            Project::Business => ProjectKind::Business,
            Project::Unsure => ProjectKind::Undecided,
        }
    }
}

/// A blank form in `lang`, prefilled from the quiz answers and `regions` (comma-separated
/// region codes, most wanted first: only destination codes are kept, at most [`MAX_REGIONS`]).
pub fn prefilled(lang: Lang, answers: &Answers, regions: Option<&str>) -> Interest {
    let mut form = Interest::blank(lang);
    form.situation.residence = answers.stored::<Live>().map(Residence::from);
    form.project.kind = answers.stored::<Project>().map(ProjectKind::from);
    if let Some(spouse) = answers.stored::<Spouse>() {
        form.situation.adults = if spouse == Spouse::No { 1 } else { 2 };
    }
    if let Some(children) = answers.children() {
        form.situation.children = children;
    }
    form.project.regions = regions
        .unwrap_or_default()
        .split(',')
        .filter(|code| DESTINATION_REGIONS.contains(code))
        .take(MAX_REGIONS)
        .map(str::to_string)
        .collect();
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interest::{ContactMethod, WireId};

    #[test]
    fn the_quiz_answers_prefill_the_form() {
        let a = Answers::from_query("v=1&live=abroad&project=unsure&spouse=job&children=3");
        let f = prefilled(Lang::En, &a, Some("02,06,99,03,01,04,05,07"));
        assert_eq!(f.situation.residence, Some(Residence::Abroad));
        assert_eq!(f.project.kind, Some(ProjectKind::Undecided));
        assert_eq!((f.situation.adults, f.situation.children), (2, 3));
        // Montréal (06) and unknown codes are dropped; five at most.
        assert_eq!(f.project.regions, ["02", "03", "01", "04", "05"]);
        assert_eq!(f.contact.language, Some(Lang::En));
        let none = prefilled(Lang::Fr, &Answers::from_query("v=1&spouse=no"), None);
        assert_eq!(none.situation.residence, None);
        assert_eq!((none.situation.adults, none.situation.children), (1, 0));
        assert!(none.project.regions.is_empty());
    }

    fn same_as_json<T: WireId + serde::Serialize + std::fmt::Debug>() {
        for v in T::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), v.id(), "{}", v.id());
            assert_eq!(T::from_id(v.id()), Some(*v));
        }
        assert_eq!(T::from_id("nope"), None);
    }

    #[test]
    fn the_radio_ids_are_the_wire_values() {
        same_as_json::<Residence>();
        same_as_json::<ProjectKind>();
        same_as_json::<ContactMethod>();
    }
}
