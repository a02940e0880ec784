//! `cargo bench --bench batch`: batch throughput of `nianbao::batch::check_all` on 1 000 generated
//! reports, single-threaded and on all cores (target: ≥ 2 000 reports per second per core).
//!
//! The reports are variants of the seed report and the base fixture: other unit names, other table
//! figures (kept arithmetically consistent) and other numbers in the prose. A second run makes a
//! quarter of them last year's report of another one, to time the automatic pairing as well.

use nianbao::batch;

// The allocator the CLI uses (src/bin/nianbao.rs).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

const REPORTS: usize = 1000;
const ROUNDS: usize = 3;

fn read(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Replaces the first `values.len()` numbers on the lines after the line whose trimmed text is `label`.
fn set_after(text: &str, label: &str, values: &[u64]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let Some(start) = lines.iter().position(|l| l.trim() == label) else { return text.to_string() };
    let mut k = start + 1;
    let mut n = 0;
    while n < values.len() && k < lines.len() {
        let t = lines[k].trim();
        if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') {
            let indent: String = lines[k].chars().take_while(|c| c.is_whitespace()).collect();
            lines[k] = format!("{indent}{}", values[n]);
            n += 1;
        }
        k += 1;
    }
    lines.join("\n")
}

const PLACES: [&str; 20] = [
    "青山", "白水", "石门", "桃源", "龙泉", "高桥", "新塘", "东坪", "西岭", "南岸", "北港", "长乐", "安平", "永和",
    "清溪", "花园", "金塘", "黄土", "柳林", "枫木",
];

/// Variant `i` of a template: its own unit name and figures.
fn variant(template: &str, i: usize) -> String {
    let n = PLACES.len();
    let name = format!("{}{}{}", PLACES[(i / (n * n)) % n], PLACES[(i / n) % n], PLACES[i % n]);
    let mut t = template.replace("滔溪", &name);
    let apps = (i % 7) as u64;
    let granted = apps / 2;
    let carried = apps - granted;
    // 自然人 column and 总计 column only; the other five columns stay 0.
    let row = |v: u64| [v, 0, 0, 0, 0, 0, v];
    t = set_after(&t, "一、本年新收政府信息公开申请数量", &row(apps));
    t = set_after(&t, "（一）予以公开", &row(granted));
    t = set_after(&t, "（七）总计", &row(granted));
    t = set_after(&t, "四、结转下年度继续办理", &row(carried));
    t = set_after(&t, "行政许可", &[(i * 13 % 400) as u64]);
    t = set_after(&t, "行政处罚", &[(i % 11) as u64]);
    t.replace("兼职岗位2个", &format!("兼职岗位{}个", 1 + i % 4))
        .replace("超过10条", &format!("超过{}条", 10 + i % 90))
        .replace("5000次", &format!("{}次", 1000 + i * 7))
}

/// Last year's version of a report: every year one less.
fn year_before(text: &str) -> String {
    let mut t = text.to_string();
    for y in 2000..2100 {
        t = t.replace(&format!("{y}年"), &format!("{}年", y - 1));
    }
    t
}

fn time(texts: &[&str], pair: bool, threads: usize) -> (Duration, usize) {
    let opts = nianbao::Options::default();
    let mut best = Duration::MAX;
    let mut pairs = 0;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let b = batch::check_all(texts, &opts, pair, threads, |_, _| {});
        best = best.min(t.elapsed());
        pairs = b.outcomes.iter().filter(|o| o.previous.is_some()).count();
        std::hint::black_box(b);
    }
    (best, pairs)
}

fn report(label: &str, n: usize, threads: usize, d: Duration, pairs: usize) {
    let per_sec = n as f64 / d.as_secs_f64();
    println!(
        "batch/{label:<10} {n} reports, {threads:>2} thread(s): {:8.1} ms  {per_sec:8.0} reports/s  ({:6.0} per core){}",
        d.as_secs_f64() * 1e3,
        per_sec / threads as f64,
        if pairs > 0 { format!("  [{pairs} pairs]") } else { String::new() }
    );
}

fn main() {
    let seed = read("../shared/corpus/2024_taoxi_zhen_wordcopy.txt");
    let base = read("tests/fixtures/_base/valid_2024_wordcopy.txt");
    let texts: Vec<String> = (0..REPORTS).map(|i| variant(if i % 2 == 0 { &base } else { &seed }, i)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let all = batch::available_threads();
    let kb = texts.iter().map(String::len).sum::<usize>() as f64 / 1024.0;
    println!("{REPORTS} generated reports, {kb:.0} KB in all; {all} core(s) available");

    // Warm up caches and the allocator.
    std::hint::black_box(batch::check_all(&refs[..50], &nianbao::Options::default(), false, 1, |_, _| {}));

    let (d1, _) = time(&refs, false, 1);
    report("single", REPORTS, 1, d1, 0);
    let (dn, _) = time(&refs, false, all);
    report("all-cores", REPORTS, all, dn, 0);
    println!("speed-up on {all} cores: {:.2}×", d1.as_secs_f64() / dn.as_secs_f64());

    // A quarter of the reports get last year's version in the batch: pairing and the YOY rules run.
    let mut paired: Vec<String> = texts.clone();
    for i in (0..REPORTS).step_by(4) {
        paired[i + 1] = year_before(&texts[i]);
    }
    let refs: Vec<&str> = paired.iter().map(String::as_str).collect();
    let (d1, p) = time(&refs, true, 1);
    report("paired-1", REPORTS, 1, d1, p);
    let (dn, p) = time(&refs, true, all);
    report("paired-all", REPORTS, all, dn, p);
}
