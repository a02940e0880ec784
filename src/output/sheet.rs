//! The 整改清单 rows for people (the .xlsx 问题清单 sheet and the Chinese CSV): 单位, 年度, 文件,
//! 严重程度, 规则, 问题, 位置, 行号, 修改建议, 已核实, 说明 — with human names for places, never
//! internal keys, and lines of the text as the reader sees it (for HTML: the visible text).

use super::Shown;
use crate::diag::{Finding, Severity};
use crate::report::keys::{hanzi, CellKey};
use crate::span::LineIndex;
use crate::Checked;

/// One checked report of a batch.
pub struct Entry<'a> {
    pub path: &'a str,
    /// What the spans of `checked` index: the input (for HTML: its markup), or the text extracted
    /// from a file.
    pub source: &'a str,
    pub checked: &'a Checked,
}

pub const HEADERS: [&str; 11] =
    ["单位", "年度", "文件", "严重程度", "规则", "问题", "位置", "行号", "修改建议", "已核实", "说明"];

/// One finding as a row of the 整改清单.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub org: String,
    pub year: Option<i32>,
    pub path: String,
    /// 错误 / 警告 / 提示
    pub severity: &'static str,
    pub rule: &'static str,
    pub message: String,
    /// "表三 · （七）总计 · 总计", or "第五部分 · 第 364 行".
    pub place: String,
    /// Line of the shown text (1-based).
    pub line: usize,
    pub suggestion: String,
    pub verified: bool,
    pub note: String,
}

impl Row {
    /// The row's cells as text, in `HEADERS` order.
    pub fn cells(&self) -> [String; 11] {
        [
            self.org.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.path.clone(),
            self.severity.to_string(),
            self.rule.to_string(),
            self.message.clone(),
            self.place.clone(),
            self.line.to_string(),
            self.suggestion.clone(),
            if self.verified { "已核实".into() } else { String::new() },
            self.note.clone(),
        ]
    }
}

/// Counts of a report's findings that are not verified (错误, 警告, 提示), and of verified ones:
/// a finding the author has verified is listed but never counted as a fault.
pub fn counts(checked: &Checked) -> ([usize; 3], usize) {
    let open = |s: Severity| checked.count(s);
    let verified = checked.findings.iter().filter(|f| f.verified.is_some()).count();
    ([open(Severity::Error), open(Severity::Warning), open(Severity::Info)], verified)
}

/// "表三 · （七）总计 · 总计": the cell's name as messages write it (report::keys), table first.
pub fn cell_place(k: CellKey) -> String {
    format!("表{} · {}", hanzi(u32::from(k.table().part())), k.name().replace('·', " · "))
}

/// Where a finding is, for people: its primary cell, or its part and line of the shown text.
pub fn place(checked: &Checked, shown: &Shown, lines: &LineIndex, f: &Finding) -> String {
    if let Some(k) = f.cells.first() {
        return cell_place(*k);
    }
    let line = lines.line(shown.span(f.span).start);
    let part = checked.report.sections.iter().rev().find(|s| s.span.start <= f.span.start).map(|s| s.canonical);
    match part {
        Some(p) if (1..=6).contains(&p) => format!("第{}部分 · 第 {line} 行", hanzi(u32::from(p))),
        _ => format!("第 {line} 行"),
    }
}

/// 修改建议: the certain fix as 将“问提”改为“问题”; for table arithmetic the value the table's
/// relations give ("应为 61", shown, never applied); otherwise the rule's advice.
pub fn suggestion(shown: &Shown, f: &Finding) -> String {
    if let Some(fix) = &f.fix {
        let was = shown.words(fix.span);
        return match (was.is_empty(), fix.replacement.is_empty()) {
            (false, true) => format!("删去“{was}”"),
            (false, false) if was.chars().count() <= 30 => format!("将“{was}”改为“{}”", fix.replacement),
            _ => format!("改为“{}”", fix.replacement),
        };
    }
    if !f.cells.is_empty() {
        if let Some(v) = expected_in(&f.message) {
            return format!("应为 {v}（请核对后修改）");
        }
    }
    f.help.clone()
}

/// The value after "应为 " in a table rule's message ("…为 62，应为 61（差 1）"), as the table rules
/// write it (rules/common.rs `fault_finding`).
fn expected_in(message: &str) -> Option<&str> {
    let at = message.find("应为 ")? + "应为 ".len();
    let rest = &message[at..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).unwrap_or(rest.len());
    let v = &rest[..end];
    v.chars().any(|c| c.is_ascii_digit()).then_some(v)
}

/// The rows of one report, in the order of its findings.
pub fn rows(e: &Entry) -> Vec<Row> {
    let shown = Shown::of(e.source, e.checked);
    let lines = LineIndex::new(shown.text);
    let r = &e.checked.report;
    e.checked
        .findings
        .iter()
        .map(|f| Row {
            org: r.org.clone().unwrap_or_default(),
            year: r.year,
            path: e.path.to_string(),
            severity: f.severity.label_zh(),
            rule: f.rule,
            message: f.message.clone(),
            place: place(e.checked, &shown, &lines, f),
            line: lines.line(shown.span(f.span).start),
            suggestion: suggestion(&shown, f),
            verified: f.verified.is_some(),
            note: f.verified.clone().unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::keys::{T3Col, T3Row};

    #[test]
    fn places_and_expected_values() {
        assert_eq!(cell_place(CellKey::T3(T3Row::R24, T3Col::C7)), "表三 · （七）总计 · 总计");
        assert_eq!(expected_in("（七）总计·总计为 62，应为 61（差 1）"), Some("61"));
        assert_eq!(expected_in("应为 0.5，"), Some("0.5"));
        assert_eq!(expected_in("应为 商业企业"), None);
    }
}
