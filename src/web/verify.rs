//! 已核实: findings the author has checked and found not to be faults, each with an optional note.
//!
//! An entry is keyed by the rule and the finding's words with a few characters before them, as the
//! reader sees them (for HTML the visible text): edits elsewhere in the draft leave the key as it was,
//! so the mark survives re-checks, and the same words in another sentence are another key. Entries are
//! kept in this browser with the draft, as records `rule US words US note RS` (ASCII unit and record
//! separators, which an input's one line of text does not hold: nothing to escape).

use crate::diag::Finding;
use crate::input::html::Visible;
use crate::span::{floor_char_boundary, Span};

const US: char = '\u{1f}';
const RS: char = '\u{1e}';

/// Characters of context kept before a finding's words in its key.
const CONTEXT: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub rule: String,
    /// The finding's words with up to `CONTEXT` characters before them.
    pub words: String,
    pub note: String,
}

/// `s` within `text`, on character boundaries.
pub fn clamp(text: &str, s: Span) -> Span {
    let start = floor_char_boundary(text, s.start);
    let end = floor_char_boundary(text, s.end.max(start));
    Span::new(start, end.max(start))
}

/// An empty span still needs something to highlight: take the next character (not a line break).
pub fn widen(text: &str, s: Span) -> Span {
    if !s.is_empty() {
        return s;
    }
    match text[s.start..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Span::new(s.start, s.start + c.len_utf8()),
        _ => s,
    }
}

/// A finding's span `s` of `source` as the reader sees it: in `source`, or for HTML in its visible
/// text; never empty when there is a character to show.
pub fn shown_span(source: &str, visible: Option<&Visible>, s: Span) -> Span {
    match visible {
        Some(v) => {
            let a = v.from_source(s.start);
            widen(&v.text, Span::new(a, v.from_source(s.end).max(a)))
        }
        None => widen(source, clamp(source, s)),
    }
}

/// Per finding span in `shown` (the text or, for HTML, its visible text): its key's words.
pub fn words<'a>(shown: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans
        .iter()
        .map(|s| {
            let end = floor_char_boundary(shown, s.end);
            let start = floor_char_boundary(shown, s.start.min(end));
            let from = shown[..start].char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
            &shown[from..end]
        })
        .collect()
}

/// Per finding, its note when an entry marks it verified.
pub fn notes(findings: &[Finding], words: &[&str], entries: &[Entry]) -> Vec<Option<String>> {
    findings
        .iter()
        .zip(words)
        .map(|(f, &w)| entries.iter().find(|e| e.rule == f.rule && e.words == w).map(|e| e.note.clone()))
        .collect()
}

/// The stored form of `entries` (empty for none).
pub fn store(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out.extend([&e.rule, "\u{1f}", &e.words, "\u{1f}", &e.note, "\u{1e}"]);
    }
    out
}

/// Entries from their stored form; records that are not entries are skipped.
pub fn load(stored: &str) -> Vec<Entry> {
    stored
        .split(RS)
        .filter_map(|r| {
            let mut p = r.split(US);
            let (rule, words, note) = (p.next()?, p.next()?, p.next()?);
            Some(Entry { rule: rule.into(), words: words.into(), note: note.into() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    #[test]
    fn entries_round_trip_through_their_stored_form() {
        let e = vec![
            Entry { rule: "S-TYPO".into(), words: "高等问提".into(), note: String::new() },
            Entry { rule: "N-PLAN-YEAR".into(), words: "a\tb\\n\n".into(), note: "第一行\n第二行".into() },
        ];
        assert_eq!(load(&store(&e)), e);
        assert!(load("garbage\u{1e}S-TYPO\u{1f}x\u{1e}").is_empty());
    }

    #[test]
    fn keys_hold_a_little_context_and_notes_follow_them() {
        let text = "一二三四五六七八九十问提。甲问提。";
        let at = |w: &str, n: usize| {
            let s = text.match_indices(w).nth(n).map_or(0, |(i, _)| i);
            Span::new(s, s + w.len())
        };
        let w = words(text, &[at("问提", 0), at("问提", 1), at("一二", 0)]);
        assert_eq!(w, vec!["三四五六七八九十问提", "七八九十问提。甲问提", "一二"]);
        let f = |rule| Finding::new(rule, Severity::Warning, "", Span::new(0, 0), "");
        let fs = [f("S-TYPO"), f("S-TYPO"), f("S-TYPO")];
        let e = [Entry {
            rule: "S-TYPO".into(), words: "七八九十问提。甲问提".into(), note: "原文如此".into()
        }];
        assert_eq!(notes(&fs, &w, &e), vec![None, Some("原文如此".into()), None]);
    }
}
