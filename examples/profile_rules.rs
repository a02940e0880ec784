//! Times `Report::build` and each rule on one input (for finding slow rules).
//! `cargo run --release --example profile_rules -- FILE`

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_rules FILE");
    let text = nianbao::input::decode(&std::fs::read(&path).expect("read")).text;
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(nianbao::report::Report::build(&text));
    }
    println!("build {:8.1} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let report = nianbao::report::Report::build(&text);
    let ctx = nianbao::rules::Context { report: &report, previous: None, today: None };
    let mut times: Vec<(f64, &str)> = nianbao::rules::all()
        .map(|r| {
            let t = Instant::now();
            for _ in 0..n {
                let mut out = Vec::new();
                (r.check)(&ctx, &mut out);
                std::hint::black_box(out);
            }
            (t.elapsed().as_secs_f64() * 1e6 / n as f64, r.id)
        })
        .collect();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, id) in times.iter().take(12) {
        println!("{id:24} {t:8.1} µs");
    }
}
