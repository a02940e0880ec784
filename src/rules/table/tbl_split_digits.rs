use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::row_name;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分某行的数值多于 7 个，但把相邻的一位数合并后（如“1 2”→“12”）正好 7 个，且前六列之和等于总计。
    /// 这通常是从 PDF 或网页复制时一个数被拆成了两格。报告修复方式，供人工确认。
    ///
    /// ## 为什么是问题
    /// 被拆开的数字会让整行错位；原文发布的表格也可能确实如此排版错误。
    ///
    /// ## 示例
    /// 错误：“本年新收 1 2 0 0 0 0 0 12”（8 个数）。
    /// 正确：“本年新收 12 0 0 0 0 0 12”。
    ///
    /// ## 依据
    /// 表格文本提取的常见问题（KIROGOVCOMPARE 的做法）；表三每行 7 列。
    pub static TBL_SPLIT_DIGITS = {
        id: "TBL-SPLIT-DIGITS",
        severity: Info,
        title: "数字被拆成了两格",
        help: "核对原表：把被拆开的数字合并到同一单元格。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for t in &r.tables {
        for row in &t.rows {
            let Some(read) = row.rejoined else { continue };
            let values: Vec<&str> = r.cells.iter().filter(|c| c.key.row() == row.key).map(|c| c.raw.as_str()).collect();
            let shown: Vec<String> = values.iter().map(|v| v.split_whitespace().collect()).collect();
            let message = format!(
                "{}有 {read} 个数值，多出的疑似是被拆开的数字；合并相邻的一位数后为 {}，各列之和与总计一致，已按此读取",
                row_name(r, row),
                shown.join(" ")
            );
            out.push(TBL_SPLIT_DIGITS.finding(row.point(), message));
        }
    }
}
