use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::{clause_around, first_count, fmt_num, is_break, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文“办结（答复）政府信息公开申请 N 件”中的 N，等于第三部分表格“（七）总计”的总计列。
    ///
    /// 只看第一部分和第三部分正文中第一处这样的说法，且句中须提到“申请”；分句中有“结转、延期、复议、诉讼、
    /// 留言、咨询、来信、热线”等字样的不看（那是别的数）。“办结、答复”的说法较宽，所以只作警告。
    ///
    /// ## 为什么是问题
    /// 正文的办结数与表格的办理结果总计不同，说明其中一处写错。
    ///
    /// ## 示例
    /// 错误：正文“全年答复政府信息公开申请35件”，表格（七）总计 34。
    /// 正确：两处一致。
    ///
    /// ## 依据
    /// 报告内部一致性。
    pub static T3_TEXT_PROCESSED = {
        id: "T3-TEXT-PROCESSED",
        severity: Warning,
        title: "正文办结数与表格一致",
        help: "核对正文中的办结（答复）数与表三“（七）总计”。",
        check: check,
    }
}

const NOT: [&str; 14] = [
    "结转",
    "转下",
    "下一年度",
    "延期",
    "复议",
    "诉讼",
    "留言",
    "咨询",
    "来信",
    "热线",
    "信箱",
    "建议",
    "提案",
    "意见",
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let key = CellKey::T3(T3Row::R24, T3Col::C7);
    let Some(v) = r.number(key) else { return };
    let sents = this_year_sentences(r, &[1, 3]);
    let accept = |s: &str, ks: usize, ke: usize| {
        let c = clause_around(s, ke);
        // "同意公开答复9件" counts one outcome, not all answers.
        let before = &s[..ks];
        let before = before.rfind(is_break).map_or(before, |i| &before[i..]);
        s.contains("申请")
            && !NOT.iter().any(|w| c.contains(w))
            && !["公开", "提供", "处理", "告知"].iter().any(|w| before.contains(w))
    };
    let Some(hit) = first_count(&sents, &["办结", "答复"], 12, &accept) else { return };
    if hit.value == v {
        return;
    }
    let message = format!(
        "正文“{}”写的是 {} 件，而第三部分表格“（七）总计”为 {}；若正文指本年度办理完毕的申请，两者应一致",
        r.text(hit.quote),
        fmt_num(hit.value),
        fmt_num(v)
    );
    out.push(T3_TEXT_PROCESSED.finding(hit.span, message).cells([key]));
}
