use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::{find_all, has_any};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 年度报告中出现较短统计周期的说法并跟着数量，如“本月受理……33件”“本季度发布信息20条”。
    /// “第一季度”“上半年”在同句有“全年、分别、下半年、累计”等分段说明时不算。
    ///
    /// ## 为什么是问题
    /// 这通常是把月报、季报的文字粘贴进了年报，数据口径不是全年。
    ///
    /// ## 示例
    /// 错误：本月受理市政府门户网站“市长信箱”33件。
    /// 正确：全年受理市政府门户网站“市长信箱”来信390件。
    ///
    /// ## 依据
    /// 《条例》第四十九条（年度报告）；互助县政务服务中心2020年报实例。
    pub static N_MONTHLY_RESIDUE = {
        id: "N-MONTHLY-RESIDUE",
        severity: Warning,
        title: "疑似混入月报、季报内容",
        help: "年报应使用全年数据，请核对该句的统计口径。",
        check: check,
    }
}

const STRICT: [&str; 4] = ["本月", "上月", "本季度", "本周"];
const LOOSE: [&str; 5] = ["第一季度", "第二季度", "第三季度", "第四季度", "上半年"];
const BREAKDOWN: [&str; 9] = ["全年", "年度", "共计", "累计", "其中", "分别", "下半年", "各季度", "每季度"];
const UNITS: [char; 9] = ['件', '条', '次', '个', '篇', '期', '场', '项', '人'];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for s in &r.prose_sentences {
        let t = s.text();
        for m in STRICT.iter().chain(LOOSE.iter()) {
            let Some(i) = find_all(t, m).find(|&i| !(*m == "上半年" && t[i + m.len()..].starts_with('度'))) else {
                continue;
            };
            if LOOSE.contains(m) && has_any(t, &BREAKDOWN) {
                continue;
            }
            if has_count(&t[i + m.len()..]) {
                let message = format!("年度报告中出现“{m}”及其数量，疑似混入了月报或季报内容，年报应使用全年数据");
                out.push(N_MONTHLY_RESIDUE.finding(s.span_of(i, i + m.len()), message));
                break;
            }
        }
    }
}

/// A number directly followed by a counting unit.
fn has_count(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.windows(2).any(|w| w[0].is_ascii_digit() && UNITS.contains(&w[1]))
}
