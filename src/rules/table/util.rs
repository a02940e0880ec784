//! Helpers shared by the table rules.

use crate::report::Report;
use crate::report::{CellKey, RowKey, T2Col, T3Col, TableCell, TableId};

/// Count cells: every cell except amounts and the 2019 signed change column.
pub(crate) fn is_count(c: &TableCell) -> bool {
    !matches!(c.key, CellKey::T2(_, T2Col::Amount | T2Col::ProcureAmount | T2Col::Change))
}

/// A "row" that is really a header line the parser took for a row (the 总计 column header read as
/// the （七）总计 row): its line also holds T3 column words. Its cells are not trusted.
pub(crate) fn suspect_row(r: &Report, c: &TableCell) -> bool {
    let CellKey::T3(key, _) = c.key else { return false };
    let Some(t) = r.table(TableId::T3) else { return false };
    let Some(row) = t.rows.iter().find(|x| x.key == RowKey::T3(key)) else { return false };
    let line = r.doc.lines.iter().find(|l| l.span.start <= row.span.start && row.span.start <= l.span.end);
    line.is_some_and(|l| {
        let t = r.text(l.span);
        [T3Col::C1.name(), T3Col::C2.name(), "法人或其他组织", T3Col::C3.name()].iter().any(|w| t.contains(w))
    })
}
