use crate::declare_rule;
use crate::diag::Finding;
use crate::parse::Value;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 表格的数值单元格只能填数字（可带单位）、空白或占位符；填了文字（如“见附件”）的单元格报告为错误。
    ///
    /// ## 为什么是问题
    /// 年报表格是统计数据，文字无法参与勾稽核对，也说明数据没有按格式填报。
    ///
    /// ## 示例
    /// 错误：第三部分“本年新收”行自然人列填“见附件”。
    /// 正确：填数字，如“3”；没有发生填“0”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（表格填报数字）。
    pub static TBL_CELL_NUMERIC = {
        id: "TBL-CELL-NUMERIC",
        severity: Error,
        title: "表格单元格不是数字",
        help: "在数值单元格中填写数字，没有发生的填 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for c in &ctx.report.cells {
        if c.value == Value::Text {
            out.push(
                TBL_CELL_NUMERIC
                    .finding(
                        c.span,
                        format!("{}“{}”填的是“{}”，不是数字；应填写数字", c.key.table().name(), c.key.name(), c.raw),
                    )
                    .cells([c.key]),
            );
        }
    }
}
