use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{find_all, is_future};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第五部分中讲今后打算的句子里出现“今年”（如“我们在今年的工作中，将进一步改进”）。
    ///
    /// ## 为什么是问题
    /// 年报在次年发布，读者读到“今年”时已是报告年度的下一年，“今年”究竟指哪一年说不清。
    /// 写明具体年份更准确。
    ///
    /// ## 示例
    /// 不清楚（2024年度报告）：我们在今年的工作中，将进一步改进。
    /// 清楚：2025年，我们将进一步改进。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（五）改进情况面向下一年度；道县文广新局2013年报实例。
    pub static N_RELATIVE_YEAR = {
        id: "N-RELATIVE-YEAR",
        severity: Info,
        title: "计划中的“今年”指代不明",
        help: "把“今年”改为具体年份（报告年度的下一年）。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    if r.pub_date.is_some_and(|(d, _)| d.year != y + 1) {
        return;
    }
    for s in r.part_sentences(5).collect::<Vec<_>>() {
        let t = s.text();
        if !is_future(t) {
            continue;
        }
        for w in ["今年"] {
            // "今年存在的问题" dates the problems, not the plan.
            let dates_problems = |i: usize| {
                let rest = &t[i + w.len()..];
                ["存在", "的问题", "度存在", "度的问题", "出现", "工作中存在"].iter().any(|p| rest.starts_with(p))
            };
            if let Some(i) = find_all(t, w).find(|&i| !dates_problems(i)) {
                let message = format!("计划中写“{w}”，年报在{}年发布，容易误解，建议写明“{}年”", y + 1, y + 1);
                // Published in the next year (checked above), so 今年 is that year.
                let span = s.span_of(i, i + w.len());
                let f = N_RELATIVE_YEAR.finding(span, message);
                out.push(if r.text(span) == w { f.fix(span, format!("{}年", y + 1)) } else { f });
                break;
            }
        }
    }
}
