//! Helpers shared by the table rules.

use crate::diag::CellRef;
use crate::report::labels::{t2_col_name, t2_row_name, t3_col_name, t3_row_name, t4_col_name};
use crate::report::{Report, TableCell};
use crate::span::Span;

/// "“本年新收…”行·自然人列" for messages.
pub(crate) fn cell_name(key: &CellRef) -> String {
    match key.table {
        "T2" => format!("{}·{}", t2_row_name(key.row), t2_col_name(key.col)),
        "T3" => format!("{}·{}", t3_row_name(key.row), t3_col_name(key.col)),
        "T4" => t4_col_name(key.col),
        _ => format!("{}·{}", key.row, key.col),
    }
}

/// 表二/表三/表四 for messages.
pub(crate) fn table_name(table: &str) -> &'static str {
    match table {
        "T2" => "第二部分表格",
        "T3" => "第三部分表格",
        "T4" => "第四部分表格",
        _ => "表格",
    }
}

/// Count cells: every cell except amounts and the 2019 signed change column.
pub(crate) fn is_count(c: &TableCell) -> bool {
    !(c.key.table == "T2" && matches!(c.key.col, "amount" | "procure_amount" | "change"))
}

/// Where to point for a cell: its text, or its row label when the cell is blank.
pub(crate) fn point(c: &TableCell) -> Span {
    if c.span.is_empty() {
        c.row_label.unwrap_or(c.span)
    } else {
        c.span
    }
}

/// The body is at county level or below (名称 contains 县/区/旗/乡/镇/街道, but not 自治区/自治州).
pub(crate) fn county_or_below(r: &Report) -> Option<String> {
    let name = r.org.clone().or_else(|| r.title.as_ref().and_then(|t| t.org.clone()))?;
    let cleaned = name.replace("自治区", "").replace("自治州", "").replace("地区", "");
    ["县", "区", "旗", "乡", "镇", "街道"].iter().any(|w| cleaned.contains(w)).then_some(name)
}

/// A "row" that is really a header line the parser took for a row (the 总计 column header read as
/// the （七）总计 row): its line also holds T3 column words. Its cells are not trusted.
pub(crate) fn suspect_row(r: &Report, c: &TableCell) -> bool {
    if c.key.table != "T3" {
        return false;
    }
    let Some(t) = r.table(crate::report::TableId::T3) else { return false };
    let Some(row) = t.rows.iter().find(|x| x.key == c.key.row) else { return false };
    let line = r.doc.lines.iter().find(|l| l.span.start <= row.span.start && row.span.start <= l.span.end);
    line.is_some_and(|l| {
        let t = r.text(l.span);
        ["自然人", "商业企业", "法人或其他组织", "科研机构"].iter().any(|w| t.contains(w))
    })
}
