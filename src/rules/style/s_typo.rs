use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{next_char, prev_char};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 常见错别字：问提→问题、部份→部分、勾嵇→勾稽、复义→复议、诉颂→诉讼、申情→申请、公开公开→公开、
    /// 残差不齐→参差不齐、不过顺畅（及时、完善……）→不够顺畅、
    /// 做为→作为、登陆（网站）→登录、按排→安排、以经→已经、重新涉及→重新设计、审查管（缺“理”）→审查管理，
    /// 以及把表格术语“结转”写反的“上年（度）转结”“转结下年”。
    /// 对“询问提出”“以经济”“按排名”这类正常搭配做了排除。
    ///
    /// ## 为什么是问题
    /// 错别字影响政府文件的严肃性，也说明报告发布前没有认真校对。
    ///
    /// ## 示例
    /// 错误：三是信息质量有待提高等问提。
    /// 正确：三是信息质量有待提高等问题。
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》对公文校核的要求；年报实例（问提、审查管、重新涉及部门网站）。
    pub static S_TYPO = {
        id: "S-TYPO",
        severity: Warning,
        title: "错别字",
        help: "改正错别字。",
        check: check,
    }
}

/// (wrong, right, previous chars that make it a normal word, following chars that do).
type Typo = (&'static str, &'static str, &'static str, &'static str);

const TYPOS: [Typo; 24] = [
    ("问提", "问题", "询访质追发提学疑审盘过慰反顾设", "出供交升高醒示及起问前名"),
    ("部份", "部分", "", ""),
    ("勾嵇", "勾稽", "", ""),
    ("复义", "复议", "", ""),
    ("诉颂", "诉讼", "", ""),
    ("申情", "申请", "重引追延", "况"),
    ("公开公开", "公开", "", ""),
    ("做为", "作为", "", "民人群百"),
    ("登陆", "登录", "", ""),
    ("按排", "安排", "", "名序列行"),
    ("以经", "已经", "", "济营费验典过历手办批纬商管"),
    ("重新涉及", "重新设计", "", ""),
    ("审查管", "审查管理", "", "理控住"),
    // The tables' term is 结转 (上年结转, 结转下年度); a real report wrote “含上年度转结”.
    ("上年度转结", "上年度结转", "", ""),
    ("上年转结", "上年结转", "", ""),
    ("转结下年", "结转下年", "", ""),
    ("残差不齐", "参差不齐", "", ""),
    // 不过 (“but”) before an adjective is 不够 mistyped: “工作移交不过顺畅”.
    ("不过顺畅", "不够顺畅", "", ""),
    ("不过及时", "不够及时", "", ""),
    ("不过完善", "不够完善", "", ""),
    ("不过全面", "不够全面", "", ""),
    ("不过规范", "不够规范", "", ""),
    ("不过深入", "不够深入", "", ""),
    ("不过到位", "不够到位", "", ""),
];

/// First characters of the entries: only positions holding one of them can start a typo.
const FIRST_CHARS: [char; 24] = [
    '问', '部', '勾', '复', '诉', '申', '公', '做', '登', '按', '以', '重', '审', '上', '上', '转', '残', '不', '不',
    '不', '不', '不', '不', '不',
];

#[test]
fn first_chars_match_the_entries() {
    let firsts: Vec<char> = TYPOS.iter().filter_map(|t| t.0.chars().next()).collect();
    assert_eq!(firsts, FIRST_CHARS);
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let before = out.len();
    for norm in r.line_prose.iter() {
        scan(r, norm.text(), |i, end| norm.span(i, end), out);
    }
    // A word a PDF or OCR copy wrapped across two lines ("…等问" / "提。") is whole in its sentence.
    let found: Vec<crate::span::Span> = out[before..].iter().map(|f| f.span).collect();
    for s in &r.prose_sentences {
        let mut more = Vec::new();
        scan(r, s.text(), |i, end| s.span_of(i, end), &mut more);
        out.extend(more.into_iter().filter(|f| !found.iter().any(|x| x.start < f.span.end && f.span.start < x.end)));
    }
}

fn scan(
    r: &crate::report::Report,
    t: &str,
    span_of: impl Fn(usize, usize) -> crate::span::Span,
    out: &mut Vec<Finding>,
) {
    // One pass over the line (cheaper than a substring search per entry); matches of one entry do
    // not overlap, as with `match_indices`.
    let mut next_free = [0usize; TYPOS.len()];
    for (i, c) in t.char_indices() {
        if !FIRST_CHARS.contains(&c) {
            continue;
        }
        for (k, (wrong, right, bad_prev, bad_next)) in TYPOS.iter().enumerate() {
            if !wrong.starts_with(c) || i < next_free[k] || !t[i..].starts_with(wrong) {
                continue;
            }
            let end = i + wrong.len();
            next_free[k] = end;
            if prev_char(t, i).is_some_and(|c| bad_prev.contains(c))
                || next_char(t, end).is_some_and(|c| bad_next.contains(c))
            {
                continue;
            }
            // 登陆 is only wrong for logging in to a site or system.
            if *wrong == "登陆"
                && !t[end..].chars().take(6).any(|c| ['网', '平', '系', '门', '账', '客', '官', 'A'].contains(&c))
            {
                continue;
            }
            let message = format!("“{wrong}”应为“{right}”");
            let span = span_of(i, end);
            let mut f = S_TYPO.finding(span, message);
            // Certain only where the words are written as matched (no blank or variant inside).
            if r.text(span) == *wrong {
                f = f.fix(span, *right);
            }
            out.push(f);
        }
    }
}
