use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, RowKey, T3Col, T3Row};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 表格中有年报格式之外的行或列：例如第三部分的“法人或其他组织小计”列、小计行、“合计”行，
    /// 第二部分增加的“行政检查”“行政确认”等行。每张表提示一次。
    ///
    /// ## 为什么是问题
    /// 年报格式的表格不宜擅自改动；多出的行列会打乱逐行逐列的核对，也不便与其他机关比较。
    ///
    /// ## 示例
    /// 错误：第三部分表格在“其他”与“总计”之间增加“小计”列。
    /// 正确：按格式只保留自然人、五类法人或其他组织和总计共 7 列。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（表格栏目）。
    pub static TBL_HEADER_DEVIATION = {
        id: "TBL-HEADER-DEVIATION",
        severity: Info,
        title: "表格有格式之外的行或列",
        help: "按年报格式的表格栏目填报，去掉自行增加的行或列。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for t in &r.tables {
        let mut what: Vec<String> = Vec::new();
        let mut at = None;
        if let Some(c) = r.cells.iter().find(|c| matches!(c.key, CellKey::T3(_, T3Col::C2_6))) {
            what.push("“法人或其他组织小计”列".to_string());
            at = t.headers.iter().find(|(h, _)| h.contains("小计")).map(|h| h.1).or(Some(c.span));
        }
        for row in t.rows.iter().filter(|x| matches!(x.key, RowKey::T3(T3Row::R05_12 | T3Row::R13_15 | T3Row::R16_20)))
        {
            what.push(format!("小计行“{}”", row.label.map(|l| r.text(l)).unwrap_or("")));
            at = at.or(Some(row.label.unwrap_or(row.span)));
        }
        for (label, span) in &t.unknown_rows {
            // Rows the parser could not classify carry no label: take the row's first text cell.
            let label = if label.trim().is_empty() { first_text(r.text(*span)) } else { label.clone() };
            if label.trim().is_empty() || known_row(t.id, &label) {
                continue;
            }
            what.push(format!("“{}”行", label.split_whitespace().collect::<String>()));
            at = at.or(Some(*span));
        }
        let Some(at) = at else { continue };
        what.truncate(5);
        out.push(
            TBL_HEADER_DEVIATION
                .finding(at, format!("{}有年报格式之外的{}；建议按格式栏目填报", t.id.name(), what.join("、"))),
        );
    }
}

/// A row whose label is an official row (a duplicate the parser could not place) is not a deviation.
fn known_row(id: crate::report::TableId, raw: &str) -> bool {
    let l = crate::text::label(raw);
    match id {
        crate::report::TableId::T2 => crate::report::labels::t2_row(&l).is_some(),
        crate::report::TableId::T3 => crate::report::labels::t3_row(&l, None)
            .is_some_and(|k| !matches!(k, T3Row::R05_12 | T3Row::R13_15 | T3Row::R16_20)),
        crate::report::TableId::T4 => false,
    }
}

/// The first piece of a row's text that is not a value ("行政检查\t5" → "行政检查").
fn first_text(row: &str) -> String {
    let first = row.split(['\t', '|', '\n']).map(str::trim).find(|p| !p.is_empty()).unwrap_or("");
    let is_value = matches!(
        crate::parse::parse_value(first),
        crate::parse::Value::Number { .. } | crate::parse::Value::Placeholder | crate::parse::Value::Empty
    );
    if is_value || first.chars().count() > 30 {
        String::new()
    } else {
        first.to_string()
    }
}
