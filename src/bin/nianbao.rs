//! `nianbao` — the command line of 年报体检 (contract.md §2).

use nianbao::diag::Severity;
use nianbao::input::file::Loaded;
use nianbao::{batch, input, output, rules, Checked, Options};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

// The checker allocates many small strings and vectors; mimalloc makes a batch ≈ 20% faster than
// the system allocator (benches/batch.rs).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "用法：
  nianbao check [--format text|json|csv|xlsx] [--output FILE] [--previous FILE] [--min-severity error|warning|info]
                [--jobs N] [--no-pair] FILE|DIR...
  nianbao rules [--format md|json]
  nianbao explain RULE-ID

FILE 可以是文本、网页、Word/WPS 文档或 PDF（按内容识别：.txt .htm .html .md .docx .doc .wps .pdf），
也可以是 - （标准输入）或目录（检查目录中所有这些格式的报告）。读取 PDF 需要 MuPDF 的 mutool 程序。
多个文件在所有处理器核心上并行检查（--jobs N 限定线程数），结果按参数顺序输出，汇总写到标准错误。
未给 --previous 时，同一单位相邻两年的报告自动配对，以上年报告检查本年报告（--no-pair 关闭）；
配对情况写到标准错误，JSON 输出中每个文件另有 \"previous\" 字段。
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

/// Reads a report file: text and HTML decoded, Word/WPS files and PDFs read as simple HTML.
fn read_input(path: &str) -> Result<Loaded, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map_err(|e| format!("无法读取标准输入：{e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取 {path}：{e}"))?
    };
    let loaded =
        input::file::load(&bytes, (path != "-").then(|| Path::new(path))).map_err(|e| format!("{path}：{e}"))?;
    if let Loaded::Text { had_errors: true, encoding, .. } = &loaded {
        eprintln!("nianbao: 提示：{path} 中有无法按 {encoding} 解码的字节，已替换为 �");
    }
    Ok(loaded)
}

/// What the checker takes from a read file.
fn as_input(l: &Loaded) -> batch::Input<'_> {
    match l {
        Loaded::Text { text, .. } => batch::Input::Text(text),
        Loaded::File(x) => batch::Input::Extracted(&x.html, x.kind),
    }
}

/// The text that a result's spans index: the file's text, or the text extracted from it.
fn source_of<'a>(l: &'a Loaded, checked: &'a Checked) -> &'a str {
    match l {
        Loaded::Text { text, .. } => text,
        Loaded::File(_) => checked.text.as_deref().unwrap_or(""),
    }
}

/// Where a PDF's pages start in its extracted text (empty for other files).
fn page_starts(l: &Loaded) -> Vec<usize> {
    match l {
        Loaded::File(x) if !x.pages.is_empty() => input::office::text_offsets(&x.html, &x.pages),
        _ => Vec::new(),
    }
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
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(e.to_ascii_lowercase().as_str(), "txt" | "htm" | "html" | "md" | "docx" | "doc" | "wps" | "pdf")
        }) {
            out.push(p);
        }
    }
    Ok(())
}

/// What `nianbao check` was asked to do.
struct CheckArgs {
    format: String,
    previous: Option<String>,
    min: Severity,
    paths: Vec<String>,
    jobs: usize,
    pair: bool,
    /// Write the result here instead of standard output.
    output: Option<String>,
}

fn parse_check_args(args: &[String]) -> Result<CheckArgs, String> {
    let mut c = CheckArgs {
        format: "text".into(),
        previous: None,
        min: Severity::Info,
        paths: Vec::new(),
        jobs: batch::available_threads(),
        pair: true,
        output: None,
    };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let is = |name: &str| a == name || a.starts_with(&format!("{name}="));
        if is("--format") {
            c.format = take_value(args, &mut i, "--format")?;
        } else if is("--previous") {
            c.previous = Some(take_value(args, &mut i, "--previous")?);
        } else if is("--min-severity") {
            let v = take_value(args, &mut i, "--min-severity")?;
            c.min = Severity::parse(&v)
                .ok_or_else(|| format!("--min-severity 的值应为 error、warning 或 info，而不是 {v}"))?;
        } else if is("--jobs") || a == "-j" {
            let v = take_value(args, &mut i, if a == "-j" { "-j" } else { "--jobs" })?;
            c.jobs = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| format!("--jobs 的值应为正整数，而不是 {v}"))?;
        } else if is("--output") || a == "-o" {
            c.output = Some(take_value(args, &mut i, if a == "-o" { "-o" } else { "--output" })?);
        } else if a == "--no-pair" {
            c.pair = false;
        } else if a.starts_with('-') && a != "-" {
            return Err(format!("未知选项 {a}（nianbao --help 查看用法）"));
        } else {
            c.paths.push(a.clone());
        }
        i += 1;
    }
    if !matches!(c.format.as_str(), "text" | "json" | "csv" | "xlsx") {
        return Err(format!("--format 的值应为 text、json、csv 或 xlsx，而不是 {}", c.format));
    }
    if c.format == "xlsx" && c.output.is_none() && std::io::stdout().is_terminal() {
        return Err("--format xlsx 需要用 --output 文件名.xlsx 指定输出文件（或重定向标准输出）".into());
    }
    if c.paths.is_empty() {
        return Err("请给出要检查的文件或目录（或 - 表示标准输入）".into());
    }
    Ok(c)
}

/// Redraws one progress line on a terminal; silent otherwise.
struct Progress {
    on: bool,
    shown: AtomicUsize,
    started: Instant,
}

impl Progress {
    fn update(&self, done: usize, total: usize) {
        if !self.on {
            return;
        }
        // At most about 100 redraws, and never a smaller number after a larger one.
        let step = (total / 100).max(1);
        if done != total && done % step != 0 {
            return;
        }
        if self.shown.fetch_max(done, Ordering::Relaxed) >= done && done != total {
            return;
        }
        let width = 30;
        let filled = (done * width).checked_div(total).unwrap_or(width).min(width);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r检查中 [{}{}] {done}/{total}  {:.1}s",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.started.elapsed().as_secs_f64()
        );
        let _ = err.flush();
    }

    fn clear(&self) {
        if self.on {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let started = Instant::now();
    let args = parse_check_args(args)?;
    // (path, found in a folder): a file named on the command line that cannot be read stops the
    // run (exit 2); one found in a folder is skipped with a message, and the rest are checked.
    let mut named = Vec::new();
    for p in &args.paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut found = Vec::new();
            report_files(path, &mut found)?;
            named.extend(found.into_iter().map(|f| (f.to_string_lossy().into_owned(), true)));
        } else {
            named.push((p.clone(), false));
        }
    }
    let previous = args.previous.as_deref().map(read_input).transpose()?.map(|l| match l {
        Loaded::Text { text, .. } => text,
        Loaded::File(x) => x.html,
    });
    let options = Options { previous, today: None };
    let read = batch::par_map(&named, args.jobs, |(f, _)| read_input(f), |_| {});
    let (mut files, mut loaded, mut skipped) = (Vec::new(), Vec::new(), 0);
    for ((f, in_folder), r) in named.into_iter().zip(read) {
        match r {
            Ok(l) => {
                files.push(f);
                loaded.push(l);
            }
            Err(msg) if in_folder => {
                eprintln!("nianbao: 已跳过 {msg}");
                skipped += 1;
            }
            Err(msg) => return Err(msg),
        }
    }
    if files.is_empty() && skipped > 0 {
        return Err(format!("目录中的 {skipped} 个文件都无法读取，没有可以检查的报告"));
    }
    let progress = Progress { on: std::io::stderr().is_terminal(), shown: AtomicUsize::new(0), started };
    let inputs: Vec<batch::Input> = loaded.iter().map(as_input).collect();
    let mut result = batch::check_inputs(&inputs, &options, args.pair, args.jobs, |d, t| progress.update(d, t));
    progress.clear();
    for (i, o) in result.outcomes.iter().enumerate() {
        if let Some(p) = o.previous {
            let r = &o.checked.report;
            eprintln!(
                "nianbao: 配对：{} ← 上年报告 {}（{}，{}/{}年）",
                files[i],
                files[p],
                r.org.as_deref().unwrap_or(""),
                r.year.unwrap_or_default(),
                r.year.unwrap_or_default() - 1
            );
        }
    }
    for (i, candidates) in &result.pairing.ambiguous {
        let names: Vec<&str> = candidates.iter().map(|c| files[*c].as_str()).collect();
        eprintln!("nianbao: 未配对：{} 的上年报告有 {} 份（{}），无法确定", files[*i], names.len(), names.join("、"));
    }
    for o in &mut result.outcomes {
        o.checked.findings.retain(|x| x.severity >= args.min);
    }
    let totals = batch::Totals::of(result.outcomes.iter().map(|o| &o.checked));
    let rendered: Vec<u8> = match args.format.as_str() {
        "xlsx" => {
            let entries: Vec<output::xlsx::Entry> = result
                .outcomes
                .iter()
                .zip(&files)
                .zip(&loaded)
                .map(|((o, f), l)| output::xlsx::Entry {
                    path: f,
                    source: source_of(l, &o.checked),
                    checked: &o.checked,
                })
                .collect();
            output::xlsx::workbook(&entries)
        }
        "json" => {
            let entries: Vec<(&str, &Checked, Option<&str>)> = result
                .outcomes
                .iter()
                .zip(&files)
                .map(|(o, f)| (f.as_str(), &o.checked, o.previous.map(|p| files[p].as_str())))
                .collect();
            (batch::render_json(&entries) + "\n").into_bytes()
        }
        "csv" => {
            let mut s = String::from(output::csv::HEADER);
            s.push('\n');
            for ((o, f), l) in result.outcomes.iter().zip(&files).zip(&loaded) {
                s.push_str(&output::csv::rows(f, source_of(l, &o.checked), &o.checked));
            }
            s.into_bytes()
        }
        _ => {
            let mut s = String::new();
            for ((o, f), l) in result.outcomes.iter().zip(&files).zip(&loaded) {
                s.push_str(&output::text::render_paged(f, source_of(l, &o.checked), &o.checked, &page_starts(l)));
            }
            for (o, f) in result.outcomes.iter().zip(&files) {
                s.push_str(&output::text::summary(f, &o.checked));
            }
            s.into_bytes()
        }
    };
    if let Some(out) = &args.output {
        std::fs::write(out, &rendered).map_err(|e| format!("无法写入 {out}：{e}"))?;
    } else {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&rendered);
        let _ = stdout.flush();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "nianbao: 共检查 {} 个文件（{} 个有错误）：错误 {}，警告 {}，提示 {}；配对 {} 组；用时 {:.2} 秒（{} 线程）",
        totals.files,
        totals.files_with_errors,
        totals.errors,
        totals.warnings,
        totals.infos,
        result.outcomes.iter().filter(|o| o.previous.is_some()).count(),
        secs,
        args.jobs
    );
    Ok(if totals.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
