//! Snapshots of what the checker says on every fixture and every real report: a change in any
//! finding (rule, severity, place, cells or message) shows up as a reviewable diff.
//!
//! Review and accept changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test --test
//! snapshots`); CI fails on any difference.

use nianbao::{check, Checked, Options};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut v: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            files(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html" | "htm"))
            && p.file_name().is_some_and(|n| n != "INDEX.md")
        {
            out.push(p);
        }
    }
}

/// The body of a corpus file: real excerpts carry a metadata header ending at a `---` line.
fn body(text: &str) -> &str {
    text.find("\n---\n").filter(|_| text.starts_with("source:")).map_or(text, |at| &text[at + 5..])
}

/// A short, one-line quote of a span.
fn quote(text: &str, span: nianbao::span::Span) -> String {
    let s = text.get(span.range()).unwrap_or("");
    let one: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one.chars().count() > 40 {
        format!("{}…", one.chars().take(40).collect::<String>())
    } else {
        one
    }
}

/// Everything the checker said, one finding a line, with what it read.
pub fn render(text: &str, checked: &Checked) -> String {
    let r = &checked.report;
    let mut out = String::new();
    let t = &r.coverage.tables;
    let _ = writeln!(
        out,
        "year={:?} format={} org={:?} recognised={} parts={} cells T2={}/{} T3={}/{} T4={}/{}",
        r.year,
        r.format.as_str(),
        r.org,
        r.recognised,
        r.coverage.sections,
        t.T2.found,
        t.T2.expected,
        t.T3.found,
        t.T3.expected,
        t.T4.found,
        t.T4.expected
    );
    let lines = nianbao::span::LineIndex::new(text);
    for f in &checked.findings {
        let cells: Vec<String> = f.cells.iter().map(|c| c.to_string()).collect();
        let _ = writeln!(
            out,
            "{} {} L{} «{}» [{}] {}{}{}",
            f.severity.as_str(),
            f.rule,
            lines.line(f.span.start),
            quote(text, f.span),
            cells.join(" "),
            f.message,
            f.assumption.as_deref().map(|a| format!(" ({a})")).unwrap_or_default(),
            // A fix shows what it replaces and with what, sliced from the input.
            f.fix.as_ref().map(|x| format!(" fix«{}»→«{}»", quote(text, x.span), x.replacement)).unwrap_or_default()
        );
    }
    out
}

fn options() -> Options {
    Options { previous: None, today: Some(nianbao::report::Date { year: 2026, month: 11, day: 27 }) }
}

fn snapshot_dir(dir: &Path, name: &str, strip: bool) {
    let mut paths = Vec::new();
    files(dir, &mut paths);
    let mut out = String::new();
    for p in paths.iter().filter(|p| !p.to_string_lossy().contains(".previous.")) {
        let raw = std::fs::read_to_string(p).expect("UTF-8");
        let text = if strip { raw.replace(['⟦', '⟧'], "") } else { body(&raw).to_string() };
        // A fixture's last-year report sits next to it: `<name>.previous.txt`.
        let previous = p.file_stem().and_then(|stem| {
            std::fs::read_to_string(p.with_file_name(format!("{}.previous.txt", stem.to_string_lossy()))).ok()
        });
        let checked = check(&text, &Options { previous, ..options() });
        let rel = p.strip_prefix(dir).unwrap_or(p).display().to_string();
        let _ = writeln!(out, "== {rel}\n{}", render(&text, &checked));
    }
    insta::assert_snapshot!(name, out);
}

#[test]
fn fixture_findings() {
    snapshot_dir(&root().join("tests/fixtures"), "fixtures", true);
}

#[test]
fn corpus_findings() {
    snapshot_dir(&root().join("../shared/corpus"), "corpus", false);
}
