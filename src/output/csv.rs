//! CSV output: one row per finding (contract.md §2).

use crate::span::LineIndex;
use crate::Checked;

pub const HEADER: &str = "path,rule,severity,table,row,col,line,message";

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Rows for one file (without the header); `source` is the checked input, for line numbers.
pub fn rows(path: &str, source: &str, checked: &Checked) -> String {
    let idx = LineIndex::new(source);
    let mut out = String::new();
    for f in &checked.findings {
        let (table, row, col) =
            f.cells.first().map_or(("", "", ""), |c| (c.table().as_str(), c.row_str(), c.col_str()));
        let line = idx.line(f.span.start);
        out.push_str(
            &[
                field(path),
                field(f.rule),
                f.severity.as_str().into(),
                table.into(),
                row.into(),
                col.into(),
                line.to_string(),
                field(&f.message),
            ]
            .join(","),
        );
        out.push('\n');
    }
    out
}
