//! Regression inputs (tests/regressions/): every input that once crashed, hung or ran super-linearly,
//! checked with the invariants of tests/properties.rs and a time bound. Plus a bounded corpus replay:
//! the fuzz seeds (../shared/corpus, tests/fixtures) and, when present, the fuzzers' working corpora
//! under fuzz/corpus/ (capped), each through `check` and the parsers the fuzz targets drive.

use nianbao::{check, Options};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Runs one input the way the fuzz targets do; panics (failing the test) on any broken invariant.
fn replay(bytes: &[u8]) {
    // As the `check` fuzz target sees it (the bytes as UTF-8), and as the CLI would decode them.
    if let Ok(s) = std::str::from_utf8(bytes) {
        replay_text(s);
    }
    let decoded = nianbao::input::decode(bytes);
    let _ = nianbao::input::meta_charset(bytes);
    replay_text(&decoded.text);
}

fn replay_text(s: &str) {
    let c = check(s, &Options::default());
    let ok = |sp: nianbao::span::Span| {
        sp.start <= sp.end && sp.end <= s.len() && s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end)
    };
    for f in &c.findings {
        assert!(ok(f.span), "finding {} span {:?}", f.rule, f.span);
        for cell in &f.cells {
            assert!(
                c.report.cells.iter().any(|r| r.table == cell.table && r.row == cell.row && r.col == cell.col),
                "finding {} names cell {cell:?} not in report.cells",
                f.rule
            );
        }
    }
    assert!(c.report.cells.iter().all(|cell| ok(cell.span)));
    let json = nianbao::output::json::render(&[("f".into(), c)]);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    // The parsers on their own, as the fuzz targets call them.
    let d = nianbao::parse::Document::parse(s);
    for line in d.lines.iter().take(2000) {
        for cell in &line.cells {
            let _ = nianbao::parse::parse_value(d.text(cell.span));
        }
        let t = d.text(line.span);
        let _ = nianbao::text::scan_number(t);
        let _ = nianbao::text::find_years(t);
        let _ = nianbao::text::Ordinal::parse(t);
        let _ = nianbao::report::meta::parse_date(t);
    }
    let _ = nianbao::input::html::to_visible(s);
}

#[test]
fn regressions() {
    let mut files = Vec::new();
    files_under(&root().join("tests/regressions"), &mut files);
    files.sort();
    assert!(!files.is_empty());
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let t = Instant::now();
        replay(&bytes);
        // Generous even for a debug build on a busy machine; the quadratic cases took seconds to minutes.
        let limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });
        assert!(t.elapsed() < limit, "{}: {:?}", p.display(), t.elapsed());
    }
}

#[test]
fn corpus_replay() {
    let mut files = Vec::new();
    files_under(&root().join("../shared/corpus"), &mut files);
    files_under(&root().join("tests/fixtures"), &mut files);
    let mut fuzzed = Vec::new();
    files_under(&root().join("fuzz/corpus"), &mut fuzzed);
    fuzzed.sort();
    // Bounded: at most this many of the fuzzers' corpus entries (all of them with NIANBAO_REPLAY_ALL=1).
    let cap = if std::env::var_os("NIANBAO_REPLAY_ALL").is_some() { usize::MAX } else { 1500 };
    let step = (fuzzed.len() / cap.min(fuzzed.len()).max(1)).max(1);
    files.extend(fuzzed.into_iter().step_by(step));
    files.sort();
    for p in &files {
        // A running fuzzer may have just replaced a corpus entry.
        let Ok(bytes) = std::fs::read(p) else { continue };
        if std::panic::catch_unwind(|| replay(&bytes)).is_err() {
            panic!("replay failed on {}", p.display());
        }
    }
    eprintln!("corpus replay: {} inputs", files.len());
}

#[test]
fn a_flood_of_one_rule_is_capped_with_a_count_of_what_was_left_out() {
    use nianbao::rules::MAX_PER_RULE;
    let phrase = "政府信息公开";
    let n = MAX_PER_RULE * 3;
    // A report title, then junk: one rule would fire thousands of times.
    let text = format!("某局2024年政府信息公开工作年度报告\n{}", phrase.repeat(n));
    let c = check(&text, &Options::default());
    let dups: Vec<_> = c.findings.iter().filter(|f| f.rule == "S-DUP-WORD").collect();
    assert_eq!(dups.len(), MAX_PER_RULE + 1, "the first {MAX_PER_RULE} and one summary");
    let summary = dups.iter().find(|f| f.message.contains("另有")).expect("a summary finding");
    let left_out = summary.message.split("另有 ").nth(1).and_then(|t| t.split(' ').next()).unwrap_or("");
    let total: usize =
        summary.message.split("共 ").nth(1).and_then(|t| t.split(' ').next()).and_then(|t| t.parse().ok()).unwrap_or(0);
    assert_eq!(left_out.parse::<usize>().ok(), Some(total - MAX_PER_RULE), "{}", summary.message);
    assert!(total > MAX_PER_RULE, "{}", summary.message);
    // It points at the first finding left out: after the kept ones, inside the text.
    let last_kept = dups.iter().filter(|f| !f.message.contains("另有")).map(|f| f.span.start).max().unwrap_or(0);
    assert!(summary.span.start > last_kept && text.get(summary.span.range()).is_some_and(|s| s.starts_with(phrase)));
}
