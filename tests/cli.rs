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
    dir.write("notes.xlsx", "not a report");

    let o = run(&["check", "--format", "json", &dir.path()]);
    assert_eq!(code(&o), 1, "the word-for-word copy is an error; stderr: {}", stderr(&o));
    let v = json(&o);
    let files = v["files"].as_array().expect("files");
    let paths: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(paths, [older.as_str(), prev.as_str(), cur.as_str(), other.as_str()], "sorted paths, no .xlsx");
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

fn file_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(name).to_string_lossy().into_owned()
}

#[test]
fn word_files_are_checked_like_text() {
    for (ext, input) in [("docx", "docx"), ("doc", "doc")] {
        let f = file_fixture(&format!("report_t3_wrong.{ext}"));
        let o = run(&["check", &f]);
        assert_eq!(code(&o), 1, "{}", stderr(&o));
        let out = stdout(&o);
        // The finding shows its line of the extracted text, with the cell underlined.
        assert!(out.contains("error[T3-BALANCE]"), "{out}");
        assert!(out.contains("（七）总计    58    2    0    0    1    0    62"), "{out}");
        let o = run(&["check", "--format", "json", &f]);
        let v = json(&o);
        let file = &v["files"][0];
        assert_eq!(file["input"], input);
        let text = file["text"].as_str().expect("text");
        let f = file["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "T3-BALANCE").unwrap();
        let (a, b) = (f["span"][0].as_u64().unwrap() as usize, f["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], "62");
        // A .wps (Kingsoft) file is the same format: recognised by content, whatever its name.
        let dir = TempDir::new(&format!("wps-{ext}"));
        let wps = dir.write("报告.wps", std::fs::read(file_fixture(&format!("report_t3_wrong.{ext}"))).unwrap());
        assert_eq!(code(&run(&["check", &wps])), 1);
    }
}

#[test]
fn pdf_locations_name_the_page() {
    let o = run(&["check", &file_fixture("report_t3_wrong.pdf")]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("report_t3_wrong.pdf:") && out.contains("（第 2 页）"), "{out}");
}

#[test]
fn folders_of_mixed_files_and_unreadable_ones() {
    let dir = TempDir::new("mixed");
    for name in ["report_t3_wrong.docx", "report_clean.doc", "report_clean.pdf", "scanned.pdf"] {
        dir.write(&format!("sub/{name}"), std::fs::read(file_fixture(name)).unwrap());
    }
    // An RTF file saved under a .doc name (Word's "save as RTF" habit).
    dir.write("sub/note.doc", std::fs::read(file_fixture("note.rtf")).unwrap());
    dir.write("a.txt", base());
    let o = run(&["check", "--format", "json", "--no-pair", &dir.path()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v = json(&o);
    let inputs: Vec<&str> = v["files"].as_array().unwrap().iter().map(|f| f["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["text", "doc", "pdf", "docx"]);
    // The scan and the RTF are skipped, each with its reason on one line.
    let err = stderr(&o);
    assert!(err.contains("scanned.pdf：这是扫描件/图片，无法读取文字"), "{err}");
    assert!(err.contains("note.doc：这是 RTF 格式的文件"), "{err}");
    // Named on the command line, an unreadable file stops the run with exit 2 and one line.
    let o = run(&["check", &file_fixture("scanned.pdf")]);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
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

/// The base report with a typo (S-TYPO, a warning) and the improvement plan naming the report year
/// (N-PLAN-YEAR, an error): both have a certain fix.
fn with_two_fixable() -> String {
    let b = base();
    assert!(b.contains("2025年，我镇将") && b.contains("等问题；"));
    b.replace("2025年，我镇将", "2024年，我镇将").replace("等问题；", "等问提；")
}

#[test]
fn help_on_the_top_level_and_every_subcommand() {
    for args in [
        vec!["-h"],
        vec!["--help"],
        vec!["check", "-h"],
        vec!["check", "--help"],
        vec!["rules", "-h"],
        vec!["explain", "-h"],
        vec!["letter", "-h"],
        vec!["completions", "-h"],
        vec!["-h", "check"],
        vec!["help", "check"],
        vec!["help"],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("用法：nianbao"), "{args:?}: {out}");
        assert!(!out.contains('\x1b'), "no colour when stdout is not a terminal");
    }
    let top = stdout(&run(&["-h"]));
    for sub in ["check", "rules", "explain", "letter", "completions"] {
        assert!(top.contains(sub), "{sub} in {top}");
    }
    let check = stdout(&run(&["check", "-h"]));
    for flag in ["--format", "--jobs", "-j", "--fix", "--diff", "--previous", "--min-severity", "--no-pair", "--output"]
    {
        assert!(check.contains(flag), "{flag} in {check}");
    }
    assert!(stdout(&run(&["-V"])).starts_with("nianbao "));
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    // `nianbao rules | head -1`: the reader goes away; no panic (exit 101), no message.
    for args in [vec!["rules"], vec!["completions", "bash"], vec!["explain", "T3-BALANCE"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        assert_ne!(o.status.code(), Some(101), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn jobs_and_format_in_every_spelling() {
    let dir = TempDir::new("jobs");
    let f = dir.write("report.txt", base());
    let reference = run(&["check", "--format", "json", "--jobs", "1", &f]);
    assert_eq!(code(&reference), 0, "{}", stderr(&reference));
    for args in [
        vec!["check", "-j4", "-f", "json", &f],
        vec!["check", "-j", "4", "--format", "json", &f],
        vec!["check", "--jobs", "4", "-fjson", &f],
        vec!["check", "--jobs=4", "--format=json", &f],
        // Given twice, the last counts.
        vec!["check", "-j1", "--jobs", "4", "-f", "json", &f],
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&reference), "{args:?}");
        assert!(stderr(&o).contains("（4 线程）"), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["check", "-j0", &f]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--jobs") && stderr(&o).contains("整数"), "{}", stderr(&o));
}

#[test]
fn unknown_flags_are_rejected_with_a_suggestion() {
    for (args, wanted) in [
        (vec!["rules", "--formatx"], "--format"),
        (vec!["check", "--jbos", "4", "x.txt"], "--jobs"),
        (vec!["chek", "x.txt"], "check"),
        (vec!["check", "--format", "jsn", "x.txt"], "json"),
    ] {
        let o = run(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line: {err:?}");
        assert!(err.starts_with("nianbao: ") && err.contains(&format!("是否想用 {wanted}")), "{args:?}: {err}");
    }
    // Nothing ran: no output.
    assert!(run(&["rules", "--formatx"]).stdout.is_empty());
}

#[test]
fn fix_writes_the_file_and_the_recheck_is_clean_of_those_findings() {
    let dir = TempDir::new("fix");
    let original = with_two_fixable();
    let f = dir.write("report.txt", &original);
    let before = json(&run(&["check", "-f", "json", &f]));
    let rules = rules_of(&before["files"][0]);
    assert!(rules.contains(&"N-PLAN-YEAR".into()) && rules.contains(&"S-TYPO".into()), "{rules:?}");

    let o = run(&["check", "--fix", &f]);
    // The only error was fixed: exit 0, and the report shown is of the fixed file.
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("已修改") && stderr(&o).contains(&f), "{}", stderr(&o));
    assert!(!stdout(&o).contains("N-PLAN-YEAR") && !stdout(&o).contains("S-TYPO"), "{}", stdout(&o));
    let fixed = std::fs::read_to_string(&f).expect("fixed file");
    assert!(fixed.contains("2025年，我镇将严格按照"), "the plan year is the next year");
    assert!(fixed.contains("等问题；") && !fixed.contains("问提"));
    // Nothing else changed: the fixed file differs from the original only in those words.
    assert_eq!(fixed.replace("2025年，我镇将", "2024年，我镇将").replace("等问题；", "等问提；"), original);
    let after = json(&run(&["check", "-f", "json", &f]));
    let rules = rules_of(&after["files"][0]);
    assert!(!rules.contains(&"N-PLAN-YEAR".into()) && !rules.contains(&"S-TYPO".into()), "{rules:?}");
    // A second --fix has nothing left to do.
    let again = run(&["check", "--fix", &f]);
    assert!(!stderr(&again).contains("已修改"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&f).expect("file"), fixed);
}

#[test]
fn fix_keeps_the_encoding_of_a_gbk_file_and_fixes_html_markup() {
    let dir = TempDir::new("fix-enc");
    let text = with_two_fixable();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let f = dir.write("gbk.txt", &gbk);
    assert_eq!(code(&run(&["check", "--fix", &f])), 0);
    let bytes = std::fs::read(&f).expect("file");
    assert!(std::str::from_utf8(&bytes).is_err(), "still GBK, not UTF-8");
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    assert!(!bad && text.contains("2025年，我镇将") && !text.contains("问提"));

    // HTML: the words are replaced inside the markup, every tag stays.
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{}</body></html>",
        with_two_fixable()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| format!("<p class=\"x\">{}</p>", l.replace('&', "&amp;").replace('<', "&lt;")))
            .collect::<String>()
    );
    let h = dir.write("page.html", &page);
    assert_eq!(code(&run(&["check", "--fix", &h])), 0);
    let fixed = std::fs::read_to_string(&h).expect("file");
    assert_eq!(fixed, page.replace("2024年，我镇将", "2025年，我镇将").replace("等问提；", "等问题；"));
}

#[test]
fn fix_refuses_word_files_politely_and_stdin() {
    let dir = TempDir::new("fix-docx");
    let docx = dir.write("报告.docx", std::fs::read(file_fixture("report_t3_wrong.docx")).unwrap());
    let before = std::fs::read(&docx).unwrap();
    let o = run(&["check", "--fix", &docx]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("Word/WPS 文档，不能自动修改") && err.contains("在 Word/WPS 中"), "{err}");
    assert_eq!(std::fs::read(&docx).unwrap(), before, "the document is untouched");
    let o = run(&["check", "--fix", "-"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--diff"), "{}", stderr(&o));
    let o = run(&["check", "--fix", "--diff", &docx]);
    assert_eq!(code(&o), 2);
}

#[test]
fn diff_prints_the_change_and_writes_nothing() {
    let dir = TempDir::new("diff");
    let original = with_two_fixable();
    let f = dir.write("report.txt", &original);
    let o = run(&["check", "--diff", &f]);
    // The exit status is the check's: the error is still in the file.
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("--- {f}\n+++ {f}\n@@ ")), "{out}");
    let removed: Vec<&str> = out.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
    let added: Vec<&str> = out.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert!(
        removed.iter().any(|l| l.contains("2024年，我镇将")) && added.iter().any(|l| l.contains("2025年，我镇将")),
        "{out}"
    );
    assert!(removed.iter().any(|l| l.contains("等问提；")) && added.iter().any(|l| l.contains("等问题；")), "{out}");
    assert_eq!(removed.len(), added.len(), "lines are replaced, none lost: {out}");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), original, "nothing written");
    // A clean report: no diff at all.
    let clean = dir.write("clean.txt", base());
    let o = run(&["check", "--diff", &clean]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.len() > 500, "{shell}: {out}");
        // (fish writes options as `-l format`.)
        for word in ["nianbao", "check", "rules", "explain", "letter", "format", "jobs", "fix", "diff"] {
            assert!(out.contains(word), "{shell}: {word} missing");
        }
    }
    let o = run(&["completions", "tcsh"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("bash"), "the valid shells are named: {}", stderr(&o));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = TempDir::new("color");
    let f = dir.write("report.txt", with_two_fixable());
    let plain = run(&["check", &f]);
    assert!(!stdout(&plain).contains('\x1b'));
    let always = run(&["check", "--color", "always", &f]);
    assert!(stdout(&always).contains("\x1b[1;31merror[N-PLAN-YEAR]\x1b[0m"), "{}", stdout(&always));
    let never = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--color=never", &f])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("run");
    assert_eq!(stdout(&never), stdout(&plain));
    // NO_COLOR turns off the automatic choice, never an explicit `always`.
    let no_color =
        Command::new(env!("CARGO_BIN_EXE_nianbao")).args(["check", &f]).env("NO_COLOR", "1").output().expect("run");
    assert_eq!(stdout(&no_color), stdout(&plain));
    // The text output says what --fix would write.
    assert!(stdout(&plain).contains("= 修改：将“问提”改为“问题”（--fix 可自动修改）"), "{}", stdout(&plain));
}

#[test]
fn chinese_csv_for_inspectors() {
    let dir = TempDir::new("csvzh");
    let f = dir.write("report.txt", with_two_fixable());
    let o = run(&["check", "-f", "csv-zh", &f]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("\u{FEFF}单位,年度,文件,严重程度,规则,问题,位置,行号,修改建议,已核实,说明"));
    let line_of = |needle: &str| with_two_fixable().lines().position(|l| l.contains(needle)).unwrap() + 1;
    let typo = out.lines().find(|l| l.contains(",S-TYPO,")).expect("S-TYPO row");
    assert_eq!(
        typo,
        format!(
            "滔溪镇人民政府,2024,{f},警告,S-TYPO,“问提”应为“问题”,第五部分 · 第 {0} 行,{0},将“问提”改为“问题”,,",
            line_of("等问提；")
        )
    );
    let plan = out.lines().find(|l| l.contains(",N-PLAN-YEAR,")).expect("N-PLAN-YEAR row");
    assert!(plan.contains(",错误,") && plan.contains(",将“2024年”改为“2025年”,"), "{plan}");
}

#[test]
fn letter_as_docx_and_html() {
    let dir = TempDir::new("letter");
    let f = dir.write("report.txt", with_two_fixable());
    let out = dir.0.join("整改意见.docx");
    let o = run(&["letter", &f, "-o", &out.to_string_lossy()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // The .docx is read back by the checker's own Word reader (a zip with word/document.xml).
    let bytes = std::fs::read(&out).expect("docx written");
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let nianbao::input::file::Loaded::File(x) = nianbao::input::file::load(&bytes, None).expect("a readable .docx")
    else {
        panic!("not read as a Word document");
    };
    for words in [
        "政府信息公开工作年度报告整改意见",
        "滔溪镇人民政府：",
        "改进计划写的是2024年，报告年度为2024年，应为2025年",
        "修改建议：将“2024年”改为“2025年”",
        "“问提”应为“问题”",
        "第五部分 · 第",
    ] {
        assert!(x.html.contains(words), "{words} not in {}", x.html);
    }
    let o = run(&["letter", &f]);
    assert_eq!(code(&o), 0);
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("@page") && page.contains("@media print"));
    assert!(page.contains("一、错误（1 项") && page.contains("二、警告（"), "{page}");
    let o = run(&["letter", &f, "-o", "x.pdf"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(".docx 或 .html"));
}
