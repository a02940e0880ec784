use super::util::top_sections;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::Heading;
use crate::rules::Context;
use crate::text::OrdinalStyle;

declare_rule! {
    /// ## 检查内容
    /// 同一层级的标题使用了不同的编号样式：
    /// - 六个一级部分中有的用“一、”、有的用“1、”；
    /// - 同一部分内，一组并列小标题中途换了样式（如“1.聚焦… （二）依申请公开”：“（二）”前面没有
    ///   “（一）”，却接在“1.”之后）；
    /// - 其他部分的小标题都用“（一）”，某个部分却直接用“1.”。
    ///
    /// ## 为什么是问题
    /// 年报格式按“一、（一）1.”分级；混用会让层级关系看不清，也常是复制拼接留下的痕迹。
    ///
    /// ## 示例
    /// 错误：“一、总体情况 1.聚焦重点 （二）依申请公开”。
    /// 正确：“一、总体情况 （一）主动公开 （二）依申请公开”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式的层级编排。
    pub static STRUCT_NUMBERING_MIX = {
        id: "STRUCT-NUMBERING-MIX",
        severity: Warning,
        title: "同级标题编号样式不一致",
        help: "同一层级统一使用一种编号：一级“一、”，二级“（一）”，三级“1.”。",
        check: check,
    }
}

fn style_name(s: OrdinalStyle) -> &'static str {
    match s {
        OrdinalStyle::Hanzi => "“一、”",
        OrdinalStyle::ParenHanzi => "“（一）”",
        OrdinalStyle::Arabic => "“1.”",
        OrdinalStyle::ParenArabic => "“（1）”",
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    // Level 1: the six parts.
    let styles: Vec<OrdinalStyle> = top.iter().filter_map(|s| s.ordinal_parsed.map(|o| o.style)).collect();
    let hanzi = styles.iter().filter(|s| **s == OrdinalStyle::Hanzi).count();
    if hanzi >= 2 {
        for s in &top {
            if let (Some(o), Some(h)) = (s.ordinal_parsed, super::util::heading_of(r, s)) {
                if o.style != OrdinalStyle::Hanzi {
                    let want = crate::report::keys::hanzi(o.number).to_string() + "、";
                    let f = STRUCT_NUMBERING_MIX.finding(
                        h.ordinal_span,
                        format!(
                            "一级标题“{}”使用了“{}”编号，其他部分使用“一、”；应统一为“{want}”",
                            s.title,
                            r.text(h.ordinal_span).trim(),
                        ),
                    );
                    // The part's own number in the parts' style is certain; between siblings below,
                    // which of two styles is wrong is not.
                    let written = r.text(h.ordinal_span);
                    let certain = (1..=10).contains(&o.number) && !written.is_empty() && written.trim() == written;
                    out.push(if certain { f.fix(h.ordinal_span, want) } else { f });
                }
            }
        }
    }
    // Within each part: a sub-heading continuing a sibling run written in another style.
    let mut first_child: Vec<(OrdinalStyle, &Heading)> = Vec::new();
    for (i, s) in top.iter().enumerate() {
        let end = top.get(i + 1).map_or(r.src().len(), |n| n.span.start);
        let children: Vec<&Heading> = super::util::headings_between(r, s.span.start, end)
            .iter()
            .filter(|h| h.ordinal.style != OrdinalStyle::Hanzi)
            .collect();
        if let Some(c) = children.first() {
            first_child.push((c.ordinal.style, c));
        }
        // (style, number) of children[..k], so each lookback is O(1) and the loop stays linear.
        let mut seen: crate::hash::FastSet<(u8, u32)> = crate::hash::FastSet::default();
        for (k, h) in children.iter().enumerate() {
            let n = h.ordinal.number;
            if k > 0 {
                seen.insert((children[k - 1].ordinal.style as u8, children[k - 1].ordinal.number));
            }
            if n < 2 || k == 0 {
                continue;
            }
            let has_prev_same = seen.contains(&(h.ordinal.style as u8, n - 1));
            let prev = children[k - 1];
            if !has_prev_same && prev.ordinal.style != h.ordinal.style && prev.ordinal.number + 1 == n {
                let first_of_prev = seen.contains(&(prev.ordinal.style as u8, 1));
                if !first_of_prev {
                    continue;
                }
                out.push(STRUCT_NUMBERING_MIX.finding(
                    h.ordinal_span,
                    format!(
                        "并列小标题编号样式不一致：前一项用{}，此项“{}”用{}；同级标题应使用同一种编号",
                        style_name(prev.ordinal.style),
                        r.text(h.ordinal_span),
                        style_name(h.ordinal.style)
                    ),
                ));
            }
        }
    }
    // Across parts: most parts open with （一）, one opens with 1. directly.
    let paren = first_child.iter().filter(|(s, _)| *s == OrdinalStyle::ParenHanzi).count();
    if paren >= 2 {
        for (s, h) in &first_child {
            if matches!(s, OrdinalStyle::Arabic | OrdinalStyle::ParenArabic) {
                out.push(STRUCT_NUMBERING_MIX.finding(
                    h.ordinal_span,
                    format!(
                        "此部分的小标题直接使用{}编号，其他部分使用“（一）”；二级标题应统一用“（一）（二）……”",
                        style_name(*s)
                    ),
                ));
            }
        }
    }
}
