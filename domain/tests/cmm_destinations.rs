//! Destinations are outside the Montréal metropolitan community (CMM). PROGRAM.md: "a CMM
//! suburb is an origin, never a destination; for those three regions, distances and 'main
//! city' must be taken outside the CMM, and their pages must say which part is not a
//! destination" (facts/CMM.md, from immigrantquebec.com and EER's 2024 forum release).

mod common;

use common::arb_answers;
use eer_domain::catalogue;
use eer_domain::fit::rank;
use proptest::prelude::*;

/// The CMM municipalities of the three destination regions that facts/CMM.md names, and the
/// two origin regions' cities.
const CMM: [&str; 13] = [
    "Montréal",
    "Laval",
    "Longueuil",
    "Brossard",
    "Châteauguay",
    "Terrebonne",
    "Repentigny",
    "Mascouche",
    "L'Assomption",
    "Mirabel",
    "Blainville",
    "Saint-Eustache",
    "Boisbriand",
];

/// Montréal (and Laval) may be named as the origin ("à 35 km de Montréal"); the suburbs of
/// the three regions may not be named at all outside the sentence that says they are not
/// destinations.
const SUBURBS: &[&str] = CMM.split_at(2).1;

#[test]
fn no_cmm_municipality_is_a_destination_city() {
    for r in catalogue().destinations() {
        assert!(
            !CMM.contains(&r.main_city.as_str()),
            "{}: {}",
            r.code,
            r.main_city
        );
        assert!(!CMM.contains(&r.main_city_name()), "{}", r.code);
        for c in r.destination_cities() {
            assert!(
                !CMM.contains(&c.name.as_str()),
                "{}: {} is a destination city",
                r.code,
                c.name
            );
        }
        for c in r.cmm_cities() {
            assert!(
                CMM.contains(&c.name.as_str()),
                "{}: {} flagged in the CMM",
                r.code,
                c.name
            );
        }
        for text in [&r.description.fr, &r.description.en] {
            for suburb in SUBURBS {
                assert!(
                    !text.contains(suburb),
                    "{}: description names {suburb}",
                    r.code
                );
            }
        }
    }
}

#[test]
fn the_three_regions_say_which_part_is_in_the_cmm() {
    let c = catalogue();
    for (code, main, named) in [
        ("14", "Saint-Lin–Laurentides", "Terrebonne"),
        ("15", "Saint-Jérôme", "Mirabel"),
        ("16", "Saint-Jean-sur-Richelieu", "Longueuil"),
    ] {
        let r = c.region(code).unwrap();
        assert_eq!(r.main_city, main);
        let part = r
            .cmm_part
            .as_ref()
            .unwrap_or_else(|| panic!("{code}: no cmm_part"));
        assert!(part.fr.contains(named) && part.en.contains(named), "{code}");
        assert!(
            part.fr.contains("pas une destination") || part.fr.contains("pas des destinations")
        );
    }
    for r in c
        .destinations()
        .filter(|r| !["14", "15", "16"].contains(&r.code.as_str()))
    {
        assert!(r.cmm_part.is_none(), "{}", r.code);
    }
}

proptest! {
    /// Whatever the answers, no reason of the fit names a CMM suburb as a region's city.
    #[test]
    fn no_fit_reason_names_a_cmm_suburb(a in arb_answers()) {
        for f in rank(&a, catalogue()) {
            for r in &f.reasons {
                // The Châteauguay valley (a river's, in the English-services summary) is not the
                // city of Châteauguay.
                let text = r.text.fr.replace("vallée de la Châteauguay", "");
                for suburb in SUBURBS {
                    prop_assert!(!text.contains(suburb), "{}: {}", f.code, r.text.fr);
                }
            }
        }
    }
}
