//! The "work done in year N" pattern shared by N-STALE-YEAR and N-FUTURE-DONE.

use crate::text::YearToken;

const SUBJECTS: [&str; 26] = [
    "我局",
    "我委",
    "我办",
    "我镇",
    "我乡",
    "我区",
    "我县",
    "我市",
    "我街道",
    "我单位",
    "我中心",
    "我厅",
    "我部",
    "我院",
    "本单位",
    "本机关",
    "本局",
    "本委",
    "本办",
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "全省",
    "我们",
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
    if let Some(s) = SUBJECTS.iter().find(|s| rest.starts_with(**s)) {
        rest = &rest[s.len()..];
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
