use super::done::reports_work_done;
use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{clause_end, clause_start, has_any};
use crate::rules::Context;
use crate::text::YearToken;

declare_rule! {
    /// ## 检查内容
    /// 第一至四部分和第六部分中，把上一年当作本年度来叙述工作的句子，如2023年度报告写
    /// “2022年，我局共收到申请5件”。年份所在的说法（从年份所在分句起，到它所说的事为止）提到上年、去年、
    /// 结转、同比、较、截至、以来等时不算（“较2022年增长”“2022年结转的申请”）；同一句后面另起的分句提到
    /// “上年结转1件”不影响前面年份的判断。讲决算、年报、整改的句子，以及同时写到报告年度、把两年对比的句子，
    /// 整句不算。
    ///
    /// ## 为什么是问题
    /// 这类句子往往是照搬上一年报告时漏改了年份，数据也可能是旧的。
    ///
    /// ## 示例
    /// 错误（2023年度报告）：2022年，我局共收到政府信息公开申请5件。
    /// 正确：2023年，我局共收到政府信息公开申请5件。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（四）明确责任：报告“内容雷同、敷衍塞责”的要追责；《条例》第四十九条。
    pub static N_STALE_YEAR = {
        id: "N-STALE-YEAR",
        severity: Warning,
        title: "疑似沿用上一年年份",
        help: "核对该句的年份和数据是否为报告年度的。",
        check: check,
    }
}

/// Words that make the whole sentence about something else than this year's work.
const SENTENCE_EXCLUDE: [&str; 4] = ["决算", "年报", "年度报告", "整改"];
/// Words that, attached to the year, make it another period on purpose ("较2022年", "2022年结转的").
const ATTACHED_EXCLUDE: [&str; 10] = ["上年", "上一年", "去年", "结转", "同比", "较", "比", "截至", "截止", "以来"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    for s in &r.prose_sentences {
        if !matches!(s.section, Some(1..=4) | Some(6)) {
            continue;
        }
        let t = s.text();
        // A sentence that also names the report year sets the two years side by side.
        if has_any(t, &SENTENCE_EXCLUDE) || s.years.iter().any(|tok| tok.year == y) {
            continue;
        }
        for tok in s.years.iter().copied() {
            if tok.year == y - 1
                && !has_any(attached(t, &tok), &ATTACHED_EXCLUDE)
                && reports_work_done(t, &tok, r.org.as_deref())
            {
                let message = format!("这里把{}年的工作当作本年度叙述，报告年度为{}年，请核对年份和数据", tok.year, y);
                out.push(N_STALE_YEAR.finding(s.span_of(tok.start, tok.end), message));
            }
        }
    }
}

/// The words the year belongs to: its clause, and the next clause when the year stands alone in its
/// own ("2022年，我局共收到申请5件，上年结转1件" → "2022年，我局共收到申请5件").
fn attached<'t>(t: &'t str, tok: &YearToken) -> &'t str {
    let start = clause_start(t, tok.start);
    let mut end = clause_end(t, tok.end);
    if t[tok.end..end].chars().count() <= 2 {
        let next = t[end..].chars().next().map_or(end, |c| end + c.len_utf8());
        end = clause_end(t, next);
    }
    &t[start..end]
}
