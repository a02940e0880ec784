//! Document → Report: sections, title, year, format version and the three tables by label.

pub mod consistency;
pub mod keys;
pub mod labels;
pub mod meta;
pub mod query;
pub mod read;
mod region;
mod relines;
pub mod runs;
mod sections;
mod tables;

use crate::parse::{Document, Value};
use crate::span::Span;
use crate::text::{Mode, Norm, NormPart, Ordinal};
pub use keys::{CellKey, RowKey, T2Col, T2Row, T3Col, T3Row, T4Col, TableId};
use serde::Serialize;
use std::sync::Arc;

/// The two official layouts: 国办公开办函〔2019〕60号 (试行) and 〔2021〕30号.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Format {
    #[serde(rename = "2019")]
    V2019,
    #[serde(rename = "2021")]
    V2021,
    #[serde(rename = "unknown")]
    Unknown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::V2019 => "2019",
            Format::V2021 => "2021",
            Format::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// One of the six statutory sections, found by its heading.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    /// 1..=6: 总体情况 … 其他需要报告的事项.
    pub canonical: u8,
    /// The ordinal as written ("一、", "1、"), empty when the heading has none.
    pub ordinal: String,
    #[serde(skip)]
    pub ordinal_parsed: Option<Ordinal>,
    /// The heading text after the ordinal.
    pub title: String,
    /// Recognised only through a variant title (not the canonical one).
    pub variant: bool,
    /// The heading line.
    pub span: Span,
    /// From the end of the heading to the next section heading (or the end of the text).
    #[serde(skip)]
    pub body: Span,
}

/// Any numbered heading in the prose (outside tables): for the numbering rules.
#[derive(Clone, Debug)]
pub struct Heading {
    pub span: Span,
    pub ordinal: Ordinal,
    /// The ordinal as written, with its span.
    pub ordinal_span: Span,
    /// Normalised text after the ordinal.
    pub body: String,
    /// Index into `Report::sections` of the section this heading is in (or starts).
    pub section: Option<usize>,
}

/// A prose paragraph (a text line outside the tables) and the section it belongs to.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    /// Index into `Report::sections`.
    pub section: Option<usize>,
    /// The line is a heading (numbered or a section title).
    pub heading: bool,
    /// Index of its line in `doc.lines` (and in `Report::line_prose`).
    pub line: usize,
}

/// Every line normalised for prose matching (`Mode::Prose`), in one `Norm`: one text and one map
/// for the whole report instead of an allocation or three per line. Sentences are parts of it too.
#[derive(Debug, Default)]
pub struct LineProse {
    norm: Arc<Norm>,
    lines: Vec<LinePart>,
}

/// A line's part of `LineProse::norm`.
#[derive(Clone, Copy, Debug)]
struct LinePart {
    from: u32,
    to: u32,
    /// The original end of the line's text (an empty range at the end maps there).
    end: u32,
}

impl LineProse {
    /// The normalised text of line `i` of `doc.lines` (empty for blank and noise lines, tables'
    /// number rows and lines past the end).
    pub fn line(&self, i: usize) -> NormPart<'_> {
        let l = self.lines.get(i).copied().unwrap_or(LinePart { from: 0, to: 0, end: 0 });
        self.norm.part_ending(l.from as usize, l.to as usize, l.end as usize)
    }

    /// Every line's normalised text, in order.
    pub fn iter(&self) -> impl Iterator<Item = NormPart<'_>> {
        (0..self.lines.len()).map(|i| self.line(i))
    }
}

/// A sentence of prose with its normalised text, made once per report for all the prose rules.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// The normalised text of all lines (`Report::line_prose`), shared rather than copied: the
    /// sentence is the part `[start, end)` of it.
    norm: Arc<Norm>,
    start: u32,
    end: u32,
    /// Canonical section number 1..=6 of the paragraph.
    pub section: Option<u8>,
    /// The year tokens of the normalised text, found once for the many year rules.
    pub years: Vec<crate::text::YearToken>,
}

impl Sentence {
    /// Width-folded text without blanks (`Mode::Prose`).
    pub fn text(&self) -> &str {
        &self.norm.text[self.start as usize..self.end as usize]
    }

    /// Original span of normalised bytes `[s, e)` of `text()`.
    pub fn span_of(&self, s: usize, e: usize) -> Span {
        self.norm.part(self.start as usize, self.end as usize).span(s, e)
    }
}

/// A recognised numeric table cell.
#[derive(Clone, Debug)]
pub struct TableCell {
    pub key: CellKey,
    /// The cell text as written.
    pub raw: String,
    pub value: Value,
    /// The cell's text; an empty span at the cell's place when the cell is blank.
    pub span: Span,
    /// The row's label as written (for messages), if the row had one.
    pub row_label: Option<Span>,
}

/// A table row that was found, with the number of values it had.
#[derive(Clone, Debug)]
pub struct RowInfo {
    pub key: RowKey,
    pub label: Option<Span>,
    /// Span of the whole row (label and values).
    pub span: Span,
    pub found: usize,
    pub expected: usize,
    /// Values beyond the expected width (not turned into cells).
    pub extra: Vec<Span>,
    /// The row had this many single-digit values, more than its width, and rejoining neighbours in
    /// exactly one way made its total add up: the cells are the rejoined values.
    pub rejoined: Option<usize>,
}

impl RowInfo {
    /// Where to point at the row: its label, else the whole row.
    pub fn point(&self) -> Span {
        self.label.unwrap_or(self.span)
    }
}

/// What the parser learned about one table.
#[derive(Clone, Debug)]
pub struct TableInfo {
    pub id: TableId,
    /// From the table's first label to its last value.
    pub span: Span,
    pub rows: Vec<RowInfo>,
    /// Column header labels seen (normalised text, span).
    pub headers: Vec<(String, Span)>,
    /// T3: the header note "本列数据的勾稽关系为…" is present.
    pub has_note: bool,
    /// Rows with values whose label is not in the dictionary (subtotals, extra rows).
    pub unknown_rows: Vec<(String, Span)>,
    /// Cells the table should have in the detected format, and how many were found.
    pub expected_cells: usize,
    pub found_cells: usize,
    /// Data rows the table has in the detected format (T4: its one row).
    pub expected_rows: usize,
    /// Why some rows' figures could not be placed in their columns, if they could not.
    pub unplaced: Option<Unplaced>,
    /// Some row's figures arrived run together and were cut into cells by the table's equalities.
    pub recut: bool,
    /// T4 whose figures could not be placed in their columns: every reading of its row that adds up
    /// (empty when it was read cell by cell, or when the readings are too many to list).
    pub readings: Vec<Vec<i64>>,
    /// Rows that lost their blank cells and add up in no placement of their figures (T3: a row
    /// total; T4: its group totals).
    pub unfit_rows: Vec<UnfitRow>,
}

/// A row whose figures could not be placed in their columns (the copy lost its blank cells or ran
/// them together), and whose total is wrong whichever columns they stand in ("3 1": 3 ≠ 1 and
/// 3 + 1 ≠ 0).
#[derive(Clone, Debug)]
pub struct UnfitRow {
    pub key: RowKey,
    pub label: Option<Span>,
    /// From the first figure to the last.
    pub figures: Span,
}

/// Why a table's figures could not be placed in their columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unplaced {
    /// Figures run together ("801000081") that no one cut fits.
    RunTogether,
    /// Rows with fewer figures than columns: the copy dropped the blank cells.
    BlanksLost,
}

/// Where the report year came from (rules.md §4.7 N-YEAR-DETECT).
#[derive(Clone, Debug, Default)]
pub struct YearEvidence {
    pub title: Option<(i32, Span)>,
    pub period: Option<(i32, Span)>,
    pub first_sentence: Option<(i32, Span)>,
    /// The first sentence opens with its year ("2024年，…"): it dates the report, not an event.
    pub first_sentence_dates: bool,
}

impl YearEvidence {
    /// The places that state the report year, by name: 标题, 统计期限, 第一部分首句.
    pub fn sources(&self) -> Vec<(&'static str, i32, Span)> {
        let opening = self.first_sentence.filter(|_| self.first_sentence_dates);
        [("标题", self.title), ("统计期限", self.period), ("第一部分首句", opening)]
            .into_iter()
            .filter_map(|(name, e)| e.map(|(y, s)| (name, y, s)))
            .collect()
    }

    /// The year most of the sources state; on a tie the earlier source (the title) decides. A title
    /// left over from last year's report is outvoted by a period and an opening that agree.
    pub fn weighed(&self) -> Option<i32> {
        let sources = self.sources();
        let votes = |y: i32| sources.iter().filter(|s| s.1 == y).count();
        sources.iter().map(|s| s.1).fold(None, |best, y| match best {
            Some(b) if votes(b) >= votes(y) => Some(b),
            _ => Some(y),
        })
    }
}

/// The document title line.
#[derive(Clone, Debug)]
pub struct Title {
    pub span: Span,
    pub text: String,
    pub year: Option<i32>,
    pub org: Option<String>,
    /// Matches "…年(度)?政府信息公开工作(的)?年度报告".
    pub standard: bool,
}

/// A label that belongs to one format only, as evidence for the format version.
#[derive(Clone, Debug)]
pub struct FormatLabel {
    pub format: Format,
    pub label: &'static str,
    pub span: Span,
}

/// The report as the rules see it. Spans index `doc.src`.
pub struct Report<'a> {
    pub doc: Document<'a>,
    pub title: Option<Title>,
    pub org: Option<String>,
    pub year: Option<i32>,
    pub year_evidence: YearEvidence,
    pub format: Format,
    pub format_labels: Vec<FormatLabel>,
    pub sections: Vec<Section>,
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    /// Every line normalised for prose matching (`Mode::Prose`; empty for blank and noise lines).
    pub line_prose: LineProse,
    /// Sentences of the prose paragraphs that are not headings, in order.
    pub prose_sentences: Vec<Sentence>,
    pub tables: Vec<TableInfo>,
    pub cells: Vec<TableCell>,
    /// Index of `cells` by key, for the many lookups of the table rules.
    cell_index: Vec<u32>,
    /// The publication or signature date and where it is written.
    pub pub_date: Option<(Date, Span)>,
    /// The date under the signature at the end (a saved portal page's 发布时间 is `pub_date` then).
    pub signed: Option<(Date, Span)>,
    /// How much of T2, T3 and T4 was read.
    reads: [read::TableRead; 3],
}

impl<'a> Report<'a> {
    pub fn build(src: &'a str) -> Report<'a> {
        Report::from_document(Document::parse(src))
    }

    /// The report of an HTML input's visible text, its table rows known from the markup.
    /// A whole saved page is cut down to the report's own region first.
    pub fn build_visible(visible: &'a crate::input::html::Visible) -> Report<'a> {
        let mut doc = Document::parse_with_rows(&visible.text, &visible.rows);
        region::restrict(&mut doc, &visible.blocks);
        Report::from_document(doc)
    }

    pub fn from_document(mut doc: Document<'a>) -> Report<'a> {
        relines::reline(&mut doc);
        // Every cell's label text, normalised once for all the dictionary lookups.
        // Labels are short: of a long prose line only the start is kept (anchors and headings are there).
        let label_of = |span: Span| {
            let t = doc.text(span);
            let cut = t.char_indices().nth(80).map_or(t.len(), |(i, _)| i);
            crate::text::label_cow(&t[..cut])
        };
        let norms: Vec<Vec<std::borrow::Cow<str>>> =
            doc.lines.iter().map(|l| l.cells.iter().map(|c| label_of(c.span)).collect()).collect();
        let format_labels = meta::format_labels(&doc, &norms);
        let (tables, cells) = tables::extract(&doc, &norms, meta::format_from_labels(&format_labels));
        // Not needed any more: freed before the prose is normalised, which lowers the peak.
        drop(norms);
        let in_table = |span: Span| tables.iter().any(|t| t.span.contains(span));
        let (sections, headings, paragraphs) = sections::find(&doc, &in_table);
        let mut report = Report {
            doc,
            title: None,
            org: None,
            year: None,
            year_evidence: YearEvidence::default(),
            format: Format::Unknown,
            format_labels,
            sections,
            headings,
            paragraphs,
            line_prose: LineProse::default(),
            prose_sentences: Vec::new(),
            tables,
            cell_index: vec![u32::MAX; CellKey::COUNT],
            cells,
            pub_date: None,
            signed: None,
            reads: [read::TableRead { found: 0, expected: 0, state: read::ReadState::Absent }; 3],
        };
        report.line_prose = report.normalise_lines();
        report.prose_sentences = report.split_prose();
        meta::fill(&mut report);
        report.reads = read::assess(&report);
        // The first cell of a key wins, as a linear search would find it.
        for (i, c) in report.cells.iter().enumerate().rev() {
            report.cell_index[c.key.index()] = i as u32;
        }
        report
    }

    /// Normalises every line for prose matching into one text.
    fn normalise_lines(&self) -> LineProse {
        let mut norm = Norm::default();
        let lines = self
            .doc
            .lines
            .iter()
            .map(|l| {
                let span = crate::parse::trim_span(self.doc.src, l.span);
                let t = self.text(span);
                let at = norm.text.len() as u32;
                // Blank lines and bare numbers (most table lines) have no prose to match.
                if l.empty || l.noise || t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'\t')) {
                    LinePart { from: at, to: at, end: span.end as u32 }
                } else {
                    let part = norm.append(t, span.start, Mode::Prose);
                    LinePart { from: part.start as u32, to: part.end as u32, end: span.end as u32 }
                }
            })
            .collect();
        norm.shrink_to_fit();
        LineProse { norm: Arc::new(norm), lines }
    }

    /// Splits the prose after 。！？； into sentences: parts of the normalised text, so that nothing
    /// is normalised or copied twice. A paragraph hard-wrapped into lines (PDF and OCR copies: a full
    /// line that does not end a sentence, then its continuation) is split as one.
    fn split_prose(&self) -> Vec<Sentence> {
        let full = self.full_line_chars(&self.prose().collect::<Vec<_>>());
        // A numbered line that fills the width and runs on ("（一）主动公开：2024年，我局…主动公开政" /
        // "府信息628条。") is the start of a paragraph, not a heading: it joins its run.
        let all: Vec<&Paragraph> = self.paragraphs.iter().collect();
        let prose: Vec<&Paragraph> = all
            .iter()
            .enumerate()
            .filter(|(i, p)| !p.heading || all.get(i + 1).is_some_and(|n| self.wraps_into(p, n, full)))
            .map(|(_, p)| *p)
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < prose.len() {
            let first = prose[i];
            let mut last = i;
            while last + 1 < prose.len() && self.wraps_into(prose[last], prose[last + 1], full) {
                last += 1;
            }
            let section = first.section.and_then(|s| self.sections.get(s)).map(|s| s.canonical);
            let (lp, lines) = (&self.line_prose, &self.line_prose.lines);
            let from = lines.get(first.line).map_or(0, |l| l.from) as usize;
            let end_line = lines.get(prose[last].line).copied().unwrap_or(LinePart { from: 0, to: 0, end: 0 });
            let run = lp.norm.part_ending(from, end_line.to as usize, end_line.end as usize);
            let t = run.text();
            let mut start = 0;
            let ends =
                t.char_indices().filter(|(_, c)| matches!(c, '。' | '!' | '?' | ';')).map(|(i, c)| i + c.len_utf8());
            for end in ends.chain(std::iter::once(t.len())) {
                if end > start {
                    out.push(Sentence {
                        span: run.span(start, end),
                        norm: lp.norm.clone(),
                        start: (from + start) as u32,
                        end: (from + end) as u32,
                        section,
                        years: crate::text::find_years(&t[start..end]),
                    });
                }
                start = end;
            }
            i = last + 1;
        }
        out
    }

    /// The length (in characters) of a full line when the prose is hard-wrapped: nine in ten prose
    /// lines are no longer. Word and web copies, one paragraph per line, have no such width.
    fn full_line_chars(&self, prose: &[&Paragraph]) -> usize {
        let mut lens: Vec<usize> = prose.iter().map(|p| self.line_prose.line(p.line).text().chars().count()).collect();
        crate::sort::sort(&mut lens);
        lens.get(lens.len() * 9 / 10).copied().unwrap_or(0)
    }

    /// Paragraph `b` continues `a`: the next line (only noise between), same part, neither a part
    /// heading nor `b` a heading, `a` fills the line and does not end a sentence, `b` does not start
    /// an item of its own.
    fn wraps_into(&self, a: &Paragraph, b: &Paragraph, full: usize) -> bool {
        let lines = &self.line_prose.lines;
        let (Some(la), Some(lb)) = (lines.get(a.line), lines.get(b.line)) else { return false };
        let between = (a.line + 1..b.line).all(|i| self.doc.lines.get(i).is_some_and(|l| l.noise));
        let ta = self.line_prose.line(a.line).text();
        let tb = self.line_prose.line(b.line).text();
        let n = ta.chars().count();
        // A figure is never the last word of a paragraph: "…结转的 1" / "件申请已于…" is one sentence
        // however short the line (OCR copies break lines early).
        let figure_then_unit = ta.ends_with(|c: char| c.is_ascii_digit()) && tb.starts_with(FIGURE_UNITS);
        let part_heading = a.heading && self.sections.iter().any(|s| s.span.start == a.span.start);
        between
            && la.to == lb.from
            && a.section == b.section
            && !part_heading
            && !b.heading
            && full >= 12
            && (n * 5 >= full * 4 || figure_then_unit)
            && !ta.ends_with(['。', '!', '?', ';', ':', '”', '’', ')', '》'])
            && !starts_item(tb)
    }

    pub fn src(&self) -> &'a str {
        self.doc.src
    }

    pub fn text(&self, span: Span) -> &'a str {
        &self.doc.src[span.range()]
    }

    pub fn table(&self, id: TableId) -> Option<&TableInfo> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// Where to point at a table as a whole: its first cell (caption, note or first label).
    pub fn table_head(&self, t: &TableInfo) -> Span {
        let cells = self.doc.lines.iter().filter(|l| l.span.end > t.span.start).flat_map(|l| &l.cells);
        cells.map(|c| c.span).find(|c| !c.is_empty() && c.start >= t.span.start).unwrap_or(t.span)
    }

    /// How much of a table was read (see `read`).
    pub fn read(&self, id: TableId) -> read::TableRead {
        self.reads[id as usize]
    }

    /// The canonical parts (1..=6) found, each once.
    pub fn parts_found(&self) -> usize {
        (1..=6u8).filter(|c| self.section(*c).is_some()).count()
    }

    /// The text reads as an annual report: a report title, a reporting-period sentence (统计期限…),
    /// at least two of the six parts, a table of the format, or one part in a text dated by its opening
    /// sentence (an excerpt). Anything else (a notice, an unrelated page) is not checked as one.
    pub fn recognised(&self) -> bool {
        let parts = self.parts_found();
        let ev = &self.year_evidence;
        self.title.is_some()
            || ev.period.is_some()
            || parts >= 2
            || (parts == 1 && ev.first_sentence.is_some())
            || self.tables.iter().any(|t| t.found_cells >= 10)
    }

    /// The text ends at `at` as far as the report goes: no part heading and no table after it, and
    /// nothing after it but blanks and page noise, or at least no signature date (an excerpt cut
    /// off there, not a report that left something out).
    pub fn ends_within(&self, at: usize) -> bool {
        if self.sections.iter().any(|s| s.span.start >= at) || self.tables.iter().any(|t| t.span.start >= at) {
            return false;
        }
        let nothing_after = self.doc.lines.iter().filter(|l| l.span.start >= at).all(|l| {
            l.noise
                || l.empty
                || self.text(l.span).chars().all(|c| crate::text::is_space(c) || crate::text::is_invisible(c))
        });
        nothing_after || self.pub_date.as_ref().is_none_or(|(_, s)| s.start < at)
    }

    pub fn cell(&self, key: CellKey) -> Option<&TableCell> {
        self.cells.get(self.cell_index[key.index()] as usize)
    }

    /// The section with canonical number 1..=6, if found.
    pub fn section(&self, canonical: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.canonical == canonical)
    }

    /// Every prose paragraph that is not a heading.
    pub fn prose(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| !p.heading)
    }

    /// Canonical number of the section a span lies in.
    pub fn section_of(&self, span: Span) -> Option<u8> {
        self.sections.iter().find(|s| s.span.cover(s.body).contains(span)).map(|s| s.canonical)
    }

    /// The prose-normalised text of a paragraph.
    pub fn paragraph_norm(&self, p: &Paragraph) -> NormPart<'_> {
        self.line_prose.line(p.line)
    }
}

/// Units that follow a figure in the prose (件, 条, …), so a line opening with one continues the
/// figure the line before ended with.
const FIGURE_UNITS: [char; 12] = ['件', '条', '个', '次', '项', '篇', '期', '场', '人', '家', '份', '%'];

/// A line that starts an item of its own: 一、 （一） 1. 1、 一是 (the next line of a wrapped
/// paragraph never does).
fn starts_item(t: &str) -> bool {
    let mut chars = t.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some('('), _) => true,
        (Some(c), Some(n)) if crate::text::is_hanzi_digit(c) => matches!(n, '、' | '是' | '.'),
        (Some(c), Some(n)) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|x: char| x.is_ascii_digit());
            rest.starts_with(['、', '.']) && !rest.starts_with(".0") && n != '年'
        }
        _ => false,
    }
}
