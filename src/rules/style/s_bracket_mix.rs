use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::text::OrdinalStyle;

declare_rule! {
    /// ## 检查内容
    /// 同一级带括号的序号中，全角括号“（一）”和半角括号“(二)”混用。
    ///
    /// ## 为什么是问题
    /// 同级序号格式应统一；混用多是拼接不同来源的文字造成的，显得不规范。
    ///
    /// ## 示例
    /// 错误：（一）主动公开情况……(二)依申请公开情况……
    /// 正确：（一）主动公开情况……（二）依申请公开情况……
    ///
    /// ## 依据
    /// GB/T 15834—2011《标点符号用法》；《党政机关公文格式》（GB/T 9704—2012）结构层次序数。
    pub static S_BRACKET_MIX = {
        id: "S-BRACKET-MIX",
        severity: Info,
        title: "序号括号全角半角混用",
        help: "同一级序号统一使用全角括号“（）”。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for style in [OrdinalStyle::ParenHanzi, OrdinalStyle::ParenArabic] {
        // `Ordinal::fullwidth` is parsed from width-folded text, so look at the bracket as written.
        let is_full = |h: &crate::report::Heading| r.text(h.ordinal_span).starts_with('（');
        let hs: Vec<_> = r.headings.iter().filter(|h| h.ordinal.style == style).collect();
        let full = hs.iter().filter(|h| is_full(h)).count();
        let half = hs.len() - full;
        if full == 0 || half == 0 {
            continue;
        }
        // Point at the first heading of the less used kind.
        let minority_full = full < half;
        let Some(h) = hs.iter().find(|h| is_full(h) == minority_full) else { continue };
        let (used, other) = if minority_full { ("全角", "半角") } else { ("半角", "全角") };
        let message = format!(
            "同一级序号“{}”用了{used}括号，其他{}处用{other}括号，应统一",
            r.text(h.ordinal_span),
            if minority_full { half } else { full }
        );
        let mut f = S_BRACKET_MIX.finding(h.ordinal_span, message);
        // Full-width is the rule (help), so only a half-width minority has a certain fix.
        let written = r.text(h.ordinal_span);
        if let Some(inner) = written.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            if !minority_full && !inner.is_empty() && !inner.contains(['(', ')']) {
                f = f.fix(h.ordinal_span, format!("（{inner}）"));
            }
        }
        out.push(f);
    }
}
