use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::{CellKey, T4Col};
use crate::rules::common::{clause_end, find_any, fmt_num, this_year_sentences};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 正文说“未发生（没有、未出现、无）…行政复议、行政诉讼”时，第四部分表格对应的总计应为 0：
    /// 行政复议看复议总计，行政诉讼看未经复议直接起诉总计＋复议后起诉总计。
    ///
    /// 只看第一部分和第四部分；否定词与“复议、诉讼”须在同一分句内，且分句里没有“纠错、纠正、败诉、撤销、
    /// 维持”等字样（“未发生行政复议被纠错”说的是结果，不是件数）。“无”只在紧挨着时才算（如“无行政复议”）。
    ///
    /// 表格的空白单元格在复制时丢失、无法逐格读出时（“4 4”），只有无论数字怎样对应到各列，正文否认的总计都不为 0，
    /// 才作为警告报告（假定各组总计已填写）。
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

/// A sentence's "no 复议 / no 诉讼" claim: its span, and whether it is about 复议, about 诉讼.
type Claim = (Span, bool, bool);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let review_total = CellKey::T4(T4Col::ReviewTotal);
    let suit_totals = [CellKey::T4(T4Col::DirectTotal), CellKey::T4(T4Col::AfterTotal)];
    let review = r.number(review_total);
    let suit = r.sum(suit_totals);
    if review.is_none() && suit.is_none() {
        unread_table(r, out);
        return;
    }
    for (span, about_review, about_suit) in claims(r) {
        let quote = r.text(span);
        if let Some(v) = review.filter(|v| *v > 0.0 && about_review) {
            let message = format!(
                "正文称“{quote}”，但第四部分表格行政复议总计为 {}；两者应一致（没有行政复议时表格应为 0）",
                fmt_num(v)
            );
            out.push(T4_TEXT_ZERO.finding(span, message).cells([review_total]));
        }
        if let Some(v) = suit.filter(|v| *v > 0.0 && about_suit) {
            let message = format!(
                "正文称“{quote}”，但第四部分表格行政诉讼总计（未经复议直接起诉＋复议后起诉）为 {}；两者应一致",
                fmt_num(v)
            );
            out.push(T4_TEXT_ZERO.finding(span, message).cells(suit_totals));
        }
    }
}

/// A T4 whose figures could not be placed in their columns ("4 4"): the claim is wrong only if
/// no reading of the figures makes what it denies zero.
fn unread_table(r: &crate::report::Report, out: &mut Vec<Finding>) {
    use T4Col::{AfterTotal, DirectTotal, ReviewTotal};
    for (span, about_review, about_suit) in claims(r) {
        let (cols, what): (&[T4Col], &str) = match (about_review, about_suit) {
            (true, true) => (&[ReviewTotal, DirectTotal, AfterTotal], "行政复议与行政诉讼总计之和"),
            (true, false) => (&[ReviewTotal], "行政复议总计"),
            _ => (&[DirectTotal, AfterTotal], "行政诉讼总计"),
        };
        let Some(values) = r.t4_possible_sums(cols).filter(|v| !v.contains(&0)) else { continue };
        let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        let message = format!(
            "正文称“{}”；第四部分表格的空白单元格丢失，无法逐格读出，但无论怎样读，{what}都是 {}，不为 0；请核对正文或表格",
            r.text(span),
            values.join("或")
        );
        let assume = super::t4_text_count::BLANK_TOTALS;
        out.push(T4_TEXT_ZERO.finding(span, message).severity(Severity::Warning).assume(assume));
    }
}

/// The first claim of part 一 or 四 that there was no 复议, and the first that there was no 诉讼
/// (one clause may make both).
fn claims(r: &crate::report::Report) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
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
            let about_review = plain.contains("复议") && !done_review;
            let about_suit = (plain.contains("诉讼") || plain.contains("起诉")) && !done_suit;
            if !about_review && !about_suit {
                continue;
            }
            let last = ["行政复议", "行政诉讼", "复议", "诉讼", "起诉"]
                .iter()
                .filter_map(|w| scope.rfind(w).map(|i| i + w.len()))
                .max()
                .unwrap_or(0);
            done_review |= about_review;
            done_suit |= about_suit;
            out.push((st.span_of(ns, ne + last), about_review, about_suit));
        }
    }
    out
}
