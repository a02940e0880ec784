use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::{CellKey, T4Col};
use crate::rules::common::{clause_end, count_after, find_any, fmt_num, this_year_sentences};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 正文“行政复议 N 件”等于第四部分表格行政复议总计；“行政诉讼 N 件”等于未经复议直接起诉总计＋复议后起诉总计。
    /// 正文说“均维持、均获维持、均予维持”时，提到的各组结果纠正、其他结果应为 0；尚未审结大于 0 只作警告。
    ///
    /// 只看第一部分和第四部分中各说法的第一处；“复议后起诉 N 件”不当作行政复议件数；件数单位为件、起、宗。
    ///
    /// 表格的空白单元格在复制时丢失、数字无法逐格读出时（“1 1”），只有无论数字怎样对应到各列（各组总计等于结果之和），
    /// 都得不到正文的件数，才作为警告报告，并列出可能的数。
    ///
    /// ## 为什么是问题
    /// 正文与表格的复议、诉讼数字不符，或说“均获维持”而表格有纠正或未审结，两处必有一处不准确。
    ///
    /// ## 示例
    /// 错误：正文“行政复议7件，行政诉讼9件，均获维持”，表格诉讼尚未审结 2。
    /// 正确：正文写明“其中2件尚未审结”。
    ///
    /// ## 依据
    /// 报告内部一致性（上海市 2019 年报告的写法）。
    pub static T4_TEXT_COUNT = {
        id: "T4-TEXT-COUNT",
        severity: Error,
        title: "正文复议诉讼件数与表格一致",
        help: "核对正文中的复议、诉讼件数与“均获维持”的说法与表四。",
        check: check,
    }
}

const UNITS: [&str; 3] = ["件", "起", "宗"];

/// What a judgement on the readings of a T4 that lost its blanks assumes.
pub(crate) const BLANK_TOTALS: &str =
    "假定各组总计都已填写（复制时丢失的只是空白单元格）；若总计一格本来就留空，表格本身也不完整";

/// What the table says of a count: its value, or (a table whose figures could not be placed in
/// their columns) the values it has in every reading that adds up.
enum Table {
    Value(f64),
    OneOf(Vec<i64>),
}

impl Table {
    fn of(r: &crate::report::Report, cols: &[T4Col]) -> Option<Table> {
        let keys = cols.iter().map(|c| CellKey::T4(*c));
        r.sum(keys).map(Table::Value).or_else(|| r.t4_possible_sums(cols).map(Table::OneOf))
    }

    fn fits(&self, v: f64) -> bool {
        match self {
            Table::Value(t) => *t == v,
            Table::OneOf(values) => values.iter().any(|t| *t as f64 == v),
        }
    }
}

/// Keywords, the table's columns and their name for messages.
type Kind<'k> = (&'k [&'k str], &'k [T4Col], &'k str);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let sents = this_year_sentences(r, &[1, 4]);
    let kinds: [Kind; 2] = [
        (&["行政复议", "复议"], &[T4Col::ReviewTotal], "行政复议总计"),
        (
            &["行政诉讼", "诉讼"],
            &[T4Col::DirectTotal, T4Col::AfterTotal],
            "行政诉讼总计（未经复议直接起诉＋复议后起诉）",
        ),
    ];
    for (kws, cols, what) in kinds {
        let Some(table) = Table::of(r, cols) else { continue };
        // The cells to mark: none when the table was not read cell by cell.
        let cells: Vec<CellKey> = match table {
            Table::Value(_) => cols.iter().map(|c| CellKey::T4(*c)).collect(),
            Table::OneOf(_) => Vec::new(),
        };
        'sent: for st in &sents {
            let s = st.text();
            let mut from = 0;
            while let Some((ks, ke)) = find_any(s, from, kws) {
                from = ke;
                if s[ke..].starts_with("后") || s[ke..].starts_with("决定") || s[ke..].starts_with("机关") {
                    continue;
                }
                let Some(c) = count_after(s, ke, 8, &UNITS) else { continue };
                if !table.fits(c.value) {
                    let quote = r.text(st.span_of(ks, c.unit_end));
                    let message = match &table {
                        Table::Value(t) => format!(
                            "正文“{quote}”写的是 {} 件，而第四部分表格{}为 {}；两者应一致",
                            fmt_num(c.value),
                            what,
                            fmt_num(*t)
                        ),
                        Table::OneOf(values) => format!(
                            "正文“{quote}”写的是 {} 件；第四部分表格的空白单元格丢失或数字连在一起，无法逐格读出，但无论怎样读，{}都只能是 {}，不会是 {}；请核对正文或表格",
                            fmt_num(c.value),
                            what,
                            values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("、"),
                            fmt_num(c.value)
                        ),
                    };
                    let mut f = T4_TEXT_COUNT.finding(st.span_of(c.start, c.end), message).cells(cells.clone());
                    if matches!(table, Table::OneOf(_)) {
                        // Readings take every group's total as written; one left blank is a reading too.
                        f = f.severity(Severity::Warning).assume(BLANK_TOTALS);
                    }
                    out.push(f);
                }
                break 'sent;
            }
        }
    }
    upheld(ctx, &sents, out);
}

/// "均维持": no 纠正 / 其他 in the groups the sentence mentions.
fn upheld(ctx: &Context, sents: &[&crate::report::Sentence], out: &mut Vec<Finding>) {
    let r = ctx.report;
    for st in sents {
        let s = st.text();
        let Some((a, b)) = find_any(s, 0, &["均获维持", "均维持", "均予以维持", "均予维持", "均被维持", "全部维持"])
        else {
            continue;
        };
        let head = &s[..clause_end(s, b)];
        let [review, direct, after] = T4Col::GROUPS;
        let mut groups = Vec::new();
        if head.contains("复议") {
            groups.push(review);
        }
        if head.contains("诉讼") {
            groups.extend([direct, after]);
        }
        let span = st.span_of(a, b);
        let mut bad = Vec::new();
        let mut pending = Vec::new();
        let mut cells = Vec::new();
        for g in groups {
            // The results other than 维持: 纠正, 其他, 尚未审结.
            let [_, corrected, other, pending_col] = g.results;
            for (col, label) in [(corrected, "结果纠正"), (other, "其他结果"), (pending_col, "尚未审结")] {
                let key = CellKey::T4(col);
                if let Some(v) = r.number(key).filter(|v| *v > 0.0) {
                    let list = if col == pending_col { &mut pending } else { &mut bad };
                    list.push(format!("{}{label} {}", g.name, fmt_num(v)));
                    cells.push(key);
                }
            }
        }
        if !bad.is_empty() {
            let message = format!(
                "正文称“{}”，但第四部分表格中 {}；“均维持”与表格不符",
                r.text(span),
                bad.iter().chain(&pending).cloned().collect::<Vec<_>>().join("、")
            );
            out.push(T4_TEXT_COUNT.finding(span, message).cells(cells));
        } else if !pending.is_empty() {
            let message = format!(
                "正文称“{}”，但第四部分表格中 {}，尚有案件未审结；建议写明“其中…件尚未审结”",
                r.text(span),
                pending.join("、")
            );
            out.push(T4_TEXT_COUNT.finding(span, message).cells(cells).severity(Severity::Warning));
        }
        return;
    }
}
