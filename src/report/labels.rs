//! The label dictionary of rules.md §2: section titles and table row/column labels.
//!
//! Every function takes text normalised with `text::label` (no blanks, width-folded, 其它→其他 …).

use super::keys::{T2Col, T2Row, T3Col, T3Row, PART_TITLES};
use crate::text::{split_ordinal, Ordinal, OrdinalStyle};

/// Matches a heading body (ordinal already stripped) to a canonical section: (1..=6, is a variant).
pub fn section_title(body: &str) -> Option<(u8, bool)> {
    let b = body.trim_end_matches(['。', ':', '：', ' ']);
    if b.chars().count() > 40 {
        return None;
    }
    if let Some(i) = PART_TITLES.iter().position(|c| b == *c) {
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

/// Classifies a normalised T3 row label. `after` is the last row key recognised before it.
pub fn t3_row(label: &str, after: Option<T3Row>) -> Option<T3Row> {
    use T3Row::*;
    let l = label;
    // Looking for a needle's first character first is much cheaper than a substring search, and
    // most pieces tried are not labels at all.
    if let Some((_, key)) =
        T3_NEEDLES.iter().find(|(needle, _)| needle.chars().next().is_some_and(|c| l.contains(c)) && l.contains(needle))
    {
        return Some(*key);
    }
    let (ord, body) = split_ordinal(label);
    let key = if body == "其他处理" {
        R21_23
    } else if body == "不予公开" {
        R05_12
    } else if body == "无法提供" {
        R13_15
    } else if body == "不予处理" {
        R16_20
    } else if body == "其他" && ord.is_some_and(|o| o.style == OrdinalStyle::ParenHanzi && o.number == 6) {
        // "（六）其他处理" cut short by a wrap or a page break: the group, not its "3.其他" row.
        R21_23
    } else if body == "其他"
        && (ord.is_some_and(|o| o.style == OrdinalStyle::Arabic) || matches!(after, Some(R21 | R22)))
    {
        R23
    } else if body == "总计" || body == "小计" && matches!(after, Some(R20 | R21 | R22 | R23 | R24 | R25 | R21_23))
    {
        R24
    } else {
        return None;
    };
    Some(key)
}

/// Words that identify a T3 row wherever they stand in its label, in the order they are tried.
/// A label cut short by a wrap in a PDF or OCR copy ("2.申请人逾期未按收") is still found by its start.
const T3_NEEDLES: [(&str, T3Row); 45] = [
    ("本年新收", T3Row::R01),
    ("上年结转", T3Row::R02),
    ("予以公开", T3Row::R03),
    ("部分公开", T3Row::R04),
    ("国家秘密", T3Row::R05),
    ("法律行政法规禁止公开", T3Row::R06),
    ("法律、行政法规禁止公开", T3Row::R06),
    ("三安全一稳定", T3Row::R07),
    ("第三方合法权益", T3Row::R08),
    ("内部事务信息", T3Row::R09),
    ("过程性信息", T3Row::R10),
    ("行政执法案卷", T3Row::R11),
    ("行政查询事项", T3Row::R12),
    ("不掌握相关", T3Row::R13),
    ("没有现成信息", T3Row::R14),
    ("另行制作", T3Row::R14),
    ("补正后申请内容", T3Row::R15),
    ("仍不明确", T3Row::R15),
    ("信访举报投诉", T3Row::R16),
    ("大量反复申请", T3Row::R19),
    ("重复申请", T3Row::R17),
    ("公开出版物", T3Row::R18),
    ("确认或重新出具", T3Row::R20),
    ("逾期不补正", T3Row::R21),
    ("收费通知", T3Row::R22),
    ("缴纳费用", T3Row::R22),
    ("结转下年度", T3Row::R25),
    // The openings of the long labels, for labels cut short by a wrap.
    ("国家秘", T3Row::R05),
    ("法律行政法规禁", T3Row::R06),
    ("其他法律行政", T3Row::R06),
    ("三安全", T3Row::R07),
    ("保护第三方", T3Row::R08),
    ("三类内部事务", T3Row::R09),
    ("四类过程性", T3Row::R10),
    ("行政执法案", T3Row::R11),
    ("行政查询事", T3Row::R12),
    ("本机关不掌握", T3Row::R13),
    ("没有现成", T3Row::R14),
    ("补正后申请", T3Row::R15),
    ("信访举报", T3Row::R16),
    ("提供公开出版", T3Row::R18),
    ("无正当理由大量", T3Row::R19),
    ("要求行政机关确认", T3Row::R20),
    ("申请人无正当理由", T3Row::R21),
    ("申请人逾期未按", T3Row::R22),
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
pub fn t3_col(label: &str) -> Option<T3Col> {
    Some(match label {
        "自然人" => T3Col::C1,
        "商业企业" => T3Col::C2,
        "科研机构" => T3Col::C3,
        "社会公益组织" => T3Col::C4,
        "法律服务机构" => T3Col::C5,
        "其他" => T3Col::C6,
        "总计" => T3Col::C7,
        "小计" | "法人或其他组织小计" => T3Col::C2_6,
        _ => return None,
    })
}

/// T2 row keys.
pub fn t2_row(label: &str) -> Option<T2Row> {
    let (_, body) = split_ordinal(label);
    let base = body.split('(').next().unwrap_or(body);
    Some(if base.starts_with("规章") {
        T2Row::Regulations
    } else if base.contains("规范性文件") {
        T2Row::NormativeDocs
    } else if base.starts_with("行政许可") {
        T2Row::Licensing
    } else if base.starts_with("行政处罚") {
        T2Row::Penalty
    } else if base.starts_with("行政强制") {
        T2Row::Enforcement
    } else if base.starts_with("行政事业性收费") {
        T2Row::Fees
    } else if base.starts_with("其他对外管理服务事项") {
        T2Row::OtherServices
    } else if base.starts_with("政府集中采购") {
        T2Row::Procurement
    } else {
        return None;
    })
}

/// T2 column header → key.
pub fn t2_col(label: &str) -> Option<T2Col> {
    use T2Col::*;
    let l = label;
    Some(if l.starts_with("本年制发") {
        Issued
    } else if l.starts_with("本年废止") {
        Repealed
    } else if l.starts_with("现行有效") {
        InForce
    } else if l.contains("处理决定") {
        Decisions
    } else if l.contains("收费金额") {
        Amount
    } else if l.starts_with("本年新制作") {
        NewMade
    } else if l.starts_with("本年新公开") {
        NewPublished
    } else if l.starts_with("对外公开总数") {
        TotalPublished
    } else if l.starts_with("上一年项目") {
        PrevItems
    } else if l.starts_with("本年增") {
        Change
    } else if l.starts_with("采购项目") {
        ProcureItems
    } else if l.starts_with("采购总金额") {
        ProcureAmount
    } else {
        return None;
    })
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
        use T3Row::*;
        assert_eq!(t3_row(&label("一、本年新收政府信息公开申请数量"), None), Some(R01));
        assert_eq!(t3_row(&label("（三）不予公开"), None), Some(R05_12));
        assert_eq!(t3_row(&label("4.无正当理由大量反复申请"), None), Some(R19));
        assert_eq!(t3_row(&label("3.其他"), Some(R22)), Some(R23));
        assert_eq!(t3_row(&label("（七）总计"), None), Some(R24));
        assert_eq!(t3_row(&label("四、结转下年度继续办理"), None), Some(R25));
        assert_eq!(t3_row(&label("（六）其它处理"), None), Some(R21_23));
        assert_eq!(t3_row(&label("（二）部份公开（区分处理的，只计这一情形，不计其他情形）"), None), Some(R04));
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
        assert_eq!(t2_row(&label("规章")), Some(T2Row::Regulations));
        assert_eq!(t2_row(&label("行政规范性文件")), Some(T2Row::NormativeDocs));
        assert_eq!(t2_col(&label("本年收费金额（单位：万元）")), Some(T2Col::Amount));
    }
}
