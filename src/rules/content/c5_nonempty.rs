use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::text::{hanzi_count, Mode, Norm};

declare_rule! {
    /// ## 检查内容
    /// 第五部分“存在的主要问题及改进情况”不能为空，不能只写“无”“暂无”，也不能少于20个汉字。
    ///
    /// ## 为什么是问题
    /// 《条例》第五十条要求年报包括政府信息公开工作存在的主要问题及改进情况，这一部分没有实际内容即缺项。
    ///
    /// ## 示例
    /// 错误：五、存在的主要问题及改进情况　无。
    /// 正确：写明存在的主要问题和相应的改进措施。
    ///
    /// ## 依据
    /// 《条例》第五十条第四项；国办公开办函〔2021〕30号（五）。
    pub static C5_NONEMPTY = {
        id: "C5-NONEMPTY",
        severity: Error,
        title: "存在问题及改进情况为空",
        help: "写明存在的主要问题和改进措施。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(sec) = r.section(5) else { return };
    let spans = r.part_paragraphs(5).map(|p| p.span).collect::<Vec<_>>();
    let later = r.sections.iter().any(|s| s.span.start > sec.span.start);
    if spans.is_empty() {
        // A heading with nothing after it at the very end may be a cut copy, not an empty section.
        if later {
            out.push(
                C5_NONEMPTY.finding(sec.span, "第五部分“存在的主要问题及改进情况”没有内容，应写明存在的问题和改进情况"),
            );
        }
        return;
    }
    let text: String = spans.iter().map(|s| Norm::new(r.text(*s), 0, Mode::Prose).text).collect();
    let n = hanzi_count(&text);
    if n >= 20 {
        return;
    }
    let span = spans[0].cover(spans[spans.len() - 1]);
    let message = format!("第五部分只有“{}”，没有写明存在的主要问题和改进情况", r.text(span).trim());
    out.push(C5_NONEMPTY.finding(span, message));
}
