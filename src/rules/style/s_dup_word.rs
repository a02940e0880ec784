use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::find_all;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{is_hanzi, is_hanzi_digit};

declare_rule! {
    /// ## 检查内容
    /// 同一个词（2～8个汉字）或同一个短语（9～40个字）紧挨着重复出现（“资金资金”“规定规定”），叠词（常常、一一）除外；
    /// 以及同一分句中“共”出现两次（“全年共收到依申请公开共9件”）。
    ///
    /// ## 为什么是问题
    /// 这是编辑时粘贴或修改留下的重复，说明报告没有校对。
    ///
    /// ## 示例
    /// 错误：严格执行国家有关规定规定。全年共收到依申请公开共9件。
    /// 正确：严格执行国家有关规定。全年共收到政府信息公开申请9件。
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》对公文校核的要求；广元市统计局2024年报、黄腊乡2021年报实例。
    pub static S_DUP_WORD = {
        id: "S-DUP-WORD",
        severity: Info,
        title: "词语重复",
        help: "删去重复的词语。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let mut chrome = Vec::new();
    // Every paragraph, headings too: a heading may run into its text ("（三）改进措施。…一是丰富丰富…").
    for p in &r.paragraphs {
        // A breadcrumb repeats words by nature ("首页政务公开政府信息公开政府信息公开年报").
        chrome.extend(r.page_chrome(p));
        let from = r.page_chrome(p).map_or(p.span.start, |c| c.end);
        let raw = r.text(Span::new(from, p.span.end));
        // Blanks are passed over: OCR and PDF copies put them inside words ("规范规 范").
        let chars: Vec<(usize, char)> =
            raw.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(i, c)| (from + i, c)).collect();
        for (k, n) in repeats(&chars) {
            let end = chars.get(k + 2 * n).map_or(p.span.end, |x| x.0);
            report(out, Span::new(chars[k].0, end), &chars[k..k + n]);
        }
        if !p.heading {
            double_gong(raw, from, out);
        }
    }
    // A word repeated across a line break ("丰富\n丰富" in a PDF copy): the sentences join the lines.
    for st in &r.prose_sentences {
        let chars: Vec<(usize, char)> = st.text().char_indices().collect();
        for (k, n) in repeats(&chars) {
            let end = chars.get(k + 2 * n).map_or(st.text().len(), |x| x.0);
            let span = st.span_of(chars[k].0, end);
            let seen = |f: &Finding| f.rule == S_DUP_WORD.id && f.span.start < span.end && span.start < f.span.end;
            if !out.iter().any(seen) && !chrome.iter().any(|c| c.contains(span)) {
                report(out, span, &chars[k..k + n]);
            }
        }
    }
}

fn report(out: &mut Vec<Finding>, span: Span, word: &[(usize, char)]) {
    let word: String = word.iter().map(|x| x.1).collect();
    let message = format!("“{word}”重复了一次，请删去多余的“{word}”");
    // One copy of the words is the fix.
    out.push(S_DUP_WORD.finding(span, message).fix(span, word));
}

/// Words written twice in a row: (index of the first character, length), over characters with
/// their offsets (blanks already left out).
fn repeats(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let mut hit = None;
        for n in (2..=8).rev() {
            if k + 2 * n > chars.len() {
                continue;
            }
            // The cheap test first: a repeat starts with the same character n places on.
            if chars[k].1 != chars[k + n].1 {
                continue;
            }
            let a = &chars[k..k + n];
            let b = &chars[k + n..k + 2 * n];
            if a.iter().zip(b).all(|(x, y)| x.1 == y.1)
                && a.iter().all(|x| is_hanzi(x.1))
                && !a.iter().all(|x| is_hanzi_digit(x.1))
                && a[0].1 != '一'
            {
                hit = Some(n);
                break;
            }
        }
        // A longer phrase written twice ("聚焦新中国成立 70 周年平潭专场新闻发布会" twice over).
        if hit.is_none() {
            hit = (9..=40).find(|&n| {
                k + 2 * n <= chars.len()
                    && chars[k].1 == chars[k + n].1
                    && is_hanzi(chars[k].1)
                    && chars[k..k + n].iter().filter(|x| is_hanzi(x.1)).count() >= 6
                    && chars[k..k + n].iter().zip(&chars[k + n..k + 2 * n]).all(|(x, y)| x.1 == y.1)
            });
        }
        let word = |n: usize| -> String { chars[k..k + n].iter().map(|x| x.1).collect() };
        // T4's two 行政诉讼 groups repeat the same column heads by design (a header row read as
        // a paragraph): not a slip.
        let header = |n: usize| ["结果维持", "结果纠正", "其他结果", "尚未审结"].iter().any(|h| word(n).contains(h));
        // "…人民政府政府信息公开…": the body's name, then the subject.
        let after_body_name =
            |n: usize| word(n) == "政府" && k >= 2 && chars[k - 2].1 == '人' && chars[k - 1].1 == '民';
        if let Some(n) = hit.filter(|n| !header(*n) && !after_body_name(*n)) {
            out.push((k, n));
            k += 2 * n;
        } else {
            k += 1;
        }
    }
    out
}

fn double_gong(raw: &str, base: usize, out: &mut Vec<Finding>) {
    const NOT_TOTAL_PREV: &str = "公中总一";
    const NOT_TOTAL_NEXT: &str = "同享建产性识青治筑商担济赢生";
    for i in find_all(raw, "共") {
        let prev = raw[..i].chars().next_back();
        let next = raw[i + '共'.len_utf8()..].chars().next();
        if prev.is_some_and(|c| NOT_TOTAL_PREV.contains(c)) || next.is_some_and(|c| NOT_TOTAL_NEXT.contains(c)) {
            continue;
        }
        let after = &raw[i + '共'.len_utf8()..];
        let clause: String =
            after.chars().take_while(|c| !matches!(c, '，' | '。' | ',' | '；' | ';' | '：')).take(13).collect();
        if let Some(j) = clause.find('共') {
            let rest = &clause[j + '共'.len_utf8()..];
            let next_is_num = rest.chars().next().is_some_and(|c| c.is_ascii_digit() || is_hanzi_digit(c));
            let prev2 = clause[..j].chars().next_back();
            if next_is_num && !prev2.is_some_and(|c| NOT_TOTAL_PREV.contains(c)) {
                let s = base + i;
                let e = base + i + '共'.len_utf8() + j + '共'.len_utf8();
                let message = "同一分句中“共”出现了两次，请删去其中一个".to_string();
                out.push(S_DUP_WORD.finding(Span::new(s, e), message));
                break;
            }
        }
    }
}
