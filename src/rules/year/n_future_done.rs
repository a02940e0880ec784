use super::done::reports_work_done;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{has_any, is_future};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 用过去时叙述某年已完成的工作（“2024年，我局主动公开信息30条”），而该年份晚于报告年度。
    /// 句中有“将、计划、拟、截至”等词的不算；第五部分（改进计划）不检查。
    ///
    /// ## 为什么是问题
    /// 报告年度之后的工作不可能出现在本年度报告的数据中，年份写错或数据来源有误。
    ///
    /// ## 示例
    /// 错误（2023年度报告）：2024年，我局主动公开政府信息30条。
    /// 正确：2023年，我局主动公开政府信息30条。
    ///
    /// ## 依据
    /// 《条例》第四十九条、第五十条：年报报告的是上一年度的情况。
    pub static N_FUTURE_DONE = {
        id: "N-FUTURE-DONE",
        severity: Error,
        title: "把以后年份的工作写成已完成",
        help: "核对年份：已完成的工作应属于报告年度。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    for s in &r.prose_sentences {
        // 五 is about plans; a plan without a future marker must not read as an error.
        if s.section == Some(5) {
            continue;
        }
        let t = s.text();
        // Only a year after the report year matters; look for one before the wording checks.
        let later: Vec<_> = s.years.iter().copied().filter(|tok| tok.year > y).collect();
        if later.is_empty() || is_future(t) || has_any(t, &["截至", "截止", "预计", "计划", "要求"]) {
            continue;
        }
        for tok in later {
            if reports_work_done(t, &tok, r.org.as_deref()) {
                let message = format!("报告年度为{}年，这里却把{}年的工作写成已完成，请核对年份", y, tok.year);
                out.push(N_FUTURE_DONE.finding(s.span_of(tok.start, tok.end), message));
            }
        }
    }
}
