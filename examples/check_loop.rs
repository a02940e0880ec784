//! Runs `check` on one file many times (for profilers such as callgrind).
//! `cargo run --profile bench --example check_loop -- FILE [N]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: check_loop FILE [N]");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let text = nianbao::input::decode(&std::fs::read(&path).expect("read")).text;
    for _ in 0..n {
        std::hint::black_box(nianbao::check(&text, &nianbao::Options::default()));
    }
}
