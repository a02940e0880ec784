//! A small pull scanner for the XML of Office files: start/end tags with their attributes, and
//! text. No DTDs, no validation; names are matched by their local part (`w:p` → `p`), which is
//! what the Word and WPS schemas need. Malformed input ends the scan; it never panics.

use std::borrow::Cow;

#[derive(Debug, PartialEq)]
pub enum Event<'a> {
    /// A start tag; `empty` for `<x/>` (no End follows).
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Raw text (entities not yet decoded: `unescape` does it).
    Text(&'a str),
}

pub struct Scanner<'a> {
    src: &'a str,
    i: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str) -> Self {
        Scanner { src, i: 0 }
    }
}

/// The local part of a qualified name.
pub fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let src = self.src;
        loop {
            let rest = src.get(self.i..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.i += end;
                return Some(Event::Text(&rest[..end]));
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>")?;
                self.i += 9 + end + 3;
                return Some(Event::Text(&body[..end]));
            }
            if rest.starts_with("<!--") {
                self.i += rest.find("-->")? + 3;
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.i += rest.find('>')? + 1;
                continue;
            }
            let end = tag_end(rest.as_bytes())?;
            self.i += end + 1;
            let inner = &rest[1..end];
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Event::End { name: name.trim() });
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let split = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            return Some(Event::Start { name: &inner[..split], attrs: &inner[split..], empty });
        }
    }
}

/// Index of the `>` that closes the tag starting at `b[0] == b'<'`, honouring quoted values.
fn tag_end(b: &[u8]) -> Option<usize> {
    let mut quote = 0u8;
    for (i, &c) in b.iter().enumerate().skip(1) {
        match (quote, c) {
            (0, b'"' | b'\'') => quote = c,
            (0, b'>') => return Some(i),
            (q, c) if q == c => quote = 0,
            _ => {}
        }
    }
    None
}

/// The value of the attribute with this local name (`val` finds `w:val`), entities decoded.
pub fn attr<'a>(attrs: &'a str, want: &str) -> Option<Cow<'a, str>> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && b[i] != b'=' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = &attrs[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            if i == name_start {
                i += 1;
            }
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let q = *b.get(i)?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let v_start = i + 1;
        let v_end = v_start + attrs[v_start..].find(q as char)?;
        if local(name) == want {
            return Some(unescape(&attrs[v_start..v_end]));
        }
        i = v_end + 1;
    }
    None
}

/// Decodes the five XML entities and numeric character references.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = ent.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_text_and_attributes() {
        let x = r#"<?xml version="1.0"?><w:p a="1"><w:t xml:space='preserve'>a &amp; b&#x4E00;</w:t><w:br/></w:p>"#;
        let ev: Vec<Event> = Scanner::new(x).collect();
        assert_eq!(ev[0], Event::Start { name: "w:p", attrs: r#" a="1""#, empty: false });
        assert_eq!(ev[2], Event::Text("a &amp; b&#x4E00;"));
        assert_eq!(unescape("a &amp; b&#x4E00;&bogus;"), "a & b一&bogus;");
        assert_eq!(ev[4], Event::Start { name: "w:br", attrs: "", empty: true });
        assert_eq!(attr(r#" w:val="restart" w:x='2'"#, "val").as_deref(), Some("restart"));
        assert_eq!(attr(r#" w:x='2'"#, "val"), None);
        assert_eq!(attr(" broken x", "x"), None);
    }

    #[test]
    fn malformed_input_ends_the_scan() {
        for s in ["<a", "<a b='>", "<![CDATA[x", "<!-- x", "<?x", "&", "<\u{4e00}"] {
            let _: Vec<Event> = Scanner::new(s).collect();
        }
    }
}
