use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T4Col};
use crate::rules::common::{clause_end, find_any, fmt_num, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文说“未发生（没有、未出现、无）…行政复议、行政诉讼”时，第四部分表格对应的总计应为 0：
    /// 行政复议看复议总计，行政诉讼看未经复议直接起诉总计＋复议后起诉总计。
    ///
    /// 只看第一部分和第四部分；否定词与“复议、诉讼”须在同一分句内，且分句里没有“纠错、纠正、败诉、撤销、
    /// 维持”等字样（“未发生行政复议被纠错”说的是结果，不是件数）。“无”只在紧挨着时才算（如“无行政复议”）。
    ///
    /// ## 为什么是问题
    /// 正文说没有而表格有数，两处必有一处错误（广元市统计局 2024 年报告即如此）。
    ///
    /// ## 示例
    /// 错误：正文“未出现行政复议、行政诉讼情况”，表格行政复议总计 1。
    /// 正确：表格三组总计都是 0，或正文如实写明 1 件行政复议。
    ///
    /// ## 依据
    /// 报告内部一致性。
    pub static T4_TEXT_ZERO = {
        id: "T4-TEXT-ZERO",
        severity: Error,
        title: "正文“未发生复议诉讼”与表格一致",
        help: "核对正文的说法与表四各组总计。",
        check: check,
    }
}

const NEG: [&str; 11] =
    ["未发生", "没有发生", "未出现", "没有出现", "未收到", "没有收到", "未被", "未有", "没有", "不存在", "无"];
const RESULT: [&str; 8] = ["纠错", "纠正", "败诉", "撤销", "维持", "确认违法", "被改变", "责令"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let review_total = CellKey::T4(T4Col::ReviewTotal);
    let suit_totals = [CellKey::T4(T4Col::DirectTotal), CellKey::T4(T4Col::AfterTotal)];
    let review = r.number(review_total);
    let suit = r.sum(suit_totals);
    if review.is_none() && suit.is_none() {
        return;
    }
    let (mut done_review, mut done_suit) = (false, false);
    for st in this_year_sentences(r, &[1, 4]) {
        let s = st.text();
        let mut from = 0;
        while let Some((ns, ne)) = find_any(s, from, &NEG) {
            from = ne;
            if s[ns..].starts_with("无论") || s[ns..].starts_with("无正当") {
                continue;
            }
            let end = clause_end(s, ne);
            let scope = &s[ne..end];
            let scope: String = if &s[ns..ne] == "无" {
                // "无行政复议" / "无复议诉讼" only.
                if !(scope.starts_with("行政复议") || scope.starts_with("行政诉讼") || scope.starts_with("复议"))
                {
                    continue;
                }
                scope.to_string()
            } else {
                scope.chars().take(25).collect()
            };
            if RESULT.iter().any(|w| scope.contains(w)) || scope.contains("申请人") {
                continue;
            }
            let plain = scope.replace("复议后起诉", "诉讼");
            let about_review = plain.contains("复议");
            let about_suit = plain.contains("诉讼") || plain.contains("起诉");
            if !about_review && !about_suit {
                continue;
            }
            let last = ["行政复议", "行政诉讼", "复议", "诉讼", "起诉"]
                .iter()
                .filter_map(|w| scope.rfind(w).map(|i| i + w.len()))
                .max()
                .unwrap_or(0);
            let span = st.span_of(ns, ne + last);
            let quote = r.text(span);
            if about_review && !done_review {
                done_review = true;
                if let Some(v) = review.filter(|v| *v > 0.0) {
                    let message = format!(
                        "正文称“{quote}”，但第四部分表格行政复议总计为 {}；两者应一致（没有行政复议时表格应为 0）",
                        fmt_num(v)
                    );
                    out.push(T4_TEXT_ZERO.finding(span, message).cells([review_total]));
                }
            }
            if about_suit && !done_suit {
                done_suit = true;
                if let Some(v) = suit.filter(|v| *v > 0.0) {
                    let message = format!(
                        "正文称“{quote}”，但第四部分表格行政诉讼总计（未经复议直接起诉＋复议后起诉）为 {}；两者应一致",
                        fmt_num(v)
                    );
                    out.push(T4_TEXT_ZERO.finding(span, message).cells(suit_totals));
                }
            }
        }
    }
}
