//! The "work done in year N" pattern shared by N-STALE-YEAR and N-FUTURE-DONE.

use crate::text::YearToken;

/// Who did the work: 我局, 本街道, 全县, 我们 … (我/本/全 and a kind of body).
const SUBJECT_LEADS: [&str; 3] = ["我", "本", "全"];
const BODIES: [&str; 23] = [
    "街道办事处",
    "街道办",
    "街道",
    "单位",
    "机关",
    "中心",
    "部门",
    "局",
    "委",
    "办",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "省",
    "州",
    "盟",
    "旗",
    "厅",
    "部",
    "院",
    "们",
];

const VERBS: [&str; 8] = ["通过", "主动公开", "收到", "受理", "办理", "答复", "发布", "公开"];

/// `(Y)年(度)?(,)?(全年|以来)?(subject)?(,)?(共|累计|共计)?(verb)` right after the year token.
pub(super) fn reports_work_done(t: &str, tok: &YearToken, org: Option<&str>) -> bool {
    let mut rest = &t[tok.end..];
    rest = rest.strip_prefix('度').unwrap_or(rest);
    rest = rest.strip_prefix(',').unwrap_or(rest);
    for p in ["全年", "以来"] {
        rest = rest.strip_prefix(p).unwrap_or(rest);
    }
    rest = rest.strip_prefix(',').unwrap_or(rest);
    if let Some(s) = subject(rest) {
        rest = &rest[s..];
    } else if let Some(o) = org.filter(|o| !o.is_empty() && rest.starts_with(*o)) {
        rest = &rest[o.len()..];
    }
    rest = rest.strip_prefix(',').unwrap_or(rest);
    for p in ["共计", "累计", "共"] {
        if let Some(x) = rest.strip_prefix(p) {
            rest = x;
            break;
        }
    }
    VERBS.iter().any(|v| rest.starts_with(v))
}

/// The length of a subject at the start of `rest`.
fn subject(rest: &str) -> Option<usize> {
    let lead = SUBJECT_LEADS.iter().find(|l| rest.starts_with(**l))?;
    let after = &rest[lead.len()..];
    BODIES.iter().find(|b| after.starts_with(**b)).map(|b| lead.len() + b.len())
}
