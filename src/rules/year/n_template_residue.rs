use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::find_all;
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 报告中残留模板占位符（XX、××、20XX年、X月X日、（单位名称）、〔 〕号、[填写]、“此处填写”等），
    /// 或残留表格填写说明（“（指2019年事项数）”“减用负值表示”“应提供相关数据”）。
    ///
    /// ## 为什么是问题
    /// 占位符和填写说明说明报告是套模板生成、没有填完或没有校对就发布了。
    ///
    /// ## 示例
    /// 错误：XX局2023年政府信息公开工作年度报告；行政许可（指2019年事项数）。
    /// 正确：写明单位名称，删去表格中的填写说明。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（四）明确责任（发布内容不准确的要追责）；武汉市生态环境局2020年报实例。
    pub static N_TEMPLATE_RESIDUE = {
        id: "N-TEMPLATE-RESIDUE",
        severity: Error,
        title: "残留模板占位符或填写说明",
        help: "把占位符换成实际内容，删去表格中的填写说明。",
        check: check,
    }
}

const LITERALS: [&str; 14] = [
    "X月X日",
    "x月x日",
    "×月×日",
    "X年X月",
    "(单位名称)",
    "[单位名称]",
    "〔〕号",
    "[]号",
    "[填写]",
    "此处填写",
    "此处输入",
    "请在此处",
    "减用负值表示",
    "应提供相关数据",
];

const TRIGGERS: [char; 9] = ['X', 'x', '×', 'Ｘ', 'ｘ', '〔', '[', '［', '【'];
const TRIGGER_WORDS: [&str; 10] = ["单位名称", "填写", "此处", "(指", "（指", "负值", "相关数据", "〖", "请在", "输入"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for (line, norm) in r.doc.lines.iter().zip(r.line_prose.iter()) {
        if line.empty || line.noise {
            continue;
        }
        // Every pattern below needs one of these characters or words: skip the other lines cheaply.
        let raw = r.text(line.span);
        let word_possible = raw.contains(['单', '填', '此', '(', '（', '负', '相', '〖', '请', '输']);
        let triggered = raw.contains(TRIGGERS) || word_possible && TRIGGER_WORDS.iter().any(|w| raw.contains(w));
        if !triggered {
            continue;
        }
        let t = norm.text();
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for lit in LITERALS {
            hits.extend(find_all(t, lit).map(|i| (i, i + lit.len())));
        }
        // "(指2019年事项数)": an instruction left in a table label.
        for i in find_all(t, "(指") {
            let rest = &t[i + "(指".len()..];
            if rest.len() >= 5 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) && rest[4..].starts_with('年') {
                let close =
                    rest.find(')').filter(|&c| c < 40).map_or(i + "(指".len() + 7, |c| i + "(指".len() + c + 1);
                hits.push((i, close));
            }
        }
        hits.extend(x_runs(t));
        crate::sort::sort(&mut hits);
        let mut last_end = 0;
        for (s, e) in hits {
            if s < last_end {
                continue;
            }
            last_end = e;
            let span: Span = norm.span(s, e);
            let what = r.text(span);
            let matched = &t[s..e];
            let message = if matched.contains("指") || matched.contains("负值") || matched.contains("相关数据") {
                format!("表格中残留填写说明“{what}”，发布前应删去")
            } else {
                format!("残留模板占位符“{what}”，请填写实际内容")
            };
            out.push(N_TEMPLATE_RESIDUE.finding(span, message));
        }
    }
}

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Runs of two or more X/x/× standing alone (not inside a URL or a Latin word), e.g. "XX局", "20XX年".
/// Works on byte offsets, reading the characters around a run from the text (a list of a long
/// line's characters took 16 bytes per character).
fn x_runs(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = t[from..].find(['X', 'x', '×']).map(|p| from + p) {
        let c = t[k..].chars().next().unwrap_or('X');
        let run = t[k..].chars().take_while(|&d| d == c).count();
        let j = k + run * c.len_utf8();
        let prev = t[..k].chars().next_back();
        let next = t[j..].chars().next();
        let prev_ok = prev.is_none_or(|p| !p.is_ascii_alphabetic() && !"./:_-=?&%#@".contains(p));
        let next_ok = next.is_none_or(|n| !n.is_ascii_alphanumeric() && !"./_-=".contains(n));
        // A digit before is fine only for a year placeholder ("20XX年").
        let digit_prev_ok = !prev.is_some_and(|p| p.is_ascii_digit()) || next == Some('年');
        // "李××": an applicant's name made anonymous, not a placeholder.
        let anonymised = c == '×' && prev.is_some_and(|p| SURNAMES.contains(p));
        if run >= 2 && prev_ok && next_ok && digit_prev_ok && !anonymised {
            // The digits before belong to the placeholder ("20XX"); they are ASCII, one byte each.
            let start = k - t[..k].bytes().rev().take_while(u8::is_ascii_digit).count();
            out.push((start, j));
        }
        from = j;
    }
    out
}
