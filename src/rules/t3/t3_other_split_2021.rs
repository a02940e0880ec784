use crate::declare_rule;
use crate::diag::Finding;
use crate::report::query::T3Layout;
use crate::report::{CellKey, Format, RowKey, T3Col, T3Row, TableId};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 2021 年及以后的年度报告，第三部分表格“（六）其他处理”应分为三行：1.申请人无正当理由逾期不补正、
    /// 2.申请人逾期未按收费通知要求缴纳费用、3.其他。只有一行“（六）其他处理”是 2019 年试行格式。
    ///
    /// ## 为什么是问题
    /// 2021 年新格式为配合《政府信息公开信息处理费管理办法》拆分了这一项；沿用旧表会漏报逾期未缴费等情形。
    ///
    /// ## 示例
    /// 错误：2024 年报告中“（六）其他处理 0 0 0 0 0 0 0”一行。
    /// 正确：“（六）其他处理”下分 1、2、3 三行分别填报。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三；国办公开办函〔2019〕60号（旧格式）。
    pub static T3_OTHER_SPLIT_2021 = {
        id: "T3-OTHER-SPLIT-2021",
        severity: Warning,
        title: "2021 年起（六）其他处理分三项",
        help: "改用 2021 年格式：把（六）其他处理拆成逾期不补正、逾期未缴费、其他三行。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(year) = r.year else { return };
    // With other 2019 labels the old format is STRUCT-FORMAT-VERSION's one finding.
    if year < 2021 || r.t3_layout() != T3Layout::V2019 || r.table_labels(Format::V2019).next().is_some() {
        return;
    }
    let Some(row) = r.table(TableId::T3).and_then(|t| t.rows.iter().find(|x| x.key == RowKey::T3(T3Row::R21_23)))
    else {
        return;
    };
    let message = format!(
        "这是 {year} 年度的报告，但表格“（六）其他处理”只有一行（2019 年试行格式）；2021 年格式应分为“1.申请人无正当理由逾期不补正”“2.申请人逾期未按收费通知要求缴纳费用”“3.其他”三行"
    );
    let f = T3_OTHER_SPLIT_2021.finding(row.point(), message);
    // Name the row's total cell only when it was recognised (a short row may lack it).
    let total = CellKey::T3(T3Row::R21_23, T3Col::C7);
    out.push(match r.cell(total) {
        Some(_) => f.cells([total]),
        None => f,
    });
}
