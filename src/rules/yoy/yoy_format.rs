use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{Format, Report, TableId};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，比较两年报告所用的格式版本（2019 年试行格式或 2021 年格式）。
    /// 版本不同即提示；2021 年度报告从试行格式改用 2021 年格式是规定的变化，不提示。
    ///
    /// ## 为什么是问题
    /// 2021 年格式自 2021 年度报告起施行。本年改回试行格式，说明套用了旧模板；上年用试行格式而本年
    /// 改用新格式（2021 年度以后），说明上年报告格式有误，两年的表格数字口径不同，逐年比较时要注意。
    ///
    /// ## 示例
    /// 提示：2023年度报告用 2021 年格式，2024年度报告又出现“本年新制作数量”等试行格式的栏目。
    /// 正确：2020年度报告用试行格式，2021年度报告改用 2021 年格式。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（2021 年度报告起施行）；国办公开办函〔2019〕60号（试行格式）。
    pub static YOY_FORMAT = {
        id: "YOY-FORMAT",
        severity: Info,
        title: "格式版本与上年不同",
        help: "按国办公开办函〔2021〕30号的格式编制，并注意与上年数字比较时口径的变化。",
        check: check,
    }
}

fn name(f: Format) -> &'static str {
    match f {
        Format::V2019 => "2019年试行格式（国办公开办函〔2019〕60号）",
        Format::V2021 => "2021年格式（国办公开办函〔2021〕30号）",
        Format::Unknown => "未能识别的格式",
    }
}

/// Where the format shows: its first format-specific label, else the tables, else the start.
fn format_span(r: &Report) -> Span {
    r.format_labels
        .iter()
        .find(|l| l.format == r.format)
        .map(|l| l.span)
        .or_else(|| [TableId::T2, TableId::T3, TableId::T4].iter().find_map(|t| r.table(*t)).map(|t| t.span))
        .unwrap_or_default()
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(false) else { return };
    let r = ctx.report;
    if r.format == Format::Unknown || prev.format == Format::Unknown || r.format == prev.format {
        return;
    }
    let message = match (prev.format, r.format, r.year) {
        // The switch the format prescribes.
        (Format::V2019, Format::V2021, Some(2021)) => return,
        (Format::V2019, Format::V2021, None) => return,
        (Format::V2019, Format::V2021, Some(y)) => format!(
            "上年报告使用{}，本年（{y}年）报告使用{}；上年报告本应已使用2021年格式，两年表格数字口径不同，比较时请注意",
            name(prev.format),
            name(r.format)
        ),
        _ => {
            format!("本年报告使用{}，而上年报告使用{}，格式版本倒退，疑似套用旧模板", name(r.format), name(prev.format))
        }
    };
    out.push(YOY_FORMAT.finding(format_span(r), message));
}
