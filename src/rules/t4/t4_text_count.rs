use crate::declare_rule;
use crate::diag::{CellRef, Finding, Severity};
use crate::report::TableId;
use crate::rules::t3::prose::{clause_end, count_after, find_any, n, num, num_sum, t4_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文“行政复议 N 件”等于第四部分表格行政复议总计；“行政诉讼 N 件”等于未经复议直接起诉总计＋复议后起诉总计。
    /// 正文说“均维持、均获维持、均予维持”时，提到的各组结果纠正、其他结果应为 0；尚未审结大于 0 只作警告。
    ///
    /// 只看第一部分和第四部分中各说法的第一处；“复议后起诉 N 件”不当作行政复议件数；件数单位为件、起、宗。
    ///
    /// ## 为什么是问题
    /// 正文与表格的复议、诉讼数字不符，或说“均获维持”而表格有纠正或未审结，两处必有一处不准确。
    ///
    /// ## 示例
    /// 错误：正文“行政复议7件，行政诉讼9件，均获维持”，表格诉讼尚未审结 2。
    /// 正确：正文写明“其中2件尚未审结”。
    ///
    /// ## 依据
    /// 报告内部一致性（上海市 2019 年报告的写法）。
    pub static T4_TEXT_COUNT = {
        id: "T4-TEXT-COUNT",
        severity: Error,
        title: "正文复议诉讼件数与表格一致",
        help: "核对正文中的复议、诉讼件数与“均获维持”的说法与表四。",
        check: check,
    }
}

const UNITS: [&str; 3] = ["件", "起", "宗"];

/// Keywords, the table's value, its name for messages, and its cells.
type Kind<'k> = (&'k [&'k str], Option<f64>, &'k str, Vec<CellRef>);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let t = TableId::T4;
    let sents = t4_sentences(r);
    let review = num(r, t, "-", "review.total");
    let suit = num_sum(r, t, &[("-", "direct_suit.total"), ("-", "suit_after_review.total")]);
    let kinds: [Kind; 2] = [
        (&["行政复议", "复议"], review, "行政复议总计", vec![CellRef::new("T4", "-", "review.total")]),
        (
            &["行政诉讼", "诉讼"],
            suit,
            "行政诉讼总计（未经复议直接起诉＋复议后起诉）",
            vec![CellRef::new("T4", "-", "direct_suit.total"), CellRef::new("T4", "-", "suit_after_review.total")],
        ),
    ];
    for (kws, expected, what, cells) in kinds {
        let Some(expected) = expected else { continue };
        'sent: for st in &sents {
            let s = st.text();
            let mut from = 0;
            while let Some((ks, ke)) = find_any(s, from, kws) {
                from = ke;
                if s[ke..].starts_with("后") || s[ke..].starts_with("决定") || s[ke..].starts_with("机关") {
                    continue;
                }
                let Some(c) = count_after(s, ke, 8, &UNITS) else { continue };
                if c.value != expected {
                    let quote = r.text(st.span_of(ks, c.unit_end));
                    let message = format!(
                        "正文“{quote}”写的是 {} 件，而第四部分表格{}为 {}；两者应一致",
                        n(c.value),
                        what,
                        n(expected)
                    );
                    out.push(Finding::new(&T4_TEXT_COUNT, st.span_of(c.start, c.end), message).cells(cells.clone()));
                }
                break 'sent;
            }
        }
    }
    upheld(ctx, &sents, out);
}

/// "均维持": no 纠正 / 其他 in the groups the sentence mentions.
fn upheld(ctx: &Context, sents: &[&crate::rules::t3::prose::Sentence], out: &mut Vec<Finding>) {
    let r = ctx.report;
    for st in sents {
        let s = st.text();
        let Some((a, b)) = find_any(s, 0, &["均获维持", "均维持", "均予以维持", "均予维持", "均被维持", "全部维持"])
        else {
            continue;
        };
        let head = &s[..clause_end(s, b)];
        let mut groups = Vec::new();
        if head.contains("复议") {
            groups.push(("行政复议", "review"));
        }
        if head.contains("诉讼") {
            groups.push(("未经复议直接起诉", "direct_suit"));
            groups.push(("复议后起诉", "suit_after_review"));
        }
        let span = st.span_of(a, b);
        let mut bad = Vec::new();
        let mut pending = Vec::new();
        let mut cells = Vec::new();
        for (name, g) in groups {
            for (part, label) in [("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结")]
            {
                let key: &'static str = match (g, part) {
                    ("review", "corrected") => "review.corrected",
                    ("review", "other") => "review.other",
                    ("review", _) => "review.pending",
                    ("direct_suit", "corrected") => "direct_suit.corrected",
                    ("direct_suit", "other") => "direct_suit.other",
                    ("direct_suit", _) => "direct_suit.pending",
                    (_, "corrected") => "suit_after_review.corrected",
                    (_, "other") => "suit_after_review.other",
                    _ => "suit_after_review.pending",
                };
                if let Some(v) = num(r, TableId::T4, "-", key).filter(|v| *v > 0.0) {
                    let list = if part == "pending" { &mut pending } else { &mut bad };
                    list.push(format!("{name}{label} {}", n(v)));
                    cells.push(CellRef::new("T4", "-", key));
                }
            }
        }
        if !bad.is_empty() {
            let message = format!(
                "正文称“{}”，但第四部分表格中 {}；“均维持”与表格不符",
                r.text(span),
                bad.iter().chain(&pending).cloned().collect::<Vec<_>>().join("、")
            );
            out.push(Finding::new(&T4_TEXT_COUNT, span, message).cells(cells));
        } else if !pending.is_empty() {
            let message = format!(
                "正文称“{}”，但第四部分表格中 {}，尚有案件未审结；建议写明“其中…件尚未审结”",
                r.text(span),
                pending.join("、")
            );
            out.push(Finding::new(&T4_TEXT_COUNT, span, message).cells(cells).severity(Severity::Warning));
        }
        return;
    }
}
