//! The quiz: one question per page (GOV.UK pattern), each with a short hint saying why it is
//! asked. [`flow`] gives the questions that matter for the answers so far: a question that the
//! answers make irrelevant is skipped, and any stored answer to it is ignored by the rules.
//!
//! Nothing personal is asked: no name, no contact, no exact amount or date; answers are
//! coarse choices, so they can live in the URL (docs/architecture.md, data flow 1).

use crate::answers::Answers;
use crate::lang::Lang;
use crate::text::{Static, pick};

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

/// How a question is answered.
#[derive(Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one choice (radio buttons).
    Single(&'static [Choice]),
    /// Up to `max` choices (check boxes), at least one.
    Multi {
        choices: &'static [Choice],
        max: usize,
    },
    /// A whole number from `min` to `max`.
    Count { min: u8, max: u8 },
}

impl QuestionKind {
    pub fn choices(&self) -> &'static [Choice] {
        match self {
            QuestionKind::Single(c) => c,
            QuestionKind::Multi { choices, .. } => choices,
            QuestionKind::Count { .. } => &[],
        }
    }
}

/// A question of the quiz.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Short, stable, URL-safe id: it is the key in the URL.
    pub id: &'static str,
    pub kind: QuestionKind,
    pub text: Static,
    /// Why the question is asked.
    pub why: Static,
}

impl Question {
    pub fn label(&self, lang: Lang) -> &'static str {
        pick(self.text, lang)
    }

    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        Some(pick(self.why, lang))
    }

    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        self.kind.choices().iter().find(|c| c.id == id)
    }
}

const fn c(id: &'static str, fr: &'static str, en: &'static str) -> Choice {
    Choice {
        id,
        text: (fr, en),
        help: None,
    }
}

const fn ch(
    id: &'static str,
    fr: &'static str,
    en: &'static str,
    hfr: &'static str,
    hen: &'static str,
) -> Choice {
    Choice {
        id,
        text: (fr, en),
        help: Some((hfr, hen)),
    }
}

/// Fields of work or study. Region sectors in the data file are tagged with these ids.
pub const FIELDS: [Choice; 12] = [
    c(
        "health",
        "Santé et services sociaux",
        "Health and social services",
    ),
    c(
        "education",
        "Enseignement et petite enfance",
        "Teaching and early childhood",
    ),
    c("public", "Administration publique", "Public administration"),
    c(
        "tech",
        "Technologies de l'information, sciences et recherche",
        "Information technology, science and research",
    ),
    c(
        "manufacturing",
        "Fabrication, génie et métiers industriels",
        "Manufacturing, engineering and industrial trades",
    ),
    c(
        "resources",
        "Mines, forêt et énergie",
        "Mining, forestry and energy",
    ),
    c(
        "agrifood",
        "Agriculture, pêche et alimentation",
        "Farming, fishing and food",
    ),
    c(
        "tourism",
        "Tourisme, hébergement et restauration",
        "Tourism, hospitality and food service",
    ),
    c(
        "business",
        "Commerce, finance et services aux entreprises",
        "Retail, finance and business services",
    ),
    c("construction", "Construction", "Construction"),
    c(
        "transport",
        "Transport et logistique",
        "Transportation and logistics",
    ),
    c(
        "other",
        "Un autre domaine, ou pas encore décidé",
        "Another field, or not decided yet",
    ),
];

/// Every question, in the order of the quiz.
pub static QUESTIONS: [Question; 18] = [
    Question {
        id: "live",
        kind: QuestionKind::Single(&[
            ch(
                "mtl",
                "Dans la région de Montréal",
                "In the Montréal area",
                "Montréal, Laval, Longueuil, la Rive-Nord ou la Rive-Sud",
                "Montréal, Laval, Longueuil, the North Shore or the South Shore",
            ),
            c("region", "Ailleurs au Québec", "Elsewhere in Québec"),
            c("canada", "Ailleurs au Canada", "Elsewhere in Canada"),
            c("abroad", "À l'extérieur du Canada", "Outside Canada"),
        ]),
        text: ("Où habitez-vous en ce moment?", "Where do you live now?"),
        why: (
            "Le service accompagne les ménages de la région de Montréal qui veulent s'installer en région. Un projet pilote (2023-2024) a aussi accompagné des personnes encore à l'étranger qui ont leur CSQ.",
            "The service supports households in the Montréal area who want to move to a region. A pilot project (2023-2024) also supported people still abroad who hold a CSQ.",
        ),
    },
    Question {
        id: "csq",
        kind: QuestionKind::Single(&[
            c("yes", "Oui, j'ai mon CSQ", "Yes, I have my CSQ"),
            c(
                "applied",
                "Ma demande est en cours",
                "My application is in progress",
            ),
            c("no", "Non", "No"),
        ]),
        text: (
            "Avez-vous un Certificat de sélection du Québec (CSQ)?",
            "Do you hold a Québec Selection Certificate (CSQ)?",
        ),
        why: (
            "Le projet-pilote de prédépart s'adresse aux personnes qui ont leur CSQ et vivent encore dans leur pays.",
            "The pre-departure pilot is for people who hold their CSQ and still live in their country.",
        ),
    },
    Question {
        id: "status",
        kind: QuestionKind::Single(&[
            c(
                "citizen",
                "Citoyenneté canadienne obtenue par naturalisation",
                "Canadian citizen by naturalisation",
            ),
            c("pr", "Résidence permanente", "Permanent resident"),
            c("work", "Permis de travail", "Work permit"),
            c("study", "Permis d'études", "Study permit"),
            c("asylum", "Demande d'asile", "Asylum claim"),
            c("born_qc", "Né ou née au Québec", "Born in Québec"),
            c(
                "born_ca",
                "Né ou née ailleurs au Canada",
                "Born elsewhere in Canada",
            ),
            c("other", "Une autre situation", "Another situation"),
        ]),
        text: (
            "Quelle est votre situation au Canada?",
            "What is your status in Canada?",
        ),
        why: (
            "Le service s'adresse aux personnes immigrantes, peu importe depuis combien d'années elles sont au Québec.",
            "The service is for immigrants, however many years they have lived in Québec.",
        ),
    },
    Question {
        id: "age",
        kind: QuestionKind::Single(&[
            c("u18", "Moins de 18 ans", "Under 18"),
            c("18_35", "De 18 à 35 ans", "18 to 35"),
            c("36plus", "36 ans ou plus", "36 or over"),
        ]),
        text: ("Quel âge avez-vous?", "How old are you?"),
        why: (
            "Place aux jeunes en région, un autre service, aide les jeunes diplômés et les personnes qualifiées de 18 à 35 ans à s'établir en région.",
            "Place aux jeunes en région, another service, helps young graduates and qualified people aged 18 to 35 settle in a region.",
        ),
    },
    Question {
        id: "project",
        kind: QuestionKind::Single(&[
            c("job", "Occuper un emploi", "Take a job"),
            c(
                "training",
                "Suivre une formation",
                "Take a training program",
            ),
            ch(
                "business",
                "Créer ou reprendre une entreprise",
                "Start or take over a business",
                "Y compris le travail autonome",
                "Including self-employment",
            ),
            c("unsure", "Je ne sais pas encore", "I don't know yet"),
        ]),
        text: (
            "Quel est votre projet en région?",
            "What is your plan in the region?",
        ),
        why: (
            "Le service accompagne trois sortes de projets : un emploi, une formation ou une entreprise.",
            "The service supports three kinds of plans: a job, training or a business.",
        ),
    },
    Question {
        id: "field",
        kind: QuestionKind::Multi {
            choices: &FIELDS,
            max: 2,
        },
        text: (
            "Dans quel domaine travaillez-vous ou voulez-vous étudier?",
            "What field do you work in or want to study?",
        ),
        why: (
            "Choisissez jusqu'à deux domaines. Nous les comparons aux secteurs clés de chaque région.",
            "Choose up to two fields. We compare them with each region's key sectors.",
        ),
    },
    Question {
        id: "french",
        kind: QuestionKind::Single(&[
            c(
                "none",
                "Je commence à l'apprendre",
                "I am starting to learn it",
            ),
            ch(
                "basic",
                "Je me débrouille dans la vie de tous les jours",
                "I get by in everyday life",
                "Faire des courses, prendre un rendez-vous",
                "Shopping, making an appointment",
            ),
            ch(
                "work",
                "Je peux travailler en français",
                "I can work in French",
                "Réunions, courriels, appels",
                "Meetings, emails, calls",
            ),
            c(
                "fluent",
                "Le français est ma langue ou je le parle couramment",
                "French is my language or I speak it fluently",
            ),
        ]),
        text: (
            "Quel est votre niveau de français?",
            "How well do you speak French?",
        ),
        why: (
            "En région, presque tout se passe en français : le travail, l'école, les services.",
            "In the regions, nearly everything happens in French: work, school, services.",
        ),
    },
    Question {
        id: "diploma",
        kind: QuestionKind::Single(&[
            c("qc", "J'ai un diplôme du Québec", "I have a Québec diploma"),
            ch(
                "done",
                "Mes diplômes sont reconnus",
                "My diplomas are recognised",
                "Évaluation comparative obtenue, ou permis d'un ordre professionnel",
                "Comparative evaluation obtained, or a professional order's permit",
            ),
            c(
                "in_progress",
                "La démarche est en cours",
                "The process is under way",
            ),
            ch(
                "regulated",
                "Ma profession est réglementée et je n'ai pas encore commencé",
                "My profession is regulated and I have not started yet",
                "Par exemple : infirmière, ingénieur, comptable, enseignant",
                "For example: nurse, engineer, accountant, teacher",
            ),
            c(
                "not_started",
                "Je n'ai pas encore fait de démarche",
                "I have not started anything yet",
            ),
            c(
                "not_needed",
                "Je n'ai pas de diplôme à faire reconnaître",
                "I have no diploma to get recognised",
            ),
        ]),
        text: (
            "Où en est la reconnaissance de vos diplômes?",
            "Where are you with the recognition of your diplomas?",
        ),
        why: (
            "Certains emplois exigent un permis d'un ordre professionnel; la démarche prend du temps.",
            "Some jobs require a permit from a professional order, and getting it takes time.",
        ),
    },
    Question {
        id: "spouse",
        kind: QuestionKind::Single(&[
            c("no", "Non", "No"),
            c(
                "job",
                "Oui, et il ou elle cherchera un emploi",
                "Yes, and they will look for a job",
            ),
            c(
                "training",
                "Oui, et il ou elle suivra une formation",
                "Yes, and they will take a training program",
            ),
            c(
                "business",
                "Oui, avec un projet d'entreprise",
                "Yes, with a business plan",
            ),
            c(
                "home",
                "Oui, sans projet de travail pour le moment",
                "Yes, with no plan to work for now",
            ),
            c(
                "unsure",
                "Oui, mais son projet n'est pas encore défini",
                "Yes, but their plan is not settled yet",
            ),
        ]),
        text: (
            "Déménagez-vous avec un conjoint ou une conjointe?",
            "Are you moving with a spouse or partner?",
        ),
        why: (
            "C'est le projet de tout le ménage : le travail ou les études du conjoint comptent aussi.",
            "It is the whole household's plan: your spouse's work or studies count too.",
        ),
    },
    Question {
        id: "spouse_field",
        kind: QuestionKind::Single(&FIELDS),
        text: (
            "Quel est le domaine de travail ou d'études de votre conjoint ou conjointe?",
            "What field does your spouse or partner work or plan to study in?",
        ),
        why: (
            "Une région qui offre aussi des possibilités à votre conjoint rend le projet plus durable.",
            "A region that also offers opportunities to your spouse makes the move more lasting.",
        ),
    },
    Question {
        id: "children",
        kind: QuestionKind::Count { min: 0, max: 9 },
        text: (
            "Combien d'enfants déménagent avec vous?",
            "How many children are moving with you?",
        ),
        why: (
            "Pour prévoir à temps une place en service de garde et l'inscription à l'école.",
            "To plan a daycare place and school enrolment in good time.",
        ),
    },
    Question {
        id: "licence",
        kind: QuestionKind::Single(&[
            c("qc", "Oui, un permis du Québec", "Yes, a Québec licence"),
            c(
                "other",
                "Oui, un permis d'une autre province ou d'un autre pays",
                "Yes, a licence from another province or country",
            ),
            c("none", "Non", "No"),
        ]),
        text: (
            "Avez-vous un permis de conduire?",
            "Do you have a driving licence?",
        ),
        why: (
            "Dans la plupart des régions, il faut une voiture pour aller au travail et faire les courses.",
            "In most regions you need a car to get to work and do errands.",
        ),
    },
    Question {
        id: "savings",
        kind: QuestionKind::Single(&[
            c(
                "yes",
                "Oui, assez pour le déménagement et les premiers mois",
                "Yes, enough for the move and the first months",
            ),
            c("some", "Un peu, mais pas assez", "Some, but not enough"),
            c("no", "Pas encore", "Not yet"),
        ]),
        text: (
            "Avez-vous mis de l'argent de côté pour le déménagement?",
            "Have you set money aside for the move?",
        ),
        why: (
            "Le camion, le premier loyer, parfois une voiture : une deuxième migration demande des économies.",
            "The truck, the first rent, sometimes a car: a second migration takes savings.",
        ),
    },
    Question {
        id: "size",
        kind: QuestionKind::Single(&[
            ch(
                "city",
                "Une grande ville",
                "A large city",
                "Plus de 100 000 habitants",
                "Over 100,000 people",
            ),
            ch(
                "town",
                "Une ville moyenne",
                "A mid-sized town",
                "De 15 000 à 100 000 habitants",
                "15,000 to 100,000 people",
            ),
            c(
                "small",
                "Un village ou la campagne",
                "A village or the countryside",
            ),
            c("any", "Peu importe", "No preference"),
        ]),
        text: (
            "Dans quel milieu aimeriez-vous vivre?",
            "What kind of place would you like to live in?",
        ),
        why: (
            "Les régions vont de grandes villes à de vastes territoires peu peuplés.",
            "The regions range from large cities to vast, sparsely populated areas.",
        ),
    },
    Question {
        id: "distance",
        kind: QuestionKind::Single(&[
            ch(
                "near",
                "À moins de 150 km",
                "Within 150 km",
                "Environ 2 heures de route",
                "About 2 hours' drive",
            ),
            ch(
                "mid",
                "À moins de 300 km",
                "Within 300 km",
                "Environ 3 à 4 heures de route",
                "About 3 to 4 hours' drive",
            ),
            ch(
                "far",
                "À moins de 600 km",
                "Within 600 km",
                "Une journée de route",
                "A day's drive",
            ),
            c("any", "Peu importe la distance", "Distance does not matter"),
        ]),
        text: (
            "Jusqu'à quelle distance de Montréal accepteriez-vous de vivre?",
            "How far from Montréal would you be willing to live?",
        ),
        why: (
            "Pour garder, si vous le souhaitez, vos liens avec vos proches et vos réseaux de Montréal.",
            "So that you can keep ties with family and networks in Montréal, if you wish.",
        ),
    },
    Question {
        id: "english",
        kind: QuestionKind::Single(&[
            c(
                "essential",
                "Oui, c'est essentiel pour nous",
                "Yes, it is essential for us",
            ),
            c("helpful", "Ce serait utile", "It would help"),
            c("no", "Non", "No"),
        ]),
        text: (
            "Avez-vous besoin de services ou d'une communauté en anglais?",
            "Do you need English-language services or community?",
        ),
        why: (
            "La présence de communautés d'expression anglaise varie beaucoup d'une région à l'autre.",
            "English-speaking communities are much more present in some regions than in others.",
        ),
    },
    Question {
        id: "winter",
        kind: QuestionKind::Single(&[
            c(
                "fine",
                "Non, l'hiver ne me dérange pas",
                "No, winter does not bother me",
            ),
            c("unsure", "Un peu", "A little"),
            c(
                "milder",
                "Oui, je préfère des hivers moins rudes",
                "Yes, I prefer milder winters",
            ),
        ]),
        text: (
            "Les longs hivers vous inquiètent-ils?",
            "Do long winters worry you?",
        ),
        why: (
            "Les hivers sont plus longs et plus enneigés dans l'est et le nord du Québec.",
            "Winters are longer and snowier in the east and north of Québec.",
        ),
    },
    Question {
        id: "rent",
        kind: QuestionKind::Single(&[
            c("lt900", "Moins de 900 $ par mois", "Under $900 a month"),
            c("900_1200", "De 900 $ à 1 200 $", "$900 to $1,200"),
            c("1200_1500", "De 1 200 $ à 1 500 $", "$1,200 to $1,500"),
            c("gt1500", "Plus de 1 500 $", "Over $1,500"),
            c("unsure", "Je ne sais pas encore", "I don't know yet"),
        ]),
        text: (
            "Quel loyer mensuel pouvez-vous payer?",
            "What monthly rent can you afford?",
        ),
        why: (
            "Pour comparer avec les loyers connus dans chaque région.",
            "To compare with the rents known for each region.",
        ),
    },
];

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The position of a question in [`QUESTIONS`].
pub(crate) fn index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The questions that matter given the answers so far, in order. A question whose answer
/// decides the path (where they live, status, spouse) keeps the default path while unanswered.
pub fn flow(a: &Answers) -> Vec<&'static Question> {
    QUESTIONS.iter().filter(|q| relevant(q.id, a)).collect()
}

/// Whether a question is part of the flow for these answers.
pub fn relevant(id: &str, a: &Answers) -> bool {
    let abroad = a.choice("live") == Some("abroad");
    let born_in_canada = matches!(a.choice("status"), Some("born_qc" | "born_ca"));
    match id {
        // The CSQ decides the pre-departure path (interview: "ont leur CSQ").
        "csq" => abroad,
        // Abroad, the CSQ replaces the status question: they are not yet residents.
        "status" => !abroad,
        // Only to point people born in Canada to Place aux jeunes en région (18-35).
        "age" => !abroad && born_in_canada,
        // Not asked of people born in Canada (their studies are assumed Canadian); readiness
        // still tells them that a regulated profession needs the Québec order's permit.
        "diploma" => abroad || !born_in_canada,
        "spouse_field" => matches!(a.choice("spouse"), Some("job" | "training" | "business")),
        _ => question(id).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_url_safe_and_every_text_is_bilingual() {
        let safe = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert!(safe(q.id), "{}", q.id);
            assert_ne!(q.id, "v", "v is the version key");
            assert!(QUESTIONS[..i].iter().all(|o| o.id != q.id));
            for lang in Lang::ALL {
                assert!(!q.label(lang).is_empty());
                assert!(
                    !q.hint(lang).unwrap_or("").is_empty(),
                    "{} needs a hint",
                    q.id
                );
            }
            let choices = q.kind.choices();
            for (j, c) in choices.iter().enumerate() {
                assert!(safe(c.id), "{}", c.id);
                assert!(choices[..j].iter().all(|o| o.id != c.id));
                assert!(!c.label(Lang::Fr).is_empty() && !c.label(Lang::En).is_empty());
            }
        }
    }

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
}
