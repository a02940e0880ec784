//! Text normalisation (rules.md §2) with a map back to the original bytes, and small scanners for
//! numbers, Chinese numerals and years that the parser and the rules share.

use crate::span::Span;

mod radicals;

/// Characters that carry no meaning and are dropped everywhere: zero-width, BOM, bidi controls, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Unicode white space plus the ideographic space and NBSP.
pub fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' => true,
        // ASCII and the CJK ideographs, most of every report, are never other white space.
        c if (c as u32) < 0x85 || ('\u{4E00}'..='\u{9FFF}').contains(&c) => false,
        c => c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}',
    }
}

/// The width fold of NFKC for the characters reports use: full-width ASCII → ASCII, and the
/// radical and compatibility code points of PDF and OCR text → the ordinary ideographs.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{2E80}'..='\u{2FD5}' | '\u{F900}'..='\u{FAD9}' => radicals::ideograph(c).unwrap_or(c),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        // Dashes and minus signs that stand for "-" in numbers and placeholders.
        '\u{2212}' | '\u{FE63}' => '-',
        _ => c,
    }
}

/// Text normalised for matching, with a map back to the original bytes.
///
/// The map is kept as segments, not per byte: a per-byte map (two `u32` per byte) made the
/// normalised lines and sentences most of a report's memory (about 25 × the input on 10 MB of
/// reports). Most normalised text is the original copied character for character, so one segment
/// covers a whole run of it; only folded characters, replacements and dropped characters (blanks,
/// quotes, invisible ones) start new segments.
#[derive(Clone, Debug, Default)]
pub struct Norm {
    pub text: String,
    /// Sorted by `at`, the first at 0 (none when the text is empty).
    segs: Vec<Seg>,
    /// The original offset of the end of the (last appended) text: where an empty range at the
    /// end maps.
    tail: u32,
}

/// Normalised bytes `[at, next segment's at)` and the original bytes they came from.
/// (u32 keeps the map small: inputs are far below 4 GiB.)
#[derive(Clone, Copy, Debug)]
struct Seg {
    /// First normalised byte.
    at: u32,
    /// Original offset of the character of normalised byte `at`.
    src: u32,
    /// `SHIFTED`: each character is where it was, shifted by `src - at`, with its original byte
    /// length (copied text). Otherwise every byte of the segment maps to the original `[src, end)`
    /// (a folded character such as full-width Ａ, or a replacement such as 其它 → 其他).
    end: u32,
}

const SHIFTED: u32 = u32::MAX;

/// How much to normalise.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Labels: drop all white space and quotes, unify 其它/合计/部份/下一年度.
    Label,
    /// Prose: drop white space except one blank between two ASCII letters or digits.
    Prose,
}

impl Norm {
    /// Normalises `src`, whose first byte is at `base` in the original text.
    pub fn new(src: &str, base: usize, mode: Mode) -> Norm {
        let mut n = Norm { text: String::with_capacity(src.len()), ..Norm::default() };
        n.append(src, base, mode);
        if mode == Mode::Label && (n.text.contains(['它', '合', '份']) || n.text.contains("下一")) {
            n.replace_all("其它", "其他");
            n.replace_all("合计", "总计");
            n.replace_all("部份", "部分");
            n.replace_all("下一年度", "下年度");
            n.replace_all("下一年", "下年度");
        }
        n
    }

    /// Appends `src` (whose first byte is at `base`) normalised as a text of its own, without the
    /// `Mode::Label` replacements; returns its part of `text`. Many lines normalised into one `Norm`
    /// cost one allocation instead of three each.
    pub fn append(&mut self, src: &str, base: usize, mode: Mode) -> std::ops::Range<usize> {
        let from = self.text.len();
        self.tail = (base + src.len()) as u32;
        let mut pending_space: Option<usize> = None;
        for (i, c) in src.char_indices() {
            let at = (base + i) as u32;
            // CJK ideographs need no folding: the common case, kept short.
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) && pending_space.is_none() {
                self.push(c, at, at + 3);
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            let f = fold_width(c);
            if is_space(f) {
                if pending_space.is_none() {
                    pending_space = Some(base + i);
                }
                continue;
            }
            if mode == Mode::Label && matches!(f, '"' | '\'' | '“' | '”' | '「' | '」' | '‘' | '’') {
                continue;
            }
            // Markdown emphasis (**bold**), as converters and writing assistants leave it.
            if f == '*' {
                continue;
            }
            if let Some(space) = pending_space.take() {
                let prev_alnum = self.text[from..].chars().next_back().is_some_and(|p| p.is_ascii_alphanumeric());
                if mode == Mode::Prose && prev_alnum && f.is_ascii_alphanumeric() {
                    // The kept blank maps to the first byte of the blanks it stands for.
                    self.push(' ', space as u32, space as u32 + 1);
                }
            }
            self.push(f, at, at + c.len_utf8() as u32);
        }
        from..self.text.len()
    }

    /// Appends a normalised character that came from the original `[src, end)`. (Inlined: it runs
    /// once per character of every line.)
    #[inline(always)]
    fn push(&mut self, c: char, src: u32, end: u32) {
        let at = self.text.len();
        self.text.push(c);
        // Same byte length as the original: the character can be part of a shifted run.
        self.map(at, src, end, (end - src) as usize == c.len_utf8());
    }

    /// Maps the normalised bytes from `at` (just appended: one character, or a replacement that
    /// is never `shifted`) to the original `[src, end)`, extending the last segment when it
    /// continues it.
    #[inline(always)]
    fn map(&mut self, at: usize, src: u32, end: u32, shifted: bool) {
        if let Some(last) = self.segs.last() {
            let continues = if shifted {
                last.end == SHIFTED && last.src as usize + (at - last.at as usize) == src as usize
            } else {
                last.end == end && last.src == src
            };
            if continues {
                return;
            }
        }
        self.segs.push(Seg { at: at as u32, src, end: if shifted { SHIFTED } else { end } });
    }

    /// Original `[start, end)` of the character that normalised byte `i` (< text length) belongs to.
    fn orig(&self, i: usize) -> (usize, usize) {
        let s = self.segs[self.segs.partition_point(|s| s.at as usize <= i) - 1];
        if s.end != SHIFTED {
            return (s.src as usize, s.end as usize);
        }
        let mut start = i;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        // The character's length from its first byte (UTF-8).
        let len = match self.text.as_bytes()[start] {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let from = s.src as usize + (start - s.at as usize);
        (from, from + len)
    }

    /// Replaces every occurrence, keeping the map consistent (the replacement maps to the whole match).
    fn replace_all(&mut self, from: &str, to: &str) {
        if !self.text.contains(from) {
            return;
        }
        let old = std::mem::replace(
            self,
            Norm { text: String::with_capacity(self.text.len()), segs: Vec::new(), tail: self.tail },
        );
        let mut copied = 0;
        for (at, _) in old.text.match_indices(from) {
            self.copy_from(&old, copied, at);
            let (src, _) = old.orig(at);
            let (_, end) = old.orig(at + from.len() - 1);
            let start = self.text.len();
            self.text.push_str(to);
            self.map(start, src as u32, end as u32, false);
            copied = at + from.len();
        }
        self.copy_from(&old, copied, old.text.len());
    }

    /// Appends `other`'s normalised bytes `[from, to)` (whole characters) with their map.
    fn copy_from(&mut self, other: &Norm, from: usize, to: usize) {
        for (i, c) in other.text[from..to].char_indices() {
            let (src, end) = other.orig(from + i);
            self.push(c, src as u32, end as u32);
        }
    }

    /// Frees the spare capacity of a `Norm` that will not grow any more.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.segs.shrink_to_fit();
    }

    /// The original span of the normalised byte range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.part_ending(0, self.text.len(), self.tail as usize).span(start, end)
    }

    /// The part `[from, to)` of the text (a sentence of a line), used like a `Norm` of its own.
    pub fn part(&self, from: usize, to: usize) -> NormPart<'_> {
        let end = if to > from {
            self.orig(to - 1).1
        } else if from < self.text.len() {
            self.orig(from).0
        } else {
            self.tail as usize
        };
        self.part_ending(from, to, end)
    }

    /// The part `[from, to)` of the text, with `end` as the original end of what it was made from.
    pub fn part_ending(&self, from: usize, to: usize, end: usize) -> NormPart<'_> {
        NormPart { norm: self, from, to, end }
    }
}

/// A part of a `Norm`'s text with the same map, for a line or a sentence of a longer `Norm`.
#[derive(Clone, Copy, Debug)]
pub struct NormPart<'n> {
    norm: &'n Norm,
    from: usize,
    to: usize,
    /// Where offsets at or past the end of the part map: the original end of its text.
    end: usize,
}

impl<'n> NormPart<'n> {
    pub fn text(&self) -> &'n str {
        &self.norm.text[self.from..self.to]
    }

    /// The original span of `[start, end)`, counted from the start of the part.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let len = self.to - self.from;
        let s = if start < len { self.norm.orig(self.from + start).0 } else { self.end };
        let e = match end {
            0 => s,
            e if e - 1 < len => self.norm.orig(self.from + e - 1).1,
            _ => self.end,
        };
        Span::new(s, e.max(s))
    }
}

/// Normalised form of a label (for dictionary lookups): no spaces, no quotes, unified variants.
pub fn label(s: &str) -> String {
    label_cow(s).into_owned()
}

/// `label`, borrowing the text when there is nothing to normalise (plain numbers, most table cells).
pub fn label_cow(s: &str) -> std::borrow::Cow<'_, str> {
    // The same result as `Norm::new(s, 0, Mode::Label).text`, without building the byte map.
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b',' | b'/' | b'-' | b'%')) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        // CJK ideographs need no folding: the common case, kept short.
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            t.push(c);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let f = fold_width(c);
        if !is_space(f) && !matches!(f, '"' | '\'' | '“' | '”' | '「' | '」' | '‘' | '’' | '*') {
            t.push(f);
        }
    }
    if t.contains(['它', '合', '份']) || t.contains("下一") {
        for (from, to) in
            [("其它", "其他"), ("合计", "总计"), ("部份", "部分"), ("下一年度", "下年度"), ("下一年", "下年度")]
        {
            if t.contains(from) {
                t = t.replace(from, to);
            }
        }
    }
    std::borrow::Cow::Owned(t)
}

/// Strips a leading ordinal (一、 （一） 1. (1) 第一、) from normalised text; returns (ordinal, rest).
pub fn split_ordinal(s: &str) -> (Option<Ordinal>, &str) {
    match Ordinal::parse(s) {
        Some((o, n)) => (Some(o), &s[n..]),
        None => (None, s),
    }
}

/// The numbering styles of headings (rules.md §2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrdinalStyle {
    /// 一、
    Hanzi,
    /// （一） or (一)
    ParenHanzi,
    /// 1. 1、 1．
    Arabic,
    /// （1） or (1)
    ParenArabic,
}

impl OrdinalStyle {
    /// Outline level of the style in the official layout.
    pub fn level(self) -> u8 {
        match self {
            OrdinalStyle::Hanzi => 1,
            OrdinalStyle::ParenHanzi => 2,
            OrdinalStyle::Arabic | OrdinalStyle::ParenArabic => 3,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ordinal {
    pub style: OrdinalStyle,
    pub number: u32,
    /// Full-width （ ） used (only for the parenthesised styles).
    pub fullwidth: bool,
}

impl Ordinal {
    /// Parses an ordinal at the start of (width-folded or raw) text; returns it and its byte length.
    pub fn parse(s: &str) -> Option<(Ordinal, usize)> {
        let mut chars = s.char_indices().peekable();
        let (_, first) = *chars.peek()?;
        let open = matches!(first, '(' | '（');
        if open || first == '第' {
            chars.next();
        }
        let mut digits = String::new();
        let mut end = 0;
        let mut hanzi = None;
        while let Some(&(i, c)) = chars.peek() {
            let is_han = is_hanzi_digit(c);
            let is_ar = c.is_ascii_digit() || ('０'..='９').contains(&c);
            if (is_han && hanzi != Some(false)) || (is_ar && hanzi != Some(true)) {
                hanzi = Some(is_han);
                digits.push(fold_width(c));
                end = i + c.len_utf8();
                chars.next();
            } else {
                break;
            }
            if digits.chars().count() > 3 {
                return None;
            }
        }
        let hanzi = hanzi?;
        let number = if hanzi { chinese_number(&digits)? } else { digits.parse().ok()? };
        let (_, sep) = chars.next()?;
        let len = end + sep.len_utf8();
        let style = match (open, hanzi, sep) {
            (true, true, ')' | '）') => OrdinalStyle::ParenHanzi,
            (true, false, ')' | '）') => OrdinalStyle::ParenArabic,
            (false, true, '、' | '.' | '．' | ',' | '，') => OrdinalStyle::Hanzi,
            // "1." followed by a digit is a decimal number, not an ordinal.
            (false, false, '、' | '．') => OrdinalStyle::Arabic,
            (false, false, '.') if !s[len..].starts_with(|c: char| c.is_ascii_digit()) => OrdinalStyle::Arabic,
            (false, false, ')' | '）') => OrdinalStyle::ParenArabic,
            _ => return None,
        };
        let fullwidth = first == '（';
        Some((Ordinal { style, number, fullwidth }, len))
    }
}

pub fn is_hanzi_digit(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两')
}

/// Small Chinese numerals: 一 … 九十九, 两, 〇/零 (also digit-by-digit 二〇二四).
pub fn chinese_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '〇' | '○' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let cs: Vec<char> = s.chars().collect();
    if cs.is_empty() {
        return None;
    }
    if let Some(p) = cs.iter().position(|&c| c == '十') {
        let tens = if p == 0 {
            1
        } else if p == 1 {
            digit(cs[0])?
        } else {
            return None;
        };
        let ones = match cs.len() - p - 1 {
            0 => 0,
            1 => digit(cs[p + 1])?,
            _ => return None,
        };
        return Some(tens * 10 + ones);
    }
    cs.iter().try_fold(0u32, |acc, &c| Some(acc.checked_mul(10)? + digit(c)?))
}

/// A number written in a report: ASCII digits with optional thousands commas and decimals.
/// Returns the value and the byte length used.
pub fn scan_number(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut digits = String::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            digits.push(c as char);
            i += 1;
        } else if c == b','
            && !digits.is_empty()
            && i + 3 < b.len() + 1
            && b.get(i + 1..i + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
        } else if c == b'.'
            && !digits.is_empty()
            && !digits.contains('.')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            digits.push('.');
            i += 1;
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    decimal(&digits).map(|v| (v, i))
}

/// "432.52" → 432.52 without the float parser (whose tables cost the browser bundle 15 KB gzip): the
/// digits as a whole number over a power of ten, both exact up to 2^53, give the nearest double.
fn decimal(digits: &str) -> Option<f64> {
    let scale = digits.split_once('.').map_or(0, |(_, frac)| frac.len());
    let mut mantissa: u64 = 0;
    for d in digits.bytes().filter(u8::is_ascii_digit) {
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    (scale <= 22).then(|| mantissa as f64 / 10f64.powi(scale as i32))
}

/// A year token found in normalised prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearToken {
    pub year: i32,
    /// Normalised byte range of the whole token including 年.
    pub start: usize,
    pub end: usize,
}

/// Every "2024年" / "2024 年" / "二〇二四年" in width-folded prose (spaces may already be gone).
pub fn find_years(s: &str) -> Vec<YearToken> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    // Quick exit: every year token is followed by 年.
    if !s.contains('年') {
        return out;
    }
    let mut it = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = it.next() {
        let is_ar = c.is_ascii_digit();
        if !(is_ar || is_year_hanzi(c)) || prev.is_some_and(|p| same_kind(p, is_ar)) {
            prev = Some(c);
            continue;
        }
        // A run of digits of one kind starting here; only four-digit runs are years.
        let mut count = 1;
        let mut last = c;
        while let Some(&(_, d)) = it.peek() {
            if !same_kind(d, is_ar) {
                break;
            }
            count += 1;
            last = d;
            it.next();
        }
        prev = Some(last);
        if count != 4 {
            continue;
        }
        let run_end = it.peek().map_or(s.len(), |x| x.0);
        let mut after = run_end;
        while b.get(after) == Some(&b' ') {
            after += 1;
        }
        if s[after..].starts_with('年') {
            let digits = &s[i..run_end];
            let year = if is_ar { digits.parse().ok() } else { chinese_number(digits).map(|v| v as i32) };
            if let Some(year) = year.filter(|y| (1990..=2100).contains(y)) {
                out.push(YearToken { year, start: i, end: after + '年'.len_utf8() });
            }
        }
    }
    out
}

fn is_year_hanzi(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')
}

fn same_kind(c: char, arabic: bool) -> bool {
    if arabic {
        c.is_ascii_digit()
    } else {
        is_year_hanzi(c)
    }
}

/// A "YYYY年M月D日" date in normalised text (byte range of the whole date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateToken {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub start: usize,
    pub end: usize,
}

/// "M月D日" at the start of `t`: (month, day, byte length), for valid month and day numbers.
pub fn month_day(t: &str) -> Option<(u32, u32, usize)> {
    let (m, ml) = scan_number(t)?;
    let rest = t[ml..].strip_prefix('月')?;
    let (d, dl) = scan_number(rest)?;
    let rest2 = rest[dl..].strip_prefix('日')?;
    let len = t.len() - rest2.len();
    let (m, d) = (m as u32, d as u32);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d, len))
}

/// Every "YYYY年M月D日" date in normalised text.
pub fn find_dates(t: &str) -> Vec<DateToken> {
    find_years(t)
        .into_iter()
        .filter_map(|y| {
            let (month, day, len) = month_day(&t[y.end..])?;
            Some(DateToken { year: y.year, month, day, start: y.start, end: y.end + len })
        })
        .collect()
}

/// Counts 汉字 in a string.
pub fn hanzi_count(s: &str) -> usize {
    s.chars().filter(|c| is_hanzi(*c)).count()
}

pub fn is_hanzi(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_the_float_parser_reads_them() {
        for t in ["0", "7", "432.52", "0.1", "1234567.891", "2,293", "99.99", "100.00", "12345678901234567890"] {
            let (v, used) = scan_number(t).expect(t);
            assert_eq!(used, t.len());
            assert_eq!(v, t.replace(',', "").parse::<f64>().unwrap(), "{t}");
        }
        // Beyond 64 bits: not read rather than misread.
        assert_eq!(scan_number("123456789012345678901"), None);
    }

    #[test]
    fn norm_maps_back() {
        let src = "第二十条第（一） 项";
        let n = Norm::new(src, 10, Mode::Label);
        assert_eq!(n.text, "第二十条第(一)项");
        let at = n.text.find("(一)").unwrap();
        let sp = n.span(at, at + "(一)".len());
        assert_eq!(&src[sp.start - 10..sp.end - 10], "（一）");
    }

    /// The per-byte map `Norm` used to keep (two `u32` per normalised byte): the reference the
    /// segment map must agree with, for every range.
    struct PerByte {
        text: String,
        map: Vec<u32>,
        ends: Vec<u32>,
    }

    impl PerByte {
        fn new(src: &str, base: usize, mode: Mode) -> PerByte {
            let (mut text, mut map, mut ends) = (String::new(), Vec::new(), Vec::new());
            let mut pending_space: Option<usize> = None;
            for (i, c) in src.char_indices() {
                if is_invisible(c) {
                    continue;
                }
                let f = fold_width(c);
                if is_space(f) {
                    pending_space.get_or_insert(base + i);
                    continue;
                }
                if mode == Mode::Label && matches!(f, '"' | '\'' | '“' | '”' | '「' | '」' | '‘' | '’') {
                    continue;
                }
                if f == '*' {
                    continue;
                }
                if let Some(at) = pending_space.take() {
                    let prev_alnum = text.chars().next_back().is_some_and(|p: char| p.is_ascii_alphanumeric());
                    if mode == Mode::Prose && prev_alnum && f.is_ascii_alphanumeric() {
                        text.push(' ');
                        map.push(at as u32);
                        ends.push(at as u32 + 1);
                    }
                }
                let start = text.len();
                text.push(f);
                for _ in start..text.len() {
                    map.push((base + i) as u32);
                    ends.push((base + i + c.len_utf8()) as u32);
                }
            }
            map.push((base + src.len()) as u32);
            ends.push((base + src.len()) as u32);
            let mut n = PerByte { text, map, ends };
            if mode == Mode::Label {
                for (from, to) in
                    [("其它", "其他"), ("合计", "总计"), ("部份", "部分"), ("下一年度", "下年度"), ("下一年", "下年度")]
                {
                    let (mut text, mut map, mut ends) = (String::new(), Vec::new(), Vec::new());
                    let mut copied = 0;
                    for (at, _) in n.text.match_indices(from) {
                        text.push_str(&n.text[copied..at]);
                        map.extend_from_slice(&n.map[copied..at]);
                        ends.extend_from_slice(&n.ends[copied..at]);
                        text.push_str(to);
                        map.extend(std::iter::repeat_n(n.map[at], to.len()));
                        ends.extend(std::iter::repeat_n(n.ends[at + from.len() - 1], to.len()));
                        copied = at + from.len();
                    }
                    text.push_str(&n.text[copied..]);
                    map.extend_from_slice(&n.map[copied..]);
                    ends.extend_from_slice(&n.ends[copied..]);
                    n = PerByte { text, map, ends };
                }
            }
            n
        }

        fn slice(&self, start: usize, end: usize) -> PerByte {
            let end = end.min(self.text.len()).max(start);
            let tail = if end == start { self.map[start] } else { self.ends[end - 1] };
            let mut map = self.map[start..end].to_vec();
            let mut ends = self.ends[start..end].to_vec();
            map.push(tail);
            ends.push(tail);
            PerByte { text: self.text[start..end].to_string(), map, ends }
        }

        fn span(&self, start: usize, end: usize) -> Span {
            let s = self.map[start.min(self.map.len() - 1)] as usize;
            let e = if end == 0 { s } else { self.ends[(end - 1).min(self.ends.len() - 1)] as usize };
            Span::new(s, e.max(s))
        }
    }

    #[test]
    fn segment_map_agrees_with_per_byte_map() {
        let samples = [
            "第二十条第（一） 项",
            "  其它 处理“x”合计 部份，结转下一年度、下一年 ",
            "共收到申请１２３件， 办结 98 件；A B\u{3000}C 1\u{00A0}2",
            "\u{200B}规\u{202E} 章\u{FEFF}−5﹣6 ＡＢＣ",
            "plain ascii text, with  two  blanks",
            "其它其它合计",
            "",
            "\u{200B}",
            "（一）主动公开情况。２０２４年，本机关共制发规章0件；",
        ];
        for src in samples {
            for mode in [Mode::Label, Mode::Prose] {
                let want = PerByte::new(src, 7, mode);
                let got = Norm::new(src, 7, mode);
                assert_eq!(got.text, want.text, "{src:?}");
                let n = want.text.len();
                for s in 0..=n + 2 {
                    for e in 0..=n + 2 {
                        assert_eq!(got.span(s, e), want.span(s, e), "{src:?} {s}..{e}");
                    }
                }
                // Parts, as the sentences of a line use them.
                let bounds: Vec<usize> = (0..=n).filter(|&i| want.text.is_char_boundary(i)).collect();
                for &a in &bounds {
                    for &b in bounds.iter().filter(|&&b| b >= a) {
                        let part = want.slice(a, b);
                        for s in 0..=b - a + 1 {
                            for e in 0..=b - a + 1 {
                                assert_eq!(got.part(a, b).span(s, e), part.span(s, e), "{src:?} [{a},{b}) {s}..{e}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn lines_appended_into_one_norm_map_as_their_own() {
        let lines = ["共收到申请１２３件， 办结 98 件；A B", "", "\u{200B}规 章", "a 1", "  x  y  "];
        let mut all = Norm::default();
        let mut base = 3;
        for line in lines {
            let part = all.append(line, base, Mode::Prose);
            let want = PerByte::new(line, base, Mode::Prose);
            let got = all.part_ending(part.start, part.end, base + line.len());
            assert_eq!(got.text(), want.text);
            for s in 0..=want.text.len() + 1 {
                for e in 0..=want.text.len() + 1 {
                    assert_eq!(got.span(s, e), want.span(s, e), "{line:?} {s}..{e}");
                }
            }
            base += line.len() + 1;
        }
    }

    #[test]
    fn label_matches_norm() {
        for s in ["第二十条第（一） 项", "其它 处理“x”", "结转下一年度", "\u{200B}规 章", "1,234", "12.5%", "N/A"]
        {
            assert_eq!(label(s), Norm::new(s, 0, Mode::Label).text);
        }
    }

    #[test]
    fn label_variants() {
        assert_eq!(label("其它 处理"), "其他处理");
        assert_eq!(label("部份公开"), "部分公开");
        assert_eq!(label("结转下一年度继续办理"), "结转下年度继续办理");
    }

    #[test]
    fn ordinals() {
        let (o, n) = Ordinal::parse("（三）不予公开").unwrap();
        assert_eq!((o.style, o.number, n), (OrdinalStyle::ParenHanzi, 3, "（三）".len()));
        let (o, _) = Ordinal::parse("1、 总体情况").unwrap();
        assert_eq!((o.style, o.number), (OrdinalStyle::Arabic, 1));
        assert_eq!(Ordinal::parse("十二、x").unwrap().0.number, 12);
        assert!(Ordinal::parse("1.5万元").is_none());
        assert!(Ordinal::parse("总体情况").is_none());
    }

    #[test]
    fn numbers_and_years() {
        assert_eq!(scan_number("1,234件"), Some((1234.0, 5)));
        assert_eq!(scan_number("3.5万"), Some((3.5, 3)));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("十"), Some(10));
        let y = find_years("截至2024 年12月，二〇二三年度");
        assert_eq!(y.iter().map(|t| t.year).collect::<Vec<_>>(), vec![2024, 2023]);
        assert!(find_years("12024年").is_empty());
        let d = find_dates("2024年度工作，2025年2月5日召开");
        assert_eq!((d.len(), d[0].year, d[0].month, d[0].day), (1, 2025, 2, 5));
        assert!(month_day("13月1日").is_none());
    }
}
