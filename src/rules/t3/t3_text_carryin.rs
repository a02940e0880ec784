use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::{first_count, fmt_num, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文“上年结转（政府信息公开申请）N 件”中的 N，等于第三部分表格“二、上年结转政府信息公开申请数量”总计。
    ///
    /// 只看第一部分和第三部分正文中第一处这样的说法；含“累计、历年、同比、较上年”等或提到其他年份的句子不看。
    ///
    /// ## 为什么是问题
    /// 正文和表格的上年结转数不同，说明其中一处写错。
    ///
    /// ## 示例
    /// 错误：正文“上年结转申请2件”，表格上年结转总计 1。
    /// 正确：两处都是 2 件。
    ///
    /// ## 依据
    /// 报告内部一致性。
    pub static T3_TEXT_CARRYIN = {
        id: "T3-TEXT-CARRYIN",
        severity: Error,
        title: "正文上年结转数与表格一致",
        help: "核对正文中的上年结转数与表三“上年结转”总计。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let key = CellKey::T3(T3Row::R02, T3Col::C7);
    let Some(v) = r.number(key) else { return };
    let sents = this_year_sentences(r, &[1, 3]);
    let Some(hit) = first_count(&sents, &["上年结转", "上年度结转", "上一年度结转", "上一年结转"], 12, &|_, _, _| true)
    else {
        return;
    };
    if hit.value == v {
        return;
    }
    let message = format!(
        "正文“{}”写的是 {} 件，而第三部分表格“二、上年结转政府信息公开申请数量”总计为 {}；两者应一致",
        r.text(hit.quote),
        fmt_num(hit.value),
        fmt_num(v)
    );
    out.push(T3_TEXT_CARRYIN.finding(hit.span, message).cells([key]));
}
