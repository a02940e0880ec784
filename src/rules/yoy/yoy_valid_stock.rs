use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, Format, Report, T2Col, T2Row};
use crate::rules::common::{fmt_delta, fmt_num};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，对第二部分表格的规章和行政规范性文件两行核对存量与增量：
    /// 本年“现行有效件数”应约等于 上年“现行有效件数”＋本年“本年制发件数”－本年“本年废止件数”。
    /// 差额不超过 1 件（或应有数的 2%，取较大者）时不提示。只比较两年都用 2021 年格式的报告。
    ///
    /// ## 为什么是问题
    /// 现行有效件数是存量，制发和废止是当年的增减，三者应能衔接。对不上的常见原因是列填反、
    /// 把累计数当本年数，或上年数字有误。文件修改、集中清理、失效未列入废止等也会造成差异，
    /// 所以这只是提示，请核对并在必要时说明。
    ///
    /// ## 示例
    /// 提示：上年现行有效 25 件，本年制发 5 件、废止 1 件，本年现行有效却为 27 件（应为 29 件）。
    /// 正确：上年现行有效 25 件，本年制发 5 件、废止 1 件，本年现行有效 29 件。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表二第二十条第（一）项的三列（本年制发、本年废止、现行有效）。
    pub static YOY_VALID_STOCK = {
        id: "YOY-VALID-STOCK",
        severity: Info,
        title: "现行有效件数与上年不衔接",
        help: "核对现行有效件数：上年现行有效＋本年制发－本年废止；因修改、清理等原因不一致的，可在报告中说明。",
        check: check,
    }
}

/// A cell as a number, a blank counting as 0.
fn number(r: &Report, row: T2Row, col: T2Col) -> Option<f64> {
    r.operands([CellKey::T2(row, col)]).map(|o| o.sum())
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(true) else { return };
    let r = ctx.report;
    if r.format != Format::V2021 || prev.format != Format::V2021 {
        return;
    }
    use T2Col::{InForce, Issued, Repealed};
    for row in [T2Row::Regulations, T2Row::NormativeDocs] {
        let (Some(before), Some(issued), Some(repealed), Some(now)) =
            (number(prev, row, InForce), number(r, row, Issued), number(r, row, Repealed), number(r, row, InForce))
        else {
            continue;
        };
        let expected = before + issued - repealed;
        let delta = now - expected;
        // Amendments and clean-ups make small differences normal.
        if delta.abs() <= (0.02 * expected.abs()).max(1.0) {
            continue;
        }
        let Some(cell) = r.cell(CellKey::T2(row, InForce)) else { continue };
        let keys = [Issued, Repealed, InForce].into_iter().filter_map(|c| r.cell(CellKey::T2(row, c))).map(|c| c.key);
        let message = format!(
            "{}：上年现行有效 {} 件＋本年制发 {} 件－本年废止 {} 件＝{} 件，本年现行有效为 {} 件，差 {}",
            row.name(),
            fmt_num(before),
            fmt_num(issued),
            fmt_num(repealed),
            fmt_num(expected),
            fmt_num(now),
            fmt_delta(delta)
        );
        out.push(YOY_VALID_STOCK.finding(cell.span, message).cells(keys));
    }
}
