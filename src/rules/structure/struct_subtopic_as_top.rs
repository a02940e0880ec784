use super::util::top_sections;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::text::OrdinalStyle;

declare_rule! {
    /// ## 检查内容
    /// “一、总体情况”下的小标题（主动公开、依申请公开、政府信息管理、平台建设、监督保障）使用了
    /// 一级序号“一、二、三……”，与六个法定部分的序号混在一起。
    /// 检查范围是“总体情况”标题到第一个编号正确的后续部分标题之间的一级编号标题。
    ///
    /// ## 为什么是问题
    /// 年报格式把这些内容列为“总体情况”的分项，应使用“（一）（二）”二级序号；用一级序号会让读者
    /// 误以为年报结构从头开始，也会使后面六个部分的编号错乱。
    ///
    /// ## 示例
    /// 错误：“一、总体情况 … 一、主动公开工作情况 二、依申请公开工作情况”。
    /// 正确：“一、总体情况 （一）主动公开 （二）依申请公开”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式第一部分“总体情况”的分项。
    pub static STRUCT_SUBTOPIC_AS_TOP = {
        id: "STRUCT-SUBTOPIC-AS-TOP",
        severity: Error,
        title: "总体情况小标题用了一级序号",
        help: "把总体情况下的小标题改用“（一）（二）……”二级序号。",
        check: check,
    }
}

const TOPICS: [&str; 7] = ["主动公开", "依申请公开", "公开申请", "政府信息管理", "平台建设", "监督保障", "监督"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    let Some(first) = top.iter().find(|s| s.canonical == 1) else { return };
    // The region of 一 ends at the first later part numbered as it should be, at 四 or later, or at an
    // exact statutory title.
    let end = top
        .iter()
        .filter(|s| s.span.start > first.span.start && s.canonical >= 2)
        .find(|s| {
            s.canonical >= 4 || !s.variant || s.ordinal_parsed.is_some_and(|o| o.number == u32::from(s.canonical))
        })
        .map_or(r.src().len(), |s| s.span.start);
    let end = if end == r.src().len() {
        // Without a later part the whole rest would count; stop at the first table instead.
        r.tables.iter().map(|t| t.span.start).filter(|&t| t > first.span.start).min().unwrap_or(end)
    } else {
        end
    };
    let offending: Vec<_> = r
        .headings
        .iter()
        .filter(|h| h.span.start > first.span.start && h.span.start < end)
        .filter(|h| h.ordinal.style == OrdinalStyle::Hanzi)
        .filter(|h| h.body.chars().count() <= 30 && TOPICS.iter().any(|t| h.body.contains(t)))
        .filter(|h| {
            // A real part heading numbered correctly is not a sub-topic.
            !top.iter()
                .any(|s| s.span == h.span && s.ordinal_parsed.is_some_and(|o| o.number == u32::from(s.canonical)))
        })
        .collect();
    let Some(h) = offending.first() else { return };
    let list: Vec<String> = offending.iter().map(|h| format!("“{}”", r.text(h.span))).collect();
    out.push(
        STRUCT_SUBTOPIC_AS_TOP.finding(
            h.span,
            format!("“总体情况”下的小标题使用了一级序号：{}；应改用“（一）（二）……”", list.join("、")),
        ),
    );
}
