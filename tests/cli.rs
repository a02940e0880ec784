//! The `nianbao` binary as users run it (contract.md §2): exit codes, JSON and CSV output, folders
//! checked in parallel with automatic year-over-year pairing, and GBK-encoded files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn base() -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/_base/valid_2024_wordcopy.txt");
    std::fs::read_to_string(p).expect("base report")
}

/// The base report moved back `by` years: every "2024年" becomes "2023年" and so on.
fn shift_years(text: &str, by: i32) -> String {
    let mut out = text.to_string();
    let years: Vec<i32> = if by < 0 { (2000..2100).collect() } else { (2000..2100).rev().collect() };
    for y in years {
        out = out.replace(&format!("{y}年"), &format!("{}年", y + by));
    }
    out
}

/// A fresh empty directory for one test.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("nianbao-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("sub dir");
        }
        std::fs::write(&p, bytes).expect("write");
        p.to_string_lossy().into_owned()
    }

    fn path(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao")).args(args).output().expect("run nianbao")
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("JSON: {e}\n{}", stdout(o)))
}

fn rules_of(file: &serde_json::Value) -> Vec<String> {
    file["findings"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["rule"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

#[test]
fn exit_0_for_a_correct_report_and_json_version_1() {
    let dir = TempDir::new("ok");
    let f = dir.write("report.txt", base());
    let o = run(&["check", "--format", "json", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], f.as_str());
    assert_eq!(file["input"], "text");
    assert_eq!(file["report"]["org"], "滔溪镇人民政府");
    assert_eq!(file["report"]["year"], 2024);
    assert_eq!(file["report"]["format"], "2021");
    assert!(file.get("previous").is_none(), "no pairing for a single report");
}

#[test]
fn exit_1_when_a_report_has_an_error() {
    let dir = TempDir::new("err");
    // The improvement plan names the report year itself: N-PLAN-YEAR, an error.
    let f = dir.write("report.txt", base().replace("2025年，我镇将", "2024年，我镇将"));
    let o = run(&["check", "--format", "csv", &f]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("path,rule,severity,table,row,col,line,message"));
    assert!(out.lines().any(|l| l.contains(",N-PLAN-YEAR,error,")), "{out}");
}

#[test]
fn exit_2_with_one_line_for_usage_and_io_errors() {
    for args in [
        vec!["check", "--bogus", "x.txt"],
        vec!["check", "--format", "xml", "x.txt"],
        vec!["check", "/nonexistent/nianbao/report.txt"],
        vec!["check"],
        vec!["frobnicate"],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line expected, got {err:?}");
        assert!(err.starts_with("nianbao: "), "{err}");
    }
    let o = run(&["check", "--bogus"]);
    assert!(stderr(&o).contains("--bogus"));
}

#[test]
fn folder_is_checked_in_order_and_pairs_consecutive_years() {
    let dir = TempDir::new("folder");
    let text = base();
    // Last year's report copied word for word except the year: the pair must be made and flagged.
    let cur = dir.write("2024/taoxi.txt", &text);
    let prev = dir.write("2023/taoxi.txt", shift_years(&text, -1));
    // Another unit, and a report of the same unit two years back (not paired with 2024).
    let other = dir.write("a_other.txt", text.replace("滔溪镇", "青山镇"));
    let older = dir.write("2022/taoxi.md", shift_years(&text, -2));
    dir.write("notes.docx", "not a report");

    let o = run(&["check", "--format", "json", &dir.path()]);
    assert_eq!(code(&o), 1, "the word-for-word copy is an error; stderr: {}", stderr(&o));
    let v = json(&o);
    let files = v["files"].as_array().expect("files");
    let paths: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths, [older.as_str(), prev.as_str(), cur.as_str(), other.as_str()], "sorted paths, no .docx");
    let by_path = |p: &str| files.iter().find(|f| f["path"] == p).expect("file");
    assert_eq!(by_path(&cur)["previous"], prev.as_str());
    assert_eq!(by_path(&prev)["previous"], older.as_str());
    assert!(by_path(&other).get("previous").is_none());
    assert!(by_path(&older).get("previous").is_none());
    assert!(rules_of(by_path(&cur)).contains(&"N-COPY-PREV".to_string()));
    assert!(!rules_of(by_path(&other)).contains(&"N-COPY-PREV".to_string()));

    let err = stderr(&o);
    let pair_lines: Vec<&str> = err.lines().filter(|l| l.contains("配对：")).collect();
    assert_eq!(pair_lines.len(), 2, "{err}");
    assert!(pair_lines.iter().any(|l| l.contains(&cur) && l.contains(&prev)), "{err}");
    assert!(err.contains("共检查 4 个文件"), "summary: {err}");
    assert!(!err.contains('\r'), "no progress line when stderr is not a terminal");

    // The same output on one thread, and without pairing no year-over-year findings.
    let seq = run(&["check", "--format", "json", "--jobs", "1", &dir.path()]);
    assert_eq!(stdout(&seq), stdout(&o), "parallel output equals sequential output");
    let unpaired = json(&run(&["check", "--format", "json", "--no-pair", &dir.path()]));
    let files = unpaired["files"].as_array().expect("files");
    assert!(files.iter().all(|f| f.get("previous").is_none() && !rules_of(f).contains(&"N-COPY-PREV".to_string())));
}

#[test]
fn previous_option_still_works_for_single_files() {
    let dir = TempDir::new("previous");
    let text = base();
    let cur = dir.write("cur.txt", &text);
    let prev = dir.write("prev.txt", shift_years(&text, -1));
    let o = run(&["check", "--format", "json", "--previous", &prev, &cur]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert!(rules_of(&v["files"][0]).contains(&"N-COPY-PREV".to_string()));
    let plain = run(&["check", "--format", "json", &cur]);
    assert_eq!(code(&plain), 0);
}

#[test]
fn gbk_file_is_decoded() {
    let dir = TempDir::new("gbk");
    let text = base();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let f = dir.write("gbk.txt", &bytes);
    let o = run(&["check", "--format", "json", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["files"][0]["report"]["org"], "滔溪镇人民政府");
    assert_eq!(v["files"][0]["report"]["year"], 2024);
    let cells = v["files"][0]["report"]["cells"].as_array().map_or(0, |c| c.len());
    assert!(cells > 150, "tables recognised: {cells} cells");
}

#[test]
fn what_was_read_is_said_and_a_non_report_is_not_called_clean() {
    let dir = TempDir::new("coverage");
    let report = dir.write("report.txt", base());
    let o = run(&["check", &report]);
    assert!(stdout(&o).contains("读取：6/6 部分，表二 10/10、表三 175/175、表四 15/15 个单元格"), "{}", stdout(&o));
    let o = run(&["check", "--format", "json", &report]);
    let v = json(&o);
    let cov = &v["files"][0]["report"]["coverage"];
    assert_eq!(cov["sections"], 6);
    assert_eq!(cov["tables"]["T3"]["found"], 175);
    assert_eq!(cov["tables"]["T3"]["expected"], 175);
    assert_eq!(v["files"][0]["report"]["recognised"], true);

    // An unrelated notice: said to be no annual report, with no finding and no "clean" verdict.
    let notice = dir.write(
        "notice.txt",
        "关于做好2024年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇人民政府、县直各单位：\n请于2025年1月31日前报送。\n",
    );
    let o = run(&["check", &notice]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("未识别为政府信息公开工作年度报告"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("0 个错误"), "{}", stdout(&o));
    let v = json(&run(&["check", "--format", "json", &notice]));
    assert_eq!(v["files"][0]["report"]["recognised"], false);
    assert_eq!(v["files"][0]["findings"].as_array().map(Vec::len), Some(0));
}
