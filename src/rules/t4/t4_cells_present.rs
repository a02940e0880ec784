use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::{t4_col_name, T4_COLS};
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第四部分表格有 15 个数字单元格：行政复议、未经复议直接起诉、复议后起诉三组，每组为结果维持、结果纠正、
    /// 其他结果、尚未审结、总计。
    ///
    /// 表格一直延续到输入末尾（后面没有任何部分标题）时，多半是摘录被截断，不报告；一个数字也没读到时
    /// （表格可能是图片）也不报告。
    ///
    /// ## 为什么是问题
    /// 缺格说明删改了官方表格（例如漏了“复议后起诉”一组），复议、诉讼情况报告不完整。
    ///
    /// ## 示例
    /// 错误：只有行政复议和未经复议直接起诉两组共 10 个数。
    /// 正确：三组 15 个数，没有案件的填 0。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表四。
    pub static T4_CELLS_PRESENT = {
        id: "T4-CELLS-PRESENT",
        severity: Error,
        title: "第四部分表格 15 格齐全",
        help: "按官方格式填全行政复议、未经复议直接起诉、复议后起诉三组共 15 个数。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T4).sure() {
        return;
    }
    let Some(t) = r.table(TableId::T4) else { return };
    if t.found_cells == 0 || t.found_cells >= 15 || r.ends_within(t.span.end) {
        return;
    }
    let missing: Vec<String> = T4_COLS[t.found_cells.min(15)..].iter().map(|k| t4_col_name(k)).collect();
    let groups: Vec<&str> = ["行政复议", "未经复议直接起诉", "复议后起诉"]
        .into_iter()
        .enumerate()
        .filter(|(i, _)| t.found_cells <= i * 5 + 4)
        .map(|(_, g)| g)
        .collect();
    let message = format!(
        "第四部分表格只读到 {} 个数（应为 15 个），缺少{}；按表格次序推断缺的是：{}",
        t.found_cells,
        groups.iter().map(|g| format!("“{g}”")).collect::<Vec<_>>().join("、"),
        missing.join("、")
    );
    let span = t.rows.first().map(|x| x.span).unwrap_or(t.span);
    out.push(Finding::new(&T4_CELLS_PRESENT, span, message));
}
