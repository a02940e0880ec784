use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 报告年度的三处依据应一致：标题中的年份、统计期限的起始年份、第一部分首句的年份（“2024年，……”）。
    ///
    /// ## 为什么是问题
    /// 三处年份不一致，说明报告是由往年文本改写而来、改漏了，读者无法确定数据属于哪一年。
    ///
    /// ## 示例
    /// 错误：标题“2023年政府信息公开工作年度报告”，正文“统计期限为2022年1月1日至12月31日”。
    /// 正确：标题与统计期限都写2023年。
    ///
    /// ## 依据
    /// 《条例》第四十九条（报告上一年度情况）；报告内部一致性。
    pub static N_YEAR_CONFLICT = {
        id: "N-YEAR-CONFLICT",
        severity: Error,
        title: "报告年度前后不一致",
        help: "统一标题、统计期限和首句中的年份。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let ev = &r.year_evidence;
    let mut found: Vec<(&str, i32, Span)> = Vec::new();
    if let Some((y, s)) = ev.title {
        found.push(("标题", y, s));
    }
    if let Some((y, s)) = ev.period {
        found.push(("统计期限", y, s));
    }
    if let Some((y, s)) = ev.first_sentence.filter(|(_, s)| crate::report::query::dates_the_year(r.src(), *s)) {
        found.push(("第一部分首句", y, s));
    }
    let Some(&(base_name, base_year, _)) = found.first() else { return };
    for &(name, year, span) in &found[1..] {
        if year != base_year {
            let message = format!("{base_name}的年份是{base_year}年，{name}却写{year}年，请核对报告年度");
            out.push(N_YEAR_CONFLICT.finding(span, message));
        }
    }
}
