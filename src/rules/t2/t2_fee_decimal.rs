use super::util::fee;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::t2_col;
use crate::report::{T2Col, TableId};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 收费金额以万元为单位，可以有小数。小数超过 4 位（小于 1 元），或金额是不小于 10000 的整数且
    /// 单元格或表头显示单位是“元”（或表头没有写“万元”）时，提示核对单位。
    ///
    /// ## 为什么是问题
    /// 把以元为单位的数字填入万元栏会把金额放大一万倍；小数位过多也说明换算有误。
    ///
    /// ## 示例
    /// 错误：本年收费金额“0.123456”。
    /// 正确：“0.1235”（万元）。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二“本年收费金额（单位：万元）”。
    pub static T2_FEE_DECIMAL = {
        id: "T2-FEE-DECIMAL",
        severity: Info,
        title: "收费金额的位数可疑",
        help: "核对金额是否已换算为万元。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(c) = fee(r) else { return };
    let Some(v) = c.value.number() else { return };
    let digits = c.raw.split_once('.').map_or(0, |(_, d)| d.chars().take_while(|x| x.is_ascii_digit()).count());
    if digits > 4 {
        out.push(
            T2_FEE_DECIMAL
                .finding(
                    c.span,
                    format!(
                        "本年收费金额“{}”有 {} 位小数（单位为万元，已小于 1 元）；请核对是否换算正确",
                        c.raw, digits
                    ),
                )
                .cells([c.key]),
        );
        return;
    }
    let header_wan = r
        .table(TableId::T2)
        .and_then(|t| t.headers.iter().find(|(h, _)| t2_col(h) == Some(T2Col::Amount)))
        .map(|(h, _)| h.contains("万元"));
    let unit_yuan = c.raw.contains('元') && !c.raw.contains("万元");
    if v >= 10000.0 && v.fract() == 0.0 && (unit_yuan || header_wan == Some(false)) {
        out.push(
            T2_FEE_DECIMAL
                .finding(
                    c.span,
                    format!(
                        "本年收费金额为 {}，按万元计即 {} 亿元，疑似按“元”填写；请核对单位",
                        fmt_num(v),
                        fmt_num(v / 10000.0)
                    ),
                )
                .cells([c.key]),
        );
    }
}
