//! The fit of all 15 regions for one full profile (docs/budgets.md: ≤ 50 µs natively; it runs
//! on every answer change). `cargo bench -p eer-domain --bench fit`.

use criterion::{Criterion, criterion_group, criterion_main};
use eer_domain::{Answers, catalogue, fit};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cat = catalogue();
    let full = Answers::from_query(
        "v=1&live=mtl&status=pr&project=job&field=tech,manufacturing&french=work&diploma=done\
         &spouse=job&spouse_field=health&children=2&licence=qc&savings=some&size=town\
         &distance=mid&english=helpful&winter=milder&rent=900_1200",
    );
    assert!(full.is_complete());
    c.bench_function("rank 15 regions, full profile", |b| {
        b.iter(|| fit::rank(black_box(&full), black_box(cat)))
    });
    let empty = Answers::default();
    c.bench_function("rank 15 regions, empty profile", |b| {
        b.iter(|| fit::rank(black_box(&empty), black_box(cat)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
