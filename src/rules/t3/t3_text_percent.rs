use crate::declare_rule;
use crate::diag::Finding;
use crate::report::{CellKey, T3Col, T3Row};
use crate::rules::common::{count_at, fmt_fixed, fmt_num, is_break, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文在申请分项件数后写“占 X%”时，X 应等于该件数除以某个合理的基数：（七）总计、本年新收总计，
    /// 或本年新收加上年结转。允许 ±0.15 个百分点（只写到整数的百分比按四舍五入的精度放宽）。
    /// 只有三个基数都对不上时才提示。
    ///
    /// 只看第一部分和第三部分中紧跟在“予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、不掌握、
    /// 自然人、法人、办结、答复”等件数之后的百分比。
    ///
    /// ## 为什么是问题
    /// 百分比算错或截断，会让读者怀疑其他数字的准确性。
    ///
    /// ## 示例
    /// 错误：“予以公开258件，占33.9%”，而总计 700（应为 36.9%）。
    /// 正确：“予以公开258件，占36.9%”。
    ///
    /// ## 依据
    /// 报告内部一致性。
    pub static T3_TEXT_PERCENT = {
        id: "T3-TEXT-PERCENT",
        severity: Info,
        title: "正文百分比与件数相符",
        help: "用表三的总计重新计算百分比（四舍五入）。",
        check: check,
    }
}

const KEYS: [&str; 12] = [
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "不掌握",
    "自然人",
    "法人",
    "办结",
    "答复",
    "申请",
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let total = |row| CellKey::T3(row, T3Col::C7);
    let (done, new, carried) = (total(T3Row::R24), total(T3Row::R01), total(T3Row::R02));
    let mut bases: Vec<f64> =
        [r.number(done), r.number(new), r.sum([new, carried])].into_iter().flatten().filter(|b| *b > 0.0).collect();
    bases.dedup();
    if bases.is_empty() {
        return;
    }
    for st in this_year_sentences(r, &[1, 3]) {
        let s = st.text();
        for (zi, _) in s.match_indices('占') {
            // "N件,占" / "N件占": the count right before.
            let before = s[..zi].trim_end_matches(',');
            let Some(pre) = before.strip_suffix('件') else { continue };
            let digits: usize = pre.chars().rev().take_while(|c| c.is_ascii_digit()).map(char::len_utf8).sum();
            if digits == 0 {
                continue;
            }
            let cs = pre.len() - digits;
            let Some(cnt) = count_at(s, cs, &["件"]) else { continue };
            let lead: String = s[..cs].chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
            if !KEYS.iter().any(|k| lead.contains(k)) {
                continue;
            }
            // The percentage after 占 (占比, 占总数的 …).
            let after = &s[zi + '占'.len_utf8()..];
            let Some(pi) = after.char_indices().take(12).find(|(_, c)| c.is_ascii_digit()).map(|x| x.0) else {
                continue;
            };
            if after[..pi].chars().any(is_break) {
                continue;
            }
            let num_txt: String = after[pi..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            if !after[pi + num_txt.len()..].starts_with('%') {
                continue;
            }
            let Some((p, used)) = crate::text::scan_number(&num_txt) else { continue };
            if used != num_txt.len() {
                continue;
            }
            let decimals = num_txt.split_once('.').map_or(0, |x| x.1.len());
            let tol = f64::max(0.15, 0.5 * 10f64.powi(-(decimals as i32)) + 0.01);
            if bases.iter().any(|b| (cnt.value * 100.0 / b - p).abs() <= tol) {
                continue;
            }
            let ps = zi + '占'.len_utf8() + pi;
            let span = st.span_of(ps, ps + num_txt.len() + 1);
            let calc: Vec<String> = bases
                .iter()
                .map(|b| format!("{}÷{}={}%", fmt_num(cnt.value), fmt_num(*b), fmt_fixed(cnt.value * 100.0 / b, 1)))
                .collect();
            let message = format!(
                "正文“{}件，占{}%”的百分比与表三对不上：{}；请核对件数或百分比",
                fmt_num(cnt.value),
                num_txt,
                calc.join("，")
            );
            // Name only the base cells that were recognised (a report may lack R24 or R01).
            let cells = [done, new].into_iter().filter(|k| r.cell(*k).is_some());
            out.push(T3_TEXT_PERCENT.finding(span, message).cells(cells));
        }
    }
}
