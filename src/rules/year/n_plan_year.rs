use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{has_any, is_future};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第五部分“存在的主要问题及改进情况”中，给改进计划标注的年份（“2024年，我镇将……”“在2024年将……”）
    /// 应为报告年度的下一年。只看给计划动作定时间的年份，不看给问题定时间的年份
    /// （“针对2024年存在的问题，我镇将……”不算）。
    ///
    /// ## 为什么是问题
    /// 年度报告在次年初发布，改进措施面向下一年度。计划写成报告年度本身，或写成更早的年份，
    /// 多半是沿用了往年的文字，说明报告没有认真修订。
    ///
    /// ## 示例
    /// 错误（2024年度报告）：2024年，我镇将严格按照上级部门的要求，进一步加强……
    /// 正确：2025年，我镇将严格按照上级部门的要求，进一步加强……
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（五）存在的主要问题及改进情况；《条例》第五十条第四项。
    pub static N_PLAN_YEAR = {
        id: "N-PLAN-YEAR",
        severity: Error,
        title: "改进计划年份不对",
        help: "改进计划应写报告年度的下一年，请核对年份。",
        check: check,
    }
}

/// Words that may stand between the clause start and a year that dates the action.
const PREFIXES: [&str; 8] = ["", "在", "于", "到", "至", "进入", "展望", "面向"];
/// What may follow such a year (after an optional 度).
const FOLLOWERS: [&str; 12] = [",", "将", "我", "本", "要", "拟", "计划", "全年", "起", "继续", "里", "内"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    for s in r.part_sentences(5).collect::<Vec<_>>() {
        let t = s.text();
        // Sentences about last year's report and its rectification quote old plans on purpose.
        if has_any(t, &["整改", "上年度", "上一年度", "去年", "年报", "年度报告", "提出"]) {
            continue;
        }
        for tok in s.years.iter().copied() {
            if tok.year > y {
                continue;
            }
            let clause_start = t[..tok.start].rfind([',', ';', ':', '。']).map_or(0, |i| i + 1);
            let prefix = run_in_heading_removed(&t[clause_start..tok.start]);
            // "我局将在2025年重点做好…": the body, then 将/拟/计划 and 在/于, dates the action too.
            let body_will = prefix.chars().count() <= 10
                && ["将在", "将于", "拟在", "拟于", "计划在", "计划于", "要在"].iter().any(|w| prefix.ends_with(w));
            if !PREFIXES.contains(&prefix) && !body_will {
                continue;
            }
            let after = &t[tok.end..];
            let after = after.strip_prefix('度').unwrap_or(after);
            let org_follows = r.org.as_deref().is_some_and(|o| !o.is_empty() && after.starts_with(o));
            // "我局将在2024年的基础上…" builds on the year: it does not date the action.
            let body_will = body_will && !after.starts_with(['的', '基', '成', '工']);
            if !(body_will || org_follows || FOLLOWERS.iter().any(|f| after.starts_with(f))) {
                continue;
            }
            if !body_will && !is_future(&t[tok.start..]) {
                continue;
            }
            let message = if tok.year == y {
                format!("改进计划写的是{}年，报告年度为{}年，应为{}年", tok.year, y, y + 1)
            } else {
                format!("改进计划写的是{}年，早于报告年度{}年，疑为沿用往年报告的文字，应为{}年", tok.year, y, y + 1)
            };
            let span = s.span_of(tok.start, tok.end);
            let mut f = N_PLAN_YEAR.finding(span, message);
            // The year as written in digits: the next year replaces it.
            if let Some(rest) = r.text(span).strip_prefix(&tok.year.to_string()) {
                f = f.fix(span, format!("{}{rest}", y + 1));
            }
            out.push(f);
        }
    }
}

/// What is left of a clause start once a run-in heading is taken off: one-line copies glue the heading
/// to its first sentence ("（三）改进措施2025年，我局将……").
fn run_in_heading_removed(prefix: &str) -> &str {
    match crate::text::split_ordinal(prefix) {
        (Some(_), rest) if has_any(rest, &["改进", "措施", "计划", "打算", "下一步", "努力方向"]) => {
            ["改进措施", "改进计划", "工作计划", "工作打算", "下一步工作", "下一步", "努力方向"]
                .iter()
                .find_map(|h| rest.find(h).map(|at| &rest[at + h.len()..]))
                .map(|r| r.trim_start_matches(['。', '.', ':', ' ']))
                .unwrap_or(prefix)
        }
        _ => prefix,
    }
}
