//! What each rule says: the headline, the reasons, the next steps and the referral, in French
//! and English, each with the source that supports it (the interview with EER's director, 2024,
//! or PROGRAM.md). The wording is kept in `tests/golden/eligibility_wording.md`.

use super::{Outcome, Referral, Rule};
use crate::answers::Answers;
use crate::links;
use crate::route::Page;
use crate::text::{Static, Text};
use crate::vocab::{Age, Status};

/// The words of one rule.
pub(super) struct Words {
    /// A headline of its own, instead of the outcome's.
    pub headline: Option<Text>,
    pub reasons: Vec<Text>,
    pub next_steps: Vec<Text>,
    pub referral: Option<Referral>,
}

fn t(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

fn words(reasons: Vec<Text>, next_steps: Vec<Text>, referral: Option<Referral>) -> Words {
    Words {
        headline: None,
        reasons,
        next_steps,
        referral,
    }
}

/// Said when where they live is not answered yet.
pub(super) const LIVE_UNKNOWN: Static = (
    "Vous n'avez pas encore dit où vous habitez : ce résultat peut changer.",
    "You have not said where you live yet: this result may change.",
);

/// The headline of each outcome.
pub(super) fn headline(o: Outcome) -> Text {
    match o {
        Outcome::Eligible => t(
            "Vous semblez admissible à Emplois en régions",
            "You appear to be eligible for Emplois en régions",
        ),
        Outcome::ToConfirm => t(
            "Votre admissibilité est à confirmer avec une personne conseillère",
            "Your eligibility needs to be confirmed with a counsellor",
        ),
        Outcome::OtherService => t(
            "Un autre service répondra mieux à votre situation",
            "Another service will suit your situation better",
        ),
    }
}

/// Place aux jeunes en région. PROGRAM.md: "Place aux jeunes en région (PAJR) helps young
/// graduates and qualified people aged 18-35 (Québec-born included) settle in the regions
/// (jeunes.gouv.qc.ca, Radio-Canada); the EER-PAJR partnership rests on one editorial […] —
/// say 'another service', not 'EER's partner', unless confirmed."
fn pajr(why: Text) -> Referral {
    Referral {
        name: t("Place aux jeunes en région", "Place aux jeunes en région"),
        link: Some(&links::PLACE_AUX_JEUNES),
        page: None,
        why,
    }
}

fn pajr_why() -> Text {
    t(
        "Un autre service, qui peut vous convenir : il aide les jeunes diplômés et les personnes qualifiées de 18 à 35 ans, y compris les personnes nées au Québec, à s'établir en région.",
        "Another service that may suit you: it helps young graduates and qualified people aged 18 to 35, including people born in Québec, settle in a region.",
    )
}

/// PROGRAM.md: "The service is free."; "First meeting (immigrantquebec.com): the counsellor
/// reviews the project".
fn interest_form() -> Text {
    t(
        "Remplissez le formulaire d'intérêt : une personne conseillère vous joindra pour un premier rendez-vous, gratuit.",
        "Fill in the interest form: a counsellor will get in touch for a first meeting, free of charge.",
    )
}

/// The words of `rule`; `a` only for what a rule names (a temporary status, the age).
pub(super) fn of(rule: Rule, a: &Answers) -> Words {
    match rule {
        Rule::BornInQuebecYoung
        | Rule::BornInQuebecMinor
        | Rule::BornInQuebecOlder
        | Rule::BornInQuebecAgeUnknown => born_in_quebec(rule),
        Rule::AbroadWithCsq
        | Rule::AbroadCsqPending
        | Rule::AbroadWithoutCsq
        | Rule::AbroadCsqUnknown => abroad(rule),
        Rule::LivesInRegion => lives_in_region(),
        Rule::LivesElsewhereInCanada => lives_elsewhere_in_canada(),
        Rule::BornElsewhereInCanada => born_elsewhere_in_canada(a),
        Rule::NaturalisedCitizen => naturalised_citizen(),
        Rule::PermanentResident => permanent_resident(),
        Rule::TemporaryStatus => temporary_status(a.given::<Status>()),
        Rule::OtherStatus => words(
            // Not one of the cases the sources describe: to confirm (PROGRAM.md, "Unclear").
            vec![t(
                "Votre situation n'entre pas dans les cas prévus : une personne conseillère l'étudiera avec vous.",
                "Your situation is not one of the usual cases: a counsellor will look at it with you.",
            )],
            vec![interest_form()],
            None,
        ),
        Rule::StatusUnknown => words(
            vec![t(
                "Indiquez votre situation au Canada pour savoir si le service vous est ouvert.",
                "Tell us your status in Canada to find out whether the service is open to you.",
            )],
            vec![],
            None,
        ),
    }
}

/// 1. Born in Québec: not eligible. Interview: "vous êtes éligible si vous n'êtes pas né au
///    Québec de parents immigrants"; PROGRAM.md: "A person born in Québec (for example to
///    immigrant parents) is not eligible." Place aux jeunes en région for 18-35 (see pajr).
fn born_in_quebec(rule: Rule) -> Words {
    let reason = t(
        "Emplois en régions accompagne les personnes immigrantes; les personnes nées au Québec n'y sont pas admissibles.",
        "Emplois en régions supports immigrants; people born in Québec are not eligible.",
    );
    let (step, referral) = match rule {
        Rule::BornInQuebecYoung => (
            t(
                "Communiquez avec Place aux jeunes en région pour savoir comment ce service peut vous aider à vous établir en région.",
                "Contact Place aux jeunes en région to find out how it can help you settle in a region.",
            ),
            pajr(pajr_why()),
        ),
        Rule::BornInQuebecMinor => (
            t(
                "Place aux jeunes en région s'adresse aux personnes de 18 à 35 ans : vous pourrez vous adresser à ce service à partir de 18 ans.",
                "Place aux jeunes en région is for people aged 18 to 35: you can turn to it from the age of 18.",
            ),
            pajr(pajr_why()),
        ),
        // No regional-move service for people born in Québec over 35 is named in the
        // sources; the government job board lists openings in every region (PROGRAM.md,
        // "The government job board is Québec emploi (quebecemploi.gouv.qc.ca)").
        Rule::BornInQuebecOlder => (
            t(
                "Cherchez des offres d'emploi dans la région de votre choix sur Québec emploi, le site d'emploi du gouvernement du Québec.",
                "Look for job openings in the region you choose on Québec emploi, the Government of Québec's job board.",
            ),
            Referral {
                name: t("Québec emploi", "Québec emploi"),
                link: Some(&links::QUEBEC_EMPLOI),
                page: None,
                why: t(
                    "Le site d'offres d'emploi du gouvernement du Québec, pour toutes les régions.",
                    "The Government of Québec's job board, for every region.",
                ),
            },
        ),
        _ => (
            t(
                "Indiquez votre âge : si vous avez de 18 à 35 ans, Place aux jeunes en région peut vous convenir.",
                "Tell us your age: if you are 18 to 35, Place aux jeunes en région may suit you.",
            ),
            pajr(pajr_why()),
        ),
    };
    words(vec![reason], vec![step], Some(referral))
}

/// 2. Abroad. Interview: "cette dernière année (2023-2024) nous avons établi avec le MIFI un
///    nouveau projet-pilote orienté sur le prédépart. Les personnes sont dans leur pays
///    d'origine, ont leur CSQ et si elles mentionnent qu'elles sont intéressées à considérer
///    la région, elles sont référées à nous." PROGRAM.md: "whether it continues is unknown.
///    Present it as such: 'a pilot (2023-2024), on referral; to confirm', not as an open
///    door."
fn abroad(rule: Rule) -> Words {
    let pilot = t(
        "Avant le départ, Emplois en régions a accompagné, dans un projet pilote mené avec le ministère de l'Immigration (MIFI) en 2023-2024, des personnes qui avaient leur CSQ et que le ministère lui avait orientées.",
        "Before departure, Emplois en régions supported, in a pilot project run with Québec's immigration ministry (MIFI) in 2023-2024, people who held their CSQ and whom the ministry referred to it.",
    );
    let immigration = |why: Text| Referral {
        name: t(
            "Immigrer au Québec (gouvernement du Québec)",
            "Immigrating to Québec (Government of Québec)",
        ),
        link: Some(&links::IMMIGRATION_QC),
        page: None,
        why,
    };
    let without_csq = || {
        t(
            "Sans CSQ, ce projet pilote ne s'adressait pas à vous.",
            "Without a CSQ, the pilot was not open to you.",
        )
    };
    match rule {
        Rule::AbroadWithCsq => words(
            vec![
                pilot,
                t(
                    "Nous ne savons pas si ce projet se poursuit : une personne conseillère vous dira si un accompagnement avant votre arrivée est possible.",
                    "We do not know whether the pilot continues: a counsellor will tell you whether support before you arrive is possible.",
                ),
            ],
            vec![
                interest_form(),
                t(
                    "Comparez les régions dès maintenant : si vous êtes accompagné, votre personne conseillère vous aidera à valider votre choix.",
                    "Compare the regions now: if you are supported, your counsellor will help you confirm your choice.",
                ),
            ],
            None,
        ),
        Rule::AbroadCsqPending => words(
            vec![pilot, without_csq()],
            vec![t(
                "Suivez votre demande de CSQ; une fois votre CSQ obtenu, refaites l'autoévaluation.",
                "Follow your CSQ application; once you have your CSQ, take the self-assessment again.",
            )],
            Some(immigration(t(
                "Pour suivre votre demande de CSQ.",
                "To follow your CSQ application.",
            ))),
        ),
        Rule::AbroadWithoutCsq => words(
            vec![pilot, without_csq()],
            vec![t(
                "Informez-vous sur les programmes d'immigration du Québec et le certificat de sélection du Québec (CSQ).",
                "Learn about Québec's immigration programs and the Québec selection certificate (CSQ).",
            )],
            Some(immigration(t(
                "Les programmes pour immigrer au Québec et obtenir un CSQ.",
                "The programs to immigrate to Québec and obtain a CSQ.",
            ))),
        ),
        _ => words(
            vec![t(
                "À l'étranger, tout dépend de votre CSQ : répondez à cette question.",
                "Abroad, it all depends on your CSQ: please answer that question.",
            )],
            vec![],
            None,
        ),
    }
}

/// 3. Already in a region. PROGRAM.md, "Unclear in the sources (treat as 'to confirm with a
///    counsellor')": "people already living in a region (the region's partner organisation
///    likely serves them better: offer it, and say EER can confirm)".
fn lives_in_region() -> Words {
    words(
        vec![
            t(
                "Emplois en régions accompagne les ménages de la région de Montréal qui veulent s'installer en région. Si vous vivez déjà en région, l'organisme d'accueil des personnes immigrantes de votre région est sans doute le mieux placé pour vous aider.",
                "Emplois en régions supports households in the Montréal area who want to settle in a region. If you already live in a region, your region's immigrant welcome organisation is probably best placed to help.",
            ),
            t(
                "Emplois en régions peut confirmer si son accompagnement vous est ouvert.",
                "Emplois en régions can confirm whether its support is open to you.",
            ),
        ],
        vec![
            t(
                "Trouvez un organisme d'accueil des personnes immigrantes sur la page de votre région.",
                "Find an immigrant welcome organisation on your region's page.",
            ),
            interest_form(),
        ],
        Some(Referral {
            name: t(
                "L'organisme d'accueil de votre région",
                "Your region's welcome organisation",
            ),
            link: None,
            page: Some(Page::Regions),
            why: t(
                "Les pages des régions nomment des organismes d'accueil trouvés dans des sources publiques.",
                "The region pages name welcome organisations found in public sources.",
            ),
        }),
    )
}

/// 4. Elsewhere in Canada. PROGRAM.md: "The service targets immigrant households settled in
///    Montréal (the Montréal metropolitan community, CMM) who wish to move to a region";
///    the sources say nothing else of people elsewhere in Canada: to confirm.
fn lives_elsewhere_in_canada() -> Words {
    words(
        vec![t(
            "Le service s'adresse aux ménages immigrants de la région de Montréal : votre situation doit être étudiée par une personne conseillère.",
            "The service is for immigrant households in the Montréal area: a counsellor needs to look at your situation.",
        )],
        vec![interest_form()],
        None,
    )
}

// 5. The Montréal area (or not yet said), by status.

/// Interview: "Vous avez droit aux services d'EER même si vous êtes Canadien, du moment
/// que c'est par naturalisation". PROGRAM.md: that "implies people born Canadian (in
/// Québec or elsewhere in Canada) do not. For people born elsewhere in Canada: 'probably
/// not eligible; a counsellor will confirm' — not 'the rules say nothing'."
fn born_elsewhere_in_canada(a: &Answers) -> Words {
    Words {
        headline: Some(t(
            "Vous n'êtes probablement pas admissible; une personne conseillère confirmera",
            "You are probably not eligible; a counsellor will confirm",
        )),
        ..words(
            vec![t(
                "Le service est ouvert aux personnes canadiennes « du moment que c'est par naturalisation », selon son directeur : une personne née au Canada n'y est probablement pas admissible. Une personne conseillère pourra le confirmer.",
                "The service is open to Canadians \"as long as it is by naturalisation\", according to its director: a person born in Canada is probably not eligible. A counsellor can confirm it.",
            )],
            vec![interest_form()],
            (a.given::<Age>() == Some(Age::From18To35)).then(|| pajr(pajr_why())),
        )
    }
}

fn in_montreal_area() -> Text {
    t(
        "Vous habitez la région de Montréal, d'où le service accompagne les ménages vers les régions.",
        "You live in the Montréal area, from which the service supports households moving to the regions.",
    )
}

/// Interview: "même si vous êtes Canadien, du moment que c'est par naturalisation";
/// "peu importe le nombre d'années de présence sur le territoire québécois".
fn naturalised_citizen() -> Words {
    words(
        vec![
            t(
                "Les personnes devenues canadiennes par naturalisation sont admissibles, peu importe depuis combien d'années elles vivent au Québec.",
                "Canadians by naturalisation are eligible, however long they have lived in Québec.",
            ),
            in_montreal_area(),
        ],
        vec![interest_form()],
        None,
    )
}

/// Interview: "Jusqu'à présent, seules les personnes immigrantes depuis moins de cinq ans
/// pouvaient bénéficier de nos services. Depuis peu, peu importe le nombre d'années".
fn permanent_resident() -> Words {
    words(
        vec![
            t(
                "Les personnes qui ont la résidence permanente sont admissibles; le nombre d'années au Québec ne compte plus.",
                "Permanent residents are eligible; the number of years in Québec no longer matters.",
            ),
            in_montreal_area(),
        ],
        vec![interest_form()],
        None,
    )
}

/// PROGRAM.md, "Unclear in the sources (treat as 'to confirm with a counsellor'):
/// temporary residents (work permits, students, asylum seekers)".
fn temporary_status(status: Option<Status>) -> Words {
    let what = match status {
        Some(Status::WorkPermit) => t("un permis de travail", "a work permit"),
        Some(Status::StudyPermit) => t("un permis d'études", "a study permit"),
        _ => t("une demande d'asile", "an asylum claim"),
    };
    words(
        vec![Text::new(
            format!(
                "Avec {}, votre admissibilité n'est pas précisée par les règles publiques du service : une personne conseillère la confirmera.",
                what.fr
            ),
            format!(
                "With {}, the service's public rules do not settle your eligibility: a counsellor will confirm it.",
                what.en
            ),
        )],
        vec![
            interest_form(),
            t(
                "Vérifiez si votre permis vous permet de travailler ou d'étudier partout au Québec, ou seulement chez un employeur ou un établissement.",
                "Check whether your permit lets you work or study anywhere in Québec, or only for one employer or school.",
            ),
        ],
        None,
    )
}
