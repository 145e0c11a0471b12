//! `eer-loadgen`: the endpoint benchmark (in progress).
fn main() {}
