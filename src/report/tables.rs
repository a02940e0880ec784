//! The three tables, found by their labels (rules.md §2.2–2.4, §5.2).
//!
//! A region is cut out for each table by its anchors (第二十条 captions, the T3 note, 未经复议直接起诉,
//! section headings). Inside it, a collector turns the cells into rows: a label followed by values,
//! whether the values sit on the label's line (web, PDF, Markdown, HTML) or on the lines after it
//! (Word/WPS copies). Rows whose label was lost (PDF copies) are placed by the order of the official
//! rows between the rows that were recognised.

use super::keys::{CellKey, RowKey, T2Col, T2Row, T3Col, T3Row, T4Col};
use super::labels;
use super::runs::{self, Equality, RowIn};
use super::{Format, RowInfo, TableCell, TableId, TableInfo, UnfitRow, Unplaced};
use crate::parse::{parse_value, Document, Value};
use crate::span::Span;

/// A row as collected, before its key is settled (`K`: the table's row keys).
#[derive(Debug, Clone)]
struct RawRow<K> {
    /// Key from a label next to the values.
    strong: Option<K>,
    /// Key guessed from label text further away (PDF copies put labels apart from their numbers).
    weak: Option<K>,
    label: Option<Span>,
    values: Vec<Span>,
    span: Span,
    /// The T2 caption (第二十条第（N）项) in force where the row started.
    caption: u8,
}

/// Cells of a region with their normalised text.
struct Region<'d, 'a> {
    doc: &'d Document<'a>,
    /// Normalised label text of every cell of the document, by line and cell.
    norms: &'d [Vec<std::borrow::Cow<'d, str>>],
    lines: std::ops::Range<usize>,
}

fn is_value(raw: &str) -> bool {
    matches!(parse_value(raw), Value::Number { .. } | Value::Placeholder)
}

/// A cell that points elsewhere instead of holding its figure ("详见附件", "见附表"): a value written
/// as text, which TBL-CELL-NUMERIC reports; never a label piece.
use crate::parse::numbers::is_worded_value as is_text_value;

/// A long sentence is prose, never a label.
fn is_prose(text: &str) -> bool {
    text.chars().count() > 60 || (text.contains('。') && text.chars().count() > 25)
}

/// The T2 caption number in a label: 第二十条第（五）项 → 5.
fn caption_number(norm: &str) -> Option<u8> {
    let at = norm.find("第二十条第")?;
    let rest = &norm[at + "第二十条第".len()..];
    let rest = rest.trim_start_matches('(');
    // A cut-off caption ("第二十条第") still starts a sub-table.
    let Some(c) = rest.chars().next() else { return Some(0) };
    Some(match c {
        '一' | '1' => 1,
        '五' | '5' => 5,
        '六' | '6' => 6,
        '八' | '8' => 8,
        '九' | '9' => 9,
        _ => 0,
    })
}

/// A caption whose item number was cut off ("第二十条第") is the next one of the official order.
fn next_caption(current: u8, read: u8) -> u8 {
    if read != 0 {
        return read;
    }
    match current {
        0 => 1,
        1 => 5,
        5 => 6,
        6 => 8,
        _ => 9,
    }
}

struct Collector<'f, K> {
    classify: &'f dyn Fn(&str, Option<K>) -> Option<K>,
    is_header: &'f dyn Fn(&str) -> bool,
    width: &'f dyn Fn(Option<K>, u8) -> usize,
    /// The table's rows have no labels (T4): blank cells right below its headers are its row's first
    /// cells. (Elsewhere such a blank is a label cell left empty.)
    unlabelled: bool,
}

struct Collected<K> {
    rows: Vec<RawRow<K>>,
    headers: Vec<(String, Span)>,
    /// Where the table's own lines start (first caption, note, header or row).
    first: Option<usize>,
}

impl<K: Copy> Collector<'_, K> {
    /// Tries the label text nearest the values first, then longer runs of preceding pieces
    /// (labels wrapped over lines or broken one character per line).
    fn classify_pieces(&self, pieces: &[(String, Span)], after: Option<K>) -> Option<(K, Span)> {
        let mut joined = String::new();
        for (k, (text, span)) in pieces.iter().enumerate().rev().take(40) {
            joined.insert_str(0, text);
            if joined.chars().count() > 120 {
                break;
            }
            if let Some(key) = (self.classify)(&joined, after) {
                let start = span.start;
                let end = pieces.last().map_or(span.end, |p| p.1.end);
                let _ = k;
                return Some((key, Span::new(start, end)));
            }
        }
        None
    }

    fn collect(&self, region: &Region) -> Collected<K> {
        let doc = region.doc;
        let mut out = Collected { rows: Vec::new(), headers: Vec::new(), first: None };
        let mut buffer: Vec<(String, Span)> = Vec::new();
        let mut current: Option<RawRow<K>> = None;
        let mut caption = 0u8;
        let mut last_key: Option<K> = None;
        // Length of the label buffer when it was last classified in vain (buffer only grows until cleared).
        let mut tried: Option<usize> = None;
        // Blank cells right below the column headers, before any figure: the first cells of a row
        // without a label (a Word copy of T4 whose first group is blank).
        let mut blanks_below_header: Vec<Span> = Vec::new();
        let note_first = |first: &mut Option<usize>, at: usize| {
            if first.is_none() {
                *first = Some(at);
            }
        };
        let close = |current: &mut Option<RawRow<K>>, rows: &mut Vec<RawRow<K>>, last_key: &mut Option<K>| {
            if let Some(r) = current.take() {
                if r.strong.is_some() {
                    *last_key = r.strong;
                }
                rows.push(r);
            }
        };
        for li in region.lines.clone() {
            let line = &doc.lines[li];
            if line.noise || line.empty {
                continue;
            }
            if line.multi {
                close(&mut current, &mut out.rows, &mut last_key);
                let texts: Vec<(usize, &str, Span)> = line
                    .cells
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.span.is_empty())
                    .map(|(i, c)| (i, &*region.norms[li][i], c.span))
                    .collect();
                for (_, t, s) in &texts {
                    if let Some(n) = caption_number(t) {
                        caption = next_caption(caption, n);
                        note_first(&mut out.first, s.start);
                    }
                }
                // The first figure; a pointer written in a figure's place ("行政处罚 | 详见附件") counts
                // as one after the label.
                let first_val = line.cells.iter().enumerate().position(|(i, c)| {
                    let t = doc.text(c.span);
                    is_value(t) || (i > 0 && is_text_value(t))
                });
                let label_end = match first_val {
                    Some(f) => f,
                    None => line.cells.len(),
                };
                let inline_cells: Vec<&(usize, &str, Span)> =
                    texts.iter().filter(|(i, t, _)| *i < label_end && !t.is_empty()).collect();
                let inline: Vec<(String, Span)> = inline_cells.iter().map(|(_, t, s)| (t.to_string(), *s)).collect();
                let mut key = self.classify_pieces(&inline, last_key);
                // "二、上年结转…\t见附件\t0…": short text right before the numbers is a value written
                // as text, not part of the label, when the label is recognised without it and the row
                // then has exactly its width.
                let mut text_values_from = None;
                if let Some(f) = first_val {
                    let numbers = line.cells.len() - f;
                    for j in (inline.len().saturating_sub(2).max(1)..inline.len()).rev() {
                        let dropped = &inline[j..];
                        let short = dropped.iter().all(|(t, _)| t.chars().count() <= 10 && !(self.is_header)(t));
                        let Some(k) = self.classify_pieces(&inline[..j], last_key).filter(|_| short) else { continue };
                        let alone =
                            dropped.iter().any(|d| self.classify_pieces(std::slice::from_ref(d), last_key).is_some());
                        if !alone && numbers + dropped.len() == (self.width)(Some(k.0), caption) {
                            key = Some(k);
                            text_values_from = Some(inline_cells[j].0);
                            break;
                        }
                    }
                }
                // A row of blank cells alone in a table without labels (T4 with no cases, left blank).
                let blank_row = self.unlabelled && texts.is_empty() && line.cells.len() >= 2;
                let Some(first_val) = first_val.or_else(|| blank_row.then_some(0)).or_else(|| {
                    // A labelled row whose cells are all blank. Several header words are a header
                    // row (自然人 | 法人或其他组织 | 总计, however many blanks a pipe table pads it
                    // with), unless the last is numbered: then they are a row's group labels and its
                    // own ("三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密"). A lone header word is
                    // a row when a blank stands under every column (a 2019 “（六）其他处理”).
                    let last_label = line.cells.iter().rposition(|c| !c.span.is_empty()).unwrap_or(0);
                    let blanks_after = line.cells.len() - last_label - 1;
                    let headers = texts.iter().filter(|(_, t, _)| (self.is_header)(t)).count();
                    let numbered = texts.last().is_some_and(|(_, t, _)| crate::text::Ordinal::parse(t).is_some());
                    let header_row = (headers >= 2 && !numbered)
                        || (headers == texts.len() && blanks_after < (self.width)(key.map(|k| k.0), caption));
                    (key.is_some() && blanks_after > 0 && !header_row).then_some(last_label + 1)
                }) else {
                    // Header or caption row.
                    for (_, t, s) in &texts {
                        if (self.is_header)(t) {
                            out.headers.push((t.to_string(), *s));
                            note_first(&mut out.first, s.start);
                        }
                    }
                    let any_header = texts.iter().any(|(_, t, _)| (self.is_header)(t));
                    if any_header {
                        buffer.clear();
                    } else {
                        buffer.extend(inline);
                    }
                    continue;
                };
                // Values start after the last label cell before the first value.
                let last_label = line.cells[..first_val].iter().rposition(|c| !c.span.is_empty());
                let values_from = text_values_from.unwrap_or(last_label.map_or(0, |i| i + 1));
                let mut values: Vec<Span> = line.cells[values_from..].iter().map(|c| c.span).collect();
                // More cells than the row has: blank ones around the figures are the label's
                // colspan written out (Markdown converters) or a trailing border ("| … |||").
                // A row of figures alone keeps its leading blanks (they are its first cells) and loses
                // the trailing one a copy that ends every cell with a tab leaves.
                let width = (self.width)(key.map(|k| k.0), caption);
                if last_label.is_none() {
                    while values.len() > width && values.last().is_some_and(Span::is_empty) {
                        values.pop();
                    }
                }
                while values.len() > width && values.first().is_some_and(Span::is_empty) {
                    values.remove(0);
                }
                while values.len() > width && values.last().is_some_and(Span::is_empty) {
                    values.pop();
                }
                let (strong, weak, label_span) = match key {
                    Some((k, s)) => (Some(k), None, Some(s)),
                    None if !inline.is_empty() => {
                        let mut all = buffer.clone();
                        all.extend(inline.iter().cloned());
                        match self.classify_pieces(&all, last_key) {
                            Some((k, s)) => (Some(k), None, Some(s)),
                            None => (None, None, None),
                        }
                    }
                    None => (None, self.classify_pieces(&buffer, last_key).map(|x| x.0), None),
                };
                buffer.clear();
                let span = line.span;
                note_first(&mut out.first, span.start);
                if strong.is_some() {
                    last_key = strong;
                }
                out.rows.push(RawRow { strong, weak, label: label_span, values, span, caption });
                continue;
            }
            // A single-cell line.
            let Some(cell) = line.cells.first() else { continue };
            let raw = doc.text(cell.span);
            if cell.span.is_empty() {
                let width_left =
                    current.as_ref().map(|r| (self.width)(r.strong, r.caption).saturating_sub(r.values.len()));
                if let (Some(r), Some(left)) = (current.as_mut(), width_left) {
                    if left > 0 {
                        r.values.push(cell.span);
                        r.span = r.span.cover(line.span);
                        continue;
                    }
                }
                if self.unlabelled && current.is_none() && buffer.last().is_some_and(|(t, _)| (self.is_header)(t)) {
                    blanks_below_header.push(cell.span);
                }
                // Blank cells repeat; classify the same label pieces only once.
                if tried == Some(buffer.len()) {
                    continue;
                }
                tried = Some(buffer.len());
                if let Some((key, lspan)) = self.classify_pieces(&buffer, last_key) {
                    let header_last = buffer.last().is_some_and(|(t, _)| (self.is_header)(t));
                    if !header_last {
                        close(&mut current, &mut out.rows, &mut last_key);
                        note_first(&mut out.first, lspan.start);
                        current = Some(RawRow {
                            strong: Some(key),
                            weak: None,
                            label: Some(lspan),
                            values: vec![cell.span],
                            span: lspan.cover(line.span),
                            caption,
                        });
                        buffer.clear();
                    }
                }
                continue;
            }
            if is_value(raw) || is_text_value(raw) {
                if let Some(r) = current.as_mut() {
                    if r.values.len() < (self.width)(r.strong, r.caption) {
                        r.values.push(cell.span);
                        r.span = r.span.cover(cell.span);
                        continue;
                    }
                }
                close(&mut current, &mut out.rows, &mut last_key);
                let key = self.classify_pieces(&buffer, last_key);
                let mut values = if key.is_none() { std::mem::take(&mut blanks_below_header) } else { Vec::new() };
                values.push(cell.span);
                let start = key.map_or(values[0], |k| k.1);
                note_first(&mut out.first, start.start);
                current = Some(RawRow {
                    strong: key.map(|k| k.0),
                    weak: None,
                    label: key.map(|k| k.1),
                    values,
                    span: start.cover(cell.span),
                    caption,
                });
                buffer.clear();
                blanks_below_header.clear();
                continue;
            }
            blanks_below_header.clear();
            // Text: a label piece, a header, a caption or prose.
            if is_prose(raw) {
                close(&mut current, &mut out.rows, &mut last_key);
                buffer.clear();
                continue;
            }
            let norm = region.norms[li][0].to_string();
            if let Some(n) = caption_number(&norm) {
                caption = next_caption(caption, n);
                note_first(&mut out.first, cell.span.start);
            }
            if current.is_some() {
                close(&mut current, &mut out.rows, &mut last_key);
            }
            if (self.is_header)(&norm) {
                out.headers.push((norm.clone(), cell.span));
                note_first(&mut out.first, cell.span.start);
            }
            buffer.push((norm, cell.span));
            tried = None;
        }
        close(&mut current, &mut out.rows, &mut last_key);
        // Nothing but blank cells below the headers: a row left wholly blank (T4 with no cases).
        let width = (self.width)(None, caption);
        if self.unlabelled && out.rows.is_empty() && blanks_below_header.len() >= width {
            blanks_below_header.truncate(width);
            let span = blanks_below_header[0].cover(blanks_below_header[width - 1]);
            out.rows.push(RawRow { strong: None, weak: None, label: None, values: blanks_below_header, span, caption });
        }
        out
    }
}

/// Line index of the first line at or after `from` whose normalised text satisfies `pred`.
fn find_line(
    doc: &Document,
    norms: &[Vec<std::borrow::Cow<str>>],
    from: usize,
    to: usize,
    pred: impl Fn(&str) -> bool,
) -> Option<usize> {
    (from..to).find(|&i| !doc.lines[i].noise && norms[i].iter().any(|t| pred(t)))
}

/// A section heading line (single cell): its canonical number.
fn heading_canonical(doc: &Document, norms: &[Vec<std::borrow::Cow<str>>], line: usize) -> Option<u8> {
    let l = &doc.lines[line];
    if l.multi || l.cells.len() != 1 || l.noise {
        return None;
    }
    let (_, body) = crate::text::split_ordinal(&norms[line][0]);
    labels::section_title(body).map(|(n, _)| n)
}

pub(super) fn extract(
    doc: &Document,
    norms: &[Vec<std::borrow::Cow<str>>],
    format_hint: Option<Format>,
) -> (Vec<TableInfo>, Vec<TableCell>) {
    let n = doc.lines.len();
    let headings: Vec<(usize, u8)> = (0..n).filter_map(|i| heading_canonical(doc, norms, i).map(|c| (i, c))).collect();
    let heading_after = |from: usize, min: u8| headings.iter().find(|(i, c)| *i >= from && *c >= min).map(|x| x.0);
    let v2019 = format_hint == Some(Format::V2019);

    let t2_start = find_line(doc, norms, 0, n, |t| t.contains("第二十条第"))
        .or_else(|| headings.iter().find(|(_, c)| *c == 2).map(|x| x.0 + 1));
    let after_t2 = t2_start.unwrap_or(0);
    let t3_anchor = find_line(doc, norms, after_t2, n, |t| {
        t.contains("本列数据的勾稽关系") || t == "申请人情况" || (t.contains("本年新收") && t.chars().count() < 40)
    });
    let t3_heading = headings.iter().find(|(i, c)| *c == 3 && *i >= after_t2).map(|x| x.0);
    let t3_start = match (t3_anchor, t3_heading) {
        (Some(a), Some(h)) => Some(a.min(h)),
        (a, h) => a.or(h),
    };
    let after_t3 = t3_start.unwrap_or(after_t2);
    let t4_anchor = find_line(doc, norms, after_t3, n, |t| t.contains("未经复议直接起诉") || t.contains("复议后起诉"));
    let t4_heading = headings.iter().find(|(i, c)| *c == 4 && *i >= after_t3).map(|x| x.0);
    let t4_start = match (t4_anchor, t4_heading) {
        (Some(a), Some(h)) => Some(a.min(h)),
        (a, h) => a.or(h),
    };

    let mut tables = Vec::new();
    let mut cells = Vec::new();
    if let Some(s) = t2_start {
        let end =
            [t3_start, t4_start, heading_after(s, 3)].into_iter().flatten().filter(|&e| e >= s).min().unwrap_or(n);
        let (info, c) = table2(&Region { doc, norms, lines: s..end }, v2019);
        tables.push(info);
        cells.extend(c);
    }
    if let Some(s) = t3_start {
        let end = [t4_start, heading_after(s + 1, 4)].into_iter().flatten().filter(|&e| e > s).min().unwrap_or(n);
        let (info, c) = table3(&Region { doc, norms, lines: s..end }, v2019);
        tables.push(info);
        cells.extend(c);
    }
    if let Some(s) = t4_start {
        let end = heading_after(s + 1, 5).unwrap_or(n);
        let (info, c) = table4(&Region { doc, norms, lines: s..end });
        tables.push(info);
        cells.extend(c);
    }
    tables.retain(|t| t.found_cells > 0 || !t.headers.is_empty() || !t.readings.is_empty() || !t.unfit_rows.is_empty());
    (tables, cells)
}

fn make_cell(doc: &Document, key: CellKey, span: Span, label: Option<Span>) -> TableCell {
    let raw = doc.text(span).to_string();
    TableCell { key, value: parse_value(&raw), raw, span, row_label: label }
}

fn table_span<K>(collected: &Collected<K>, rows: &[RowInfo]) -> Span {
    let start = collected.first.or_else(|| rows.first().map(|r| r.span.start)).unwrap_or(0);
    let end = rows.iter().map(|r| r.span.end).max().unwrap_or(start);
    let end = collected.headers.iter().map(|h| h.1.end).max().unwrap_or(end).max(end);
    Span::new(start, end.max(start))
}

/// T3: 7 columns (8 with a 法人或其他组织小计 column), rows by label and by official order.
fn table3(region: &Region, v2019_hint: bool) -> (TableInfo, Vec<TableCell>) {
    let (doc, lines) = (region.doc, region.lines.clone());
    // Peek at the headers for an extra subtotal column.
    let has_subtotal_col =
        lines.clone().any(|i| region.norms[i].iter().any(|t| matches!(&**t, "小计" | "法人或其他组织小计")));
    let width = if has_subtotal_col { 8 } else { 7 };
    let classify = |l: &str, after: Option<T3Row>| labels::t3_row(l, after);
    let is_header = |l: &str| labels::t3_col(l).is_some() || labels::t3_is_group(l) || l.contains("本列数据的勾稽关系");
    let w = |_: Option<T3Row>, _: u8| width;
    let collector = Collector { classify: &classify, is_header: &is_header, width: &w, unlabelled: false };
    let collected = collector.collect(region);

    use T3Row::{R21, R21_23, R22, R23};
    let single_other = collected.rows.iter().any(|r| r.strong == Some(R21_23))
        && !collected.rows.iter().any(|r| matches!(r.strong, Some(R21 | R22)));
    let order: Vec<T3Row> =
        if single_other || (v2019_hint && !collected.rows.iter().any(|r| matches!(r.strong, Some(R21 | R22 | R23)))) {
            T3Row::V2019.to_vec()
        } else {
            T3Row::V2021.to_vec()
        };
    let assigned = assign_rows(&collected.rows, &order, width);

    let cols: Vec<T3Col> = if has_subtotal_col {
        // The subtotal column stands after 其他 (C6) unless the headers say otherwise.
        let seen: Vec<T3Col> = collected.headers.iter().filter_map(|(t, _)| labels::t3_col(t)).collect();
        let mut c: Vec<T3Col> = Vec::new();
        for k in seen {
            if !c.contains(&k) {
                c.push(k);
            }
        }
        if c.len() == 8 {
            c
        } else {
            use T3Col::*;
            vec![C1, C2, C3, C4, C5, C6, C2_6, C7]
        }
    } else {
        T3Col::SEVEN.to_vec()
    };

    // The data rows: the first row of each key.
    let mut data: Vec<(usize, T3Row)> = Vec::new();
    for (i, key) in assigned.iter().enumerate() {
        if let Some(k) = key.filter(|k| !data.iter().any(|(_, d)| d == k)) {
            data.push((i, k));
        }
    }
    let recut = if width == 7 {
        let keys: Vec<T3Row> = data.iter().map(|(_, k)| *k).collect();
        let values: Vec<(Vec<Span>, usize)> =
            data.iter().map(|(i, _)| (collected.rows[*i].values.clone(), width)).collect();
        recut(doc, &values, &t3_equalities(&keys), Relax::PerRow, 3)
    } else {
        Recut::none(data.len())
    };

    let mut cells = Vec::new();
    let mut rows = Vec::new();
    let mut unknown = Vec::new();
    let mut unfit_rows = Vec::new();
    let mut seen_keys: Vec<T3Row> = Vec::new();
    for (i, (row, key)) in collected.rows.iter().zip(&assigned).enumerate() {
        let Some(key) = key else {
            if row.values.iter().any(|v| !v.is_empty()) && row.values.len() * 2 >= width {
                unknown.push((row.label.map(|s| doc.text(s).to_string()).unwrap_or_default(), row.span));
            }
            continue;
        };
        if seen_keys.contains(key) {
            unknown.push((row.label.map(|s| doc.text(s).to_string()).unwrap_or_default(), row.span));
            continue;
        }
        // "（五）不予处理" (or, in the 2021 layout, "（六）其他处理") then a lone figure on its own
        // line: a stray digit of an OCR copy, not a subtotal row (which has a cell under every column).
        let subtotal = matches!(key, T3Row::R05_12 | T3Row::R13_15 | T3Row::R16_20)
            || (*key == T3Row::R21_23 && !order.contains(key));
        if subtotal && row.values.len() == 1 && width > 2 {
            continue;
        }
        seen_keys.push(*key);
        let d = data.iter().position(|(r, _)| *r == i);
        let total_only = match d.map(|d| &recut.rows[d]) {
            Some(RowCut::Short) => total_of_short_row(doc, &row.values, width),
            _ => None,
        };
        if let (Some(total), Some(&col)) = (total_only, cols.last()) {
            cells.push(make_cell(doc, CellKey::T3(*key, col), total, row.label));
            rows.push(RowInfo {
                key: RowKey::T3(*key),
                label: row.label,
                span: row.span,
                found: 1,
                expected: width,
                extra: Vec::new(),
                rejoined: None,
            });
            continue;
        }
        // A row that lost its blanks, or whose run no cut fits (a crawler copy drops blank cells too).
        let short = matches!(d.map(|d| &recut.rows[d]), Some(RowCut::Short | RowCut::Unread));
        // Only figures on their label's line, two at least: a figure alone below a wrapped label may
        // have lost its fellows to a page break (OCR, PDF).
        let on_label_line = row.label.is_some_and(|l| !doc.text(l.cover(row.span)).trim_end().contains('\n'))
            && row.values.iter().map(|v| doc.text(*v).trim().len()).sum::<usize>() >= 2;
        if short && width == 7 && on_label_line && !adds_up_somehow(doc, &row.values, width) {
            let figures = row.values[0].cover(row.values[row.values.len() - 1]);
            unfit_rows.push(UnfitRow { key: RowKey::T3(*key), label: row.label, figures });
        }
        let mut values = match d.map(|d| &recut.rows[d]) {
            Some(RowCut::Cut(v)) => v.clone(),
            Some(RowCut::Unread | RowCut::Short) => Vec::new(),
            _ => row.values.clone(),
        };
        let rejoined = (width == 7).then(|| rejoin_split_digits(doc, &values)).flatten().map(|joined| {
            let n = values.len();
            values = joined;
            n
        });
        for (v, col) in values.iter().zip(&cols) {
            cells.push(make_cell(doc, CellKey::T3(*key, *col), *v, row.label));
        }
        let extra = values.iter().skip(width).filter(|s| !s.is_empty()).copied().collect();
        rows.push(RowInfo {
            key: RowKey::T3(*key),
            label: row.label,
            span: row.span,
            found: values.len().min(width),
            expected: width,
            extra,
            rejoined,
        });
    }
    let has_note = lines.clone().any(|i| region.norms[i].iter().any(|t| t.contains("勾稽关系")));
    let span = table_span(&collected, &rows);
    let expected_cells = order.len() * width;
    let found_cells = cells.iter().filter(|c| matches!(c.key, CellKey::T3(r, _) if order.contains(&r))).count();
    let info = TableInfo {
        id: TableId::T3,
        span,
        rows,
        headers: collected.headers,
        has_note,
        unknown_rows: unknown,
        expected_cells,
        found_cells,
        expected_rows: order.len(),
        unplaced: recut.unplaced,
        recut: recut.cut,
        readings: Vec::new(),
        unfit_rows,
    };
    (info, cells)
}

/// Settles the key of every collected row: recognised labels first, then the official order for
/// rows whose label was lost, then labels found further away.
fn assign_rows(rows: &[RawRow<T3Row>], order: &[T3Row], width: usize) -> Vec<Option<T3Row>> {
    let pos = |k: T3Row| order.iter().position(|o| *o == k);
    let mut out: Vec<Option<T3Row>> = vec![None; rows.len()];
    // A short labelled row right before an unlabelled full row: the numbers below are the row's
    // (PDF copies leave page numbers or stray digits after a label).
    let mut label_of: Vec<Option<T3Row>> = rows.iter().map(|r| r.strong).collect();
    for i in 0..rows.len().saturating_sub(1) {
        let short = rows[i].values.iter().filter(|v| !v.is_empty()).count() * 2 < width;
        if label_of[i].is_some() && short && label_of[i + 1].is_none() && rows[i + 1].values.len() >= width {
            label_of[i + 1] = label_of[i];
            label_of[i] = None;
        }
    }
    // Anchors: recognised labels in increasing official order.
    let mut last = None;
    let mut anchors = Vec::new();
    for (i, k) in label_of.iter().enumerate() {
        if let Some(p) = k.and_then(pos) {
            if last.is_none_or(|l| p > l) {
                out[i] = *k;
                anchors.push((i, p));
                last = Some(p);
            }
        } else if let Some(k) = k {
            // Subtotal rows and the like keep their own key.
            if pos(*k).is_none() {
                out[i] = Some(*k);
            }
        }
    }
    // Gaps between anchors.
    let mut bounds: Vec<(usize, usize, usize, usize)> = Vec::new(); // (row_from, row_to, key_from, key_to)
    let mut prev = (0usize, 0usize);
    for &(i, p) in &anchors {
        bounds.push((prev.0, i, prev.1, p));
        prev = (i + 1, p + 1);
    }
    bounds.push((prev.0, rows.len(), prev.1, if anchors.is_empty() { order.len().min(1) } else { order.len() }));
    for (r0, r1, k0, k1) in bounds {
        let free: Vec<usize> = (r0..r1).filter(|&i| out[i].is_none() && label_of[i].is_none()).collect();
        let full: Vec<usize> = free.iter().copied().filter(|&i| rows[i].values.len() * 2 >= width).collect();
        let missing = &order[k0.min(order.len())..k1.min(order.len())];
        let trailing = r1 == rows.len() && !anchors.is_empty();
        if !full.is_empty() && (full.len() == missing.len() || (trailing && full.len() < missing.len())) {
            for (i, k) in full.iter().zip(missing) {
                out[*i] = Some(*k);
            }
        } else {
            for &i in &full {
                if let Some(k) = rows[i].weak.filter(|k| missing.contains(k)) {
                    out[i] = Some(k);
                }
            }
        }
    }
    out
}

/// T2: rows by label; columns from the sub-table's headers or the format's defaults.
fn table2(region: &Region, v2019_hint: bool) -> (TableInfo, Vec<TableCell>) {
    let doc = region.doc;
    let v2019 = v2019_hint;
    let classify = |l: &str, _: Option<T2Row>| labels::t2_row(l);
    let is_header = |l: &str| labels::t2_col(l).is_some() || l == "信息内容" || caption_number(l).is_some();
    let width = |key: Option<T2Row>, caption: u8| match key {
        Some(k) => k.columns(v2019).len(),
        None => match caption {
            1 => 3,
            5 | 6 if v2019 => 3,
            8 | 9 if v2019 => 2,
            _ => 1,
        },
    };
    let collector = Collector { classify: &classify, is_header: &is_header, width: &width, unlabelled: false };
    let collected = collector.collect(region);
    let caption_rows = |c: u8| -> &'static [T2Row] {
        use T2Row::*;
        match c {
            1 => &[Regulations, NormativeDocs],
            5 => &[Licensing, OtherServices],
            6 => &[Penalty, Enforcement],
            8 => &[Fees],
            9 => &[Procurement],
            _ => &[],
        }
    };
    // The rows' keys and columns first, then their figures (cut or placed together).
    type Keyed<'r> = (&'r RawRow<T2Row>, T2Row, Vec<T2Col>);
    let mut keyed: Vec<Keyed> = Vec::new();
    let mut unknown = Vec::new();
    let taken = |keyed: &[Keyed], k: T2Row| keyed.iter().any(|r| r.1 == k);
    for (i, row) in collected.rows.iter().enumerate() {
        let key = row.strong.or(row.weak).filter(|k| !taken(&keyed, *k)).or_else(|| {
            // A row whose label is blank: the first row of its caption not yet found that comes
            // before the next labelled row (a lone figure before 规章 is a stray, not 规范性文件).
            let next_labelled = collected.rows[i + 1..].iter().find_map(|r| r.strong);
            let order = caption_rows(row.caption);
            let before = next_labelled.and_then(|n| order.iter().position(|k| *k == n)).unwrap_or(order.len());
            order[..before].iter().copied().find(|k| !taken(&keyed, *k))
        });
        match key {
            Some(key) if !taken(&keyed, key) => {
                keyed.push((row, key, columns_for(&collected.headers, row, key, v2019)));
            }
            _ => unknown.push((row.label.map(|s| doc.text(s).to_string()).unwrap_or_default(), row.span)),
        }
    }
    // T2 states no equality: figures run together are cut only where one cut is possible.
    let figures: Vec<(Vec<Span>, usize)> =
        keyed.iter().map(|(row, _, cols)| (row.values.clone(), cols.len())).collect();
    let recut = recut(doc, &figures, &[], Relax::EachRow, 2);
    let mut cells = Vec::new();
    let mut rows: Vec<RowInfo> = Vec::new();
    for ((row, key, cols), cut) in keyed.iter().zip(&recut.rows) {
        let w = cols.len();
        let values = match cut {
            RowCut::Cut(v) => v.clone(),
            RowCut::Unread | RowCut::Short => Vec::new(),
            RowCut::AsRead => row.values.clone(),
        };
        for (v, col) in values.iter().zip(cols.iter()) {
            cells.push(make_cell(doc, CellKey::T2(*key, *col), *v, row.label));
        }
        let extra = values.iter().skip(w).filter(|s| !s.is_empty()).copied().collect();
        let key = RowKey::T2(*key);
        let found = values.len().min(w);
        rows.push(RowInfo { key, label: row.label, span: row.span, found, expected: w, extra, rejoined: None });
    }
    let (unplaced, recovered) = (recut.unplaced, recut.cut);
    let span = table_span(&collected, &rows);
    let expected_cells = if v2019 { 22 } else { 10 };
    let expected_rows = if v2019 { 8 } else { 6 };
    let found_cells = cells.len();
    let info = TableInfo {
        id: TableId::T2,
        span,
        rows,
        headers: collected.headers,
        has_note: false,
        unknown_rows: unknown,
        expected_cells,
        found_cells,
        expected_rows,
        unplaced,
        recut: recovered,
        readings: Vec::new(),
        unfit_rows: Vec::new(),
    };
    (info, cells)
}

/// The column keys of a T2 row: the latest header group before the row that has as many columns as
/// the row's sub-table, else the format's defaults.
fn columns_for(headers: &[(String, Span)], row: &RawRow<T2Row>, key: T2Row, v2019: bool) -> Vec<T2Col> {
    let defaults = key.columns(v2019);
    let before: Vec<T2Col> =
        headers.iter().filter(|(_, s)| s.end <= row.span.start).filter_map(|(t, _)| labels::t2_col(t)).collect();
    // Take the run of column headers closest before the row that fits the defaults' width.
    if before.len() >= defaults.len() {
        let tail = &before[before.len() - defaults.len()..];
        let same_family = tail.iter().all(|c| {
            use T2Col::*;
            let fam = |x: T2Col| matches!(x, Issued | Repealed | InForce | NewMade | NewPublished | TotalPublished);
            fam(*c) == fam(defaults[0])
        });
        if same_family && tail.iter().enumerate().all(|(i, c)| !tail[..i].contains(c)) {
            return tail.to_vec();
        }
    }
    defaults.to_vec()
}

/// T4's 15 values among those read: the first 15, unless they break a group total and exactly one
/// other run of 15 keeps all three (an OCR copy leaves a stray digit among the headers).
fn t4_window<'s>(doc: &Document, all: &'s [Span]) -> &'s [Span] {
    let first = &all[..all.len().min(15)];
    let holds = |w: &[Span]| {
        let v: Vec<Option<f64>> = w.iter().map(|s| crate::parse::numbers::parse_value(doc.text(*s)).number()).collect();
        T4_EQUALITIES.iter().all(|g| {
            let sum: Option<f64> = g.iter().map(|&(_, i, sign)| v[i].map(|x| x * sign as f64)).sum();
            sum.is_some_and(|s| s.abs() < 1e-9)
        })
    };
    if all.len() <= 15 || holds(first) {
        return first;
    }
    let mut fitting = all.windows(15).filter(|w| holds(w));
    match (fitting.next(), fitting.next()) {
        (Some(w), None) => w,
        _ => first,
    }
}

/// T4: the first 15 values after the headers, in the official order.
fn table4(region: &Region) -> (TableInfo, Vec<TableCell>) {
    let doc = region.doc;
    // T4's one row has no label.
    let classify = |_: &str, _: Option<()>| None;
    let is_header = |l: &str| {
        l.chars().count() <= 12
            && (l.contains("行政复议")
                || l.contains("行政诉讼")
                || l.contains("起诉")
                || l.contains("维持")
                || l.contains("纠正")
                || l.contains("其他")
                || l.contains("审结")
                || l == "总计"
                || l == "结果"
                || l == "尚未")
    };
    let w = |_: Option<()>, _: u8| 15;
    let collector = Collector { classify: &classify, is_header: &is_header, width: &w, unlabelled: true };
    let mut collected = collector.collect(region);
    // The row has no label: text with a comma before the figures is a sentence of the part wrapped
    // after a figure ("…被申请行政复议 5 件（结果维持 2"), not the table.
    collected.rows.retain(|r| {
        let lead = r.values.first().map_or(r.span, |v| Span::new(r.span.start, v.start.max(r.span.start)));
        !doc.text(lead).contains(['，', '。', '；', ','])
    });
    let starts = collected.rows.iter().map(|r| r.span.start).chain(collected.headers.iter().map(|h| h.1.start));
    collected.first = starts.min();
    let all: Vec<Span> = collected.rows.iter().flat_map(|r| r.values.iter().copied()).collect();
    let read: Vec<Span> = t4_window(doc, &all).to_vec();
    // Fewer than two of its three groups, not run together: the copy lost the blank cells' places.
    let min_short = if read.len() < 10 { 1 } else { 2 };
    let recut = recut(doc, &[(read.clone(), 15)], &T4_EQUALITIES.map(|g| g.to_vec()), Relax::DropOne, min_short);
    let values = match recut.rows.first() {
        Some(RowCut::Cut(v)) => v.clone(),
        Some(RowCut::Unread | RowCut::Short) => Vec::new(),
        _ => read.clone(),
    };
    let own_row = row_below_headers(doc, &collected.headers, &read);
    let readings = if values.is_empty() && own_row { t4_readings(doc, &read) } else { None };
    // No reading of the figures adds up: a group total is wrong whichever columns they stand in.
    let unfit_rows = match (&readings, read.first(), read.last()) {
        (Some(r), Some(first), Some(last)) if r.is_empty() && values.is_empty() => {
            vec![UnfitRow { key: RowKey::T4, label: None, figures: first.cover(*last) }]
        }
        _ => Vec::new(),
    };
    let readings = readings.unwrap_or_default();
    let row_span = collected.rows.iter().map(|r| r.span).reduce(|a, b| a.cover(b)).unwrap_or_default();
    let mut cells = Vec::new();
    for (v, col) in values.iter().zip(T4Col::ALL) {
        cells.push(make_cell(doc, CellKey::T4(*col), *v, None));
    }
    let rows = if values.is_empty() {
        Vec::new()
    } else {
        let found = values.len();
        vec![RowInfo {
            key: RowKey::T4,
            label: None,
            span: row_span,
            found,
            expected: 15,
            extra: Vec::new(),
            rejoined: None,
        }]
    };
    let span = table_span(&collected, &rows);
    let info = TableInfo {
        id: TableId::T4,
        span,
        rows,
        headers: collected.headers,
        has_note: false,
        unknown_rows: Vec::new(),
        expected_cells: 15,
        found_cells: cells.len(),
        expected_rows: 1,
        unplaced: recut.unplaced,
        recut: recut.cut,
        readings,
        unfit_rows,
    };
    (info, cells)
}

/// The T4 figures `read` are the row's own: on the line right below the headers (or on the headers'
/// own line, in a copy that ran them together). A stray figure among the headers or after a blank line
/// (an OCR page number) must not take part in a reading, and a lone figure must share the headers' line.
fn row_below_headers(doc: &Document, headers: &[(String, Span)], read: &[Span]) -> bool {
    let (Some(first), Some(last)) = (read.first(), read.last()) else { return false };
    let last_header = headers.iter().map(|h| h.1.end).max().unwrap_or(0);
    // The end of the text before the figures (blank lines and noise passed over).
    let mut before = doc.lines.iter().filter(|l| l.span.end <= first.start && !l.empty && !l.noise).map(|l| l.span.end);
    let from = before.next_back().unwrap_or(first.start);
    let breaks = doc.text(Span::new(from, first.start)).matches('\n').count();
    let digits: usize = read.iter().map(|v| doc.text(*v).trim().len()).sum();
    last_header <= first.start
        && breaks <= 1
        && (breaks == 0 || digits >= 2)
        && !doc.text(first.cover(*last)).contains('\n')
}

/// The readings of a T4 row whose figures could not be placed ("1 1", "21311"), when there are
/// at most a few hundred (none at all: no reading adds up).
fn t4_readings(doc: &Document, values: &[Span]) -> Option<Vec<Vec<i64>>> {
    let tokens = values.iter().map(|v| (*v, doc.text(*v).trim().to_string())).collect();
    let row = RowIn { tokens, width: 15, blanks_lost: true };
    runs::readings_with_blanks(&row, &T4_EQUALITIES.map(|g| g.to_vec()), 500)
}

/// A T3 row with more values than its 7 cells, every one a single digit ("1 2 0 0 0 0 12"): a number
/// the copy split apart. Rejoining neighbours in exactly one way that makes the six columns add up to
/// the total gives the cells (each rejoined cell spans the digits it joins).
fn rejoin_split_digits(doc: &Document, values: &[Span]) -> Option<Vec<Span>> {
    const WIDTH: usize = 7;
    if values.len() <= WIDTH || values.len() > 20 {
        return None;
    }
    let tokens: Vec<&str> = values.iter().map(|v| doc.text(*v).trim()).collect();
    if !tokens.iter().all(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // Every way to group consecutive tokens into 7 cells, joining only single digits.
    let mut found: Vec<Vec<(usize, usize)>> = Vec::new();
    fn go(tokens: &[&str], at: usize, groups: &mut Vec<(usize, usize)>, found: &mut Vec<Vec<(usize, usize)>>) {
        if found.len() > 1 || groups.len() > WIDTH {
            return;
        }
        if at == tokens.len() {
            let values: Option<Vec<u64>> = groups.iter().map(|&(a, b)| tokens[a..b].concat().parse().ok()).collect();
            if values.is_some_and(|v| v.len() == WIDTH && v[..6].iter().sum::<u64>() == v[6]) {
                found.push(groups.clone());
            }
            return;
        }
        // A cell is one token, or single digits joined.
        for end in at + 1..=tokens.len() {
            if end > at + 1 && (tokens[at].len() != 1 || tokens[end - 1].len() != 1) {
                break;
            }
            groups.push((at, end));
            go(tokens, end, groups, found);
            groups.pop();
        }
    }
    go(&tokens, 0, &mut Vec::new(), &mut found);
    let [groups] = <[_; 1]>::try_from(found).ok()?;
    Some(groups.iter().map(|&(a, b)| values[a].cover(values[b - 1])).collect())
}

// Figures that arrived run together (see `super::runs`).

/// What became of a row's figures.
#[derive(Clone, Debug)]
enum RowCut {
    /// Read as they are.
    AsRead,
    /// Cut from runs of digits, one cell each.
    Cut(Vec<Span>),
    /// Runs that could not be cut in exactly one way: no cells.
    Unread,
    /// Fewer figures than cells, the blanks lost: no figure can be placed in its column (but in
    /// T3 the last one is the row's total when the others add up to it).
    Short,
}

struct Recut {
    rows: Vec<RowCut>,
    /// Some rows could not be placed: the table is not trusted.
    unplaced: Option<Unplaced>,
    /// Some run was cut.
    cut: bool,
}

impl Recut {
    fn none(n: usize) -> Recut {
        Recut { rows: vec![RowCut::AsRead; n], unplaced: None, cut: false }
    }
}

/// How to go on when no one cut satisfies every equality (the author's own mistake may break one):
/// every row with its own equalities only (T3), each row on its own (T2, whose rows are
/// independent), or with one equality left out at a time (T4).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relax {
    PerRow,
    EachRow,
    DropOne,
}

/// Rows with fewer figures than cells, in a table where at least `min_short` rows are so and they
/// do not all lack exactly one (a missing column): a copy that dropped its blank cells (PDF
/// viewers do), so no figure can be placed in its column. Those rows get no cells, and the table is
/// not trusted. A row or two short of a cell is the author's (TBL-ROW-WIDTH says so).
fn unplaced(rows: &[(Vec<Span>, usize)], min_short: usize) -> Recut {
    let short: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].0.is_empty() && rows[i].0.len() < rows[i].1).collect();
    let missing = |i: usize| rows[i].1 - rows[i].0.len();
    let one_column = short.len() == rows.len() && short.iter().all(|&i| missing(i) == 1);
    if short.len() < min_short || one_column {
        return Recut::none(rows.len());
    }
    Recut {
        rows: (0..rows.len()).map(|r| if short.contains(&r) { RowCut::Short } else { RowCut::AsRead }).collect(),
        unplaced: Some(Unplaced::BlanksLost),
        cut: false,
    }
}

/// The total of a T3 row whose blank cells were lost ("95 95", "2 1 3"): the last figure, when the
/// figures before it add up to it (the total column is the last; whichever columns the others
/// belong to, they sum to it). Anything else cannot be placed.
/// The figures may also have run together ("9595" for 95|95): every cut into at most `width` numbers
/// whose last is the sum of the others must give the same total.
fn total_of_short_row(doc: &Document, values: &[Span], width: usize) -> Option<Span> {
    let tokens: Vec<(Span, &str)> = values.iter().map(|v| (*v, doc.text(*v).trim())).collect();
    if tokens.iter().any(|(_, t)| t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut row =
        RowIn { tokens: tokens.iter().map(|(s, t)| (*s, t.to_string())).collect(), width: 0, blanks_lost: false };
    let mut totals: Vec<Span> = Vec::new();
    for w in 2..=width {
        row.width = w;
        // The last number is the sum of the ones before it.
        let mut sum: Equality = (0..w - 1).map(|c| (0, c, 1)).collect();
        sum.push((0, w - 1, -1));
        match runs::solve_or_why(std::slice::from_ref(&row), &[sum]) {
            Ok(cells) => totals.extend(cells[0].last().map(|c| c.1)),
            Err(runs::Unsolved::Several) => return None,
            Err(runs::Unsolved::NoCut) => {}
        }
    }
    totals.dedup();
    match totals.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A T3 row that lost its blank cells can still add up: some placement of its figures (in order,
/// the other columns blank) makes the six applicant columns sum to 总计. Figures that are not whole
/// numbers ("/", "详见附件") leave it open.
fn adds_up_somehow(doc: &Document, values: &[Span], width: usize) -> bool {
    let tokens = values.iter().map(|v| (*v, doc.text(*v).trim().to_string())).collect();
    let row = RowIn { tokens, width, blanks_lost: true };
    let mut total: Equality = (0..width - 1).map(|c| (0, c, 1)).collect();
    total.push((0, width - 1, -1));
    runs::solve_or_why(std::slice::from_ref(&row), &[total]) != Err(runs::Unsolved::NoCut)
}

/// A row whose figures arrived run together: fewer values than cells but digits enough for all, and
/// either at most half as many values as cells or a value with a leading zero ("0000000"), which no
/// number has. (A row that merely lacks a cell or two is the author's, and TBL-ROW-WIDTH's.)
fn is_run(doc: &Document, values: &[Span], width: usize) -> bool {
    let texts: Vec<&str> = values.iter().map(|v| doc.text(*v)).collect();
    // A value in words ("详见附件") fills one cell.
    let digits: usize = texts
        .iter()
        .map(|t| if t.bytes().any(|b| b.is_ascii_digit()) { t.bytes().filter(u8::is_ascii_digit).count() } else { 1 })
        .sum();
    let leading_zero = texts.iter().any(|t| t.len() > 1 && t.starts_with('0') && t.bytes().all(|b| b.is_ascii_digit()));
    values.len() < width && digits >= width && (values.len() * 2 <= width || leading_zero)
}

/// The one cut of every row that satisfies the equalities; for T3, when none does, the one that
/// leaves out the equalities through one cell, or that breaks the fewest (an author's wrong figure,
/// which the table rules then report).
fn solve_strict_or_relaxed(input: &[RowIn], equalities: &[Equality], relax: Relax) -> Option<Vec<Vec<(i64, Span)>>> {
    match runs::solve_or_why(input, equalities) {
        Ok(all) => Some(all),
        Err(runs::Unsolved::NoCut) if relax == Relax::PerRow => {
            // One wrong figure breaks up to three equalities (its row, its column, its balance).
            runs::one_cell_off(input, equalities).or_else(|| runs::fewest_broken(input, equalities, 3))
        }
        Err(_) => None,
    }
}

/// Cuts the runs of the rows `(values, width)` by the equalities over (row, column), and places the
/// figures of rows that lost their blank cells.
fn recut(
    doc: &Document,
    rows: &[(Vec<Span>, usize)],
    equalities: &[Equality],
    relax: Relax,
    min_short: usize,
) -> Recut {
    let runs: Vec<usize> = (0..rows.len()).filter(|&i| is_run(doc, &rows[i].0, rows[i].1)).collect();
    let row_in = |(values, width): &(Vec<Span>, usize), blanks_lost: bool| RowIn {
        tokens: values.iter().map(|v| (*v, doc.text(*v).to_string())).collect(),
        width: *width,
        blanks_lost,
    };
    // Rows that lost their blank cells: placed in their columns if the equalities leave one way.
    let lost = {
        let rest: Vec<(Vec<Span>, usize)> = rows
            .iter()
            .enumerate()
            .map(|(r, row)| if runs.contains(&r) { (Vec::new(), row.1) } else { row.clone() })
            .collect();
        unplaced(&rest, min_short)
    };
    if lost.unplaced.is_some() && relax != Relax::EachRow {
        let short = |r: usize| matches!(lost.rows[r], RowCut::Short);
        let input: Vec<RowIn> = rows.iter().enumerate().map(|(r, row)| row_in(row, short(r))).collect();
        // Only a placement that satisfies every equality: with blanks to put anywhere, "one cell
        // off" would explain almost anything (a stray OCR digit becomes a cell).
        if let Ok(all) = runs::solve_or_why(&input, equalities) {
            let placed = |r: usize| runs.contains(&r) || short(r);
            return Recut {
                rows: all
                    .into_iter()
                    .enumerate()
                    .map(
                        |(r, cut)| {
                            if placed(r) {
                                RowCut::Cut(cut.iter().map(|c| c.1).collect())
                            } else {
                                RowCut::AsRead
                            }
                        },
                    )
                    .collect(),
                unplaced: None,
                cut: true,
            };
        }
    }
    if runs.is_empty() {
        return lost;
    }
    let input: Vec<RowIn> = rows.iter().map(|row| row_in(row, false)).collect();
    let whole = solve_strict_or_relaxed(&input, equalities, relax);
    // Each run row alone with its own equalities (a fault between rows, such as a wrong column
    // total, then stays for the table rules to report).
    let alone = |r: usize| {
        let own: Vec<Equality> = equalities
            .iter()
            .filter(|e| e.iter().all(|(row, _, _)| *row == r))
            .map(|e| e.iter().map(|&(_, c, k)| (0, c, k)).collect())
            .collect();
        runs::solve(std::slice::from_ref(&input[r]), &own).and_then(|mut c| c.pop())
    };
    let mut cuts: Vec<Option<Vec<(i64, Span)>>> = match whole {
        Some(all) => all.into_iter().map(Some).collect(),
        None => match relax {
            // T3: every run row must be cut on its own, or none is trusted.
            Relax::PerRow => {
                let each: Vec<_> = (0..rows.len()).map(|r| runs.contains(&r).then(|| alone(r)).flatten()).collect();
                if runs.iter().all(|&r| each[r].is_some()) {
                    each
                } else {
                    vec![None; rows.len()]
                }
            }
            // T2: rows are independent; each keeps its one cut if it has one.
            Relax::EachRow => (0..rows.len()).map(|r| runs.contains(&r).then(|| alone(r)).flatten()).collect(),
            // T4: exactly one equality left out gives one cut (that equality is the author's mistake).
            Relax::DropOne => {
                let found: Vec<Vec<Vec<(i64, Span)>>> = (0..equalities.len())
                    .filter_map(|skip| {
                        let rest: Vec<Equality> =
                            equalities.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, e)| e.clone()).collect();
                        runs::solve(&input, &rest)
                    })
                    .collect();
                match <[_; 1]>::try_from(found) {
                    Ok([one]) => one.into_iter().map(Some).collect(),
                    Err(_) => vec![None; rows.len()],
                }
            }
        },
    };
    // The rows that were not runs may still have lost their blank cells.
    let mut out = lost;
    for &r in &runs {
        out.rows[r] = match cuts[r].take() {
            Some(cut) => {
                out.cut = true;
                RowCut::Cut(cut.iter().map(|c| c.1).collect())
            }
            None => {
                out.unplaced = Some(Unplaced::RunTogether);
                RowCut::Unread
            }
        };
    }
    out
}

/// The equalities of T3 (7 columns) over the rows present, by their keys: each row's total, each
/// column's outcome sum and balance (rules.md §1.4).
fn t3_equalities(keys: &[T3Row]) -> Vec<Equality> {
    let at = |k: T3Row| keys.iter().position(|x| *x == k);
    let mut out = Vec::new();
    for r in 0..keys.len() {
        let mut e: Equality = (0..6).map(|c| (r, c, 1)).collect();
        e.push((r, 6, -1));
        out.push(e);
    }
    let outcomes: Vec<usize> = keys.iter().enumerate().filter(|(_, k)| k.is_outcome()).map(|(i, _)| i).collect();
    use T3Row::{R01, R02, R24, R25};
    for c in 0..7 {
        if let Some(total) = at(R24) {
            let mut e: Equality = outcomes.iter().map(|&r| (r, c, 1)).collect();
            e.push((total, c, -1));
            out.push(e);
        }
        if let (Some(a), Some(b), Some(t), Some(d)) = (at(R01), at(R02), at(R24), at(R25)) {
            out.push(vec![(a, c, 1), (b, c, 1), (t, c, -1), (d, c, -1)]);
        }
    }
    out
}

/// T4's one row: 维持 + 纠正 + 其他 + 未结 = 总计 in each of its three groups.
const T4_EQUALITIES: [[(usize, usize, i64); 5]; 3] = [
    [(0, 0, 1), (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, -1)],
    [(0, 5, 1), (0, 6, 1), (0, 7, 1), (0, 8, 1), (0, 9, -1)],
    [(0, 10, 1), (0, 11, 1), (0, 12, 1), (0, 13, 1), (0, 14, -1)],
];
