//! The report's own region of a whole saved web page.
//!
//! A portal page holds much more than the report: menus, a breadcrumb, a clock or date widget, a
//! share bar, links to other years' reports, a footer. The report is the block of the page that holds
//! its parts and its tables — found by that content, not by a list of CMS ids — plus its title line
//! and the publication date next to it. Everything else of the page becomes noise: no rule reads it.

use super::labels;
use crate::parse::Document;
use crate::span::Span;
use crate::text::{label, split_ordinal, OrdinalStyle};

/// At least this many distinct parts (of the six) make a region worth cutting out.
const MIN_PARTS: usize = 3;

/// How far before the region the title may stand (lines with text).
const TITLE_REACH: usize = 40;

/// The canonical part (1..=6) a line is the heading of, if it is one ("三、收到和处理…").
pub(super) fn part_heading(doc: &Document, line: usize) -> Option<u8> {
    let l = &doc.lines[line];
    if l.noise || l.empty || l.tabular {
        return None;
    }
    let first = l.cells.first()?;
    let raw = doc.text(first.span);
    let head = raw.char_indices().nth(48).map_or(raw, |(i, _)| &raw[..i]);
    let norm = label(head);
    let (ordinal, body) = split_ordinal(&norm);
    ordinal.filter(|o| o.style == OrdinalStyle::Hanzi)?;
    labels::section_title(body).map(|(c, _)| c)
}

/// Marks every line outside the report's region as noise. Does nothing when the page has no block
/// that holds at least three parts (a fragment, or a page whose structure says nothing).
pub(super) fn restrict(doc: &mut Document, blocks: &[Span]) {
    if blocks.is_empty() {
        return;
    }
    let headings: Vec<(usize, u8)> =
        (0..doc.lines.len()).filter_map(|i| part_heading(doc, i).map(|c| (doc.lines[i].span.start, c))).collect();
    // Rows of figures (a table of links in a footer is a table too, but without figures).
    let figures = |l: &crate::parse::Line| {
        l.cells.iter().filter(|c| crate::parse::parse_value(doc.text(c.span)).number().is_some()).count() >= 2
    };
    let rows: Vec<usize> = doc.lines.iter().filter(|l| l.tabular && figures(l)).map(|l| l.span.start).collect();
    let parts_in = |b: &Span| {
        let mut seen = [false; 7];
        for (at, c) in &headings {
            if b.start <= *at && *at < b.end {
                seen[usize::from(*c)] = true;
            }
        }
        seen.iter().filter(|x| **x).count()
    };
    let rows_in = |b: &Span| rows.iter().filter(|at| b.start <= **at && **at < b.end).count();
    // The most parts and table rows, in the smallest block.
    let Some(best) = blocks
        .iter()
        .map(|b| (parts_in(b), rows_in(b), b))
        .filter(|(parts, _, _)| *parts >= MIN_PARTS)
        .max_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(y.2.len().cmp(&x.2.len())))
        .map(|(_, _, b)| *b)
    else {
        return;
    };
    let first = doc.lines.iter().position(|l| l.span.end > best.start).unwrap_or(0);
    let keep_before = title_and_date(doc, first);
    for (i, line) in doc.lines.iter_mut().enumerate() {
        let inside = line.span.start >= best.start && line.span.end <= best.end;
        if !inside && !keep_before.contains(&i) {
            line.noise = true;
        }
    }
}

/// The title line the page shows above the region (the nearest one naming a year's report), and the
/// lines between it and the region that give the publication date.
fn title_and_date(doc: &Document, first: usize) -> Vec<usize> {
    let text_lines: Vec<usize> = (0..first).rev().filter(|&i| !doc.lines[i].empty).take(TITLE_REACH).collect();
    let Some(&title) = text_lines.iter().find(|&&i| {
        let l = &doc.lines[i];
        l.cells.len() == 1 && super::meta::is_title_text(&label(doc.text(l.cells[0].span)))
    }) else {
        return Vec::new();
    };
    let mut keep = vec![title];
    for i in title + 1..first {
        let t = label(doc.text(doc.lines[i].span));
        if t.chars().count() <= 80 && (t.contains("日期:") || t.contains("时间:")) {
            keep.push(i);
        }
    }
    keep
}
