//! CPU time per fit (not wall time: the build machine is shared, so wall time includes waiting).
//! Reads the thread's user+system ticks from /proc (Linux only).
use eer_domain::{Answers, catalogue, fit};
use std::time::Instant;

fn cpu_ticks() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let after = &s[s.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split(' ').collect();
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

fn main() {
    let cat = catalogue();
    let full = Answers::from_query(
        "v=1&live=mtl&status=pr&project=job&field=tech,manufacturing&french=work&diploma=done&spouse=job&spouse_field=health&children=2&licence=qc&savings=some&size=town&distance=mid&english=helpful&winter=milder&rent=900_1200",
    );
    for (name, a) in [("full", full), ("empty", Answers::default())] {
        let n = 40_000u32;
        let (t, c) = (Instant::now(), cpu_ticks());
        for _ in 0..n {
            std::hint::black_box(fit::rank(std::hint::black_box(&a), cat));
        }
        let cpu_s = (cpu_ticks() - c) as f64 / 100.0;
        println!(
            "{name}: wall {:?}/rank, cpu {:.1} µs/rank",
            t.elapsed() / n,
            cpu_s * 1e6 / n as f64
        );
    }
}
