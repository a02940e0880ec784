//! CSV output: one row per finding — the contract's columns for tools (contract.md §2), and the
//! 整改清单 in Chinese for people (`--format csv-zh`, the apps' CSV download).

use super::sheet::{self, Entry};
use super::Shown;
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

/// Rows for one file (without the header); `source` is what the spans index. `line` is the line of
/// the text as read (for HTML: the visible text, not the markup).
pub fn rows(path: &str, source: &str, checked: &Checked) -> String {
    let shown = Shown::of(source, checked);
    let idx = LineIndex::new(shown.text);
    let mut out = String::new();
    for f in &checked.findings {
        let (table, row, col) =
            f.cells.first().map_or(("", "", ""), |c| (c.table().as_str(), c.row_str(), c.col_str()));
        let line = idx.line(shown.span(f.span).start);
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

/// The Chinese header: 单位,年度,文件,严重程度,规则,问题,位置,行号,修改建议,已核实,说明.
pub fn header_zh() -> String {
    sheet::HEADERS.join(",")
}

/// The 整改清单 rows of one report in Chinese (without the header).
pub fn rows_zh(entry: &Entry) -> String {
    let mut out = String::new();
    for r in sheet::rows(entry) {
        let cells: Vec<String> = r.cells().iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
