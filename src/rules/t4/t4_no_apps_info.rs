use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row, T4Col};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第四部分表格有行政复议或行政诉讼（任一组总计大于 0），而第三部分表格本年新收和上年结转都是 0。
    ///
    /// ## 为什么是问题
    /// 这不一定是错误：复议、诉讼可能源于往年的申请（瓯海区审计局 2024 年即如此）。但也常是表格填错，
    /// 值得确认；如属往年申请引起，可在正文中说明。
    ///
    /// ## 示例
    /// 提示：表三本年新收 0、上年结转 0，表四行政复议总计 1。
    /// 无提示：表三本年新收 3，表四行政复议总计 1。
    ///
    /// ## 依据
    /// 报告内部一致性（表四与表三没有算术关系，故只作提示）。
    pub static T4_NO_APPS_INFO = {
        id: "T4-NO-APPS-INFO",
        severity: Info,
        title: "无申请却有复议诉讼",
        help: "确认复议、诉讼是否源于往年的申请，必要时在正文中说明。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let apps_cells = [CellKey::T3(T3Row::R01, T3Col::C7), CellKey::T3(T3Row::R02, T3Col::C7)];
    let Some(apps) = r.sum(apps_cells) else { return };
    if apps != 0.0 {
        return;
    }
    for g in T4Col::GROUPS {
        let key = CellKey::T4(g.total);
        let name = format!("{}总计", g.name);
        let Some(v) = r.number(key).filter(|v| *v > 0.0) else { continue };
        let span = r.cell_span(key);
        let message = format!(
            "第四部分表格{name}为 {}，而第三部分表格本年新收和上年结转申请都是 0；如复议、诉讼源于往年的申请，可在正文中说明",
            fmt_num(v)
        );
        out.push(T4_NO_APPS_INFO.finding(span, message).cells([key, apps_cells[0], apps_cells[1]]));
        return;
    }
}
