use crate::declare_rule;
use crate::diag::Finding;
use crate::report::Date;
use crate::rules::common::month_day;
use crate::rules::Context;
use crate::text::find_years;

declare_rule! {
    /// ## 检查内容
    /// 如果报告写了统计期限（“统计期限为……年1月1日至12月31日”），起点应为报告年度的1月1日，
    /// 终点应为同年12月31日（终点不写年份时按起点年份理解）。
    ///
    /// ## 为什么是问题
    /// 年度报告统计的是上一整年。期限不是整年，或年份与报告年度不符，表中数据就不是该年度的全年数据。
    ///
    /// ## 示例
    /// 错误（2023年度报告）：统计期限为2023年1月1日至2023年11月30日。
    /// 正确：统计期限为2023年1月1日至2023年12月31日。
    ///
    /// ## 依据
    /// 《条例》第四十九条：每年1月31日前报告上一年度政府信息公开工作情况。
    pub static N_STAT_PERIOD = {
        id: "N-STAT-PERIOD",
        severity: Error,
        title: "统计期限不是报告年度全年",
        help: "统计期限应为报告年度1月1日至12月31日。",
        check: check,
    }
}

const CUES: [&str; 6] = ["统计期限", "统计周期", "统计时限", "统计时间", "数据统计期", "统计区间"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(y) = r.trusted_year() else { return };
    for s in &r.prose_sentences {
        let t = s.text();
        // Every cue contains 统计.
        if !t.contains("统计") {
            continue;
        }
        let Some(cue_end) = CUES.iter().filter_map(|c| t.find(c).map(|i| i + c.len())).min() else { continue };
        // Skip 为/自/从/是/: between the cue and the date.
        let mut at = cue_end;
        for _ in 0..4 {
            match t[at..].chars().next() {
                Some(c @ ('为' | '自' | '从' | '是' | ':' | ',' | '均')) => at += c.len_utf8(),
                _ => break,
            }
        }
        let Some(start_tok) = find_years(&t[at..]).into_iter().next().filter(|tk| tk.start == 0) else { continue };
        let Some((m, d, len)) = month_day(&t[at + start_tok.end..]) else { continue };
        let start = Date { year: start_tok.year, month: m, day: d };
        let start_end = at + start_tok.end + len;
        let want_start = Date { year: y, month: 1, day: 1 };
        if start != want_start {
            let message = format!("统计期限起点写的是{start}，报告年度为{y}年，应为{want_start}");
            out.push(N_STAT_PERIOD.finding(s.span_of(at, start_end), message));
        }
        // The end: [起](至|到|—|-|~)[YYYY年]M月D日[止]
        let mut rest_at = start_end;
        if t[rest_at..].starts_with('起') {
            rest_at += '起'.len_utf8();
        }
        let sep = ["至", "到", "—", "-", "~", "～", "–"].iter().find(|p| t[rest_at..].starts_with(**p));
        let Some(sep) = sep else { continue };
        rest_at += sep.len();
        let (end_year, md_at) = match find_years(&t[rest_at..]).into_iter().next().filter(|tk| tk.start == 0) {
            Some(tk) => (tk.year, rest_at + tk.end),
            None => (start.year, rest_at),
        };
        let Some((m2, d2, len2)) = month_day(&t[md_at..]) else { continue };
        let end = Date { year: end_year, month: m2, day: d2 };
        let want_end = Date { year: y, month: 12, day: 31 };
        if end != want_end {
            let message = format!("统计期限终点写的是{end}，报告年度为{y}年，应为{want_end}");
            out.push(N_STAT_PERIOD.finding(s.span_of(rest_at, md_at + len2), message));
        }
    }
}
