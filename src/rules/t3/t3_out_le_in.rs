use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::{t3_col_name, t3_row_name, T3_COLS};
use crate::report::TableId;
use crate::rules::math::{eq, fmt_num, operands};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一列：“（七）总计”与“四、结转下年度继续办理”都不能大于“一、本年新收”加
    /// “二、上年结转”之和。若该列的收支平衡（T3-BALANCE）可以核对且不平衡，由 T3-BALANCE 报告，本条不重复；
    /// 本条针对收支平衡无法核对（例如结转下年度一格为“/”）或平衡但出现负数的情形。
    ///
    /// ## 为什么是问题
    /// 办结和结转的申请只能来自本年新收和上年结转，数量不可能超过两者之和。
    ///
    /// ## 示例
    /// 错误：一(3)+二(0)=3，（七）总计 5，结转下年度填“/”。
    /// 正确：一(5)+二(0)=5，（七）总计 5，结转下年度 0。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三勾稽关系的推论。
    pub static T3_OUT_LE_IN = {
        id: "T3-OUT-LE-IN",
        severity: Error,
        title: "第三部分办结与结转不超过收到的申请",
        help: "核对本年新收、上年结转、办理结果总计与结转下年度四行，补全无法核对的单元格。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    for col in T3_COLS {
        let Some(input) = operands(r, TableId::T3, &[("R01", col), ("R02", col)]) else { continue };
        let inn = input.sum();
        let out24 = operands(r, TableId::T3, &[("R24", col)]);
        let out25 = operands(r, TableId::T3, &[("R25", col)]);
        if let (Some(a), Some(b)) = (&out24, &out25) {
            if !eq(inn, a.sum() + b.sum()) {
                continue; // T3-BALANCE reports it.
            }
        }
        for (row, o) in [("R24", &out24), ("R25", &out25)] {
            let Some(o) = o else { continue };
            let v = o.sum();
            if v <= inn + 1e-9 {
                continue;
            }
            let message = format!(
                "{}列：{}为 {}，大于一(本年新收 {})+二(上年结转 {})={}；该格最多为 {}",
                t3_col_name(col),
                t3_row_name(row),
                fmt_num(v),
                fmt_num(input.values[0]),
                fmt_num(input.values[1]),
                fmt_num(inn),
                fmt_num(inn)
            );
            let span = r.cell(TableId::T3, row, col).map(|c| c.span).unwrap_or_default();
            let mut f = Finding::new(&T3_OUT_LE_IN, span, message).cells(o.cells.iter().chain(&input.cells).copied());
            if let Some(a) = input.assumption().or(o.assumption()) {
                f = f.assume(a);
            }
            out.push(f);
        }
    }
}
