use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::{clause_around, first_count, fmt_num, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文对申请的分项说明与第三部分表格一致：“自然人 N 件”对本年新收自然人列、“法人或其他组织 N 件”对
    /// 五类法人之和、“予以公开 N 件”对（一）、“部分公开 N 件”对（二）、“不予公开 N 件”对（三）各项之和、
    /// “无法提供 N 件”对（四）各项之和、“不予处理 N 件”对（五）各项之和、“不掌握…N 件”对（四）1（写成
    /// “因不掌握等原因无法提供 N 件”时对（四）各项之和）、“其他处理 N 件”对（六）各项之和。
    ///
    /// 每种说法只看第一部分和第三部分正文中的第一处。申请人类别的数字也可能指含上年结转或办理结果的口径，
    /// 与其中任何一个口径相符即不报告。
    ///
    /// ## 为什么是问题
    /// 正文分项与表格不符，说明其中一处写错（会泽县 2024 年报告即有此类问题）。
    ///
    /// ## 示例
    /// 错误：正文“予以公开12件”，表格（一）予以公开总计 9。
    /// 正确：两处一致。
    ///
    /// ## 依据
    /// 报告内部一致性。
    pub static T3_TEXT_BREAKDOWN = {
        id: "T3-TEXT-BREAKDOWN",
        severity: Warning,
        title: "正文分项数与表格一致",
        help: "核对正文中各类申请人、各种办理结果的件数与表三对应各行。",
        check: check,
    }
}

/// The cells of column `col` in `rows`.
fn rows(rows: &[T3Row], col: T3Col) -> Vec<CellKey> {
    rows.iter().map(|&r| CellKey::T3(r, col)).collect()
}

/// The five kinds of 法人或其他组织 in `row`.
fn orgs(row: T3Row) -> Vec<CellKey> {
    T3Col::ORGS.iter().map(|&c| CellKey::T3(row, c)).collect()
}

/// One kind of count the prose gives: its words, how far after them the count may stand, what it is
/// in the table, and the readings a careful reader allows (the first is the one the message names).
struct Item {
    words: &'static [&'static str],
    gap: usize,
    what: &'static str,
    readings: Vec<Vec<CellKey>>,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    use T3Col::{C1, C7};
    use T3Row::*;
    let r = ctx.report;
    let sents = this_year_sentences(r, &[1, 3]);
    let both = |mut a: Vec<CellKey>, b: Vec<CellKey>| {
        a.extend(b);
        a
    };
    let unavailable = rows(&T3Row::UNAVAILABLE, C7);
    let items = [
        Item {
            words: &["自然人"],
            gap: 6,
            what: "“一、本年新收”自然人列",
            readings: vec![rows(&[R01], C1), rows(&[R01, R02], C1), rows(&[R24], C1)],
        },
        Item {
            words: &["法人或其他组织", "法人和其他组织", "法人或者其他组织"],
            gap: 6,
            what: "“一、本年新收”五类法人或其他组织之和",
            readings: vec![orgs(R01), both(orgs(R01), orgs(R02)), orgs(R24)],
        },
        Item {
            words: &["予以公开"], gap: 6, what: "“（一）予以公开”总计", readings: vec![rows(&[R03], C7)]
        },
        Item {
            words: &["部分公开"], gap: 6, what: "“（二）部分公开”总计", readings: vec![rows(&[R04], C7)]
        },
        Item {
            words: &["不予公开"],
            gap: 6,
            what: "“（三）不予公开”各项总计之和",
            readings: vec![rows(&T3Row::WITHHELD, C7)],
        },
        Item {
            words: &["无法提供"],
            gap: 6,
            what: "“（四）无法提供”各项总计之和",
            readings: vec![unavailable.clone()],
        },
        Item {
            words: &["不予处理"],
            gap: 6,
            what: "“（五）不予处理”各项总计之和",
            readings: vec![rows(&T3Row::NOT_PROCESSED, C7)],
        },
        // "因不掌握等原因无法提供564件": 等 (or the group's own words) makes it the whole group.
        Item {
            words: &["不掌握"],
            gap: 12,
            what: "“（四）1.本机关不掌握相关政府信息”总计",
            readings: vec![rows(&[R13], C7), unavailable],
        },
        Item {
            words: &["其他处理"],
            gap: 6,
            what: "“（六）其他处理”各项总计之和",
            readings: vec![rows(r.t3_other_rows(), C7)],
        },
    ];
    for item in items {
        let accept = |s: &str, ks: usize, ke: usize| {
            let c = clause_around(s, ke);
            !s[..ks].ends_with("部分") && !s[..ks].ends_with("依法") && !c.contains("复议") && !c.contains("诉讼")
        };
        let Some(hit) = first_count(&sents, item.words, item.gap, &accept) else { continue };
        let quote = r.text(hit.quote);
        // Only the group's readings once the words say so (等原因, or the group named).
        let group_words = quote.contains('等') || quote.contains("无法提供");
        let readings: Vec<&Vec<CellKey>> = item
            .readings
            .iter()
            .enumerate()
            .filter(|(i, _)| *i == 0 || item.words != ["不掌握"] || group_words)
            .map(|(_, k)| k)
            .collect();
        let values: Vec<Option<f64>> = readings.iter().map(|k| r.sum(k.iter().copied())).collect();
        let Some(main) = values[0] else { continue };
        if values.iter().flatten().any(|v| *v == hit.value) {
            continue;
        }
        let message = format!(
            "正文“{}”写的是 {} 件，而第三部分表格{}为 {}；两者应一致",
            quote,
            fmt_num(hit.value),
            item.what,
            fmt_num(main)
        );
        out.push(T3_TEXT_BREAKDOWN.finding(hit.span, message).cells(readings[0].clone()));
    }
}
