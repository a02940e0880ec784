//! 已核实: findings the author has checked and found not to be faults, each with an optional note.
//!
//! An entry is keyed by the rule, the words of the finding's span (as the reader sees them: for HTML
//! the visible text) and which occurrence of that pair it is in text order, so it still applies after
//! edits elsewhere in the draft. Entries are kept in this browser with the draft as lines of
//! `rule \t n \t words \t note` (tabs, line breaks and backslashes escaped). Only the core's types
//! are used here, so the JS API can apply the same entries to its exports.

use crate::diag::Finding;
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub rule: String,
    pub words: String,
    /// 0 for the first finding of this rule on these words in the text, 1 for the second …
    pub nth: usize,
    pub note: String,
}

/// Per finding, its key `(words, nth)`: `words[i]` are the words of finding `i`, `at[i]` where they
/// start (findings are counted in text order, whatever order the rules gave them in).
pub fn keys<'a>(findings: &[Finding], words: &[&'a str], at: &[usize]) -> Vec<(&'a str, usize)> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    // Sorted by key, then by place: each run of one key counts its occurrences.
    let mut order: Vec<(&str, &str, usize, usize)> =
        findings.iter().enumerate().map(|(i, f)| (f.rule, word(i), at.get(i).copied().unwrap_or(0), i)).collect();
    crate::sort::sort(&mut order);
    let mut out = vec![("", 0); findings.len()];
    let mut nth = 0;
    for k in 0..order.len() {
        let (rule, w, _, i) = order[k];
        nth = if k > 0 && (order[k - 1].0, order[k - 1].1) == (rule, w) { nth + 1 } else { 0 };
        out[i] = (w, nth);
    }
    out
}

/// Per finding, its note when an entry marks it verified.
pub fn notes(findings: &[Finding], keys: &[(&str, usize)], entries: &[Entry]) -> Vec<Option<String>> {
    findings
        .iter()
        .zip(keys)
        .map(|(f, &(w, n))| {
            entries.iter().find(|e| e.rule == f.rule && e.words == w && e.nth == n).map(|e| e.note.clone())
        })
        .collect()
}

/// The words of each finding in `shown` (the text or, for HTML, its visible text), by its span there.
pub fn words<'a>(shown: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| shown.get(s.range()).unwrap_or("")).collect()
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

/// The stored form of `entries` (empty for none).
pub fn store(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        escape(&e.rule, &mut out);
        out.push('\t');
        out.push_str(&e.nth.to_string());
        out.push('\t');
        escape(&e.words, &mut out);
        out.push('\t');
        escape(&e.note, &mut out);
        out.push('\n');
    }
    out
}

/// Entries from their stored form; lines that are not entries are skipped.
pub fn load(stored: &str) -> Vec<Entry> {
    stored
        .lines()
        .filter_map(|line| {
            let mut p = line.split('\t');
            let (rule, nth, words, note) = (p.next()?, p.next()?, p.next()?, p.next()?);
            Some(Entry { rule: unescape(rule), nth: nth.parse().ok()?, words: unescape(words), note: unescape(note) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn f(rule: &'static str) -> Finding {
        Finding::new(rule, Severity::Warning, "", Span::new(0, 0), "")
    }

    #[test]
    fn entries_round_trip_through_their_stored_form() {
        let e = vec![
            Entry { rule: "S-TYPO".into(), words: "问提".into(), nth: 0, note: String::new() },
            Entry {
                rule: "N-PLAN-YEAR".into(), words: "a\tb\\n".into(), nth: 2, note: "第一行\n第二行\r".into()
            },
        ];
        assert_eq!(load(&store(&e)), e);
        assert!(load("garbage\nS-TYPO\tx\tw\tn\n").is_empty());
    }

    #[test]
    fn occurrences_count_in_text_order_per_rule_and_words() {
        let fs = [f("S-TYPO"), f("S-TYPO"), f("S-DUP-WORD"), f("S-TYPO")];
        // Rules gave them out of text order: the third S-TYPO comes first in the text.
        let k = keys(&fs, &["问提", "问提", "问提", "问提"], &[50, 90, 10, 5]);
        assert_eq!(k, vec![("问提", 1), ("问提", 2), ("问提", 0), ("问提", 0)]);
        let e = [Entry { rule: "S-TYPO".into(), words: "问提".into(), nth: 1, note: "原文如此".into() }];
        assert_eq!(notes(&fs, &k, &e), vec![Some("原文如此".into()), None, None, None]);
    }
}
