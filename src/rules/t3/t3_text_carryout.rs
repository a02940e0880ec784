use crate::declare_rule;
use crate::diag::{CellRef, Finding};
use crate::report::TableId;
use crate::rules::t3::prose::{find_any, first_count, n, num, t3_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文“结转下年度（继续办理）N 件”中的 N，等于第三部分表格“四、结转下年度继续办理”总计；正文说申请
    /// “全部办结、均已办结、均已办理完毕”时，该总计应为 0。
    ///
    /// 只看第一部分和第三部分正文中第一处这样的说法；说“全部办结”的句子须提到“申请”，且不能是在说上年结转的申请。
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

const ALL_DONE: [&str; 6] = ["全部办结", "均已办结", "均办结完毕", "全部办理完毕", "均已办理完毕", "均已全部办结"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(v) = num(r, TableId::T3, "R25", "C7") else { return };
    let sents = t3_sentences(r);
    let kws = [
        "结转下年度",
        "结转至下年度",
        "结转到下年度",
        "结转下一年度",
        "结转至下一年度",
        "结转到下一年度",
        "转入下一年度",
    ];
    if let Some(hit) = first_count(&sents, &kws, 12, &|_, _, _| true) {
        if hit.value != v {
            let message = format!(
                "正文“{}”写的是 {} 件，而第三部分表格“四、结转下年度继续办理”总计为 {}；两者应一致",
                r.text(hit.quote),
                n(hit.value),
                n(v)
            );
            out.push(Finding::new(&T3_TEXT_CARRYOUT, hit.span, message).cells([CellRef::new("T3", "R25", "C7")]));
        }
        return;
    }
    if v <= 0.0 {
        return;
    }
    for st in &sents {
        let s = st.text();
        let Some((a, b)) = find_any(s, 0, &ALL_DONE) else { continue };
        if !s.contains("申请") || s.contains("上年") || s.contains("结转") {
            continue;
        }
        let span = st.span_of(a, b);
        let message = format!(
            "正文称申请“{}”，但第三部分表格“四、结转下年度继续办理”总计为 {}，仍有申请结转；请核对正文或表格",
            r.text(span),
            n(v)
        );
        out.push(Finding::new(&T3_TEXT_CARRYOUT, span, message).cells([CellRef::new("T3", "R25", "C7")]));
        return;
    }
}
