//! The 整改清单 workbook opens as a real .xlsx (read back with calamine) and holds every finding.

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::io::Cursor;
use std::process::Command;

fn corpus(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(path)
}

#[test]
fn batch_workbook_holds_every_finding() {
    let dir = std::env::temp_dir().join(format!("nianbao-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy(corpus("2024_taoxi_zhen_wordcopy.txt"), dir.join("taoxi.txt")).expect("copy");
    std::fs::copy(corpus("real/2024_shanghai_kewei_pdfcopy.md"), dir.join("kewei.md")).expect("copy");
    let book = dir.join("整改清单.xlsx");
    let bin = env!("CARGO_BIN_EXE_nianbao");
    let status = Command::new(bin)
        .args(["check", "--format", "xlsx", "--output"])
        .arg(&book)
        .arg(&dir)
        .status()
        .expect("run nianbao");
    assert!(status.code().is_some_and(|c| c <= 1), "nianbao failed: {status}");
    // The same batch as JSON, to compare with.
    let json = Command::new(bin).args(["check", "--format", "json"]).arg(&dir).output().expect("run nianbao");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let files = v["files"].as_array().expect("files");
    let findings: usize = files.iter().map(|f| f["findings"].as_array().map_or(0, Vec::len)).sum();
    assert!(findings > 5);

    let mut wb: Xlsx<_> = open_workbook(&book).expect("a valid .xlsx");
    assert_eq!(wb.sheet_names(), vec!["汇总".to_string(), "问题清单".to_string()]);
    let summary = wb.worksheet_range("汇总").expect("summary sheet");
    assert_eq!(summary.height(), files.len() + 1);
    assert_eq!(summary.get_value((0, 1)), Some(&Data::String("单位".into())));
    let rows = wb.worksheet_range("问题清单").expect("findings sheet");
    assert_eq!(rows.height(), findings + 1, "one row per finding plus the header");
    // Every finding of the JSON is a row with its rule and message.
    for f in files {
        for x in f["findings"].as_array().expect("findings") {
            let (rule, msg) = (x["rule"].as_str().unwrap_or(""), x["message"].as_str().unwrap_or(""));
            let found = rows
                .rows()
                .any(|r| r.get(4) == Some(&Data::String(rule.into())) && r.get(5) == Some(&Data::String(msg.into())));
            assert!(found, "{rule} {msg} not in the workbook");
        }
    }
    // The seed report's year is a number cell.
    assert!(rows.rows().skip(1).any(|r| r.get(1) == Some(&Data::Float(2024.0))));
    let _ = std::fs::remove_dir_all(&dir);
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    }
}

/// A report as a web page whose markup is one single line (as CMSs save them): every non-empty line
/// of the text is one paragraph, so the Nth paragraph is line N of the visible text.
fn one_line_page(report: &str) -> (String, Vec<String>) {
    let paras: Vec<String> = report.lines().filter(|l| !l.trim().is_empty()).map(String::from).collect();
    let body: String = paras
        .iter()
        .map(|p| format!("<p style='text-align: justify'>{}</p>", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    (format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>"), paras)
}

#[test]
fn findings_sheet_is_chinese_with_human_places_and_visible_lines_for_html() {
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/_base/valid_2024_wordcopy.txt"),
    )
    .expect("base");
    let report = base.replace("2025年，我镇将", "2024年，我镇将").replace("等问题；", "等问提；");
    let (page, paras) = one_line_page(&report);
    assert_eq!(page.lines().count(), 1);
    let dir = std::env::temp_dir().join(format!("nianbao-xlsx-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let html = dir.join("page.html");
    std::fs::write(&html, &page).expect("write");
    let t3 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files/report_t3_wrong.html");
    let book = dir.join("清单.xlsx");
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "-f", "xlsx", "--no-pair", "-o"])
        .arg(&book)
        .arg(&html)
        .arg(&t3)
        .output()
        .expect("run nianbao");
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));

    let mut wb: Xlsx<_> = open_workbook(&book).expect("a valid .xlsx");
    let rows = wb.worksheet_range("问题清单").expect("findings sheet");
    let header: Vec<String> = rows.rows().next().expect("header").iter().map(|d| text(Some(d))).collect();
    assert_eq!(
        header,
        ["单位", "年度", "文件", "严重程度", "规则", "问题", "位置", "行号", "修改建议", "已核实", "说明"]
    );
    let row = |rule: &str| -> Vec<String> {
        rows.rows()
            .find(|r| text(r.get(4)) == rule)
            .unwrap_or_else(|| panic!("no {rule} row"))
            .iter()
            .map(|d| text(Some(d)))
            .collect()
    };
    // Lines of the visible text: the paragraph's number, not line 1 of the markup.
    let line_of = |needle: &str| paras.iter().position(|p| p.contains(needle)).expect("paragraph") + 1;
    let typo = row("S-TYPO");
    assert_eq!(&typo[..4], ["滔溪镇人民政府", "2024", html.to_string_lossy().as_ref(), "警告"]);
    assert_eq!(typo[6], format!("第五部分 · 第 {} 行", line_of("等问提；")));
    assert_eq!(typo[7], line_of("等问提；").to_string());
    assert!(line_of("等问提；") > 200);
    assert_eq!(typo[8], "将“问提”改为“问题”");
    assert_eq!(typo[9], "");
    let plan = row("N-PLAN-YEAR");
    assert_eq!((plan[3].as_str(), plan[7].clone()), ("错误", line_of("2024年，我镇将").to_string()));
    assert_eq!(plan[8], "将“2024年”改为“2025年”");
    // A table finding: the cell by its names in the form, and the value the table's relations give.
    let cell = row("T3-BALANCE");
    assert_eq!(cell[0], "某县人民政府办公室");
    assert_eq!(cell[6], "表三 · （七）总计 · 总计");
    assert_eq!(cell[8], "应为 61（请核对后修改）");
    // No internal key anywhere in the sheet.
    for r in rows.rows().skip(1) {
        for c in [6, 8] {
            let v = text(r.get(c));
            assert!(!v.contains("R24") && !v.contains("C7") && !v.contains("review."), "{v}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn verified_findings_are_listed_but_not_counted() {
    let report = std::fs::read_to_string(corpus("2024_taoxi_zhen_wordcopy.txt")).expect("seed");
    let mut checked = nianbao::check(&report, &nianbao::Options::default());
    let i = checked.findings.iter().position(|f| f.rule == "N-PLAN-YEAR").expect("the seed's error");
    checked.findings[i].verified = Some("已在第六部分说明".into());
    let errors_left = checked.findings.iter().filter(|f| f.severity == nianbao::diag::Severity::Error).count() - 1;
    let entry = nianbao::output::xlsx::Entry { path: "seed.txt", source: &report, checked: &checked };
    let bytes = nianbao::output::xlsx::workbook(&[entry]);
    let mut wb = Xlsx::new(Cursor::new(bytes)).expect("a valid .xlsx");
    let summary = wb.worksheet_range("汇总").expect("summary");
    let head: Vec<String> = summary.rows().next().unwrap().iter().map(|d| text(Some(d))).collect();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    let first = summary.rows().nth(1).expect("one report");
    assert_eq!(first.get(col("错误")), Some(&Data::Float(errors_left as f64)));
    assert_eq!(first.get(col("已核实")), Some(&Data::Float(1.0)));
    assert!(!text(first.get(col("最严重的问题"))).contains("改进计划"), "a verified finding is not the worst");
    let rows = wb.worksheet_range("问题清单").expect("findings");
    let r = rows.rows().find(|r| text(r.get(4)) == "N-PLAN-YEAR").expect("still listed");
    assert_eq!((text(r.get(9)), text(r.get(10))), ("已核实".to_string(), "已在第六部分说明".to_string()));
    // The same in the Chinese CSV and the text summary.
    let csv = nianbao::output::csv::rows_zh(&nianbao::output::sheet::Entry {
        path: "seed.txt",
        source: &report,
        checked: &checked,
    });
    assert!(csv.lines().any(|l| l.contains(",N-PLAN-YEAR,") && l.ends_with(",已核实,已在第六部分说明")), "{csv}");
    assert!(nianbao::output::text::summary("seed.txt", &checked).contains(&format!("— {errors_left} 个错误")));
}
