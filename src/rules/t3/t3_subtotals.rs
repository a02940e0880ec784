use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::{t3_col_name, t3_row_name, T3_COLS};
use crate::report::TableId;
use crate::rules::math::{eq, fmt_delta, fmt_num, operands};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 表格自行增加的小计行（（三）不予公开、（四）无法提供、（五）不予处理、2021 年格式下的（六）其他处理）
    /// 或“法人或其他组织小计”列，每一格应等于其下各项之和。
    ///
    /// ## 为什么是问题
    /// 官方格式没有小计；既然加了，小计与明细不符就会让读者无所适从。
    ///
    /// ## 示例
    /// 错误：（三）不予公开 小计 5，而 1～8 项之和为 4。
    /// 正确：小计 4，或按官方格式删去小计行。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三（小计不属于官方格式，属格式偏离）。
    pub static T3_SUBTOTALS = {
        id: "T3-SUBTOTALS",
        severity: Warning,
        title: "第三部分小计等于明细之和",
        help: "核对小计与其下各项之和，或删去官方格式中没有的小计行、列。",
        check: check,
    }
}

fn children(key: &str) -> &'static [&'static str] {
    match key {
        "R05_12" => &["R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12"],
        "R13_15" => &["R13", "R14", "R15"],
        "R16_20" => &["R16", "R17", "R18", "R19", "R20"],
        "R21_23" => &["R21", "R22", "R23"],
        _ => &[],
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    let Some(t) = r.table(TableId::T3) else { return };
    // Subtotal rows.
    for row in &t.rows {
        let kids = children(row.key);
        if kids.is_empty() || (row.key == "R21_23" && r.cell(TableId::T3, "R21", "C7").is_none()) {
            continue;
        }
        for col in T3_COLS {
            let keys: Vec<(&'static str, &'static str)> = kids.iter().map(|k| (*k, col)).collect();
            let (Some(p), Some(sub)) = (operands(r, TableId::T3, &keys), operands(r, TableId::T3, &[(row.key, col)]))
            else {
                continue;
            };
            if eq(p.sum(), sub.sum()) {
                continue;
            }
            let message = format!(
                "{} {}列：小计为 {}，而其下各项之和 {}={}，差 {}；小计应为 {}",
                t3_row_name(row.key),
                t3_col_name(col),
                fmt_num(sub.sum()),
                p.terms(),
                fmt_num(p.sum()),
                fmt_delta(sub.sum() - p.sum()),
                fmt_num(p.sum())
            );
            push(out, r.cell(TableId::T3, row.key, col).map(|c| c.span).unwrap_or_default(), message, &sub, &p);
        }
    }
    // A 法人或其他组织 subtotal column.
    for row in &t.rows {
        let key = row.key;
        let keys: Vec<(&'static str, &'static str)> =
            ["C2", "C3", "C4", "C5", "C6"].iter().map(|c| (key, *c)).collect();
        let (Some(p), Some(sub)) = (operands(r, TableId::T3, &keys), operands(r, TableId::T3, &[(key, "C2_6")])) else {
            continue;
        };
        if eq(p.sum(), sub.sum()) {
            continue;
        }
        let message = format!(
            "{}：法人或其他组织小计为 {}，而五类之和 {}={}，差 {}；小计应为 {}",
            t3_row_name(key),
            fmt_num(sub.sum()),
            p.terms(),
            fmt_num(p.sum()),
            fmt_delta(sub.sum() - p.sum()),
            fmt_num(p.sum())
        );
        push(out, r.cell(TableId::T3, key, "C2_6").map(|c| c.span).unwrap_or_default(), message, &sub, &p);
    }
}

fn push(
    out: &mut Vec<Finding>,
    span: crate::span::Span,
    message: String,
    sub: &crate::rules::math::Operands,
    p: &crate::rules::math::Operands,
) {
    let mut f = Finding::new(&T3_SUBTOTALS, span, message).cells(sub.cells.iter().chain(&p.cells).copied());
    if let Some(a) = p.assumption().or(sub.assumption()) {
        f = f.assume(a);
    }
    out.push(f);
}
