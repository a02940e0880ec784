//! Text output for people: each finding with its source line and the span underlined.

use crate::diag::Severity;
use crate::span::LineIndex;
use crate::Checked;

/// Display width of a string in a terminal (汉字 and full-width forms count two columns).
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\t' => 4,
            c if c.is_control() => 0,
            c if (c as u32) >= 0x1100
                && (crate::text::is_hanzi(c)
                    || ('\u{3000}'..='\u{303F}').contains(&c)
                    || ('\u{FF00}'..='\u{FF60}').contains(&c)
                    || ('\u{2E80}'..='\u{2FDF}').contains(&c)
                    || ('\u{201C}'..='\u{201D}').contains(&c)) =>
            {
                2
            }
            _ => 1,
        })
        .sum()
}

pub fn render(path: &str, source: &str, checked: &Checked) -> String {
    render_paged(path, source, checked, &[])
}

/// `render` for a PDF: `pages` are the offsets in `source` where pages 1, 2, … start, and each
/// location names its page.
pub fn render_paged(path: &str, source: &str, checked: &Checked, pages: &[usize]) -> String {
    render_styled(path, source, checked, pages, false)
}

/// ANSI styles of the terminal output.
fn paint(on: bool, code: &str, s: &str) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// `render_paged`, coloured with ANSI escapes when `color` (the CLI's `--color`). HTML input shows
/// the lines of its visible text, not of its markup.
pub fn render_styled(path: &str, source: &str, checked: &Checked, pages: &[usize], color: bool) -> String {
    let shown_text = super::Shown::of(source, checked);
    let source = shown_text.text;
    let idx = LineIndex::new(source);
    let mut out = String::new();
    for f in &checked.findings {
        let sev = match f.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        let f_span = shown_text.span(f.span);
        let line_no = idx.line(f_span.start);
        let start = idx.line_start(line_no);
        let line_end = source[start..].find('\n').map_or(source.len(), |e| start + e);
        let line = source[start..line_end].trim_end_matches('\r');
        let col = source[start..f_span.start.min(line_end).max(start)].chars().count() + 1;
        let head = format!("{}[{}]", f.severity.as_str(), f.rule);
        out.push_str(&format!("{} {}\n", paint(color, sev, &head), paint(color, "1", &f.message)));
        let page = pages.partition_point(|&p| p <= f_span.start);
        let arrow = paint(color, "1;34", "-->");
        if page > 0 {
            out.push_str(&format!("  {arrow} {path}:{line_no}:{col}（第 {page} 页）\n"));
        } else {
            out.push_str(&format!("  {arrow} {path}:{line_no}:{col}\n"));
        }
        // Show at most 80 characters of long lines, centred on the span.
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let rel_start = f_span.start.saturating_sub(start).min(line.len());
        let rel_end = f_span.end.saturating_sub(start).min(line.len()).max(rel_start);
        let first_char = chars.iter().position(|(i, _)| *i >= rel_start).unwrap_or(chars.len());
        let from = first_char.saturating_sub(30);
        let to = (from + 80).min(chars.len());
        let byte_from = chars.get(from).map_or(line.len(), |c| c.0);
        let byte_to = chars.get(to).map_or(line.len(), |c| c.0);
        let shown = &line[byte_from..byte_to];
        let gutter = format!("{line_no}");
        out.push_str(&format!("{} |\n", " ".repeat(gutter.len())));
        out.push_str(&format!(
            "{gutter} | {}{}{}\n",
            if from > 0 { "…" } else { "" },
            shown.replace('\t', "    "),
            if to < chars.len() { "…" } else { "" }
        ));
        let pad = width(&line[byte_from..rel_start.max(byte_from).min(byte_to)]) + if from > 0 { 1 } else { 0 };
        let mark = width(
            &line[rel_start.max(byte_from).min(byte_to)
                ..rel_end.min(byte_to).max(rel_start.max(byte_from).min(byte_to))],
        )
        .max(1);
        let carets = paint(color, sev, &"^".repeat(mark));
        out.push_str(&format!("{} | {}{carets}\n", " ".repeat(gutter.len()), " ".repeat(pad)));
        if let Some(a) = &f.assumption {
            out.push_str(&format!("  = 假设：{a}\n"));
        }
        if !f.help.is_empty() {
            out.push_str(&format!("  = 建议：{}\n", f.help));
        }
        if f.fix.is_some() {
            out.push_str(&format!("  = 修改：{}（--fix 可自动修改）\n", super::sheet::suggestion(&shown_text, f)));
        }
        if let Some(note) = &f.verified {
            out.push_str(&format!("  = 已核实：{}\n", if note.is_empty() { "（无说明）" } else { note }));
        }
        out.push('\n');
    }
    out
}

/// "滔溪镇人民政府 2024年度 2021格式 — 2 个错误、3 个警告、1 条提示；读取：6/6 部分，表二 10/10、表三
/// 175/175、表四 15/15 个单元格", or that the input is not an annual report.
pub fn summary(path: &str, checked: &Checked) -> String {
    let r = &checked.report;
    if !r.recognised {
        return format!("{path}: 未识别为政府信息公开工作年度报告（没有找到年报标题、六个部分或统计表），未作检查\n");
    }
    let t = &r.coverage.tables;
    // Verified findings (已核实) are not counted.
    let (counts, _) = super::sheet::counts(checked);
    format!(
        "{path}: {} {} {}格式 — {} 个错误、{} 个警告、{} 条提示；读取：{}/6 部分，表二 {}/{}、表三 {}/{}、表四 {}/{} 个单元格\n",
        r.org.as_deref().unwrap_or("（未识别单位）"),
        r.year.map_or("（年度未识别）".to_string(), |y| format!("{y}年度")),
        r.format.as_str(),
        counts[0],
        counts[1],
        counts[2],
        r.coverage.sections,
        t.T2.found,
        t.T2.expected,
        t.T3.found,
        t.T3.expected,
        t.T4.found,
        t.T4.expected,
    )
}
