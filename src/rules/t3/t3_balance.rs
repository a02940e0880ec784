use crate::declare_rule;
use crate::diag::Finding;
use crate::report::consistency::{faults, Kind};
use crate::rules::common::fault_finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一列：“一、本年新收”加“二、上年结转”之和，等于“三、本年度办理结果（七）总计”加
    /// “四、结转下年度继续办理”之和。
    /// 一个写错的单元格会同时破坏它所在的几处勾稽关系（本列平衡、本行总计、办理结果之和）：这时只报告一次，
    /// 指向这个单元格并给出应填的数，所有受影响的关系一并列出，归入其中目录编号最前的规则。
    ///
    /// ## 为什么是问题
    /// 这是表格本身写明的勾稽关系（“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”）。
    /// 不平衡说明有申请被漏记、重记或记错了列。
    ///
    /// ## 示例
    /// 错误：自然人列 一(60)+二(0)=60，三(61)+四(0)=61。
    /// 正确：自然人列 一(61)+二(0)=61，三(61)+四(0)=61。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三表头注释。
    pub static T3_BALANCE = {
        id: "T3-BALANCE",
        severity: Error,
        title: "第三部分各列收支平衡",
        help: "逐列核对：本年新收＋上年结转＝办理结果总计＋结转下年度。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let faults: Vec<_> = faults(r).into_iter().filter(|f| f.kind() == Kind::Balance).collect();
    let from = out.len();
    for f in &faults {
        out.push(fault_finding(&T3_BALANCE, r, f));
    }
    // Two applicant columns off by opposite amounts while 总计 balances: one application in the
    // wrong column.
    let single: Vec<f64> = faults.iter().filter(|f| f.cell.is_none()).map(|f| f.broken[0].residual()).collect();
    let total_ok = !faults.iter().any(|f| f.broken.iter().any(|c| c.equation.about == "总计"));
    if total_ok && single.len() == 2 && (single[0] + single[1]).abs() < 1e-9 {
        for f in &mut out[from..] {
            f.message.push_str("（疑似申请人类别归类错位）");
        }
    }
}
