use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::has_any;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第六部分宜报告上级年度政务公开工作要点的落实情况，以及（承办了人大代表建议、政协提案的单位）
    /// 建议提案办理结果公开情况。
    ///
    /// ## 为什么是问题
    /// 这是年报格式第六部分列举的事项，各地考评常据此检查。
    ///
    /// ## 示例
    /// 不完整：六、其他需要报告的事项　本年度未收取信息处理费。
    /// 完整：……认真落实《2024年政务公开工作要点》……；全年办理人大代表建议5件、政协提案3件，办理结果均已公开。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（六）（事项清单原文待核）。
    pub static C6_ITEMS = {
        id: "C6-ITEMS",
        severity: Info,
        title: "其他事项未涉及工作要点、建议提案",
        help: "可在第六部分说明政务公开工作要点落实情况和建议提案办理结果公开情况。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(6) else { return };
    let text = r.part_text(6);
    let mut missing = Vec::new();
    if !has_any(&text, &["工作要点", "要点"]) {
        missing.push("政务公开工作要点落实情况");
    }
    if !has_any(&text, &["建议", "提案"]) {
        missing.push("人大代表建议和政协提案办理结果公开情况（如有承办）");
    }
    if missing.is_empty() {
        return;
    }
    let message = format!("第六部分未涉及{}", missing.join("、"));
    out.push(C6_ITEMS.finding(sec.span, message));
}
