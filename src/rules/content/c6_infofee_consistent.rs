use super::infofee::{positive, says_none};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第六部分写了收取信息处理费（金额大于0）时：第三部分表格的本年新收与上年结转申请之和应大于0；
    /// 报告其他地方也不应再写“未收取信息处理费”。
    ///
    /// ## 为什么是问题
    /// 信息处理费只向政府信息公开申请人收取；没有申请却收了费，或同一报告既说收了又说没收，必有一处错误。
    ///
    /// ## 示例
    /// 错误：六写“收取信息处理费380元”，而表三本年新收、上年结转均为0。
    /// 正确：有申请时如实写收费金额，没有申请时写“未收取信息处理费”。
    ///
    /// ## 依据
    /// 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；报告内部一致性。
    pub static C6_INFOFEE_CONSISTENT = {
        id: "C6-INFOFEE-CONSISTENT",
        severity: Error,
        title: "信息处理费说法前后矛盾",
        help: "核对信息处理费金额、申请数量以及其他部分的说法。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some((fee, span)) = r.part_sentences(6).collect::<Vec<_>>().into_iter().find_map(positive) else { return };
    let cells = [CellKey::T3(T3Row::R01, T3Col::C7), CellKey::T3(T3Row::R02, T3Col::C7)];
    if let (Some(a), Some(b)) = (r.number(cells[0]), r.number(cells[1])) {
        if a + b == 0.0 {
            let message = format!(
                "第六部分写收取信息处理费{}元，但第三部分表格本年新收({})和上年结转({})均为0，没有申请就不应收费",
                fmt_num(fee),
                fmt_num(a),
                fmt_num(b)
            );
            out.push(C6_INFOFEE_CONSISTENT.finding(span, message).cells(cells));
        }
    }
    if let Some(other) =
        r.prose_sentences.iter().find(|s| !s.span.contains(span) && says_none(s.text()) && positive(s).is_none())
    {
        let message =
            format!("第六部分写收取信息处理费{}元，而报告另一处写“{}”，前后矛盾", fmt_num(fee), r.text(other.span));
        out.push(C6_INFOFEE_CONSISTENT.finding(span, message));
    }
}
