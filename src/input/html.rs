//! HTML → visible text with a map back to the markup.
//!
//! Tables without nested tables become one line per row with cells separated by tabs (the way a
//! browser copies them), so the one text parser reads HTML and pasted text alike. Row and column
//! spans are resolved with the HTML table-forming algorithm into a slot grid. Scripts, styles and
//! comments are dropped; nothing from the input is ever executed or rendered as markup.

use crate::span::Span;
use std::borrow::Cow;

/// A run of visible text and the markup bytes it came from. (u32 offsets keep the map small:
/// inputs are far below 4 GiB.)
#[derive(Clone, Copy, Debug)]
struct Run {
    vis: u32,
    vis_len: u32,
    src: u32,
    src_len: u32,
    /// Each visible byte comes from the source byte at the same distance from the run's start
    /// (text copied as it is, or a single blank for a single white-space byte).
    verbatim: bool,
}

impl Run {
    fn vis_end(&self) -> usize {
        (self.vis + self.vis_len) as usize
    }

    fn src_end(&self) -> usize {
        (self.src + self.src_len) as usize
    }
}

/// Visible text of an HTML document and its map to the source.
#[derive(Clone, Debug, Default)]
pub struct Visible {
    pub text: String,
    runs: Vec<Run>,
    /// Every row of the data tables, as the table-forming algorithm laid it out, in text order.
    pub rows: Vec<GridRow>,
    /// The visible text of every block element (div, section, td of a layout table …), for finding
    /// the report's own region in a whole saved page.
    pub blocks: Vec<Span>,
}

/// A table row of the visible text: its line, and one span per cell in column order (an empty span
/// at the cell's place for a blank cell), so that blank cells and all-blank rows are kept exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    pub line: Span,
    pub cells: Vec<Span>,
}

impl Visible {
    fn push_src(&mut self, src: usize, s: &str) {
        self.push_run(s, src, s.len(), true);
    }

    fn push_run(&mut self, s: &str, src: usize, src_len: usize, verbatim: bool) {
        if s.is_empty() {
            return;
        }
        let vis = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.runs.last_mut() {
            if verbatim && last.verbatim && last.vis_end() == vis && last.src_end() == src {
                last.vis_len += s.len() as u32;
                last.src_len += src_len as u32;
                return;
            }
        }
        self.runs.push(Run {
            vis: vis as u32,
            vis_len: s.len() as u32,
            src: src as u32,
            src_len: src_len as u32,
            verbatim,
        });
    }

    fn append(&mut self, other: &Visible) {
        let base = self.text.len() as u32;
        self.text.push_str(&other.text);
        self.runs.extend(other.runs.iter().map(|r| Run { vis: r.vis + base, ..*r }));
    }

    /// The smallest visible offset whose source offset is at or after `src` (the map is monotone).
    pub fn from_source(&self, src: usize) -> usize {
        let text = &self.text;
        let (mut lo, mut hi) = (0usize, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let m = crate::span::floor_char_boundary(text, mid);
            if self.to_source(Span::new(m, m)).start >= src {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        crate::span::floor_char_boundary(text, lo)
    }

    fn ends_with_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with([' ', '\n', '\t'])
    }

    fn trim_end_spaces(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            let len = self.text.len();
            while self.runs.last().is_some_and(|r| r.vis as usize >= len) {
                self.runs.pop();
            }
            if let Some(r) = self.runs.last_mut() {
                if r.vis_end() > len {
                    let cut = (r.vis_end() - len) as u32;
                    r.vis_len -= cut;
                    if r.verbatim {
                        r.src_len -= cut;
                    }
                }
            }
        }
    }

    /// Source offset of a visible byte offset (start side).
    fn src_at(&self, vis: usize, end_side: bool) -> usize {
        let i = self.runs.partition_point(|r| r.vis_end() <= vis && !(end_side && r.vis_end() == vis));
        let Some(r) = self.runs.get(i).or(self.runs.last()) else { return 0 };
        let (r_vis, r_src, r_src_len) = (r.vis as usize, r.src as usize, r.src_len as usize);
        if vis < r_vis {
            return r_src;
        }
        let into = vis - r_vis;
        if r.verbatim {
            r_src + into.min(r_src_len)
        } else if end_side && into > 0 {
            r_src + r_src_len
        } else {
            r_src
        }
    }

    /// Maps a span of the visible text to the markup it came from.
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.src_at(span.start, false);
        let end = if span.is_empty() { start } else { self.src_at(span.end, true) };
        Span::new(start, end.max(start))
    }
}

#[derive(Debug)]
enum Token<'a> {
    Text(usize, &'a str),
    /// Tag names are lower case; they borrow the source when it is (almost always).
    Start {
        name: Cow<'a, str>,
        attrs: &'a str,
        at: usize,
    },
    End {
        name: Cow<'a, str>,
    },
}

/// A tolerant tokenizer: anything that does not parse as a tag is text.
///
/// The tokens are produced one at a time, not collected: a list of them took about 5 × the
/// markup in memory (a token and a name string per tag), more than the visible text and its map.
struct Tokens<'a> {
    src: &'a str,
    /// Where scanning goes on.
    i: usize,
    /// Start of the text not yet returned.
    text_start: usize,
    /// A tag found right after a text: returned after that text.
    queued: Option<Token<'a>>,
}

fn tokenize(src: &str) -> Tokens<'_> {
    Tokens { src, i: 0, text_start: 0, queued: None }
}

impl<'a> Tokens<'a> {
    /// The text before `upto` that has not been returned yet, if any.
    fn text_before(&self, upto: usize) -> Option<Token<'a>> {
        (upto > self.text_start).then(|| Token::Text(self.text_start, &self.src[self.text_start..upto]))
    }

    /// Continues after a construct ending at `at`: it returns `text` (the text before the construct)
    /// and then `tag`, or scanning goes on when there is neither.
    fn emit(&mut self, at: usize, text: Option<Token<'a>>, tag: Option<Token<'a>>) -> Option<Token<'a>> {
        self.i = at;
        self.text_start = at;
        match text {
            Some(t) => {
                self.queued = tag;
                Some(t)
            }
            None => tag,
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(t) = self.queued.take() {
            return Some(t);
        }
        let src = self.src;
        let b = src.as_bytes();
        while self.i < b.len() {
            let i = self.i;
            if b[i] != b'<' {
                self.i = src[i..].find('<').map_or(b.len(), |p| i + p);
                continue;
            }
            let rest = &src[i..];
            if rest.starts_with("<!--") {
                let end = rest.find("-->").map_or(b.len(), |p| i + p + 3);
                match self.emit(end, self.text_before(i), None) {
                    Some(t) => return Some(t),
                    None => continue,
                }
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                let end = rest.find('>').map_or(b.len(), |p| i + p + 1);
                match self.emit(end, self.text_before(i), None) {
                    Some(t) => return Some(t),
                    None => continue,
                }
            }
            let closing = rest.starts_with("</");
            let name_at = i + if closing { 2 } else { 1 };
            let name_len = b[name_at..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_'))
                .count();
            if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
                self.i += 1;
                continue;
            }
            let Some(end) = tag_end(b, name_at + name_len) else {
                self.i += 1;
                continue;
            };
            let text = self.text_before(i);
            let raw_name = &src[name_at..name_at + name_len];
            let name = if raw_name.bytes().any(|c| c.is_ascii_uppercase()) {
                Cow::Owned(raw_name.to_ascii_lowercase())
            } else {
                Cow::Borrowed(raw_name)
            };
            if closing {
                return self.emit(end, text, Some(Token::End { name }));
            }
            let attrs = &src[name_at + name_len..end.saturating_sub(1).max(name_at + name_len)];
            // Skip a raw-text element to its end tag; the content is never text of the report.
            let raw_text = matches!(&*name, "script" | "style" | "textarea" | "title" | "xmp" | "noscript");
            let next = if raw_text { find_end_tag(&src[end..], &name).map_or(b.len(), |p| end + p) } else { end };
            return self.emit(next, text, Some(Token::Start { name, attrs, at: i }));
        }
        let text = self.text_before(b.len());
        self.text_start = b.len();
        text
    }
}

/// Offset of `</name` (any case) in `s`, scanning once.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = name.as_bytes();
    let mut from = 0;
    while let Some(p) = s[from..].find("</") {
        let at = from + p;
        let tag = b.get(at + 2..at + 2 + n.len())?;
        if tag.eq_ignore_ascii_case(n) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// End of a tag (just after '>'), honouring quoted attribute values.
fn tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(i + 1);
        } else if c == b'<' && quote == 0 {
            return None;
        }
        i += 1;
    }
    None
}

fn attr_number(attrs: &str, name: &str) -> usize {
    let lower = attrs.to_ascii_lowercase();
    let Some(p) = lower.find(name) else { return 1 };
    let rest = lower[p + name.len()..].trim_start().trim_start_matches('=').trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
    n.parse::<usize>().unwrap_or(1).clamp(1, 1000)
}

/// The attributes of a start tag as (lower-case name, value without quotes).
fn attributes(attrs: &str) -> impl Iterator<Item = (String, &str)> {
    let b = attrs.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
            i += 1;
        }
        let name = attrs[start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= b.len() || b[j] != b'=' {
            return Some((name, ""));
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = attrs[j + 1..].find(q as char).map_or(b.len(), |p| j + 1 + p);
                i = (end + 1).min(b.len());
                &attrs[j + 1..end]
            }
            _ => {
                let end = attrs[j..].find(|c: char| c.is_ascii_whitespace()).map_or(b.len(), |p| j + p);
                i = end;
                &attrs[j..end]
            }
        };
        Some((name, value))
    })
}

/// Content a reader does not see: the `hidden` attribute, `aria-hidden="true"`, or a style with
/// `display:none` / `visibility:hidden`.
fn is_hidden(attrs: &str) -> bool {
    attributes(attrs).any(|(name, value)| match name.as_str() {
        "hidden" => true,
        "aria-hidden" => value.eq_ignore_ascii_case("true"),
        "style" => {
            let v: String = value.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
            v.contains("display:none") || v.contains("visibility:hidden")
        }
        _ => false,
    })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "blockquote"
            | "pre"
            | "hr"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "center"
            | "address"
            | "tbody"
            | "thead"
            | "tfoot"
            | "body"
            | "html"
    )
}

/// Decodes the character references a report uses; unknown ones stay as written.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.find(';').filter(|&e| e <= 12)?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(v).filter(|c| *c != '\0').unwrap_or('\u{FFFD}')
    } else {
        match name {
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "middot" => '·',
            "times" => '×',
            "divide" => '÷',
            "yen" => '¥',
            "permil" => '‰',
            "shy" | "zwsp" => '\u{200B}',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Appends text with HTML white-space collapsing and entity decoding.
fn push_text(out: &mut Visible, at: usize, s: &str) {
    let mut i = 0;
    let b = s.as_bytes();
    let mut verbatim_from = 0;
    let flush = |out: &mut Visible, from: usize, to: usize| {
        if to > from {
            out.push_src(at + from, &s[from..to]);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            flush(out, verbatim_from, i);
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if !out.ends_with_space() {
                // A single blank byte maps one for one and continues the text around it (most
                // blanks in prose), so it does not start a run of its own.
                out.push_run(" ", at + i, j - i, j - i == 1);
            }
            i = j;
            verbatim_from = j;
        } else if c == b'&' {
            if let Some((ch, len)) = entity(&s[i..]) {
                flush(out, verbatim_from, i);
                let mut buf = [0u8; 4];
                let is_space = ch == ' ';
                if !(is_space && out.ends_with_space()) {
                    out.push_run(ch.encode_utf8(&mut buf), at + i, len, false);
                }
                i += len;
                verbatim_from = i;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    flush(out, verbatim_from, b.len());
}

fn newline(out: &mut Visible, at: usize) {
    out.trim_end_spaces();
    if !out.text.is_empty() && !out.text.ends_with('\n') {
        out.push_run("\n", at, 0, false);
    }
}

/// One cell of a table being collected.
struct CellBuf {
    vis: Visible,
    rowspan: usize,
    colspan: usize,
    at: usize,
}

struct TableBuf {
    rows: Vec<Vec<CellBuf>>,
    in_cell: bool,
}

/// For each table start tag, in order: whether its table contains no other table. Tables that
/// contain one are layout, not data.
fn leaf_tables(src: &str) -> Vec<bool> {
    let mut leaf = Vec::new();
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for t in tokenize(src) {
        match t {
            Token::Start { name, .. } if name == "table" => {
                if let Some(top) = stack.last_mut() {
                    top.1 = true;
                }
                stack.push((leaf.len(), false));
                leaf.push(false);
            }
            Token::End { name } if name == "table" => {
                if let Some((start, nested)) = stack.pop() {
                    leaf[start] = !nested;
                }
            }
            _ => {}
        }
    }
    while let Some((start, nested)) = stack.pop() {
        leaf[start] = !nested;
    }
    leaf
}

/// Converts an HTML document or fragment to visible text.
pub fn to_visible(src: &str) -> Visible {
    // Which tables are data tables: found by a pass of its own over the tokens, made when the
    // first table start tag needs it (a document without tables is tokenised once).
    let mut leaf: Option<Vec<bool>> = None;
    let mut out = Visible::default();
    let mut table: Option<TableBuf> = None;
    let mut table_depth = 0usize; // nesting of <table> inside the leaf table being collected
    let mut hidden_depth: Vec<Cow<str>> = Vec::new();
    let mut in_head = false;
    let mut tables_seen = 0;
    // Open block elements: name and where their visible text starts.
    let mut open: Vec<(Cow<str>, usize)> = Vec::new();
    for t in tokenize(src) {
        let t = &t;
        // The number of a table start tag among all of them.
        let table_no = matches!(t, Token::Start { name, .. } if name == "table").then(|| {
            tables_seen += 1;
            tables_seen - 1
        });
        if !hidden_depth.is_empty() {
            match t {
                Token::Start { name, attrs, .. } if !is_void(name) && is_hidden(attrs) => {
                    hidden_depth.push(name.clone())
                }
                Token::Start { name, .. } if *name == hidden_depth[0] => hidden_depth.push(name.clone()),
                Token::End { name } if hidden_depth.last() == Some(name) => {
                    hidden_depth.pop();
                }
                _ => {}
            }
            continue;
        }
        match t {
            Token::Start { name, .. } if name == "head" => in_head = true,
            Token::End { name } if name == "head" => in_head = false,
            Token::Start { name, .. } if name == "body" => in_head = false,
            Token::Start { name, attrs, .. } if !is_void(name) && is_hidden(attrs) => {
                hidden_depth.push(name.clone());
            }
            _ if in_head => {}
            Token::Start { at, .. }
                if table.is_none() && table_no.is_some_and(|k| leaf.get_or_insert_with(|| leaf_tables(src))[k]) =>
            {
                newline(&mut out, *at);
                table = Some(TableBuf { rows: Vec::new(), in_cell: false });
                table_depth = 1;
            }
            _ if table.is_some() => {
                let tb = table.as_mut().expect("checked");
                match t {
                    Token::Start { name, .. } if name == "table" => table_depth += 1,
                    Token::End { name } if name == "table" => {
                        table_depth -= 1;
                        if table_depth == 0 {
                            let done = table.take().expect("checked");
                            emit_table(&mut out, done);
                        }
                    }
                    Token::Start { name, .. } if name == "tr" => {
                        tb.rows.push(Vec::new());
                        tb.in_cell = false;
                    }
                    Token::Start { name, attrs, at } if name == "td" || name == "th" => {
                        if tb.rows.is_empty() {
                            tb.rows.push(Vec::new());
                        }
                        let row = tb.rows.last_mut().expect("pushed");
                        row.push(CellBuf {
                            vis: Visible::default(),
                            rowspan: attr_number(attrs, "rowspan"),
                            colspan: attr_number(attrs, "colspan"),
                            at: *at,
                        });
                        tb.in_cell = true;
                    }
                    Token::End { name } if name == "td" || name == "th" || name == "tr" => tb.in_cell = false,
                    Token::Start { name, at, .. } if is_block(name) && tb.in_cell => {
                        if let Some(cell) = tb.rows.last_mut().and_then(|r| r.last_mut()) {
                            if !cell.vis.ends_with_space() {
                                cell.vis.push_run(" ", *at, 0, false);
                            }
                        }
                    }
                    Token::Text(at, s) if tb.in_cell => {
                        if let Some(cell) = tb.rows.last_mut().and_then(|r| r.last_mut()) {
                            push_text(&mut cell.vis, *at, s);
                        }
                    }
                    _ => {}
                }
            }
            Token::Start { name, at, .. } if is_block(name) => {
                newline(&mut out, *at);
                if !is_void(name) {
                    open.push((name.clone(), out.text.len()));
                }
            }
            Token::End { name } if is_block(name) => {
                let at = src.len().min(position_hint(&out));
                newline(&mut out, at);
                // Close it and whatever was left open inside it.
                if let Some(i) = open.iter().rposition(|(n, _)| n == name) {
                    let end = out.text.len();
                    for (_, start) in open.drain(i..) {
                        if end > start {
                            out.blocks.push(Span::new(start, end));
                        }
                    }
                }
            }
            Token::Text(at, s) => push_text(&mut out, *at, s),
            _ => {}
        }
    }
    if let Some(done) = table.take() {
        emit_table(&mut out, done);
    }
    out.trim_end_spaces();
    let end = out.text.len();
    out.blocks.extend(open.into_iter().map(|(_, start)| Span::new(start, end)).filter(|b| !b.is_empty()));
    // The final newlines are dropped below: no block may end past the text.
    let blocks = std::mem::take(&mut out.blocks);
    while out.text.ends_with('\n') {
        // Only synthetic newlines end the text here; drop them with their runs.
        out.text.pop();
        if out.runs.last().is_some_and(|r| r.vis as usize >= out.text.len()) {
            out.runs.pop();
        }
    }
    let len = out.text.len();
    out.blocks = blocks.into_iter().map(|b| Span::new(b.start.min(len), b.end.min(len))).collect();
    out
}

fn is_void(name: &str) -> bool {
    matches!(name, "br" | "img" | "hr" | "meta" | "link" | "input" | "col" | "area" | "base" | "wbr" | "source")
}

/// Synthetic newlines after an end tag map to the end of the last visible source byte.
fn position_hint(out: &Visible) -> usize {
    out.runs.last().map_or(0, Run::src_end)
}

/// Lays the collected cells on a slot grid (rowspan/colspan) and writes one line per row, its
/// cells separated by tabs, recording each row's cells in `out.rows`. A cell continued from a row
/// above by rowspan is repeated in the lower rows only when it holds a value (a number or
/// placeholder shared by several rows); a spanning label is written once. Blank cells and all-blank
/// rows are kept: they are the table as drawn.
fn emit_table(out: &mut Visible, table: TableBuf) {
    let grid = form_grid(&table.rows);
    for (r, slots) in grid.iter().enumerate() {
        let mut line = Visible::default();
        let mut cells = Vec::new();
        let mut last_cell = None;
        for slot in slots {
            let Some((cr, cc)) = *slot else { continue };
            if last_cell == Some((cr, cc)) {
                continue; // colspan continuation
            }
            last_cell = Some((cr, cc));
            let cell = &table.rows[cr][cc];
            let mut v = Visible::default();
            v.append(&cell.vis);
            v.trim_end_spaces();
            if cr != r && !is_value_like(v.text.trim()) {
                continue;
            }
            if !cells.is_empty() {
                line.push_run("\t", cell.at, 0, false);
            }
            let v = drop_leading_blank(v);
            let at = line.text.len();
            line.append(&v);
            cells.push(Span::new(at, line.text.len()));
        }
        // A row of one blank cell carries nothing (and would be an empty line).
        if line.text.is_empty() {
            continue;
        }
        newline(out, line.runs.first().map_or(0, |r| r.src as usize));
        let base = out.text.len();
        out.append(&line);
        let shift = |s: Span| Span::new(base + s.start, base + s.end);
        out.rows.push(GridRow { line: Span::new(base, out.text.len()), cells: cells.into_iter().map(shift).collect() });
        newline(out, position_hint(out));
    }
}

/// The cell text without the leading blank that white-space collapsing may leave.
fn drop_leading_blank(v: Visible) -> Visible {
    if !v.text.starts_with(' ') {
        return v;
    }
    let skip = 1u32;
    let runs = v
        .runs
        .iter()
        .filter(|run| run.vis + run.vis_len > skip)
        .map(|run| {
            if run.vis < skip {
                Run {
                    vis: 0,
                    vis_len: run.vis_len - skip,
                    src: run.src + if run.verbatim { skip } else { 0 },
                    src_len: if run.verbatim { run.src_len - skip } else { run.src_len },
                    verbatim: run.verbatim,
                }
            } else {
                Run { vis: run.vis - skip, ..*run }
            }
        })
        .collect();
    Visible { text: v.text[skip as usize..].to_string(), runs, ..Visible::default() }
}

fn is_value_like(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 12
        && s.chars().any(|c| c.is_ascii_digit() || "/-—无".contains(c))
        && !s.chars().any(crate::text::is_hanzi)
        || matches!(s, "无" | "/" | "-" | "—" | "——")
}

/// The HTML table-forming algorithm, reduced to what reports need: returns for each row the
/// (row, cell) index that occupies each column slot.
pub fn form_grid<T>(rows: &[Vec<T>]) -> Vec<Vec<Option<(usize, usize)>>>
where
    T: SpanSize,
{
    let mut grid: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        for (c, cell) in row.iter().enumerate() {
            while grid[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            let rs = cell.rowspan().min(rows.len() - r).max(1);
            let cs = cell.colspan().clamp(1, 1000);
            for g in grid.iter_mut().skip(r).take(rs) {
                if g.len() < col + cs {
                    g.resize(col + cs, None);
                }
                for slot in g.iter_mut().skip(col).take(cs) {
                    if slot.is_none() {
                        *slot = Some((r, c));
                    }
                }
            }
            col += cs;
        }
    }
    grid
}

/// Row and column spans of a table cell.
pub trait SpanSize {
    fn rowspan(&self) -> usize;
    fn colspan(&self) -> usize;
}

impl SpanSize for CellBuf {
    fn rowspan(&self) -> usize {
        self.rowspan
    }
    fn colspan(&self) -> usize {
        self.colspan
    }
}

impl SpanSize for (usize, usize) {
    fn rowspan(&self) -> usize {
        self.0
    }
    fn colspan(&self) -> usize {
        self.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice<'a>(src: &'a str, v: &Visible, needle: &str) -> &'a str {
        let at = v.text.find(needle).expect("needle in visible text");
        let sp = v.to_source(Span::new(at, at + needle.len()));
        &src[sp.range()]
    }

    #[test]
    fn table_rows_become_tab_lines() {
        let src = "<p>三、收到和处理</p><table><tr><td rowspan=2>一、本年新收</td><td>60</td><td>&nbsp;</td></tr>\
                   <tr><td>7</td><td>8</td></tr></table><p>四、复议</p>";
        let v = to_visible(src);
        assert_eq!(v.text, "三、收到和处理\n一、本年新收\t60\t\n7\t8\n四、复议");
        assert_eq!(slice(src, &v, "60"), "60");
        assert_eq!(slice(src, &v, "四、复议"), "四、复议");
    }

    #[test]
    fn scripts_styles_hidden_and_entities() {
        let src = "<style>p{}</style><script>alert(1)</script><div style='display:none'>隐藏</div>\
                   <p>a&amp;b&#x4E00;<o:p></o:p></p>";
        let v = to_visible(src);
        assert_eq!(v.text, "a&b一");
        assert_eq!(slice(src, &v, "&"), "&amp;");
    }

    #[test]
    fn grid_spans() {
        let rows = vec![vec![(2, 1), (1, 2)], vec![(1, 1), (1, 1)]];
        let g = form_grid(&rows);
        assert_eq!(g[0], vec![Some((0, 0)), Some((0, 1)), Some((0, 1))]);
        assert_eq!(g[1], vec![Some((0, 0)), Some((1, 0)), Some((1, 1))]);
    }

    #[test]
    fn layout_tables_are_blocks() {
        let src = "<table><tr><td>导航</td><td><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>";
        let v = to_visible(src);
        assert_eq!(v.text, "导航\n规章\t0");
    }
}
