use crate::declare_rule;
use crate::diag::Finding;
use crate::report::read::ReadState;
use crate::report::{TableId, Unplaced};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 第二、三、四部分的表格在文中出现了（有表头、行名或成行的数字），但检查器读出的单元格不到应有的
    /// 九成：单元格的数字连在一起无法唯一拆分、表格是图片、文字提取错乱，或文本在表格中途结束。每张表
    /// 报告一次，说明读出了多少、应粘贴什么；这张表的勾稽关系、行宽和缺行不作判断。
    /// 复制时丢失了空白单元格的表三（“（一）予以公开 41 41”）：一行中前面的数加起来等于最后一个数时，
    /// 最后一个数就是这一行的总计：读出这些总计，正文与总计的核对照常进行，其余各列不作判断。
    ///
    /// ## 为什么是问题
    /// 没有读出的表格无法核对。检查器不能把“没读出来”当成“没有问题”，也不能把自己的误读当成作者的
    /// 错误，所以明确说明这张表没有核对。
    ///
    /// ## 示例
    /// 错误：网页抓取的文字中一行写成“一、本年新收政府信息公开申请数量801000081”（各列数字连在一起），
    /// 且无法唯一拆分。
    /// 正确：从原网页复制表格（单元格之间保留分隔），或直接打开原 Word/PDF 文件。
    ///
    /// ## 依据
    /// 检查结果的可信度：未读出的表格必须明示，不能显示为“未发现问题”。
    pub static TBL_UNREAD = {
        id: "TBL-UNREAD",
        severity: Warning,
        title: "表格未能完整读取",
        help: "从原网页复制表格（保留单元格之间的分隔），或直接打开原 Word/WPS/PDF 文件后再检查。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let read = r.read(id);
        const PASTE: &str = "请从原网页复制表格（保留单元格之间的分隔），或直接打开原 Word/PDF 文件";
        let advice = match (read.state, r.table(id).and_then(|t| t.unplaced)) {
            (ReadState::Absent | ReadState::Read, _) => continue,
            (ReadState::Truncated, _) => "文本在表格中途结束，请粘贴完整的报告后再检查".to_string(),
            (_, Some(Unplaced::RunTogether)) => format!("单元格的数字连在一起，无法唯一拆分到各列；{PASTE}"),
            (_, Some(Unplaced::BlanksLost)) => {
                // Rows read by their total alone (the figures before it add up to it).
                let totals =
                    r.table(id).map_or(0, |t| t.rows.iter().filter(|row| row.found == 1 && row.expected == 7).count());
                if totals > 0 {
                    format!("多行的数字少于列数（复制时空白单元格丢失了），其中 {totals} 行只读出了总计，其他各列的数字无法判断属于哪一列；{PASTE}")
                } else if id == TableId::T4 {
                    format!("数字少于 15 列（复制时空白单元格丢失了），无法判断每个数字属于哪一列；{PASTE}")
                } else {
                    format!("多行的数字少于列数（复制时空白单元格丢失了），无法判断每个数字属于哪一列；{PASTE}")
                }
            }
            _ => format!("可能是表格为图片、行名无法识别或文字提取错乱；{PASTE}"),
        };
        let name = id.name();
        let message = if read.found == 0 {
            format!("未能读出{name}的单元格（应有 {} 个），表格核对未进行；{advice}", read.expected)
        } else {
            format!("{name}只读出 {}/{} 个单元格，勾稽关系和行列是否齐全未作核对；{advice}", read.found, read.expected)
        };
        out.push(TBL_UNREAD.finding(place(ctx, id), message));
    }
}

/// The table's first cell (its caption, note or first label), or its part's heading.
fn place(ctx: &Context, id: TableId) -> Span {
    let r = ctx.report;
    if let Some(t) = r.table(id) {
        return r.table_head(t);
    }
    let canonical = match id {
        TableId::T2 => 2,
        TableId::T3 => 3,
        TableId::T4 => 4,
    };
    r.section(canonical).map_or_else(Span::default, |s| s.span)
}
