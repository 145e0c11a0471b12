//! Who the service is for, from the answers. Four outcomes, never a bare "no": when Emplois en
//! régions is not the right service, the person gets the service that is.
//!
//! Sources (../shared/context/PROGRAM.md and the interview beside it, "the interview"):
//! - "peu importe le nombre d'années de présence sur le territoire québécois": years in Québec
//!   do not matter (the former five-year limit was lifted);
//! - "même si vous êtes Canadien, du moment que c'est par naturalisation": naturalised
//!   Canadians are eligible;
//! - "si vous n'êtes pas né au Québec de parents immigrants": people born in Québec are not;
//! - the service targets "ménages immigrants installés à Montréal, souhaitant déménager en
//!   région", and, through the 2023-2024 pre-departure pilot, people in their country of origin
//!   who "ont leur CSQ";
//! - PROGRAM.md, "Unclear in the sources": temporary residents, people born elsewhere in Canada
//!   and people already living in a region are "to confirm with a counsellor, never a flat no";
//!   the issue settles the last group: the region's partner organisation serves them better.
//! - PROGRAM.md: Place aux jeunes en région (18-35) is EER's partner and the natural referral
//!   for people born in Québec.

use crate::answers::Answers;
use crate::links;
use crate::text::Text;

/// The four outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A household in the Montréal area, immigrant (permanent resident or naturalised).
    Eligible,
    /// Abroad with a CSQ: the pre-departure pilot.
    EligiblePreDeparture,
    /// The sources are silent or the answers incomplete: a counsellor decides.
    ToConfirm,
    /// Another service fits better; see the referral.
    OtherService,
}

/// Where to go instead (or as well).
#[derive(Debug, Clone, PartialEq)]
pub struct Referral {
    pub name: Text,
    pub url: Option<&'static str>,
    pub why: Text,
}

/// The assessment shown on the results page.
#[derive(Debug, Clone, PartialEq)]
pub struct Eligibility {
    pub outcome: Outcome,
    pub headline: Text,
    pub reasons: Vec<Text>,
    pub next_steps: Vec<Text>,
    pub referral: Option<Referral>,
    /// Some deciding questions are still unanswered: the outcome may change.
    pub provisional: bool,
    /// The rule that decided, for tests and for counsellors reading an export.
    pub rule: Rule,
}

/// Every branch of the rules, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    BornInQuebecYoung,
    BornInQuebecMinor,
    BornInQuebecOlder,
    BornInQuebecAgeUnknown,
    AbroadWithCsq,
    AbroadCsqPending,
    AbroadWithoutCsq,
    AbroadCsqUnknown,
    LivesInRegion,
    LivesElsewhereInCanada,
    BornElsewhereInCanada,
    NaturalisedCitizen,
    PermanentResident,
    TemporaryStatus,
    OtherStatus,
    StatusUnknown,
}

impl Rule {
    pub const ALL: [Rule; 16] = [
        Rule::BornInQuebecYoung,
        Rule::BornInQuebecMinor,
        Rule::BornInQuebecOlder,
        Rule::BornInQuebecAgeUnknown,
        Rule::AbroadWithCsq,
        Rule::AbroadCsqPending,
        Rule::AbroadWithoutCsq,
        Rule::AbroadCsqUnknown,
        Rule::LivesInRegion,
        Rule::LivesElsewhereInCanada,
        Rule::BornElsewhereInCanada,
        Rule::NaturalisedCitizen,
        Rule::PermanentResident,
        Rule::TemporaryStatus,
        Rule::OtherStatus,
        Rule::StatusUnknown,
    ];
}

fn t(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

fn pajr(why: Text) -> Referral {
    Referral {
        name: t("Place aux jeunes en région", "Place aux jeunes en région"),
        url: Some(links::PLACE_AUX_JEUNES),
        why,
    }
}

fn interest_form() -> Text {
    t(
        "Remplissez le formulaire d'intérêt : une intervenante ou un intervenant vous écrira pour un premier rendez-vous, gratuit.",
        "Fill in the interest form: a counsellor will get in touch for a first meeting, free of charge.",
    )
}

/// Assesses eligibility from the answers so far. Incomplete answers give a provisional outcome.
pub fn assess(a: &Answers) -> Eligibility {
    let live = a.answer("live");
    let status = a.answer("status");
    let mut e = decide(live, status, a);
    // Where they live decides first; unanswered, the Montréal path is assumed (the service's
    // main audience) and the outcome is provisional.
    if live.is_none() {
        e.provisional = true;
        e.reasons.push(t(
            "Vous n'avez pas encore dit où vous habitez : ce résultat peut changer.",
            "You have not said where you live yet: this result may change.",
        ));
    }
    e
}

fn decide(live: Option<&str>, status: Option<&str>, a: &Answers) -> Eligibility {
    use Outcome::*;
    let headline = |o: Outcome| match o {
        Eligible => t(
            "Vous semblez admissible à Emplois en régions",
            "You appear to be eligible for Emplois en régions",
        ),
        EligiblePreDeparture => t(
            "Vous semblez admissible à l'accompagnement avant le départ",
            "You appear to be eligible for support before you leave",
        ),
        ToConfirm => t(
            "Votre admissibilité est à confirmer avec une intervenante ou un intervenant",
            "Your eligibility needs to be confirmed with a counsellor",
        ),
        OtherService => t(
            "Un autre service répondra mieux à votre situation",
            "Another service will suit your situation better",
        ),
    };
    let make = |rule: Rule,
                outcome: Outcome,
                reasons: Vec<Text>,
                next_steps: Vec<Text>,
                referral: Option<Referral>| {
        Eligibility {
            outcome,
            headline: headline(outcome),
            reasons,
            next_steps,
            referral,
            provisional: false,
            rule,
        }
    };

    // 1. Born in Québec: not eligible (interview: "si vous n'êtes pas né au Québec"). Place
    //    aux jeunes en région serves Québec-born people aged 18-35 (PROGRAM.md).
    if status == Some("born_qc") {
        let reason = t(
            "Emplois en régions accompagne les personnes immigrantes; les personnes nées au Québec n'y sont pas admissibles.",
            "Emplois en régions supports immigrants; people born in Québec are not eligible.",
        );
        return match a.answer("age") {
            Some("18_35") => make(
                Rule::BornInQuebecYoung,
                OtherService,
                vec![reason],
                vec![t(
                    "Communiquez avec Place aux jeunes en région : ses agents accompagnent gratuitement les 18 à 35 ans qui veulent s'installer en région.",
                    "Contact Place aux jeunes en région: its agents help people aged 18 to 35 settle in a region, free of charge.",
                )],
                Some(pajr(t(
                    "Partenaire d'Emplois en régions pour les 18 à 35 ans, y compris les personnes nées au Québec.",
                    "Emplois en régions' partner for people aged 18 to 35, including those born in Québec.",
                ))),
            ),
            Some("u18") => make(
                Rule::BornInQuebecMinor,
                OtherService,
                vec![reason],
                vec![t(
                    "Dès vos 18 ans, Place aux jeunes en région pourra vous accompagner dans votre projet.",
                    "From age 18, Place aux jeunes en région can support your plan.",
                )],
                Some(pajr(t(
                    "Accompagne les 18 à 35 ans qui veulent s'installer en région.",
                    "Supports people aged 18 to 35 who want to settle in a region.",
                ))),
            ),
            Some(_) => make(
                Rule::BornInQuebecOlder,
                OtherService,
                vec![reason],
                vec![t(
                    "Services Québec peut vous aider à chercher un emploi dans la région de votre choix; son bureau local vous renseignera.",
                    "Services Québec can help you look for a job in the region you choose; its local office will advise you.",
                )],
                Some(Referral {
                    name: t("Services Québec – Emploi", "Services Québec – Employment"),
                    url: Some(links::EMPLOI_QC),
                    why: t(
                        "Le service public d'emploi, présent dans toutes les régions.",
                        "The public employment service, present in every region.",
                    ),
                }),
            ),
            None => Eligibility {
                provisional: true,
                ..make(
                    Rule::BornInQuebecAgeUnknown,
                    OtherService,
                    vec![reason],
                    vec![t(
                        "Indiquez votre âge : si vous avez de 18 à 35 ans, Place aux jeunes en région peut vous accompagner.",
                        "Tell us your age: if you are 18 to 35, Place aux jeunes en région can support you.",
                    )],
                    Some(pajr(t(
                        "Accompagne les 18 à 35 ans qui veulent s'installer en région.",
                        "Supports people aged 18 to 35 who want to settle in a region.",
                    ))),
                )
            },
        };
    }

    // 2. Abroad: the pre-departure pilot is for CSQ holders (interview: "ont leur CSQ").
    if live == Some("abroad") {
        let immigration = |why: Text| Referral {
            name: t(
                "Immigrer au Québec (gouvernement du Québec)",
                "Immigrating to Québec (Government of Québec)",
            ),
            url: Some(links::IMMIGRATION_QC),
            why,
        };
        return match a.answer("csq") {
            Some("yes") => make(
                Rule::AbroadWithCsq,
                EligiblePreDeparture,
                vec![t(
                    "Avec votre CSQ, vous pouvez recevoir un accompagnement avant votre arrivée grâce au projet-pilote de prédépart, mené avec le ministère de l'Immigration.",
                    "With your CSQ, you can get support before you arrive through the pre-departure pilot run with Québec's immigration ministry.",
                )],
                vec![
                    interest_form(),
                    t(
                        "Comparez les régions dès maintenant : l'intervenante ou l'intervenant vous aidera à valider votre choix.",
                        "Compare the regions now: your counsellor will help you confirm your choice.",
                    ),
                ],
                None,
            ),
            Some("applied") => make(
                Rule::AbroadCsqPending,
                OtherService,
                vec![t(
                    "L'accompagnement avant le départ s'adresse aux personnes qui ont déjà leur CSQ.",
                    "Support before departure is for people who already hold their CSQ.",
                )],
                vec![t(
                    "Revenez dès que vous aurez votre CSQ : vous pourrez alors recevoir un accompagnement avant votre départ.",
                    "Come back as soon as you have your CSQ: you can then get support before you leave.",
                )],
                Some(immigration(t(
                    "Pour suivre votre demande de CSQ.",
                    "To follow your CSQ application.",
                ))),
            ),
            Some(_) => make(
                Rule::AbroadWithoutCsq,
                OtherService,
                vec![t(
                    "L'accompagnement avant le départ s'adresse aux personnes sélectionnées par le Québec, qui ont leur CSQ.",
                    "Support before departure is for people selected by Québec, who hold their CSQ.",
                )],
                vec![t(
                    "Informez-vous sur les programmes d'immigration du Québec; les régions y sont souvent mises en valeur.",
                    "Learn about Québec's immigration programs; the regions are often highlighted in them.",
                )],
                Some(immigration(t(
                    "Les programmes pour immigrer au Québec et obtenir un CSQ.",
                    "The programs to immigrate to Québec and obtain a CSQ.",
                ))),
            ),
            None => Eligibility {
                provisional: true,
                ..make(
                    Rule::AbroadCsqUnknown,
                    ToConfirm,
                    vec![t(
                        "À l'étranger, l'accompagnement dépend de votre CSQ : répondez à cette question.",
                        "Abroad, support depends on your CSQ: please answer that question.",
                    )],
                    vec![],
                    None,
                )
            },
        };
    }

    // 3. Already in a region: the local partner organisation serves them better (PROGRAM.md,
    //    "they are better served by the local partner organisation"; the issue).
    if live == Some("region") {
        return make(
            Rule::LivesInRegion,
            OtherService,
            vec![t(
                "Emplois en régions accompagne les ménages qui quittent la région de Montréal. Si vous vivez déjà en région, l'organisme d'accueil de votre région est le mieux placé pour vous aider.",
                "Emplois en régions supports households leaving the Montréal area. If you already live in a region, your region's welcome organisation is best placed to help.",
            )],
            vec![t(
                "Trouvez l'organisme d'accueil des personnes immigrantes sur la page de votre région, ou demandez-le à Services Québec.",
                "Find the immigrant welcome organisation on your region's page, or ask Services Québec.",
            )],
            Some(Referral {
                name: t(
                    "L'organisme d'accueil de votre région",
                    "Your region's welcome organisation",
                ),
                url: None,
                why: t(
                    "Il accueille les personnes immigrantes de la région et connaît l'emploi et le logement sur place. Les pages des régions en nomment quelques-uns (liste à confirmer par le programme).",
                    "It welcomes immigrants in the region and knows local jobs and housing. The region pages name some of them (list to be confirmed by the program).",
                ),
            }),
        );
    }

    // 4. Elsewhere in Canada: not covered by the sources (the service targets the Montréal
    //    area): never a flat no.
    if live == Some("canada") {
        return make(
            Rule::LivesElsewhereInCanada,
            ToConfirm,
            vec![t(
                "Le service s'adresse d'abord aux ménages de la région de Montréal; votre situation doit être étudiée par une intervenante ou un intervenant.",
                "The service is mainly for households in the Montréal area; a counsellor needs to look at your situation.",
            )],
            vec![interest_form()],
            None,
        );
    }

    // 5. The Montréal area (or not yet said).
    match status {
        // PROGRAM.md: people born elsewhere in Canada are unclear in the sources.
        Some("born_ca") => make(
            Rule::BornElsewhereInCanada,
            ToConfirm,
            vec![t(
                "Les règles du service ne disent rien des personnes nées ailleurs au Canada : une intervenante ou un intervenant confirmera.",
                "The service's rules say nothing about people born elsewhere in Canada: a counsellor will confirm.",
            )],
            vec![interest_form()],
            (a.answer("age") == Some("18_35")).then(|| {
                pajr(t(
                    "À vos 18 à 35 ans, Place aux jeunes en région peut aussi vous accompagner.",
                    "At 18 to 35, Place aux jeunes en région can also support you.",
                ))
            }),
        ),
        // Interview: "même si vous êtes Canadien, du moment que c'est par naturalisation".
        Some("citizen") => make(
            Rule::NaturalisedCitizen,
            Eligible,
            vec![
                t(
                    "Les personnes devenues canadiennes par naturalisation sont admissibles, peu importe depuis combien d'années elles vivent au Québec.",
                    "Canadians by naturalisation are eligible, however long they have lived in Québec.",
                ),
                t(
                    "Vous habitez la région de Montréal, d'où le service accompagne les ménages vers les régions.",
                    "You live in the Montréal area, from which the service supports households moving to the regions.",
                ),
            ],
            vec![interest_form()],
            None,
        ),
        // Interview: first-generation immigrants, "peu importe le nombre d'années".
        Some("pr") => make(
            Rule::PermanentResident,
            Eligible,
            vec![
                t(
                    "Les personnes qui ont la résidence permanente sont admissibles; le nombre d'années au Québec ne compte plus.",
                    "Permanent residents are eligible; the number of years in Québec no longer matters.",
                ),
                t(
                    "Vous habitez la région de Montréal, d'où le service accompagne les ménages vers les régions.",
                    "You live in the Montréal area, from which the service supports households moving to the regions.",
                ),
            ],
            vec![interest_form()],
            None,
        ),
        // PROGRAM.md: temporary residents are unclear in the sources.
        Some(s @ ("work" | "study" | "asylum")) => {
            let what = match s {
                "work" => t("un permis de travail", "a work permit"),
                "study" => t("un permis d'études", "a study permit"),
                _ => t("une demande d'asile", "an asylum claim"),
            };
            make(
                Rule::TemporaryStatus,
                ToConfirm,
                vec![Text::new(
                    format!(
                        "Avec {}, votre admissibilité n'est pas précisée par les règles publiques du service : une intervenante ou un intervenant la confirmera.",
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
        Some(_) => make(
            Rule::OtherStatus,
            ToConfirm,
            vec![t(
                "Votre situation n'entre pas dans les cas prévus : une intervenante ou un intervenant l'étudiera avec vous.",
                "Your situation is not one of the usual cases: a counsellor will look at it with you.",
            )],
            vec![interest_form()],
            None,
        ),
        None => Eligibility {
            provisional: true,
            ..make(
                Rule::StatusUnknown,
                ToConfirm,
                vec![t(
                    "Indiquez votre situation au Canada pour savoir si le service vous est ouvert.",
                    "Tell us your status in Canada to find out whether the service is open to you.",
                )],
                vec![],
                None,
            )
        },
    }
}
