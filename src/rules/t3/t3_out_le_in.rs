use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row, TableId};
use crate::rules::common::{eq, fmt_num};
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
    let t3 = CellKey::T3;
    for col in T3Col::SEVEN {
        let Some(input) = r.operands([t3(T3Row::R01, col), t3(T3Row::R02, col)]) else { continue };
        let inn = input.sum();
        let out24 = r.operands([t3(T3Row::R24, col)]);
        let out25 = r.operands([t3(T3Row::R25, col)]);
        if let (Some(a), Some(b)) = (&out24, &out25) {
            if !eq(inn, a.sum() + b.sum()) {
                continue; // T3-BALANCE reports it.
            }
        }
        for (row, o) in [(T3Row::R24, &out24), (T3Row::R25, &out25)] {
            let Some(o) = o else { continue };
            let v = o.sum();
            if v <= inn + 1e-9 {
                continue;
            }
            let message = format!(
                "{}列：{}为 {}，大于一(本年新收 {})+二(上年结转 {})={}；该格最多为 {}",
                col.name(),
                row.name(),
                fmt_num(v),
                fmt_num(input.values[0]),
                fmt_num(input.values[1]),
                fmt_num(inn),
                fmt_num(inn)
            );
            let span = r.cell_span(t3(row, col));
            let mut f = T3_OUT_LE_IN.finding(span, message).cells(o.cells.iter().chain(&input.cells).copied());
            if let Some(a) = input.assumption().or(o.assumption()) {
                f = f.assume(a);
            }
            out.push(f);
        }
    }
}
