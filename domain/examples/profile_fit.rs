//! For instruction counts under valgrind: 200 fits of a full profile.
use eer_domain::{Answers, catalogue, fit};
fn main() {
    let cat = catalogue();
    let full = Answers::from_query(
        "v=1&live=mtl&status=pr&project=job&field=tech,manufacturing&french=work&diploma=done&spouse=job&spouse_field=health&children=2&licence=qc&savings=some&size=town&distance=mid&english=helpful&winter=milder&rent=900_1200",
    );
    let empty = Answers::default();
    let which = std::env::args().nth(1).unwrap_or_default();
    let a = if which == "empty" { &empty } else { &full };
    for _ in 0..200 {
        std::hint::black_box(fit::rank(std::hint::black_box(a), cat));
    }
}
