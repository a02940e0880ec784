//! Table arithmetic shared by the table rules: reading cells as numbers under the assumptions of
//! rules.md §5.4 (blank counts as 0 and says so; a placeholder or text makes a formula unassessable).

use crate::diag::CellRef;
use crate::parse::Value;
use crate::report::{Report, TableCell, TableId};
use crate::span::Span;

/// A formula's operand values, or why the formula cannot be assessed.
pub struct Operands {
    pub values: Vec<f64>,
    pub cells: Vec<CellRef>,
    /// Cells that were blank and counted as 0.
    pub blanks: Vec<CellRef>,
}

impl Operands {
    pub fn sum(&self) -> f64 {
        self.values.iter().sum()
    }

    /// "60+0" for messages.
    pub fn terms(&self) -> String {
        self.values.iter().map(|v| fmt_num(*v)).collect::<Vec<_>>().join("+")
    }

    /// The assumption to attach to a finding, if any operand was blank.
    pub fn assumption(&self) -> Option<String> {
        (!self.blanks.is_empty()).then(|| format!("{} 个空白单元格按 0 计算", self.blanks.len()))
    }
}

/// Reads the cells (all must exist and hold numbers or be blank), or `None` if the formula is not
/// assessable: a cell is missing (cut-off table), a placeholder, or text.
pub fn operands(report: &Report, table: TableId, keys: &[(&'static str, &'static str)]) -> Option<Operands> {
    let mut out = Operands { values: Vec::new(), cells: Vec::new(), blanks: Vec::new() };
    for &(row, col) in keys {
        let cell = report.cell(table, row, col)?;
        match &cell.value {
            Value::Number { value, .. } => out.values.push(*value),
            Value::Empty => {
                out.values.push(0.0);
                out.blanks.push(cell.key);
            }
            Value::Placeholder | Value::Text => return None,
        }
        out.cells.push(cell.key);
    }
    Some(out)
}

/// The cell's span, or an empty span at the table when the cell is missing.
pub fn cell_span(report: &Report, table: TableId, row: &str, col: &str) -> Span {
    report
        .cell(table, row, col)
        .map(|c| c.span)
        .or_else(|| report.table(table).map(|t| Span::new(t.span.start, t.span.start)))
        .unwrap_or_default()
}

pub fn value_of(cell: &TableCell) -> Option<f64> {
    match cell.value {
        Value::Number { value, .. } => Some(value),
        Value::Empty => Some(0.0),
        _ => None,
    }
}

/// Formats a number without a trailing ".0"; keeps up to 4 decimals.
pub fn fmt_num(v: f64) -> String {
    let s = fmt_fixed(v, 4);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v` rounded to `decimals` places (at most 6), written with integer arithmetic: the web bundle
/// then carries none of core's float formatting (≈ 5 KB gzip). Beyond ±9×10¹⁵ the integer part is
/// printed alone (saturating), as no figure of a report gets there.
pub fn fmt_fixed(v: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    let sign = if v < 0.0 { "-" } else { "" };
    let scaled = (v.abs() * scale as f64).round();
    if scaled.is_nan() || scaled >= 9.0e15 {
        return format!("{sign}{}", v.abs() as u128);
    }
    let n = scaled as u64;
    let (whole, frac) = (n / scale, n % scale);
    let sign = if n == 0 { "" } else { sign };
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// "差 −1" with a real minus sign, as the messages show it.
pub fn fmt_delta(d: f64) -> String {
    if d < 0.0 {
        format!("−{}", fmt_num(-d))
    } else {
        format!("+{}", fmt_num(d))
    }
}

pub fn eq(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[cfg(test)]
mod tests {
    use super::{fmt_fixed, fmt_num};

    #[test]
    fn fixed_point_formatting_without_float_fmt() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(-2.5), "-2.5");
        assert_eq!(fmt_num(0.12345), "0.1235");
        assert_eq!(fmt_num(1.0e20), "100000000000000000000");
        assert_eq!(fmt_fixed(97.36, 1), "97.4");
        assert_eq!(fmt_fixed(0.0, 1), "0.0");
        assert_eq!(fmt_fixed(-0.01, 1), "0.0");
        assert_eq!(fmt_fixed(12.0, 0), "12");
        assert_eq!(fmt_fixed(f64::NAN, 1), "0");
    }
}
