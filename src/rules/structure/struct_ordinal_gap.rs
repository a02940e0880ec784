use super::util::top_sections;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::Heading;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{chinese_number, OrdinalStyle};

declare_rule! {
    /// ## 检查内容
    /// 同一层级的序号跳号或重号：小标题“（一）（三）”、“1. 1.”；正文列举“一是…三是”，或一段话以
    /// “二是”开头而前面没有“一是”。只检查总体情况、存在的问题及改进情况、其他需要报告的事项三部分的
    /// 文字（表格所在部分的编号属于表格）。
    ///
    /// ## 为什么是问题
    /// 跳号或重号通常是删改后没有重新编号，或漏掉了一项内容，读者会以为少了一段。
    ///
    /// ## 示例
    /// 错误：“我局将……；二是加强培训；三是……”（没有“一是”）。
    /// 正确：“一是完善制度；二是加强培训；三是……”。
    ///
    /// ## 依据
    /// 公文写作规范（序号连续）；实际年报中的常见问题。
    pub static STRUCT_ORDINAL_GAP = {
        id: "STRUCT-ORDINAL-GAP",
        severity: Warning,
        title: "序号跳号或重号",
        help: "按顺序重新编号，确认没有漏掉内容。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    for (i, s) in top.iter().enumerate() {
        if !matches!(s.canonical, 1 | 5 | 6) {
            continue;
        }
        let end = top.get(i + 1).map_or(r.src().len(), |n| n.span.start);
        let end = r.tables.iter().map(|t| t.span.start).filter(|&t| t > s.span.start && t < end).min().unwrap_or(end);
        let children: Vec<&Heading> = super::util::headings_between(r, s.span.start, end)
            .iter()
            .filter(|h| h.ordinal.style != OrdinalStyle::Hanzi)
            .collect();
        headings_gap(r, &children, out);
        enumerations(r, s.span.end, end, out);
    }
}

fn headings_gap(r: &crate::report::Report, children: &[&Heading], out: &mut Vec<Finding>) {
    // Styles in order of first appearance: an earlier style is an ancestor and restarts the later ones.
    let mut order: Vec<OrdinalStyle> = Vec::new();
    let mut last: Vec<(OrdinalStyle, u32)> = Vec::new();
    for h in children {
        let st = h.ordinal.style;
        if !order.contains(&st) {
            order.push(st);
        }
        let rank = order.iter().position(|x| *x == st).unwrap_or(0);
        last.retain(|(s, _)| order.iter().position(|x| x == s).unwrap_or(0) <= rank);
        let n = h.ordinal.number;
        match last.iter_mut().find(|(s, _)| *s == st) {
            Some(entry) => {
                let prev = entry.1;
                if n != 1 && n != prev + 1 {
                    let what = if n <= prev { "重复" } else { "跳号" };
                    out.push(STRUCT_ORDINAL_GAP.finding(
                        h.ordinal_span,
                        format!(
                            "序号{}：上一项为第{}项，此项“{}”为第{}项，应为第{}项",
                            what,
                            prev,
                            r.text(h.ordinal_span),
                            n,
                            prev + 1
                        ),
                    ));
                }
                entry.1 = n;
            }
            None => last.push((st, n)),
        }
    }
}

/// "一是…二是…" in the prose between `from` and `to`, read by sentences (a PDF copy may wrap "一" and
/// "是" onto two lines); a list may run over several sentences, so the count carries over.
fn enumerations(r: &crate::report::Report, from: usize, to: usize, out: &mut Vec<Finding>) {
    let mut prev: Option<u32> = None;
    let in_range = r.prose_sentences.iter().filter(|s| s.span.start >= from && s.span.end <= to);
    for sentence in in_range {
        let t = sentence.text();
        // "是" must follow an ordinal: skip sentences without one cheaply.
        if !t.contains('是') {
            continue;
        }
        for (n, s, e) in enum_tokens(t) {
            let at: Span = sentence.span_of(s, e);
            let msg = match prev {
                None if n == 2 => Some(format!("列举从“{}”开始，前面没有“一是”", r.text(at))),
                Some(m) if n > m + 1 => Some(format!("列举跳号：“{}”之前是第{}项，缺少第{}项", r.text(at), m, m + 1)),
                Some(m) if n == m && n > 1 => Some(format!("列举重号：“{}”之前已有第{}项", r.text(at), m)),
                _ => None,
            };
            if let Some(msg) = msg {
                out.push(STRUCT_ORDINAL_GAP.finding(at, msg));
            }
            prev = Some(n);
        }
    }
}

/// "X是" enumerators at a clause start: (number, start, end) in normalised text.
fn enum_tokens(t: &str) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') {
            continue;
        }
        let boundary =
            k == 0 || matches!(chars[k - 1].1, ',' | '，' | ';' | '；' | '。' | ':' | '：' | '、' | '(' | ')');
        if !boundary {
            continue;
        }
        let mut j = k;
        while j < chars.len()
            && matches!(chars[j].1, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        {
            j += 1;
        }
        if chars.get(j).map(|x| x.1) != Some('是') {
            continue;
        }
        let digits: String = chars[k..j].iter().map(|x| x.1).collect();
        if let Some(n) = chinese_number(&digits) {
            let end = chars.get(j + 1).map_or(t.len(), |x| x.0);
            out.push((n, i, end));
        }
    }
    out
}
