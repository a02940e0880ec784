use crate::declare_rule;
use crate::diag::{Finding, Severity};
use crate::rules::Context;
use crate::span::Span;

declare_rule! {
    /// ## 检查内容
    /// 文本是否按正确的编码读入：出现替换字符“�”、控制字符（如 NUL），或 UTF-8 文字被当作 GBK 读入后的
    /// 典型乱码（如“鏀垮簻淇℃伅鍏紑”），都说明文件编码读错了或文本已损坏。文本中的零宽字符、文字方向
    /// 控制符在检查时被忽略，但会提示删除。
    ///
    /// ## 为什么是问题
    /// 编码读错后，标题、表格标签和数字都无法识别，检查结果不可信；不可见字符会让数字和标签在其他系统中
    /// 比对失败。
    ///
    /// ## 示例
    /// 错误：把 GBK 编码的 .txt 当作 UTF-8 打开，文中出现大量“�”。
    /// 正确：用正确的编码（GBK/GB18030）重新打开，或另存为 UTF-8 后再粘贴。
    ///
    /// ## 依据
    /// 本检查器的输入要求（文本须可读）；不属于年报格式本身的要求。
    pub static INPUT_ENCODING = {
        id: "INPUT-ENCODING",
        severity: Warning,
        title: "文本编码错误或含不可见字符",
        help: "用正确的编码重新打开文件（GBK 文件选 GBK/GB18030），并删除不可见字符后再检查。",
        check: check,
    }
}

/// Typical fragments of UTF-8 report text decoded as GBK: 政府 信息 公开 申请 年度.
const MOJIBAKE: [&str; 5] = ["鏀垮簻", "淇℃伅", "鍏紑", "鐢宠", "骞村害"];

fn is_bad_control(c: char) -> bool {
    (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') || c == '\u{7F}'
}

fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

/// First place and number of each kind of trouble, found in one pass.
#[derive(Default)]
struct Tally {
    replacement: Option<(usize, usize)>,
    control: Option<(usize, char, usize)>,
    invisible: Option<(usize, char, usize)>,
}

fn tally(src: &str) -> Tally {
    let mut t = Tally::default();
    for (i, c) in src.char_indices() {
        // Ordinary text (ASCII letters and digits, 汉字) is by far the most common: skip it quickly.
        if (' '..'\u{7F}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c) || matches!(c, '\n' | '\t' | '\r') {
            continue;
        }
        if c == '\u{FFFD}' {
            let e = t.replacement.get_or_insert((i, 0));
            e.1 += 1;
        } else if is_bad_control(c) {
            let e = t.control.get_or_insert((i, c, 0));
            e.2 += 1;
        } else if is_invisible_mark(c) && !(i == 0 && c == '\u{FEFF}') {
            // A BOM at the very start is normal; elsewhere, and the other marks, are noise.
            let e = t.invisible.get_or_insert((i, c, 0));
            e.2 += 1;
        }
    }
    t
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let src = ctx.report.src();
    let t = tally(src);
    if let Some((at, n)) = t.replacement {
        let message = format!(
            "文本中有 {n} 处无法识别的字符（�），通常是文件编码读错了（例如把 GBK 文件当作 UTF-8 打开）；请用正确的编码重新打开后再检查"
        );
        out.push(INPUT_ENCODING.finding(Span::new(at, at + '\u{FFFD}'.len_utf8()), message));
    }
    if src.contains(['鏀', '淇', '鍏', '鐢', '骞']) {
        if let Some((at, w)) = MOJIBAKE.iter().filter_map(|w| src.find(w).map(|at| (at, *w))).min() {
            let message =
                format!("文本中出现“{w}”这类乱码，像是 UTF-8 文件被当作 GBK 读入；请改用 UTF-8 重新打开后再检查");
            out.push(INPUT_ENCODING.finding(Span::new(at, at + w.len()), message));
        }
    }
    if let Some((at, c, n)) = t.control {
        let message =
            format!("文本中有 {n} 个控制字符（如 U+{:04X}），文件可能已损坏或不是文本文件；检查时已忽略它们", c as u32);
        out.push(INPUT_ENCODING.finding(Span::new(at, at + c.len_utf8()), message));
    }
    if let Some((at, c, n)) = t.invisible {
        let message = format!("文本中有 {n} 个不可见字符（零宽字符或文字方向控制符），检查时已忽略；建议从原文中删除");
        out.push(INPUT_ENCODING.finding(Span::new(at, at + c.len_utf8()), message).severity(Severity::Info));
    }
}
