use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::parse::Value;
use crate::report::{CellKey, T2Row, TableId};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 数值单元格中填了“/”“-”“—”“无”“不适用”等占位符。每张表报告一次，指向第一个占位符。
    /// 县级及以下机关（无规章制定权）在第二部分“规章”行填“/”的，只作提示。
    ///
    /// ## 为什么是问题
    /// 年报格式要求填数字，没有发生的填 0；占位符无法参与核对，勾稽检查只能跳过。
    ///
    /// ## 示例
    /// 错误：第二部分“行政许可”行填“/”。
    /// 正确：填“0”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式。
    pub static TBL_CELL_PLACEHOLDER = {
        id: "TBL-CELL-PLACEHOLDER",
        severity: Warning,
        title: "表格单元格填了占位符",
        help: "把“/”“—”“无”等改为 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let low = r.county_or_below().is_some();
    for table in TableId::ALL {
        let all: Vec<_> = r.cells.iter().filter(|c| c.key.table() == table && c.value == Value::Placeholder).collect();
        let (soft, hard): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|c| low && matches!(c.key, CellKey::T2(T2Row::Regulations, _)));
        for (group, sev) in [(hard, Severity::Warning), (soft, Severity::Info)] {
            let Some(first) = group.first() else { continue };
            let names: Vec<String> = group.iter().take(5).map(|c| format!("“{}”({})", c.key.name(), c.raw)).collect();
            let more = if group.len() > 5 { "等" } else { "" };
            let tail = if sev == Severity::Info {
                "；本机关无规章制定权，建议填 0"
            } else {
                "；没有发生的应填 0"
            };
            out.push(
                TBL_CELL_PLACEHOLDER
                    .finding(
                        first.span,
                        format!(
                            "{}有 {} 个单元格填了占位符：{}{}{}",
                            table.name(),
                            group.len(),
                            names.join("、"),
                            more,
                            tail
                        ),
                    )
                    .cells(group.iter().map(|c| c.key))
                    .severity(sev),
            );
        }
    }
}
