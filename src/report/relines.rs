//! Logical lines for text that lost its line breaks.
//!
//! A crawler's dump of a portal page, or a careless text extraction, can put a whole report on one
//! line: `…联系电话：0591-23165370。一、总体情况2021年，我区…二、主动公开政府信息情况 第二十条第（一）项
//! 信息内容…规章 000行政规范性文件693665…`. Its structure is still in the words: the six part
//! headings and the tables' row labels stand where they always do. Such a line is cut at them into
//! the lines it would have had — part headings, paragraphs, table rows of a label and its figures —
//! as spans of the same text (nothing is copied or changed). A line is only cut when the words leave
//! no doubt: at least two part headings in it, or at least a handful of one table's row labels.

use super::labels;
use crate::parse::{trim_span, Cell, Document, Line};
use crate::span::Span;
use crate::text::{label, Ordinal, OrdinalStyle};

/// Lines shorter than this are left as they are (a heading or a row already has its own line).
const LONG: usize = 120;

/// The openings of the T3 row and group labels (after the ordinal), as the format writes them.
const T3_HEADS: [&str; 31] = [
    "本年新收",
    "上年结转",
    "本年度办理结果",
    "予以公开",
    "部分公开",
    "不予公开",
    "属于国家秘密",
    "其他法律",
    "危及",
    "保护第三方",
    "属于三类内部事务",
    "属于四类过程性",
    "属于行政执法案卷",
    "属于行政查询事项",
    "无法提供",
    "本机关不掌握",
    "没有现成信息",
    "补正后申请内容",
    "不予处理",
    "信访举报投诉",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复",
    "要求行政机关确认",
    "其他处理",
    "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知",
    "其他",
    "总计",
    "合计",
    "结转下年度",
];

/// Words written in a figure's cell ("详见附件"), as they may end a run-together row.
const TEXT_VALUES: [&str; 5] = ["详见附件", "见附件", "详见附表", "见附表", "另附"];

/// T2 row labels and captions: they start a row wherever they stand.
const T2_HEADS: [&str; 10] = [
    "第二十条第",
    "行政规范性文件",
    "规范性文件",
    "规章",
    "行政许可",
    "其他对外管理服务事项",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
];

/// Cuts every long line of the document at the structure its words show.
pub(super) fn reline(doc: &mut Document) {
    if !doc.lines.iter().any(|l| !l.tabular && !l.noise && l.span.len() >= LONG) {
        return;
    }
    let src = doc.src;
    let mut out = Vec::with_capacity(doc.lines.len());
    for line in std::mem::take(&mut doc.lines) {
        if line.tabular || line.noise || line.empty || line.span.len() < LONG {
            out.push(line);
            continue;
        }
        let pieces = part_pieces(src, line.span);
        if pieces.len() == 1 && row_starts(&src[line.span.range()]).len() < 3 {
            // Nothing to cut: the line stays as the text parser split it.
            out.push(line);
            continue;
        }
        for piece in pieces {
            table_rows(src, piece, &mut out);
        }
    }
    doc.lines = out;
}

/// The line cut before and after each part heading it holds inline (two at least).
fn part_pieces(src: &str, span: Span) -> Vec<Span> {
    let text = &src[span.range()];
    let mut headings: Vec<(usize, usize)> = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '一' | '二' | '三' | '四' | '五' | '六'))
        .filter_map(|(i, _)| part_heading_at(text, i).map(|end| (i, end)))
        .filter(|&(i, end)| boundary_before(text, i) || exact_title(&text[i..end]))
        .collect();
    // A part has a body: headings one right after the other are a list of the parts (an
    // introduction), not the parts themselves.
    let has_body = |k: usize, h: &[(usize, usize)]| {
        let next = h.get(k + 1).map_or(text.len(), |n| n.0);
        text[h[k].1..next].chars().count() >= 8
    };
    let keep: Vec<bool> = (0..headings.len()).map(|k| has_body(k, &headings)).collect();
    let mut k = 0;
    headings.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    if headings.len() < 2 {
        return vec![span];
    }
    let mut cuts = vec![0];
    for (start, end) in headings {
        // Headings do not overlap; a cut never goes back.
        if start >= *cuts.last().unwrap_or(&0) {
            cuts.push(start);
            cuts.push(end);
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    cuts.windows(2)
        .map(|w| trim_span(src, Span::new(span.start + w[0], span.start + w[1])))
        .filter(|s| !s.is_empty())
        .collect()
}

/// The heading is one of the six official titles word for word ("三、收到和处理政府信息公开申请
/// 情况"): it may follow anything, even the unit of a figure ("…432.52元三、收到和处理…").
fn exact_title(heading: &str) -> bool {
    let (_, body) = crate::text::split_ordinal(heading);
    labels::section_title(&label(body)).is_some_and(|(_, variant)| !variant)
}

/// What may stand right before an inline heading: the start, the end of a sentence, a blank, a
/// figure (the end of a table) or a closing bracket.
fn boundary_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_none_or(|c| {
        matches!(c, '。' | '；' | ';' | '！' | '？' | '）' | ')' | '”' | '>') || c.is_whitespace() || c.is_ascii_digit()
    })
}

/// The end (byte offset in `text`) of a level-1 part heading starting at `at` ("三、收到和处理政府信息
/// 公开申请情况"): the shortest title the dictionary accepts that ends like a title does.
fn part_heading_at(text: &str, at: usize) -> Option<usize> {
    let window: String = text[at..].chars().take(48).collect();
    let (ordinal, len) = Ordinal::parse(&window)?;
    if ordinal.style != OrdinalStyle::Hanzi || ordinal.number > 6 {
        return None;
    }
    let body = &window[len..];
    for (i, c) in body.char_indices() {
        let end = i + c.len_utf8();
        let candidate = &body[..end];
        // A title has no figures and no blanks: past them is the text after it.
        if c.is_ascii_digit() || c.is_whitespace() {
            return None;
        }
        if !["情况", "事项", "措施", "概述"].iter().any(|e| candidate.ends_with(e)) {
            continue;
        }
        if labels::section_title(&label(candidate)).is_some() {
            return Some(at + len + end);
        }
    }
    None
}

/// Adds the lines of a piece: its table rows, when it holds a table's labels run together with their
/// figures, else the piece as one line.
fn table_rows(src: &str, span: Span, out: &mut Vec<Line>) {
    let text = &src[span.range()];
    let starts = row_starts(text);
    if starts.len() < 3 {
        out.push(one_cell(span));
        return;
    }
    let mut bounds: Vec<usize> = std::iter::once(0).chain(starts).chain(std::iter::once(text.len())).collect();
    bounds.dedup();
    // Prose may stand before the table in its part ("…均已按期答复。 行政复议行政诉讼结果维持…"): up to
    // its last sentence end it is a paragraph, not the table's header.
    if let Some(end) =
        text[..bounds[1]].rfind(SENTENCE_ENDS).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
    {
        out.push(one_cell(trim_span(src, Span::new(span.start, span.start + end))));
        bounds[0] = end;
    }
    for w in bounds.windows(2) {
        let seg = trim_span(src, Span::new(span.start + w[0], span.start + w[1]));
        if seg.is_empty() {
            continue;
        }
        out.push(row_line(src, seg));
    }
}

const SENTENCE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// Where the rows of a run-together table start: each T3 or T2 label (with its ordinal), and the
/// figures at the end of a T4 header. Fewer than 3 means the piece is not such a table. Rows must
/// end in figures: a sentence that merely names a few labels ("行政规范性文件解读比例100%") is prose.
fn row_starts(text: &str) -> Vec<usize> {
    let ends_in_figures = |starts: &[usize]| {
        let mut bounds = starts.to_vec();
        bounds.push(text.len());
        bounds.windows(2).filter(|w| text[w[0]..w[1]].trim_end().ends_with(|c: char| c.is_ascii_digit())).count()
    };
    let t3: Vec<usize> = text
        .char_indices()
        .filter_map(|(i, _)| {
            let (ordinal, len) = Ordinal::parse(&text[i..])?;
            // Arabic ordinals of T3 are one digit (1.–8.): the digits before it belong to a figure.
            let digits = text[i..].chars().take_while(char::is_ascii_digit).count();
            let single = ordinal.style != OrdinalStyle::Arabic || (digits == 1 && ordinal.number > 0);
            let rest = &text[i + len..];
            (single && T3_HEADS.iter().any(|h| starts_with_head(rest, h))).then_some(i)
        })
        .collect();
    if t3.len() >= 5 && ends_in_figures(&t3) >= 3 {
        return t3;
    }
    let mut t2 = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match T2_HEADS.iter().find(|h| text[i..].starts_with(**h)) {
            Some(h) => {
                t2.push(i);
                i += h.len();
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let caption = text.contains("第二十条第");
    if caption && t2.len() >= 3 && t2.iter().filter(|&&s| figures_follow(&text[s..])).count() >= 2 {
        return t2;
    }
    // T4: its header words, then its figures run together.
    let folded = label(text);
    if folded.contains("未经复议直接起诉") && folded.contains("复议后起诉") {
        let body = text.trim_end();
        let figures = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ').len();
        // Fewer figures than cells when the blanks were lost, but then right after the last header.
        if figures >= 10 || figures > 0 && label(&body[..body.len() - figures]).ends_with("总计") {
            return vec![0, body.len() - figures, body.len()];
        }
    }
    Vec::new()
}

/// A T2 row label directly followed by its figures ("规章 000", "行政许可2293").
fn figures_follow(text: &str) -> bool {
    let Some(head) = T2_HEADS.iter().find(|h| text.starts_with(**h)) else { return false };
    text[head.len()..].trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// `rest` opens with the label head `h`, reading 其它 as 其他 (both are written).
fn starts_with_head(rest: &str, h: &str) -> bool {
    let mut r = rest.chars().map(|c| if c == '它' { '他' } else { c });
    h.chars().all(|c| r.next() == Some(c))
}

/// "/" written in a cell for 无 or 不适用.
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '／')
}

fn one_cell(span: Span) -> Line {
    Line { span, cells: vec![Cell { span }], empty: false, multi: false, tabular: false, noise: false }
}

/// A row of a run-together table: the label, then its figures as tokens split at blanks (a run of
/// digits is one token here; the table reader cuts it into cells). A segment without figures (a
/// caption, a header, a group label) is one cell.
fn row_line(src: &str, seg: Span) -> Line {
    let text = &src[seg.range()];
    let body = text.trim_end();
    // A last cell written in words after the figures ("000000详见附件") is a figure of the row.
    let worded = TEXT_VALUES
        .iter()
        .find(|w| body.strip_suffix(**w).is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit() || c == ' ')));
    let body = worded.map_or(body, |w| &body[..body.len() - w.len()]).trim_end();
    // A thousands comma is part of a figure ("行政许可4,687"), and so is a minus sign ("-100000-1").
    let figures_at =
        body.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '.' | ',' | '-') || is_slash(c)).len();
    let figures_at =
        body[figures_at..].find(|c: char| c.is_ascii_digit() || is_slash(c)).map_or(body.len(), |i| figures_at + i);
    let figures_at = if body[..figures_at].ends_with('-') { figures_at - 1 } else { figures_at };
    if figures_at >= body.len() || figures_at == 0 {
        // A caption, header or group label of the table: never prose.
        return Line { tabular: true, ..one_cell(seg) };
    }
    let label_span = trim_span(src, Span::new(seg.start, seg.start + figures_at));
    let mut cells = vec![Cell { span: label_span }];
    let mut at = seg.start + figures_at;
    for tok in body[figures_at..].split(' ') {
        // A slash is a cell of its own ("规章///": three cells written “/”); digits stay one token,
        // up to a minus sign, which starts the next figure.
        let mut from = 0;
        for (i, c) in tok.char_indices().filter(|&(i, c)| is_slash(c) || c == '-' && i > 0) {
            if c == '-' {
                cells.push(Cell { span: Span::new(at + from, at + i) });
                from = i;
                continue;
            }
            if i > from {
                cells.push(Cell { span: Span::new(at + from, at + i) });
            }
            cells.push(Cell { span: Span::new(at + i, at + i + c.len_utf8()) });
            from = i + c.len_utf8();
        }
        if from < tok.len() {
            cells.push(Cell { span: Span::new(at + from, at + tok.len()) });
        }
        at += tok.len() + 1;
    }
    if let Some(w) = worded {
        let end = seg.start + text.trim_end().len();
        cells.push(Cell { span: Span::new(end - w.len(), end) });
    }
    Line { span: seg, cells, empty: false, multi: true, tabular: true, noise: false }
}

/// Used by tests: the part heading a text starts with, if any.
#[cfg(test)]
fn heading(text: &str) -> Option<u8> {
    let end = part_heading_at(text, 0)?;
    let (_, body) = crate::text::split_ordinal(&text[..end]);
    labels::section_title(&label(body)).map(|x| x.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_part_headings() {
        assert_eq!(heading("一、总体情况2021年，我区以…"), Some(1));
        assert_eq!(heading("四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持"), Some(4));
        assert_eq!(heading("六、其他需要报告的事项2021年，无收取信息处理费情况。"), Some(6));
        assert_eq!(heading("四、结转下年度继续办理1000001"), None);
    }

    fn lines(text: &str) -> Vec<Vec<String>> {
        let mut doc = Document::parse(text);
        reline(&mut doc);
        doc.lines.iter().map(|l| l.cells.iter().map(|c| doc.text(c.span).to_string()).collect()).collect()
    }

    #[test]
    fn a_one_line_report_is_cut_into_its_lines() {
        let text = "本报告由总体情况等六部分组成。一、总体情况2024年，本局认真贯彻落实《条例》。二、主动公开政府信息情况 \
                    第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件693665\
                    第二十条第（五）项信息内容本年处理决定数量行政许可2293第二十条第（六）项信息内容本年处理决定数量行政处罚2,654 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：\
                    第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量801000081\
                    二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开500000 5（三）不予公开1.属于国家秘密0000000\
                    2.其他法律行政法规禁止公开0000000";
        let l = lines(text);
        let find = |first: &str| l.iter().find(|c| c.first().is_some_and(|x| x.starts_with(first))).cloned();
        assert_eq!(find("一、总体情况"), Some(vec!["一、总体情况".to_string()]));
        assert_eq!(find("规章"), Some(vec!["规章".to_string(), "000".to_string()]));
        assert_eq!(find("行政规范性文件"), Some(vec!["行政规范性文件".to_string(), "693665".to_string()]));
        assert_eq!(find("行政处罚"), Some(vec!["行政处罚".to_string(), "2,654".to_string()]), "a thousands comma");
        let l = lines(
            "三、本年度办理结果（一）予以公开180000018（二）部分公开0000000（三）不予公开1．属于国家秘密0000000\
                       2．其他法律行政法规禁止公开0000000（七）总计180000018四、结转下年度继续办理-100000-1",
        );
        let carried = l.iter().find(|c| c.first().is_some_and(|x| x.starts_with("四、结转下年度")));
        assert_eq!(carried.map(|c| c[1..].join("|")), Some("-100000|-1".to_string()), "{l:?}");
        assert_eq!(
            find("一、本年新收"),
            Some(vec!["一、本年新收政府信息公开申请数量".to_string(), "801000081".to_string()])
        );
        assert_eq!(find("（一）予以公开").map(|c| c.len()), Some(3), "{l:?}");
        assert_eq!(
            find("2.其他法律"),
            Some(vec!["2.其他法律行政法规禁止公开".to_string(), "0000000".to_string()]),
            "the ordinal 2 is not a figure of the row before"
        );
        assert!(find("三、收到和处理政府信息公开申请情况").is_some());
    }

    #[test]
    fn qita_is_read_as_qita() {
        // 其它 for 其他 in a label: its row still starts there (not a figure of the row before).
        let text = "三、本年度办理结果（一）予以公开180000018（二）部分公开0000000（三）不予公开1．属于国家秘密0000000\
                    2．其它法律行政法规禁止公开00000003．危及“三安全一稳定”0000000（七）总计240000024";
        let l = lines(text);
        let row = l.iter().find(|c| c.first().is_some_and(|x| x.starts_with("2．其它法律")));
        assert_eq!(row.map(|c| c[1].as_str()), Some("0000000"), "{l:?}");
        let before = l.iter().find(|c| c.first().is_some_and(|x| x.starts_with("1．属于国家秘密")));
        assert_eq!(before.map(|c| c[1].as_str()), Some("0000000"), "{l:?}");
    }

    #[test]
    fn ordinary_lines_stay_whole() {
        let text = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、\
                    存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。";
        assert_eq!(lines(text).len(), 1);
    }
}
