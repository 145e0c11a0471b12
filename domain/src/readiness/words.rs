//! The words of the checklist: each topic's name, and for each case where it stands, what it
//! means and the next step, with the source of each piece of advice beside it.

use super::rules::Topic;
use super::{Case, Readiness, ReadinessItem};
use crate::links::{self, Link};
use crate::text::Text;
use crate::vocab::{Licence, Project};

fn t(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

/// What a case says: where the topic stands, a summary, the next step and a page that helps.
type Line = (Readiness, Text, Option<Text>, Option<&'static Link>);

fn line(status: Readiness, summary: Text, next: Option<Text>, link: Option<&'static Link>) -> Line {
    (status, summary, next, link)
}

/// One line of the checklist for a topic and its case (`None`: not answered yet).
pub(super) fn item(topic: Topic, case: Option<Case>) -> ReadinessItem {
    let (status, summary, next_step, link) = match case {
        Some(case) => line_of(case),
        None => unanswered(),
    };
    ReadinessItem {
        id: topic.id(),
        topic: name(topic),
        status,
        summary,
        next_step,
        link,
    }
}

fn name(topic: Topic) -> Text {
    match topic {
        Topic::Project => t("Votre projet", "Your plan"),
        Topic::French => t("Le français", "French"),
        Topic::Diploma => t("Vos diplômes", "Your diplomas"),
        Topic::Spouse => t("Votre conjoint ou conjointe", "Your spouse or partner"),
        Topic::Children => t("Les enfants", "Children"),
        Topic::Licence => t("Le permis de conduire", "Driving licence"),
        Topic::Savings => t("Les économies pour le déménagement", "Savings for the move"),
        Topic::Housing => t("Le logement", "Housing"),
    }
}

fn unanswered() -> Line {
    line(
        Readiness::Unanswered,
        t(
            "Vous n'avez pas encore répondu.",
            "You have not answered yet.",
        ),
        Some(t(
            "Répondez à la question pour voir ce qu'il reste à préparer.",
            "Answer the question to see what is left to prepare.",
        )),
        None,
    )
}

#[rustfmt::skip]
fn line_of(case: Case) -> Line {
    use Readiness::*;
    match case {
        // Project: the three kinds the service supports (interview: emploi, formation, entreprise
        // ou repreneuriat).
        Case::Project(Project::Job) => line(Ready,
            t("Vous visez un emploi, le principal moteur des installations en région.", "You are aiming for a job, the main driver of moves to the regions."),
            // Québec emploi is the government job board (PROGRAM.md, "Public services that changed").
            Some(t("Préparez un CV québécois d'une ou deux pages et repérez des offres dans les régions qui vous intéressent sur Québec emploi.", "Prepare a one- or two-page Québec-style résumé and look for openings in the regions that interest you on Québec emploi.")),
            Some(&links::QUEBEC_EMPLOI)),
        Case::Project(Project::Training) => line(Ready,
            t("Vous visez une formation en région, pour vous rapprocher du marché du travail qui vous intéresse.", "You are aiming for training in a region, to get closer to the job market that interests you."),
            Some(t("Vérifiez les programmes et les dates limites d'admission du cégep ou du centre de formation de la région : les admissions se font souvent des mois à l'avance.", "Check the programs and admission deadlines of the region's CEGEP or training centre: admission often closes months ahead.")),
            None),
        Case::Project(Project::Business) => line(Ready,
            t("Vous visez la création ou la reprise d'une entreprise.", "You are aiming to start or take over a business."),
            Some(t("Préparez un résumé de votre projet d'entreprise; votre personne conseillère vous mettra en lien avec les services d'aide aux entrepreneurs de la région.", "Prepare a short summary of your business plan; your counsellor will connect you with the region's business support services.")),
            None),
        Case::Project(Project::Unsure) => line(ToPrepare,
            t("Votre projet n'est pas encore défini : c'est normal au départ.", "Your plan is not settled yet: that is normal at the start."),
            Some(t("Notez ce que vous avez fait à Montréal ou dans votre pays et ce qui pourrait servir en région; le premier rendez-vous part de là.", "Write down what you have done in Montréal or in your country and what could be useful in a region; the first meeting starts from there.")),
            None),

        // French: the common language, and nearly the only one outside Montréal (Charter of the
        // French language; FOLS 2021: 99.1 % French in Bas-Saint-Laurent, 97.9 % in Mauricie).
        Case::FrenchForWork => line(Ready,
            t("Votre français vous permet de travailler.", "Your French is good enough for work."),
            Some(t("Renseignez-vous sur le vocabulaire de votre métier au Québec : il diffère parfois de celui de votre pays.", "Learn the vocabulary of your trade as used in Québec: it sometimes differs from your country's.")),
            None),
        Case::FrenchToImprove => line(ToPrepare,
            t("En région, presque tout se passe en français.", "In the regions, nearly everything happens in French."),
            Some(t("Inscrivez-vous aux cours gratuits de Francisation Québec, à temps plein ou à temps partiel, en ligne ou en classe.", "Sign up for free Francisation Québec courses, full or part time, online or in class.")),
            Some(&links::FRANCISATION)),

        // Diplomas and regulated professions (immigrantquebec.com, first meeting: "équivalences et
        // ordres professionnels").
        // Not asked of people whose studies are from Québec or elsewhere in Canada. A regulated
        // profession still needs the Québec order's permit, whatever the province of the
        // diploma (the issue; the Office des professions lists the orders): say that, never
        // "Canadian diplomas need no recognition".
        Case::DiplomaNotAsked => line(NotApplicable,
            t("Si votre profession est réglementée au Québec, il vous faut le permis de l'ordre professionnel québécois, quelle que soit la province où vous avez obtenu votre diplôme.", "If your profession is regulated in Québec, you need the permit of the Québec professional order, whatever the province where you earned your diploma."),
            Some(t("Vérifiez si votre profession a un ordre professionnel au Québec : la liste est sur le site de l'Office des professions.", "Check whether your profession has a professional order in Québec: the list is on the Office des professions website.")),
            Some(&links::OPQ)),
        Case::DiplomaNothingToDo => line(Ready,
            t("Rien à faire reconnaître avant le départ.", "Nothing to get recognised before you move."),
            Some(t("Gardez des copies de vos diplômes et relevés de notes : les employeurs en région les demandent souvent.", "Keep copies of your diplomas and transcripts: employers in the regions often ask for them.")),
            None),
        Case::DiplomaInProgress => line(ToPrepare,
            t("La reconnaissance est en cours.", "Recognition is under way."),
            Some(t("Demandez à votre ordre ou à l'organisme d'évaluation où en est votre dossier, et s'il existe un permis temporaire ou restrictif pour travailler en attendant.", "Ask your order or the evaluation body where your file stands, and whether a temporary or restricted permit lets you work in the meantime.")),
            Some(&links::OPQ)),
        Case::DiplomaRegulated => line(ToPrepare,
            t("Votre profession est réglementée : il faut le permis d'un ordre professionnel pour l'exercer.", "Your profession is regulated: you need a professional order's permit to practise it."),
            Some(t("Communiquez avec l'ordre de votre profession (liste sur le site de l'Office des professions) pour connaître les étapes et les délais.", "Contact your profession's order (listed on the Office des professions website) to learn the steps and timelines.")),
            Some(&links::OPQ)),
        Case::DiplomaNotStarted => line(ToPrepare,
            t("Vos diplômes obtenus hors du Québec ne sont pas encore évalués.", "Your diplomas from outside Québec have not been evaluated yet."),
            Some(t("Demandez l'Évaluation comparative des études effectuées hors du Québec au ministère de l'Immigration : les employeurs la connaissent.", "Apply for the Comparative Evaluation for Studies Done Outside Québec from the immigration ministry: employers know it.")),
            Some(&links::IMMIGRATION_QC)),

        // The spouse's plans (interview: "s'organiser en fonction de leur conjoint/conjointe").
        Case::NoSpouse => line(NotApplicable,
            t("Vous déménagez sans conjoint.", "You are moving without a spouse."), None, None),
        Case::SpouseAtHome => line(Ready,
            t("Votre conjoint n'a pas de projet de travail pour le moment.", "Your spouse has no plan to work for now."),
            Some(t("Repérez les activités et les organismes d'accueil de la région : s'y faire un réseau aide toute la famille à rester.", "Look up the region's activities and welcome organisations: a network there helps the whole family stay.")),
            None),
        Case::SpousePlanUnsure => line(ToPrepare,
            t("Le projet de votre conjoint n'est pas encore défini.", "Your spouse's plan is not settled yet."),
            Some(t("Parlez-en ensemble avant de choisir une région : l'accompagnement peut inclure son projet aussi.", "Talk it over before choosing a region: the support can include their plan too.")),
            None),
        Case::SpouseWithField => line(Ready,
            t("Votre conjoint a un projet et un domaine : la comparaison des régions en tient compte.", "Your spouse has a plan and a field: the region comparison takes them into account."),
            Some(t("Préparez aussi son CV et, s'il y a lieu, la reconnaissance de ses diplômes.", "Prepare their résumé too and, if needed, the recognition of their diplomas.")),
            None),

        // Children: daycare and school (interview: "de leurs enfants"). La Place 0-5 closed on 16
        // October 2025; the Portail d'inscription aux services de garde replaced it, and a child can
        // be registered only after birth (PROGRAM.md, "Public services that changed").
        Case::NoChildren => line(NotApplicable,
            t("Aucun enfant ne déménage avec vous.", "No children are moving with you."), None, None),
        Case::Children(n) => line(ToPrepare,
            Text::new(
                format!("{n} enfant{} : service de garde et école à prévoir.", if n > 1 { "s" } else { "" }),
                format!("{n} child{}: daycare and school to plan.", if n > 1 { "ren" } else { "" }),
            ),
            Some(t("Pour un enfant de moins de 5 ans, inscrivez-le au Portail d'inscription aux services de garde du gouvernement du Québec dès que la ville est choisie (on ne peut y inscrire un enfant qu'après sa naissance); pour l'école, communiquez avec le centre de services scolaire de la ville.", "For a child under 5, register them on the Government of Québec's Portail d'inscription aux services de garde as soon as the town is chosen (a child can be registered only after birth); for school, contact the town's school service centre.")),
            Some(&links::PORTAIL_GARDE)),

        // Driving licence: most regions need a car (the issue; sparse public transit outside cities).
        Case::Licence(Licence::Quebec) => line(Ready,
            t("Vous avez un permis du Québec.", "You have a Québec licence."),
            Some(t("Prévoyez le budget d'une voiture : en région, elle est souvent nécessaire.", "Budget for a car: in the regions you often need one.")),
            None),
        Case::Licence(Licence::Other) => line(ToPrepare,
            t("Votre permis doit être échangé contre un permis du Québec.", "Your licence has to be exchanged for a Québec one."),
            Some(t("Vérifiez auprès de la SAAQ si votre permis s'échange directement ou s'il faut passer des examens, et faites-le avant de partir en région.", "Check with the SAAQ whether your licence can be exchanged directly or needs tests, and do it before you move.")),
            Some(&links::SAAQ)),
        Case::Licence(Licence::Without) => line(ToPrepare,
            t("Sans permis, vos choix se limitent aux villes avec transport en commun.", "Without a licence, your choices are limited to towns with public transit."),
            Some(t("Commencez le cours de conduite obligatoire au Québec : obtenir le permis prend plusieurs mois.", "Start Québec's mandatory driving course: getting a licence takes several months.")),
            Some(&links::SAAQ)),

        // Savings for the move (interview: "beaucoup d'énergie, de ressources personnelles, et
        // financières"). Free exploratory trips exist (PROGRAM.md: ~900 participants in 2023) but
        // are "not a promise to every participant for every region: say 'may be offered; ask your
        // counsellor'" (PROGRAM.md).
        Case::SavingsEnough => line(Ready,
            t("Vous avez de quoi payer le déménagement et les premiers mois.", "You can pay for the move and the first months."),
            Some(t("Avant de décider, demandez à votre personne conseillère si un voyage exploratoire gratuit peut vous être offert pour visiter la région.", "Before deciding, ask your counsellor whether a free exploratory trip can be offered to you to visit the region.")),
            None),
        Case::SavingsShort => line(ToPrepare,
            t("Vos économies ne couvrent pas encore tout le déménagement.", "Your savings do not cover the whole move yet."),
            Some(t("Faites un budget (camion, premier loyer et dépôt, voiture) et demandez à votre personne conseillère quelles aides existent; un voyage exploratoire gratuit peut parfois être offert.", "Draw up a budget (truck, first rent and deposit, a car) and ask your counsellor what help exists; a free exploratory trip may sometimes be offered.")),
            None),

        // Housing: few vacant units in regional centres (CMHC, October 2023: 0.6 % in Rimouski,
        // 1.3 % in Québec as a whole; facts file flofm_rimouski_rent, observat_rent_2023).
        Case::RentUnsure => line(ToPrepare,
            t("Votre budget de loyer n'est pas encore fixé.", "Your rent budget is not set yet."),
            Some(t("Fixez un loyer maximal; comparez-le aux loyers connus sur les pages des régions.", "Set a maximum rent; compare it with the rents shown on the region pages.")),
            None),
        Case::RentKnown => line(ToPrepare,
            t("Vous connaissez votre budget; reste à trouver le logement.", "You know your budget; the home is still to find."),
            Some(t("Les logements libres sont rares dans plusieurs villes (0,6 % à Rimouski en octobre 2023, selon la SCHL) : cherchez de deux à trois mois d'avance, avec l'aide de l'organisme d'accueil.", "Vacant homes are scarce in several towns (0.6% in Rimouski in October 2023, according to CMHC): start looking two to three months ahead, with the welcome organisation's help.")),
            None),
    }
}
