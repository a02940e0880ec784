//! What the rules ask of a report: cells as numbers, blanks or unreadable; the T3 layout; the parts
//! and their sentences; the trusted year; the kind of body. Decided here once, so that no rule
//! decides it again in its own way.

use super::keys::{CellKey, T3Col, T3Row, T4Col};
use super::{Format, Paragraph, Report, Sentence, TableCell, TableId};
use crate::parse::Value;
use crate::span::Span;

/// What a cell holds, as a formula sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellValue {
    Number(f64),
    /// Nothing written (a formula counts it as 0, and says so).
    Blank,
    /// A placeholder ("/", "—") or text: no formula with it can be judged.
    Unreadable,
    /// The cell was not read at all.
    Missing,
}

/// A formula's operands: their values (blank as 0), their cells, and which were blank.
#[derive(Clone, Debug)]
pub struct Operands {
    pub values: Vec<f64>,
    pub cells: Vec<CellKey>,
    /// Cells that were blank and counted as 0.
    pub blanks: Vec<CellKey>,
}

impl Operands {
    pub fn sum(&self) -> f64 {
        self.values.iter().sum()
    }

    /// The assumption to attach to a finding, if any operand was blank.
    pub fn assumption(&self) -> Option<String> {
        (!self.blanks.is_empty()).then(|| format!("{} 个空白单元格按 0 计算", self.blanks.len()))
    }
}

/// The layout of T3's （六）其他处理: three rows (2021) or one (2019).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T3Layout {
    V2021,
    V2019,
}

/// What kind of body wrote the report, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    /// 乡、镇人民政府 or 街道办事处.
    Township,
    /// 县级以上人民政府 (or its 办公室/办公厅, which often publishes the government's report).
    Government,
    /// 县级以上人民政府部门 (局、委、办、中心…).
    Department,
}

impl TableCell {
    /// Where to point for a cell: its text, or its row label when the cell is blank.
    pub fn point(&self) -> Span {
        if self.span.is_empty() {
            self.row_label.unwrap_or(self.span)
        } else {
            self.span
        }
    }
}

impl Report<'_> {
    pub fn value(&self, key: CellKey) -> CellValue {
        match self.cell(key).map(|c| &c.value) {
            None => CellValue::Missing,
            Some(Value::Number { value, .. }) => CellValue::Number(*value),
            Some(Value::Empty) => CellValue::Blank,
            Some(Value::Placeholder | Value::Text) => CellValue::Unreadable,
        }
    }

    /// A cell's number; blanks, placeholders, text and missing cells give `None` (the prose rules:
    /// a blank is no evidence against the prose).
    pub fn number(&self, key: CellKey) -> Option<f64> {
        match self.value(key) {
            CellValue::Number(v) => Some(v),
            _ => None,
        }
    }

    /// The sum of cells that must all be numbers.
    pub fn sum(&self, keys: impl IntoIterator<Item = CellKey>) -> Option<f64> {
        keys.into_iter().map(|k| self.number(k)).sum()
    }

    /// T3's applicant cells (自然人 to 其他), when there are some and every one is blank: a table left
    /// unfilled (T3-ALL-BLANK says so once; TBL-CELL-EMPTY does not list its cells again).
    pub fn t3_applicants_blank(&self) -> Option<usize> {
        let t = self.table(TableId::T3)?;
        if t.rows.len() < 5 {
            return None;
        }
        let applicant = |c: &&TableCell| matches!(c.key, CellKey::T3(_, col) if T3Col::APPLICANTS.contains(&col));
        let cells: Vec<&TableCell> = self.cells.iter().filter(applicant).collect();
        (!cells.is_empty() && cells.iter().all(|c| matches!(c.value, Value::Empty))).then_some(cells.len())
    }

    /// The values the sum of some T4 cells has in the readings of a T4 that could not be read cell by
    /// cell (`TableInfo::readings`), smallest first; `None` when there are none to go by.
    pub fn t4_possible_sums(&self, cols: &[T4Col]) -> Option<Vec<i64>> {
        let readings = &self.table(TableId::T4)?.readings;
        let value = |r: &Vec<i64>, c: &T4Col| T4Col::ALL.iter().position(|x| x == c).and_then(|i| r.get(i).copied());
        let sum = |r: &Vec<i64>| cols.iter().try_fold(0i64, |a, c| a.checked_add(value(r, c)?));
        let mut sums: Vec<i64> = readings.iter().filter_map(sum).collect();
        crate::sort::sort(&mut sums);
        sums.dedup();
        (!sums.is_empty()).then_some(sums)
    }

    /// A formula's operands: every cell read and a number or blank (counted as 0); `None` when the
    /// formula cannot be judged (a cell missing, a placeholder or text).
    pub fn operands(&self, keys: impl IntoIterator<Item = CellKey>) -> Option<Operands> {
        let mut out = Operands { values: Vec::new(), cells: Vec::new(), blanks: Vec::new() };
        for key in keys {
            match self.value(key) {
                CellValue::Number(v) => out.values.push(v),
                CellValue::Blank => {
                    out.values.push(0.0);
                    out.blanks.push(key);
                }
                CellValue::Unreadable | CellValue::Missing => return None,
            }
            out.cells.push(key);
        }
        Some(out)
    }

    /// The cell's span, or an empty span at its table when the cell is missing.
    pub fn cell_span(&self, key: CellKey) -> Span {
        self.cell(key)
            .map(|c| c.span)
            .or_else(|| self.table(key.table()).map(|t| Span::new(t.span.start, t.span.start)))
            .unwrap_or_default()
    }

    /// The layout of T3's （六）其他处理.
    pub fn t3_layout(&self) -> T3Layout {
        // A row whose figures could not be placed still tells the layout by its label.
        let row = |r| self.table(TableId::T3).is_some_and(|t| t.rows.iter().any(|x| x.key == super::RowKey::T3(r)));
        let other = |r| self.cell(CellKey::T3(r, super::T3Col::C7)).is_some() || row(r);
        if other(T3Row::R21_23) && !other(T3Row::R21) {
            T3Layout::V2019
        } else {
            T3Layout::V2021
        }
    }

    /// The rows of （六）其他处理 in this report's layout.
    pub fn t3_other_rows(&self) -> &'static [T3Row] {
        match self.t3_layout() {
            T3Layout::V2019 => &[T3Row::R21_23],
            T3Layout::V2021 => &T3Row::OTHER_2021,
        }
    }

    /// The outcome rows that add up to （七）总计, in this report's layout.
    pub fn t3_outcome_rows(&self) -> Vec<T3Row> {
        let mut rows: Vec<T3Row> = [T3Row::R03, T3Row::R04].into();
        rows.extend(T3Row::WITHHELD);
        rows.extend(T3Row::UNAVAILABLE);
        rows.extend(T3Row::NOT_PROCESSED);
        rows.extend(self.t3_other_rows());
        rows
    }

    /// The labels of one format found in the tables (a label quoted in the prose is not evidence).
    pub fn table_labels(&self, format: Format) -> impl Iterator<Item = &super::FormatLabel> {
        self.format_labels
            .iter()
            .filter(move |l| l.format == format && self.tables.iter().any(|t| t.span.contains(l.span)))
    }

    /// The paragraphs of a part below its heading (sub-headings included), without the trailing
    /// signature (body name and date lines).
    pub fn part_paragraphs(&self, canonical: u8) -> impl Iterator<Item = &Paragraph> {
        let idx = self.sections.iter().position(|s| s.canonical == canonical);
        let head = idx.map(|i| self.sections[i].span).unwrap_or_default();
        self.paragraphs
            .iter()
            .filter(move |p| idx.is_some() && p.section == idx && !head.contains(p.span) && !self.is_signature(p.span))
    }

    /// The normalised text of a part's paragraphs, joined.
    pub fn part_text(&self, canonical: u8) -> String {
        self.part_paragraphs(canonical).map(|p| self.paragraph_norm(p).text()).collect()
    }

    /// The sentences of one part.
    pub fn part_sentences(&self, canonical: u8) -> impl Iterator<Item = &Sentence> {
        self.prose_sentences.iter().filter(move |s| s.section == Some(canonical))
    }

    /// The page chrome a one-line copy keeps in front of the report ("当前位置： 首页政务公开…年报
    /// 某局2024年…年度报告 来源：… 微信 微博 …"): from a breadcrumb cue at the start of a paragraph
    /// before the first part up to the report's opening words (or the last repeat of the title).
    pub fn page_chrome(&self, p: &Paragraph) -> Option<Span> {
        const CUES: [&str; 5] = ["当前位置", "您的位置", "您当前的位置", "您所在的位置", "当前的位置"];
        let first_part = self.sections.iter().map(|s| s.span.start).min().unwrap_or(usize::MAX);
        let raw = self.text(p.span);
        if p.span.start >= first_part || !CUES.iter().any(|c| raw.trim_start().starts_with(c)) {
            return None;
        }
        let opening = ["根据《", "依据《", "按照《"].iter().filter_map(|w| raw.find(w)).min();
        let end = opening.or_else(|| {
            let sentence_end = raw.find('。').unwrap_or(raw.len());
            raw[..sentence_end].rfind("年度报告").map(|i| i + "年度报告".len())
        })?;
        Some(Span::new(p.span.start, p.span.start + end))
    }

    /// A signature line: the publication date, a bare date, or a short body name near the end.
    pub fn is_signature(&self, span: Span) -> bool {
        const ORG_ENDINGS: [&str; 12] =
            ["人民政府", "办公室", "办公厅", "办事处", "委员会", "局", "委", "中心", "镇", "乡", "街道", "厅"];
        if self.pub_date.is_some_and(|(_, s)| span.contains(s) || s.contains(span)) {
            return true;
        }
        let raw = self.text(span);
        // A signature is a short line: a date or a body name.
        if raw.chars().count() > 60 {
            return false;
        }
        let t = crate::text::label(raw);
        if let Some(d) = crate::text::find_dates(&t).first() {
            if d.start == 0 && d.end == t.len() {
                return true;
            }
        }
        let near_end = self.src().len().saturating_sub(span.end) < 200;
        near_end
            && t.chars().count() <= 30
            && !t.contains([',', '。', ';', ':', '、'])
            && ORG_ENDINGS.iter().any(|e| t.ends_with(e))
    }

    /// The report year, trusted only when it comes from the title, the reporting period, or an
    /// opening "2024年，…" (not a citation such as "根据2019年修订的《条例》").
    pub fn trusted_year(&self) -> Option<i32> {
        self.year_evidence.weighed()
    }

    /// The report follows the 2021 format's rules (the year, or else the format, says so).
    pub fn is_2021_or_later(&self) -> bool {
        match self.trusted_year() {
            Some(y) => y >= 2021,
            None => self.format == Format::V2021,
        }
    }

    /// The kind of body, from its name.
    pub fn body_kind(&self) -> Option<BodyKind> {
        body_kind(self.org.as_deref()?)
    }

    /// The body is at county level or below (名称 contains 县/区/旗/乡/镇/街道, but not 自治区/自治州):
    /// its name when it is.
    pub fn county_or_below(&self) -> Option<String> {
        let name = self.org.clone().or_else(|| self.title.as_ref().and_then(|t| t.org.clone()))?;
        let cleaned = name.replace("自治区", "").replace("自治州", "").replace("地区", "");
        ["县", "区", "旗", "乡", "镇", "街道"].iter().any(|w| cleaned.contains(w)).then_some(name)
    }
}

/// "2024年，…" / "2024年以来…" / "2024年度…": the year stands for the reporting year.
pub fn dates_the_year(src: &str, span: Span) -> bool {
    let after = src.get(span.end..).unwrap_or("");
    let after = after.trim_start_matches([' ', '\u{3000}']);
    ["，", ",", "度", "以来", "全年", "里", "内", "中，", "中,"].iter().any(|p| after.starts_with(p))
}

pub fn body_kind(org: &str) -> Option<BodyKind> {
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
