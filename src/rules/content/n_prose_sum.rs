use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::fmt_num;
use crate::rules::Context;
use crate::text::scan_number;

declare_rule! {
    /// ## 检查内容
    /// 正文给出一个总数，紧接着用“其中”分项列出，而且分项包括“其他/其余”一项（或写明“分别为”），
    /// 即分项覆盖了全部：各分项之和应等于总数。单位须相同（条、件、个、项、篇），约数（余、多、约）不核对。
    ///
    /// ## 为什么是问题
    /// 分项加起来不等于总数，说明总数或某个分项写错了，读者无法知道哪个数字可信。
    ///
    /// ## 示例
    /// 错误：共公布政府信息2599条（其中机构职能类25条……其他应主动公开政府信息856条），各项之和为2533条。
    /// 正确：各分项之和与总数一致。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（四）明确责任：年报内容须准确；平潭综合实验区 2019 年报实例。
    pub static N_PROSE_SUM = {
        id: "N-PROSE-SUM",
        severity: Warning,
        title: "正文分项之和与总数不符",
        help: "核对总数和各分项，改正写错的数字。",
        check: check,
    }
}

const UNITS: [char; 5] = ['条', '件', '个', '项', '篇'];

/// A whole number followed directly by a unit: (value, unit, byte range of the number).
fn count_at(t: &str, at: usize) -> Option<(u64, char, usize, usize)> {
    let (v, len) = scan_number(&t[at..])?;
    let unit = t[at + len..].chars().next().filter(|c| UNITS.contains(c))?;
    let prev = t[..at].chars().next_back();
    // Part of a longer number, a decimal, or an approximate count ("2000余条").
    if prev.is_some_and(|c| c.is_ascii_digit() || c == '.') || v.fract() != 0.0 || v < 0.0 {
        return None;
    }
    Some((v as u64, unit, at, at + len))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for s in &ctx.report.prose_sentences {
        let t = s.text();
        let mut from = 0;
        while let Some(p) = t[from..].find("其中").map(|p| from + p) {
            from = p + "其中".len();
            // The total: the last count before 其中 in the same sentence.
            let Some((total, unit, ts, te)) =
                t[..p].char_indices().rev().take(40).filter_map(|(i, _)| count_at(t, i)).next()
            else {
                continue;
            };
            if t[..ts].ends_with(['约', '近']) {
                continue;
            }
            // The items: counts at the top level of what follows, up to the end of the list.
            let mut depth = 0i32;
            let mut items = Vec::new();
            let mut exhaustive = t[p..].starts_with("其中分别为");
            let mut label_start = from;
            let mut i = from;
            while i < t.len() {
                let c = t[i..].chars().next().unwrap_or(' ');
                match c {
                    '(' | '（' => depth += 1,
                    ')' | '）' => {
                        depth -= 1;
                        if depth < 0 {
                            break;
                        }
                    }
                    '。' => break,
                    _ => {}
                }
                if depth == 0 {
                    if let Some((v, u, _, e)) = count_at(t, i) {
                        let label = &t[label_start..i];
                        // Another unit: the list was about something else.
                        if u != unit {
                            items.clear();
                            break;
                        }
                        // An approximate item makes the sum unknowable.
                        if t[e + u.len_utf8()..].starts_with(['余', '多']) || label.ends_with(['约', '近']) {
                            items.clear();
                            break;
                        }
                        exhaustive |= label.contains("其他") || label.contains("其余");
                        items.push(v);
                        i = e + u.len_utf8();
                        label_start = i;
                        continue;
                    }
                }
                i += c.len_utf8();
            }
            if items.len() < 2 || !exhaustive {
                continue;
            }
            // Counts are whole numbers a report can hold; a sum past u64 is no count at all.
            let Some(sum) = items.iter().try_fold(0u64, |a, b| a.checked_add(*b)) else { continue };
            // The list may break down an earlier count of the sentence ("新收8件，上年结转1件，共计9件，
            // 其中自然人5件，法人或其他组织3件"): a reading that fits is no fault.
            let earlier = || t[..p].char_indices().filter_map(|(i, _)| count_at(t, i));
            // Or the list may go on past the breakdown ("其中自然人申请1件，法人或其他组织申请1件，
            // 上年结转1件"): its first items add up to the total.
            // (A prefix sums to less than the whole: no overflow.)
            let prefix = (2..items.len()).any(|n| items[..n].iter().sum::<u64>() == total);
            if sum == total || prefix || earlier().any(|(v, u, _, _)| u == unit && v == sum) {
                continue;
            }
            let terms: Vec<String> = items.iter().map(|v| v.to_string()).collect();
            let message = format!(
                "总数写的是 {total}{unit}，其后“其中”所列 {} 项之和为 {}={sum}{unit}，差 {}；请核对总数和各分项",
                items.len(),
                terms.join("+"),
                fmt_num(total as f64 - sum as f64)
            );
            out.push(N_PROSE_SUM.finding(s.span_of(ts, te), message));
        }
    }
}
