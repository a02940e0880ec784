use super::util::suspect_row;
use crate::declare_rule;
use crate::diag::Finding;
use crate::parse::Value;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 表格的数值单元格不应空白，没有发生的应填 0。每张表只报告一次：给出空白单元格的数量和前 5 个位置，
    /// 指向第一个空白单元格所在的行。
    ///
    /// ## 为什么是问题
    /// 空白无法区分“没有发生”和“漏填”；计算勾稽关系时只能假定为 0。
    ///
    /// ## 示例
    /// 错误：第三部分“科研机构”一列全部空白。
    /// 正确：该列各行填“0”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式；上海市 2019、2023 年报点评中对空白单元格的意见。
    pub static TBL_CELL_EMPTY = {
        id: "TBL-CELL-EMPTY",
        severity: Warning,
        title: "表格单元格空白",
        help: "没有发生的事项在表格中填 0，不要留空。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A T3 whose applicant cells are all blank was left unfilled: T3-ALL-BLANK says so, once.
    let t3_unfilled = r.t3_applicants_blank().is_some();
    for table in TableId::ALL.into_iter().filter(|t| !(t3_unfilled && *t == TableId::T3)) {
        let blanks: Vec<_> = r
            .cells
            .iter()
            .filter(|c| c.key.table() == table && c.value == Value::Empty && !suspect_row(r, c))
            .collect();
        let Some(first) = blanks.first() else { continue };
        // A blank cell of a row without a label (T4) is an empty point: mark the row instead.
        let row = r.tables.iter().flat_map(|t| &t.rows).find(|x| x.key == first.key.row()).map(|x| x.span);
        let at = row.filter(|_| first.point().is_empty()).unwrap_or(first.point());
        let names: Vec<String> = blanks.iter().take(5).map(|c| format!("“{}”", c.key.name())).collect();
        let more = if blanks.len() > 5 { "等" } else { "" };
        out.push(
            TBL_CELL_EMPTY
                .finding(
                    at,
                    format!(
                        "{}有 {} 个单元格空白：{}{}；没有发生的应填 0",
                        table.name(),
                        blanks.len(),
                        names.join("、"),
                        more
                    ),
                )
                .cells(blanks.iter().map(|c| c.key)),
        );
    }
}
