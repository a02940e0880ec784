use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::labels::t3_row_name;
use crate::report::TableId;
use crate::rules::math::{eq, fmt_delta, fmt_num, operands};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一行：“总计”列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他
    /// 六列之和（如另设“法人或其他组织小计”列，该列不参与本条计算）。
    ///
    /// ## 为什么是问题
    /// “总计”就是各类申请人之和；不相等说明某一列填错、漏填或总计算错，表格数据不可信。
    ///
    /// ## 示例
    /// 错误：（一）予以公开 258、12、0、0、1、1，总计 270（应为 272）。
    /// 正确：（一）予以公开 258、12、0、0、1、1，总计 272。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三“总计”列的含义。空白单元格按 0 计算时只作警告。
    pub static T3_ROW_TOTAL = {
        id: "T3-ROW-TOTAL",
        severity: Error,
        title: "第三部分各行总计等于各类申请人之和",
        help: "逐行核对：自然人＋五类法人或其他组织＝总计。",
        check: check,
    }
}

const PARTS: [&str; 6] = ["C1", "C2", "C3", "C4", "C5", "C6"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    let Some(t) = r.table(TableId::T3) else { return };
    for row in &t.rows {
        let key = row.key;
        let parts: Vec<(&'static str, &'static str)> = PARTS.iter().map(|c| (key, *c)).collect();
        let (Some(p), Some(total)) = (operands(r, TableId::T3, &parts), operands(r, TableId::T3, &[(key, "C7")]))
        else {
            continue;
        };
        // A row left wholly blank is TBL-CELL-EMPTY's business, not an arithmetic fault.
        if p.blanks.len() == 6 && !total.blanks.is_empty() {
            continue;
        }
        let (s, tv) = (p.sum(), total.sum());
        if eq(s, tv) {
            continue;
        }
        let message = format!(
            "{}：自然人至其他六列之和 {}={}，而总计为 {}，差 {}；总计应为 {}",
            t3_row_name(key),
            p.terms(),
            fmt_num(s),
            fmt_num(tv),
            fmt_delta(s - tv),
            fmt_num(s)
        );
        let span = r.cell(TableId::T3, key, "C7").map(|c| c.span).unwrap_or_default();
        let mut f = Finding::new(&T3_ROW_TOTAL, span, message).cells(total.cells.iter().chain(&p.cells).copied());
        if let Some(a) = p.assumption().or(total.assumption()) {
            f = f.assume(a).severity(Severity::Warning);
        }
        out.push(f);
    }
}
