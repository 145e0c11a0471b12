//! The kind of place the household wants: size, distance from Montréal, English, winter, rent.
//! Each choice carries what it means to the fit (a limit, a range, a budget), written once:
//! the labels are built from the same numbers.

use super::vocabulary;

// The distance limits, in km from Montréal (straight line, as the fit measures: weights.rs).
macro_rules! near_km {
    () => {
        150
    };
}
macro_rules! mid_km {
    () => {
        300
    };
}
macro_rules! far_km {
    () => {
        600
    };
}

vocabulary! {
    /// How far from Montréal the household would live.
    Distance for "distance" {
        Near = "near", concat!("À moins de ", near_km!(), " km"), concat!("Within ", near_km!(), " km"),
            hint "Environ 2 heures de route", "About 2 hours' drive";
        Mid = "mid", concat!("À moins de ", mid_km!(), " km"), concat!("Within ", mid_km!(), " km"),
            hint "Environ 3 à 4 heures de route", "About 3 to 4 hours' drive";
        Far = "far", concat!("À moins de ", far_km!(), " km"), concat!("Within ", far_km!(), " km"),
            hint "Une journée de route", "A day's drive";
        Any = "any", "Peu importe la distance", "Distance does not matter";
    }
}

impl Distance {
    /// The limit in km; `None` when distance does not matter.
    // The cast is of the label's own number (an integer literal), written once above.
    #[allow(clippy::unnecessary_cast)]
    pub const fn limit_km(self) -> Option<f64> {
        match self {
            Distance::Near => Some(near_km!() as f64),
            Distance::Mid => Some(mid_km!() as f64),
            Distance::Far => Some(far_km!() as f64),
            Distance::Any => None,
        }
    }
}

// A mid-sized town, in thousands of people: from 15,000 to 100,000 ("Une grande ville" is over
// 100,000: the bands do not overlap).
macro_rules! town_from {
    () => {
        15
    };
}
macro_rules! town_to {
    () => {
        100
    };
}
pub(crate) use {town_from, town_to};

/// A mid-sized town, as the quiz's "size" choice says it (the hint of [`Size::Town`]).
pub const TOWN: std::ops::RangeInclusive<u32> = town_from!() * 1000..=town_to!() * 1000;

vocabulary! {
    /// The kind of place the household would like to live in.
    Size for "size" {
        City = "city", "Une grande ville", "A large city",
            hint concat!("Plus de ", town_to!(), " 000 habitants"), concat!("Over ", town_to!(), ",000 people");
        Town = "town", "Une ville moyenne", "A mid-sized town",
            hint concat!("De ", town_from!(), " 000 à ", town_to!(), " 000 habitants"),
            concat!(town_from!(), ",000 to ", town_to!(), ",000 people");
        Small = "small", "Un village ou la campagne", "A village or the countryside";
        Any = "any", "Peu importe", "No preference";
    }
}

vocabulary! {
    /// Whether the household needs English-language services or community.
    English for "english" {
        Essential = "essential", "Oui, c'est essentiel pour nous", "Yes, it is essential for us";
        Helpful = "helpful", "Ce serait utile", "It would help";
        No = "no", "Non", "No";
    }
}

vocabulary! {
    /// Whether long winters worry the household.
    Winter for "winter" {
        Fine = "fine", "Non, l'hiver ne me dérange pas", "No, winter does not bother me";
        Unsure = "unsure", "Un peu", "A little";
        Milder = "milder", "Oui, je préfère des hivers moins rudes", "Yes, I prefer milder winters";
    }
}

vocabulary! {
    /// The monthly rent the household can afford.
    Rent for "rent" {
        Lt900 = "lt900", "Moins de 900 $ par mois", "Under $900 a month";
        From900To1200 = "900_1200", "De 900 $ à 1 200 $", "$900 to $1,200";
        From1200To1500 = "1200_1500", "De 1 200 $ à 1 500 $", "$1,200 to $1,500";
        Gt1500 = "gt1500", "Plus de 1 500 $", "Over $1,500";
        Unsure = "unsure", "Je ne sais pas encore", "I don't know yet";
    }
}

impl Rent {
    /// The monthly budget's upper bound, in dollars (the label's upper figure).
    pub const fn budget(self) -> Option<f64> {
        match self {
            Rent::Lt900 => Some(900.0),
            Rent::From900To1200 => Some(1200.0),
            Rent::From1200To1500 => Some(1500.0),
            Rent::Gt1500 => Some(f64::INFINITY),
            Rent::Unsure => None,
        }
    }
}
