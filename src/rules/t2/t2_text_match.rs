use super::util::QUALIFIERS;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T2Col, T2Row};
use crate::rules::common::{eq, fmt_num, number_at};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文中的数字应与第二部分表格一致：“制发/印发/出台（行政）规范性文件 N 件”对应本年制发件数，
    /// “废止…规范性文件 N 件”对应本年废止件数，“现行有效…规范性文件 N 件”对应现行有效件数，
    /// “制定/出台规章 N 件”对应规章本年制发件数，“行政许可（决定）N 件”“行政处罚（决定）N 件/起”对应
    /// 本年处理决定数量。含“其中、累计、历年、截至、同比、较上年、以来”的句子不比较；每个指标只比较第一处。
    ///
    /// ## 为什么是问题
    /// 正文与表格数字不一致，说明其中之一有误；上级检查和公众都会据此质疑报告的可信度。
    ///
    /// ## 示例
    /// 错误：正文“印发行政规范性文件12件”，表格本年制发件数为 10。
    /// 正确：两处都是 10。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式；报告内部一致性（武威市 2025 年年报审核通知）。
    pub static T2_TEXT_MATCH = {
        id: "T2-TEXT-MATCH",
        severity: Warning,
        title: "正文数字与第二部分表格不一致",
        help: "核对正文和表格，改正有误的一处。",
        check: check,
    }
}

/// (subject word, required verbs before it (any), row, col, units allowed after the number)
struct Pattern {
    subject: &'static str,
    verbs: &'static [&'static str],
    key: CellKey,
    units: &'static [&'static str],
}

const PATTERNS: [Pattern; 6] = [
    Pattern {
        subject: "规范性文件",
        verbs: &["制发", "印发", "出台", "制定"],
        key: CellKey::T2(T2Row::NormativeDocs, T2Col::Issued),
        units: &["件", "个", "份"],
    },
    Pattern {
        subject: "规范性文件",
        verbs: &["废止"],
        key: CellKey::T2(T2Row::NormativeDocs, T2Col::Repealed),
        units: &["件", "个", "份"],
    },
    Pattern {
        subject: "规范性文件",
        verbs: &["现行有效"],
        key: CellKey::T2(T2Row::NormativeDocs, T2Col::InForce),
        units: &["件", "个", "份"],
    },
    Pattern {
        subject: "规章",
        verbs: &["制发", "印发", "出台", "制定"],
        key: CellKey::T2(T2Row::Regulations, T2Col::Issued),
        units: &["件", "部", "个"],
    },
    Pattern {
        subject: "行政许可", verbs: &[], key: CellKey::T2(T2Row::Licensing, T2Col::Decisions), units: &["件"]
    },
    Pattern {
        subject: "行政处罚",
        verbs: &[],
        key: CellKey::T2(T2Row::Penalty, T2Col::Decisions),
        units: &["件", "起"],
    },
];

/// Words that may stand between the subject and its number.
const FILLERS: [&str; 10] = ["决定", "事项", "共", "总数", "数量", "数", "为", ":", "合计", "计"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if super::util::is_2019(r) {
        return;
    }
    let mut done = [false; 6];
    for sent in &r.prose_sentences {
        let t = sent.text();
        if QUALIFIERS.iter().any(|q| t.contains(q)) {
            continue;
        }
        for (pi, p) in PATTERNS.iter().enumerate() {
            if done[pi] {
                continue;
            }
            let Some(at) = t.find(p.subject) else { continue };
            let head = &t[..at];
            if !p.verbs.is_empty() && !p.verbs.iter().any(|v| head.contains(v)) {
                continue;
            }
            // Another pattern's verb closer to the subject decides (废止 vs 制发 in one sentence).
            if p.subject == "规范性文件" {
                let closest = PATTERNS[..3]
                    .iter()
                    .filter_map(|q| q.verbs.iter().filter_map(|v| head.rfind(v)).max().map(|i| (i, q.key)))
                    .max_by_key(|x| x.0);
                if closest.is_some_and(|c| c.1 != p.key) {
                    continue;
                }
            }
            let mut i = at + p.subject.len();
            loop {
                let rest = &t[i..];
                match FILLERS.iter().find(|f| rest.starts_with(**f)) {
                    Some(f) => i += f.len(),
                    None => break,
                }
            }
            let Some((v, n)) = number_at(&t[i..]) else { continue };
            let after = &t[i + n..];
            if !p.units.iter().any(|u| after.starts_with(u)) {
                continue;
            }
            done[pi] = true;
            let Some(c) = r.cell(p.key) else { continue };
            let Some(tv) = c.value.number() else { continue };
            if eq(v, tv) {
                continue;
            }
            let span = sent.span_of(i, i + n);
            out.push(
                T2_TEXT_MATCH
                    .finding(
                        span,
                        format!(
                            "正文写{}为 {}，第二部分表格“{}”为 {}；两处应一致",
                            p.subject,
                            fmt_num(v),
                            p.key.name(),
                            fmt_num(tv)
                        ),
                    )
                    .cells([c.key]),
            );
        }
    }
}
