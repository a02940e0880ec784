use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::find_all;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 计数的句子里，数字后面直接是句号、逗号或分号，缺了量词（“主动公开政府信息12。”）。
    /// “数量为12”这类说法不算。
    ///
    /// ## 为什么是问题
    /// 缺量词读不出数的是什么（条、件、篇），多是删改时漏掉的。
    ///
    /// ## 示例
    /// 错误：全年主动公开政府信息12。
    /// 正确：全年主动公开政府信息12条。
    ///
    /// ## 依据
    /// 现代汉语数量表达规范；衢州市机关事务保障中心2022年报实例。
    pub static S_MEASURE_WORD = {
        id: "S-MEASURE-WORD",
        severity: Info,
        title: "数字后缺量词",
        help: "在数字后补上量词（条、件、篇、次等）。",
        check: check,
    }
}

const VERBS: [&str; 8] = ["公开", "发布", "收到", "受理", "办理", "答复", "更新", "办结"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for s in &r.prose_sentences {
        let t = s.text();
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.')) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            let num_end = j;
            // "260余", "30多": the approximation is part of the number.
            for suffix in ["余", "多"] {
                if t[j..].starts_with(suffix) {
                    j += suffix.len();
                }
            }
            let next = &t[j..];
            // At the end of a paragraph it counts only when text follows (not a cut copy).
            let more_text = !r.src()[s.span.end..].trim().is_empty();
            let bare = next.starts_with(['。', ',', ';']) || (next.is_empty() && more_text);
            if bare && num_end - i < 4 && counted(&t[..i]) {
                let message = format!("数字“{}”后缺少量词（条、件、篇等）", &t[i..j]);
                out.push(S_MEASURE_WORD.finding(s.span_of(i, j), message));
            }
            i = j;
        }
    }
}

/// The clause before the number counts something after a counting verb, and is not "数量为N".
fn counted(before: &str) -> bool {
    let clause_start = before.rfind([',', ';', ':', '。']).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let Some(v) = VERBS.iter().filter_map(|v| find_all(clause, v).last()).max() else { return false };
    let between = &clause[v..];
    !["数", "量", "为", "率", "第", "号", "%", "年", "月", "日", "级", "版", "期"].iter().any(|w| between.contains(w))
}
