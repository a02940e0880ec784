use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::has_any;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第一部分“总体情况”应涉及主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障
    /// 五个方面（作为关键词或小标题出现即可）。
    ///
    /// ## 为什么是问题
    /// 年报格式明确要求总体情况“主要包括”这五方面；缺项说明概述不完整。
    ///
    /// ## 示例
    /// 不完整：总体情况只写了主动公开和平台建设。
    /// 完整：分“（一）主动公开”“（二）依申请公开”“（三）政府信息管理”“（四）平台建设”“（五）监督保障”叙述。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（一）总体情况。
    pub static C1_ASPECTS = {
        id: "C1-ASPECTS",
        severity: Info,
        title: "总体情况缺少规定方面",
        help: "总体情况应分别说明主动公开、依申请公开、政府信息管理、平台建设、监督保障。",
        check: check,
    }
}

/// Each aspect with the words that show it is covered.
const ASPECTS: [(&str, &[&str]); 5] = [
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请", "公开申请", "申请公开"]),
    ("政府信息管理", &["信息管理", "管理制度", "审核", "保密审查", "文件管理", "规范性文件"]),
    ("政府信息公开平台建设", &["平台", "网站", "公众号", "专栏", "公报"]),
    ("监督保障", &["监督", "保障", "考核", "培训", "责任追究", "评议"]),
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(1) else { return };
    let text = r.part_text(1);
    if text.is_empty() {
        return;
    }
    let missing: Vec<&str> =
        ASPECTS.iter().filter(|(_, words)| !has_any(&text, words)).map(|(name, _)| *name).collect();
    if missing.is_empty() {
        return;
    }
    let message = format!(
        "总体情况没有涉及{}，格式要求总体情况包括主动公开、依申请公开、政府信息管理、平台建设、监督保障",
        missing.join("、")
    );
    out.push(C1_ASPECTS.finding(sec.span, message));
}
