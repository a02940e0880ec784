use crate::declare_rule;
use crate::diag::{Finding, Related, Severity};
use crate::report::Report;
use crate::rules::yoy::util::{char_count, gram_set, jaccard, lines, masked, passages, percent, quote, Unit, NUM};
use crate::rules::Context;
use crate::span::{LineIndex, Span};

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，比较两年报告的正文文字（不含表格和各部分标题）：先把年份和数字一律屏蔽，
    /// 再按连续 5 个字的片段计算相似度（Jaccard 系数）。相似度达到 85% 为警告；达到 95% 且
    /// 正文中的数字（年份除外）也与上年完全相同，即只改了年份，为错误。
    /// 问题定位在本年报告中第一段与上年雷同的较长文字，消息中给出上年报告对应段落的位置。
    ///
    /// ## 为什么是问题
    /// 年报应如实反映本年度的工作。照抄上一年度报告、只改年份，是年报考评和社会评议中
    /// 反复点名的“内容雷同”问题，往往还会留下与本年不符的数字和表述。
    ///
    /// ## 示例
    /// 错误：2024年报告与2023年报告除“2023年”改为“2024年”外逐字相同。
    /// 正确：两年报告的总体情况、存在问题和改进措施分别写各自年度的具体工作，只在套话上相同。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 关于年度报告内容的要求；各地年报考评中“内容雷同”“照搬照抄”扣分的做法。
    pub static N_COPY_PREV = {
        id: "N-COPY-PREV",
        severity: Warning,
        title: "与上年度报告雷同",
        help: "按本年度实际工作重写总体情况、存在问题和改进情况，不要沿用上一年度报告的文字。",
        check: check,
    }
}

/// Character n-gram length of the similarity (rules.md §4.7).
const N: usize = 5;
const WARN: f64 = 0.85;
const ERROR: f64 = 0.95;
/// Below this many characters of prose a similarity says little.
const MIN_CHARS: usize = 200;
/// A copied passage worth pointing at.
const MIN_PASSAGE: usize = 20;
/// At most this many passages are attached for the side-by-side view.
const MAX_RELATED: usize = 50;

/// Prose of a report: every paragraph except the document title and the six section headings.
fn prose_spans(r: &Report) -> Vec<Span> {
    let title = r.title.as_ref().map(|t| t.span);
    r.paragraphs
        .iter()
        .filter(|p| !r.sections.iter().any(|s| s.span.contains(p.span) || p.span.contains(s.span)))
        .filter(|p| !title.is_some_and(|t| t.contains(p.span) || p.span.contains(t)))
        .map(|p| p.span)
        .collect()
}

/// The numbers written in the prose (years excluded), sorted.
fn numbers<'a>(r: &Report<'a>, units: &[Unit]) -> Vec<&'a str> {
    let mut v: Vec<&str> = units.iter().filter(|u| u.c == NUM).map(|u| r.text(u.span)).collect();
    crate::sort::sort(&mut v);
    v
}

fn similarity(cur: &[Unit], prev: &[Unit]) -> f64 {
    jaccard(&gram_set(cur, N), &gram_set(prev, N))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(false) else { return };
    let r = ctx.report;
    let (cur_spans, prev_spans) = (prose_spans(r), prose_spans(prev));
    let cur = masked(r, cur_spans.iter().copied(), true);
    let old = masked(prev, prev_spans.iter().copied(), true);
    if char_count(&cur) < MIN_CHARS || char_count(&old) < MIN_CHARS {
        return;
    }
    let sim = similarity(&cur, &old);
    if sim < WARN {
        return;
    }
    // Error only when the texts differ in nothing but the years: the numbers were not updated either.
    let years_only = sim >= ERROR && numbers(r, &cur) == numbers(prev, &old);
    let found = passages(&cur, &old, N, MIN_PASSAGE);
    let copied: usize = found.iter().map(|p| p.chars).sum();
    let span = found.first().map(|p| p.cur).or_else(|| cur_spans.first().copied()).unwrap_or_default();
    let mut message = format!(
        "本年报告正文与上年报告（{}）的相似度为 {}（屏蔽年份和数字后按5字片段计算），{}；\
         共 {} 段雷同文字，计 {} 字，占本年正文的 {}",
        prev.year.map_or_else(|| "年份不详".to_string(), |y| format!("{y}年")),
        percent(sim),
        if years_only { "除年份外几乎逐字相同" } else { "疑似沿用上年报告" },
        found.len(),
        copied,
        percent(copied as f64 / char_count(&cur).max(1) as f64),
    );
    let (cur_lines, prev_lines) = (LineIndex::new(r.src()), LineIndex::new(prev.src()));
    let shown: Vec<String> = found
        .iter()
        .take(3)
        .map(|p| {
            format!(
                "本年{}“{}”↔ 上年报告{}（字节 {}–{}）",
                lines(&cur_lines, p.cur),
                quote(r.src(), p.cur, 16),
                lines(&prev_lines, p.prev),
                p.prev.start,
                p.prev.end
            )
        })
        .collect();
    if !shown.is_empty() {
        message.push_str("。雷同段落：");
        message.push_str(&shown.join("；"));
    }
    let severity = if years_only { Severity::Error } else { Severity::Warning };
    // Spans of both reports are in the text each was built on; `check` maps them to the inputs.
    let related = found.iter().take(MAX_RELATED).map(|p| Related { span: p.cur, previous: p.prev });
    out.push(N_COPY_PREV.finding(span, message).severity(severity).related(related));
}
