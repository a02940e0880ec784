use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格“（六）2.申请人逾期未按收费通知要求缴纳费用”总计大于 0 时，第六部分“其他需要报告的事项”
    /// 应提到信息处理费（收费通知、收取情况）。第六部分不在输入中时不判断。
    ///
    /// ## 为什么是问题
    /// 发出过收费通知说明本机关依《政府信息公开信息处理费管理办法》计收过信息处理费，
    /// 年报应在第六部分报告收取情况。
    ///
    /// ## 示例
    /// 错误：（六）2 行总计 3，第六部分只写“无”。
    /// 正确：第六部分写明本年度发出收费通知、实际收取信息处理费的情况。
    ///
    /// ## 依据
    /// 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；国办公开办函〔2021〕30号。
    pub static T3_FEE_ROW_VS_SEC6 = {
        id: "T3-FEE-ROW-VS-SEC6",
        severity: Info,
        title: "逾期未缴费与第六部分信息处理费",
        help: "在第六部分说明本年度信息处理费的计收情况。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let key = CellKey::T3(T3Row::R22, T3Col::C7);
    let Some(v) = r.number(key) else { return };
    if v <= 0.0 {
        return;
    }
    let Some(sec) = r.section(6) else { return };
    let text = crate::text::label(r.text(sec.span.cover(sec.body)));
    if ["处理费", "收费通知", "缴纳费用", "收取费用", "收费"].iter().any(|k| text.contains(k)) {
        return;
    }
    let span = r.cell_span(key);
    let message = format!(
        "表格“（六）2.申请人逾期未按收费通知要求缴纳费用”总计为 {}，说明发出过收费通知，但第六部分没有提到信息处理费的计收情况",
        fmt_num(v)
    );
    out.push(T3_FEE_ROW_VS_SEC6.finding(span, message).cells([key]));
}
