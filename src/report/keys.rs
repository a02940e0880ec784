//! The one vocabulary of the tables: typed cell keys (contract.md §1) and every display name of a
//! table, row, column and part. A typo in a key is a compile error; the strings of the contract
//! come from here only.

use serde::Serialize;

/// Declares a key enum with its contract string and its display name.
macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal : $zh:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The key as contract.md writes it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),* }
            }

            /// The name people read in messages.
            pub fn name(self) -> &'static str {
                match self { $($name::$v => $zh),* }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$v),)* _ => None }
            }
        }
    };
}

/// The three statistical tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::T2, TableId::T3, TableId::T4];

    pub fn as_str(self) -> &'static str {
        match self {
            TableId::T2 => "T2",
            TableId::T3 => "T3",
            TableId::T4 => "T4",
        }
    }

    pub fn parse(s: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// "第三部分表格"
    pub fn name(self) -> &'static str {
        match self {
            TableId::T2 => "第二部分表格",
            TableId::T3 => "第三部分表格",
            TableId::T4 => "第四部分表格",
        }
    }

    /// The part (1..=6) the table belongs to.
    pub fn part(self) -> u8 {
        match self {
            TableId::T2 => 2,
            TableId::T3 => 3,
            TableId::T4 => 4,
        }
    }
}

keys! {
    /// T3 rows in the official order (2021), the single 2019 row （六）其他处理 (`R21_23`), and the
    /// subtotal rows some reports add for （三）（四）（五）.
    T3Row {
        R01 = "R01": "一、本年新收政府信息公开申请数量",
        R02 = "R02": "二、上年结转政府信息公开申请数量",
        R03 = "R03": "（一）予以公开",
        R04 = "R04": "（二）部分公开",
        R05 = "R05": "（三）1.属于国家秘密",
        R06 = "R06": "（三）2.其他法律行政法规禁止公开",
        R07 = "R07": "（三）3.危及“三安全一稳定”",
        R08 = "R08": "（三）4.保护第三方合法权益",
        R09 = "R09": "（三）5.属于三类内部事务信息",
        R10 = "R10": "（三）6.属于四类过程性信息",
        R11 = "R11": "（三）7.属于行政执法案卷",
        R12 = "R12": "（三）8.属于行政查询事项",
        R13 = "R13": "（四）1.本机关不掌握相关政府信息",
        R14 = "R14": "（四）2.没有现成信息需要另行制作",
        R15 = "R15": "（四）3.补正后申请内容仍不明确",
        R16 = "R16": "（五）1.信访举报投诉类申请",
        R17 = "R17": "（五）2.重复申请",
        R18 = "R18": "（五）3.要求提供公开出版物",
        R19 = "R19": "（五）4.无正当理由大量反复申请",
        R20 = "R20": "（五）5.要求行政机关确认或重新出具已获取信息",
        R21 = "R21": "（六）1.申请人无正当理由逾期不补正",
        R22 = "R22": "（六）2.申请人逾期未按收费通知要求缴纳费用",
        R23 = "R23": "（六）3.其他",
        R24 = "R24": "（七）总计",
        R25 = "R25": "四、结转下年度继续办理",
        R21_23 = "R21_23": "（六）其他处理",
        R05_12 = "R05_12": "（三）不予公开（小计）",
        R13_15 = "R13_15": "（四）无法提供（小计）",
        R16_20 = "R16_20": "（五）不予处理（小计）",
    }
}

impl T3Row {
    /// The rows of the 2021 layout, in order.
    pub const V2021: [T3Row; 25] = {
        use T3Row::*;
        [
            R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21,
            R22, R23, R24, R25,
        ]
    };

    /// The rows of the 2019 layout: （六）其他处理 is one row.
    pub const V2019: [T3Row; 23] = {
        use T3Row::*;
        [
            R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21_23,
            R24, R25,
        ]
    };

    /// （三）不予公开, （四）无法提供, （五）不予处理: their rows.
    pub const WITHHELD: [T3Row; 8] = {
        use T3Row::*;
        [R05, R06, R07, R08, R09, R10, R11, R12]
    };
    pub const UNAVAILABLE: [T3Row; 3] = [T3Row::R13, T3Row::R14, T3Row::R15];
    pub const NOT_PROCESSED: [T3Row; 5] = [T3Row::R16, T3Row::R17, T3Row::R18, T3Row::R19, T3Row::R20];
    /// （六）其他处理 in 2021.
    pub const OTHER_2021: [T3Row; 3] = [T3Row::R21, T3Row::R22, T3Row::R23];

    /// An outcome row: one of those that add up to （七）总计.
    pub fn is_outcome(self) -> bool {
        use T3Row::*;
        !matches!(self, R01 | R02 | R24 | R25 | R05_12 | R13_15 | R16_20)
    }

    /// The rows a subtotal row stands for.
    pub fn parts(self) -> &'static [T3Row] {
        match self {
            T3Row::R05_12 => &T3Row::WITHHELD,
            T3Row::R13_15 => &T3Row::UNAVAILABLE,
            T3Row::R16_20 => &T3Row::NOT_PROCESSED,
            T3Row::R21_23 => &T3Row::OTHER_2021,
            _ => &[],
        }
    }

    /// Short names for formulas: 一, 二, 三 (the total of the outcomes), 四.
    pub fn short(self) -> &'static str {
        match self {
            T3Row::R01 => "一",
            T3Row::R02 => "二",
            T3Row::R24 => "三",
            T3Row::R25 => "四",
            r => r.name(),
        }
    }
}

keys! {
    /// T3 columns; `C2_6` is the 法人或其他组织 subtotal column some reports add.
    T3Col {
        C1 = "C1": "自然人",
        C2 = "C2": "商业企业",
        C3 = "C3": "科研机构",
        C4 = "C4": "社会公益组织",
        C5 = "C5": "法律服务机构",
        C6 = "C6": "其他",
        C7 = "C7": "总计",
        C2_6 = "C2_6": "法人或其他组织小计",
    }
}

impl T3Col {
    /// The seven columns of the format, in order.
    pub const SEVEN: [T3Col; 7] = [T3Col::C1, T3Col::C2, T3Col::C3, T3Col::C4, T3Col::C5, T3Col::C6, T3Col::C7];
    /// The applicant columns that add up to 总计.
    pub const APPLICANTS: [T3Col; 6] = [T3Col::C1, T3Col::C2, T3Col::C3, T3Col::C4, T3Col::C5, T3Col::C6];
    /// The five kinds of 法人或其他组织.
    pub const ORGS: [T3Col; 5] = [T3Col::C2, T3Col::C3, T3Col::C4, T3Col::C5, T3Col::C6];
}

keys! {
    /// T2 rows (2021; `OtherServices` and `Procurement` only in 2019).
    T2Row {
        Regulations = "regulations": "规章",
        NormativeDocs = "normative_docs": "行政规范性文件",
        Licensing = "licensing": "行政许可",
        Penalty = "penalty": "行政处罚",
        Enforcement = "enforcement": "行政强制",
        Fees = "fees": "行政事业性收费",
        OtherServices = "other_services": "其他对外管理服务事项",
        Procurement = "procurement": "政府集中采购",
    }
}

impl T2Row {
    pub const V2021: [T2Row; 6] =
        [T2Row::Regulations, T2Row::NormativeDocs, T2Row::Licensing, T2Row::Penalty, T2Row::Enforcement, T2Row::Fees];
    pub const V2019: [T2Row; 8] = [
        T2Row::Regulations,
        T2Row::NormativeDocs,
        T2Row::Licensing,
        T2Row::OtherServices,
        T2Row::Penalty,
        T2Row::Enforcement,
        T2Row::Fees,
        T2Row::Procurement,
    ];

    /// The official columns of the row in a format (used when the headers cannot be read).
    pub fn columns(self, v2019: bool) -> &'static [T2Col] {
        use T2Col::*;
        use T2Row::*;
        match (self, v2019) {
            (Regulations | NormativeDocs, false) => &[Issued, Repealed, InForce],
            (Regulations | NormativeDocs, true) => &[NewMade, NewPublished, TotalPublished],
            (Licensing | Penalty | Enforcement, false) => &[Decisions],
            (Licensing | Penalty | Enforcement | OtherServices, true) => &[PrevItems, Change, Decisions],
            (Fees, false) => &[Amount],
            (Fees, true) => &[PrevItems, Change],
            (Procurement, _) => &[ProcureItems, ProcureAmount],
            (OtherServices, false) => &[Decisions],
        }
    }
}

keys! {
    /// T2 columns (2021, then the 2019 ones).
    T2Col {
        Issued = "issued": "本年制发件数",
        Repealed = "repealed": "本年废止件数",
        InForce = "in_force": "现行有效件数",
        Decisions = "decisions": "本年处理决定数量",
        Amount = "amount": "本年收费金额（万元）",
        NewMade = "new_made": "本年新制作数量",
        NewPublished = "new_published": "本年新公开数量",
        TotalPublished = "total_published": "对外公开总数量",
        PrevItems = "prev_items": "上一年项目数量",
        Change = "change": "本年增/减",
        ProcureItems = "procure_items": "采购项目数量",
        ProcureAmount = "procure_amount": "采购总金额",
    }
}

keys! {
    /// T4's fifteen cells: three groups × five results.
    T4Col {
        ReviewUpheld = "review.upheld": "行政复议·结果维持",
        ReviewCorrected = "review.corrected": "行政复议·结果纠正",
        ReviewOther = "review.other": "行政复议·其他结果",
        ReviewPending = "review.pending": "行政复议·尚未审结",
        ReviewTotal = "review.total": "行政复议·总计",
        DirectUpheld = "direct_suit.upheld": "未经复议直接起诉·结果维持",
        DirectCorrected = "direct_suit.corrected": "未经复议直接起诉·结果纠正",
        DirectOther = "direct_suit.other": "未经复议直接起诉·其他结果",
        DirectPending = "direct_suit.pending": "未经复议直接起诉·尚未审结",
        DirectTotal = "direct_suit.total": "未经复议直接起诉·总计",
        AfterUpheld = "suit_after_review.upheld": "复议后起诉·结果维持",
        AfterCorrected = "suit_after_review.corrected": "复议后起诉·结果纠正",
        AfterOther = "suit_after_review.other": "复议后起诉·其他结果",
        AfterPending = "suit_after_review.pending": "复议后起诉·尚未审结",
        AfterTotal = "suit_after_review.total": "复议后起诉·总计",
    }
}

/// The three groups of T4, each with its four results and its total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T4Group {
    /// "行政复议", "未经复议直接起诉", "复议后起诉"
    pub name: &'static str,
    pub results: [T4Col; 4],
    pub total: T4Col,
}

impl T4Col {
    pub const GROUPS: [T4Group; 3] = {
        use T4Col::*;
        [
            T4Group {
                name: "行政复议",
                results: [ReviewUpheld, ReviewCorrected, ReviewOther, ReviewPending],
                total: ReviewTotal,
            },
            T4Group {
                name: "未经复议直接起诉",
                results: [DirectUpheld, DirectCorrected, DirectOther, DirectPending],
                total: DirectTotal,
            },
            T4Group {
                name: "复议后起诉",
                results: [AfterUpheld, AfterCorrected, AfterOther, AfterPending],
                total: AfterTotal,
            },
        ]
    };
}

/// A row of one of the tables (T4 has one row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKey {
    T2(T2Row),
    T3(T3Row),
    T4,
}

impl RowKey {
    /// The row's name for messages (T4's one row has none).
    pub fn name(self) -> &'static str {
        match self {
            RowKey::T2(r) => r.name(),
            RowKey::T3(r) => r.name(),
            RowKey::T4 => "",
        }
    }
}

/// A cell of one of the tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellKey {
    T2(T2Row, T2Col),
    T3(T3Row, T3Col),
    T4(T4Col),
}

impl CellKey {
    pub fn table(self) -> TableId {
        match self {
            CellKey::T2(..) => TableId::T2,
            CellKey::T3(..) => TableId::T3,
            CellKey::T4(..) => TableId::T4,
        }
    }

    /// The row as contract.md writes it ("-" for T4's one row).
    pub fn row_str(self) -> &'static str {
        match self {
            CellKey::T2(r, _) => r.as_str(),
            CellKey::T3(r, _) => r.as_str(),
            CellKey::T4(_) => "-",
        }
    }

    /// The row the cell is in.
    pub fn row(self) -> RowKey {
        match self {
            CellKey::T2(r, _) => RowKey::T2(r),
            CellKey::T3(r, _) => RowKey::T3(r),
            CellKey::T4(_) => RowKey::T4,
        }
    }

    pub fn col_str(self) -> &'static str {
        match self {
            CellKey::T2(_, c) => c.as_str(),
            CellKey::T3(_, c) => c.as_str(),
            CellKey::T4(c) => c.as_str(),
        }
    }

    pub fn parse(table: &str, row: &str, col: &str) -> Option<CellKey> {
        Some(match TableId::parse(table)? {
            TableId::T2 => CellKey::T2(T2Row::parse(row)?, T2Col::parse(col)?),
            TableId::T3 => CellKey::T3(T3Row::parse(row)?, T3Col::parse(col)?),
            TableId::T4 => CellKey::T4(T4Col::parse(col)?),
        })
    }

    /// How many cell keys there are: `index` is below this.
    pub const COUNT: usize =
        T2Row::ALL.len() * T2Col::ALL.len() + T3Row::ALL.len() * T3Col::ALL.len() + T4Col::ALL.len();

    /// A dense number for every cell key, for lookups by key without a hash map.
    pub fn index(self) -> usize {
        let t2 = T2Row::ALL.len() * T2Col::ALL.len();
        let t3 = T3Row::ALL.len() * T3Col::ALL.len();
        match self {
            CellKey::T2(r, c) => r as usize * T2Col::ALL.len() + c as usize,
            CellKey::T3(r, c) => t2 + r as usize * T3Col::ALL.len() + c as usize,
            CellKey::T4(c) => t2 + t3 + c as usize,
        }
    }

    /// "（七）总计·总计" for messages.
    pub fn name(self) -> String {
        match self {
            CellKey::T2(r, c) => format!("{}·{}", r.name(), c.name()),
            CellKey::T3(r, c) => format!("{}·{}", r.name(), c.name()),
            CellKey::T4(c) => c.name().to_string(),
        }
    }
}

/// "T3.R01.C7", as tests and snapshots write a cell.
impl std::fmt::Display for CellKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.table().as_str(), self.row_str(), self.col_str())
    }
}

/// In JSON a cell is `{"table":"T3","row":"R01","col":"C7"}` (contract.md §1).
impl Serialize for CellKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("CellRef", 3)?;
        st.serialize_field("table", self.table().as_str())?;
        st.serialize_field("row", self.row_str())?;
        st.serialize_field("col", self.col_str())?;
        st.end()
    }
}

/// The six canonical part titles (rules.md §2.1).
pub const PART_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// 一 … 十 for part numbers in messages.
pub fn hanzi(n: u32) -> &'static str {
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].get(n as usize).copied().unwrap_or("?")
}

/// "第三部分“收到和处理政府信息公开申请情况”" for messages.
pub fn part_name(canonical: u8) -> String {
    let title = PART_TITLES.get(usize::from(canonical).wrapping_sub(1)).copied().unwrap_or("");
    format!("第{}部分“{}”", hanzi(u32::from(canonical)), title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_contract_strings() {
        for t in TableId::ALL {
            assert_eq!(TableId::parse(t.as_str()), Some(t));
        }
        for r in T3Row::ALL {
            for c in T3Col::ALL {
                let k = CellKey::T3(*r, *c);
                assert_eq!(CellKey::parse("T3", k.row_str(), k.col_str()), Some(k));
            }
        }
        for c in T4Col::ALL {
            assert_eq!(CellKey::parse("T4", "-", c.as_str()), Some(CellKey::T4(*c)));
        }
        assert_eq!(
            serde_json::to_string(&CellKey::T3(T3Row::R24, T3Col::C7)).ok().as_deref(),
            Some(r#"{"table":"T3","row":"R24","col":"C7"}"#)
        );
    }
}
