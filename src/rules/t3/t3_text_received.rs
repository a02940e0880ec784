use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::{clause_end, clause_start, count_after, find_any, fmt_num, this_year_sentences};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 正文“共收到（新收、受理）政府信息公开申请 N 件”中的 N，等于第三部分表格“一、本年新收”总计；
    /// 句中写明“含上年结转”时，与“本年新收＋上年结转”比较。“受理”既可能只指本年新收，也可能包括上年结转，
    /// 句中把 N 分成本年新收和上年结转时也是如此：两种读法有一种相符就不报告。正文写“未收到政府信息公开
    /// 申请”时，本年新收总计应为 0。“含上年结转”只看这个数所在的分句和紧跟其后的括号（“答复3050件（含上年
    /// 结转34件）”说的是答复数）。句子说的是另一个主体（“区政府办代表区政府受理”“全区共受理”）时，表格的
    /// 统计范围可能不同，只作警告。
    ///
    /// 只看第一部分和第三部分正文中第一处这样的说法；含“累计、历年、截至目前、同比、较上年”或提到其他年份的
    /// 句子不看；“10余件”之类约数不看；表格单元格空白或不是数字时不判断。
    ///
    /// ## 为什么是问题
    /// 同一份报告里正文和表格说的申请数不一样，读者不知道哪个是真的。
    ///
    /// ## 示例
    /// 错误：正文“共受理政府信息公开申请2件”，表格本年新收总计 3。
    /// 正确：正文与表格都是 3 件。
    ///
    /// ## 依据
    /// 报告内部一致性；实际案例：长春市某局 2023 年报告。
    pub static T3_TEXT_RECEIVED = {
        id: "T3-TEXT-RECEIVED",
        severity: Error,
        title: "正文收到申请数与表格一致",
        help: "核对正文中的申请数与表三“本年新收”总计（含上年结转时加上“上年结转”）。",
        check: check,
    }
}

const VERBS: [&str; 5] = ["收到", "受理", "新收", "接收", "接到"];
const NOT_APPS: [&str; 10] = ["复议", "诉讼", "信访", "举报", "意见", "建议", "投诉", "留言", "咨询", "来信"];

/// What a count of applications may stand for: (value, what it is in the table, its cells).
type Reading = (f64, &'static str, Vec<CellKey>);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let new = CellKey::T3(T3Row::R01, T3Col::C7);
    let carried = CellKey::T3(T3Row::R02, T3Col::C7);
    let Some(r01) = r.number(new) else { return };
    let with_carry = r.sum([new, carried]).map(|v| (v, "“一、本年新收”与“二、上年结转”总计之和", vec![new, carried]));
    for st in this_year_sentences(r, &[1, 3]) {
        let s = st.text();
        // "未收到政府信息公开申请": zero.
        if let Some((ns, ne)) = find_any(s, 0, &["未收到", "没有收到", "未受理", "未接到"]) {
            let tail = &s[ne..clause_end(s, ne)];
            let about = tail.find("申请").map(|i| &tail[..i]);
            if let Some(seg) = about {
                if (seg.contains("信息公开") || seg.contains("依申请公开") || seg.is_empty())
                    && !NOT_APPS.iter().any(|w| tail.contains(w))
                    && count_after(s, ne, 40, &["件"]).is_none()
                {
                    if r01 > 0.0 {
                        let end = ne + seg.len() + "申请".len();
                        let message = format!(
                            "正文称“{}”，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 {}；两者应一致（未收到时表格应为 0）",
                            r.text(st.span_of(ns, end)),
                            fmt_num(r01)
                        );
                        out.push(T3_TEXT_RECEIVED.finding(st.span_of(ns, end), message).cells([new]));
                    }
                    return;
                }
            }
        }
        let mut from = 0;
        while let Some((ks, ke)) = find_any(s, from, &VERBS) {
            from = ke;
            if s[..ks].ends_with("不予") {
                continue;
            }
            let rest = &s[ke..clause_end(s, ke)];
            let Some(ai) = rest.find("申请") else { continue };
            let seg = &rest[..ai];
            if seg.chars().count() > 20 || NOT_APPS.iter().any(|w| seg.contains(w)) {
                continue;
            }
            let Some(cnt) = count_after(s, ke + ai + "申请".len(), 8, &["件"]) else { continue };
            // The readings a careful reader allows: 收到/新收 are this year's new applications, unless
            // the sentence says the count includes last year's; 受理 (or a count broken down into new
            // and carried-over ones) may be either.
            let verb = &s[ks..ke];
            let scope = count_scope(s, ks, cnt.unit_end);
            let includes_carry = ["含上年", "包括上年", "含上一年", "包含上年"].iter().any(|w| scope.contains(w));
            // "收到申请49件，其中上年结转2件" breaks the count down; "新收申请47件，上年结转2件，
            // 共计49件" adds another count to it.
            let after = &s[cnt.unit_end..];
            let broken_down = after.find("其中").is_some_and(|i| after[i..].contains("结转"));
            let mut readings: Vec<Reading> = Vec::new();
            if !includes_carry {
                readings.push((r01, "“一、本年新收政府信息公开申请数量”总计", vec![new]));
            }
            if includes_carry || broken_down || verb == "受理" {
                readings.extend(with_carry.clone());
            }
            let Some(first) = readings.first() else { return };
            if !readings.iter().any(|(v, _, _)| *v == cnt.value) {
                let quote: Span = st.span_of(ks, cnt.unit_end);
                let message = format!(
                    "正文“{}”写的是 {} 件，而第三部分表格{}为 {}；两者应一致，请核对后改正其一",
                    r.text(quote),
                    fmt_num(cnt.value),
                    first.1,
                    fmt_num(first.0)
                );
                let mut f = T3_TEXT_RECEIVED.finding(st.span_of(cnt.start, cnt.end), message).cells(first.2.clone());
                // Said of another body (区政府办代表区政府…, 全区…): the table may count other bodies.
                let subject = &s[clause_start(s, ks)..ks];
                if other_body(subject) {
                    f = f
                        .severity(Severity::Warning)
                        .assume(format!("正文说的是“{subject}”的申请数，可能与表格的统计范围不同"));
                }
                out.push(f);
            }
            return;
        }
    }
}

/// What the count's own clause says: from the clause's start to the count, and a bracket right
/// after the count ("3119件（含上年结转34件）"); a bracket after a later count is that count's.
fn count_scope(s: &str, verb: usize, unit_end: usize) -> &str {
    let start = clause_start(s, verb);
    let rest = &s[unit_end..];
    let end = match rest.chars().next() {
        Some('(' | '（') => rest.find([')', '）']).map_or(s.len(), |i| unit_end + i),
        _ => clause_end(s, unit_end),
    };
    &s[start..end]
}

/// A subject naming a body other than the report's own: one acting for it (代表), an office of it,
/// or a whole area (全区、全市…).
fn other_body(subject: &str) -> bool {
    let own = subject.starts_with('我') || subject.starts_with('本');
    subject.contains("代表")
        || (!own && ["办公室", "政府办", "中心"].iter().any(|w| subject.contains(w)))
        || ["全市", "全区", "全县", "全省", "全镇", "全乡", "全州", "全旗"].iter().any(|w| subject.contains(w))
}
