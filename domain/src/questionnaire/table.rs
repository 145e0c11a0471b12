//! The questions of the quiz, in order: each one's words and why it is asked. The choices and
//! what they mean are in the vocabulary (`vocab`); which questions a person sees is the flow
//! (`flow.rs`).

use super::{Question, QuestionKind};
use crate::vocab::{
    Age, CHILDREN, Choices, Csq, Diploma, Distance, English, FIELD, FIELDS, French, Licence, Live,
    Project, Rent, SPOUSE_FIELD, Savings, Single, Size, Spouse, Status, Winter,
};

/// Every question, in the order of the quiz.
pub static QUESTIONS: [Question; 18] = [
    Question {
        id: Live::QUESTION,
        kind: QuestionKind::Single(Live::CHOICES),
        text: ("Où habitez-vous en ce moment?", "Where do you live now?"),
        why: (
            "Le service accompagne les ménages de la région de Montréal qui veulent s'installer en région. Un projet pilote (2023-2024) a aussi accompagné des personnes encore à l'étranger qui ont leur CSQ.",
            "The service supports households in the Montréal area who want to move to a region. A pilot project (2023-2024) also supported people still abroad who hold a CSQ.",
        ),
    },
    Question {
        id: Csq::QUESTION,
        kind: QuestionKind::Single(Csq::CHOICES),
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
        id: Status::QUESTION,
        kind: QuestionKind::Single(Status::CHOICES),
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
        id: Age::QUESTION,
        kind: QuestionKind::Single(Age::CHOICES),
        text: ("Quel âge avez-vous?", "How old are you?"),
        why: (
            "Place aux jeunes en région, un autre service, aide les jeunes diplômés et les personnes qualifiées de 18 à 35 ans à s'établir en région.",
            "Place aux jeunes en région, another service, helps young graduates and qualified people aged 18 to 35 settle in a region.",
        ),
    },
    Question {
        id: Project::QUESTION,
        kind: QuestionKind::Single(Project::CHOICES),
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
        id: FIELD,
        kind: QuestionKind::Multi {
            choices: FIELDS,
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
        id: French::QUESTION,
        kind: QuestionKind::Single(French::CHOICES),
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
        id: Diploma::QUESTION,
        kind: QuestionKind::Single(Diploma::CHOICES),
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
        id: Spouse::QUESTION,
        kind: QuestionKind::Single(Spouse::CHOICES),
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
        id: SPOUSE_FIELD,
        kind: QuestionKind::Single(FIELDS),
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
        id: CHILDREN,
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
        id: Licence::QUESTION,
        kind: QuestionKind::Single(Licence::CHOICES),
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
        id: Savings::QUESTION,
        kind: QuestionKind::Single(Savings::CHOICES),
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
        id: Size::QUESTION,
        kind: QuestionKind::Single(Size::CHOICES),
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
        id: Distance::QUESTION,
        kind: QuestionKind::Single(Distance::CHOICES),
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
        id: English::QUESTION,
        kind: QuestionKind::Single(English::CHOICES),
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
        id: Winter::QUESTION,
        kind: QuestionKind::Single(Winter::CHOICES),
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
        id: Rent::QUESTION,
        kind: QuestionKind::Single(Rent::CHOICES),
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
