//! Runs `check` on one file many times (for profilers such as callgrind), optionally with last
//! year's report (`--previous`) to profile the year-over-year rules.
//! `cargo run --profile profiling --example check_loop -- FILE [N] [PREVIOUS_FILE]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: check_loop FILE [N] [PREVIOUS_FILE]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let read = |p: &str| nianbao::input::decode(&std::fs::read(p).expect("read")).text;
    let text = read(&path);
    let options = nianbao::Options { previous: args.next().map(|p| read(&p)), ..Default::default() };
    for _ in 0..n {
        std::hint::black_box(nianbao::check(&text, &options));
    }
}
