use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::year::util::{body_kind, has_any, sentences, BodyKind};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 人民政府（含乡镇人民政府，及代为发布本级政府年报的政府办公室/办公厅）的年报，应报告
    /// 工作考核、社会评议和责任追究结果情况：正文应出现“考核”“评议”“责任追究（追责、问责）”。
    /// 只在报告看来完整（找到第五或第六部分）时检查；乡镇人民政府只作提示。
    ///
    /// ## 为什么是问题
    /// 《条例》第五十条第四项要求各级人民政府的年报包括这三项结果；遗漏即内容不全。
    ///
    /// ## 示例
    /// 不完整：某县人民政府年报的监督保障部分只写了培训，没有考核、评议、责任追究情况。
    /// 完整：写明“全年开展政务公开考核1次，……开展社会评议……，未发生责任追究情况”。
    ///
    /// ## 依据
    /// 《条例》第五十条第四项；国办公开办函〔2021〕30号（一）总体情况“监督保障”。
    pub static C1_GOV_EXTRA = {
        id: "C1-GOV-EXTRA",
        severity: Warning,
        title: "政府年报缺考核、评议、追责情况",
        help: "在监督保障部分写明工作考核、社会评议和责任追究结果情况（没有的也应说明）。",
        check: check,
    }
}

const ITEMS: [(&str, &[&str]); 3] = [
    ("工作考核", &["考核", "考评", "绩效"]),
    ("社会评议", &["评议", "测评", "满意度"]),
    ("责任追究", &["责任追究", "追责", "问责", "追究"]),
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(org) = r.org.as_deref() else { return };
    let kind = body_kind(org);
    if !matches!(kind, Some(BodyKind::Government | BodyKind::Township)) || !org.contains("政府") {
        return;
    }
    if r.section(5).is_none() && r.section(6).is_none() {
        return;
    }
    let text: String = sentences(r).iter().map(|s| s.text().to_string()).collect();
    let missing: Vec<&str> = ITEMS.iter().filter(|(_, w)| !has_any(&text, w)).map(|(n, _)| *n).collect();
    if missing.is_empty() {
        return;
    }
    let span = r.section(1).map(|s| s.span).or(r.title.as_ref().map(|t| t.span)).unwrap_or_default();
    let message =
        format!("“{org}”是人民政府，年报应报告工作考核、社会评议和责任追究结果情况，未见{}的内容", missing.join("、"));
    let mut f = Finding::new(&C1_GOV_EXTRA, span, message);
    if kind == Some(BodyKind::Township) {
        // 乡镇 reports often fold these into 监督保障 without the words; a hint is enough.
        f = f.severity(crate::diag::Severity::Info);
    }
    out.push(f);
}
