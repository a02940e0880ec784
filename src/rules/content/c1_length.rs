use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::text::hanzi_count;

declare_rule! {
    /// ## 检查内容
    /// 第一部分“总体情况”超过约1500个汉字。
    ///
    /// ## 为什么是问题
    /// 总体情况是概述，篇幅过长会淹没要点；部分省市要求不超过1000字。
    ///
    /// ## 示例
    /// 过长：总体情况写了三千多字的工作经验和宣传材料。
    /// 合适：按五个方面各用一两段概述，合计千字左右。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（一）总体情况；武威市2025年年报编制通知（≤1000字）。
    pub static C1_LENGTH = {
        id: "C1-LENGTH",
        severity: Info,
        title: "总体情况篇幅过长",
        help: "精简总体情况，突出五个方面的要点和数据。",
        check: check,
    }
}

const LIMIT: usize = 1500;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(1) else { return };
    let n = hanzi_count(&r.part_text(1));
    if n > LIMIT {
        let message = format!("总体情况约{n}字，超过{LIMIT}字，篇幅过长（部分地方要求不超过1000字）");
        out.push(C1_LENGTH.finding(sec.span, message));
    }
}
