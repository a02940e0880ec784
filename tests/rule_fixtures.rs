//! Every rule has documentation and fixtures; every fixture behaves as its name says.
//!
//! `tests/fixtures/<RULE-ID>/invalid_*.{txt,html,md}` must yield at least one finding of that rule;
//! `valid_*` must yield none. In an invalid fixture, text between ⟦ and ⟧ marks where a finding of
//! the rule must point: the markers are removed and some finding's span must slice exactly that text.
//! The valid base reports in `tests/fixtures/_base/` must yield no error finding at all.

use nianbao::{check, rules, Options};
use std::path::{Path, PathBuf};

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn options() -> Options {
    Options { previous: None, today: Some(nianbao::report::Date { year: 2026, month: 11, day: 27 }) }
}

/// Removes the markers; returns the clean text and the marked byte ranges in it.
fn strip_markers(src: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(src.len());
    let mut marks = Vec::new();
    let mut open = None;
    for c in src.chars() {
        match c {
            OPEN => open = Some(out.len()),
            CLOSE => {
                if let Some(s) = open.take() {
                    marks.push((s, out.len()));
                }
            }
            _ => out.push(c),
        }
    }
    (out, marks)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.sort();
    v
}

/// A previous-year report next to a fixture: `<name>.previous.txt`.
fn previous_of(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let prev = path.with_file_name(format!("{stem}.previous.txt"));
    std::fs::read_to_string(prev).ok()
}

#[test]
fn rule_ids_are_unique_and_documented() {
    let mut ids: Vec<&str> = rules::all().map(|r| r.id).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule ids");
    for r in rules::all() {
        for heading in ["检查内容", "为什么是问题", "示例", "依据"] {
            assert!(r.docs.contains(heading), "{}: docs lack the heading {heading}", r.id);
        }
        assert!(!r.title.is_empty() && !r.help.is_empty(), "{}: title and help are required", r.id);
    }
}

#[test]
fn every_rule_has_fixtures_that_behave() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let dir = fixture_root().join(rule.id);
        let all = files(&dir);
        let fixtures: Vec<&PathBuf> = all.iter().filter(|p| !p.to_string_lossy().contains(".previous.")).collect();
        let invalid: Vec<_> = fixtures
            .iter()
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("invalid_")))
            .collect();
        let valid: Vec<_> = fixtures
            .iter()
            .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("valid_")))
            .collect();
        if invalid.is_empty() || valid.is_empty() {
            failures.push(format!("{}: needs invalid_* and valid_* fixtures in {}", rule.id, dir.display()));
            continue;
        }
        for path in invalid.iter().chain(valid.iter()) {
            let raw = std::fs::read_to_string(path).expect("fixture is UTF-8");
            let (text, marks) = strip_markers(&raw);
            let mut opts = options();
            opts.previous = previous_of(path);
            let checked = check(&text, &opts);
            let hits: Vec<_> = checked.findings.iter().filter(|f| f.rule == rule.id).collect();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with("invalid_") {
                if hits.is_empty() {
                    failures.push(format!("{}/{name}: expected a finding, got none", rule.id));
                }
                for (s, e) in &marks {
                    if !hits.iter().any(|f| f.span.start == *s && f.span.end == *e) {
                        let got: Vec<&str> = hits.iter().map(|f| &text[f.span.range()]).collect();
                        failures.push(format!(
                            "{}/{name}: no finding at ⟦{}⟧; spans found: {got:?}",
                            rule.id,
                            &text[*s..*e]
                        ));
                    }
                }
            } else if !hits.is_empty() {
                let msgs: Vec<&str> = hits.iter().map(|f| f.message.as_str()).collect();
                failures.push(format!("{}/{name}: expected no finding, got {msgs:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn base_reports_have_no_errors() {
    for path in files(&fixture_root().join("_base")) {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let checked = check(&text, &options());
        let errors: Vec<String> = checked
            .findings
            .iter()
            .filter(|f| f.severity == nianbao::diag::Severity::Error)
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}
