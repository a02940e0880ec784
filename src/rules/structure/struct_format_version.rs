use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::query::T3Layout;
use crate::report::{Format, RowKey, T3Row, TableId};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 2021 年及以后的年报应使用国办公开办函〔2021〕30号的新格式，表格中不应出现 2019 年试行格式独有的
    /// 栏目：本年新制作数量、本年新公开数量、对外公开总数量、上一年项目数量、本年增/减、其他对外管理服务事项、
    /// 第二十条第（九）项、政府集中采购，以及只有一行的“（六）其他处理”。
    /// 新旧栏目混用时降为警告；2020 年及以前的年报出现新格式栏目时仅作提示。只看表格中的栏目。
    ///
    /// ## 为什么是问题
    /// 30号文自 2021 年度报告起替代了 60号文的试行格式；沿用旧表格会漏报“本年废止件数”“现行有效件数”
    /// 和其他处理的三个细项等新要求的数据。
    ///
    /// ## 示例
    /// 错误：2023 年年报的第二部分表格仍有“本年新制作数量”栏。
    /// 正确：使用“本年制发件数 / 本年废止件数 / 现行有效件数”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号；国办公开办函〔2019〕60号。
    pub static STRUCT_FORMAT_VERSION = {
        id: "STRUCT-FORMAT-VERSION",
        severity: Error,
        title: "表格格式版本与年度不符",
        help: "2021 年及以后的年报请使用〔2021〕30号文规定的表格。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(year) = r.year else { return };
    let mut old: Vec<(&str, Span)> = r.table_labels(Format::V2019).map(|l| (l.label, l.span)).collect();
    // The single （六）其他处理 row alone is T3-OTHER-SPLIT-2021's one finding; with other old labels
    // it is named here with them.
    if !old.is_empty() && r.t3_layout() == T3Layout::V2019 {
        if let Some(row) = r.table(TableId::T3).and_then(|t| t.rows.iter().find(|x| x.key == RowKey::T3(T3Row::R21_23)))
        {
            old.push(("（六）其他处理（单行）", row.point()));
        }
    }
    crate::sort::sort_by_key(&mut old, |x| (x.1.start, x.1.end, x.0));
    let new: Vec<(&str, Span)> = r.table_labels(Format::V2021).map(|l| (l.label, l.span)).collect();
    let names = |v: &[(&str, Span)]| {
        let mut n: Vec<&str> = v.iter().map(|x| x.0).collect();
        n.dedup();
        n.truncate(4);
        n.join("”“")
    };
    if year >= 2021 {
        let Some(first) = old.first() else { return };
        let mut f = STRUCT_FORMAT_VERSION.finding(
            first.1,
            format!("{year}年年报使用了2019年试行格式的栏目“{}”；2021年起应使用〔2021〕30号文的新格式", names(&old)),
        );
        if !new.is_empty() {
            f = f.severity(Severity::Warning);
            f.message.push_str("（表格中新旧栏目混用）");
        }
        out.push(f);
    } else {
        let Some(first) = new.first() else { return };
        // Old labels too (the single （六）其他处理 row counts): the table mixes the formats.
        let mixed = !old.is_empty() || r.t3_layout() == T3Layout::V2019;
        let sev = if mixed { Severity::Warning } else { Severity::Info };
        out.push(
            STRUCT_FORMAT_VERSION
                .finding(
                    first.1,
                    format!(
                        "{year}年年报使用了2021年新格式的栏目“{}”；该年度适用〔2019〕60号文的试行格式，请确认年度",
                        names(&new)
                    ),
                )
                .severity(sev),
        );
    }
}
