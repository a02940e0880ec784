use super::util::is_2019;
use crate::declare_rule;
use crate::diag::Finding;
use crate::report::labels::t2_col;
use crate::report::{T2Col, TableId};
use crate::rules::Context;

declare_rule! {
    /// ## 检查内容
    /// 第二十条第（一）项的三列应依次为“本年制发件数、本年废止件数、现行有效件数”；（五）（六）项为
    /// “本年处理决定数量”；（八）项为“本年收费金额（单位：万元）”。检查表头中各栏目的先后顺序；
    /// 表头未能识别（如 PDF 复制丢失）时不检查。2019 年试行格式的表格由 STRUCT-FORMAT-VERSION 处理。
    ///
    /// ## 为什么是问题
    /// 栏目顺序颠倒时，读者按格式读数会把现行有效件数当成本年废止件数，数据含义完全改变。
    ///
    /// ## 示例
    /// 错误：表头为“信息内容 | 本年制发件数 | 现行有效件数 | 本年废止件数”。
    /// 正确：“信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数”。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号 年度报告格式表二。
    pub static T2_COLUMNS_2021 = {
        id: "T2-COLUMNS-2021",
        severity: Error,
        title: "第二部分表格栏目顺序",
        help: "按年报格式排列表头：本年制发件数、本年废止件数、现行有效件数。",
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if is_2019(r) {
        return;
    }
    let Some(t) = r.table(TableId::T2) else { return };
    let want = [T2Col::Issued, T2Col::Repealed, T2Col::InForce];
    let cols: Vec<(T2Col, crate::span::Span)> =
        t.headers.iter().filter_map(|(h, s)| t2_col(h).filter(|k| want.contains(k)).map(|k| (k, *s))).collect();
    // The first run of three distinct (一) headers.
    for w in cols.windows(3) {
        let keys: Vec<T2Col> = w.iter().map(|x| x.0).collect();
        let mut sorted = keys.clone();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        if sorted.len() != 3 {
            continue;
        }
        if keys != want {
            let bad = w.iter().zip(want).find(|(x, k)| x.0 != *k).map(|(x, _)| *x);
            if let Some((k, span)) = bad {
                let shown: Vec<&str> = keys.iter().map(|k| k.name()).collect();
                out.push(T2_COLUMNS_2021.finding(span,
                    format!(
                        "第二十条第（一）项的栏目顺序为“{}”，年报格式为“本年制发件数、本年废止件数、现行有效件数”；“{}”位置不对",
                        shown.join("、"),
                        k.name()
                    ),
                ));
            }
        }
        return;
    }
}
