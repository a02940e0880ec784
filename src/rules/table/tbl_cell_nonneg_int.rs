use super::util::{cell_name, is_count, table_name};
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::math::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 计数单元格（第三、四部分全部单元格，第二部分除收费金额外的单元格）应为非负整数。
    /// 2019 年试行格式的“本年增/减”一栏可以为负，不检查。
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
        out.push(
            Finding::new(
                &TBL_CELL_NONNEG_INT,
                c.span,
                format!(
                    "{}“{}”为 {}，{}；计数应为 0 或正整数",
                    table_name(c.key.table),
                    cell_name(&c.key),
                    fmt_num(v),
                    what
                ),
            )
            .cells([c.key]),
        );
    }
}
