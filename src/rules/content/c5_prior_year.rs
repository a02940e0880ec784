use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::year::util::report_year;
use crate::rules::year::util::{has_any, section_sentences, section_text};
use crate::rules::Context;
use crate::text::{find_years, hanzi_count};

declare_rule! {
    /// ## 检查内容
    /// 第五部分应说明上一年度报告所列问题的整改情况：有一句同时提到上一年度（上年度、上一年度、去年、
    /// 上年或报告年度前一年的年份）和整改、改进或落实，或有“上年度问题整改情况”之类的小标题。
    /// （提供上一年度报告时逐条核对的做法尚未实现。）
    ///
    /// ## 为什么是问题
    /// 年报格式要求报告改进情况，各地模板都要求写“上年度问题整改情况”；只列新问题，看不出旧问题是否解决。
    ///
    /// ## 示例
    /// 不完整：只写“存在的问题：一是……二是……”和下一步打算。
    /// 完整：“针对上年度报告中指出的信息更新不及时问题，已建立定期巡查制度，整改到位。”
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（五）存在的主要问题及改进情况（原文待核）；各省年报模板。
    pub static C5_PRIOR_YEAR = {
        id: "C5-PRIOR-YEAR",
        severity: Warning,
        title: "未说明上年度问题整改情况",
        help: "补充上一年度年报所列问题的整改情况。",
        check: check,
    }
}

const PRIOR: [&str; 5] = ["上年度", "上一年度", "去年", "上年", "上一年"];
const FIX: [&str; 6] = ["整改", "改进", "落实", "解决", "改善", "完善"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(5) else { return };
    // Only a complete section can be judged: 六 must follow.
    if !r.sections.iter().any(|s| s.canonical == 6 && s.span.start > sec.span.start) {
        return;
    }
    if hanzi_count(&section_text(r, 5)) < 20 {
        return;
    }
    let prior_year = report_year(r).map(|y| y - 1);
    let mut texts: Vec<String> = section_sentences(r, 5).into_iter().map(|s| s.text().to_string()).collect();
    texts.extend(r.headings.iter().filter(|h| r.section_of(h.span) == Some(5)).map(|h| h.body.clone()));
    let covered = texts.iter().any(|t| {
        let prior = has_any(t, &PRIOR) || find_years(t).iter().any(|y| Some(y.year) == prior_year);
        prior && has_any(t, &FIX)
    });
    if !covered {
        let message = "第五部分没有说明上一年度年报所列问题的整改情况，建议补充";
        out.push(Finding::new(&C5_PRIOR_YEAR, sec.span, message));
    }
}
