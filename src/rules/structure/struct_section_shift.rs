use super::util::{ordinal_span, top_sections};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::keys::hanzi;
use crate::report::{Report, Section};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 法定标题“主动公开政府信息情况”至“其他需要报告的事项”整体错了一位，依次编成了一至五
    /// （常见于把“总体情况”写成不编号的引言，或总体情况的小标题占用了一级序号）。
    /// 至少两个部分错位、且错位延续到第五或第六部分时才报告。
    ///
    /// ## 为什么是问题
    /// 年报格式固定了六个部分的编号；整体错位说明少了“一、总体情况”这一级，或者结构被打乱。
    ///
    /// ## 示例
    /// 错误：“一、主动公开政府信息情况 … 五、其他需要报告的事项”。
    /// 正确：“二、主动公开政府信息情况 … 六、其他需要报告的事项”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式。
    pub static STRUCT_SECTION_SHIFT = {
        id: "STRUCT-SECTION-SHIFT",
        severity: Error,
        title: "部分序号整体错位",
        help: "把“总体情况”编为“一、”，其后五个部分依次编为二至六。",
        check: check,
    }
}

/// The sections 二–六 numbered one less than their place, when that pattern holds.
pub(super) fn shifted<'r>(r: &'r Report) -> Option<Vec<&'r Section>> {
    let top = top_sections(r);
    let numbered: Vec<&Section> = top.into_iter().filter(|s| s.canonical >= 2 && s.ordinal_parsed.is_some()).collect();
    let off: Vec<&Section> = numbered
        .iter()
        .copied()
        .filter(|s| s.ordinal_parsed.is_some_and(|o| o.number + 1 == u32::from(s.canonical)))
        .collect();
    let right = numbered.iter().any(|s| s.ordinal_parsed.is_some_and(|o| o.number == u32::from(s.canonical)));
    (off.len() >= 2 && !right && off.iter().any(|s| s.canonical >= 5)).then_some(off)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(off) = shifted(r) else { return };
    let Some(first) = off.first() else { return };
    let list: Vec<String> =
        off.iter().map(|s| format!("“{}{}”应为“{}、”", s.ordinal, s.title, hanzi(u32::from(s.canonical)))).collect();
    out.push(
        STRUCT_SECTION_SHIFT
            .finding(ordinal_span(r, first), format!("第二至六部分的序号整体少了一位：{}", list.join("，"))),
    );
}
