use super::util::top_sections;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::keys::part_name;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 年报应有六个一级部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
    /// 四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。
    /// 每个部分应恰好出现一次。
    ///
    /// 文本不完整时不误报：缺在最后的部分，只有在文末有落款日期（说明文本是完整的）时才报告；
    /// 缺在最前面的部分，只有在第一个找到的部分之前还有正文（说明文本不是从中间截取的）时才报告。
    /// 一个部分标题都没有找到、但有统计表格时，提示标题可能全部缺失（警告）。
    ///
    /// ## 为什么是问题
    /// 条例第五十条和年报格式规定了年报的内容，缺少一个部分就是少报了法定内容；重复出现说明编号或结构混乱。
    ///
    /// ## 示例
    /// 错误：全文只有“一”至“五”，没有“六、其他需要报告的事项”。
    /// 正确：六个部分齐全，按顺序各出现一次。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号 年度报告格式。
    pub static STRUCT_SECTIONS_PRESENT = {
        id: "STRUCT-SECTIONS-PRESENT",
        severity: Error,
        title: "六个部分齐全",
        help: "按年报格式补齐缺少的部分标题和内容，每个部分只写一次。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    if top.is_empty() {
        if let Some(t) = r.tables.iter().min_by_key(|t| t.span.start) {
            let f = STRUCT_SECTIONS_PRESENT
                .finding(
                    r.table_head(t),
                    "未识别到任何一级部分标题（如“一、总体情况”），但文中有统计表格；请确认六个部分的标题是否齐全",
                )
                .severity(crate::diag::Severity::Warning);
            out.push(f);
        }
        return;
    }
    // Duplicates: a second heading for the same part (a table of contents has empty bodies; skip those).
    // The first heading of each part and whether it has a body, computed once per part (linear).
    let mut first_of: [Option<(&crate::report::Section, Option<bool>)>; 256] = [None; 256];
    for s in top.iter() {
        let Some(entry) = first_of[usize::from(s.canonical)].as_mut() else {
            first_of[usize::from(s.canonical)] = Some((s, None));
            continue;
        };
        let first = entry.0;
        {
            let has_body = *entry.1.get_or_insert_with(|| {
                let idx = r.sections.iter().position(|x| std::ptr::eq(x, first));
                r.paragraphs.iter().any(|p| p.section == idx && !p.heading)
                    || r.tables.iter().any(|t| first.body.contains(t.span))
            });
            if has_body {
                out.push(
                    STRUCT_SECTIONS_PRESENT
                        .finding(s.span, format!("{}重复出现；每个部分应只出现一次", part_name(s.canonical))),
                );
            }
        }
    }
    let found = |k: u8| top.iter().any(|s| s.canonical == k);
    let first = top.iter().map(|s| s.canonical).min().unwrap_or(1);
    let last = top.iter().map(|s| s.canonical).max().unwrap_or(6);
    let first_start = top.iter().map(|s| s.span.start).min().unwrap_or(0);
    let last_start = top.iter().map(|s| s.span.start).max().unwrap_or(0);
    // Prose before the first section other than the title: the text starts at the beginning of the report.
    let starts_at_beginning = r.title.as_ref().is_some_and(|t| t.span.end <= first_start)
        || r.paragraphs.iter().any(|p| {
            let t = r.text(p.span);
            p.span.end <= first_start
                && !p.heading
                && !t.contains("http")
                && ["根据", "条例", "年度报告", "本报告", "依据"].iter().any(|w| t.contains(w))
        });
    // A signature or publication date after the last section: the text runs to the end of the report.
    let complete_tail = [r.pub_date, r.signed].iter().flatten().any(|(_, s)| s.start > last_start);
    for k in 1..=6u8 {
        if found(k) {
            continue;
        }
        let (anchor, ok) = if k < first {
            (top.iter().find(|s| s.canonical > k), starts_at_beginning)
        } else if k > last {
            (top.iter().rev().find(|s| s.canonical < k), complete_tail)
        } else {
            (top.iter().find(|s| s.canonical > k), true)
        };
        let Some(anchor) = anchor else { continue };
        if !ok {
            continue;
        }
        out.push(
            STRUCT_SECTIONS_PRESENT.finding(anchor.span, format!("未找到{}；年报格式要求六个部分齐全", part_name(k))),
        );
    }
}
