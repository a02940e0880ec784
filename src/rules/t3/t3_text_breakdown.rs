use crate::declare_rule;
use crate::diag::{CellRef, Finding};
use crate::report::TableId;
use crate::rules::t3::prose::{clause_around, first_count, n, num_sum, other_rows, t3_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文对申请的分项说明与第三部分表格一致：“自然人 N 件”对本年新收自然人列、“法人或其他组织 N 件”对
    /// 五类法人之和、“予以公开 N 件”对（一）、“部分公开 N 件”对（二）、“不予公开 N 件”对（三）各项之和、
    /// “无法提供 N 件”对（四）各项之和、“不予处理 N 件”对（五）各项之和、“不掌握…N 件”对（四）1、
    /// “其他处理 N 件”对（六）各项之和。
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

type Keys = Vec<(&'static str, &'static str)>;

fn rows(rs: &[&'static str], col: &'static str) -> Keys {
    rs.iter().map(|r| (*r, col)).collect()
}

fn orgs(row: &'static str) -> Keys {
    ["C2", "C3", "C4", "C5", "C6"].iter().map(|c| (row, *c)).collect()
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let sents = t3_sentences(r);
    let t = TableId::T3;
    let both = |mut a: Keys, b: Keys| {
        a.extend(b);
        a
    };
    let items: Vec<(&[&str], usize, &str, Vec<Keys>)> = vec![
        (
            &["自然人"],
            6,
            "“一、本年新收”自然人列",
            vec![rows(&["R01"], "C1"), rows(&["R01", "R02"], "C1"), rows(&["R24"], "C1")],
        ),
        (
            &["法人或其他组织", "法人和其他组织", "法人或者其他组织"],
            6,
            "“一、本年新收”五类法人或其他组织之和",
            vec![orgs("R01"), both(orgs("R01"), orgs("R02")), orgs("R24")],
        ),
        (&["予以公开"], 6, "“（一）予以公开”总计", vec![rows(&["R03"], "C7")]),
        (&["部分公开"], 6, "“（二）部分公开”总计", vec![rows(&["R04"], "C7")]),
        (
            &["不予公开"],
            6,
            "“（三）不予公开”各项总计之和",
            vec![rows(&["R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12"], "C7")],
        ),
        (&["无法提供"], 6, "“（四）无法提供”各项总计之和", vec![rows(&["R13", "R14", "R15"], "C7")]),
        (&["不予处理"], 6, "“（五）不予处理”各项总计之和", vec![rows(&["R16", "R17", "R18", "R19", "R20"], "C7")]),
        (&["不掌握"], 12, "“（四）1.本机关不掌握相关政府信息”总计", vec![rows(&["R13"], "C7")]),
        (&["其他处理"], 6, "“（六）其他处理”各项总计之和", vec![rows(other_rows(r), "C7")]),
    ];
    for (kws, gap, what, candidates) in items {
        let accept = |s: &str, ks: usize, ke: usize| {
            let c = clause_around(s, ke);
            !s[..ks].ends_with("部分") && !s[..ks].ends_with("依法") && !c.contains("复议") && !c.contains("诉讼")
        };
        let Some(hit) = first_count(&sents, kws, gap, &accept) else { continue };
        let values: Vec<Option<f64>> = candidates.iter().map(|k| num_sum(r, t, k)).collect();
        let Some(main) = values[0] else { continue };
        if values.iter().flatten().any(|v| *v == hit.value) {
            continue;
        }
        let cells: Vec<CellRef> = candidates[0].iter().map(|(row, col)| CellRef::new("T3", row, col)).collect();
        let message = format!(
            "正文“{}”写的是 {} 件，而第三部分表格{}为 {}；两者应一致",
            r.text(hit.quote),
            n(hit.value),
            what,
            n(main)
        );
        out.push(Finding::new(&T3_TEXT_BREAKDOWN, hit.span, message).cells(cells));
    }
}
