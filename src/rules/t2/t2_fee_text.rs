use super::util::fee;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::fmt_num;
use crate::rules::common::number_at;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文说“无行政事业性收费（项目）”“未收取行政事业性收费”“没有行政事业性收费”，而第二部分表格收费金额
    /// 大于 0；或正文写“行政事业性收费 N 万元/元”（N 大于 0），而表格为 0。
    ///
    /// ## 为什么是问题
    /// 正文与表格互相矛盾，说明其中之一有误。
    ///
    /// ## 示例
    /// 错误：正文“本单位无行政事业性收费项目”，表格本年收费金额 3.2 万元。
    /// 正确：两处一致。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二第二十条第（八）项；报告内部一致性。
    pub static T2_FEE_TEXT = {
        id: "T2-FEE-TEXT",
        severity: Warning,
        title: "正文收费说法与表格不一致",
        help: "核对行政事业性收费的正文说法和表格金额。",
        check: check,
    }
}

const NONE: [&str; 5] =
    ["无行政事业性收费", "未收取行政事业性收费", "没有行政事业性收费", "不涉及行政事业性收费", "未涉及行政事业性收费"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(c) = fee(r) else { return };
    let Some(f) = c.value.number() else { return };
    for sent in &r.prose_sentences {
        let t = sent.text();
        if f > 0.0 {
            if let Some((at, w)) = NONE.iter().find_map(|w| t.find(w).map(|a| (a, *w))) {
                let span = sent.span_of(at, at + w.len());
                out.push(
                    T2_FEE_TEXT
                        .finding(
                            span,
                            format!(
                                "正文称“{}”，但第二部分表格本年收费金额为 {} 万元；两处应一致",
                                r.text(span),
                                fmt_num(f)
                            ),
                        )
                        .cells([c.key]),
                );
                return;
            }
        } else if let Some(at) = t.find("行政事业性收费") {
            let mut i = at + "行政事业性收费".len();
            for filler in ["金额", "共", "合计", "为", ":", "计"] {
                if t[i..].starts_with(filler) {
                    i += filler.len();
                }
            }
            let Some((v, n)) = number_at(&t[i..]) else { continue };
            let after = &t[i + n..];
            if v > 0.0 && (after.starts_with("万元") || after.starts_with('元')) {
                let span = sent.span_of(i, i + n);
                out.push(
                    T2_FEE_TEXT
                        .finding(
                            span,
                            format!(
                                "正文写行政事业性收费 {}{}，但第二部分表格本年收费金额为 0；两处应一致",
                                fmt_num(v),
                                if after.starts_with("万元") { "万元" } else { "元" }
                            ),
                        )
                        .cells([c.key]),
                );
                return;
            }
        }
    }
}
