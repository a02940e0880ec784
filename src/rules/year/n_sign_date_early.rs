use crate::declare_rule;
use crate::diag::Finding;
use crate::report::Date;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 报告的发布（落款）日期应晚于报告年度的12月31日。
    ///
    /// ## 为什么是问题
    /// 年度报告报告的是一整年的情况，年度结束前不可能写成。落款早于年底，通常是年份写错
    /// （如把“2016年”写成“2015年”）。
    ///
    /// ## 示例
    /// 错误：2015年度报告，数据“截至2015年12月31日”，落款“2015年3月15日”。
    /// 正确：落款“2016年3月15日”。
    ///
    /// ## 依据
    /// 《条例》第四十九条：每年1月31日前报告上一年度情况；三亚海棠区2015年报实例。
    pub static N_SIGN_DATE_EARLY = {
        id: "N-SIGN-DATE-EARLY",
        severity: Error,
        title: "落款日期早于报告年度结束",
        help: "落款（发布）日期应在报告年度的次年，请核对年份。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    let year_end = Date { year: y, month: 12, day: 31 };
    // The publication date, and the signature's when a portal page gives both (each written once).
    let signed = r.signed.filter(|(_, s)| r.pub_date.is_none_or(|(_, p)| p != *s));
    for (d, span) in [r.pub_date, signed].into_iter().flatten() {
        if d <= year_end {
            let message = format!("落款（发布）日期为{d}，早于报告年度{y}年的年底，应在{}年", y + 1);
            out.push(N_SIGN_DATE_EARLY.finding(span, message));
        }
    }
}
