//! Helpers shared by the T2 rules.

use crate::report::{Format, Report, TableCell, TableId};

pub(crate) fn cell<'r>(r: &'r Report, row: &str, col: &str) -> Option<&'r TableCell> {
    r.cell(TableId::T2, row, col)
}

/// The fee cell (本年收费金额, 万元).
pub(crate) fn fee<'r>(r: &'r Report) -> Option<&'r TableCell> {
    cell(r, "fees", "amount")
}

/// The 2019 trial format is in use (its T2 columns differ).
pub(crate) fn is_2019(r: &Report) -> bool {
    r.format == Format::V2019
}

/// Words that mark a number as something other than this year's count.
pub(crate) const QUALIFIERS: [&str; 9] = ["其中", "累计", "历年", "截至", "截止", "同比", "较上年", "以来", "上年"];

/// A number written right at the start of `s` (ASCII digits or a small Chinese numeral), with its
/// byte length.
pub(crate) fn number_at(s: &str) -> Option<(f64, usize)> {
    if let Some((v, n)) = crate::text::scan_number(s) {
        return Some((v, n));
    }
    let han: String = s.chars().take_while(|c| crate::text::is_hanzi_digit(*c)).collect();
    if han.is_empty() {
        return None;
    }
    crate::text::chinese_number(&han).map(|v| (f64::from(v), han.len()))
}
