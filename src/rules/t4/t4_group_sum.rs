use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::TableId;
use crate::rules::math::{eq, fmt_delta, fmt_num, operands};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第四部分表格每一组（行政复议、未经复议直接起诉、复议后起诉）：结果维持＋结果纠正＋其他结果＋尚未审结＝总计。
    ///
    /// ## 为什么是问题
    /// “总计”就是四种结果之和，不相等说明有数字填错。
    ///
    /// ## 示例
    /// 错误：行政复议 5+0+0+2，总计 8。
    /// 正确：行政复议 5+0+0+2，总计 7。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表四“总计”的含义。空白单元格按 0 计算时只作警告。
    pub static T4_GROUP_SUM = {
        id: "T4-GROUP-SUM",
        severity: Error,
        title: "第四部分各组总计等于四种结果之和",
        help: "逐组核对：结果维持＋结果纠正＋其他结果＋尚未审结＝总计。",
        check: check,
    }
}

const GROUPS: [(&str, &str, [&str; 5]); 3] = [
    ("行政复议", "review", ["review.upheld", "review.corrected", "review.other", "review.pending", "review.total"]),
    (
        "行政诉讼·未经复议直接起诉",
        "direct_suit",
        [
            "direct_suit.upheld",
            "direct_suit.corrected",
            "direct_suit.other",
            "direct_suit.pending",
            "direct_suit.total",
        ],
    ),
    (
        "行政诉讼·复议后起诉",
        "suit_after_review",
        [
            "suit_after_review.upheld",
            "suit_after_review.corrected",
            "suit_after_review.other",
            "suit_after_review.pending",
            "suit_after_review.total",
        ],
    ),
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T4).sure() {
        return;
    }
    for (name, _, cols) in GROUPS {
        let parts: Vec<(&'static str, &'static str)> = cols[..4].iter().map(|c| ("-", *c)).collect();
        let (Some(p), Some(total)) = (operands(r, TableId::T4, &parts), operands(r, TableId::T4, &[("-", cols[4])]))
        else {
            continue;
        };
        let (s, tv) = (p.sum(), total.sum());
        if eq(s, tv) {
            continue;
        }
        let message = format!(
            "{}：结果维持+结果纠正+其他结果+尚未审结 {}={}，而总计为 {}，差 {}；总计应为 {}",
            name,
            p.terms(),
            fmt_num(s),
            fmt_num(tv),
            fmt_delta(s - tv),
            fmt_num(s)
        );
        let span = r.cell(TableId::T4, "-", cols[4]).map(|c| c.span).unwrap_or_default();
        let mut f = Finding::new(&T4_GROUP_SUM, span, message).cells(total.cells.iter().chain(&p.cells).copied());
        if let Some(a) = p.assumption().or(total.assumption()) {
            f = f.assume(a).severity(Severity::Warning);
        }
        out.push(f);
    }
}
