//! Statements about the 信息处理费 in prose.

use crate::report::{Format, Report};
use crate::rules::year::util::{find_all, has_any, report_year, section_paragraph_spans, Sent};
use crate::span::Span;
use crate::text::{scan_number, Mode, Norm};

/// The report is for 2021 or later, when the 信息处理费 办法 took effect and 六 must report the fee.
pub(super) fn fee_year(r: &Report) -> bool {
    match report_year(r) {
        Some(y) => y >= 2021,
        None => r.format == Format::V2021,
    }
}

/// What a "nothing to report" 六 says once punctuation and filler are gone.
const NOTHING: [&str; 8] =
    ["无", "暂无", "没有", "无其他需要报告的事项", "无其他需要报告事项", "无需要报告的事项", "本年度无", "无其他事项"];

/// 六 says only that there is nothing to report ("无。"): the span of what it says.
pub(super) fn says_nothing(r: &Report) -> Option<Span> {
    r.section(6)?;
    let spans = section_paragraph_spans(r, 6);
    let span = spans.first()?.cover(*spans.last()?);
    let text: String = spans.iter().map(|s| Norm::new(r.text(*s), 0, Mode::Prose).text).collect();
    let core: String = text.chars().filter(|c| crate::text::is_hanzi(*c)).collect();
    let core = core.strip_prefix("本单位").or(core.strip_prefix("本机关")).unwrap_or(&core);
    NOTHING.contains(&core).then_some(span)
}

pub(super) const NEGATION: [&str; 16] = [
    "未收取",
    "无收取",
    "未有收取",
    "没有产生",
    "不存在收取",
    "没有收取",
    "不收取",
    "未收",
    "未产生",
    "未发生",
    "无信息处理费",
    "零",
    "未涉及",
    "免收",
    "均未",
    "无收费",
];

/// The sentence says no fee was collected.
pub(super) fn says_none(t: &str) -> bool {
    t.contains("处理费")
        && (has_any(t, &NEGATION)
            || amount(t).is_some_and(|(v, _, _)| v == 0.0)
            || has_any(t, &["处理费:无", "处理费为无", "处理费无", "处理费。无"]))
}

/// The first amount in 元 after "处理费" in the sentence: (value in 元, start, end) in normalised bytes.
pub(super) fn amount(t: &str) -> Option<(f64, usize, usize)> {
    let at = find_all(t, "处理费").next()?;
    let mut i = at;
    while i < t.len() {
        if let Some((v, len)) = scan_number(&t[i..]) {
            let rest = &t[i + len..];
            if let Some(r) = rest.strip_prefix("万元") {
                return Some((v * 10000.0, i, t.len() - r.len()));
            }
            if let Some(r) = rest.strip_prefix('元') {
                return Some((v, i, t.len() - r.len()));
            }
            i += len;
        } else {
            i += t[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// A positive fee stated in a sentence: (value in 元, span of the amount).
pub(super) fn positive(s: &Sent) -> Option<(f64, Span)> {
    let t = s.text();
    if has_any(t, &NEGATION) {
        return None;
    }
    let (v, a, b) = amount(t)?;
    (v > 0.0).then(|| (v, s.span_of(a, b)))
}
