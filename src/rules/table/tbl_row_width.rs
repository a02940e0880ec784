use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{Report, RowInfo, TableInfo};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 每个识别出的数据行应有规定数量的数值：第二部分依次 3/1/1/1 个（2019 格式按其栏目），第三部分 7 个
    /// （有小计列时 8 个），第四部分 15 个。数值过多时先尝试把被拆开的数字合并（见 TBL-SPLIT-DIGITS），
    /// 合并后能对上的不在此报告。
    ///
    /// 表格在文末被截断时不误报：表格之后没有其他部分、也没有落款日期时，最后一行数值不足不报告。
    ///
    /// ## 为什么是问题
    /// 少数或多数说明漏填、错列或多填了数，整行数据都可能错位，勾稽核对的结论也不可靠。
    ///
    /// ## 示例
    /// 错误：“一、本年新收政府信息公开申请数量 3 0 0 0 0 3”（6 个数）。
    /// 正确：“一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3”（7 个数）。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（表二至表四的栏目）。
    pub static TBL_ROW_WIDTH = {
        id: "TBL-ROW-WIDTH",
        severity: Error,
        title: "表格行的数值个数不对",
        help: "按表头逐列核对这一行，补齐漏填的数或删去多余的数。",
        check: check,
    }
}

pub(super) fn row_name(r: &Report, row: &RowInfo) -> String {
    match row.label {
        Some(l) => format!("“{}”行", r.text(l).split_whitespace().collect::<String>()),
        None => "一行".to_string(),
    }
}

pub(super) fn row_point(row: &RowInfo) -> Span {
    row.label.unwrap_or(row.span)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for t in &r.tables {
        // A table read to less than 90 % is not judged (TBL-UNREAD says so).
        if !r.read(t.id).sure() {
            continue;
        }
        let cut = r.ends_within(t.span.end);
        for (i, row) in t.rows.iter().enumerate() {
            let last = i + 1 == t.rows.len();
            if !row.extra.is_empty() {
                if super::tbl_split_digits::repair(r, t, row).is_some() {
                    continue;
                }
                out.push(Finding::new(
                    &TBL_ROW_WIDTH,
                    row_point(row),
                    format!(
                        "{}{}有 {} 个数值，应为 {} 个；请核对是否多填或错列",
                        super::util::table_name(t.id.as_str()),
                        row_name(r, row),
                        row.found + row.extra.len(),
                        row.expected
                    ),
                ));
            } else if row.found < row.expected && !(last && cut) && !short_is_cut(t, row) {
                out.push(Finding::new(
                    &TBL_ROW_WIDTH,
                    row_point(row),
                    format!(
                        "{}{}只有 {} 个数值，应为 {} 个；请核对是否漏填",
                        super::util::table_name(t.id.as_str()),
                        row_name(r, row),
                        row.found,
                        row.expected
                    ),
                ));
            }
        }
    }
}

/// A row with no value at all is a label the parser kept, not a data row.
fn short_is_cut(_t: &TableInfo, row: &RowInfo) -> bool {
    row.found == 0
}
