use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{Report, RowInfo, TableId, TableInfo};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分某行的数值多于 7 个，但把相邻的一位数合并后（如“1 2”→“12”）正好 7 个，且前六列之和等于总计。
    /// 这通常是从 PDF 或网页复制时一个数被拆成了两格。报告修复方式，供人工确认。
    ///
    /// ## 为什么是问题
    /// 被拆开的数字会让整行错位；原文发布的表格也可能确实如此排版错误。
    ///
    /// ## 示例
    /// 错误：“本年新收 1 2 0 0 0 0 0 12”（8 个数）。
    /// 正确：“本年新收 12 0 0 0 0 0 12”。
    ///
    /// ## 依据
    /// 表格文本提取的常见问题（KIROGOVCOMPARE 的做法）；表三每行 7 列。
    pub static TBL_SPLIT_DIGITS = {
        id: "TBL-SPLIT-DIGITS",
        severity: Info,
        title: "数字被拆成了两格",
        help: "核对原表：把被拆开的数字合并到同一单元格。",
        check: check,
    }
}

/// For a T3 row with too many values: the merged values if merging adjacent single digits gives 7
/// values whose first six sum to the seventh.
pub(super) fn repair(r: &Report, t: &TableInfo, row: &RowInfo) -> Option<Vec<u64>> {
    if t.id != TableId::T3 || row.expected != 7 || row.extra.is_empty() {
        return None;
    }
    let mut raw: Vec<&str> =
        r.cells.iter().filter(|c| c.key.table == "T3" && c.key.row == row.key).map(|c| c.raw.as_str()).collect();
    raw.extend(row.extra.iter().map(|s| r.text(*s)));
    if raw.len() > 20 {
        return None;
    }
    let toks: Vec<String> = raw.iter().map(|s| s.trim().to_string()).collect();
    if !toks.iter().all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut found = None;
    search(&toks, 0, &mut Vec::new(), &mut found);
    found
}

fn search(toks: &[String], i: usize, acc: &mut Vec<u64>, found: &mut Option<Vec<u64>>) {
    if found.is_some() {
        return;
    }
    if i == toks.len() {
        if acc.len() == 7 && acc[..6].iter().sum::<u64>() == acc[6] {
            *found = Some(acc.clone());
        }
        return;
    }
    if acc.len() >= 7 {
        return;
    }
    let mut joined = String::new();
    for j in i..toks.len() {
        if j > i && (toks[j].len() != 1 || toks[i].len() != 1) {
            break;
        }
        joined.push_str(&toks[j]);
        if joined.len() > 12 {
            break;
        }
        let Ok(v) = joined.parse::<u64>() else { break };
        acc.push(v);
        search(toks, j + 1, acc, found);
        acc.pop();
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for t in &r.tables {
        for row in &t.rows {
            let Some(fixed) = repair(r, t, row) else { continue };
            let shown: Vec<String> = fixed.iter().map(|v| v.to_string()).collect();
            out.push(Finding::new(
                &TBL_SPLIT_DIGITS,
                super::tbl_row_width::row_point(row),
                format!(
                    "{}有 {} 个数值，多出的疑似是被拆开的数字；合并相邻的一位数后为 {}，各列之和与总计一致",
                    super::tbl_row_width::row_name(r, row),
                    row.found + row.extra.len(),
                    shown.join(" ")
                ),
            ));
        }
    }
}
