use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::year::util::section_paragraph_spans;
use crate::rules::Context;
use crate::text::{Mode, Norm};

declare_rule! {
    /// ## 检查内容
    /// 第六部分“其他需要报告的事项”不应只写“无”“暂无”“无其他需要报告的事项”。
    /// 2021年起至少应报告信息处理费收取情况。
    ///
    /// ## 为什么是问题
    /// 年报格式要求在这一部分报告信息处理费收取情况等事项；只写“无”等于漏报。
    ///
    /// ## 示例
    /// 错误：六、其他需要报告的事项　无。
    /// 正确：本年度未收取政府信息公开信息处理费。无其他需要报告的事项。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（六）；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    pub static C6_NONEMPTY = {
        id: "C6-NONEMPTY",
        severity: Warning,
        title: "其他需要报告的事项只写了“无”",
        help: "至少写明信息处理费收取情况，再说明有无其他事项。",
        check: check,
    }
}

/// What a "nothing to report" 六 says once punctuation and filler are gone.
const NOTHING: [&str; 8] =
    ["无", "暂无", "没有", "无其他需要报告的事项", "无其他需要报告事项", "无需要报告的事项", "本年度无", "无其他事项"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(_) = r.section(6) else { return };
    let spans = section_paragraph_spans(r, 6);
    if spans.is_empty() {
        return;
    }
    let span = spans[0].cover(spans[spans.len() - 1]);
    let text: String = spans.iter().map(|s| Norm::new(r.text(*s), 0, Mode::Prose).text).collect();
    let core: String = text.chars().filter(|c| crate::text::is_hanzi(*c)).collect();
    let core = core.strip_prefix("本单位").or(core.strip_prefix("本机关")).unwrap_or(&core);
    if NOTHING.contains(&core) {
        let message = format!("第六部分只写了“{}”；应至少报告信息处理费收取情况", r.text(span).trim());
        out.push(Finding::new(&C6_NONEMPTY, span, message));
    }
}
