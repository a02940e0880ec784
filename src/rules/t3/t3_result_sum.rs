use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::labels::{t3_col_name, T3_COLS};
use crate::report::TableId;
use crate::rules::math::{eq, fmt_delta, fmt_num, operands};
use crate::rules::t3::prose::other_rows;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一列：“（七）总计”等于（一）予以公开、（二）部分公开、（三）不予公开 8 项、
    /// （四）无法提供 3 项、（五）不予处理 5 项、（六）其他处理 3 项之和。2019 年格式中（六）其他处理
    /// 只有一行，按一行计算。
    ///
    /// ## 为什么是问题
    /// 表格要求“区分处理的，只计这一情形，不计其他情形”，每件申请只计一种办理结果，
    /// 所以各项结果之和必须恰好等于总计。
    ///
    /// ## 示例
    /// 错误：自然人列 各项办理结果之和为 20，（七）总计填 19。
    /// 正确：各项办理结果之和为 20，（七）总计 20。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三。空白单元格按 0 计算时只作警告。
    pub static T3_RESULT_SUM = {
        id: "T3-RESULT-SUM",
        severity: Error,
        title: "第三部分办理结果之和等于（七）总计",
        help: "逐列核对（一）至（六）各项办理结果之和与（七）总计。",
        check: check,
    }
}

const ROWS: [&str; 18] = [
    "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18",
    "R19", "R20",
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    for col in T3_COLS {
        let keys: Vec<(&'static str, &'static str)> = ROWS.iter().chain(other_rows(r)).map(|row| (*row, col)).collect();
        let (Some(parts), Some(total)) = (operands(r, TableId::T3, &keys), operands(r, TableId::T3, &[("R24", col)]))
        else {
            continue;
        };
        let (s, tv) = (parts.sum(), total.sum());
        if eq(s, tv) {
            continue;
        }
        let message = format!(
            "（七）总计 {}列：各项办理结果之和为 {}，而总计为 {}，差 {}；（七）总计应为 {}",
            t3_col_name(col),
            fmt_num(s),
            fmt_num(tv),
            fmt_delta(s - tv),
            fmt_num(s)
        );
        let span = r.cell(TableId::T3, "R24", col).map(|c| c.span).unwrap_or_default();
        let mut f = Finding::new(&T3_RESULT_SUM, span, message).cells(total.cells.iter().chain(&parts.cells).copied());
        if let Some(a) = parts.assumption().or(total.assumption()) {
            f = f.assume(a).severity(Severity::Warning);
        }
        out.push(f);
    }
}
