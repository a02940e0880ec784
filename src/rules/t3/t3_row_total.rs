use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::consistency::{faults, Kind};
use crate::report::TableId;
use crate::rules::common::fault_finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一行：“总计”列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他
    /// 六列之和（如另设“法人或其他组织小计”列，该列不参与本条计算）。
    /// 一个写错的单元格会同时破坏它所在的几处勾稽关系（本列平衡、本行总计、办理结果之和）：这时只报告一次，
    /// 指向这个单元格并给出应填的数，所有受影响的关系一并列出，归入其中目录编号最前的规则。
    ///
    /// 复制时空白单元格丢失或数字连在一起的行（PDF、爬虫文本：“3 1”“03”），各数字属于哪一列无法确定；但若无论怎样对应，
    /// 前六列之和都不可能等于总计（最后一个数不等于前面各数之和，全部数之和也不为 0），作为警告报告
    /// （假定总计一格已填写）。
    ///
    /// ## 为什么是问题
    /// “总计”就是各类申请人之和；不相等说明某一列填错、漏填或总计算错，表格数据不可信。
    ///
    /// ## 示例
    /// 错误：（一）予以公开 258、12、0、0、1、1，总计 270（应为 272）。
    /// 正确：（一）予以公开 258、12、0、0、1、1，总计 272。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三“总计”列的含义。空白单元格按 0 计算时只作警告。
    pub static T3_ROW_TOTAL = {
        id: "T3-ROW-TOTAL",
        severity: Error,
        title: "第三部分各行总计等于各类申请人之和",
        help: "逐行核对：自然人＋五类法人或其他组织＝总计。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for f in faults(r).iter().filter(|f| f.kind() == Kind::RowTotal) {
        out.push(fault_finding(&T3_ROW_TOTAL, r, f));
    }
    for row in r.table(TableId::T3).map_or(&[][..], |t| &t.unfit_rows) {
        let name = row.key.name();
        let message = format!(
            "“{name}”一行的数字为“{}”，复制时空白单元格丢失或数字连在一起，无法确定各属于哪一列；但无论怎样对应，各类申请人之和都不等于总计，请核对这一行",
            r.text(row.figures)
        );
        // As with a blank counted as 0 in a table read cell by cell: a warning.
        let assume = "假定这一行的总计已填写（复制时丢失的只是空白单元格）；若总计一格本来就留空，这一行也不完整";
        out.push(T3_ROW_TOTAL.finding(row.figures, message).severity(Severity::Warning).assume(assume));
    }
}
