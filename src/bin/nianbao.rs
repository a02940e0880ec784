//! `nianbao` — the command line of 年报体检 (contract.md §2).

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

#[path = "nianbao/args.rs"]
mod args;
#[path = "nianbao/fix.rs"]
mod fix;

use args::{Cli, Cmd, Format, Parsed, RulesFormat};

fn main() -> ExitCode {
    let cli = match args::parse(std::env::args().collect()) {
        Parsed::Run(cli) => cli,
        Parsed::Print { text, code, to_stderr } => {
            if to_stderr {
                eprintln!("{}", text.trim_end());
            } else {
                out(&text);
            }
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("nianbao: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Writes to standard output; a closed pipe (`nianbao rules | head`) is not an error.
fn out(s: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(s.as_bytes());
    let _ = stdout.flush();
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.cmd {
        Cmd::Check(a) => check(a, cli.color),
        Cmd::Rules(a) => list_rules(a.format),
        Cmd::Explain { rule } => explain(&rule),
        Cmd::Letter(a) => letter(a),
        Cmd::Completions { shell } => {
            let mut cmd = args::command(cli.color);
            // Into a buffer: clap_complete panics on a closed pipe (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "nianbao", &mut script);
            let _ = std::io::stdout().lock().write_all(&script);
            Ok(ExitCode::SUCCESS)
        }
    }
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

/// Word/WPS documents and PDFs are not rewritten: the message says where to fix them instead.
fn not_fixable(path: &str, kind: input::InputKind) -> String {
    let what = match kind {
        input::InputKind::Pdf => "是 PDF 文件",
        _ => "是 Word/WPS 文档",
    };
    format!(
        "{path} {what}，不能自动修改；请在 Word/WPS 中按检查结果修改后另存（nianbao letter {path} -o 整改意见.docx 可生成整改意见）"
    )
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

/// The files named on the command line, folders expanded: (path, found in a folder).
fn expand(paths: &[String]) -> Result<Vec<(String, bool)>, String> {
    let mut named = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut found = Vec::new();
            report_files(path, &mut found)?;
            named.extend(found.into_iter().map(|f| (f.to_string_lossy().into_owned(), true)));
        } else {
            named.push((p.clone(), false));
        }
    }
    Ok(named)
}

/// Reads the files: one named on the command line that cannot be read stops the run (exit 2); one
/// found in a folder is skipped with a message, and the rest are checked.
fn read_all(named: Vec<(String, bool)>, jobs: usize) -> Result<(Vec<String>, Vec<Loaded>), String> {
    let read = batch::par_map(&named, jobs, |(f, _)| read_input(f), |_| {});
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
    Ok((files, loaded))
}

/// Applies the certain fixes of every text/HTML file and writes it back; returns how many files
/// were changed. Word/WPS documents and PDFs get a message instead.
fn write_fixes(files: &[String], loaded: &[Loaded], result: &batch::Batch) -> Result<usize, String> {
    let mut changed = 0;
    for ((f, l), o) in files.iter().zip(loaded).zip(&result.outcomes) {
        let Loaded::Text { text, encoding, had_errors } = l else {
            if let Loaded::File(x) = l {
                eprintln!("nianbao: {}", not_fixable(f, x.kind));
            }
            continue;
        };
        if *had_errors {
            eprintln!("nianbao: {f} 中有无法解码的字节，为免损坏文件未作修改；请用 --diff 查看修改后手工修改");
            continue;
        }
        let bytes = std::fs::read(f).map_err(|e| format!("无法读取 {f}：{e}"))?;
        if input::decode(&bytes).text != *text {
            eprintln!("nianbao: {f} 在检查期间被改动，未作修改；请重新运行");
            continue;
        }
        match fix::fixed_bytes(&bytes, text, encoding, &o.checked.findings) {
            Ok((_, 0)) => {}
            Ok((out, n)) => {
                std::fs::write(f, out).map_err(|e| format!("无法写入 {f}：{e}"))?;
                eprintln!("nianbao: 已修改 {f}：{n} 处");
                changed += 1;
            }
            Err(msg) => eprintln!("nianbao: {f}：{msg}"),
        }
    }
    Ok(changed)
}

fn check(args: args::CheckArgs, color: args::ColorWhen) -> Result<ExitCode, String> {
    let started = Instant::now();
    let jobs = args.jobs.map_or_else(batch::available_threads, usize::from);
    let min = args.min_severity.severity();
    if args.format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err("--format xlsx 需要用 --output 文件名.xlsx 指定输出文件（或重定向标准输出）".into());
    }
    if args.fix && args.paths.iter().any(|p| p == "-") {
        return Err("--fix 不能用于标准输入（无处写回）；请用 --diff 查看将作的修改".into());
    }
    let named = expand(&args.paths)?;
    let (files, mut loaded) = read_all(named.clone(), jobs)?;
    if args.fix {
        // A Word/WPS document or PDF named on the command line: nothing is written at all.
        for ((f, in_folder), l) in named.iter().filter(|(f, _)| files.contains(f)).zip(&loaded) {
            if let (Loaded::File(x), false) = (l, in_folder) {
                return Err(not_fixable(f, x.kind));
            }
        }
    }
    let previous = args.previous.as_deref().map(read_input).transpose()?.map(|l| match l {
        Loaded::Text { text, .. } => text,
        Loaded::File(x) => x.html,
    });
    let options = Options { previous, today: None };
    let progress = Progress { on: std::io::stderr().is_terminal(), shown: AtomicUsize::new(0), started };
    let run_batch = |loaded: &[Loaded]| {
        let inputs: Vec<batch::Input> = loaded.iter().map(as_input).collect();
        let mut result = batch::check_inputs(&inputs, &options, !args.no_pair, jobs, |d, t| progress.update(d, t));
        progress.clear();
        for o in &mut result.outcomes {
            o.checked.findings.retain(|x| x.severity >= min);
        }
        result
    };
    let mut result = run_batch(&loaded);
    if args.fix && write_fixes(&files, &loaded, &result)? > 0 {
        // The report below is of the files as they are now.
        (_, loaded) = read_all(files.iter().map(|f| (f.clone(), false)).collect(), jobs)?;
        result = run_batch(&loaded);
    }
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
    let totals = batch::Totals::of(result.outcomes.iter().map(|o| &o.checked));
    let entries: Vec<output::sheet::Entry> = result
        .outcomes
        .iter()
        .zip(&files)
        .zip(&loaded)
        .map(|((o, f), l)| output::sheet::Entry { path: f, source: source_of(l, &o.checked), checked: &o.checked })
        .collect();
    let rendered: Vec<u8> = if args.diff {
        let mut s = String::new();
        for (e, l) in entries.iter().zip(&loaded) {
            match l {
                Loaded::Text { text, .. } => s.push_str(&fix::diff(e.path, text, &e.checked.findings)),
                Loaded::File(x) => eprintln!("nianbao: {}", not_fixable(e.path, x.kind)),
            }
        }
        s.into_bytes()
    } else {
        match args.format {
            Format::Xlsx => output::xlsx::workbook(&entries),
            Format::Json => {
                let list: Vec<(&str, &Checked, Option<&str>)> = result
                    .outcomes
                    .iter()
                    .zip(&files)
                    .map(|(o, f)| (f.as_str(), &o.checked, o.previous.map(|p| files[p].as_str())))
                    .collect();
                (batch::render_json(&list) + "\n").into_bytes()
            }
            Format::Csv => {
                let mut s = String::from(output::csv::HEADER);
                s.push('\n');
                for e in &entries {
                    s.push_str(&output::csv::rows(e.path, e.source, e.checked));
                }
                s.into_bytes()
            }
            Format::CsvZh => {
                // With a BOM, so that Excel reads the Chinese as UTF-8.
                let mut s = format!("\u{FEFF}{}\n", output::csv::header_zh());
                for e in &entries {
                    s.push_str(&output::csv::rows_zh(e));
                }
                s.into_bytes()
            }
            Format::Text => {
                let on = args.output.is_none() && color.on(std::io::stdout().is_terminal());
                let mut s = String::new();
                for (e, l) in entries.iter().zip(&loaded) {
                    s.push_str(&output::text::render_styled(e.path, e.source, e.checked, &page_starts(l), on));
                }
                for e in &entries {
                    s.push_str(&output::text::summary(e.path, e.checked));
                }
                s.into_bytes()
            }
        }
    };
    if let Some(out) = &args.output {
        std::fs::write(out, &rendered).map_err(|e| format!("无法写入 {}：{e}", out.display()))?;
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
        jobs
    );
    Ok(if totals.errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn list_rules(format: RulesFormat) -> Result<ExitCode, String> {
    match format {
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = rules::all()
                .map(|r| serde_json::json!({"id": r.id, "severity": r.severity, "title": r.title, "help": r.help, "docs": r.docs}))
                .collect();
            out(&(serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"));
        }
        RulesFormat::Md => {
            let mut s = String::new();
            for r in rules::all() {
                s.push_str(&format!("## {} — {}（{}）\n\n{}\n\n", r.id, r.title, r.severity.label_zh(), r.docs.trim()));
            }
            out(&s);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> Result<ExitCode, String> {
    let r = rules::find(id).ok_or_else(|| format!("没有规则 {id}；用 nianbao rules 查看全部规则"))?;
    out(&format!("{} — {}（{}）\n\n{}\n\n建议：{}\n", r.id, r.title, r.severity.label_zh(), r.docs.trim(), r.help));
    Ok(ExitCode::SUCCESS)
}

/// `nianbao letter FILE -o 整改意见.docx|.html`: the 整改意见 to the unit of one report.
fn letter(a: args::LetterArgs) -> Result<ExitCode, String> {
    let kind = match &a.output {
        None => "html",
        Some(p) => match p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("docx") => "docx",
            Some("html" | "htm") => "html",
            _ => return Err(format!("整改意见只能写成 .docx 或 .html 文件，而不是 {}", p.display())),
        },
    };
    let loaded = read_input(&a.path)?;
    let previous = a.previous.as_deref().map(read_input).transpose()?.map(|l| match l {
        Loaded::Text { text, .. } => text,
        Loaded::File(x) => x.html,
    });
    let options = Options { previous, today: None };
    let result = batch::check_inputs(&[as_input(&loaded)], &options, false, 1, |_, _| {});
    let checked = &result.outcomes[0].checked;
    let entry = output::sheet::Entry { path: &a.path, source: source_of(&loaded, checked), checked };
    let bytes = if kind == "docx" { output::letter::docx(&entry) } else { output::letter::html(&entry).into_bytes() };
    match &a.output {
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| format!("无法写入 {}：{e}", p.display()))?;
            eprintln!("nianbao: 已写出整改意见 {}", p.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&bytes);
            let _ = stdout.flush();
        }
    }
    Ok(ExitCode::SUCCESS)
}
