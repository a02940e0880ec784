//! Helpers of the year-over-year rules: which previous report is usable, masked character sequences
//! (years and digits hidden) with their spans, character n-gram sets, Jaccard similarity and the
//! aligned passages two texts have in common.

use crate::hash::{FastMap, FastSet};
use crate::report::Report;
use crate::span::{LineIndex, Span};
use crate::text::{find_years, Mode, Norm};

/// One character of a masked text and where it came from. `'\0'` separates paragraphs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub c: char,
    pub span: Span,
}

const SEP: char = '\0';
/// Stands for a year ("2024年", "二〇二四年").
const YEAR: char = 'Y';
/// Stands for a run of digits (with decimal point or thousands separators).
pub(crate) const NUM: char = '#';

/// The characters of the given spans, width-folded and without blanks, with every year replaced by
/// one `Y` and (when `mask_digits`) every number by one `#`; spans are separated by `'\0'`.
pub(crate) fn masked(r: &Report, spans: impl IntoIterator<Item = Span>, mask_digits: bool) -> Vec<Unit> {
    let mut out = Vec::new();
    for span in spans {
        let norm = Norm::new(r.text(span), span.start, Mode::Prose);
        let t = norm.text.as_str();
        let years = find_years(t);
        let mut yi = 0;
        let mut i = 0;
        while i < t.len() {
            if let Some(y) = years.get(yi).filter(|y| y.start == i) {
                out.push(Unit { c: YEAR, span: norm.span(y.start, y.end) });
                i = y.end;
                yi += 1;
                continue;
            }
            let Some(c) = t[i..].chars().next() else { break };
            if mask_digits && c.is_ascii_digit() {
                let b = t.as_bytes();
                let mut j = i;
                while j < b.len()
                    && (b[j].is_ascii_digit()
                        || (matches!(b[j], b'.' | b',') && b.get(j + 1).is_some_and(|n| n.is_ascii_digit())))
                {
                    j += 1;
                }
                out.push(Unit { c: NUM, span: norm.span(i, j) });
                i = j;
                continue;
            }
            if c != ' ' {
                out.push(Unit { c, span: norm.span(i, i + c.len_utf8()) });
            }
            i += c.len_utf8();
        }
        out.push(Unit { c: SEP, span: Span::new(span.end, span.end) });
    }
    out
}

/// Number of characters that are not separators.
pub(crate) fn char_count(units: &[Unit]) -> usize {
    units.iter().filter(|u| u.c != SEP).count()
}

/// Hash of the n-gram starting at `i`, or `None` when it would cross a separator or the end.
fn gram(units: &[Unit], i: usize, n: usize) -> Option<u64> {
    let w = units.get(i..i + n)?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for u in w {
        if u.c == SEP {
            return None;
        }
        h = (h ^ u.c as u64).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 29;
    }
    Some(h)
}

/// The set of character n-grams.
pub(crate) fn gram_set(units: &[Unit], n: usize) -> FastSet<u64> {
    (0..units.len()).filter_map(|i| gram(units, i, n)).collect()
}

/// Jaccard similarity of two sets; 0 when both are empty.
pub(crate) fn jaccard(a: &FastSet<u64>, b: &FastSet<u64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let inter = small.iter().filter(|g| large.contains(*g)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// A passage of this year's text found again, character for character (after masking), in last year's.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Passage {
    pub cur: Span,
    pub prev: Span,
    /// Length in masked characters.
    pub chars: usize,
}

/// Passages of `cur` of at least `min_chars` characters that occur in `prev`, in the order of `cur`
/// (greedy: each passage is aligned with the first place in `prev` where its first n-gram occurs).
pub(crate) fn passages(cur: &[Unit], prev: &[Unit], n: usize, min_chars: usize) -> Vec<Passage> {
    let mut first: FastMap<u64, usize> = FastMap::default();
    for j in 0..prev.len() {
        if let Some(g) = gram(prev, j, n) {
            first.entry(g).or_insert(j);
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < cur.len() {
        let Some(&j) = gram(cur, i, n).and_then(|g| first.get(&g)) else {
            i += 1;
            continue;
        };
        let mut k = 0;
        while i + k < cur.len() && j + k < prev.len() && cur[i + k].c != SEP && cur[i + k].c == prev[j + k].c {
            k += 1;
        }
        if k >= min_chars {
            out.push(Passage {
                cur: cur[i].span.cover(cur[i + k - 1].span),
                prev: prev[j].span.cover(prev[j + k - 1].span),
                chars: k,
            });
            i += k;
        } else {
            i += 1;
        }
    }
    out
}

/// "第3行" (or "第3–5行") of a span, by the line index of its text.
pub(crate) fn lines(idx: &LineIndex, span: Span) -> String {
    let (a, b) = (idx.line(span.start), idx.line(span.end.saturating_sub(1).max(span.start)));
    if a == b {
        format!("第{a}行")
    } else {
        format!("第{a}–{b}行")
    }
}

/// A short quotation of a span: at most `max` characters, with "…" when cut.
pub(crate) fn quote(src: &str, span: Span, max: usize) -> String {
    let t = src.get(span.range()).unwrap_or("");
    let t: String = t.chars().filter(|c| !c.is_control()).collect();
    if t.chars().count() > max {
        format!("{}…", t.chars().take(max).collect::<String>())
    } else {
        t
    }
}

/// Similarity as a percentage with one decimal, e.g. "97.3%".
pub(crate) fn percent(x: f64) -> String {
    format!("{}%", crate::rules::common::fmt_fixed(x * 100.0, 1))
}
