use super::util::top_sections;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{chinese_number, Mode, Norm};

declare_rule! {
    /// ## 检查内容
    /// 引言中“报告由……等N部分组成”“全文包括……N个部分”的 N 应为六；如果列出了各部分名称，
    /// 应能对应到六个法定部分；用引号逐一列出的名称多于所称的部分数（如把“政府信息公开行政复议、
    /// 行政诉讼情况”拆成两项后称“六个部分”），也提示核对。只看第一个部分标题之前的文字和“总体情况”的第一段。
    ///
    /// ## 为什么是问题
    /// 引言与正文结构不符，说明引言是从旧报告或旧模板复制的，或正文漏了部分。
    ///
    /// ## 示例
    /// 错误：“全文包括总体情况、公开的内容、存在的主要问题改进措施四个部分”。
    /// 正确：“全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和
    /// 行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（六个部分）。
    pub static STRUCT_INTRO_PARTCOUNT = {
        id: "STRUCT-INTRO-PARTCOUNT",
        severity: Warning,
        title: "引言所述部分数与格式不符",
        help: "引言按六个部分介绍报告结构，与正文一致。",
        check: check,
    }
}

/// Keywords that name each of the six parts in an intro list.
const PART_WORDS: [&[&str]; 6] = [
    &["总体情况", "概述"],
    &["主动公开"],
    &["收到和处理", "依申请"],
    &["行政复议", "行政诉讼"],
    &["问题", "改进"],
    &["其他需要报告", "其他事项", "其他需报告"],
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    let first = top.iter().map(|s| s.span.start).min().unwrap_or(0);
    // The intro: prose before the first part, or the first paragraph of 总体情况.
    let mut paras: Vec<Span> = r.prose().filter(|p| p.span.end <= first).map(|p| p.span).collect();
    if let Some(p) = r.section_paragraphs(1).next() {
        paras.push(p.span);
    }
    let (Some(a), Some(b)) = (paras.first(), paras.last()) else { return };
    let span = a.cover(*b);
    let norm = Norm::new(r.text(span), span.start, Mode::Label);
    let t = &norm.text;
    let Some((n, ns, ne, list)) = find_count(t) else { return };
    let nspan = norm.span(ns, ne);
    // Quoted names count the parts as the author listed them (an official name such as
    // “政府信息公开行政复议、行政诉讼情况” holds a 、 itself, so only quotes can tell). Normalising
    // dropped the quotes around the list's ends: count the opening quotes inside, plus the first.
    let list_span = norm.span(ns - list.len(), ns);
    let first_quoted = r.src()[..list_span.start].ends_with('“');
    let quoted = r.text(list_span).matches('“').count() + usize::from(first_quoted);
    if quoted > n as usize && quoted >= 4 {
        out.push(Finding::new(
            &STRUCT_INTRO_PARTCOUNT,
            nspan,
            format!(
                "引言用引号列出了{quoted}个部分名称，却称共{}部分；年报格式规定为六个部分，请核对各部分名称",
                r.text(nspan)
            ),
        ));
        return;
    }
    if n != 6 {
        out.push(Finding::new(
            &STRUCT_INTRO_PARTCOUNT,
            nspan,
            format!("引言称报告由{}部分组成，年报格式规定为六个部分", r.text(nspan)),
        ));
        return;
    }
    let named: Vec<usize> = (0..6).filter(|&k| PART_WORDS[k].iter().any(|w| list.contains(w))).collect();
    if named.len() >= 3 && named.len() < 6 {
        let missing: Vec<&str> = (0..6)
            .filter(|k| !named.contains(k))
            .filter_map(|k| crate::report::labels::SECTION_TITLES.get(k).copied())
            .collect();
        out.push(Finding::new(
            &STRUCT_INTRO_PARTCOUNT,
            nspan,
            format!("引言称共六部分，但只列出了{}个，未提到“{}”", named.len(), missing.join("”“")),
        ));
    }
}

/// "…等六部分" / "…六个部分": (N, start, end of the numeral, the listed text before it).
fn find_count(t: &str) -> Option<(u32, usize, usize, String)> {
    for (at, _) in t.match_indices("部分") {
        let before = &t[..at];
        let before = before.strip_suffix('个').unwrap_or(before);
        let num: String = before
            .chars()
            .rev()
            .take_while(|c| {
                c.is_ascii_digit() || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if num.is_empty() {
            continue;
        }
        let ns = before.len() - num.len();
        let lead = &t[..ns];
        // It must read as a description of the report's parts.
        let tail: String = lead.chars().rev().take(200).collect::<Vec<_>>().into_iter().rev().collect();
        if !["包括", "包含", "分为", "由", "共分"].iter().any(|w| tail.contains(w)) {
            continue;
        }
        if !(lead.ends_with('等') || lead.ends_with("包括") || lead.ends_with("分为") || tail.contains("报告")) {
            continue;
        }
        let n = if num.chars().all(|c| c.is_ascii_digit()) { num.parse().ok()? } else { chinese_number(&num)? };
        let cue =
            ["包括", "包含", "分为", "由"].iter().filter_map(|w| tail.rfind(w).map(|i| i + w.len())).max().unwrap_or(0);
        return Some((n, ns, ns + num.len(), tail[cue..].to_string()));
    }
    None
}
