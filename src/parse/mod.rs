//! Text → Document: lines split into cells, whatever layout the report was pasted in.
//!
//! Word/WPS copies put each table cell on its own (often tab-indented) line; web copies put a row on
//! a line with tabs between cells; PDF copies separate numbers by spaces; Markdown uses pipes. HTML
//! arrives here already turned into tab-separated lines (see `input::html`). Everything downstream
//! works on these cells and never on raw positions, so one missing number shifts nothing.

pub mod numbers;

use crate::input::html::GridRow;
use crate::span::Span;
pub use numbers::{parse_value, Value};

/// A cell of a line: the trimmed text span (empty span for an empty cell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Line {
    /// The whole line without its line break.
    pub span: Span,
    pub cells: Vec<Cell>,
    /// Nothing at all on the line (not even a tab): a row or paragraph separator.
    pub empty: bool,
    /// The line was split into several cells (tabs, pipes or space-separated values).
    pub multi: bool,
    /// The cells were separated by tabs or pipes: a table row, never prose.
    pub tabular: bool,
    /// Page footer, page number or Markdown rule: not part of the report.
    pub noise: bool,
}

/// The report as lines of cells, with the text they point into.
pub struct Document<'a> {
    pub src: &'a str,
    pub lines: Vec<Line>,
}

impl<'a> Document<'a> {
    pub fn parse(src: &'a str) -> Document<'a> {
        Document::parse_with_rows(src, &[])
    }

    /// Parses text whose table rows are known from its structure (HTML and the files read as HTML):
    /// those lines take their cells from `rows` exactly — blank cells and all-blank rows included —
    /// instead of being split again; every other line is split by the text heuristics.
    pub fn parse_with_rows(src: &'a str, rows: &[GridRow]) -> Document<'a> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut next_row = rows.iter().peekable();
        for piece in src.split_inclusive('\n') {
            let end = start + piece.len();
            let body = Span::new(start, start + piece.trim_end_matches(['\n', '\r']).len());
            while next_row.next_if(|r| r.line.start < body.start).is_some() {}
            match next_row.next_if(|r| r.line == body) {
                Some(row) => lines.push(grid_line(src, row)),
                None => lines.push(split_line(src, body)),
            }
            start = end;
        }
        if rows.is_empty() {
            lines = word_rows(src, lines);
        }
        Document { src, lines }
    }

    pub fn text(&self, span: Span) -> &'a str {
        &self.src[span.range()]
    }

    /// The single text of a one-cell line, if it is one.
    pub fn line_text(&self, line: &Line) -> &'a str {
        self.text(line.span).trim()
    }
}

fn is_blank(c: char) -> bool {
    crate::text::is_space(c) || crate::text::is_invisible(c)
}

/// A cell's text without Markdown markup around it: an ATX heading's `#` marks (`## 一、总体情况`),
/// closing `#`s, and emphasis (`**（七）总计**`), as converters and writing assistants write them.
fn trim_markup(src: &str, span: Span) -> Span {
    let mut span = trim_span(src, span);
    let s = &src[span.range()];
    let hashes = s.len() - s.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && s.len() > hashes {
        span = trim_span(src, Span::new(span.start + hashes, span.end));
        let s = &src[span.range()];
        let closing = s.trim_end_matches('#');
        if closing.len() < s.len() && closing.ends_with(is_blank) {
            span = trim_span(src, Span::new(span.start, span.start + closing.len()));
        }
    }
    for mark in ["**", "__"] {
        let s = &src[span.range()];
        if s.len() > 2 * mark.len() && s.starts_with(mark) && s.ends_with(mark) {
            span = trim_span(src, Span::new(span.start + mark.len(), span.end - mark.len()));
        }
    }
    span
}

/// Trims blanks (incl. full-width and invisible) from a span.
pub fn trim_span(src: &str, span: Span) -> Span {
    let s = &src[span.range()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let trail = s.len() - s.trim_end_matches(is_blank).len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// A Word/WPS table copied as text puts every cell on a line of its own, indented by a tab, and
/// separates the rows by an empty line: `\t（二）部分公开…\n\t0\n…\n\n`. Each such block of two or
/// more cell lines becomes one row of cells, so that blank cells (`\t` alone) keep their place — a
/// row whose first cells are blank is not shifted. Blocks of prose (long lines, sentences) are left
/// alone, and so are copies that put an empty line after every cell (no rows to see).
fn word_rows(src: &str, lines: Vec<Line>) -> Vec<Line> {
    let is_cell = |l: &Line| {
        let raw = &src[l.span.range()];
        raw.starts_with('\t') && !l.noise && raw.chars().count() <= 80 && !raw.trim_end().ends_with('。')
    };
    if lines.iter().filter(|l| is_cell(l)).count() < 10 {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..].iter().take_while(|l| is_cell(l) && l.cells.len() == 1).count();
        let bounded = |at: usize| lines.get(at).is_none_or(|l| l.empty || !src[l.span.range()].starts_with('\t'));
        let values = lines[i..i + run].iter().any(|l| is_value_cell(&src[l.cells[0].span.range()]));
        if run >= 2 && values && (i == 0 || bounded(i - 1)) && bounded(i + run) {
            let block = &lines[i..i + run];
            out.push(Line {
                span: Span::new(block[0].span.start, block[run - 1].span.end),
                cells: block.iter().map(|l| l.cells[0]).collect(),
                empty: false,
                multi: true,
                tabular: true,
                noise: false,
            });
            i += run;
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

/// A number, a placeholder or nothing: what a table's value cell holds.
fn is_value_cell(text: &str) -> bool {
    text.trim().is_empty() || matches!(parse_value(text), Value::Number { .. } | Value::Placeholder)
}

/// A table row known from the structure: one cell per grid cell, trimmed.
fn grid_line(src: &str, row: &GridRow) -> Line {
    let cells: Vec<Cell> = row.cells.iter().map(|c| Cell { span: trim_span(src, *c) }).collect();
    let content = cells.iter().filter(|c| !c.span.is_empty()).count();
    Line {
        span: row.line,
        multi: cells.len() > 1,
        tabular: cells.len() > 1,
        noise: false,
        empty: false,
        cells: if content == 0 && cells.len() <= 1 {
            vec![Cell { span: Span::new(row.line.start, row.line.start) }]
        } else {
            cells
        },
    }
}

/// Splits a line into cells. Most lines are one cell: their `cells` are allocated for exactly one
/// (a `Vec` grown by `push` holds four), which keeps a large document's lines small.
fn split_line(src: &str, span: Span) -> Line {
    let s = &src[span.range()];
    let mut line = Line { span, cells: Vec::new(), empty: s.is_empty(), multi: false, tabular: false, noise: false };
    if s.is_empty() {
        return line;
    }
    let content = trim_markup(src, span);
    let tabs = |t: &str| t.bytes().filter(|b| *b == b'\t').count();
    let blank = |at: usize| Cell { span: Span::new(at, at) };
    if content.is_empty() {
        // A tab- or space-only line: an empty cell in a Word copy; tabs between blank cells in a
        // web copy of a row left blank (T4 with no cases: 14 tabs, 15 cells).
        let n = tabs(s);
        if n >= 2 {
            line.cells = (0..=n).map(|_| blank(span.start)).collect();
            line.multi = true;
            line.tabular = true;
        } else {
            line.cells = vec![blank(span.start)];
        }
        return line;
    }
    let text = &src[content.range()];
    if is_noise(text) {
        line.noise = true;
        return line;
    }
    // A label followed by tabs alone: a web copy of a row whose cells are all blank
    // ("一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t": the label and seven blanks).
    let trailing = tabs(&src[content.end..span.end]);
    let blank_row = trailing >= 2 && text.chars().count() <= 80 && !text.contains('。');
    if text.contains('\t') || blank_row {
        line.multi = true;
        line.tabular = true;
        let mut at = content.start;
        for part in text.split('\t') {
            line.cells.push(Cell { span: trim_markup(src, Span::new(at, at + part.len())) });
            at += part.len() + 1;
        }
        if blank_row && line.cells.last().is_some_and(|c| !is_value_cell(&src[c.span.range()])) {
            line.cells.extend((0..trailing).map(|_| blank(content.end)));
            return line;
        }
        // A row of figures alone that starts or ends in blank cells ("\t\t2\t\t\t2\t\t"): the outer
        // tabs are those cells, not padding (a web copy of a label-less T4 whose zeros were left blank).
        if line.cells.iter().all(|c| is_value_cell(&src[c.span.range()])) {
            let (lead, trail) = (tabs(&src[span.start..content.start]), tabs(&src[content.end..span.end]));
            line.cells.splice(0..0, (0..lead).map(|_| blank(content.start)));
            line.cells.extend((0..trail).map(|_| blank(content.end)));
        }
        return line;
    }
    // Markdown pipes, with or without the outer pipes.
    if text.len() > 1 && (text.starts_with('|') || text.ends_with('|') || text.matches('|').count() >= 2) {
        let lead = usize::from(text.starts_with('|'));
        let inner_start = content.start + lead;
        let inner = &text[lead..];
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let mut at = inner_start;
        for part in inner.split('|') {
            line.cells.push(Cell { span: trim_markup(src, Span::new(at, at + part.len())) });
            at += part.len() + 1;
        }
        line.multi = line.cells.len() > 1;
        line.tabular = line.multi;
        return line;
    }
    // Space-separated trailing values: "行政许可 97", "0 0 0 0 0 0 0".
    if !text.contains(is_blank) {
        line.cells = vec![Cell { span: content }];
        return line;
    }
    let tokens = space_tokens(text, content.start);
    // A last cell in words after figures ("0 0 0 0 0 0 详见附件") is one of the row's values, also
    // when OCR put a blank inside it ("见附 件"): the tokens it takes, joined.
    let n = tokens.len();
    let worded = (1..=3.min(n.saturating_sub(2)))
        .find(|&w| {
            let joined: String = tokens[n - w..].iter().map(|t| &src[t.range()]).collect();
            numbers::is_worded_value(&joined) && numbers::is_value_token(&src[tokens[n - w - 1].range()])
        })
        .unwrap_or(0);
    let mut tokens = tokens;
    if worded > 1 {
        let joined = tokens[n - worded].cover(tokens[n - 1]);
        tokens.truncate(n - worded);
        tokens.push(joined);
    }
    let worded = worded.min(1);
    let values =
        worded + tokens.iter().rev().skip(worded).take_while(|t| numbers::is_value_token(&src[t.range()])).count();
    let prefix_ok = values < tokens.len() || values >= 2;
    if values >= 1 && tokens.len() >= 2 && prefix_ok {
        let label_tokens = tokens.len() - values;
        if label_tokens > 0 {
            let label = Span::new(tokens[0].start, tokens[label_tokens - 1].end);
            let label_text = &src[label.range()];
            // "截至 2024 年 12 月 31" style prose is not a label followed by values.
            if label_text.ends_with(|c: char| c.is_ascii_digit()) {
                line.cells = vec![Cell { span: content }];
                return line;
            }
            line.cells.push(Cell { span: label });
        }
        line.cells.extend(tokens[label_tokens..].iter().map(|t| Cell { span: *t }));
        line.multi = true;
        return line;
    }
    line.cells = vec![Cell { span: content }];
    line
}

/// Spans of the blank-separated tokens of a line.
fn space_tokens(text: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_blank(c) {
            if let Some(s) = start.take() {
                out.push(Span::new(base + s, base + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Span::new(base + s, base + text.len()));
    }
    out
}

/// "Page 8 - …", "Page 8 of 12", "P. 8 …": a page marker opening a line of at most 80 characters.
fn page_header(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("page").or_else(|| lower.strip_prefix("p.")) else { return false };
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    digits > 0
        && text.chars().count() <= 80
        && (after.is_empty() || after.starts_with(['-', '–', '—', '/', '|']) || after.starts_with("of"))
}

/// Page footers ("— 3 —", "- 3 -", "第3页 共9页", "Page 9 - …", "P. 9") and Markdown table rules.
fn is_noise(text: &str) -> bool {
    // A PDF viewer's running header: "Page 8 - 某局2022年政府信息公开工作年度报告".
    if page_header(text) {
        return true;
    }
    // Footers and rules are short, or made of pipes and dashes only.
    if text.len() > 60 && !text.starts_with('|') {
        return false;
    }
    let t: String = text.chars().filter(|c| !is_blank(*c)).collect();
    let dashes = |c: char| matches!(c, '—' | '–' | '-' | '－' | '─' | '一');
    if let Some(inner) = t.strip_prefix(dashes) {
        let inner = inner.trim_start_matches(dashes);
        let digits: String = inner.chars().take_while(char::is_ascii_digit).collect();
        let rest = &inner[digits.len()..];
        if !digits.is_empty() && !rest.is_empty() && rest.chars().all(dashes) {
            return true;
        }
    }
    // A Markdown rule row ("| --- | :---: |") or a stray separator ("|"); pipes with blanks between
    // them ("|  |  |") are a row of blank cells.
    let blank_cells = text.contains("| ") && !t.contains('-');
    if t.starts_with('|') && !blank_cells && t.chars().all(|c| matches!(c, '|' | '-' | ':')) {
        return true;
    }
    if t.starts_with('第') && t.contains('页') && t.chars().count() <= 12 {
        let rest: String = t.chars().filter(|c| !c.is_ascii_digit()).collect();
        return matches!(rest.as_str(), "第页" | "第页共页" | "共页第页");
    }
    let lower = t.to_ascii_lowercase();
    (lower.starts_with("page") && lower.chars().nth(4).is_some_and(|c| c.is_ascii_digit()))
        || (lower.starts_with("p.") && lower[2..].chars().all(|c| c.is_ascii_digit()) && lower.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(src: &str) -> Vec<Vec<String>> {
        let d = Document::parse(src);
        d.lines.iter().map(|l| l.cells.iter().map(|c| d.text(c.span).to_string()).collect()).collect()
    }

    #[test]
    fn layouts() {
        assert_eq!(cells("\t规章\n\t0\n\t\n"), vec![vec!["规章"], vec!["0"], vec![""]]);
        assert_eq!(cells("一、本年新收\t60\t\t3"), vec![vec!["一、本年新收", "60", "", "3"]]);
        assert_eq!(cells("| 规章 | 0 | 0 |"), vec![vec!["规章", "0", "0"]]);
        assert_eq!(cells("规章 | 0 | 0 |"), vec![vec!["规章", "0", "0"]]);
        assert_eq!(cells("行政许可 97"), vec![vec!["行政许可", "97"]]);
        assert_eq!(cells("0 0 0"), vec![vec!["0", "0", "0"]]);
        assert_eq!(cells("为 2024 年 1 月"), vec![vec!["为 2024 年 1 月"]]);
    }

    #[test]
    fn noise_lines() {
        let d = Document::parse("— 3 —\n|---|---|\n第 2 页 共 9 页\n一、总体情况");
        assert_eq!(d.lines.iter().map(|l| l.noise).collect::<Vec<_>>(), vec![true, true, true, false]);
    }
}
