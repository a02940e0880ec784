//! 年报体检 — a checker for 政府信息公开工作年度报告.
//!
//! One pipeline, one direction: bytes → text (`input`) → Document (`parse`) → Report (`report`)
//! → findings (`rules`) → views (`output`, the web app). `check` is the single entry point shared by
//! the CLI, the web app and the JS API.

pub mod batch;
pub mod diag;
#[cfg(feature = "embed")]
pub mod embed;
pub mod hash;
pub mod input;
pub mod output;
pub mod parse;
pub mod report;
pub mod rules;
pub mod sort;
pub mod span;
pub mod text;
#[cfg(feature = "web")]
pub mod web;

use diag::Finding;
use input::InputKind;
use report::{Date, Report};
use serde::Serialize;
use span::Span;

/// Options of a check.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Last year's report of the same body (text or HTML), for the year-over-year rules.
    pub previous: Option<String>,
    /// Today's date, for "no date after today"; `None` skips that part.
    pub today: Option<Date>,
}

/// A section as reported in the JSON output.
#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    pub ordinal: String,
    pub title: String,
    pub canonical: u8,
    pub span: Span,
}

/// A recognised table cell as reported in the JSON output: `{"table","row","col","raw","value","span"}`.
#[derive(Clone, Debug, Serialize)]
pub struct CellView {
    #[serde(flatten)]
    pub key: report::CellKey,
    pub raw: String,
    #[serde(serialize_with = "integral_as_integer")]
    pub value: Option<f64>,
    pub span: Span,
}

/// Counts are whole numbers: write `3`, not `3.0` (the fee in 万元 keeps its decimals).
fn integral_as_integer<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// What the checker recognised (contract.md §2 `report`).
#[derive(Clone, Debug, Serialize)]
pub struct ReportView {
    pub title: Option<String>,
    pub org: Option<String>,
    pub year: Option<i32>,
    pub format: report::Format,
    pub sections: Vec<SectionView>,
    pub cells: Vec<CellView>,
    /// What was read: the parts found and the cells of each table (an addition to contract.md v1).
    pub coverage: Coverage,
    /// The input reads as an annual report (title, parts or tables); when it does not, nothing was
    /// checked and no view may call it free of problems.
    pub recognised: bool,
}

/// What the checker read of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Distinct parts of the six found.
    pub sections: usize,
    pub tables: TablesRead,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[allow(non_snake_case)]
pub struct TablesRead {
    pub T2: Cells,
    pub T3: Cells,
    pub T4: Cells,
}

/// Cells read of a table, and cells it has in the detected format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Cells {
    pub found: usize,
    pub expected: usize,
}

/// The result of checking one input. Spans index the input as given (for HTML: the markup), or the
/// extracted `text` of a file.
#[derive(Clone, Debug, Serialize)]
pub struct Checked {
    pub input: InputKind,
    pub report: ReportView,
    pub findings: Vec<Finding>,
    /// The text extracted from a file (.docx, .doc, .pdf), which the spans index; `None` for text
    /// and HTML input, whose spans index the input itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For HTML input: its visible text and the map from it to the markup (what the views show).
    #[serde(skip)]
    pub visible: Option<input::html::Visible>,
}

impl Checked {
    /// Findings of this severity still open: those marked 已核实 are listed but not counted.
    pub fn count(&self, severity: diag::Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity && f.verified.is_none()).count()
    }
}

/// Checks one report given as text or HTML (recognised by content). Spans index the input as
/// given (for HTML: the markup).
pub fn check(input: &str, options: &Options) -> Checked {
    match InputKind::detect(input) {
        InputKind::Html => check_html(input, InputKind::Html, options),
        kind => check_text(input, kind, options),
    }
}

/// Checks a report read from a file (.docx, .doc, .pdf): the reader gives it as simple HTML
/// (paragraphs and tables with their merges), and spans index the extracted text, which the result
/// carries in `text` so that views can show it.
pub fn check_extracted(html: &str, kind: InputKind, options: &Options) -> Checked {
    let visible = input::html::to_visible(html);
    let mut checked = check_report(Report::build_visible(&visible), kind, options);
    checked.text = Some(visible.text);
    checked
}

fn check_html(markup: &str, kind: InputKind, options: &Options) -> Checked {
    let visible = input::html::to_visible(markup);
    let mut checked = check_report(Report::build_visible(&visible), kind, options);
    checked.map_to_source(markup, &visible);
    checked.visible = Some(visible);
    checked
}

/// Checks text; spans index `text`.
fn check_text(text: &str, kind: InputKind, options: &Options) -> Checked {
    check_report(Report::build(text), kind, options)
}

fn check_report(report: Report, kind: InputKind, options: &Options) -> Checked {
    let prev_visible =
        options.previous.as_deref().filter(|p| InputKind::detect(p) == InputKind::Html).map(input::html::to_visible);
    let previous = match (&prev_visible, options.previous.as_deref()) {
        (Some(v), _) => Some(Report::build_visible(v)),
        (None, Some(p)) => Some(Report::build(p)),
        (None, None) => None,
    };
    let ctx = rules::Context { report: &report, previous: previous.as_ref(), today: options.today };
    let mut findings = rules::run_all(&ctx);
    let view = ReportView {
        title: report.title.as_ref().map(|t| t.text.clone()),
        org: report.org.clone(),
        year: report.year,
        format: report.format,
        sections: report
            .sections
            .iter()
            .map(|s| SectionView {
                ordinal: s.ordinal.clone(),
                title: s.title.clone(),
                canonical: s.canonical,
                span: s.span,
            })
            .collect(),
        cells: report
            .cells
            .iter()
            .map(|c| CellView { key: c.key, raw: c.raw.clone(), value: c.value.number(), span: c.span })
            .collect(),
        coverage: coverage(&report),
        recognised: report.recognised(),
    };
    if let Some(v) = &prev_visible {
        for r in findings.iter_mut().flat_map(|f| f.related.iter_mut()) {
            r.previous = v.to_source(r.previous);
        }
    }
    Checked { input: kind, report: view, findings, text: None, visible: None }
}

fn coverage(r: &Report) -> Coverage {
    let cells = |id| {
        let read = r.read(id);
        Cells { found: read.found, expected: read.expected }
    };
    use report::TableId::{T2, T3, T4};
    Coverage { sections: r.parts_found(), tables: TablesRead { T2: cells(T2), T3: cells(T3), T4: cells(T4) } }
}

impl Checked {
    /// Maps every span from the visible text of an HTML input to its markup. A fix stays only where
    /// its words stand in the markup as they are seen (no tag or entity inside them).
    fn map_to_source(&mut self, markup: &str, v: &input::html::Visible) {
        for f in &mut self.findings {
            f.span = v.to_source(f.span);
            f.fix = f.fix.take().and_then(|x| {
                let span = v.to_source(x.span);
                (markup.get(span.range()) == v.text.get(x.span.range())).then_some(diag::Fix { span, ..x })
            });
            for r in &mut f.related {
                r.span = v.to_source(r.span);
            }
        }
        for s in &mut self.report.sections {
            s.span = v.to_source(s.span);
        }
        for c in &mut self.report.cells {
            c.span = v.to_source(c.span);
        }
    }
}
