use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 文档标题应为“（机关名称）××××年（度）政府信息公开工作年度报告”。标题写成“…工作报告”
    /// “…工作年报”“…工作总结”“政务公开工作年报”或缺少“工作”二字时提示。
    /// 文本中没有标题（常见于只复制了正文）时不检查。
    ///
    /// ## 为什么是问题
    /// 条例第四十九条要求公布的是“政府信息公开工作年度报告”；标题不规范会被通报（如莆田市 2010 年通报
    /// 指出把“年度报告”写成“工作报告”）。
    ///
    /// ## 示例
    /// 错误：“××区统计局2022年政务公开工作年报”。
    /// 正确：“××区统计局2022年政府信息公开工作年度报告”。
    ///
    /// ## 依据
    /// 《中华人民共和国政府信息公开条例》第四十九条；国办公开办函〔2021〕30号。
    pub static STRUCT_DOC_TITLE = {
        id: "STRUCT-DOC-TITLE",
        severity: Warning,
        title: "文档标题不规范",
        help: "标题写作“××××年政府信息公开工作年度报告”。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(t) = &r.title else { return };
    if t.standard {
        return;
    }
    out.push(
        STRUCT_DOC_TITLE
            .finding(t.span, format!("标题“{}”不是规范写法，应为“（机关名称）××××年政府信息公开工作年度报告”", t.text)),
    );
}
