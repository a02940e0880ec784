use super::util::fee;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第二十条第（八）项“行政事业性收费”的本年收费金额不能为负数。
    ///
    /// ## 为什么是问题
    /// 收费金额是本年实际收取的金额，不会小于 0；负数多为误把“增/减”填入，或录入错误。
    ///
    /// ## 示例
    /// 错误：本年收费金额“-0.5”。
    /// 正确：“0.5”或“0”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二第二十条第（八）项。
    pub static T2_FEE_NONNEG = {
        id: "T2-FEE-NONNEG",
        severity: Error,
        title: "收费金额为负数",
        help: "填写本年实际收取的金额（万元），没有收费填 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(c) = fee(ctx.report) else { return };
    let Some(v) = c.value.number() else { return };
    if v < 0.0 {
        out.push(
            T2_FEE_NONNEG
                .finding(
                    c.span,
                    format!("行政事业性收费“本年收费金额”为 {}，金额不能为负数；没有收费应填 0", fmt_num(v)),
                )
                .cells([c.key]),
        );
    }
}
