//! Prose helpers shared by the content (C), year (N) and style (S) rules: sentences with their
//! normalised text, keyword scanning, full dates and the body type.

use crate::report::{Date, Paragraph, Report};
use crate::span::Span;

/// A sentence of prose with its normalised text and section (made once by the report).
pub(crate) type Sent = crate::report::Sentence;

/// Sentences of every prose paragraph that is not a heading.
pub(crate) fn sentences<'r>(r: &'r Report) -> &'r [Sent] {
    &r.prose_sentences
}

/// Sentences of one canonical section.
pub(crate) fn section_sentences<'r>(r: &'r Report, canonical: u8) -> Vec<&'r Sent> {
    r.prose_sentences.iter().filter(|s| s.section == Some(canonical)).collect()
}

/// Every paragraph of a section below its heading (sub-headings included), without the trailing
/// signature (body name and date lines).
pub(crate) fn section_paragraphs<'r>(r: &'r Report, canonical: u8) -> impl Iterator<Item = &'r Paragraph> {
    let idx = r.sections.iter().position(|s| s.canonical == canonical);
    let head = idx.map(|i| r.sections[i].span).unwrap_or_default();
    r.paragraphs
        .iter()
        .filter(move |p| idx.is_some() && p.section == idx && !head.contains(p.span) && !is_signature(r, p.span))
}

pub(crate) fn section_paragraph_spans(r: &Report, canonical: u8) -> Vec<Span> {
    section_paragraphs(r, canonical).map(|p| p.span).collect()
}

/// Normalised text of a section's paragraphs (see `section_paragraphs`), joined.
pub(crate) fn section_text(r: &Report, canonical: u8) -> String {
    section_paragraphs(r, canonical).map(|p| r.paragraph_norm(p).text()).collect()
}

const ORG_ENDINGS: [&str; 12] =
    ["人民政府", "办公室", "办公厅", "办事处", "委员会", "局", "委", "中心", "镇", "乡", "街道", "厅"];

/// A signature line: the publication date, a bare date, or a short body name near the end.
pub(crate) fn is_signature(r: &Report, span: Span) -> bool {
    if r.pub_date.is_some_and(|(_, s)| span.contains(s) || s.contains(span)) {
        return true;
    }
    let raw = r.text(span);
    // A signature is a short line: a date or a body name.
    if raw.chars().count() > 60 {
        return false;
    }
    let t = crate::text::label(raw);
    if let Some(d) = find_dates(&t).first() {
        if d.start == 0 && d.end == t.len() {
            return true;
        }
    }
    let near_end = r.src().len().saturating_sub(span.end) < 200;
    near_end
        && t.chars().count() <= 30
        && !t.contains([',', '。', ';', ':', '、'])
        && ORG_ENDINGS.iter().any(|e| t.ends_with(e))
}

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

/// What kind of body wrote the report, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// 乡、镇人民政府 or 街道办事处.
    Township,
    /// 县级以上人民政府 (or its 办公室/办公厅, which often publishes the government's report).
    Government,
    /// 县级以上人民政府部门 (局、委、办、中心…).
    Department,
}

pub(crate) fn body_kind(org: &str) -> Option<BodyKind> {
    let gov = ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办公厅", "政府办"]
        .iter()
        .find_map(|e| org.strip_suffix(e));
    if let Some(head) = gov {
        if head.ends_with(['镇', '乡']) {
            return Some(BodyKind::Township);
        }
        return Some(BodyKind::Government);
    }
    if org.ends_with("街道办事处") || org.ends_with("街道") || org.ends_with('镇') || org.ends_with('乡') {
        return Some(BodyKind::Township);
    }
    if ["局", "委", "委员会", "办", "办公室", "中心", "厅", "署", "院", "所", "站", "队"]
        .iter()
        .any(|e| org.ends_with(e))
    {
        return Some(BodyKind::Department);
    }
    None
}

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

/// The report year, trusted only when it comes from the title, the reporting period, or an opening
/// "2024年，…" (not a citation such as "根据2019年修订的《条例》", which the year finder may take).
pub(crate) fn report_year(r: &Report) -> Option<i32> {
    let ev = &r.year_evidence;
    if ev.title.is_some() || ev.period.is_some() {
        return r.year;
    }
    ev.first_sentence.filter(|(_, s)| dates_the_year(r.src(), *s)).map(|(y, _)| y)
}

/// "2024年，…" / "2024年以来…" / "2024年度…": the year stands for the reporting year.
pub(crate) fn dates_the_year(src: &str, span: Span) -> bool {
    let after = src.get(span.end..).unwrap_or("");
    let after = after.trim_start_matches([' ', '\u{3000}']);
    ["，", ",", "度", "以来", "全年", "里", "内", "中，", "中,"].iter().any(|p| after.starts_with(p))
}
