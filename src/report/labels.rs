//! The label dictionary of rules.md §2: section titles and table row/column labels.
//!
//! Every function takes text normalised with `text::label` (no blanks, width-folded, 其它→其他 …).

use crate::text::{split_ordinal, Ordinal, OrdinalStyle};

/// The six canonical section titles (rules.md §2.1).
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Matches a heading body (ordinal already stripped) to a canonical section: (1..=6, is a variant).
pub fn section_title(body: &str) -> Option<(u8, bool)> {
    let b = body.trim_end_matches(['。', ':', '：', ' ']);
    if b.chars().count() > 40 {
        return None;
    }
    if let Some(i) = SECTION_TITLES.iter().position(|c| b == *c) {
        return Some((i as u8 + 1, false));
    }
    // 一
    if b == "概述" || b.ends_with("总体情况") || b.ends_with("基本情况") && b.contains("政府信息公开") {
        return Some((1, true));
    }
    // 二
    if b.contains("主动公开政府信息") && b.ends_with("情况") && !b.contains("申请") {
        return Some((2, true));
    }
    // 三
    if (b.contains("收到和处理政府信息公开申请") || b.starts_with("依申请公开")) && b.ends_with("情况")
    {
        return Some((3, true));
    }
    // 四
    if b.contains("行政复议") && b.contains("行政诉讼") && b.ends_with("情况") {
        return Some((4, true));
    }
    // 五
    if b.contains("存在") && b.contains("问题") && (b.contains("改进") || b.contains("整改")) {
        return Some((5, true));
    }
    // 六
    if b.starts_with("其他需要报告") || b == "其他事项" || b == "其他报告的事项" || b == "其他需报告的事项"
    {
        return Some((6, true));
    }
    None
}

/// T3 row keys in official order (2021). `R21_23` stands for the single 2019 row （六）其他处理.
pub const T3_ROWS: [&str; 25] = [
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
    "R17", "R18", "R19", "R20", "R21", "R22", "R23", "R24", "R25",
];

/// The 2019 row order: （六）其他处理 is one row.
pub const T3_ROWS_2019: [&str; 23] = [
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
    "R17", "R18", "R19", "R20", "R21_23", "R24", "R25",
];

pub const T3_COLS: [&str; 7] = ["C1", "C2", "C3", "C4", "C5", "C6", "C7"];

/// The outcome rows of T3 that add up to （七）总计: （一）…（六）, 其他处理 as one row in 2019.
pub fn is_result_row(key: &str) -> bool {
    matches!(key, "R03" | "R04" | "R21_23") || (key > "R04" && key < "R24" && key.len() == 3)
}

/// Official labels of T3 rows, for messages.
pub fn t3_row_name(key: &str) -> &'static str {
    match key {
        "R01" => "一、本年新收政府信息公开申请数量",
        "R02" => "二、上年结转政府信息公开申请数量",
        "R03" => "（一）予以公开",
        "R04" => "（二）部分公开",
        "R05" => "（三）1.属于国家秘密",
        "R06" => "（三）2.其他法律行政法规禁止公开",
        "R07" => "（三）3.危及“三安全一稳定”",
        "R08" => "（三）4.保护第三方合法权益",
        "R09" => "（三）5.属于三类内部事务信息",
        "R10" => "（三）6.属于四类过程性信息",
        "R11" => "（三）7.属于行政执法案卷",
        "R12" => "（三）8.属于行政查询事项",
        "R13" => "（四）1.本机关不掌握相关政府信息",
        "R14" => "（四）2.没有现成信息需要另行制作",
        "R15" => "（四）3.补正后申请内容仍不明确",
        "R16" => "（五）1.信访举报投诉类申请",
        "R17" => "（五）2.重复申请",
        "R18" => "（五）3.要求提供公开出版物",
        "R19" => "（五）4.无正当理由大量反复申请",
        "R20" => "（五）5.要求行政机关确认或重新出具已获取信息",
        "R21" => "（六）1.申请人无正当理由逾期不补正",
        "R22" => "（六）2.申请人逾期未按收费通知要求缴纳费用",
        "R23" => "（六）3.其他",
        "R21_23" => "（六）其他处理",
        "R05_12" => "（三）不予公开（小计）",
        "R13_15" => "（四）无法提供（小计）",
        "R16_20" => "（五）不予处理（小计）",
        "R24" => "（七）总计",
        "R25" => "四、结转下年度继续办理",
        _ => "",
    }
}

/// Short names of T3 rows for formulas: 一, 二, 三, 四 …
pub fn t3_row_short(key: &str) -> &'static str {
    match key {
        "R01" => "一",
        "R02" => "二",
        "R24" => "三",
        "R25" => "四",
        _ => t3_row_name(key),
    }
}

pub fn t3_col_name(key: &str) -> &'static str {
    match key {
        "C1" => "自然人",
        "C2" => "商业企业",
        "C3" => "科研机构",
        "C4" => "社会公益组织",
        "C5" => "法律服务机构",
        "C6" => "其他",
        "C7" => "总计",
        "C2_6" => "法人或其他组织小计",
        _ => "",
    }
}

/// Classifies a normalised T3 row label. `after` is the last row key recognised before it.
pub fn t3_row(label: &str, after: Option<&str>) -> Option<&'static str> {
    let l = label;
    // Looking for a needle's first character first is much cheaper than a substring search, and
    // most pieces tried are not labels at all.
    if let Some((_, key)) =
        T3_NEEDLES.iter().find(|(needle, _)| needle.chars().next().is_some_and(|c| l.contains(c)) && l.contains(needle))
    {
        return Some(key);
    }
    let (ord, body) = split_ordinal(label);
    let key = if body == "其他处理" {
        "R21_23"
    } else if body == "不予公开" {
        "R05_12"
    } else if body == "无法提供" {
        "R13_15"
    } else if body == "不予处理" {
        "R16_20"
    } else if body == "其他"
        && (ord.is_some_and(|o| o.style == OrdinalStyle::Arabic) || matches!(after, Some("R21" | "R22")))
    {
        "R23"
    } else if body == "总计" || body == "小计" && after.is_some_and(|a| a >= "R20") {
        "R24"
    } else {
        return None;
    };
    Some(key)
}

/// Words that identify a T3 row wherever they stand in its label, in the order they are tried.
const T3_NEEDLES: [(&str, &str); 27] = [
    ("本年新收", "R01"),
    ("上年结转", "R02"),
    ("予以公开", "R03"),
    ("部分公开", "R04"),
    ("国家秘密", "R05"),
    ("法律行政法规禁止公开", "R06"),
    ("法律、行政法规禁止公开", "R06"),
    ("三安全一稳定", "R07"),
    ("第三方合法权益", "R08"),
    ("内部事务信息", "R09"),
    ("过程性信息", "R10"),
    ("行政执法案卷", "R11"),
    ("行政查询事项", "R12"),
    ("不掌握相关", "R13"),
    ("没有现成信息", "R14"),
    ("另行制作", "R14"),
    ("补正后申请内容", "R15"),
    ("仍不明确", "R15"),
    ("信访举报投诉", "R16"),
    ("大量反复申请", "R19"),
    ("重复申请", "R17"),
    ("公开出版物", "R18"),
    ("确认或重新出具", "R20"),
    ("逾期不补正", "R21"),
    ("收费通知", "R22"),
    ("缴纳费用", "R22"),
    ("结转下年度", "R25"),
];

/// Group labels of T3 (they span rows and carry no numbers of their own in the official layout).
pub fn t3_is_group(label: &str) -> bool {
    let (_, body) = split_ordinal(label);
    matches!(
        body,
        "本年度办理结果"
            | "不予公开"
            | "无法提供"
            | "不予处理"
            | "其他处理"
            | "申请人情况"
            | "法人或其他组织"
            | "三、本年度办理结果"
    ) || label.contains("本年度办理结果")
}

/// T3 column header words.
pub fn t3_col(label: &str) -> Option<&'static str> {
    Some(match label {
        "自然人" => "C1",
        "商业企业" => "C2",
        "科研机构" => "C3",
        "社会公益组织" => "C4",
        "法律服务机构" => "C5",
        "其他" => "C6",
        "总计" => "C7",
        "小计" | "法人或其他组织小计" => "C2_6",
        _ => return None,
    })
}

/// T2 row keys.
pub fn t2_row(label: &str) -> Option<&'static str> {
    let (_, body) = split_ordinal(label);
    let base = body.split('(').next().unwrap_or(body);
    Some(if base.starts_with("规章") {
        "regulations"
    } else if base.contains("规范性文件") {
        "normative_docs"
    } else if base.starts_with("行政许可") {
        "licensing"
    } else if base.starts_with("行政处罚") {
        "penalty"
    } else if base.starts_with("行政强制") {
        "enforcement"
    } else if base.starts_with("行政事业性收费") {
        "fees"
    } else if base.starts_with("其他对外管理服务事项") {
        "other_services"
    } else if base.starts_with("政府集中采购") {
        "procurement"
    } else {
        return None;
    })
}

pub fn t2_row_name(key: &str) -> &'static str {
    match key {
        "regulations" => "规章",
        "normative_docs" => "行政规范性文件",
        "licensing" => "行政许可",
        "penalty" => "行政处罚",
        "enforcement" => "行政强制",
        "fees" => "行政事业性收费",
        "other_services" => "其他对外管理服务事项",
        "procurement" => "政府集中采购",
        _ => "",
    }
}

/// T2 column header → key.
pub fn t2_col(label: &str) -> Option<&'static str> {
    let l = label;
    Some(if l.starts_with("本年制发") {
        "issued"
    } else if l.starts_with("本年废止") {
        "repealed"
    } else if l.starts_with("现行有效") {
        "in_force"
    } else if l.contains("处理决定") {
        "decisions"
    } else if l.contains("收费金额") {
        "amount"
    } else if l.starts_with("本年新制作") || l == "本年新制作数量" {
        "new_made"
    } else if l.starts_with("本年新公开") {
        "new_published"
    } else if l.starts_with("对外公开总数") {
        "total_published"
    } else if l.starts_with("上一年项目") {
        "prev_items"
    } else if l.starts_with("本年增") {
        "change"
    } else if l.starts_with("采购项目") {
        "procure_items"
    } else if l.starts_with("采购总金额") {
        "procure_amount"
    } else {
        return None;
    })
}

pub fn t2_col_name(key: &str) -> &'static str {
    match key {
        "issued" => "本年制发件数",
        "repealed" => "本年废止件数",
        "in_force" => "现行有效件数",
        "decisions" => "本年处理决定数量",
        "amount" => "本年收费金额（万元）",
        "new_made" => "本年新制作数量",
        "new_published" => "本年新公开数量",
        "total_published" => "对外公开总数量",
        "prev_items" => "上一年项目数量",
        "change" => "本年增/减",
        "procure_items" => "采购项目数量",
        "procure_amount" => "采购总金额",
        _ => "",
    }
}

/// The official columns of a T2 row in a format (used when the headers cannot be read).
pub fn t2_default_cols(row: &str, v2019: bool) -> &'static [&'static str] {
    match (row, v2019) {
        ("regulations" | "normative_docs", false) => &["issued", "repealed", "in_force"],
        ("regulations" | "normative_docs", true) => &["new_made", "new_published", "total_published"],
        ("licensing" | "penalty" | "enforcement", false) => &["decisions"],
        ("licensing" | "penalty" | "enforcement" | "other_services", true) => &["prev_items", "change", "decisions"],
        ("fees", false) => &["amount"],
        ("fees", true) => &["prev_items", "change"],
        ("procurement", _) => &["procure_items", "procure_amount"],
        _ => &["decisions"],
    }
}

/// T4 column keys in the official order of the 15 cells.
pub const T4_COLS: [&str; 15] = [
    "review.upheld",
    "review.corrected",
    "review.other",
    "review.pending",
    "review.total",
    "direct_suit.upheld",
    "direct_suit.corrected",
    "direct_suit.other",
    "direct_suit.pending",
    "direct_suit.total",
    "suit_after_review.upheld",
    "suit_after_review.corrected",
    "suit_after_review.other",
    "suit_after_review.pending",
    "suit_after_review.total",
];

pub fn t4_col_name(key: &str) -> String {
    let (g, r) = key.split_once('.').unwrap_or((key, ""));
    let g = match g {
        "review" => "行政复议",
        "direct_suit" => "未经复议直接起诉",
        "suit_after_review" => "复议后起诉",
        _ => g,
    };
    let r = match r {
        "upheld" => "结果维持",
        "corrected" => "结果纠正",
        "other" => "其他结果",
        "pending" => "尚未审结",
        "total" => "总计",
        _ => r,
    };
    format!("{g}·{r}")
}

/// Is this normalised text a heading ordinal style that counts as level 1?
pub fn is_level1(o: &Ordinal) -> bool {
    o.style == OrdinalStyle::Hanzi
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::label;

    #[test]
    fn t3_labels() {
        assert_eq!(t3_row(&label("一、本年新收政府信息公开申请数量"), None), Some("R01"));
        assert_eq!(t3_row(&label("（三）不予公开"), None), Some("R05_12"));
        assert_eq!(t3_row(&label("4.无正当理由大量反复申请"), None), Some("R19"));
        assert_eq!(t3_row(&label("3.其他"), Some("R22")), Some("R23"));
        assert_eq!(t3_row(&label("（七）总计"), None), Some("R24"));
        assert_eq!(t3_row(&label("四、结转下年度继续办理"), None), Some("R25"));
        assert_eq!(t3_row(&label("（六）其它处理"), None), Some("R21_23"));
        assert_eq!(t3_row(&label("（二）部份公开（区分处理的，只计这一情形，不计其他情形）"), None), Some("R04"));
    }

    #[test]
    fn section_titles() {
        assert_eq!(section_title(&label("总体情况")), Some((1, false)));
        assert_eq!(section_title(&label("政府信息公开行政复议、行政诉讼情况")), Some((4, false)));
        assert_eq!(section_title(&label("因政府信息公开工作被申请行政复议、提起行政诉讼情况")), Some((4, true)));
        assert_eq!(section_title(&label("存在的主要问题及整改措施")), Some((5, true)));
        assert_eq!(section_title(&label("其他需要报告的事项")), Some((6, false)));
        assert_eq!(section_title(&label("本年新收政府信息公开申请数量")), None);
    }

    #[test]
    fn t2_labels() {
        assert_eq!(t2_row(&label("规章")), Some("regulations"));
        assert_eq!(t2_row(&label("行政规范性文件")), Some("normative_docs"));
        assert_eq!(t2_col(&label("本年收费金额（单位：万元）")), Some("amount"));
    }
}
