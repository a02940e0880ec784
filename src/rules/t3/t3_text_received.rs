use crate::declare_rule;
use crate::diag::{CellRef, Finding};
use crate::report::TableId;
use crate::rules::t3::prose::{clause_end, count_after, find_any, n, num, num_sum, t3_sentences};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 正文“共收到（受理、新收）政府信息公开申请 N 件”中的 N，等于第三部分表格“一、本年新收”总计；
    /// 句中写明“含上年结转”时，与“本年新收＋上年结转”比较。正文写“未收到政府信息公开申请”时，本年新收
    /// 总计应为 0。
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

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(r01) = num(r, TableId::T3, "R01", "C7") else { return };
    for st in t3_sentences(r) {
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
                            n(r01)
                        );
                        out.push(
                            Finding::new(&T3_TEXT_RECEIVED, st.span_of(ns, end), message)
                                .cells([CellRef::new("T3", "R01", "C7")]),
                        );
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
            let with_carry = ["含上年", "包括上年", "含上一年", "包含上年"].iter().any(|w| s.contains(w));
            let (expected, what, cells) = if with_carry {
                let Some(v) = num_sum(r, TableId::T3, &[("R01", "C7"), ("R02", "C7")]) else { return };
                (
                    v,
                    "“一、本年新收”与“二、上年结转”总计之和",
                    vec![CellRef::new("T3", "R01", "C7"), CellRef::new("T3", "R02", "C7")],
                )
            } else {
                (r01, "“一、本年新收政府信息公开申请数量”总计", vec![CellRef::new("T3", "R01", "C7")])
            };
            if cnt.value != expected {
                let quote: Span = st.span_of(ks, cnt.unit_end);
                let message = format!(
                    "正文“{}”写的是 {} 件，而第三部分表格{}为 {}；两者应一致，请核对后改正其一",
                    r.text(quote),
                    n(cnt.value),
                    what,
                    n(expected)
                );
                out.push(Finding::new(&T3_TEXT_RECEIVED, st.span_of(cnt.start, cnt.end), message).cells(cells));
            }
            return;
        }
    }
}
