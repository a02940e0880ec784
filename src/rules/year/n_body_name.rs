use crate::declare_rule;
use crate::diag::Finding;
use crate::rules::common::find_all;
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文中的自称与报告单位类型不符（如标题为某局，正文写“我委”“我镇”；镇的报告写“我乡”），
    /// 或出现“中心人民政府”“局人民政府”这类拼接错误的单位名称。
    ///
    /// ## 为什么是问题
    /// 这通常是照搬其他单位的报告后没有改净，读者会怀疑内容是否属于本单位。
    ///
    /// ## 示例
    /// 错误：标题为“某县教育局”，正文“我委高度重视……”；“政务服务中心人民政府”。
    /// 正确：正文自称与单位一致，如“我局高度重视……”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号（四）明确责任（内容雷同的要追责）；互助县政务服务中心2020年报实例。
    pub static N_BODY_NAME = {
        id: "N-BODY-NAME",
        severity: Info,
        title: "单位名称或自称不一致",
        help: "核对正文中的单位名称和“我局/我委/我镇”等自称是否与本单位一致。",
        check: check,
    }
}

const PRONOUNS: [(&str, &str); 6] =
    [("我局", "局"), ("我委", "委"), ("我镇", "镇"), ("我乡", "乡"), ("我厅", "厅"), ("我街道", "街道")];

/// The self-reference a body type uses: "局", "委", …
fn own_kind(org: &str) -> Option<&'static str> {
    let head = org.strip_suffix("人民政府").or_else(|| org.strip_suffix("政府")).unwrap_or(org);
    let head = head.strip_suffix("办事处").unwrap_or(head);
    if head.ends_with("委员会") || head.ends_with('委') {
        return Some("委");
    }
    ["局", "镇", "乡", "厅", "街道"].into_iter().find(|k| head.ends_with(k))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let own = r.org.as_deref().and_then(own_kind);
    let mut seen: Vec<&str> = Vec::new();
    for s in &r.prose_sentences {
        let t = s.text();
        for bad in ["中心人民政府", "局人民政府", "委员会人民政府"] {
            if let Some(i) = find_all(t, bad).next() {
                let message = format!(
                    "单位名称“{}”拼接有误，请核对",
                    &t[t[..i].char_indices().rev().nth(3).map_or(0, |x| x.0)..i + bad.len()]
                );
                out.push(N_BODY_NAME.finding(s.span_of(i, i + bad.len()), message));
            }
        }
        let (Some(own), Some(org)) = (own, r.org.as_deref()) else { continue };
        for (p, kind) in PRONOUNS {
            if kind == own || seen.contains(&p) {
                continue;
            }
            // "我局" in a 乡镇 report may be quoting a department; only the clear mismatches count.
            if matches!(own, "镇" | "乡" | "街道") && !matches!(kind, "镇" | "乡" | "街道") {
                continue;
            }
            if let Some(i) = find_all(t, p).next() {
                seen.push(p);
                let message = format!("报告单位是“{org}”，正文却自称“{p}”，请核对是否沿用了其他单位的文字");
                out.push(N_BODY_NAME.finding(s.span_of(i, i + p.len()), message));
            }
        }
    }
}
