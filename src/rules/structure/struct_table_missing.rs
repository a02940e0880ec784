use super::util::{nothing_after, section_name, top_sections};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第二、三、四部分各应有一张统计表，且至少识别出应有单元格的一半。找不到表格时报告“表格缺失或以图片
    /// 发布，无法核对”。
    ///
    /// 文本被截断时不误报：该部分是文中最后一个部分、且其后（或表格之后）已没有任何内容时不报告。
    ///
    /// ## 为什么是问题
    /// 年报格式以表格报送这三部分的数据；没有表格或表格是图片时，数据既无法核对也无法被检索。
    ///
    /// ## 示例
    /// 错误：“三、收到和处理政府信息公开申请情况”之后直接是“四、……”。
    /// 正确：第三部分含完整的申请情况统计表。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（表二至表四）。
    pub static STRUCT_TABLE_MISSING = {
        id: "STRUCT-TABLE-MISSING",
        severity: Error,
        title: "统计表缺失",
        help: "按年报格式以文字表格发布第二、三、四部分的统计表（不要只放图片）。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let top = top_sections(r);
    let complete_tail = |at: usize| r.pub_date.as_ref().is_some_and(|(_, s)| s.start > at);
    for (k, id) in [(2u8, TableId::T2), (3, TableId::T3), (4, TableId::T4)] {
        let Some(i) = top.iter().position(|s| s.canonical == k) else { continue };
        let s = top[i];
        let end = top.get(i + 1).map_or(r.src().len(), |n| n.span.start);
        let is_last = top.iter().all(|o| o.span.start <= s.span.start);
        if is_last && !complete_tail(s.span.start) {
            // The text ends in this part: it may have been cut off.
            continue;
        }
        let table = r.table(id);
        let (found, expected) = table.map_or((0, 0), |t| (t.found_cells, t.expected_cells));
        if table.is_some() && found * 2 >= expected {
            continue;
        }
        if table.is_some_and(|t| nothing_after(r, t.span.end)) {
            continue;
        }
        // Short lines with digits under the heading: a table is there in some layout that could not be
        // read, which is not the report's fault.
        let data_lines = r
            .doc
            .lines
            .iter()
            .filter(|l| l.span.start >= s.span.end && l.span.end <= end && !l.noise)
            .filter(|l| {
                let t = r.text(l.span).trim();
                t.chars().count() <= 40 && t.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            })
            .count();
        if data_lines >= 3 {
            continue;
        }
        let message = match table {
            Some(_) => format!(
                "{}的表格只有表头、没有填写数据（识别到 {found}/{expected} 个单元格）；请按格式填写数字，没有发生的填 0",
                section_name(k)
            ),
            None => format!("{}没有找到表格；表格可能缺失或以图片形式发布，无法核对数据", section_name(k)),
        };
        out.push(Finding::new(&STRUCT_TABLE_MISSING, s.span, message));
    }
}
