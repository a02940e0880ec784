use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::{t3_col, t3_col_name, T3_COLS};
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格有 7 个数据列：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计，
    /// 五类法人或其他组织按此次序排列。
    ///
    /// 只在表头至少识别出 3 个列名、且多数数据行确实不足 7 个数时报告缺列（PDF 或网页复制常丢失、改写表头文字，
    /// 数据仍有 7 列时不报告）。分组表头“法人或其他组织”不单独检查。
    ///
    /// ## 为什么是问题
    /// 缺列或错位会让各类申请人的数据对不上号，总计也无法核对。
    ///
    /// ## 示例
    /// 错误：表头为“商业企业 科研机构 社会公益组织 法律服务机构”，缺“其他”列。
    /// 正确：保留官方格式的全部 7 列。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三表头。
    pub static T3_COLUMNS_PRESENT = {
        id: "T3-COLUMNS-PRESENT",
        severity: Error,
        title: "第三部分表格各列齐全",
        help: "按官方格式保留自然人、五类法人或其他组织和总计共 7 列。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T3).sure() {
        return;
    }
    let Some(t) = r.table(TableId::T3) else { return };
    // First header of each column key, in text order.
    let mut seen: Vec<(&'static str, crate::span::Span)> = Vec::new();
    for (text, span) in &t.headers {
        if let Some(k) = t3_col(text) {
            if !seen.iter().any(|(s, _)| *s == k) {
                seen.push((k, *span));
            }
        }
    }
    if seen.len() < 3 {
        return;
    }
    let short_rows = t.rows.iter().filter(|x| x.found < x.expected).count();
    let data_short = !t.rows.is_empty() && short_rows * 2 > t.rows.len();
    let pos = |k: &str| seen.iter().position(|(s, _)| *s == k);
    for (i, col) in T3_COLS.iter().enumerate() {
        if pos(col).is_some() {
            continue;
        }
        let prev = T3_COLS[..i].iter().rev().find_map(|c| pos(c).map(|p| (c, p)));
        let next = T3_COLS[i + 1..].iter().find_map(|c| pos(c).map(|p| (c, p)));
        let Some((near, p)) = prev.or(next) else { continue };
        let place = if prev.is_some() { "之后" } else { "之前" };
        // Data rows still 7 wide: the header word was only renamed or lost in the copy.
        if !data_short {
            continue;
        }
        let message = format!(
            "第三部分表格缺少“{}”列（应在“{}”{}），多数数据行不足 7 个数",
            t3_col_name(col),
            t3_col_name(near),
            place
        );
        out.push(Finding::new(&T3_COLUMNS_PRESENT, seen[p].1, message));
    }
    // The five organisation columns in official order.
    let orgs: Vec<(usize, &str)> =
        ["C2", "C3", "C4", "C5", "C6"].iter().filter_map(|c| pos(c).map(|p| (p, *c))).collect();
    for w in orgs.windows(2) {
        if w[1].0 < w[0].0 {
            let message = format!(
                "第三部分表格列次序与官方格式不同：“{}”排在了“{}”之前，应为 商业企业、科研机构、社会公益组织、法律服务机构、其他",
                t3_col_name(w[1].1),
                t3_col_name(w[0].1)
            );
            out.push(Finding::new(&T3_COLUMNS_PRESENT, seen[w[1].0].1, message));
            break;
        }
    }
}
