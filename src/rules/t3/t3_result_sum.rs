use crate::declare_rule;
use crate::diag::Finding;
use crate::report::consistency::{faults, Kind};
use crate::rules::common::fault_finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一列：“（七）总计”等于（一）予以公开、（二）部分公开、（三）不予公开 8 项、
    /// （四）无法提供 3 项、（五）不予处理 5 项、（六）其他处理 3 项之和。2019 年格式中（六）其他处理
    /// 只有一行，按一行计算。
    /// 一个写错的单元格会同时破坏它所在的几处勾稽关系（本列平衡、本行总计、办理结果之和）：这时只报告一次，
    /// 指向这个单元格并给出应填的数，所有受影响的关系一并列出，归入其中目录编号最前的规则。
    ///
    /// ## 为什么是问题
    /// 表格要求“区分处理的，只计这一情形，不计其他情形”，每件申请只计一种办理结果，
    /// 所以各项结果之和必须恰好等于总计。
    ///
    /// ## 示例
    /// 错误：自然人列 各项办理结果之和为 20，（七）总计填 19。
    /// 正确：各项办理结果之和为 20，（七）总计 20。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三。空白单元格按 0 计算时只作警告。
    pub static T3_RESULT_SUM = {
        id: "T3-RESULT-SUM",
        severity: Error,
        title: "第三部分办理结果之和等于（七）总计",
        help: "逐列核对（一）至（六）各项办理结果之和与（七）总计。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for f in faults(r).iter().filter(|f| f.kind() == Kind::ResultSum) {
        out.push(fault_finding(&T3_RESULT_SUM, r, f));
    }
}
