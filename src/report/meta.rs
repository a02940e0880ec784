//! Title, body name, report year, format version and publication date.

use super::{Date, Format, FormatLabel, Report, Title};
use crate::parse::Document;
use crate::span::Span;
use crate::text::{find_years, label, Mode, Norm};

/// Labels that exist in one format only (rules.md §1.6).
const V2019_LABELS: [&str; 8] = [
    "本年新制作",
    "本年新公开",
    "对外公开总数",
    "上一年项目数",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "政府集中采购",
];
const V2021_LABELS: [&str; 6] =
    ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正"];

pub(super) fn format_labels(doc: &Document, norms: &[Vec<std::borrow::Cow<str>>]) -> Vec<FormatLabel> {
    let mut out = Vec::new();
    for (line, line_norms) in doc.lines.iter().zip(norms) {
        for (cell, norm) in line.cells.iter().zip(line_norms) {
            // Numbers are not labels (every label has several 汉字), nor are prose lines (the
            // normalised text keeps only their start).
            if norm.len() < 12 || cell.span.len() > 240 && doc.text(cell.span).chars().nth(80).is_some() {
                continue;
            }
            for l in V2019_LABELS {
                if norm.contains(l) {
                    out.push(FormatLabel { format: Format::V2019, label: l, span: cell.span });
                }
            }
            for l in V2021_LABELS {
                if norm.contains(l) {
                    out.push(FormatLabel { format: Format::V2021, label: l, span: cell.span });
                }
            }
        }
    }
    out
}

/// The format the table labels point to, if any.
pub(super) fn format_from_labels(labels: &[FormatLabel]) -> Option<Format> {
    let distinct = |f: Format| {
        let mut v: Vec<&str> = labels.iter().filter(|l| l.format == f).map(|l| l.label).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v.len()
    };
    let (a, b) = (distinct(Format::V2019), distinct(Format::V2021));
    match (a, b) {
        (0, 0) => None,
        (a, b) if a > b => Some(Format::V2019),
        (a, b) if b > a => Some(Format::V2021),
        _ => None,
    }
}

pub(super) fn fill(r: &mut Report) {
    r.title = find_title(&r.doc);
    let title = r.title.as_ref().and_then(|t| t.year.map(|y| (y, year_in(&r.doc, t.span, y))));
    let period = period_year(r);
    let first_sentence = first_sentence_year(r);
    let first_sentence_dates = first_sentence.is_some_and(|(_, s)| super::query::dates_the_year(r.src(), s));
    r.year_evidence = super::YearEvidence { title, period, first_sentence, first_sentence_dates };
    r.year = r.year_evidence.weighed().or(first_sentence.map(|x| x.0)).or_else(|| mentioned_year(&r.doc).map(|x| x.0));
    r.format = format_from_labels(&r.format_labels)
        .or_else(|| {
            // Same number of labels of each kind: the report year decides.
            let any = !r.format_labels.is_empty();
            (any).then(|| if r.year.is_some_and(|y| y <= 2020) { Format::V2019 } else { Format::V2021 })
        })
        .or_else(|| {
            // The T3 layout alone: three 其他处理 sub-rows exist only in 2021.
            let t3 = r.table(super::TableId::T3)?;
            use super::keys::{RowKey, T3Row};
            let split = t3.rows.iter().any(|x| matches!(x.key, RowKey::T3(T3Row::R21 | T3Row::R22 | T3Row::R23)));
            split.then_some(Format::V2021)
        })
        .unwrap_or(Format::Unknown);
    r.org = r.title.as_ref().and_then(|t| t.org.clone()).or_else(|| org_from_first_sentence(r));
    r.pub_date = pub_date(&r.doc);
    r.signed = signed_date(&r.doc);
}

/// Where the title writes its year ("2024年" in the source), or the whole title when it is written
/// otherwise (full-width or spaced digits).
fn year_in(doc: &Document, title: Span, year: i32) -> Span {
    let raw = doc.text(title);
    let digits = year.to_string();
    raw.match_indices(&digits)
        .find(|(i, _)| raw[i + digits.len()..].starts_with('年'))
        .map_or(title, |(i, _)| Span::new(title.start + i, title.start + i + digits.len() + '年'.len_utf8()))
}

/// The title: an early short line (or two joined, for PDF wraps) naming the annual report.
fn find_title(doc: &Document) -> Option<Title> {
    let lines: Vec<&crate::parse::Line> =
        doc.lines.iter().filter(|l| !l.empty && !l.noise && !l.cells.is_empty()).take(12).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.multi {
            continue;
        }
        let span = line.cells[0].span;
        let mut candidates = vec![span];
        if let Some(next) = lines.get(i + 1).filter(|l| !l.multi) {
            candidates.push(span.cover(next.cells[0].span));
        }
        for cand in candidates {
            let raw = doc.text(cand);
            let norm = label(raw);
            if norm.chars().count() > 60 || !is_title_text(&norm) {
                continue;
            }
            // Drop navigation left in front of the title by web copies ("当前位置:首页>…>").
            let norm = strip_navigation(&norm);
            let years = find_years(&norm);
            let year = years.first().map(|y| y.year);
            let org = years.first().and_then(|y| org_from_title(&norm, y.start, y.end));
            let standard =
                norm.contains("政府信息公开工作") && (norm.ends_with("年度报告") || norm.ends_with("年度报告(全文)"));
            let raw_text: String = raw.split_whitespace().collect::<Vec<_>>().join("");
            let text = if label(&raw_text) == norm { raw_text } else { norm.clone() };
            return Some(Title { span: cand, text, year, org, standard });
        }
    }
    None
}

/// Navigation words and separators that web pages put before the title.
const NAV_CUTS: [&str; 14] =
    [">", "》", "】", "»", "|", "打印", "专版", "专栏", "年报", "首页", ")", "---", "标题:", "题目:"];

fn strip_navigation(norm: &str) -> String {
    let year_at = find_years(norm).first().map_or(norm.len(), |y| y.start);
    let before = &norm[..year_at];
    let cut = NAV_CUTS.iter().filter_map(|c| before.rfind(c).map(|i| i + c.len())).max().unwrap_or(0);
    let mut rest = &norm[cut..];
    for lead in ["信息公开", "政务公开", "政府信息公开"] {
        if let Some(r) = rest.strip_prefix(lead) {
            if find_years(r).first().is_some_and(|y| y.start == 0) {
                rest = r;
            }
        }
    }
    rest.to_string()
}

/// "现公布我局2022年政府信息公开工作年度报告", a page header naming the report: the year in it.
fn mentioned_year(doc: &Document) -> Option<(i32, Span)> {
    for line in doc.lines.iter().filter(|l| !l.empty).take(40) {
        let span = line.span;
        // Such a sentence opens a report: a window of the line's start is enough.
        let raw = doc.text(span);
        let cut = raw.char_indices().nth(300).map_or(raw.len(), |(i, _)| i);
        let norm = Norm::new(&raw[..cut], span.start, Mode::Label);
        for y in find_years(&norm.text) {
            let after: String = norm.text[y.end..].chars().take(30).collect();
            let report_word = ["年度报告", "工作报告", "年报"].iter().any(|w| after.contains(w));
            if after.contains("信息公开") && report_word && !norm.text[..y.start].ends_with("关于做好") {
                return Some((y.year, norm.span(y.start, y.end)));
            }
        }
    }
    None
}

pub(super) fn is_title_text(norm: &str) -> bool {
    let report_word = ["年度报告", "工作报告", "工作年报", "年报", "工作总结"]
        .iter()
        .any(|w| norm.ends_with(w) || norm.ends_with(&format!("{w}(全文)")));
    report_word && (norm.contains("信息公开") || norm.contains("政务公开")) && !find_years(norm).is_empty()
}

fn org_from_title(norm: &str, ystart: usize, yend: usize) -> Option<String> {
    let before = norm[..ystart].trim_start_matches("关于");
    if before.chars().count() >= 2 {
        return Some(before.to_string());
    }
    let after = norm[yend..].trim_start_matches('度');
    let stop = ["政府信息公开", "政务公开"].iter().filter_map(|w| after.find(w)).min()?;
    let org = &after[..stop];
    (org.chars().count() >= 2).then(|| org.to_string())
}

/// "统计期限为2024年1月1日至12月31日": the start year.
fn period_year(r: &Report) -> Option<(i32, Span)> {
    // By sentence: a PDF copy wraps "2023年1月1\n日至…" over two lines.
    for st in &r.prose_sentences {
        let t = st.text();
        if !t.contains("1月1日") {
            continue;
        }
        for y in find_years(t) {
            if !t[y.end..].starts_with("1月1日") {
                continue;
            }
            let before: String = t[..y.start].chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect();
            if ["统计", "期限", "周期", "时限", "区间"].iter().any(|c| before.contains(c)) {
                return Some((y.year, st.span_of(y.start, y.end)));
            }
        }
    }
    None
}

/// "2024年，…" opening the first paragraph of 一 (or of the text when 一 has no heading).
fn first_sentence_year(r: &Report) -> Option<(i32, Span)> {
    let first = r.part_paragraphs(1).find(|p| !p.heading).or_else(|| r.prose().next())?;
    let norm = r.paragraph_norm(first);
    // The year opens the sentence: look only at its start.
    let text = norm.text();
    let cut = text.char_indices().nth(40).map_or(text.len(), |(i, _)| i);
    let y = find_years(&text[..cut]).into_iter().next()?;
    // "2024年，…", "2024年度…", "2024年以来…": not a citation such as "根据2019年修订的《条例》".
    let after = &text[y.end..];
    let dates_the_year = [",", "，", "度", "以来", "全年", "年内", "上半年"].iter().any(|w| after.starts_with(w));
    (dates_the_year && text[..y.start].chars().count() <= 12).then(|| (y.year, norm.span(y.start, y.end)))
}

const ORG_SUFFIXES: [&str; 16] = [
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "街道办事处",
    "办事处",
    "委员会",
    "管委会",
    "局",
    "委",
    "办",
    "厅",
    "中心",
    "镇",
    "乡",
    "街道",
    "部",
];

/// Words that start the predicate after the body's name in an opening sentence.
const VERBS: [&str; 18] = [
    "高度",
    "认真",
    "深入",
    "坚持",
    "严格",
    "按照",
    "始终",
    "紧紧",
    "全面",
    "紧密",
    "围绕",
    "扎实",
    "持续",
    "进一步",
    "贯彻",
    "积极",
    "共",
    "在",
];

/// "2024年，滔溪镇人民政府高度重视…" → 滔溪镇人民政府.
fn org_from_first_sentence(r: &Report) -> Option<String> {
    let first = r.part_paragraphs(1).find(|p| !p.heading).or_else(|| r.prose().next())?;
    let raw = r.text(first.span);
    let cut = raw.char_indices().nth(64).map_or(raw.len(), |(i, _)| i);
    let norm = label(&raw[..cut]);
    let y = find_years(&norm).into_iter().next()?;
    if y.start != 0 {
        return None;
    }
    let rest = norm[y.end..].trim_start_matches(['度', ',', '，', '以', '来']);
    let head: String = rest.chars().take(24).collect();
    let mut best: Option<usize> = None;
    for suf in ORG_SUFFIXES {
        for (i, _) in head.match_indices(suf) {
            let end = i + suf.len();
            if VERBS.iter().any(|v| head[end..].starts_with(v)) && best.is_none_or(|b| end > b) {
                best = Some(end);
            }
        }
    }
    let name = best.map(|e| &head[..e])?;
    // Keep the name itself: after the last comma ("在区委的领导下，官洲街道办事处").
    let name = name.rsplit([',', '，', '、']).next().unwrap_or(name);
    (name.chars().count() >= 2 && !name.starts_with(['我', '本'])).then(|| name.to_string())
}

/// An explicit 发布日期/成文日期, the 时间/日期 a web page shows next to the title (before the first
/// part), or a trailing signature date line.
fn pub_date(doc: &Document) -> Option<(Date, Span)> {
    let first_part = (0..doc.lines.len()).find(|&i| super::region::part_heading(doc, i).is_some());
    for (i, line) in doc.lines.iter().enumerate().filter(|(_, l)| !l.noise) {
        let near_title = first_part.is_none_or(|p| i < p) && line.span.len() <= 240;
        for cell in &line.cells {
            let raw = doc.text(cell.span);
            if !raw.contains(['期', '间']) {
                continue;
            }
            let Some(cue_at) = raw.find("日期").or_else(|| raw.find("时间")) else { continue };
            // Normalise only around the cue: a cell may be a whole page pasted as one line.
            let from = raw[..cue_at].char_indices().rev().nth(5).map_or(0, |(i, _)| i);
            let to = raw[cue_at..].char_indices().nth(40).map_or(raw.len(), |(i, _)| cue_at + i);
            // Prose mode keeps the blank in "2022-02-08 16:34", which ends the day.
            let norm = Norm::new(&raw[from..to], cell.span.start + from, Mode::Prose);
            let cues: &[&str] = if near_title {
                &["发布日期:", "发布时间:", "成文日期:", "发文日期:", "时间:", "日期:"]
            } else {
                &["发布日期:", "发布时间:", "成文日期:", "发文日期:"]
            };
            for cue in cues {
                if let Some(at) = norm.text.find(cue) {
                    if let Some((d, s, e)) = parse_date(&norm.text[at + cue.len()..]) {
                        let off = at + cue.len();
                        return Some((d, norm.span(off + s, off + e)));
                    }
                }
            }
        }
    }
    signed_date(doc)
}

/// The date under the signature: a line that is only a date among the report's last lines.
fn signed_date(doc: &Document) -> Option<(Date, Span)> {
    let tail: Vec<&crate::parse::Line> =
        doc.lines.iter().rev().filter(|l| !l.empty && !l.noise && !l.cells.is_empty()).take(4).collect();
    for line in tail {
        let span = line.cells[0].span;
        let norm = Norm::new(doc.text(span), span.start, Mode::Label);
        if let Some((d, s, e)) = parse_date(&norm.text) {
            if s == 0 && e == norm.text.len() {
                return Some((d, norm.span(s, e)));
            }
        }
    }
    let last = doc.lines.iter().rev().find(|l| !l.empty && !l.noise && !l.cells.is_empty())?;
    run_on_signature(doc.text(last.span), last.span.start)
}

/// A signature run into the last paragraph, as crawler text and one-line copies carry it
/// ("…已按规定公开。新塘县教育局2023年1月11日 附件下载"): after the last full stop, only a unit's name,
/// the date, and at most a few words of page chrome after it.
fn run_on_signature(raw: &str, base: usize) -> Option<(Date, Span)> {
    const UNIT_ENDS: [&str; 16] =
        ["局", "委", "办", "院", "府", "处", "室", "中心", "会", "厅", "署", "街道", "镇", "乡", "所", "队"];
    let tail_from = raw.rfind(['。', '！', '；']).map_or(0, |i| i + '。'.len_utf8());
    let tail = &raw[tail_from..];
    let norm = Norm::new(tail, base + tail_from, Mode::Prose);
    let dates = crate::text::find_dates(&norm.text);
    let (d, s, e) = match dates.last() {
        Some(d) => (Date { year: d.year, month: d.month, day: d.day }, d.start, d.end),
        None => hanzi_date(&norm.text)?,
    };
    let before = norm.text[..s].trim();
    let after = norm.text[e..].trim();
    let unit_like = before.is_empty()
        || before.chars().count() <= 40
            && !before.contains([',', '，', ':', '：', '、'])
            && UNIT_ENDS.iter().any(|u| before.ends_with(u));
    let chrome_only = after.chars().count() <= 12 && !after.contains(|c: char| c.is_ascii_digit() || c == '。');
    (unit_like && chrome_only).then(|| (d, norm.span(s, e)))
}

/// The first "YYYY年M月D日" or "YYYY-M-D" in normalised text: (date, start, end).
pub fn parse_date(t: &str) -> Option<(Date, usize, usize)> {
    if let Some(d) = crate::text::find_dates(t).first() {
        return Some((Date { year: d.year, month: d.month, day: d.day }, d.start, d.end));
    }
    let b = t.as_bytes();
    for i in 0..b.len().saturating_sub(7) {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && matches!(b[i + 4], b'-' | b'.' | b'/')
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            let sep = b[i + 4];
            let rest = &t[i + 5..];
            let (m, ml) = crate::text::scan_number(rest.split(sep as char).next()?)?;
            let rest2 = rest.get(ml + 1..)?;
            if rest.as_bytes().get(ml) != Some(&sep) {
                continue;
            }
            let dd: String = rest2.chars().take_while(char::is_ascii_digit).collect();
            let d: u32 = dd.parse().ok()?;
            let year: i32 = t[i..i + 4].parse().ok()?;
            let date = Date { year, month: m as u32, day: d };
            if (1..=12).contains(&date.month) && (1..=31).contains(&date.day) && (1990..=2100).contains(&year) {
                return Some((date, i, i + 5 + ml + 1 + dd.len()));
            }
        }
    }
    hanzi_date(t)
}

/// A date in Chinese numerals, as official documents sign them: "二〇二二年三月六日".
fn hanzi_date(t: &str) -> Option<(Date, usize, usize)> {
    const DIGITS: &str = "〇○零一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|p| p.saturating_sub(2) as i32);
    for (i, _) in t.char_indices() {
        let mut chars = t[i..].char_indices();
        let mut year = 0;
        let mut n = 0;
        let mut at = 0;
        for (j, c) in chars.by_ref() {
            match digit(c) {
                Some(d) if n < 4 => {
                    year = year * 10 + d;
                    n += 1;
                }
                _ => {
                    at = j;
                    break;
                }
            }
        }
        if n != 4 || !t[i + at..].starts_with('年') || !(1990..=2100).contains(&year) {
            continue;
        }
        let rest = &t[i + at + '年'.len_utf8()..];
        let m_end = rest.find('月')?;
        let month = crate::text::chinese_number(&rest[..m_end])?;
        let after = &rest[m_end + '月'.len_utf8()..];
        let d_end = after.find('日')?;
        let day = crate::text::chinese_number(&after[..d_end])?;
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            let end = t.len() - after.len() + d_end + '日'.len_utf8();
            return Some((Date { year, month, day }, i, end));
        }
    }
    None
}
