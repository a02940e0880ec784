use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T2Row};
use crate::rules::common::fmt_num;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 机关名称表明是县级及以下机关（含县、区、旗、乡、镇、街道，不含自治区、自治州）或其部门时，
    /// 规章行各栏应为 0。机关名称取自标题或首句；识别不到名称时不检查。填“/”的由 TBL-CELL-PLACEHOLDER 提示。
    ///
    /// ## 为什么是问题
    /// 依照立法法，规章只能由国务院部门和省、自治区、直辖市及设区的市、自治州人民政府制定；县级及以下
    /// 机关报出规章件数，多半是把规范性文件或其他文件算成了规章。
    ///
    /// ## 示例
    /// 错误：××县农业农村局 规章行“本年制发件数”为 2。
    /// 正确：规章行各栏为 0。
    ///
    /// ## 依据
    /// 《中华人民共和国立法法》第九十三条；2019 年试行格式表注“设区的市、自治州人民政府应提供相关数据”。
    pub static T2_GUIZHANG_AUTHORITY = {
        id: "T2-GUIZHANG-AUTHORITY",
        severity: Warning,
        title: "无规章制定权的机关报了规章",
        help: "县级及以下机关的规章行填 0；规范性文件填在“行政规范性文件”行。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(org) = r.county_or_below() else { return };
    for c in &r.cells {
        let CellKey::T2(T2Row::Regulations, col) = c.key else { continue };
        let Some(v) = c.value.number() else { continue };
        if v > 0.0 {
            out.push(
                T2_GUIZHANG_AUTHORITY
                    .finding(
                        c.span,
                        format!(
                            "规章行“{}”为 {}，{}属县级及以下机关，无规章制定权，应为 0",
                            col.name(),
                            fmt_num(v),
                            org
                        ),
                    )
                    .cells([c.key]),
            );
            return;
        }
    }
}
