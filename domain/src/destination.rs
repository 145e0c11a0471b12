//! The 15 destination regions of the program, written once: Québec's 17 administrative regions
//! (official codes of the Institut de la statistique du Québec) minus 06 Montréal and 13 Laval,
//! where households move from (PROGRAM.md: "Destinations are outside the CMM"; the 15 regions
//! of the service). The catalogue checks its file against this list and the interest form
//! accepts only these codes: one list, so that the two cannot disagree.

/// A destination region, by its official code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Destination {
    BasSaintLaurent,
    SaguenayLacSaintJean,
    CapitaleNationale,
    Mauricie,
    Estrie,
    Outaouais,
    AbitibiTemiscamingue,
    CoteNord,
    NordDuQuebec,
    GaspesieIlesDeLaMadeleine,
    ChaudiereAppalaches,
    Lanaudiere,
    Laurentides,
    Monteregie,
    CentreDuQuebec,
}

impl Destination {
    /// All 15, in the order of their codes.
    pub const ALL: [Destination; 15] = [
        Destination::BasSaintLaurent,
        Destination::SaguenayLacSaintJean,
        Destination::CapitaleNationale,
        Destination::Mauricie,
        Destination::Estrie,
        Destination::Outaouais,
        Destination::AbitibiTemiscamingue,
        Destination::CoteNord,
        Destination::NordDuQuebec,
        Destination::GaspesieIlesDeLaMadeleine,
        Destination::ChaudiereAppalaches,
        Destination::Lanaudiere,
        Destination::Laurentides,
        Destination::Monteregie,
        Destination::CentreDuQuebec,
    ];

    /// The official two-digit code ("05" for Estrie).
    pub const fn code(self) -> &'static str {
        match self {
            Destination::BasSaintLaurent => "01",
            Destination::SaguenayLacSaintJean => "02",
            Destination::CapitaleNationale => "03",
            Destination::Mauricie => "04",
            Destination::Estrie => "05",
            Destination::Outaouais => "07",
            Destination::AbitibiTemiscamingue => "08",
            Destination::CoteNord => "09",
            Destination::NordDuQuebec => "10",
            Destination::GaspesieIlesDeLaMadeleine => "11",
            Destination::ChaudiereAppalaches => "12",
            Destination::Lanaudiere => "14",
            Destination::Laurentides => "15",
            Destination::Monteregie => "16",
            Destination::CentreDuQuebec => "17",
        }
    }

    /// Its name in French and in English, the catalogue's own (`data/regions.json`; a test
    /// holds the two equal). Here, without the catalogue, for the interest form's list: reading
    /// the whole catalogue for it (its JSON, about 97 KB, and the reader that walks it) more
    /// than doubled the form's bundle, the page a phone abroad opens from a shared link.
    pub const fn names(self) -> [&'static str; 2] {
        match self {
            Destination::BasSaintLaurent => ["Bas-Saint-Laurent", "Bas-Saint-Laurent"],
            Destination::SaguenayLacSaintJean => {
                ["Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"]
            }
            Destination::CapitaleNationale => [
                "Capitale-Nationale",
                "Capitale-Nationale (Québec City area)",
            ],
            Destination::Mauricie => ["Mauricie", "Mauricie"],
            Destination::Estrie => ["Estrie", "Estrie (Eastern Townships)"],
            Destination::Outaouais => ["Outaouais", "Outaouais"],
            Destination::AbitibiTemiscamingue => ["Abitibi-Témiscamingue", "Abitibi-Témiscamingue"],
            Destination::CoteNord => ["Côte-Nord", "Côte-Nord (North Shore)"],
            Destination::NordDuQuebec => ["Nord-du-Québec", "Nord-du-Québec (Northern Quebec)"],
            Destination::GaspesieIlesDeLaMadeleine => [
                "Gaspésie–Îles-de-la-Madeleine",
                "Gaspésie–Îles-de-la-Madeleine (Gaspé Peninsula–Magdalen Islands)",
            ],
            Destination::ChaudiereAppalaches => ["Chaudière-Appalaches", "Chaudière-Appalaches"],
            Destination::Lanaudiere => ["Lanaudière", "Lanaudière"],
            Destination::Laurentides => ["Laurentides", "Laurentides (Laurentians)"],
            Destination::Monteregie => ["Montérégie", "Montérégie"],
            Destination::CentreDuQuebec => ["Centre-du-Québec", "Centre-du-Québec"],
        }
    }

    /// The destination with this code; `None` for 06, 13 and anything else.
    pub fn from_code(code: &str) -> Option<Destination> {
        Destination::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// The 15 codes, in order: what the catalogue's file and the form's wire format hold.
pub const CODES: [&str; 15] = {
    let mut out = [""; 15];
    let mut i = 0;
    while i < out.len() {
        out[i] = Destination::ALL[i].code();
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_are_the_catalogues() {
        let from_catalogue: Vec<(&str, &str, &str)> = crate::catalogue()
            .destinations()
            .map(|r| (r.code.as_str(), r.name_fr.as_str(), r.name_en.as_str()))
            .collect();
        let here: Vec<(&str, &str, &str)> = Destination::ALL
            .iter()
            .map(|d| (d.code(), d.names()[0], d.names()[1]))
            .collect();
        assert_eq!(from_catalogue, here);
    }

    #[test]
    fn codes_are_the_17_regions_minus_montreal_and_laval() {
        let all: Vec<String> = (1..=17).map(|n| format!("{n:02}")).collect();
        let expected: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .filter(|c| !["06", "13"].contains(c))
            .collect();
        assert_eq!(CODES.to_vec(), expected);
        for d in Destination::ALL {
            assert_eq!(Destination::from_code(d.code()), Some(d));
        }
        assert_eq!(Destination::from_code("06"), None);
        assert_eq!(Destination::from_code("13"), None);
        assert_eq!(Destination::from_code("5"), None);
    }
}
