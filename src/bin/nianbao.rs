//! `nianbao` — the command line of 年报体检 (contract.md §2).

use nianbao::diag::Severity;
use nianbao::{input, output, rules, Checked, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "用法：
  nianbao check [--format text|json|csv] [--previous FILE] [--min-severity error|warning|info] FILE...
  nianbao rules [--format md|json]
  nianbao explain RULE-ID

FILE 可以是 - （标准输入）或目录（检查目录中所有 .txt/.htm/.html/.md 报告）。
退出码：0 无错误；1 至少一个错误；2 用法或读取错误。";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("nianbao: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        println!("{USAGE}");
        return Err("缺少子命令".into());
    };
    match cmd.as_str() {
        "check" => check(&args[1..]),
        "rules" => list_rules(&args[1..]),
        "explain" => explain(&args[1..]),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("nianbao {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("未知子命令 {other}（可用：check、rules、explain）")),
    }
}

/// Takes the value of an option written as `--opt value` or `--opt=value`.
fn take_value(args: &[String], i: &mut usize, name: &str) -> Result<String, String> {
    let a = &args[*i];
    if let Some(v) = a.strip_prefix(&format!("{name}=")) {
        return Ok(v.to_string());
    }
    *i += 1;
    args.get(*i).cloned().ok_or_else(|| format!("{name} 需要一个值"))
}

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| format!("无法读取标准输入：{e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取 {path}：{e}"))?
    };
    let decoded = input::decode(&bytes);
    if decoded.had_errors {
        eprintln!("nianbao: 提示：{path} 中有无法按 {} 解码的字节，已替换为 �", decoded.encoding);
    }
    Ok(decoded.text)
}

/// Report files in a directory, recursively, sorted by path.
fn report_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("无法读取目录 {}：{e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            report_files(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "htm" | "html" | "md"))
        {
            out.push(p);
        }
    }
    Ok(())
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let mut format = "text".to_string();
    let mut previous = None;
    let mut min = Severity::Info;
    let mut paths = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a.starts_with("--format") {
            format = take_value(args, &mut i, "--format")?;
        } else if a.starts_with("--previous") {
            previous = Some(take_value(args, &mut i, "--previous")?);
        } else if a.starts_with("--min-severity") {
            let v = take_value(args, &mut i, "--min-severity")?;
            min = Severity::parse(&v)
                .ok_or_else(|| format!("--min-severity 的值应为 error、warning 或 info，而不是 {v}"))?;
        } else if a.starts_with("--") {
            return Err(format!("未知选项 {a}"));
        } else {
            paths.push(a.clone());
        }
        i += 1;
    }
    if !matches!(format.as_str(), "text" | "json" | "csv") {
        return Err(format!("--format 的值应为 text、json 或 csv，而不是 {format}"));
    }
    if paths.is_empty() {
        return Err("请给出要检查的文件（或 - 表示标准输入）".into());
    }
    let mut files = Vec::new();
    for p in &paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut found = Vec::new();
            report_files(path, &mut found)?;
            files.extend(found.into_iter().map(|f| f.to_string_lossy().into_owned()));
        } else {
            files.push(p.clone());
        }
    }
    let options = Options { previous: previous.as_deref().map(read_input).transpose()?, today: None };
    let mut results: Vec<(String, String, Checked)> = Vec::new();
    for f in &files {
        let text = read_input(f)?;
        let mut checked = nianbao::check(&text, &options);
        checked.findings.retain(|x| x.severity >= min);
        results.push((f.clone(), text, checked));
    }
    let any_error = results.iter().any(|(_, _, c)| c.count(Severity::Error) > 0);
    let mut stdout = std::io::stdout().lock();
    let rendered = match format.as_str() {
        "json" => {
            let pairs: Vec<(String, Checked)> = results.iter().map(|(p, _, c)| (p.clone(), c.clone())).collect();
            output::json::render(&pairs) + "\n"
        }
        "csv" => {
            let mut s = String::from(output::csv::HEADER);
            s.push('\n');
            for (p, t, c) in &results {
                s.push_str(&output::csv::rows(p, t, c));
            }
            s
        }
        _ => {
            let mut s = String::new();
            for (p, t, c) in &results {
                s.push_str(&output::text::render(p, t, c));
            }
            for (p, _, c) in &results {
                s.push_str(&output::text::summary(p, c));
            }
            s
        }
    };
    let _ = stdout.write_all(rendered.as_bytes());
    Ok(if any_error { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn list_rules(args: &[String]) -> Result<ExitCode, String> {
    let mut format = "md".to_string();
    let mut i = 0;
    while i < args.len() {
        if args[i].starts_with("--format") {
            format = take_value(args, &mut i, "--format")?;
        } else {
            return Err(format!("未知参数 {}", args[i]));
        }
        i += 1;
    }
    match format.as_str() {
        "json" => {
            let list: Vec<serde_json::Value> = rules::all()
                .map(|r| serde_json::json!({"id": r.id, "severity": r.severity, "title": r.title, "help": r.help, "docs": r.docs}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&list).unwrap_or_default());
        }
        "md" => {
            for r in rules::all() {
                println!("## {} — {}（{}）\n\n{}\n", r.id, r.title, r.severity.label_zh(), r.docs.trim());
            }
        }
        other => return Err(format!("--format 的值应为 md 或 json，而不是 {other}")),
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(args: &[String]) -> Result<ExitCode, String> {
    let id = args.first().ok_or("请给出规则编号，例如 nianbao explain T3-BALANCE")?;
    let r = rules::find(id).ok_or_else(|| format!("没有规则 {id}；用 nianbao rules 查看全部规则"))?;
    println!("{} — {}（{}）\n\n{}\n\n建议：{}", r.id, r.title, r.severity.label_zh(), r.docs.trim(), r.help);
    Ok(ExitCode::SUCCESS)
}
