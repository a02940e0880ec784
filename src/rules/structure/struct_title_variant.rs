use super::util::{title_span, top_sections};
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::keys::PART_TITLES;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 部分标题只能按变体识别，与年报格式的规范名称不一致，例如旧格式的
    /// “因政府信息公开工作被申请行政复议、提起行政诉讼情况”。
    ///
    /// ## 为什么是问题
    /// 使用规范标题便于比对和检索；旧标题常说明沿用了过时的模板。
    ///
    /// ## 示例
    /// 错误：“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”。
    /// 正确：“四、政府信息公开行政复议、行政诉讼情况”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式。
    pub static STRUCT_TITLE_VARIANT = {
        id: "STRUCT-TITLE-VARIANT",
        severity: Info,
        title: "部分标题与规范名称不一致",
        help: "使用年报格式中的规范标题。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for s in top_sections(r) {
        if !s.variant {
            continue;
        }
        let canonical = PART_TITLES.get(usize::from(s.canonical).wrapping_sub(1)).copied().unwrap_or("");
        out.push(STRUCT_TITLE_VARIANT.finding(
            title_span(r, s),
            format!("标题“{}”与年报格式的规范名称不一致，规范名称为“{}”", s.title, canonical),
        ));
    }
}
