//! The fit's sentence machinery: a [`Text`] written in both languages into reused buffers, a
//! per-region memo of the sentences that depend only on the region, and the figure and
//! citation writers every reason uses.

use crate::catalogue::{Figure, Region};
use crate::lang::Lang;
use crate::metric::Metric;
use crate::text::Text;
use std::cell::RefCell;
use std::sync::OnceLock;

/// The sentences of the fit that depend only on the region (and on which variant applies), so
/// that they are written once per region rather than on every answer change.
#[derive(Clone, Copy)]
pub(super) enum Slot {
    DistanceWithin,
    DistanceFarther,
    City,
    Density,
    Town,
    Jobs,
    Market,
    English,
    Winter,
    RentWithin,
    RentAbove,
}

const SLOTS: usize = 11;

/// The region's sentence for `slot`, written by `write` the first time. Only the embedded
/// catalogue's regions are memoised (the app's every answer change), here and not in the
/// region: the embedded catalogue never changes, while a region a test varies is written
/// afresh each time, so no sentence outlives its figure.
pub(super) fn cached(r: &Region, slot: Slot, write: impl FnOnce() -> Text) -> Text {
    static TEXTS: OnceLock<Vec<[OnceLock<Text>; SLOTS]>> = OnceLock::new();
    let embedded = crate::catalogue().regions();
    match embedded.iter().position(|e| std::ptr::eq(e, r)) {
        Some(i) => TEXTS.get_or_init(|| embedded.iter().map(|_| Default::default()).collect())[i]
            [slot as usize]
            .get_or_init(write)
            .clone(),
        None => write(),
    }
}

/// Builds a [`Text`] by writing the same sentence in each language into one buffer each: the
/// fit writes many sentences on every answer change, so it avoids intermediate strings.
/// Each sentence is written into a reused scratch buffer, then copied at its exact size: fewer
/// and smaller allocations than growing a fresh string per sentence.
pub(super) fn bilingual(write: impl Fn(&mut String, Lang)) -> Text {
    thread_local! {
        static SCRATCH: RefCell<String> = RefCell::new(String::with_capacity(512));
    }
    SCRATCH.with_borrow_mut(|s| {
        s.clear();
        write(s, Lang::Fr);
        let fr = s.as_str().to_owned();
        s.clear();
        write(s, Lang::En);
        let en = s.as_str().to_owned();
        Text { fr, en }
    })
}

/// Appends a whole number without separators (a year, a score).
pub(super) fn push_int(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// Appends "2,8 %", or "environ 14 km", from the one citation formatter.
pub(super) fn value(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    crate::cite::write_value(out, m, f, l);
}

/// Appends " (2018, CIRANO, d'après Statistique Canada)", from the one citation formatter.
pub(super) fn citation(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    crate::cite::write_parenthesised(out, m, f, l);
}

/// Appends `s` with its first letter in lower case (a label inside a sentence).
pub(super) fn push_lower_first(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_lowercase());
        out.push_str(c.as_str());
    }
}
