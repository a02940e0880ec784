//! Helpers shared by the structure rules: which section headings are real level-1 headings, and
//! where the regions under them run.

use crate::report::{Heading, Report, Section};
use crate::span::Span;
use crate::text::OrdinalStyle;

/// The section headings that stand at the top level of the outline.
///
/// The parser also recognises sub-headings such as "（一）主动公开政府信息情况" inside 总体情况 as
/// sections; those are left out here: only headings with a level-1 ordinal (一、), an Arabic ordinal
/// that equals the section number ("1、总体情况"), or no ordinal and the exact canonical title count.
pub(crate) fn top_sections<'r>(r: &'r Report) -> Vec<&'r Section> {
    r.sections
        .iter()
        .filter(|s| match s.ordinal_parsed {
            None => !s.variant,
            Some(o) => match o.style {
                OrdinalStyle::Hanzi => true,
                OrdinalStyle::Arabic => o.number == u32::from(s.canonical),
                _ => false,
            },
        })
        .collect()
}

/// The heading record of a section heading (for the span of its ordinal).
pub(crate) fn heading_of<'r>(r: &'r Report, s: &Section) -> Option<&'r Heading> {
    let i = r.headings.partition_point(|h| h.span.start < s.span.start);
    r.headings[i..].iter().take_while(|h| h.span.start == s.span.start).find(|h| h.span == s.span)
}

/// The headings starting strictly between `from` and `to` (headings are in document order), found by
/// binary search so that rules looping over sections stay linear.
pub(crate) fn headings_between<'r>(r: &'r Report, from: usize, to: usize) -> &'r [Heading] {
    let a = r.headings.partition_point(|h| h.span.start <= from);
    let b = r.headings.partition_point(|h| h.span.start < to).max(a);
    &r.headings[a..b]
}

/// The span of a section's ordinal, or the heading line when it has none.
pub(crate) fn ordinal_span(r: &Report, s: &Section) -> Span {
    heading_of(r, s).map_or(s.span, |h| h.ordinal_span)
}

/// The span of the title after the ordinal.
pub(crate) fn title_span(r: &Report, s: &Section) -> Span {
    match heading_of(r, s) {
        Some(h) => crate::parse::trim_span(r.src(), Span::new(h.ordinal_span.end, s.span.end)),
        None => s.span,
    }
}

/// Level-1 section numbers as Chinese words, for messages.
pub(crate) fn hanzi(n: u32) -> &'static str {
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].get(n as usize).copied().unwrap_or("?")
}

/// "第三部分“收到和处理政府信息公开申请情况”" for messages.
pub(crate) fn section_name(canonical: u8) -> String {
    let title =
        crate::report::labels::SECTION_TITLES.get(usize::from(canonical).wrapping_sub(1)).copied().unwrap_or("");
    format!("第{}部分“{}”", hanzi(u32::from(canonical)), title)
}
