//! `cargo bench --bench check`: time of `check` on the seed and the kewei report (target ≤ 1 ms each).
//! A plain harness (no dependency): warm up, then the median and the fastest of many timed rounds.

use std::time::{Duration, Instant};

fn corpus(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn bench(name: &str, input: &str) {
    let opts = nianbao::Options::default();
    for _ in 0..50 {
        std::hint::black_box(nianbao::check(input, &opts));
    }
    let rounds = 300;
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(nianbao::check(std::hint::black_box(input), &opts));
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[rounds / 2];
    let kb = input.len() as f64 / 1024.0;
    println!(
        "check/{name:<8} {kb:6.1} KB  median {:8.1} µs  fastest {:8.1} µs  ({:.0} MB/s)",
        median.as_secs_f64() * 1e6,
        times[0].as_secs_f64() * 1e6,
        input.len() as f64 / median.as_secs_f64() / 1e6
    );
}

fn main() {
    bench("seed", &corpus("2024_taoxi_zhen_wordcopy.txt"));
    bench("kewei", &corpus("real/2024_shanghai_kewei_pdfcopy.md"));
    bench("html", include_str!("../tests/fixtures/_html/t3_wrong_total.html"));
}
