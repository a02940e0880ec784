use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T2Col, T2Row};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 规章、行政规范性文件两行：现行有效件数应不小于本年制发件数（本年制发又在当年废止的情况很少见）。
    /// 不满足时多半是栏目填反了。只比较两格都是数字的情况。
    ///
    /// ## 为什么是问题
    /// 现行有效件数是存量，本年制发件数是增量；存量小于当年增量，通常说明把“本年废止”和“现行有效”
    /// 填错了位置。
    ///
    /// ## 示例
    /// 错误：行政规范性文件 制发 5、废止 1、现行有效 3。
    /// 正确：制发 5、废止 1、现行有效 12。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二（存量与增量的关系）。
    pub static T2_VALID_GE_MADE = {
        id: "T2-VALID-GE-MADE",
        severity: Warning,
        title: "现行有效件数小于本年制发件数",
        help: "核对本年制发、本年废止、现行有效三栏是否填错位置。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for row in [T2Row::Regulations, T2Row::NormativeDocs] {
        let (made, valid) = (CellKey::T2(row, T2Col::Issued), CellKey::T2(row, T2Col::InForce));
        let (Some(made), Some(valid)) = (r.cell(made), r.cell(valid)) else { continue };
        let (Some(m), Some(v)) = (made.value.number(), valid.value.number()) else { continue };
        if v < m {
            out.push(
                T2_VALID_GE_MADE
                    .finding(
                        valid.span,
                        format!(
                            "{}：现行有效件数 {} 小于本年制发件数 {}；本年制发的文件通常仍现行有效，请核对是否栏目填反",
                            row.name(),
                            fmt_num(v),
                            fmt_num(m)
                        ),
                    )
                    .cells([made.key, valid.key]),
            );
        }
    }
}
