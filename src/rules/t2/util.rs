//! Helpers shared by the T2 rules.

use crate::report::{CellKey, Format, Report, T2Col, T2Row, TableCell};

/// The fee cell (本年收费金额, 万元).
pub(crate) fn fee<'r>(r: &'r Report) -> Option<&'r TableCell> {
    r.cell(CellKey::T2(T2Row::Fees, T2Col::Amount))
}

/// The 2019 trial format is in use (its T2 columns differ).
pub(crate) fn is_2019(r: &Report) -> bool {
    r.format == Format::V2019
}

/// Words that mark a number as something other than this year's count.
pub(crate) const QUALIFIERS: [&str; 9] = ["其中", "累计", "历年", "截至", "截止", "同比", "较上年", "以来", "上年"];
