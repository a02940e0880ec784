use crate::declare_rule;
use crate::diag::Finding;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格左上角保留表头注释“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”，
    /// 标点不限。表格在输入中只剩数据行（没有任何表头）时不判断。
    ///
    /// ## 为什么是问题
    /// 注释写明了表格的勾稽关系，是官方格式的一部分；删去后读者不易核对。
    ///
    /// ## 示例
    /// 错误：表头只有“申请人情况”“自然人”等，没有勾稽关系注释。
    /// 正确：保留“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三表头。
    pub static T3_NOTE_PRESENT = {
        id: "T3-NOTE-PRESENT",
        severity: Info,
        title: "第三部分表头勾稽关系注释",
        help: "在表三左上角保留官方注释“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(t) = r.table(TableId::T3) else { return };
    if t.has_note || t.headers.is_empty() {
        return;
    }
    let span = t.headers.first().map(|h| h.1).unwrap_or(t.span);
    out.push(T3_NOTE_PRESENT.finding(
        span,
        "第三部分表格缺少表头注释“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”",
    ));
}
