use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::report::query::T3Layout;
use crate::report::{RowKey, T3Row, TableId};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格的 25 个数据行（2019 年格式为 23 行，（六）其他处理只有一行）都在，各出现一次，次序与官方
    /// 格式一致。
    ///
    /// 表格如果一直延续到输入末尾（后面没有任何部分标题或表格），多半是复制或网页摘录时被截断，
    /// 缺少的末尾各行不报告；只报告已识别各行之间缺少的行。另有未能识别标签的数据行时，
    /// 缺行可能只是标签写法不同，降为警告；连续缺少 4 行以上时多半是表格未能完整识别（例如复制时格式错乱），
    /// 也降为警告。识别出的行少于 3 行时（表格多半没有读出来）不判断。
    /// 复制时空白单元格丢失或数字连在一起、数字无法对应到各列时，只要九成以上的行按行名识别出来，仍判断缺行
    /// （哪些行在是确定的，只是各行的数字不确定）。
    ///
    /// ## 为什么是问题
    /// 删行会使各项办理结果之和与总计无法核对，也说明没有使用官方格式。
    ///
    /// ## 示例
    /// 错误：（五）不予处理下缺少“4.无正当理由大量反复申请”一行。
    /// 正确：按官方格式保留全部各行，没有数据的填 0。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式 表三；2019 年格式见国办公开办函〔2019〕60号。
    pub static T3_ROWS_PRESENT = {
        id: "T3-ROWS-PRESENT",
        severity: Error,
        title: "第三部分表格各行齐全",
        help: "按官方格式补齐缺少的行，没有数据的填 0。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(t) = r.table(TableId::T3) else { return };
    // A table read to less than 90 % is not judged (TBL-UNREAD says so), unless only its figures
    // could not be placed: its rows were still recognised by their labels.
    if !r.read(TableId::T3).sure() && !crate::report::read::t3_labels_read(t) {
        return;
    }
    // Fewer than 3 recognised rows: the table was not read (an image, a cut header, a layout the
    // parser does not know); listing every row as missing would only be noise.
    if t.rows.len() < 3 {
        return;
    }
    let order: &[T3Row] = match r.t3_layout() {
        T3Layout::V2019 => &T3Row::V2019,
        T3Layout::V2021 => &T3Row::V2021,
    };
    let found = |k: T3Row| t.rows.iter().find(|x| x.key == RowKey::T3(k));
    let last_found = order.iter().rposition(|k| found(*k).is_some()).unwrap_or(0);
    let limit = if r.ends_within(t.span.end) { last_found } else { order.len() };
    let unknown = t.unknown_rows.len();
    let mut i = 0;
    while i < limit {
        if found(order[i]).is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < limit && found(order[i]).is_none() {
            i += 1;
        }
        let run = &order[start..i];
        // Point at the row the missing ones should precede, else at the last row.
        let anchor = order[i..].iter().find_map(|k| found(*k)).or_else(|| t.rows.last());
        let Some(anchor) = anchor else { continue };
        let names: Vec<String> = run.iter().map(|k| format!("“{}”", k.name())).collect();
        let message = if i < order.len() {
            format!("第三部分表格缺少 {} 行：{}（应在“{}”之前）", run.len(), names.join("、"), anchor.key.name())
        } else {
            format!("第三部分表格缺少 {} 行：{}（应在表格末尾）", run.len(), names.join("、"))
        };
        let mut f = T3_ROWS_PRESENT.finding(anchor.point(), message);
        if unknown >= run.len() {
            f = f.severity(Severity::Warning);
            f.message.push_str(&format!("；表中另有 {unknown} 行未能识别标签，可能只是行名写法不同"));
        } else if run.len() > 3 {
            // Real reports drop a row or two; a long run is more likely a table the checker could not read.
            f = f.severity(Severity::Warning);
            f.message.push_str("；缺少的行较多，也可能是表格未能完整识别，请核对原表");
        }
        out.push(f);
    }
}
