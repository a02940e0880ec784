use super::util::{ordinal_span, top_sections};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::keys::{hanzi, part_name};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 六个部分的一级序号应依次为一、二、三、四、五、六，且按这个顺序出现。例如“存在的主要问题及改进情况”
    /// 必须是“五、”。整体错位一位（标题二至六依次写成一至五）由 STRUCT-SECTION-SHIFT 单独报告，此处不重复。
    ///
    /// ## 为什么是问题
    /// 年报格式固定了六个部分的编号，读者和上级检查都按编号查找内容；编号错了说明漏了部分或顺序颠倒。
    ///
    /// ## 示例
    /// 错误：“四、存在的主要问题及改进情况”。
    /// 正确：“五、存在的主要问题及改进情况”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式。
    pub static STRUCT_SECTION_ORDER = {
        id: "STRUCT-SECTION-ORDER",
        severity: Error,
        title: "部分序号与顺序",
        help: "按年报格式把六个部分依次编为一至六。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    if super::struct_section_shift::shifted(r).is_some() {
        return;
    }
    let mut max_seen = 0u8;
    for s in &top {
        if let Some(o) = s.ordinal_parsed {
            if o.number != u32::from(s.canonical) {
                out.push(STRUCT_SECTION_ORDER.finding(
                    ordinal_span(r, s),
                    format!(
                        "“{}”的序号为“{}”，按年报格式应为“{}、”",
                        s.title,
                        s.ordinal,
                        hanzi(u32::from(s.canonical))
                    ),
                ));
                continue;
            }
        }
        if s.canonical < max_seen {
            out.push(STRUCT_SECTION_ORDER.finding(
                s.span,
                format!("{}出现在{}之后；应按一至六的顺序排列", part_name(s.canonical), part_name(max_seen)),
            ));
        }
        max_seen = max_seen.max(s.canonical);
    }
}
