use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, Report, Sentence, T3Col, T3Row};
use crate::rules::common::{
    clause_around, clause_start, count_after, count_at, find_any, fmt_num, this_year_sentences,
};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 正文“结转下年度（继续办理）N 件”“另有 N 件申请……结转下年度继续办理”中的 N，等于第三部分表格
    /// “四、结转下年度继续办理”总计（只看第一部分和第三部分正文中第一处这样的说法）。正文任何地方说申请
    /// “全部办结、均已按期办结、均已办理完毕、办结率 100%”时，该总计应为 0——即使别处另写了结转件数，
    /// 两种说法也互相矛盾。说“全部办结”的句子须提到“申请”，不能是在说上年结转的申请，也不能写明了例外
    /// （“除 2 件结转下年度外，其余均已办结”）。
    ///
    /// ## 为什么是问题
    /// 正文说全部办结而表格仍有结转，或两处结转数不同，读者无法判断实际情况。
    ///
    /// ## 示例
    /// 错误：正文“申请均已办结”，表格结转下年度总计 2。
    /// 正确：正文“已办结34件，结转下年度继续办理2件”，表格结转下年度总计 2。
    ///
    /// ## 依据
    /// 报告内部一致性（参考 KIROGOVCOMPARE 的矛盾规则）。
    pub static T3_TEXT_CARRYOUT = {
        id: "T3-TEXT-CARRYOUT",
        severity: Error,
        title: "正文结转下年度数与表格一致",
        help: "核对正文中的结转数或“全部办结”的说法与表三“结转下年度继续办理”总计。",
        check: check,
    }
}

/// Words after which a count is the carry-over ("结转下年度继续办理2件").
const CARRY: [&str; 9] = [
    "结转下年度",
    "结转至下年度",
    "结转到下年度",
    "结转下一年度",
    "结转至下一年度",
    "结转到下一年度",
    "转入下一年度",
    "转下一年度",
    "转下年度",
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let key = CellKey::T3(T3Row::R25, T3Col::C7);
    let Some(v) = r.number(key) else { return };
    let sents = this_year_sentences(r, &[1, 3]);
    if let Some((span, quote, n)) = stated_carry_over(r, &sents) {
        if n != v {
            let message = format!(
                "正文“{}”写的是 {} 件，而第三部分表格“四、结转下年度继续办理”总计为 {}；两者应一致",
                r.text(quote),
                fmt_num(n),
                fmt_num(v)
            );
            out.push(T3_TEXT_CARRYOUT.finding(span, message).cells([key]));
        }
    }
    // "均已办结" anywhere in the report, against a carry-over in the table (also when the carry-over
    // is stated in another sentence: the two statements contradict each other).
    if v <= 0.0 {
        return;
    }
    for st in &r.prose_sentences {
        let s = st.text();
        let Some((a, b)) = all_done(s) else { continue };
        let clause = clause_around(s, a);
        let mut subject = &s[clause_start(s, a)..a];
        // "上年结转2件，均已办结": a claim without a subject of its own is about the clause before.
        if !subject.contains("申请") && subject.chars().count() <= 4 {
            let own = clause_start(s, a);
            let before = s[..own].char_indices().next_back().map_or(0, |(i, _)| i);
            subject = &s[clause_start(s, before)..a];
        }
        // About last year's carried-over applications ("上年结转的2件…", "2024年结转的2件申请已…全部办结"),
        // about something else (建议提案, 信访), or with the exceptions named ("除2件结转…外").
        let previous_year = r.year.map(|y| format!("{}年", y - 1));
        // Blanks an OCR or PDF copy leaves inside words ("2022 年结 转的 1 件") are no words.
        let compact = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
        let (clause, subject) = (compact(clause), compact(subject));
        let carried_in = clause.contains("上年")
            || subject.contains("上年结转")
            || (subject.contains("结转") && !CARRY.iter().any(|w| subject.contains(w)) && !subject.contains("下"))
            || previous_year.is_some_and(|p| subject.contains(&p));
        let other =
            ["建议", "提案", "信访", "来信", "留言", "诉求", "复议", "诉讼"].iter().any(|w| subject.contains(w));
        let excepted = ["除", "外", "其余", "剩余", "其他"].iter().any(|w| s[..a].contains(w)) && s.contains("结转");
        if !s.contains("申请") || carried_in || other || excepted {
            continue;
        }
        let span = st.span_of(a, b);
        let message = format!(
            "正文称申请“{}”，但第三部分表格“四、结转下年度继续办理”总计为 {}，仍有申请结转；请核对正文或表格",
            r.text(span),
            fmt_num(v)
        );
        out.push(T3_TEXT_CARRYOUT.finding(span, message).cells([key]));
        return;
    }
}

/// The first count of applications carried over to next year the prose states: after the words
/// ("结转下年度继续办理2件") or before them ("另有2件申请…结转下年度继续办理", "2件结转至2025年办理"):
/// the number's span, the quoted words and the count.
fn stated_carry_over(r: &Report, sents: &[&Sentence]) -> Option<(Span, Span, f64)> {
    let next_year = r.year.map(|y| format!("结转至{}年", y + 1));
    for st in sents {
        let s = st.text();
        let mut from = 0;
        while let Some((ks, ke)) = find_any(s, from, &CARRY).or_else(|| {
            let w = next_year.as_deref()?;
            s[from..].find(w).map(|i| (from + i, from + i + w.len()))
        }) {
            from = ke;
            if let Some(c) = count_after(s, ke, 12, &["件"]) {
                return Some((st.span_of(c.start, c.end), st.span_of(ks, c.unit_end), c.value));
            }
            // A count earlier in the same clause, or the subject of the sentence's last clauses
            // ("另有2件申请因尚在法定答复期限内，结转下年度继续办理"): no other figure in between.
            let before = (clause_start(s, ks)..ks).filter_map(|i| count_at(s, i, &["件"])).next_back().or_else(|| {
                let c = (0..ks).filter_map(|i| count_at(s, i, &["件"])).next_back()?;
                let between = &s[c.unit_end..ks];
                let subject = ["另有", "还有", "尚有", "剩余", "其余"].iter().any(|w| s[..c.start].ends_with(w));
                (!between.contains(|ch: char| ch.is_ascii_digit()) && (subject || between.starts_with("申请")))
                    .then_some(c)
            });
            if let Some(c) = before {
                return Some((st.span_of(c.start, c.end), st.span_of(c.start, ke), c.value));
            }
        }
    }
    None
}

/// "均已办结", "全部按期办结", "均已办理完毕", "办结率100%": where the claim stands.
fn all_done(s: &str) -> Option<(usize, usize)> {
    for lead in ["均已", "均", "全部", "已全部", "都已", "都"] {
        for (i, _) in s.match_indices(lead) {
            let mut j = i + lead.len();
            for filler in ["全部", "按期", "按时", "依法", "依规", "及时"] {
                j += s[j..].strip_prefix(filler).map_or(0, |_| filler.len());
            }
            if let Some(w) = ["办结", "办理完毕", "办理完成", "答复完毕"].iter().find(|w| s[j..].starts_with(**w))
            {
                return Some((i, j + w.len()));
            }
        }
    }
    let at = s.find("办结率")?;
    let rest = &s[at + "办结率".len()..];
    let rest = rest.trim_start_matches(['为', '达']);
    rest.starts_with("100%").then(|| (at, s.len() - rest.len() + "100%".len()))
}
