use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::{t3_col_name, T3_COLS};
use crate::report::TableId;
use crate::rules::math::{eq, fmt_delta, fmt_num, operands};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一列：“一、本年新收”加“二、上年结转”之和，等于“三、本年度办理结果（七）总计”加
    /// “四、结转下年度继续办理”之和。
    ///
    /// ## 为什么是问题
    /// 这是表格本身写明的勾稽关系（“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”）。
    /// 不平衡说明有申请被漏记、重记或记错了列。
    ///
    /// ## 示例
    /// 错误：自然人列 一(60)+二(0)=60，三(61)+四(0)=61。
    /// 正确：自然人列 一(61)+二(0)=61，三(61)+四(0)=61。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三表头注释。
    pub static T3_BALANCE = {
        id: "T3-BALANCE",
        severity: Error,
        title: "第三部分各列收支平衡",
        help: "逐列核对：本年新收＋上年结转＝办理结果总计＋结转下年度。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    let mut deltas = Vec::new();
    for col in T3_COLS {
        let (Some(left), Some(right)) = (
            operands(r, TableId::T3, &[("R01", col), ("R02", col)]),
            operands(r, TableId::T3, &[("R24", col), ("R25", col)]),
        ) else {
            continue;
        };
        let (l, rt) = (left.sum(), right.sum());
        if eq(l, rt) {
            continue;
        }
        deltas.push((col, l - rt));
        let message = format!(
            "{}列：一({})+二({})={} ≠ 三({})+四({})={}，差 {}",
            t3_col_name(col),
            fmt_num(left.values[0]),
            fmt_num(left.values[1]),
            fmt_num(l),
            fmt_num(right.values[0]),
            fmt_num(right.values[1]),
            fmt_num(rt),
            fmt_delta(l - rt)
        );
        let span = r.cell(TableId::T3, "R24", col).map(|c| c.span).unwrap_or_default();
        let mut f = Finding::new(&T3_BALANCE, span, message).cells(left.cells.iter().chain(&right.cells).copied());
        if let Some(a) = left.assumption().or(right.assumption()) {
            // A blank counted as 0 may be the real cause: say so and do not call it certain.
            f = f.assume(a).severity(crate::diag::Severity::Warning);
        }
        out.push(f);
    }
    // Two applicant columns off by opposite amounts while 总计 balances: one application in the wrong column.
    let total_ok = !deltas.iter().any(|(c, _)| *c == "C7");
    if total_ok && deltas.len() == 2 && eq(deltas[0].1, -deltas[1].1) {
        for f in out.iter_mut().rev().take(2) {
            f.message.push_str("（疑似申请人类别归类错位）");
        }
    }
}
