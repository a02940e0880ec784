use super::util::is_2019;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::t2_row_name;
use crate::report::TableId;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第二部分表格应有第二十条第（一）（五）（六）（八）项的全部行：规章、行政规范性文件、行政许可、
    /// 行政处罚、行政强制、行政事业性收费（2019 年试行格式另有其他对外管理服务事项、政府集中采购）。
    ///
    /// 表格在文末被截断时不误报：表格之后没有其他部分、也没有落款日期时，排在最后一个已识别行之后的行
    /// 缺失不报告。整个子表（连同“第二十条第（X）项”标题）都没有时，更可能是只复制了一部分，降为警告；
    /// 表中有一行没有行名时也降为警告，并提示补上行名。
    ///
    /// ## 为什么是问题
    /// 这些行是年报格式规定的主动公开数据，缺行就是漏报；即使数量为 0 也应列出并填 0。
    ///
    /// ## 示例
    /// 错误：第二十条第（六）项只有“行政处罚”一行，没有“行政强制”。
    /// 正确：“行政处罚”“行政强制”两行都列出。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二；条例第二十条。
    pub static T2_ROWS_PRESENT = {
        id: "T2-ROWS-PRESENT",
        severity: Error,
        title: "第二部分表格缺行",
        help: "按年报格式补齐第二部分表格的各行，没有发生的填 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // A table read to less than 90 % is not judged (TBL-UNREAD says so).
    if !r.read(TableId::T2).sure() {
        return;
    }
    let Some(t) = r.table(TableId::T2) else { return };
    if t.rows.is_empty() {
        return;
    }
    let order: &[&str] = if is_2019(r) {
        &[
            "regulations",
            "normative_docs",
            "licensing",
            "other_services",
            "penalty",
            "enforcement",
            "fees",
            "procurement",
        ]
    } else {
        &["regulations", "normative_docs", "licensing", "penalty", "enforcement", "fees"]
    };
    let pos = |k: &str| order.iter().position(|o| *o == k);
    let last_found = t.rows.iter().filter_map(|x| pos(x.key)).max().unwrap_or(0);
    let cut = r.ends_within(t.span.end);
    let sub_table = |k: &str| -> (&'static str, &'static [&'static str]) {
        match k {
            "regulations" | "normative_docs" => ("第二十条第(一)", &["regulations", "normative_docs"]),
            "licensing" | "other_services" => ("第二十条第(五)", &["licensing", "other_services"]),
            "penalty" | "enforcement" => ("第二十条第(六)", &["penalty", "enforcement"]),
            "fees" => ("第二十条第(八)", &["fees"]),
            _ => ("第二十条第(九)", &["procurement"]),
        }
    };
    for (i, key) in order.iter().enumerate() {
        if t.rows.iter().any(|x| x.key == *key) {
            continue;
        }
        if cut && i > last_found {
            continue;
        }
        // Point at the row after which it should stand, or the next one.
        let anchor = order[..i]
            .iter()
            .rev()
            .find_map(|k| t.rows.iter().find(|x| x.key == *k))
            .or_else(|| t.rows.first())
            .map_or(t.span, |x| x.label.unwrap_or(x.span));
        let mut f = Finding::new(
            &T2_ROWS_PRESENT,
            anchor,
            format!("第二部分表格缺少“{}”行；即使没有发生也应列出并填 0", t2_row_name(key)),
        );
        let (caption, group) = sub_table(key);
        let group_seen = group.iter().any(|k| t.rows.iter().any(|x| x.key == *k))
            || t.headers.iter().any(|(h, _)| h.contains(caption));
        if !group_seen {
            // The whole sub-table is absent: more often an excerpt than a report without it.
            f = f.severity(crate::diag::Severity::Warning);
            f.message = format!(
                "第二部分表格没有第二十条第（{}）项（缺少“{}”行）；如果不是复制不完整，应按格式补上并填 0",
                caption.trim_start_matches("第二十条第(").trim_end_matches(')'),
                t2_row_name(key)
            );
        } else if t.unknown_rows.iter().any(|(l, _)| l.trim().is_empty()) {
            // A row whose label is blank may be this one: say so and do not call it certain.
            f = f.severity(crate::diag::Severity::Warning);
            f.message.push_str("（表中有一行没有行名，可能就是这一行，请补上行名）");
        }
        out.push(f);
    }
}
