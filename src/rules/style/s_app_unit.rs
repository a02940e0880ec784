use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::find_all;
use crate::rules::Context;
use crate::text::scan_number;

declare_rule! {
    /// ## 检查内容
    /// 政府信息公开申请用“条、宗、个”计数（“收到申请12条”“收到12个申请”），年报格式统一用“件”。
    ///
    /// ## 为什么是问题
    /// 年报格式和表格以“件”计申请；量词不一致容易让人误以为统计口径不同。
    ///
    /// ## 示例
    /// 错误：全年共收到政府信息公开申请12条。
    /// 正确：全年共收到政府信息公开申请12件。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式（申请以“件”计）。
    pub static S_APP_UNIT = {
        id: "S-APP-UNIT",
        severity: Info,
        title: "申请数量的量词不规范",
        help: "政府信息公开申请用“件”计数。",
        check: check,
    }
}

/// Words that may stand between 申请 and its count.
const FILLERS: [&str; 9] = ["共计", "合计", "总数", "数量", "共", "数", "量", "为", "达"];
const UNITS: [char; 3] = ['条', '宗', '个'];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for s in &r.prose_sentences {
        let t = s.text();
        // "申请12条"
        for i in find_all(t, "申请") {
            let mut at = i + "申请".len();
            while let Some(f) = FILLERS.iter().find(|f| t[at..].starts_with(**f)) {
                at += f.len();
            }
            if let Some((_, len)) = scan_number(&t[at..]) {
                let u = at + len;
                if let Some(c) = t[u..].chars().next().filter(|c| UNITS.contains(c)) {
                    let after = &t[u + c.len_utf8()..];
                    if !after.starts_with("申请人") && !after.starts_with('人') {
                        push(r, out, s, at, u, c);
                    }
                }
            }
        }
        // "收到12条申请"
        for v in ["收到", "受理"] {
            for i in find_all(t, v) {
                let mut at = i + v.len();
                at += ["共计", "共"].iter().find(|f| t[at..].starts_with(**f)).map_or(0, |f| f.len());
                let Some((_, len)) = scan_number(&t[at..]) else { continue };
                let u = at + len;
                let Some(c) = t[u..].chars().next().filter(|c| UNITS.contains(c)) else { continue };
                let after = &t[u + c.len_utf8()..];
                let after = after.strip_prefix("政府信息公开").unwrap_or(after);
                if after.starts_with("申请") && !after.starts_with("申请人") {
                    push(r, out, s, at, u, c);
                }
            }
        }
    }
}

/// A finding on the count `[a, u)` and its unit at `u`; the fix writes 件 for the unit.
fn push(
    r: &crate::report::Report,
    out: &mut Vec<Finding>,
    s: &crate::report::Sentence,
    a: usize,
    u: usize,
    unit: char,
) {
    let message = format!("政府信息公开申请用“{unit}”计数，年报格式统一用“件”");
    let mut f = S_APP_UNIT.finding(s.span_of(a, u + unit.len_utf8()), message);
    let at = s.span_of(u, u + unit.len_utf8());
    if r.text(at).chars().eq([unit]) {
        f = f.fix(at, "件");
    }
    out.push(f);
}
