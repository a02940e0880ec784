use crate::declare_rule;
use crate::diag::{Finding, Related};
use crate::report::Report;
use crate::rules::common::problem_sentences;
use crate::rules::yoy::util::{gram_set, jaccard, lines, masked, percent, quote};
use crate::rules::Context;
use crate::span::LineIndex;
use crate::span::Span;
use crate::text::hanzi_count;

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，取两年报告第五部分中列举问题的文字（从第一句提到问题、不足、短板、差距等的句子起，
    /// 到第一句讲改进措施的句子为止；提到上一年度或整改的句子不算），屏蔽年份和数字后按连续 3 个字的片段
    /// 计算相似度（Jaccard 系数）。相似度达到 80% 时提示两年所列问题雷同。
    ///
    /// ## 为什么是问题
    /// “存在的主要问题”应是本年度工作中发现的问题。连续两年列出几乎相同的问题，要么是照抄上年报告，
    /// 要么说明上年的问题没有整改；两种情况都应在报告中如实说明。
    ///
    /// ## 示例
    /// 错误：2023、2024 两年都写“一是网上互动不够，二是政务公开的重点不够突出，三是信息质量有待提高”。
    /// 正确：2024 年写本年发现的新问题，并说明上年所列问题的整改情况。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（五）存在的主要问题及改进情况；各地年报考评中“内容雷同”的扣分做法。
    pub static C5_SAME_PROBLEMS = {
        id: "C5-SAME-PROBLEMS",
        severity: Warning,
        title: "所列问题与上年雷同",
        help: "写明本年度实际存在的问题；上年问题仍未解决的，说明整改进展和原因。",
        check: check,
    }
}

const N: usize = 3;
const THRESHOLD: f64 = 0.8;
/// Fewer 汉字 than this is too little to call two lists the same.
const MIN_HANZI: usize = 20;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(false) else { return };
    let r = ctx.report;
    let (now, before) = (problem_sentences(r), problem_sentences(prev));
    let hanzi = |rep: &Report, spans: &[Span]| spans.iter().map(|s| hanzi_count(rep.text(*s))).sum::<usize>();
    if hanzi(r, &now) < MIN_HANZI || hanzi(prev, &before) < MIN_HANZI {
        return;
    }
    let sim = jaccard(
        &gram_set(&masked(r, now.iter().copied(), true), N),
        &gram_set(&masked(prev, before.iter().copied(), true), N),
    );
    if sim < THRESHOLD {
        return;
    }
    let (Some(first), Some(last)) = (now.first(), now.last()) else { return };
    let span = first.cover(*last);
    let prev_span = before.first().zip(before.last()).map(|(a, b)| a.cover(*b)).unwrap_or_default();
    let message = format!(
        "第五部分所列问题与{}的相似度为 {}（屏蔽年份和数字后按3字片段计算）：本年“{}”，上年报告{}“{}”",
        prev.year.map_or_else(|| "上年报告".to_string(), |y| format!("上年（{y}年）报告")),
        percent(sim),
        quote(r.src(), span, 30),
        lines(&LineIndex::new(prev.src()), prev_span),
        quote(prev.src(), prev_span, 30),
    );
    let related = (!before.is_empty()).then_some(Related { span, previous: prev_span });
    out.push(C5_SAME_PROBLEMS.finding(span, message).related(related));
}
