use super::util::is_count;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::consistency::expected;
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 计数单元格（第三、四部分全部单元格，第二部分除收费金额外的单元格）应为非负整数。
    /// 2019 年试行格式的“本年增/减”一栏可以为负，不检查。这个单元格同时让表内勾稽关系不成立时，
    /// 只报告这一条，并给出勾稽关系要求的数值（不再另报勾稽关系错误）。
    ///
    /// ## 为什么是问题
    /// 件数、申请数、决定数不可能是负数或小数；出现时多为录入错误或把金额、百分比填进了计数栏。
    ///
    /// ## 示例
    /// 错误：“本年新收”行填“-2”或“3.5”。
    /// 正确：“2”“3”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（计数栏目）。
    pub static TBL_CELL_NONNEG_INT = {
        id: "TBL-CELL-NONNEG-INT",
        severity: Error,
        title: "计数单元格不是非负整数",
        help: "计数栏只填 0 或正整数。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for c in ctx.report.cells.iter().filter(|c| is_count(c)) {
        let Some(v) = c.value.number() else { continue };
        let what = if v < 0.0 {
            "是负数"
        } else if v.fract() != 0.0 {
            "是小数"
        } else {
            continue;
        };
        // The table's equalities may say what the cell should be.
        let should = match expected(ctx.report, c.key) {
            Some(e) => format!("按表内勾稽关系应为 {}", fmt_num(e)),
            None => "计数应为 0 或正整数".to_string(),
        };
        let (table, name) = (c.key.table().name(), c.key.name());
        let message = format!("{table}“{name}”为 {}，{what}；{should}", fmt_num(v));
        out.push(TBL_CELL_NONNEG_INT.finding(c.span, message).cells([c.key]));
    }
}
