use super::util::{section_name, top_sections};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第二、三、四部分各应有一张统计表。该部分既没有表头、行名，也没有成行的数字时，报告“表格缺失或以
    /// 图片发布，无法核对”。表格在文中但读不全的，由 TBL-UNREAD 说明。
    ///
    /// 文本被截断时不误报：该部分是文中最后一个部分、且其后已没有任何内容时不报告。
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
    for (k, id) in [(2u8, TableId::T2), (3, TableId::T3), (4, TableId::T4)] {
        let Some(s) = top.iter().find(|s| s.canonical == k) else { continue };
        // A table that is there but could not be read is TBL-UNREAD's business; a text that ends in
        // this part may have been cut off.
        if r.read(id).present() || r.ends_within(s.span.end) {
            continue;
        }
        let message = format!("{}没有找到表格；表格可能缺失或以图片形式发布，无法核对数据", section_name(k));
        out.push(Finding::new(&STRUCT_TABLE_MISSING, s.span, message));
    }
}
