//! Scanners and formatting the rules share: words and counts in normalised prose, dates, plans for
//! the future, and how numbers are written in messages. (What a report *is* — its cells, parts,
//! sentences, year and body — the rules ask the `Report`.)

use crate::diag::Finding;
use crate::report::consistency::{self, Kind};
use crate::report::{CellKey, Date, Report, Sentence, T3Col};
use crate::rules::Rule;
use crate::span::Span;
use crate::text::{chinese_number, is_hanzi_digit, scan_number};

// ── Words ──────────────────────────────────────────────────────────────────────────────────────

/// Byte offsets of every occurrence of `needle`.
pub(crate) fn find_all<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    // Checking the first character first is much cheaper than setting up a substring search.
    let possible = needle.chars().next().is_some_and(|c| hay.contains(c));
    possible.then(|| hay.match_indices(needle).map(|(i, _)| i)).into_iter().flatten()
}

pub(crate) fn has_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.chars().next().is_some_and(|c| hay.contains(c)) && hay.contains(w))
}

pub(crate) fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

pub(crate) fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
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

// ── Clauses and counts ─────────────────────────────────────────────────────────────────────────

/// Characters that end a clause: a count after one of them no longer belongs to the keyword.
pub(crate) fn is_break(c: char) -> bool {
    matches!(c, ',' | '。' | ';' | ':' | '(' | ')' | '!' | '?' | '，' | '；' | '：' | '（' | '）' | '[' | ']')
}

/// The clause of `s` that contains byte `at` (between break characters).
pub(crate) fn clause_around(s: &str, at: usize) -> &str {
    &s[clause_start(s, at)..clause_end(s, at)]
}

/// Byte offset where the clause containing `at` starts (after the previous break character).
pub(crate) fn clause_start(s: &str, at: usize) -> usize {
    s[..at].rfind(is_break).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// Byte offset where the clause containing `at` ends (the next break character or the end).
pub(crate) fn clause_end(s: &str, at: usize) -> usize {
    s.get(at..).and_then(|rest| rest.find(is_break)).map_or(s.len(), |i| at + i)
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
    let mut before = s[..at].chars().rev();
    let prev = before.next();
    let (value, len) = if first.is_ascii_digit() {
        // Inside a number ("1,234", "12.5"); a comma after words is the clause's ("办结20件，2件…").
        let in_number = before.next().is_some_and(|c| c.is_ascii_digit());
        if prev.is_some_and(|p| p.is_ascii_digit() || ((p == '.' || p == ',') && in_number)) {
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

/// A number written right at the start of `s` (ASCII digits or a small Chinese numeral), with its
/// byte length.
pub(crate) fn number_at(s: &str) -> Option<(f64, usize)> {
    if let Some((v, n)) = scan_number(s) {
        return Some((v, n));
    }
    let han: String = s.chars().take_while(|c| is_hanzi_digit(*c)).collect();
    if han.is_empty() {
        return None;
    }
    chinese_number(&han).map(|v| (f64::from(v), han.len()))
}

// ── Sentences ──────────────────────────────────────────────────────────────────────────────────

/// Words that make a sentence about other periods or comparisons (rules.md §5.5): skipped.
const OTHER_PERIODS: [&str; 7] = ["累计", "历年", "截至目前", "截止目前", "同比", "较上年", "比上年"];

/// Sentences of the given parts (and of the text before the first part) that speak of the report's
/// own year: no comparison, no total over several years, no other year named.
pub(crate) fn this_year_sentences<'r>(r: &'r Report, parts: &[u8]) -> Vec<&'r Sentence> {
    r.prose_sentences
        .iter()
        .filter(|s| s.section.is_none_or(|c| parts.contains(&c)))
        .filter(|s| !OTHER_PERIODS.iter().any(|k| s.text().contains(k)))
        .filter(|s| !r.year.is_some_and(|y| s.years.iter().any(|t| t.year != y && !carried_into(s.text(), t, y))))
        .collect()
}

/// "结转至2026年" in a 2025 report: the year the open applications go to, still this year's story.
fn carried_into(text: &str, t: &crate::text::YearToken, y: i32) -> bool {
    t.year == y + 1
        && ["结转至", "结转到", "转入", "顺延至", "顺延到", "延至"].iter().any(|w| text[..t.start].ends_with(w))
}

// ── The problems of 五 ──────────────────────────────────────────────────────────────────────────

const PROBLEM: [&str; 14] = [
    "问题",
    "不足",
    "短板",
    "差距",
    "有待",
    "不够",
    "不到位",
    "薄弱",
    "欠缺",
    "滞后",
    "不高",
    "不强",
    "不及时",
    "不规范",
];
const MEASURE: [&str; 9] = ["针对", "将", "下一步", "今后", "拟", "计划", "改进措施", "下一年度", "明年"];
const PRIOR: [&str; 6] = ["上年度", "上一年度", "去年", "上年", "上一年", "整改"];

/// Sentences of 五 that list the problems (C5-SAME-PROBLEMS, and C5-PRIOR-YEAR with last year's report).
pub(crate) fn problem_sentences(r: &Report) -> Vec<Span> {
    let prior_year = r.year.map(|y| y - 1);
    let mut out = Vec::new();
    let mut started = false;
    for sent in r.part_sentences(5) {
        let t = sent.text();
        if MEASURE.iter().any(|k| t.contains(k)) {
            if started {
                return out;
            }
            continue;
        }
        let prior = PRIOR.iter().any(|k| t.contains(k)) || sent.years.iter().any(|y| Some(y.year) == prior_year);
        if prior {
            continue;
        }
        if started || PROBLEM.iter().any(|k| t.contains(k)) {
            started = true;
            out.push(sent.span);
        }
    }
    out
}

// ── Dates and plans ────────────────────────────────────────────────────────────────────────────

/// A full date "YYYY年M月D日" in normalised text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DateTok {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// Every "YYYY年M月D日" in normalised text.
pub(crate) fn find_dates(t: &str) -> Vec<DateTok> {
    crate::text::find_dates(t)
        .into_iter()
        .map(|d| DateTok { date: Date { year: d.year, month: d.month, day: d.day }, start: d.start, end: d.end })
        .collect()
}

pub(crate) use crate::text::month_day;

/// Markers of a planned (future) action.
pub(crate) const STRONG_FUTURE: [&str; 12] =
    ["拟", "计划", "力争", "争取", "预计", "打算", "下一步", "明年", "新的一年", "今后", "下一年度", "下年度"];

/// Past-tense markers: with one of these a bare 将 is more likely the 把-like 将.
const PAST: [&str; 5] = ["了", "已", "取得", "完成", "实现"];

/// The sentence speaks of planned work: a strong marker, or 将 with no sign of the past.
pub(crate) fn is_future(t: &str) -> bool {
    if has_any(t, &STRONG_FUTURE) {
        return true;
    }
    let strong_jiang = [
        "将进一步",
        "将继续",
        "将持续",
        "将不断",
        "将加强",
        "将严格",
        "将着力",
        "将全面",
        "将深入",
        "将切实",
        "将认真",
        "将积极",
        "将坚持",
        "将围绕",
        "将重点",
        "将加大",
        "将强化",
        "将完善",
        "将推进",
        "将提升",
        "将以",
    ];
    if has_any(t, &strong_jiang) {
        return true;
    }
    t.contains('将') && !has_any(t, &PAST)
}

// ── The tables' arithmetic ─────────────────────────────────────────────────────────────────────

/// "“一、本年新收政府信息公开申请数量”行" for messages (the row's label as written).
pub(crate) fn row_name(r: &Report, row: &crate::report::RowInfo) -> String {
    match row.label {
        Some(l) => format!("“{}”行", r.text(l).split_whitespace().collect::<String>()),
        None => "一行".to_string(),
    }
}

/// An equality as the messages state it: "自然人列 一(60)+二(0)=60 ≠ 三(61)+四(0)=61".
pub(crate) fn describe(c: &consistency::Checked) -> String {
    let (l, r) = (fmt_num(c.left.sum()), fmt_num(c.right.sum()));
    let e = &c.equation;
    match e.kind {
        Kind::Balance => format!(
            "{}列 一({})+二({})={l} ≠ 三({})+四({})={r}",
            e.about,
            fmt_num(c.left.values[0]),
            fmt_num(c.left.values[1]),
            fmt_num(c.right.values[0]),
            fmt_num(c.right.values[1])
        ),
        Kind::RowTotal => format!("{}：自然人至其他六列之和 {}={l} ≠ 总计 {r}", e.about, terms(&c.left.values)),
        Kind::ResultSum => format!("{}列：各项办理结果之和 {l} ≠ （七）总计 {r}", e.about),
        Kind::Subtotal => match e.right[0] {
            CellKey::T3(row, T3Col::C2_6) => {
                format!("{}：五类法人或其他组织之和 {}={l} ≠ 法人或其他组织小计 {r}", row.name(), terms(&c.left.values))
            }
            CellKey::T3(row, _) => {
                format!("{} {}列：其下各项之和 {}={l} ≠ 小计 {r}", row.name(), e.about, terms(&c.left.values))
            }
            _ => format!("{} {l} ≠ {r}", e.about),
        },
        Kind::GroupSum => {
            format!("{}：结果维持+结果纠正+其他结果+尚未审结 {}={l} ≠ 总计 {r}", e.about, terms(&c.left.values))
        }
    }
}

/// The finding of a table fault: on the cell that explains it (with the value it should have), or
/// on the equality's total; every cell of every broken equality attached. A blank counted as 0 may
/// be the real cause: then it is a warning that says so.
pub(crate) fn fault_finding(rule: &'static Rule, r: &Report, fault: &consistency::Fault) -> Finding {
    // The cell at fault (or the total of the one broken equality) first, then every other operand.
    let primary = fault.cell.map(|(k, _)| k).unwrap_or(fault.broken[0].equation.right[0]);
    let all: Vec<CellKey> = std::iter::once(primary).chain(fault.broken.iter().flat_map(|c| c.cells())).collect();
    let mut cells = Vec::with_capacity(all.len());
    for k in all {
        if !cells.contains(&k) {
            cells.push(k);
        }
    }
    let described: Vec<String> = fault.broken.iter().map(describe).collect();
    let (span, message) = match fault.cell {
        Some((cell, expected)) => {
            let now = r.number(cell).unwrap_or(0.0);
            let message = format!(
                "{}为 {}，应为 {}（差 {}）：它所在的 {} 处勾稽关系因此都不成立——{}",
                cell.name(),
                fmt_num(now),
                fmt_num(expected),
                fmt_delta(now - expected),
                fault.broken.len(),
                described.join("；")
            );
            (r.cell_span(cell), message)
        }
        None => {
            let c = &fault.broken[0];
            let total = c.equation.right[0];
            let message = match c.equation.right.len() {
                1 => format!(
                    "{}，差 {}；{}应为 {}",
                    described[0],
                    fmt_delta(c.residual()),
                    total.name(),
                    fmt_num(c.left.sum())
                ),
                _ => format!("{}，差 {}", described[0], fmt_delta(c.residual())),
            };
            (r.cell_span(total), message)
        }
    };
    let mut f = rule.finding(span, message).cells(cells);
    if let Some(a) = fault.broken.iter().find_map(|c| c.assumption()) {
        f = f.assume(a).severity(crate::diag::Severity::Warning);
    }
    f
}

// ── Numbers in messages ────────────────────────────────────────────────────────────────────────

/// Formats a number without a trailing ".0"; keeps up to 4 decimals.
pub(crate) fn fmt_num(v: f64) -> String {
    let s = fmt_fixed(v, 4);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v` rounded to `decimals` places (at most 6), written with integer arithmetic: the web bundle
/// then carries none of core's float formatting (≈ 5 KB gzip). Beyond ±9×10¹⁵ the integer part is
/// printed alone (saturating), as no figure of a report gets there.
pub(crate) fn fmt_fixed(v: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    let sign = if v < 0.0 { "-" } else { "" };
    let scaled = (v.abs() * scale as f64).round();
    if scaled.is_nan() || scaled >= 9.0e15 {
        return format!("{sign}{}", v.abs() as u128);
    }
    let n = scaled as u64;
    let (whole, frac) = (n / scale, n % scale);
    let sign = if n == 0 { "" } else { sign };
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// "差 −1" with a real minus sign, as the messages show it.
pub(crate) fn fmt_delta(d: f64) -> String {
    if d < 0.0 {
        format!("−{}", fmt_num(-d))
    } else {
        format!("+{}", fmt_num(d))
    }
}

pub(crate) fn eq(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// "60+0" for messages.
pub(crate) fn terms(values: &[f64]) -> String {
    values.iter().map(|v| fmt_num(*v)).collect::<Vec<_>>().join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_formatting_without_float_fmt() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(-2.5), "-2.5");
        assert_eq!(fmt_num(0.12345), "0.1235");
        assert_eq!(fmt_num(1.0e20), "100000000000000000000");
        assert_eq!(fmt_fixed(97.36, 1), "97.4");
        assert_eq!(fmt_fixed(0.0, 1), "0.0");
        assert_eq!(fmt_fixed(-0.01, 1), "0.0");
        assert_eq!(fmt_fixed(12.0, 0), "12");
        assert_eq!(fmt_fixed(f64::NAN, 1), "0");
    }
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
