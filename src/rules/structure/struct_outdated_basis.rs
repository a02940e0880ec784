use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 2021 年及以后的年报在正文中以“国办公开办函〔2019〕60号”或“年度报告格式（试行）”为编制依据。
    /// 同一句里同时引用了〔2021〕30号的不报告。
    ///
    /// ## 为什么是问题
    /// 〔2021〕30号文已替代〔2019〕60号文的试行格式；引用旧文件说明编写时沿用了旧模板。
    ///
    /// ## 示例
    /// 错误：2023 年年报写“根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求……”。
    /// 正确：“根据国办公开办函〔2021〕30号要求……”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号。
    pub static STRUCT_OUTDATED_BASIS = {
        id: "STRUCT-OUTDATED-BASIS",
        severity: Warning,
        title: "引用了已替代的格式文件",
        help: "把编制依据改为国办公开办函〔2021〕30号。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if r.year.is_none_or(|y| y < 2021) {
        return;
    }
    for sent in &r.prose_sentences {
        // Only a sentence citing "60号" or the 试行 format can cite the old format.
        let t = sent.text();
        if !t.contains("60") && !t.contains("试行") {
            continue;
        }
        if t.contains("30号") {
            continue;
        }
        let hit = t.match_indices("60号").find_map(|(at, _)| {
            let head = &t[..at];
            let win: String = head.chars().rev().take(14).collect::<Vec<_>>().into_iter().rev().collect();
            if !(win.contains("2019") && (win.contains("办函") || win.contains("公开办"))) {
                return None;
            }
            let start = head.rfind("国办").filter(|&s| at - s <= 40).unwrap_or(at - win.len().min(at));
            Some((start, at + "60号".len()))
        });
        let hit = hit.or_else(|| t.find("格式(试行)").map(|at| (at, at + "格式(试行)".len())));
        if let Some((s, e)) = hit {
            let span = sent.span_of(s, e);
            let f = STRUCT_OUTDATED_BASIS.finding(
                span,
                format!(
                    "{}年年报以“{}”为依据，该文件已被国办公开办函〔2021〕30号替代",
                    r.year.unwrap_or_default(),
                    r.text(span)
                ),
            );
            out.push(match replacement(r.text(span), t.contains("试行")) {
                Some(new) => f.fix(span, new),
                None => f,
            });
            return;
        }
    }
}

/// The certain correction of a cited basis, if there is one: the bare document number
/// “国办公开办函〔2019〕60号” becomes “国办公开办函〔2021〕30号” (its brackets kept) unless the
/// sentence also names the old 试行 title, which the number alone would then contradict; the 试行
/// format's “格式（试行）” becomes “格式”, the title of the 2021 format.
fn replacement(written: &str, names_trial: bool) -> Option<String> {
    if let Some(inner) = written.strip_prefix("格式") {
        return matches!(inner, "（试行）" | "(试行)").then(|| "格式".to_string());
    }
    let rest = written.strip_prefix("国办公开办函")?;
    let mut chars = rest.chars();
    let open = chars.next()?;
    let close = chars.as_str().strip_prefix("2019")?.chars().next()?;
    let pairs = [('〔', '〕'), ('[', ']'), ('［', '］'), ('（', '）'), ('(', ')'), ('【', '】')];
    let expected = format!("{open}2019{close}60号");
    if names_trial || !pairs.contains(&(open, close)) || rest != expected {
        return None;
    }
    Some(format!("国办公开办函{open}2021{close}30号"))
}

#[cfg(test)]
mod tests {
    use super::replacement;

    #[test]
    fn only_exact_citations_are_replaced() {
        assert_eq!(replacement("国办公开办函〔2019〕60号", false).as_deref(), Some("国办公开办函〔2021〕30号"));
        assert_eq!(replacement("国办公开办函[2019]60号", false).as_deref(), Some("国办公开办函[2021]30号"));
        assert_eq!(replacement("国办公开办函〔2019〕60号", true), None, "the 试行 title stays: no fix");
        assert_eq!(replacement("国办公开办函〔2019〕 60号", false), None);
        assert_eq!(replacement("国务院办公厅〔2019〕60号", false), None);
        assert_eq!(replacement("格式（试行）", false).as_deref(), Some("格式"));
        assert_eq!(replacement("格式(试行)", true).as_deref(), Some("格式"));
        assert_eq!(replacement("格式（ 试行）", false), None);
    }
}
