use crate::declare_rule;
use crate::diag::Finding;
use crate::report::query::{body_kind, BodyKind};
use crate::rules::common::has_any;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 人民政府（含乡镇人民政府，及代为发布本级政府年报的政府办公室/办公厅）的年报，应报告
    /// 工作考核、社会评议和责任追究结果情况：正文应出现“考核”“评议”“责任追究（追责、问责）”。
    /// 只在报告看来完整（找到第五或第六部分）时检查；乡镇人民政府只作提示。
    ///
    /// ## 为什么是问题
    /// 《条例》第五十条第四项要求各级人民政府的年报包括这三项结果；遗漏即内容不全。
    ///
    /// ## 示例
    /// 不完整：某县人民政府年报的监督保障部分只写了培训，没有考核、评议、责任追究情况。
    /// 完整：写明“全年开展政务公开考核1次，……开展社会评议……，未发生责任追究情况”。
    ///
    /// ## 依据
    /// 《条例》第五十条第四项；国办公开办函〔2021〕30号（一）总体情况“监督保障”。
    pub static C1_GOV_EXTRA = {
        id: "C1-GOV-EXTRA",
        severity: Warning,
        title: "政府年报缺考核、评议、追责情况",
        help: "在监督保障部分写明工作考核、社会评议和责任追究结果情况（没有的也应说明）。",
        check: check,
    }
}

const ITEMS: [(&str, &[&str]); 3] = [
    ("工作考核", &["考核", "考评", "绩效"]),
    ("社会评议", &["评议", "测评", "满意度"]),
    ("责任追究", &["责任追究", "追责", "问责", "追究"]),
];

/// The items of `ITEMS` none of whose words occurs in the prose sentences read one after the
/// other as one text (a word may run on from one sentence into the next). The text is searched a
/// chunk at a time, not copied whole (on a large draft that copy was the largest allocation of any
/// rule); each chunk starts with the last characters of the one before, so that no word is missed.
fn missing(r: &crate::report::Report) -> Vec<&'static str> {
    const CHUNK: usize = 64 * 1024;
    // A word across two chunks starts within this many characters before the second.
    let reach = ITEMS.iter().flat_map(|(_, w)| w.iter()).map(|w| w.chars().count()).max().unwrap_or(1) - 1;
    let mut found = [false; ITEMS.len()];
    let mut search = |text: &str| {
        for (f, (_, words)) in found.iter_mut().zip(ITEMS) {
            *f = *f || has_any(text, words);
        }
    };
    let mut chunk = String::new();
    for s in &r.prose_sentences {
        chunk.push_str(s.text());
        if chunk.len() >= CHUNK {
            search(&chunk);
            // Keep the last `reach` characters.
            let keep = chunk.char_indices().rev().take(reach).last().map_or(chunk.len(), |(i, _)| i);
            chunk.drain(..keep);
        }
    }
    search(&chunk);
    found.iter().zip(ITEMS).filter(|(f, _)| !**f).map(|(_, (name, _))| name).collect()
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(org) = r.org.as_deref() else { return };
    let kind = body_kind(org);
    if !matches!(kind, Some(BodyKind::Government | BodyKind::Township)) || !org.contains("政府") {
        return;
    }
    if r.section(5).is_none() && r.section(6).is_none() {
        return;
    }
    let missing = missing(r);
    if missing.is_empty() {
        return;
    }
    let span = r.section(1).map(|s| s.span).or(r.title.as_ref().map(|t| t.span)).unwrap_or_default();
    let message =
        format!("“{org}”是人民政府，年报应报告工作考核、社会评议和责任追究结果情况，未见{}的内容", missing.join("、"));
    let mut f = C1_GOV_EXTRA.finding(span, message);
    if kind == Some(BodyKind::Township) {
        // 乡镇 reports often fold these into 监督保障 without the words; a hint is enough.
        f = f.severity(crate::diag::Severity::Info);
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;

    fn joined_missing(r: &Report) -> Vec<&'static str> {
        let joined: String = r.prose_sentences.iter().map(|s| s.text()).collect();
        ITEMS.iter().filter(|(_, w)| !has_any(&joined, w)).map(|(n, _)| *n).collect()
    }

    #[test]
    fn missing_equals_searching_the_joined_text() {
        // Words split across sentences and paragraphs, and a text of several chunks in which words
        // straddle the chunk boundaries at every offset.
        let mut long = String::from("一、总体情况\n");
        for i in 0..30_000 {
            long.push_str(["开展了考\n核工作\n", "责任追\n究\n", "社会评议。\n", "无。\n"][i % 4]);
            if i % 7 == 0 {
                long.push_str("甲\n");
            }
        }
        let texts = [
            "五、存在的主要问题\n开展了考\n核工作。另有评。议\n",
            "一、总体情况\n问\n责\n",
            "一、总体情况\n无。\n",
            "",
        ];
        for t in texts.iter().copied().chain([long.as_str()]) {
            let r = Report::build(t);
            assert_eq!(missing(&r), joined_missing(&r), "{:?}", &t[..t.len().min(60)]);
        }
        let r = Report::build(texts[0]);
        assert!(r.prose_sentences.iter().all(|s| !s.text().contains("考核")) && !missing(&r).contains(&"工作考核"));
        // The only 考核 split by the first chunk boundary (the chunk is full right after 考).
        for fill in 10_919..10_923 {
            let t = format!("一、总体情况\n乙乙。{}\n考\n核\n", "甲。".repeat(fill));
            let r = Report::build(&t);
            assert!(!missing(&r).contains(&"工作考核"), "{fill}");
        }
        assert_eq!(missing(&Report::build(texts[2])).len(), 3);
    }
}
