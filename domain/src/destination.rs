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
