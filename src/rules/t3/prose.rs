//! Shared helpers of the T3/T4 rules: reading table cells for formulas, telling a cut-off table
//! from a short one, and finding "N件" counts in the prose (rules.md §5.5: conservative).

use crate::parse::Value;
use crate::report::{Report, TableId};
use crate::span::Span;
use crate::text::{chinese_number, is_hanzi_digit, scan_number};

/// A cell's number; blanks, placeholders, text and missing cells give `None`.
/// The narrative rules use this: a blank is not evidence against the prose.
pub(crate) fn num(r: &Report, t: TableId, row: &str, col: &str) -> Option<f64> {
    match r.cell(t, row, col)?.value {
        Value::Number { value, .. } => Some(value),
        _ => None,
    }
}

/// Sum of several cells, all of which must be numbers.
pub(crate) fn num_sum(r: &Report, t: TableId, keys: &[(&str, &str)]) -> Option<f64> {
    keys.iter().map(|(row, col)| num(r, t, row, col)).sum()
}

/// The （六）其他处理 rows of this table: R21..R23 (2021) or the single 2019 row R21_23.
pub(crate) fn other_rows(r: &Report) -> &'static [&'static str] {
    if r.cell(TableId::T3, "R21_23", "C7").is_some() && r.cell(TableId::T3, "R21", "C7").is_none() {
        &["R21_23"]
    } else {
        &["R21", "R22", "R23"]
    }
}

/// A prose sentence, normalised for matching (made once by the report).
pub(crate) type Sentence = crate::report::Sentence;

/// Words that make a sentence about other periods or comparisons (rules.md §5.5): skipped.
const SKIP: [&str; 7] = ["累计", "历年", "截至目前", "截止目前", "同比", "较上年", "比上年"];

/// Sentences of the prose in the given canonical sections and in the text before the first section.
pub(crate) fn sentences<'r>(r: &'r Report, sections: &[u8]) -> Vec<&'r Sentence> {
    r.prose_sentences
        .iter()
        .filter(|s| s.section.is_none_or(|c| sections.contains(&c)))
        .filter(|s| !SKIP.iter().any(|k| s.text().contains(k)))
        .collect()
}

/// Characters that end a clause: a count after one of them no longer belongs to the keyword.
pub(crate) fn is_break(c: char) -> bool {
    matches!(c, ',' | '。' | ';' | ':' | '(' | ')' | '!' | '?' | '，' | '；' | '：' | '（' | '）' | '[' | ']')
}

/// A count found in normalised prose.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Count {
    pub value: f64,
    /// Normalised byte range of the number (without its unit).
    pub start: usize,
    pub end: usize,
    /// End of the unit.
    pub unit_end: usize,
}

/// A number written at `at` (Arabic or a small Chinese numeral) followed directly by one of
/// `units`. Approximate counts ("10余件", "十多件") and decimals are not counts.
pub(crate) fn count_at(s: &str, at: usize, units: &[&str]) -> Option<Count> {
    let rest = s.get(at..)?;
    let first = rest.chars().next()?;
    let prev = s[..at].chars().next_back();
    let (value, len) = if first.is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_digit() || p == '.' || p == ',') {
            return None;
        }
        let (v, n) = scan_number(rest)?;
        if v.fract() != 0.0 {
            return None;
        }
        (v, n)
    } else if is_hanzi_digit(first) && first != '〇' && first != '○' {
        if prev.is_some_and(|p| is_hanzi_digit(p) || p == '第' || p == '每' || p == '统' || p == '唯') {
            return None;
        }
        let n: usize = rest.chars().take_while(|c| is_hanzi_digit(*c)).map(char::len_utf8).sum();
        (chinese_number(&rest[..n])? as f64, n)
    } else {
        return None;
    };
    let after = &rest[len..];
    let unit = units.iter().find(|u| after.starts_with(**u))?;
    Some(Count { value, start: at, end: at + len, unit_end: at + len + unit.len() })
}

/// The first count within `max_chars` characters after byte `from`, inside the same clause.
pub(crate) fn count_after(s: &str, from: usize, max_chars: usize, units: &[&str]) -> Option<Count> {
    let rest = s.get(from..)?;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        // A conjunction joins another category: "予以公开及部分公开10件" is a combined count.
        if n > max_chars || is_break(c) || matches!(c, '余' | '多' | '及' | '和' | '与' | '或' | '、') {
            return None;
        }
        if let Some(found) = count_at(s, from + i, units) {
            return Some(found);
        }
    }
    None
}

/// Byte offset of the first of `words` in `s` at or after `from`, with the word's end.
pub(crate) fn find_any(s: &str, from: usize, words: &[&str]) -> Option<(usize, usize)> {
    let rest = s.get(from..)?;
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| rest.contains(c)))
        .filter_map(|w| rest.find(w).map(|i| (from + i, from + i + w.len())))
        .min_by_key(|x| x.0)
}

/// The clause of `s` that contains byte `at` (between break characters).
pub(crate) fn clause_around(s: &str, at: usize) -> &str {
    let start = s[..at].rfind(is_break).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..].find(is_break).map_or(s.len(), |i| at + i);
    &s[start..end]
}

/// A count in the prose that belongs to a keyword: the first one in the text (rules.md §5.5).
pub(crate) struct Hit {
    pub value: f64,
    /// Source span of the number.
    pub span: Span,
    /// Source span from the keyword to the unit, for quoting.
    pub quote: Span,
}

/// Finds, in order, the first sentence where one of `keywords` is followed within `gap` characters
/// of the same clause by a count in 件, and `accept` agrees with the sentence and keyword range.
pub(crate) fn first_count(
    sents: &[&Sentence],
    keywords: &[&str],
    gap: usize,
    accept: &dyn Fn(&str, usize, usize) -> bool,
) -> Option<Hit> {
    for st in sents {
        let s = st.text();
        let mut from = 0;
        while let Some((ks, ke)) = find_any(s, from, keywords) {
            from = ke;
            let joined = s[..ks].ends_with(['及', '和', '与', '或']);
            if joined || !accept(s, ks, ke) {
                continue;
            }
            if let Some(c) = count_after(s, ke, gap, &["件"]) {
                return Some(Hit {
                    value: c.value,
                    span: st.span_of(c.start, c.end),
                    quote: st.span_of(ks, c.unit_end),
                });
            }
        }
    }
    None
}

/// Formats a count for messages.
pub(crate) fn n(v: f64) -> String {
    crate::rules::math::fmt_num(v)
}

/// The report's year is the only one a sentence may name (a sentence about another year is skipped).
pub(crate) fn other_year(r: &Report, s: &Sentence) -> bool {
    r.year.is_some_and(|y| s.years.iter().any(|t| t.year != y))
}

/// Sentences of 一 and 三 that talk about this year only.
pub(crate) fn t3_sentences<'r>(r: &'r Report) -> Vec<&'r Sentence> {
    sentences(r, &[1, 3]).into_iter().filter(|s| !other_year(r, s)).collect()
}

/// Sentences of 一 and 四 that talk about this year only.
pub(crate) fn t4_sentences<'r>(r: &'r Report) -> Vec<&'r Sentence> {
    sentences(r, &[1, 4]).into_iter().filter(|s| !other_year(r, s)).collect()
}

/// Byte offset where the clause containing `at` ends (the next break character or the end).
pub(crate) fn clause_end(s: &str, at: usize) -> usize {
    s.get(at..).and_then(|rest| rest.find(is_break)).map_or(s.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let s = "共收到政府信息公开申请两件,其中自然人12件";
        let at = s.find('两').unwrap_or(0);
        assert_eq!(count_at(s, at, &["件"]).map(|c| c.value), Some(2.0));
        assert_eq!(count_after(s, 0, 40, &["件"]).map(|c| c.value), Some(2.0));
        assert!(count_after("收到意见10余件", 0, 20, &["件"]).is_none());
        let t = "自然人12件";
        assert_eq!(count_after(t, 0, 10, &["件"]).map(|c| c.value), Some(12.0));
        assert_eq!(clause_around("甲,乙丙,丁", 4), "乙丙");
    }
}
