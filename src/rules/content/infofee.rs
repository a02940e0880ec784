//! Statements about the 信息处理费 in prose.

use crate::rules::year::util::{find_all, has_any, Sent};
use crate::span::Span;
use crate::text::scan_number;

pub(super) const NEGATION: [&str; 12] = [
    "未收取",
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
