use crate::declare_rule;
use crate::diag::Finding;
use crate::parse::Value;
use crate::report::{CellKey, Report, T2Col, T3Col, T3Row, TableCell};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，比较第二、三、四部分表格中所有不为 0 的数字：两年不为 0 的单元格完全相同、
    /// 数值也完全相同，且至少有 3 个相互独立的非零数字时提示。存量和合计类单元格（现行有效件数、
    /// 总计列、办理结果总计、复议诉讼总计）不计入“独立数字”，因为它们本来就可能逐年不变或由其他数字决定。
    ///
    /// ## 为什么是问题
    /// 一个机关两年收到的申请、作出的许可和处罚决定恰好一个不差，几乎不可能；更可能是照抄了
    /// 上一年度报告的表格而没有更新数据。
    ///
    /// ## 示例
    /// 错误：2023、2024 两年报告都写行政许可 82、行政处罚 3、收到申请自然人 5 件，其他数字全为 0。
    /// 正确：2024 年报告按本年实际统计，行政许可 95、行政处罚 1、收到申请 2 件。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第五十条（年度报告应如实报告本年度情况）；
    /// 东莞市年报评议中“连续三年数据完全一样”的通报。
    pub static N_SAME_NUMBERS_PREV = {
        id: "N-SAME-NUMBERS-PREV",
        severity: Warning,
        title: "表格数字与上年完全相同",
        help: "按本年度实际情况重新统计第二、三、四部分表格的数字。",
        check: check,
    }
}

/// Independent non-zero figures needed before identical tables mean anything.
const MIN_INDEPENDENT: usize = 3;

fn nonzero<'r>(r: &'r Report) -> Vec<&'r TableCell> {
    r.cells.iter().filter(|c| number(c) != 0.0).collect()
}

/// A stock or a total: may stay the same, or follows from the other cells.
fn derived(key: CellKey) -> bool {
    match key {
        CellKey::T2(_, col) => matches!(col, T2Col::InForce | T2Col::TotalPublished),
        CellKey::T3(row, col) => matches!(col, T3Col::C7 | T3Col::C2_6) || row == T3Row::R24,
        CellKey::T4(col) => col.as_str().ends_with(".total"),
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(false) else { return };
    let r = ctx.report;
    let (now, before) = (nonzero(r), nonzero(prev));
    if now.len() != before.len() {
        return;
    }
    let same = now.iter().all(|c| prev.cell(c.key).is_some_and(|p| (number(p) - number(c)).abs() < 1e-9));
    let independent = now.iter().filter(|c| !derived(c.key)).count();
    if !same || independent < MIN_INDEPENDENT {
        return;
    }
    let mut cells = now;
    crate::sort::sort_by_key(&mut cells, |c| (c.span.start, c.span.end, c.key));
    // Point at the first figure that should have changed, not at a stock or a total.
    let Some(first) = cells.iter().find(|c| !derived(c.key)) else { return };
    let sample: Vec<String> =
        cells.iter().take(5).map(|c| format!("{} {}", cell_name(c), fmt_num(number(c)))).collect();
    let message = format!(
        "本年表格中全部 {} 个非零数字与{}完全相同（如 {}{}），疑似沿用上年数据",
        cells.len(),
        prev.year.map_or_else(|| "上年报告".to_string(), |y| format!("上年（{y}年）报告")),
        sample.join("、"),
        if cells.len() > 5 { " 等" } else { "" }
    );
    out.push(N_SAME_NUMBERS_PREV.finding(first.span, message).cells(cells.iter().map(|c| c.key)));
}

fn number(c: &TableCell) -> f64 {
    match c.value {
        Value::Number { value, .. } => value,
        _ => 0.0,
    }
}

/// "行政许可（本年处理决定数量）", "一、本年新收·自然人", "行政复议·结果维持".
fn cell_name(c: &TableCell) -> String {
    match c.key {
        CellKey::T2(row, col) => format!("{}（{}）", row.name(), col.name()),
        k => k.name(),
    }
}
