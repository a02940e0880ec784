use super::done::reports_work_done;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::has_any;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第一至四部分和第六部分中，把上一年当作本年度来叙述工作的句子，如2023年度报告写
    /// “2022年，我局共收到申请5件”。提到上年、去年、结转、决算、同比、整改等的句子不算。
    ///
    /// ## 为什么是问题
    /// 这类句子往往是照搬上一年报告时漏改了年份，数据也可能是旧的。
    ///
    /// ## 示例
    /// 错误（2023年度报告）：2022年，我局共收到政府信息公开申请5件。
    /// 正确：2023年，我局共收到政府信息公开申请5件。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（四）明确责任：报告“内容雷同、敷衍塞责”的要追责；《条例》第四十九条。
    pub static N_STALE_YEAR = {
        id: "N-STALE-YEAR",
        severity: Warning,
        title: "疑似沿用上一年年份",
        help: "核对该句的年份和数据是否为报告年度的。",
        check: check,
    }
}

const EXCLUDE: [&str; 14] =
    ["上年", "上一年", "去年", "结转", "决算", "年报", "年度报告", "同比", "较", "比", "整改", "截至", "截止", "以来"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    for s in &r.prose_sentences {
        if !matches!(s.section, Some(1..=4) | Some(6)) {
            continue;
        }
        let t = s.text();
        if has_any(t, &EXCLUDE) {
            continue;
        }
        for tok in s.years.iter().copied() {
            if tok.year == y - 1 && reports_work_done(t, &tok, r.org.as_deref()) {
                let message = format!("这里把{}年的工作当作本年度叙述，报告年度为{}年，请核对年份和数据", tok.year, y);
                out.push(N_STALE_YEAR.finding(s.span_of(tok.start, tok.end), message));
            }
        }
    }
}
