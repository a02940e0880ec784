use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{RowKey, T2Row, TableId};
use crate::rules::Context;
use crate::text::{label, split_ordinal};

declare_rule! {
    /// ## 检查内容
    /// 2021 年及以后的年报，第二部分表格中的行名仍写作 2019 年试行格式的“规范性文件”，而不是“行政规范性文件”。
    ///
    /// ## 为什么是问题
    /// 〔2021〕30号文把该行改为“行政规范性文件”；旧行名说明表格沿用了旧模板，统计口径可能也未更新。
    ///
    /// ## 示例
    /// 错误：2023 年年报表格行名“规范性文件”。
    /// 正确：“行政规范性文件”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二。
    pub static STRUCT_OLD_ROW_LABEL = {
        id: "STRUCT-OLD-ROW-LABEL",
        severity: Info,
        title: "表格沿用旧行名",
        help: "把行名改为“行政规范性文件”。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if r.year.is_none_or(|y| y < 2021) {
        return;
    }
    let Some(t2) = r.table(TableId::T2) else { return };
    let Some(row) = t2.rows.iter().find(|x| x.key == RowKey::T2(T2Row::NormativeDocs)) else { return };
    let Some(l) = row.label else { return };
    let norm = label(r.text(l));
    let (_, body) = split_ordinal(&norm);
    if body.starts_with("规范性文件") {
        out.push(STRUCT_OLD_ROW_LABEL.finding(
            l,
            format!(
                "{}年年报表格行名为“{}”，〔2021〕30号格式的行名为“行政规范性文件”",
                r.year.unwrap_or_default(),
                r.text(l)
            ),
        ));
    }
}
