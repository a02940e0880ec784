use crate::declare_rule;
use crate::diag::Finding;
use crate::report::consistency::{faults, Kind};
use crate::rules::common::fault_finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 表格自行增加的小计行（（三）不予公开、（四）无法提供、（五）不予处理、2021 年格式下的（六）其他处理）
    /// 或“法人或其他组织小计”列，每一格应等于其下各项之和。
    /// 一个写错的单元格会同时破坏它所在的几处勾稽关系（本列平衡、本行总计、办理结果之和）：这时只报告一次，
    /// 指向这个单元格并给出应填的数，所有受影响的关系一并列出，归入其中目录编号最前的规则。
    ///
    /// ## 为什么是问题
    /// 官方格式没有小计；既然加了，小计与明细不符就会让读者无所适从。
    ///
    /// ## 示例
    /// 错误：（三）不予公开 小计 5，而 1～8 项之和为 4。
    /// 正确：小计 4，或按官方格式删去小计行。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三（小计不属于官方格式，属格式偏离）。
    pub static T3_SUBTOTALS = {
        id: "T3-SUBTOTALS",
        severity: Warning,
        title: "第三部分小计等于明细之和",
        help: "核对小计与其下各项之和，或删去官方格式中没有的小计行、列。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for f in faults(r).iter().filter(|f| f.kind() == Kind::Subtotal) {
        out.push(fault_finding(&T3_SUBTOTALS, r, f));
    }
}
