use super::infofee::{fee_year, says_nothing};
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第六部分“其他需要报告的事项”不应只写“无”“暂无”“无其他需要报告的事项”。
    /// 2021年起至少应报告信息处理费收取情况。
    ///
    /// ## 为什么是问题
    /// 年报格式要求在这一部分报告信息处理费收取情况等事项；只写“无”等于漏报。
    ///
    /// ## 示例
    /// 错误：六、其他需要报告的事项　无。
    /// 正确：本年度未收取政府信息公开信息处理费。无其他需要报告的事项。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（六）；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    pub static C6_NONEMPTY = {
        id: "C6-NONEMPTY",
        severity: Warning,
        title: "其他需要报告的事项只写了“无”",
        help: "至少写明信息处理费收取情况，再说明有无其他事项。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // Before 2021 there was no fee to report: "无其他需要报告的事项" was a complete answer.
    if !fee_year(r) {
        return;
    }
    if let Some(span) = says_nothing(r) {
        let message = format!("第六部分只写了“{}”；应至少报告信息处理费收取情况", r.text(span).trim());
        out.push(Finding::new(&C6_NONEMPTY, span, message));
    }
}
