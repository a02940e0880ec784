//! `cargo bench --bench large [-- FILTER]`: time and peak memory of `check` on large and
//! pathological inputs (issue 5). Target: ≤ 100 ms per MB natively, linear in the input.
//!
//! Each case runs in a child process (this same executable, with `NIANBAO_LARGE_CASE` set), so the
//! peak resident memory read from `/proc/self/status` (VmHWM) belongs to that case alone. The child
//! reports the peak after building the input and after checking it; the difference is what `check`
//! needed on top of the input.

use std::process::Command;
use std::time::Instant;

const KB: usize = 1024;
const MB: usize = 1024 * 1024;

/// Real reports: the shared corpus, cycled; each copy varies its numbers so repeats are not identical.
fn real_text(size: usize) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("../shared/corpus/real"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.file_name().is_some_and(|n| n != "INDEX.md"));
    files.sort();
    files.insert(0, root.join("tests/fixtures/_base/valid_2024_wordcopy.txt"));
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let mut out = String::with_capacity(size + 64 * KB);
    let mut round = 0usize;
    while out.len() < size {
        for t in &texts {
            // Vary the digits a little per round (a repeated report with other numbers).
            out.extend(t.chars().map(|c| match c {
                '0'..='9' if round > 0 => char::from(b'0' + ((c as u8 - b'0') as usize + round) as u8 % 10),
                _ => c,
            }));
            out.push('\n');
            if out.len() >= size {
                break;
            }
        }
        round += 1;
    }
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()))
}

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// A case: its name and how to build the input.
type Case = (&'static str, fn() -> String);

/// The cases.
fn cases() -> Vec<Case> {
    vec![
        ("real 10 KB", || real_text(10 * KB)),
        ("real 1 MB", || real_text(MB)),
        ("real 10 MB", || real_text(10 * MB)),
        ("real 10 MB as HTML", || {
            let t = real_text(8 * MB);
            let mut s = String::from("<!DOCTYPE html><html><body>");
            for line in t.lines() {
                if line.contains('\t') {
                    s.push_str("<table><tr><td>");
                    s.push_str(&line.replace('&', "&amp;").replace('<', "&lt;").replace('\t', "</td><td>"));
                    s.push_str("</td></tr></table>\n");
                } else {
                    s.push_str("<p>");
                    s.push_str(&line.replace('&', "&amp;").replace('<', "&lt;"));
                    s.push_str("</p>\n");
                }
            }
            s.push_str("</body></html>");
            s
        }),
        ("one 10 MB line", || real_text(10 * MB).replace(['\n', '\r'], " ")),
        ("one 10 MB line of tabs+digits", || repeat_to("12\t", 10 * MB)),
        ("100 000 tiny rows", || repeat_to("\t0\n", 3 * 100_000)),
        ("100 000 tiny rows (2 cells)", || repeat_to("合计\t1\n", 9 * 100_000)),
        ("10 000-deep nested div", || nested("<div>", "</div>", 10_000, &real_text(10 * KB))),
        ("10 000-deep nested table", || nested("<table><tr><td>", "</td></tr></table>", 10_000, "1")),
        ("10 000-deep nested span", || nested("<span>", "</span>", 10_000, "x")),
        ("table of 10 000 columns (HTML, 10 rows)", || {
            let row = format!("<tr>{}</tr>", "<td>1</td>".repeat(10_000));
            format!("<table>{}</table>", row.repeat(10))
        }),
        ("table of 10 000 columns (text, 10 rows)", || {
            let row = format!("{}\n", ["1"; 10_000].join("\t"));
            row.repeat(10)
        }),
        ("HTML colspan/rowspan 10 000", || "<table><tr><td colspan=10000 rowspan=10000>1</td></tr></table>".repeat(20)),
        ("1 MB of '<'", || "<".repeat(MB)),
        ("1 MB of '<' after a tag", || format!("<p>{}", "<".repeat(MB))),
        ("1 MB of '<a'", || "<a".repeat(MB / 2)),
        ("1 MB of '<!--'", || "<!--".repeat(MB / 4)),
        ("1 MB of digits", || "1".repeat(MB)),
        ("1 MB of '1,000.'", || repeat_to("1,000.", MB)),
        ("1 MB of hanzi numerals", || repeat_to("二〇二四年一、（一）", MB)),
        ("1 MB of '|'", || "|".repeat(MB)),
        ("1 MB of spaces+digits", || repeat_to("1 ", MB)),
        ("1 MB of ordinals lines", || repeat_to("一、总体情况\n（一）主动公开\n", MB)),
        ("1 MB of '&#'", || repeat_to("&#", MB)),
        ("1 MB of zero-width/bidi", || repeat_to("\u{200b}\u{202e}1\u{2066}", MB)),
        ("1 MB of NUL", || "\0".repeat(MB)),
    ]
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("VmHWM:").and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
        })
        .unwrap_or(0)
}

fn child(name: &str) {
    let (_, make) = cases().into_iter().find(|(n, _)| *n == name).expect("case");
    let input = make();
    let before = vm_hwm_kb();
    let opts = nianbao::Options::default();
    let t = Instant::now();
    let c = std::hint::black_box(nianbao::check(&input, &opts));
    let first = t.elapsed().as_secs_f64();
    let after = vm_hwm_kb();
    // A second run for a warm time (the first includes page faults of fresh memory).
    let t = Instant::now();
    std::hint::black_box(nianbao::check(&input, &opts));
    let second = t.elapsed().as_secs_f64();
    println!("{} {} {} {} {} {}", input.len(), first, second, before, after, c.findings.len());
}

/// A case that takes longer than this is reported as a timeout (and is a bug).
const CHILD_TIMEOUT_S: u64 = 120;

fn run_child(exe: &std::path::Path, name: &str) -> Option<std::process::Output> {
    let mut child = Command::new(exe)
        .env("NIANBAO_LARGE_CASE", name)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run child");
    let t = Instant::now();
    while t.elapsed().as_secs() < CHILD_TIMEOUT_S {
        if child.try_wait().ok().flatten().is_some() {
            return child.wait_with_output().ok();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn main() {
    if let Ok(name) = std::env::var("NIANBAO_LARGE_CASE") {
        child(&name);
        return;
    }
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let exe = std::env::current_exe().expect("current exe");
    println!(
        "{:<42} {:>9} {:>10} {:>10} {:>9} {:>10} {:>10} {:>8}",
        "case", "size", "time ms", "warm ms", "ms/MB", "peak MB", "+check MB", "findings"
    );
    let mut worst = 0.0f64;
    for (name, _) in cases() {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let Some(out) = run_child(&exe, name) else {
            println!("{name:<42} TIMEOUT (> {CHILD_TIMEOUT_S} s)");
            continue;
        };
        if !out.status.success() {
            println!("{name:<42} FAILED: {}", String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or(""));
            continue;
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let v: Vec<f64> = line.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        let [len, first, second, before, after, findings] = v[..] else {
            println!("{name:<42} bad child output: {line}");
            continue;
        };
        let mb = len / MB as f64;
        let ms_per_mb = second * 1e3 / mb.max(1e-9);
        if len >= MB as f64 / 2.0 {
            worst = worst.max(ms_per_mb);
        }
        println!(
            "{name:<42} {:>8.2}M {:>10.1} {:>10.1} {:>9.1} {:>10.1} {:>10.1} {:>8}",
            mb,
            first * 1e3,
            second * 1e3,
            ms_per_mb,
            after / 1024.0,
            (after - before) / 1024.0,
            findings
        );
    }
    println!("worst ms/MB over inputs ≥ 0.5 MB: {worst:.1} (target ≤ 100)");
}
