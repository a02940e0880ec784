//! Every table cell of the seed report, the PDF-copied kewei report and an HTML report is recognised
//! with the right canonical key, and its span slices to exactly the cell's text in the input.

use nianbao::report::labels::{T3_COLS, T3_ROWS, T3_ROWS_2019, T4_COLS};
use nianbao::{check, Checked, Options};
use std::collections::BTreeMap;

fn corpus(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// (table, row, col) → raw text, after asserting that each span slices to the raw text.
fn cells(input: &str, checked: &Checked) -> BTreeMap<(String, String, String), String> {
    let mut out = BTreeMap::new();
    for c in &checked.report.cells {
        assert_eq!(&input[c.span.range()], c.raw, "span of {} {} {}", c.table, c.row, c.col);
        let dup = out.insert((c.table.to_string(), c.row.to_string(), c.col.to_string()), c.raw.clone());
        assert!(dup.is_none(), "cell {} {} {} recognised twice", c.table, c.row, c.col);
    }
    out
}

fn get<'a>(m: &'a BTreeMap<(String, String, String), String>, t: &str, r: &str, c: &str) -> &'a str {
    m.get(&(t.into(), r.into(), c.into())).map(String::as_str).unwrap_or_else(|| panic!("missing {t} {r} {c}"))
}

fn assert_complete_t3(m: &BTreeMap<(String, String, String), String>, rows: &[&str]) {
    for r in rows {
        for c in T3_COLS {
            get(m, "T3", r, c);
        }
    }
    for c in T4_COLS {
        get(m, "T4", "-", c);
    }
}

#[test]
fn seed_word_copy() {
    let input = corpus("2024_taoxi_zhen_wordcopy.txt");
    let checked = check(&input, &Options::default());
    assert_eq!(checked.report.year, Some(2024));
    assert_eq!(checked.report.format.as_str(), "2021");
    let m = cells(&input, &checked);
    // T2: 10 cells; T3: 23 rows of the 2019 layout (a single 其他处理 row); T4: 15.
    assert_eq!(m.len(), 10 + 23 * 7 + 15);
    assert_complete_t3(&m, &T3_ROWS_2019);
    assert_eq!(get(&m, "T2", "normative_docs", "in_force"), "1");
    assert_eq!(get(&m, "T2", "licensing", "decisions"), "82");
    assert_eq!(get(&m, "T2", "penalty", "decisions"), "3");
    assert_eq!(get(&m, "T2", "fees", "amount"), "0");
    assert_eq!(get(&m, "T3", "R21_23", "C7"), "0");
}

#[test]
fn kewei_pdf_copy() {
    let input = corpus("real/2024_shanghai_kewei_pdfcopy.md");
    let checked = check(&input, &Options::default());
    assert_eq!(checked.report.year, Some(2024));
    let m = cells(&input, &checked);
    assert_complete_t3(&m, &T3_ROWS);
    assert_eq!(m.len(), 10 + 25 * 7 + 15);
    // Labels separated from their numbers by the PDF extraction are placed by the official order.
    let row = |r: &str| T3_COLS.iter().map(|c| get(&m, "T3", r, c).to_string()).collect::<Vec<_>>().join(" ");
    assert_eq!(row("R01"), "32 2 0 0 0 0 34");
    assert_eq!(row("R04"), "0 0 0 0 0 0 0");
    assert_eq!(row("R09"), "1 0 0 0 0 0 1");
    assert_eq!(row("R13"), "4 0 0 0 0 0 4");
    assert_eq!(row("R14"), "6 0 0 0 0 0 6");
    assert_eq!(row("R21"), "8 2 0 0 0 0 10");
    assert_eq!(row("R22"), "0 0 0 0 0 0 0");
    assert_eq!(row("R24"), "33 2 0 0 0 0 35");
    assert_eq!(row("R25"), "1 0 0 0 0 0 "); // the 总计 cell was lost in extraction: blank
    assert_eq!(get(&m, "T2", "normative_docs", "in_force"), "55");
    assert_eq!(get(&m, "T2", "licensing", "decisions"), "97");
    assert_eq!(get(&m, "T4", "-", "review.upheld"), "1");
    assert_eq!(get(&m, "T4", "-", "review.total"), "1");
}

#[test]
fn html_table_with_spans() {
    let input = include_str!("fixtures/_html/t3_wrong_total.html");
    let checked = check(input, &Options::default());
    assert_eq!(checked.input, nianbao::input::InputKind::Html);
    let m = cells(input, &checked);
    assert_eq!(m.len(), 25 * 7);
    assert_eq!(get(&m, "T3", "R13", "C1"), "2");
    assert_eq!(get(&m, "T3", "R24", "C7"), "7");
    // The balance finding points at the 总计 cell of （七）总计 in the markup.
    let f = checked.findings.iter().find(|f| f.rule == "T3-BALANCE").expect("T3-BALANCE");
    assert_eq!(&input[f.span.range()], "7");
    let before = &input[..f.span.start];
    assert!(before.rfind("（七）总计").is_some_and(|i| before.len() - i < 200));
}

#[test]
fn rows_are_found_whatever_the_layout() {
    let labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"];
    let nums = ["3 0 0 0 0 1 4", "1 0 0 0 0 0 1"];
    let layouts: Vec<String> = vec![
        // web copy: tabs
        labels.iter().zip(nums).map(|(l, n)| format!("{l}\t{}", n.replace(' ', "\t"))).collect::<Vec<_>>().join("\n"),
        // PDF copy: spaces
        labels.iter().zip(nums).map(|(l, n)| format!("{l} {n}")).collect::<Vec<_>>().join("\n"),
        // Markdown
        labels
            .iter()
            .zip(nums)
            .map(|(l, n)| format!("| {l} | {} |", n.replace(' ', " | ")))
            .collect::<Vec<_>>()
            .join("\n"),
        // Word copy: one cell per line
        labels
            .iter()
            .zip(nums)
            .map(|(l, n)| format!("\t{l}\n{}", n.split(' ').map(|x| format!("\t{x}\n")).collect::<String>()))
            .collect::<Vec<_>>()
            .join("\n"),
    ];
    for text in layouts {
        let input = format!("三、收到和处理政府信息公开申请情况\n{text}\n");
        let checked = check(&input, &Options::default());
        let m = cells(&input, &checked);
        assert_eq!(get(&m, "T3", "R01", "C6"), "1", "{input}");
        assert_eq!(get(&m, "T3", "R01", "C7"), "4", "{input}");
        assert_eq!(get(&m, "T3", "R02", "C1"), "1", "{input}");
    }
}

/// The HTML fixture with some cells emptied: `<td></td>` and `<td>&nbsp;</td>` at the end of a row
/// and two all-blank rows.
fn html_with_blanks() -> String {
    let base = include_str!("fixtures/_html/t3_wrong_total.html");
    base.lines()
        .map(|l| {
            if l.contains("2.没有现成信息") || l.contains("3.要求提供公开出版物") {
                l.replace("<td>0</td>", "<td></td>")
            } else if l.contains("（四）无法提供") {
                // The last cell of the row blank.
                let at = l.rfind("<td>").unwrap_or(0);
                format!("{}<td>&nbsp;</td></tr>", &l[..at])
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn html_blank_cells_and_blank_rows_are_cells() {
    let input = html_with_blanks();
    let checked = check(&input, &Options::default());
    let m = cells(&input, &checked);
    assert_eq!(m.len(), 25 * 7, "every cell of T3 read, blank or not");
    for (r, c) in [("R14", "C1"), ("R14", "C7"), ("R18", "C4"), ("R13", "C7")] {
        let cell = checked.report.cells.iter().find(|x| x.row == r && x.col == c).expect("cell");
        assert_eq!(cell.value, None, "{r} {c} is blank");
    }
    // Blank cells are not missing cells: no row-width or rows-present finding.
    for rule in ["TBL-ROW-WIDTH", "T3-ROWS-PRESENT"] {
        assert!(!checked.findings.iter().any(|f| f.rule == rule), "{rule}: {:?}", checked.findings);
    }
    assert!(checked.findings.iter().any(|f| f.rule == "TBL-CELL-EMPTY"));
}

#[test]
fn hidden_html_content_is_not_read() {
    let input = "<p>一、总体情况</p><p hidden>2019年，本局共收到申请99件。</p>\
                 <div aria-hidden=\"true\">2018年12月30日</div><span style=\"display: none\">隐藏</span><p>可见</p>";
    let checked = check(input, &Options::default());
    let visible = checked.visible.as_ref().expect("HTML input keeps its visible text");
    assert_eq!(visible.text, "一、总体情况\n可见");
}

#[test]
fn markdown_headings_bold_and_radicals() {
    // A PDF→Markdown conversion: ATX headings, bold table cells, Kangxi radicals (⼀ ⼆ ⽂ ⾏).
    let input = "# 某县民政局2024年政府信息公开⼯作年度报告\n\n## ⼀、总体情况\n\n2024年，我局…\n\n## ⼆、主动公开政府信息情况\n\n\
                 ### 三、收到和处理政府信息公开申请情况\n\n| 一、本年新收政府信息公开申请数量 | **3** | 0 | 0 | 0 | 0 | 1 | **4** |\n";
    let checked = check(input, &Options::default());
    let titles: Vec<u8> = checked.report.sections.iter().map(|s| s.canonical).collect();
    assert_eq!(titles, vec![1, 2, 3]);
    assert_eq!(checked.report.year, Some(2024));
    let m = cells(input, &checked);
    assert_eq!(get(&m, "T3", "R01", "C1"), "3", "the span leaves the emphasis out");
    let c7 = checked.report.cells.iter().find(|c| c.row == "R01" && c.col == "C7").expect("C7");
    assert_eq!(c7.value, Some(4.0));
}
