//! Every text fixture has an HTML twin — the same report as a web page shows it, its tables as real
//! `<table>` rows — and the checker must read both alike: the same findings (rule, severity, cells,
//! message, and the text each points at) and the same cells.
//!
//! The twin is made here from the text: prose lines become paragraphs; inside a table, each row the
//! text parser recognised becomes one `<tr>` (its label and its values, a blank value an empty `<td>`),
//! and every other table line (captions, headers, notes) a `<tr>` of its own cells.

use nianbao::report::Report;
use nianbao::{check, Checked, Options};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The HTML twin of a text report.
pub fn html_twin(text: &str) -> String {
    let report = Report::build(text);
    let doc = &report.doc;
    let mut out = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    let mut open: Option<usize> = None; // index of the table being written
    let mut skip_to = 0; // the end of a row already written
    for line in &doc.lines {
        if line.span.start < skip_to {
            continue;
        }
        let table = report.tables.iter().position(|t| t.span.start <= line.span.start && line.span.start < t.span.end);
        if open.is_some() && table != open {
            out.push_str("</table>\n");
            open = None;
        }
        if line.empty || line.cells.is_empty() {
            continue;
        }
        let Some(ti) = table else {
            let _ = writeln!(out, "<p>{}</p>", esc(doc.text(line.span).trim()));
            continue;
        };
        if open.is_none() {
            out.push_str("<table border=\"1\">\n");
            open = Some(ti);
        }
        let t = &report.tables[ti];
        let row = t
            .rows
            .iter()
            .find(|r| line.span.start <= r.span.start && r.span.start < line.span.end.max(line.span.start + 1));
        match row {
            Some(r) => {
                let mut cells: Vec<&nianbao::report::TableCell> =
                    report.cells.iter().filter(|c| c.key.row() == r.key).collect();
                cells.sort_by_key(|c| c.span.start);
                out.push_str("<tr>");
                if let Some(label) = r.label {
                    let _ = write!(out, "<td>{}</td>", esc(doc.text(label)));
                }
                for c in cells {
                    // A number the reader rejoined ("1 2" → 12) was two cells in the copy.
                    let parts: Vec<&str> =
                        if r.rejoined.is_some() { c.raw.split_whitespace().collect() } else { vec![c.raw.as_str()] };
                    for p in parts {
                        let _ = write!(out, "<td>{}</td>", esc(p));
                    }
                }
                // Values beyond the row's width are not cells, but they are in the row.
                for e in &r.extra {
                    let _ = write!(out, "<td>{}</td>", esc(doc.text(*e)));
                }
                out.push_str("</tr>\n");
                skip_to = r.span.end;
            }
            None => {
                out.push_str("<tr>");
                for c in &line.cells {
                    let _ = write!(out, "<td>{}</td>", esc(doc.text(c.span)));
                }
                out.push_str("</tr>\n");
            }
        }
    }
    if open.is_some() {
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut v: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") && !p.to_string_lossy().contains(".previous.") {
            out.push(p);
        }
    }
}

/// What must be equal between a text and its twin: per finding its rule, severity, cells, message
/// and the text it points at (for HTML: the visible text of the span).
fn said(checked: &Checked, source: &str) -> Vec<String> {
    let shown = |span: nianbao::span::Span| -> String {
        let s = match &checked.visible {
            Some(v) => {
                let (a, b) = (v.from_source(span.start), v.from_source(span.end));
                v.text.get(a..b.max(a)).unwrap_or("").to_string()
            }
            None => source.get(span.range()).unwrap_or("").to_string(),
        };
        s.split_whitespace().collect()
    };
    let mut v: Vec<String> = checked
        .findings
        .iter()
        .map(|f| {
            let cells: Vec<String> = f.cells.iter().map(|c| c.to_string()).collect();
            format!("{} {} «{}» [{}] {}", f.severity.as_str(), f.rule, shown(f.span), cells.join(" "), f.message)
        })
        .collect();
    v.sort();
    v
}

fn cells(checked: &Checked) -> Vec<String> {
    let mut v: Vec<String> = checked
        .report
        .cells
        .iter()
        .map(|c| format!("{}={}", c.key, c.raw.split_whitespace().collect::<String>()))
        .collect();
    v.sort();
    v
}

/// Twins of every fixture and of every real report in text form (../shared/corpus, the seed and
/// real/; their metadata header left out). A text whose figures could not all be placed in their
/// columns (run together or blanks lost: `unplaced`) has no faithful web page — which column a
/// figure stood in is what the copy lost — so it gets no twin; those texts are listed.
#[test]
fn html_twins_read_like_their_text() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("tests/fixtures");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    files(&manifest.join("../shared/corpus/real"), &mut paths);
    paths.push(manifest.join("../shared/corpus/2024_taoxi_zhen_wordcopy.txt"));
    let options = Options { previous: None, today: Some(nianbao::report::Date { year: 2026, month: 11, day: 27 }) };
    let mut failures = Vec::new();
    let mut untwinned = 0;
    for p in &paths {
        let raw = std::fs::read_to_string(p).expect("UTF-8");
        let raw = raw.find("\n---\n").filter(|_| raw.starts_with("source:")).map_or(raw.as_str(), |at| &raw[at + 5..]);
        let text = raw.replace(['⟦', '⟧'], "");
        let name = p.strip_prefix(&root).unwrap_or(p).display().to_string();
        if Report::build(&text).tables.iter().any(|t| t.unplaced.is_some()) {
            eprintln!("no twin (figures not placed in their columns): {name}");
            untwinned += 1;
            continue;
        }
        let twin = html_twin(&text);
        let (a, b) = (check(&text, &options), check(&twin, &options));
        let (ca, cb) = (cells(&a), cells(&b));
        if ca != cb {
            let only_text: Vec<&String> = ca.iter().filter(|c| !cb.contains(c)).collect();
            let only_html: Vec<&String> = cb.iter().filter(|c| !ca.contains(c)).collect();
            failures
                .push(format!("{name}: cells differ\n  only in text: {only_text:?}\n  only in html: {only_html:?}"));
        }
        let (x, y) = (said(&a, &text), said(&b, &twin));
        if x != y {
            let only_text: Vec<&String> = x.iter().filter(|f| !y.contains(f)).collect();
            let only_html: Vec<&String> = y.iter().filter(|f| !x.contains(f)).collect();
            failures.push(format!("{name}:\n  only in text: {only_text:#?}\n  only in html: {only_html:#?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} twins differ:\n{}", failures.len(), paths.len(), failures.join("\n"));
    // Nearly every text has its twin.
    assert!(untwinned * 20 <= paths.len(), "{untwinned} of {} texts have no twin", paths.len());
}
