use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{is_hanzi, is_hanzi_digit};

declare_rule! {
    /// ## 检查内容
    /// 中文正文中，两个汉字之间使用了半角标点 , : ; ? 或半角括号 ( )（括号内只有序号的不算）。
    /// 全文半角标点很多时（多为网页转换造成）合并为一条提示。
    ///
    /// ## 为什么是问题
    /// 中文文本应使用全角标点；半角标点混用影响版面规范。
    ///
    /// ## 示例
    /// 错误：年报由总体情况等六部分,包括……
    /// 正确：年报由总体情况等六部分，包括……
    ///
    /// ## 依据
    /// GB/T 15834—2011《标点符号用法》。
    pub static S_PUNCT_HALFWIDTH = {
        id: "S-PUNCT-HALFWIDTH",
        severity: Info,
        title: "中文中使用半角标点",
        help: "中文正文中的标点改为全角（，：；？（））。",
        check: check,
    }
}

const MAX_SINGLE: usize = 5;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let mut hits: Vec<(Span, char)> = Vec::new();
    for p in r.prose() {
        let raw = r.text(p.span);
        let chars: Vec<(usize, char)> = raw.char_indices().collect();
        for k in 1..chars.len().saturating_sub(1) {
            let (i, c) = chars[k];
            let (prev, next) = (chars[k - 1].1, chars[k + 1].1);
            let hit = match c {
                ',' | ':' | ';' | '?' => is_hanzi(prev) && is_hanzi(next),
                '(' => is_hanzi(prev) && is_hanzi(next) && !ordinal_inside(&raw[i + 1..]),
                ')' => is_hanzi(prev) && is_hanzi(next) && !ordinal_before(&chars[..k]),
                _ => false,
            };
            if hit {
                hits.push((Span::new(p.span.start + i, p.span.start + i + 1), c));
            }
        }
    }
    if hits.len() > MAX_SINGLE {
        let (span, c) = hits[0];
        let message = format!("全文有{}处汉字之间使用了半角标点（首处为“{c}”），中文正文应使用全角标点", hits.len());
        out.push(S_PUNCT_HALFWIDTH.finding(span, message));
        return;
    }
    for (span, c) in hits {
        let message = format!("汉字之间使用了半角“{c}”，应改为全角“{}”", full(c));
        out.push(S_PUNCT_HALFWIDTH.finding(span, message).fix(span, full(c).to_string()));
    }
}

fn full(c: char) -> char {
    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
}

/// "(一)" — the parenthesis holds only a numeral.
fn ordinal_inside(rest: &str) -> bool {
    let inner: String = rest.chars().take_while(|c| *c != ')').collect();
    !inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(|c| is_hanzi_digit(c) || c.is_ascii_digit())
}

fn ordinal_before(before: &[(usize, char)]) -> bool {
    let inner: Vec<char> = before.iter().rev().map(|x| x.1).take_while(|c| *c != '(').collect();
    let opened = before.iter().rev().map(|x| x.1).nth(inner.len()) == Some('(');
    opened && !inner.is_empty() && inner.len() <= 3 && inner.iter().all(|c| is_hanzi_digit(*c) || c.is_ascii_digit())
}
