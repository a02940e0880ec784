//! The command line's arguments (clap derive), its Chinese help, and clap's errors as the one-line
//! Chinese message contract.md §2 asks for.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, Command, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use nianbao::diag::Severity;
use std::path::PathBuf;

const EXIT_CODES: &str = "退出码：0 无错误；1 至少一个错误；2 用法或读取错误。";

const CHECK_AFTER: &str = "\
FILE 可以是文本、网页、Word/WPS 文档或 PDF（按内容识别：.txt .htm .html .md .docx .doc .wps .pdf），
也可以是 - （标准输入）或目录（检查目录中所有这些格式的报告）。读取 PDF 需要 MuPDF 的 mutool 程序。
多个文件在所有处理器核心上并行检查（-j N 限定线程数），结果按参数顺序输出，汇总写到标准错误。
未给 --previous 时，同一单位相邻两年的报告自动配对，以上年报告检查本年报告（--no-pair 关闭）。
--fix 把有确定改法的问题（错别字、年份等）直接改进文本/网页文件（编码不变）并重新检查；
Word/WPS 文档和 PDF 不能自动修改，请在 Word/WPS 中按检查结果修改。--diff 只显示将作的修改。
退出码：0 无错误；1 至少一个错误（--fix 时指修改后仍有错误）；2 用法或读取错误。";

/// 年报体检：检查政府信息公开工作年度报告（表格勾稽、正文与表格一致、格式与文字）。
#[derive(Parser, Debug)]
#[command(name = "nianbao", version, disable_help_flag = true, disable_version_flag = true, after_help = EXIT_CODES)]
pub struct Cli {
    /// 何时使用颜色（也遵循环境变量 NO_COLOR）
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,
    /// 显示帮助
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub cmd: Cmd,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// 检查报告（文件、目录或 - 标准输入）
    #[command(after_help = CHECK_AFTER)]
    Check(CheckArgs),
    /// 列出规则目录及每条规则的说明
    Rules(RulesArgs),
    /// 显示一条规则的说明
    Explain {
        /// 规则编号，例如 T3-BALANCE
        #[arg(value_name = "RULE-ID")]
        rule: String,
    },
    /// 生成给报告单位的整改意见（.docx 或可打印的 .html）
    Letter(LetterArgs),
    /// 输出 shell 自动补全脚本（bash、zsh、fish、powershell、elvish）
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// 输出格式：text 给人看，json 见 contract.md，csv 为固定英文列，csv-zh 为中文整改清单，xlsx 为工作簿
    #[arg(short = 'f', long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// 把结果写到文件而不是标准输出
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 上年度报告，用于同比检查
    #[arg(long, value_name = "FILE")]
    pub previous: Option<String>,
    /// 只列出这一严重程度及以上的问题
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = Level::Info)]
    pub min_severity: Level,
    /// 并行线程数（默认：全部处理器核心）
    #[arg(short = 'j', long, value_name = "N", value_parser = jobs)]
    pub jobs: Option<u16>,
    /// 不自动配对同一单位相邻两年的报告
    #[arg(long)]
    pub no_pair: bool,
    /// 把确定的修改写回文本/网页文件，然后重新检查（Word/WPS 文档和 PDF 请在 Word/WPS 中修改）
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// 只显示 --fix 将作的修改（统一差异格式），不写文件
    #[arg(long)]
    pub diff: bool,
    /// 要检查的文件或目录；- 表示标准输入
    #[arg(value_name = "FILE", required = true)]
    pub paths: Vec<String>,
}

fn jobs(s: &str) -> Result<u16, String> {
    s.parse::<u16>().ok().filter(|n| *n > 0).ok_or_else(|| "应为 1 到 65535 之间的整数".to_string())
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// 输出格式
    #[arg(short = 'f', long, value_enum, default_value_t = RulesFormat::Md)]
    pub format: RulesFormat,
}

#[derive(Args, Debug)]
pub struct LetterArgs {
    /// 写到这个文件：.docx 为 Word 文档，.html 为可打印的网页（不给时网页写到标准输出）
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 上年度报告，用于同比检查
    #[arg(long, value_name = "FILE")]
    pub previous: Option<String>,
    /// 要检查的报告（- 表示标准输入）
    #[arg(value_name = "FILE")]
    pub path: String,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
    CsvZh,
    Xlsx,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Md,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
}

impl Level {
    pub fn severity(self) -> Severity {
        match self {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Colour for a stream: `always`, or `auto` on a terminal without NO_COLOR (no-color.org: set and
    /// not empty).
    pub fn on(self, terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => terminal && !no_color,
        }
    }
}

const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// The command with Chinese headings on every level (clap's own are English).
pub fn command(color: ColorWhen) -> Command {
    let clap_color = match color {
        ColorWhen::Auto => clap::ColorChoice::Auto,
        ColorWhen::Always => clap::ColorChoice::Always,
        ColorWhen::Never => clap::ColorChoice::Never,
    };
    localise(Cli::command().color(clap_color))
}

fn localise(cmd: Command) -> Command {
    // An option given twice: the last one counts (`-j4 … --jobs 2`), as before clap.
    cmd.help_template(TEMPLATE)
        .args_override_self(true)
        .subcommand_help_heading("子命令")
        .subcommand_value_name("子命令")
        .disable_help_subcommand(true)
        .mut_args(|a| if a.is_positional() { a.help_heading("参数") } else { a.help_heading("选项") })
        .mut_subcommands(localise)
}

/// The `--color` of the arguments, read before clap parses them (its own messages follow it).
fn color_of(args: &[String]) -> ColorWhen {
    let mut out = ColorWhen::Auto;
    for (i, a) in args.iter().enumerate() {
        let v = match a.strip_prefix("--color") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(c) = v.and_then(|v| ColorWhen::from_str(v, true).ok()) {
            out = c;
        }
    }
    out
}

/// What the arguments ask for: the parsed command, or text to print and the exit code (help,
/// version: 0 on standard output; a usage error: 2 with one line on standard error).
pub enum Parsed {
    Run(Cli),
    Print { text: String, code: u8, to_stderr: bool },
}

pub fn parse(mut args: Vec<String>) -> Parsed {
    // `nianbao help [SUBCOMMAND]`, as before clap: the same as `--help`.
    if args.get(1).map(String::as_str) == Some("help") {
        args.remove(1);
        args.push("--help".into());
    }
    let color = color_of(&args[1.min(args.len())..]);
    let mut cmd = command(color);
    match cmd.try_get_matches_from_mut(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Parsed::Run(cli),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let text = if color.on(std::io::IsTerminal::is_terminal(&std::io::stdout())) {
                    e.render().ansi().to_string()
                } else {
                    e.render().to_string()
                };
                Parsed::Print { text, code: 0, to_stderr: false }
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                // Bare `nianbao`: the help on standard output, and a usage error.
                let help = cmd.render_help().to_string();
                let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), help.as_bytes());
                Parsed::Print {
                    text: "nianbao: 缺少子命令（check、rules、explain、letter、completions）".into(),
                    code: 2,
                    to_stderr: true,
                }
            }
            _ => Parsed::Print { text: format!("nianbao: {}", one_line(&e)), code: 2, to_stderr: true },
        },
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("、")),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap error as one Chinese line, keeping clap's suggestion ("是否想用 --format？").
pub fn one_line(e: &clap::Error) -> String {
    // "--format <FORMAT>" → "--format"
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let arg = arg.split_whitespace().next().unwrap_or_default().to_string();
    let hint = |kind| context(e, kind).map(|s| format!("；是否想用 {s}？")).unwrap_or_default();
    let line = match e.kind() {
        ErrorKind::UnknownArgument => {
            format!("未知选项或参数 {arg}{}（--help 查看用法）", hint(ContextKind::SuggestedArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "未知子命令 {}{}（可用：check、rules、explain、letter、completions）",
            context(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            hint(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            let valid = context(e, ContextKind::ValidValue).map(|v| format!("，可用的值：{v}")).unwrap_or_default();
            if value.is_empty() {
                format!("{arg} 需要一个值{valid}")
            } else {
                format!("{arg} 的值不能是 {value}{valid}{}", hint(ContextKind::SuggestedValue))
            }
        }
        ErrorKind::ValueValidation => format!(
            "{arg} 的值 {} 无效：{}",
            context(e, ContextKind::InvalidValue).unwrap_or_default(),
            e.source().map(|s| s.to_string()).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = context(e, ContextKind::InvalidArg).unwrap_or_default();
            if missing.contains("FILE") {
                "请给出要检查的文件或目录（或 - 表示标准输入）".to_string()
            } else {
                format!("缺少参数 {missing}")
            }
        }
        ErrorKind::ArgumentConflict => {
            format!("{arg} 不能与 {} 同时使用", context(e, ContextKind::PriorArg).unwrap_or_else(|| "其他选项".into()))
        }
        _ => {
            // Other kinds: clap's own first line, without its "error: " prefix.
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("").trim_start_matches("error: ").to_string();
            format!("{first}（--help 查看用法）")
        }
    };
    line.replace('\n', " ")
}

use std::error::Error as _;
