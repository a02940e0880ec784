use crate::declare_rule;
use crate::diag::Finding;
use crate::hash::FastSet;
use crate::report::Report;
use crate::rules::common::has_any;
use crate::rules::common::problem_sentences;
use crate::rules::Context;
use crate::text::{find_years, hanzi_count, is_hanzi, label};

declare_rule! {
    /// ## 检查内容
    /// 第五部分应说明上一年度报告所列问题的整改情况：有一句同时提到上一年度（上年度、上一年度、去年、
    /// 上年或报告年度前一年的年份）和整改、改进或落实，或有“上年度问题整改情况”之类的小标题。
    ///
    /// ## 为什么是问题
    /// 年报格式要求报告改进情况，各地模板都要求写“上年度问题整改情况”；只列新问题，看不出旧问题是否解决。
    ///
    /// ## 示例
    /// 不完整：只写“存在的问题：一是……二是……”和下一步打算。
    /// 完整：“针对上年度报告中指出的信息更新不及时问题，已建立定期巡查制度，整改到位。”
    ///
    /// 给出上年报告时，还逐项核对上年第五部分列出的问题（“一是……二是……”）在本年第五部分是否再被提及
    /// （按汉字二元组重合度计算，少于一半视为未提及），并列出未提及的问题。
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
    if hanzi_count(&r.part_text(5)) < 20 {
        return;
    }
    let prior_year = r.trusted_year().map(|y| y - 1);
    let mut texts: Vec<String> =
        r.part_sentences(5).collect::<Vec<_>>().into_iter().map(|s| s.text().to_string()).collect();
    texts.extend(r.headings.iter().filter(|h| r.section_of(h.span) == Some(5)).map(|h| h.body.clone()));
    let covered = texts.iter().any(|t| {
        let prior = has_any(t, &PRIOR) || find_years(t).iter().any(|y| Some(y.year) == prior_year);
        prior && has_any(t, &FIX)
    });
    let unaddressed = ctx.previous.map(|prev| unaddressed_problems(prev, r)).unwrap_or_default();
    if !covered || !unaddressed.is_empty() {
        let mut message = if covered {
            "第五部分说明了上年度问题的整改情况，但上年报告所列的部分问题本年未见回应".to_string()
        } else {
            "第五部分没有说明上一年度年报所列问题的整改情况，建议补充".to_string()
        };
        if !unaddressed.is_empty() {
            let list: Vec<String> = unaddressed.iter().take(3).map(|p| format!("“{p}”")).collect();
            message.push_str(&format!(
                "；上年报告列出的问题中有 {} 项本年未提及整改：{}",
                unaddressed.len(),
                list.join("、")
            ));
        }
        out.push(C5_PRIOR_YEAR.finding(sec.span, message));
    }
}

/// The problems listed in last year's 五 ("一是…二是…", or one per clause) that this year's text does
/// not take up again: fewer than half of the problem's character pairs appear anywhere in this year's
/// 五. Words that every problem shares (问题, 不够, 有待提高…) do not count.
fn unaddressed_problems(prev: &Report, r: &Report) -> Vec<String> {
    let now: String = r.part_sentences(5).collect::<Vec<_>>().iter().map(|s| s.text()).collect();
    let now_pairs = pairs(&now);
    let mut out = Vec::new();
    for span in problem_sentences(prev) {
        for item in items(prev.text(span)) {
            let p = pairs(&item);
            if p.len() < 4 {
                continue;
            }
            let shared = p.iter().filter(|x| now_pairs.contains(*x)).count();
            if shared * 2 < p.len() {
                out.push(item);
            }
        }
    }
    out
}

/// Splits a problem sentence at 一是/二是…, ；, and "，" before a numbered item; drops the lead-in.
fn items(sentence: &str) -> Vec<String> {
    let t = label(sentence);
    let mut parts = vec![String::new()];
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let numbered = crate::text::is_hanzi_digit(c) && chars.get(i + 1) == Some(&'是');
        if numbered || matches!(c, ';' | '；') {
            parts.push(String::new());
            i += if numbered { 2 } else { 1 };
            continue;
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
        i += 1;
    }
    // Without 一是… the whole sentence is one problem; with it, what comes before 一是 is a lead-in.
    if parts.len() > 1 {
        parts.remove(0);
    }
    parts
        .into_iter()
        .map(|p| p.trim_matches(|c: char| matches!(c, ',' | '，' | '。' | ':' | '：' | '、')).to_string())
        .filter(|p| hanzi_count(p) >= 4)
        .collect()
}

/// Common words of problem lists, removed before comparing.
const GENERIC: [&str; 12] =
    ["问题", "不足", "有待", "提高", "加强", "不够", "存在", "部分", "进一步", "工作", "方面", "等"];

/// Pairs of adjacent 汉字 of the text, without the generic words.
fn pairs(text: &str) -> FastSet<(char, char)> {
    let mut t = text.to_string();
    for g in GENERIC {
        t = t.replace(g, "|");
    }
    let cs: Vec<char> = t.chars().collect();
    cs.windows(2).filter(|w| is_hanzi(w[0]) && is_hanzi(w[1])).map(|w| (w[0], w[1])).collect()
}
