//! How much of each table was read, decided once per table for every rule and view.
//!
//! A table is *present* when the report shows it in any form (its rows, headers or caption were
//! recognised, or its part holds lines of figures). A present table whose rows were not (almost) all
//! recognised, or whose figures could not be split, is not trusted: its arithmetic, row widths and
//! missing rows are not reported (the checker cannot tell its own misreading from the author's
//! mistake), and one `TBL-UNREAD` says so. Coverage counts the cells read.

use super::{Format, Report, TableId, TableInfo};
use serde::Serialize;

/// What the checker could read of one table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TableRead {
    /// Cells of the official layout that were read (blank and placeholder cells count: they were read).
    pub found: usize,
    /// Cells the table has in the detected format.
    pub expected: usize,
    #[serde(skip)]
    pub state: ReadState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadState {
    /// No sign of the table at all.
    Absent,
    /// Its rows were recognised: the rules may judge it.
    Read,
    /// The text ends inside the table (a cut-off excerpt).
    Truncated,
    /// The table is there but could not be read well enough to judge.
    Unread,
}

impl TableRead {
    /// The read is good enough for the table's arithmetic and completeness rules.
    pub fn sure(&self) -> bool {
        self.state == ReadState::Read
    }

    /// The table is there, whatever could be read of it.
    pub fn present(&self) -> bool {
        self.state != ReadState::Absent
    }
}

/// Cells of each table in a format (T3 with its extra subtotal column when the report has one).
fn expected(r: &Report, id: TableId) -> usize {
    let v2019 = r.format == Format::V2019 || r.format == Format::Unknown && r.year.is_some_and(|y| y <= 2020);
    match (id, r.table(id)) {
        (TableId::T3, Some(t)) => t.expected_cells,
        (TableId::T3, None) => {
            if v2019 {
                23 * 7
            } else {
                25 * 7
            }
        }
        (TableId::T2, _) if v2019 => 22,
        (TableId::T2, _) => 10,
        (TableId::T4, _) => 15,
    }
}

pub(super) fn assess(r: &Report) -> [TableRead; 3] {
    [TableId::T2, TableId::T3, TableId::T4].map(|id| {
        let expected = expected(r, id);
        let table = r.table(id);
        let found = table.map_or(0, |t| t.found_cells.min(expected));
        let present = table.is_some() || figures_in_part(r, id) || labels_in_text(r, id);
        let state = if !present {
            ReadState::Absent
        } else if table.is_some_and(structure_read) {
            ReadState::Read
        } else if table.is_some_and(|t| r.ends_within(t.span.end)) {
            ReadState::Truncated
        } else {
            ReadState::Unread
        };
        TableRead { found, expected, state }
    })
}

/// The table's structure was read: (almost) all its rows were recognised, so what is missing or
/// wrong in them is the author's, not the reader's. T2 has few rows (one may be missing); T4 has one
/// row of 15 cells (two of its three groups at least).
fn structure_read(t: &TableInfo) -> bool {
    let rows = t.rows.iter().filter(|row| row.found > 0).count();
    t.unplaced.is_none()
        && match t.id {
            TableId::T2 => rows + 1 >= t.expected_rows,
            TableId::T3 => rows * 10 >= t.expected_rows * 9,
            TableId::T4 => t.found_cells >= 10,
        }
}

/// T3's rows were recognised by their labels (nine in ten at least), although their figures could
/// not be placed in their columns (blanks lost, runs that several cuts fit): which rows are there is
/// known, what they hold is not.
pub fn t3_labels_read(t: &TableInfo) -> bool {
    t.id == TableId::T3 && t.unplaced.is_some() && t.rows.len() * 10 >= t.expected_rows * 9
}

/// Words that only the table itself writes (its caption, note or row labels), found anywhere: a
/// table whose text arrived in a shape the parser could not cut into rows.
fn labels_in_text(r: &Report, id: TableId) -> bool {
    let t = r.src();
    match id {
        TableId::T2 => t.contains("第二十条第"),
        TableId::T3 => t.contains("勾稽关系") || t.contains("本年新收") && t.contains("结转下年度继续办理"),
        TableId::T4 => t.contains("未经复议直接起诉") && t.contains("复议后起诉"),
    }
}

/// The table's part holds several short lines with figures: a table in some layout that could not
/// be read (or an image's caption and numbers), not a part without a table.
fn figures_in_part(r: &Report, id: TableId) -> bool {
    let canonical = match id {
        TableId::T2 => 2,
        TableId::T3 => 3,
        TableId::T4 => 4,
    };
    let Some(i) = r.sections.iter().position(|s| s.canonical == canonical) else { return false };
    let body = r.sections[i].body;
    r.doc
        .lines
        .iter()
        .filter(|l| body.contains(l.span) && !l.noise)
        .filter(|l| {
            let t = r.text(l.span).trim();
            t.chars().count() <= 40 && t.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        })
        .nth(2)
        .is_some()
}
