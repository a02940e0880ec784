//! What the Word readers share: the simple HTML they write (paragraphs, and tables whose vertical
//! merges become rowspan and horizontal ones colspan), Word's list numbers, and the entry point.

use super::sniff::{sniff, FileError, FileKind};
use super::InputKind;

/// The largest file a reader accepts.
pub const MAX_FILE: usize = 100 << 20;

/// A file read as simple HTML (`check_extracted` checks it).
#[derive(Clone, Debug)]
pub struct Extracted {
    pub kind: InputKind,
    pub html: String,
    /// PDF: the offset in `html` where each page starts (page 1 first); empty for Word files.
    pub pages: Vec<usize>,
}

/// Reads a .docx, .doc or .wps file. PDFs need positioned text from a PDF library first
/// (`pdf::layout`); text and HTML are decoded, not read here.
pub fn read_office(bytes: &[u8]) -> Result<Extracted, FileError> {
    if bytes.len() > MAX_FILE {
        return Err(FileError::TooLarge(bytes.len() as u64, MAX_FILE as u64));
    }
    let (kind, html) = match sniff(bytes) {
        FileKind::Docx => (InputKind::Docx, super::docx::to_html(bytes)?),
        FileKind::Doc => (InputKind::Doc, super::doc::to_html(bytes)?),
        FileKind::Unsupported(e) => return Err(e),
        FileKind::Pdf | FileKind::Text => {
            return Err(FileError::Corrupt("不是 Word/WPS 文档".into()));
        }
    };
    if !has_text(&html) {
        return Err(FileError::NoText);
    }
    Ok(Extracted { kind, html, pages: Vec::new() })
}

/// The offsets in the extracted text (`html::to_visible(html).text`) of offsets in `html` (the
/// starts of a PDF's pages), each at the first visible byte from there on.
pub fn text_offsets(html: &str, offsets: &[usize]) -> Vec<usize> {
    let v = super::html::to_visible(html);
    offsets.iter().map(|&h| v.from_source(h)).collect()
}

/// Whether the HTML holds any visible character besides white space and markup.
pub fn has_text(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

/// Escapes text for HTML; line breaks become `<br>`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
}

/// Appends one paragraph; blank paragraphs are left out (they carry nothing for the checker).
pub fn push_para(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    out.push_str("<p>");
    escape_into(out, text.trim_end());
    out.push_str("</p>\n");
}

/// How a cell takes part in a vertical merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VMerge {
    None,
    Restart,
    Continue,
}

/// A table cell as Word stores it: its width in grid columns and its merge flag.
#[derive(Clone, Debug)]
pub struct RawCell {
    pub span: usize,
    pub vmerge: VMerge,
    /// The cell's content, already HTML (paragraphs joined by `<br>`, or a nested table).
    pub html: String,
}

#[derive(Clone, Debug, Default)]
pub struct RawRow {
    /// Grid columns left empty before the first cell (`w:gridBefore`, or a row indented in a .doc).
    pub before: usize,
    pub cells: Vec<RawCell>,
}

/// At most this many grid columns per cell or row gap (a Word table has at most 63 columns).
const MAX_SPAN: usize = 64;

/// Writes a table: a cell that starts a vertical merge gets the rowspan of the cells continuing
/// it below (same grid column), which are left out; `before` becomes a blank cell spanning those
/// columns, so that every cell lands in its own grid column. Blank cells and rows are kept.
pub fn write_table(out: &mut String, rows: &[RawRow]) {
    let starts: Vec<Vec<usize>> = rows
        .iter()
        .map(|r| {
            let mut col = r.before.min(MAX_SPAN);
            r.cells
                .iter()
                .map(|c| {
                    let s = col;
                    col += c.span.clamp(1, MAX_SPAN);
                    s
                })
                .collect()
        })
        .collect();
    let mut absorbed: Vec<Vec<bool>> = rows.iter().map(|r| vec![false; r.cells.len()]).collect();
    let mut rowspan: Vec<Vec<usize>> = rows.iter().map(|r| vec![1; r.cells.len()]).collect();
    for r in 0..rows.len() {
        for c in 0..rows[r].cells.len() {
            if rows[r].cells[c].vmerge == VMerge::Continue && absorbed[r][c] {
                continue;
            }
            if rows[r].cells[c].vmerge == VMerge::None {
                continue;
            }
            // A restart (or a continuation with nothing above it) heads a merge.
            let col = starts[r][c];
            let mut n = 1;
            for r2 in r + 1..rows.len() {
                let below = starts[r2].binary_search(&col).ok();
                match below {
                    Some(c2) if rows[r2].cells[c2].vmerge == VMerge::Continue => {
                        absorbed[r2][c2] = true;
                        n += 1;
                    }
                    _ => break,
                }
            }
            rowspan[r][c] = n;
        }
    }
    out.push_str("<table>\n");
    for (r, row) in rows.iter().enumerate() {
        out.push_str("<tr>");
        if row.before > 0 {
            out.push_str(&format!("<td colspan={}></td>", row.before.min(MAX_SPAN)));
        }
        for (c, cell) in row.cells.iter().enumerate() {
            if absorbed[r][c] {
                continue;
            }
            out.push_str("<td");
            if rowspan[r][c] > 1 {
                out.push_str(&format!(" rowspan={}", rowspan[r][c]));
            }
            if cell.span > 1 {
                out.push_str(&format!(" colspan={}", cell.span.min(MAX_SPAN)));
            }
            out.push('>');
            out.push_str(&cell.html);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// A map kept as a sorted list (binary search). The readers' maps hold a few dozen entries
/// (styles, lists, parts); a hash map's code would add more to the reader module than all of them
/// weigh, and a hostile file with many entries still costs only log n per look-up.
#[derive(Clone, Debug)]
pub struct ListMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for ListMap<K, V> {
    fn default() -> Self {
        ListMap(Vec::new())
    }
}

impl<K: Ord, V> ListMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, k: &Q) -> Result<usize, usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|(key, _)| key.borrow().cmp(k))
    }

    pub fn get<Q: Ord + ?Sized>(&self, k: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(k).ok().map(|i| &self.0[i].1)
    }

    pub fn contains<Q: Ord + ?Sized>(&self, k: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find(k).is_ok()
    }

    /// Sets `k` to `v`, replacing an earlier value.
    pub fn insert(&mut self, k: K, v: V) {
        match self.find(&k) {
            Ok(i) => self.0[i].1 = v,
            Err(i) => self.0.insert(i, (k, v)),
        }
    }

    /// Sets `k` to `v` unless it has a value already.
    pub fn insert_first(&mut self, k: K, v: V) {
        if let Err(i) = self.find(&k) {
            self.0.insert(i, (k, v));
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, k: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
    {
        let i = self.find(k).ok()?;
        Some(self.0.remove(i).1)
    }

    pub fn entry_or_default(&mut self, k: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&k) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (k, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }
}

/// Joins a cell's paragraphs (already escaped HTML) with `<br>`.
pub fn cell_html(paras: &[String]) -> String {
    let kept: Vec<&str> = paras.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    kept.join("<br>")
}

/// A number in one of Word's list formats (`w:numFmt` names; the .doc `nfc` codes map to them).
pub fn format_number(n: u32, fmt: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    let chinese = |digits: &[char; 10], ten: char, hundred: char| -> String {
        let n = n as usize;
        if n == 0 || n >= 1000 {
            return n.to_string();
        }
        let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
        let mut s = String::new();
        if h > 0 {
            s.push(digits[h]);
            s.push(hundred);
        }
        if t > 0 {
            if !(t == 1 && h == 0) {
                s.push(digits[t]);
            }
            s.push(ten);
        } else if h > 0 && u > 0 {
            s.push(digits[0]);
        }
        if u > 0 {
            s.push(digits[u]);
        }
        s
    };
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographDigital"
        | "japaneseDigitalTenThousand" => chinese(&DIGITS, '十', '百'),
        "chineseLegalSimplified" | "ideographLegalTraditional" => chinese(&LEGAL, '拾', '佰'),
        "ideographTraditional" => {
            "甲乙丙丁戊己庚辛壬癸".chars().nth((n.max(1) as usize - 1) % 10).unwrap_or('甲').into()
        }
        "ideographZodiac" => {
            "子丑寅卯辰巳午未申酉戌亥".chars().nth((n.max(1) as usize - 1) % 12).unwrap_or('子').into()
        }
        "upperLetter" | "lowerLetter" => {
            let k = n.max(1) - 1;
            let base = if fmt == "upperLetter" { b'A' } else { b'a' };
            let c = (base + (k % 26) as u8) as char;
            std::iter::repeat_n(c, (k / 26 + 1).min(10) as usize).collect()
        }
        "upperRoman" | "lowerRoman" => {
            let s = roman(n);
            if fmt == "lowerRoman" {
                s.to_ascii_lowercase()
            } else {
                s
            }
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle"
            if (1..=20).contains(&n) =>
        {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => {
            char::from_u32(0x2474 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => {
            char::from_u32(0x2488 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
        "none" | "bullet" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// One level of a Word list: its start, format and number text (`%1、`; in .doc files the
/// placeholders are already turned into `%1`…).
#[derive(Clone, Debug)]
pub struct Level {
    pub start: u32,
    pub fmt: String,
    pub text: String,
    /// Number levels as decimal in this level's text (`w:isLgl`).
    pub legal: bool,
    /// Restarts after a higher level (false for `w:lvlRestart w:val="0"`).
    pub restarts: bool,
    /// What follows the number: tab, space or nothing.
    pub suffix: Suffix,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suffix {
    Tab,
    Space,
    Nothing,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            fmt: "decimal".into(),
            text: String::new(),
            legal: false,
            restarts: true,
            suffix: Suffix::Tab,
        }
    }
}

/// The counters of one list (abstract list), and how a number is rendered.
#[derive(Clone, Debug, Default)]
pub struct Counters {
    values: [Option<u32>; 9],
}

impl Counters {
    /// Advances level `ilvl` (start value `start`) and renders its number text with `levels`.
    pub fn next(&mut self, levels: &[Level], ilvl: usize, start_override: Option<u32>) -> String {
        let ilvl = ilvl.min(8);
        let Some(lvl) = levels.get(ilvl) else { return String::new() };
        let v = match (self.values[ilvl], start_override) {
            (_, Some(s)) => s,
            (Some(v), None) => v.saturating_add(1),
            (None, None) => lvl.start,
        };
        self.values[ilvl] = Some(v);
        for deeper in ilvl + 1..9 {
            if levels.get(deeper).is_none_or(|l| l.restarts) {
                self.values[deeper] = None;
            }
        }
        let mut s = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d)) {
                    chars.next();
                    let k = d as usize - 1;
                    let lk = levels.get(k);
                    let value = self.values[k].unwrap_or_else(|| lk.map_or(1, |l| l.start));
                    let fmt = if lvl.legal && k < ilvl { "decimal" } else { lk.map_or("decimal", |l| l.fmt.as_str()) };
                    s.push_str(&format_number(value, fmt));
                    continue;
                }
            }
            s.push(c);
        }
        // A tab or space after a Chinese number text ("一、", "（一）") would only be layout.
        if lvl.suffix != Suffix::Nothing && s.chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            s.push(' ');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_chinese_and_other_numbers() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCounting", "十一"),
            (20, "chineseCounting", "二十"),
            (105, "chineseCounting", "一百〇五"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (4, "upperRoman", "IV"),
            (28, "lowerLetter", "bb"),
            (3, "decimalEnclosedCircle", "③"),
            (7, "decimal", "7"),
            (12, "decimalFullWidth", "１２"),
        ];
        for (n, f, want) in cases {
            assert_eq!(format_number(n, f), want, "{n} {f}");
        }
    }

    #[test]
    fn counts_levels_and_restarts_deeper_ones() {
        let lv = |fmt: &str, text: &str| Level { fmt: fmt.into(), text: text.into(), ..Level::default() };
        let levels = vec![lv("chineseCounting", "%1、"), lv("chineseCounting", "（%2）"), lv("decimal", "%1.%2.%3")];
        let mut c = Counters::default();
        assert_eq!(c.next(&levels, 0, None), "一、");
        assert_eq!(c.next(&levels, 1, None), "（一）");
        assert_eq!(c.next(&levels, 1, None), "（二）");
        assert_eq!(c.next(&levels, 0, None), "二、");
        assert_eq!(c.next(&levels, 1, None), "（一）");
        assert_eq!(c.next(&levels, 2, None), "二.一.1 ");
    }

    #[test]
    fn merges_become_spans() {
        let cell = |span, vmerge, t: &str| RawCell { span, vmerge, html: t.into() };
        let rows = vec![
            RawRow { before: 0, cells: vec![cell(1, VMerge::Restart, "A"), cell(2, VMerge::None, "B")] },
            RawRow {
                before: 0,
                cells: vec![cell(1, VMerge::Continue, ""), cell(1, VMerge::None, ""), cell(1, VMerge::None, "1")],
            },
            RawRow { before: 1, cells: vec![cell(2, VMerge::None, "C")] },
        ];
        let mut s = String::new();
        write_table(&mut s, &rows);
        assert_eq!(
            s,
            "<table>\n<tr><td rowspan=2>A</td><td colspan=2>B</td></tr>\n<tr><td></td><td>1</td></tr>\n\
             <tr><td colspan=1></td><td colspan=2>C</td></tr>\n</table>\n"
        );
    }
}
