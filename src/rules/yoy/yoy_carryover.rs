use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::{CellKey, Report, T3Col, T3Row};
use crate::rules::common::{eq, fmt_num};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 提供上一年度报告时，本年第三部分表格“二、上年结转政府信息公开申请数量”每一列，应等于
    /// 上年报告同一表格“四、结转下年度继续办理”的同一列。先比较总计列：不一致为警告；
    /// 总计一致而个别申请人类别不一致为提示。上年报告的年份须为本年的前一年。
    ///
    /// ## 为什么是问题
    /// 上年结转到本年的申请，就是上年报告中“结转下年度继续办理”的申请，两个数字说的是同一批申请。
    /// 不一致说明其中一年的表格漏记、错记，或上年结转的申请在统计中“消失”了。
    ///
    /// ## 示例
    /// 错误：2023年报告“结转下年度继续办理”总计 3，2024年报告“上年结转”总计 0。
    /// 正确：2023年报告“结转下年度继续办理”总计 3，2024年报告“上年结转”总计 3。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三的行项目含义（上年结转、结转下年度继续办理）。
    pub static YOY_CARRYOVER = {
        id: "YOY-CARRYOVER",
        severity: Warning,
        title: "上年结转与上年报告结转下年度不一致",
        help: "核对上年报告“结转下年度继续办理”，本年“上年结转”应逐列与之相同；如上年报告有误，在报告中说明。",
        check: check,
    }
}

/// A cell as a number, a blank counting as 0.
fn number(r: &Report, row: T3Row, col: T3Col) -> Option<f64> {
    r.operands([CellKey::T3(row, col)]).map(|o| o.sum())
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous_report(true) else { return };
    let r = ctx.report;
    let prev_name = prev.year.map_or_else(|| "上年报告".to_string(), |y| format!("上年（{y}年）报告"));
    // 总计 first: when it disagrees, one warning says it all.
    if let (Some(now), Some(before), Some(cell)) = (
        number(r, T3Row::R02, T3Col::C7),
        number(prev, T3Row::R25, T3Col::C7),
        r.cell(CellKey::T3(T3Row::R02, T3Col::C7)),
    ) {
        if !eq(now, before) {
            let message = format!(
                "本年“上年结转”总计为 {}，而{}“结转下年度继续办理”总计为 {}，应一致",
                fmt_num(now),
                prev_name,
                fmt_num(before)
            );
            out.push(YOY_CARRYOVER.finding(cell.span, message).cells([cell.key]));
            return;
        }
    }
    for col in T3Col::APPLICANTS {
        let (Some(now), Some(before), Some(cell)) =
            (number(r, T3Row::R02, col), number(prev, T3Row::R25, col), r.cell(CellKey::T3(T3Row::R02, col)))
        else {
            continue;
        };
        if !eq(now, before) {
            let message = format!(
                "{}列：本年“上年结转”为 {}，而{}“结转下年度继续办理”为 {}，应一致",
                col.name(),
                fmt_num(now),
                prev_name,
                fmt_num(before)
            );
            out.push(YOY_CARRYOVER.finding(cell.span, message).cells([cell.key]).severity(Severity::Info));
        }
    }
}
