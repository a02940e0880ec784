use crate::declare_rule;
use crate::diag::Finding;
use crate::report::Date;
use crate::rules::common::{find_dates, has_any, is_future};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文中写明的具体日期（年月日）不应晚于报告的发布（落款）日期，也不应晚于今天。
    /// 讲计划、期限的句子（“将于……前完成”）不算。
    ///
    /// ## 为什么是问题
    /// 报告不可能记述发布以后才发生的事。出现这样的日期，要么日期写错，要么落款日期写错，
    /// 要么报告发布后被改动过。
    ///
    /// ## 示例
    /// 错误：落款2024年1月20日，正文“2024年2月5日召开政务公开工作会议”。
    /// 正确：正文所记日期都不晚于落款日期。
    ///
    /// ## 依据
    /// 报告内部一致性；CASS 2016 年报评估（“发布后有变动”）。
    pub static N_DATE_AFTER_PUB = {
        id: "N-DATE-AFTER-PUB",
        severity: Error,
        title: "正文日期晚于发布日期",
        help: "核对正文日期和落款（发布）日期。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // An early signature is N-SIGN-DATE-EARLY's finding; comparing with it would only repeat it.
    let pub_date =
        r.pub_date.filter(|(d, _)| r.trusted_year().is_none_or(|y| *d > Date { year: y, month: 12, day: 31 }));
    if pub_date.is_none() && ctx.today.is_none() {
        return;
    }
    for s in &r.prose_sentences {
        let t = s.text();
        // Most sentences hold no date: look for one before the costlier wording checks.
        let dates = find_dates(t);
        if dates.is_empty()
            || is_future(t)
            || has_any(t, &["日期", "时间:", "之前", "前完成", "前报送", "前发布", "期限"])
        {
            continue;
        }
        for d in dates {
            let span = s.span_of(d.start, d.end);
            if r.pub_date.is_some_and(|(_, ps)| ps.contains(span) || span.contains(ps)) {
                continue;
            }
            if t[d.end..].starts_with('前') {
                continue;
            }
            if let Some((p, _)) = pub_date.filter(|(p, _)| d.date > *p) {
                let message = format!("正文日期{}晚于报告发布（落款）日期{}，请核对", d.date, p);
                out.push(N_DATE_AFTER_PUB.finding(span, message));
            } else if let Some(today) = ctx.today.filter(|td| d.date > *td) {
                let message = format!("正文日期{}晚于今天（{}），请核对", d.date, today);
                out.push(N_DATE_AFTER_PUB.finding(span, message));
            }
        }
    }
}
