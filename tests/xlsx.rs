//! The 整改清单 workbook opens as a real .xlsx (read back with calamine) and holds every finding.

use calamine::{open_workbook, Data, Reader, Xlsx};
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
                .any(|r| r.get(3) == Some(&Data::String(rule.into())) && r.get(9) == Some(&Data::String(msg.into())));
            assert!(found, "{rule} {msg} not in the workbook");
        }
    }
    // The seed report's year is a number cell.
    assert!(rows.rows().skip(1).any(|r| r.get(2) == Some(&Data::Float(2024.0))));
    let _ = std::fs::remove_dir_all(&dir);
}
