use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::consistency::{faults, Kind};
use crate::report::TableId;
use crate::rules::common::fault_finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第四部分表格每一组（行政复议、未经复议直接起诉、复议后起诉）：结果维持＋结果纠正＋其他结果＋尚未审结＝总计。
    /// 一个写错的单元格会同时破坏它所在的几处勾稽关系（本列平衡、本行总计、办理结果之和）：这时只报告一次，
    /// 指向这个单元格并给出应填的数，所有受影响的关系一并列出，归入其中目录编号最前的规则。
    ///
    /// 空白单元格在复制时丢失、数字连在一起而无法逐格读出时（“10”“15224240000000000”），若无论怎样对应到各列，
    /// 三组都不能同时满足，作为警告报告（假定各组总计已填写）。
    ///
    /// ## 为什么是问题
    /// “总计”就是四种结果之和，不相等说明有数字填错。
    ///
    /// ## 示例
    /// 错误：行政复议 5+0+0+2，总计 8。
    /// 正确：行政复议 5+0+0+2，总计 7。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表四“总计”的含义。空白单元格按 0 计算时只作警告。
    pub static T4_GROUP_SUM = {
        id: "T4-GROUP-SUM",
        severity: Error,
        title: "第四部分各组总计等于四种结果之和",
        help: "逐组核对：结果维持＋结果纠正＋其他结果＋尚未审结＝总计。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for f in faults(r).iter().filter(|f| f.kind() == Kind::GroupSum) {
        out.push(fault_finding(&T4_GROUP_SUM, r, f));
    }
    for row in r.table(TableId::T4).map_or(&[][..], |t| &t.unfit_rows) {
        let message = format!(
            "第四部分表格的数字为“{}”，少于 15 列或连在一起，无法确定各属于哪一列；但无论怎样对应，三组的“总计”都不能都等于各自结果之和，请核对表格",
            r.text(row.figures)
        );
        let assume = super::t4_text_count::BLANK_TOTALS;
        out.push(T4_GROUP_SUM.finding(row.figures, message).severity(Severity::Warning).assume(assume));
    }
}
