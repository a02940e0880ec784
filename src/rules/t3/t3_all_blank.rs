use crate::declare_rule;
use crate::diag::Finding;
use crate::parse::Value;
use crate::report::{CellKey, T3Col, TableId};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格的申请人各列（自然人至其他）全部空白，只有“总计”列有数，或整张表全部空白。
    /// 至少要识别出 5 行才判断，以免把截断的表格当成空表。
    ///
    /// ## 为什么是问题
    /// 没有申请也应逐格填 0；留空说明表格没有填写，读者无法判断是“没有”还是“漏填”。
    ///
    /// ## 示例
    /// 错误：各行只在“总计”列填 0，其余各格空白。
    /// 正确：每一格都填数字，没有申请的填 0。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三；实际案例：某区统计局 2023 年报告只在总计列填 0。
    pub static T3_ALL_BLANK = {
        id: "T3-ALL-BLANK",
        severity: Warning,
        title: "第三部分表格未填写",
        help: "逐格填写数字，没有申请的填 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(t) = r.table(TableId::T3) else { return };
    let Some(n) = r.t3_applicants_blank() else { return };
    let t3: Vec<_> = r.cells.iter().filter(|c| c.key.table() == TableId::T3).collect();
    let totals =
        t3.iter().filter(|c| matches!(c.key, CellKey::T3(_, T3Col::C7)) && !matches!(c.value, Value::Empty)).count();
    let message = if totals > 0 {
        format!("第三部分表格申请人各列（自然人至其他）共 {n} 格全部空白，只有“总计”列填了数；没有申请时也应逐格填 0")
    } else {
        format!("第三部分表格 {n} 个申请人单元格和“总计”列全部空白，表格似未填写；没有申请时应逐格填 0")
    };
    let span = t.rows.first().map_or(t.span, |row| row.point());
    out.push(T3_ALL_BLANK.finding(span, message));
}
