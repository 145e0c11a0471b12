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

/// A region's written sentences, filled on first use. Equal to any other cache and cloned
/// empty: it is a memo of the region's figures, never part of the region's value.
#[derive(Default, Debug)]
pub(crate) struct TextCache {
    slots: [OnceLock<Text>; SLOTS],
}

impl Clone for TextCache {
    fn clone(&self) -> TextCache {
        TextCache::default()
    }
}

impl PartialEq for TextCache {
    fn eq(&self, _: &TextCache) -> bool {
        true
    }
}

/// The region's sentence for `slot`, written by `write` the first time.
pub(super) fn cached(r: &Region, slot: Slot, write: impl FnOnce() -> Text) -> Text {
    r.texts.slots[slot as usize].get_or_init(write).clone()
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

/// Appends "2,8 %", or "environ 14 km" for an approximate figure (derived, or through a
/// neighbouring station or metropolitan area: the figure's note says which).
pub(super) fn value(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    if f.approx {
        out.push_str(l.pick("environ ", "about "));
    }
    m.write(out, f.value, l);
}

/// Appends " (2018, CIRANO, d'après Statistique Canada)", from the one citation formatter.
pub(super) fn citation(out: &mut String, m: Metric, f: &Figure, l: Lang) {
    out.push_str(" (");
    crate::cite::write(out, m, f, l);
    out.push(')');
}

/// Appends `s` with its first letter in lower case (a label inside a sentence).
pub(super) fn push_lower_first(out: &mut String, s: &str) {
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_lowercase());
        out.push_str(c.as_str());
    }
}
