use super::util::fee;
use crate::declare_rule;
use crate::diag::Finding;
use crate::parse::Value;
use crate::report::labels::t2_col;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 收费金额单元格写了“万元”以外的单位（如“251000元”），或“本年收费金额”表头没有注明“（单位：万元）”。
    /// 表头未能识别时只检查单元格。
    ///
    /// ## 为什么是问题
    /// 年报格式规定该栏以万元为单位；写成元会让数值相差一万倍，读者无法比较。
    ///
    /// ## 示例
    /// 错误：本年收费金额（单位：万元）栏填“251000元”。
    /// 正确：填“25.1”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二“本年收费金额（单位：万元）”。
    pub static T2_FEE_UNIT = {
        id: "T2-FEE-UNIT",
        severity: Warning,
        title: "收费金额单位不是万元",
        help: "收费金额统一换算为万元填写，表头注明“（单位：万元）”。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if let Some(c) = fee(r) {
        if let Value::Number { unit: Some(u), .. } = &c.value {
            if u != "万元" {
                out.push(
                    Finding::new(
                        &T2_FEE_UNIT,
                        c.span,
                        format!("本年收费金额填写为“{}”，单位是“{}”；该栏以万元为单位，请换算后只填数字", c.raw, u),
                    )
                    .cells([c.key]),
                );
                return;
            }
        }
    }
    if super::util::is_2019(r) {
        return;
    }
    let Some(t) = r.table(TableId::T2) else { return };
    if let Some((h, span)) = t.headers.iter().find(|(h, _)| t2_col(h) == Some("amount")) {
        let cut = r.ends_within(span.end);
        if !h.contains('万') && !cut {
            out.push(Finding::new(
                &T2_FEE_UNIT,
                *span,
                format!("表头“{}”没有注明单位；年报格式为“本年收费金额（单位：万元）”", r.text(*span)),
            ));
        }
    }
}
