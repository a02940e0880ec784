use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{find_all, month_day};
use crate::rules::Context;
use crate::text::find_years;

declare_rule! {
    /// ## 检查内容
    /// “截止”直接跟日期（“截止2024年12月31日”“截止2024年底”）。
    ///
    /// ## 为什么是问题
    /// “截止”表示到某时停止，后面不带时间宾语（“报名于5月1日截止”）；表示“到某个时间为止”应写“截至”。
    ///
    /// ## 示例
    /// 错误：截止2024年12月31日，共主动公开政府信息120条。
    /// 正确：截至2024年12月31日，共主动公开政府信息120条。
    ///
    /// ## 依据
    /// 《现代汉语词典》“截止”“截至”词条；国家语委规范用法。
    pub static S_JIEZHI = {
        id: "S-JIEZHI",
        severity: Info,
        title: "“截止”应为“截至”",
        help: "“截止”后直接跟日期时改为“截至”（或写“截止到”）。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    // Sentences, not lines: a PDF or OCR copy may wrap right after 截止.
    for norm in r.prose_sentences.iter() {
        let t = norm.text();
        for i in find_all(t, "截止") {
            let end = i + "截止".len();
            // The year must follow directly: look at a short window, not the rest of a long line.
            let window = crate::span::floor_char_boundary(t, end + 24);
            let Some(y) = find_years(&t[end..window]).into_iter().next().filter(|y| y.start == 0) else { continue };
            let rest = &t[end + y.end..];
            let dated = month_day(rest).is_some()
                || ["底", "末", "年底", "年末"].iter().any(|p| rest.starts_with(p))
                || rest.chars().next().is_some_and(|c| c.is_ascii_digit());
            if dated {
                let span = norm.span_of(i, end);
                let f = S_JIEZHI.finding(span, "“截止”后直接跟日期，应为“截至”");
                out.push(if r.text(span) == "截止" { f.fix(span, "截至") } else { f });
            }
        }
    }
}
