use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 报告年度的三处依据应一致：标题中的年份、统计期限的起始年份、第一部分首句的年份（“2024年，……”）。
    /// 多数依据一致时以多数为报告年度（标题沿用了上一年而统计期限和首句都写本年度时，标题是错的那一处）；
    /// 各执一词时以标题为准。
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
    let Some(year) = r.year else { return };
    let sources = r.year_evidence.sources();
    let agreeing: Vec<&str> = sources.iter().filter(|s| s.1 == year).map(|s| s.0).collect();
    if agreeing.is_empty() {
        return;
    }
    let base = match agreeing.as_slice() {
        [one] => format!("{one}的年份是{year}年"),
        many => format!("{}都写{year}年", many.join("和")),
    };
    for &(name, other, span) in sources.iter().filter(|s| s.1 != year) {
        let message = format!("{base}，{name}却写{other}年，请核对报告年度");
        out.push(N_YEAR_CONFLICT.finding(span, message));
    }
}
