//! The analysis of a large draft crosses from the check worker to the page as bytes: a compact,
//! hand-written encoding (LEB128 integers, length-prefixed UTF-8), because serde's deserializers
//! would cost the bundle more than this whole file. Both ends run the same wasm, so there is no
//! versioning; `decode` still checks every length and returns `None` on anything malformed.

use crate::diag::{Finding, Fix, Related, Severity};
use crate::input::InputKind;
use crate::report::{Format, T2Col, T2Row, T3Col, T3Row, T4Col};
use crate::span::Span;
use crate::web::state::{Analysis, Key, KeyMap};
use crate::{CellView, Cells, Checked, Coverage, ReportView, SectionView, TablesRead};

struct Writer(Vec<u8>);

impl Writer {
    fn n(&mut self, mut v: usize) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }

    fn s(&mut self, s: &str) {
        self.n(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn span(&mut self, s: Span) {
        self.n(s.start);
        self.n(s.end);
    }

    /// `None` as 0, `Some(v)` as v + 1.
    fn opt(&mut self, v: Option<usize>) {
        self.n(v.map_or(0, |v| v + 1));
    }

    /// A cell key by its dense index (`CellKey::index`): no names to write or match.
    fn key(&mut self, k: Key) {
        self.n(k.index());
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn n(&mut self) -> Option<usize> {
        let mut v = 0usize;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn s(&mut self) -> Option<String> {
        let len = self.n()?;
        let end = self.at.checked_add(len)?;
        let s = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(s.to_string())
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.n()?, self.n()?))
    }

    fn opt(&mut self) -> Option<Option<usize>> {
        Some(self.n()?.checked_sub(1))
    }

    /// A count of items each at least one byte long: bounded by what is left, so a corrupt count
    /// cannot make `Vec::with_capacity` allocate without limit.
    fn count(&mut self) -> Option<usize> {
        let n = self.n()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(item(self)?);
        }
        Some(v)
    }

    /// The inverse of `CellKey::index`: T2 cells row by row, then T3's, then T4's.
    fn key(&mut self) -> Option<Key> {
        let i = self.n()?;
        let (t2, t3) = (T2Row::ALL.len() * T2Col::ALL.len(), T3Row::ALL.len() * T3Col::ALL.len());
        let (w2, w3) = (T2Col::ALL.len(), T3Col::ALL.len());
        Some(if i < t2 {
            Key::T2(T2Row::ALL[i / w2], T2Col::ALL[i % w2])
        } else if i < t2 + t3 {
            Key::T3(T3Row::ALL[(i - t2) / w3], T3Col::ALL[(i - t2) % w3])
        } else {
            Key::T4(*T4Col::ALL.get(i - t2 - t3)?)
        })
    }
}

/// Rule ids are `&'static str` in the core: an id is decoded to the catalogue's own string.
fn rule_id(s: &str) -> Option<&'static str> {
    crate::rules::find(s).filter(|r| r.id == s).map(|r| r.id)
}

fn severity_code(s: Severity) -> usize {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

fn severity_of(n: usize) -> Option<Severity> {
    [Severity::Info, Severity::Warning, Severity::Error].get(n).copied()
}

const FORMATS: [Format; 3] = [Format::V2019, Format::V2021, Format::Unknown];

/// Everything of an analysis but its text (the page already has that).
pub fn encode(a: &Analysis) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(a.text.len() / 2 + 1024));
    let c = &a.checked;
    w.n(c.input as usize);
    let r = &c.report;
    w.s(r.title.as_deref().unwrap_or(""));
    w.n(usize::from(r.title.is_some()));
    w.s(r.org.as_deref().unwrap_or(""));
    w.n(usize::from(r.org.is_some()));
    w.opt(r.year.and_then(|y| usize::try_from(y).ok()));
    w.n(FORMATS.iter().position(|f| *f == r.format).unwrap_or(2));
    w.n(r.sections.len());
    for s in &r.sections {
        w.s(&s.ordinal);
        w.s(&s.title);
        w.n(usize::from(s.canonical));
        w.span(s.span);
    }
    w.n(r.cells.len());
    for cell in &r.cells {
        w.key(cell.key);
        w.s(&cell.raw);
        // f64 bits as 8 little-endian bytes, after a presence flag.
        w.n(usize::from(cell.value.is_some()));
        if let Some(v) = cell.value {
            w.0.extend_from_slice(&v.to_bits().to_le_bytes());
        }
        w.span(cell.span);
    }
    w.n(usize::from(r.recognised));
    let t = &r.coverage.tables;
    for n in [r.coverage.sections, t.T2.found, t.T2.expected, t.T3.found, t.T3.expected, t.T4.found, t.T4.expected] {
        w.n(n);
    }
    w.n(c.findings.len());
    for f in &c.findings {
        w.s(f.rule);
        w.n(severity_code(f.severity));
        w.s(&f.message);
        w.s(&f.help);
        w.span(f.span);
        w.n(f.cells.len());
        for k in &f.cells {
            w.key(*k);
        }
        w.s(f.assumption.as_deref().unwrap_or(""));
        w.n(usize::from(f.assumption.is_some()));
        w.n(f.related.len());
        for rel in &f.related {
            w.span(rel.span);
            w.span(rel.previous);
        }
        w.n(usize::from(f.fix.is_some()));
        if let Some(fix) = &f.fix {
            w.span(fix.span);
            w.s(&fix.replacement);
        }
        w.n(usize::from(f.verified.is_some()));
        w.s(f.verified.as_deref().unwrap_or(""));
    }
    // The views' indexes.
    let same_display = a.display == a.text;
    w.n(usize::from(same_display));
    if !same_display {
        w.s(&a.display);
    }
    for i in 0..c.findings.len() {
        w.span(a.display_spans[i]);
        w.opt(a.section_of[i]);
        w.n(usize::from(a.target[i].is_some()));
        if let Some(k) = a.target[i] {
            w.key(k);
        }
        w.n(a.related[i].len());
        for (now, before) in &a.related[i] {
            w.s(now);
            w.s(before);
        }
    }
    w.n(a.cell_findings.len());
    for (k, list) in a.cell_findings.iter() {
        w.key(*k);
        w.n(list.len());
        for &i in list {
            w.n(i);
        }
    }
    w.0
}

/// The analysis of `text` from `encode`'s bytes; `None` when they are not a whole, valid encoding.
pub fn decode(bytes: &[u8], text: String) -> Option<Analysis> {
    let mut r = Reader { bytes, at: 0 };
    let input = match r.n()? {
        0 => InputKind::Text,
        1 => InputKind::Html,
        2 => InputKind::Docx,
        3 => InputKind::Doc,
        4 => InputKind::Pdf,
        _ => return None,
    };
    let title = r.s()?;
    let title = (r.n()? == 1).then_some(title);
    let org = r.s()?;
    let org = (r.n()? == 1).then_some(org);
    let year = r.opt()?.map(|y| i32::try_from(y).ok()).unwrap_or(None);
    let format = *FORMATS.get(r.n()?)?;
    let sections = r.list(|r| {
        Some(SectionView { ordinal: r.s()?, title: r.s()?, canonical: u8::try_from(r.n()?).ok()?, span: r.span()? })
    })?;
    let cells = r.list(|r| {
        let key = r.key()?;
        let raw = r.s()?;
        let value = if r.n()? == 1 {
            let b: [u8; 8] = r.bytes.get(r.at..r.at + 8)?.try_into().ok()?;
            r.at += 8;
            Some(f64::from_bits(u64::from_le_bytes(b)))
        } else {
            None
        };
        Some(CellView { key, raw, value, span: r.span()? })
    })?;
    let recognised = r.n()? == 1;
    let sections_read = r.n()?;
    let mut cells_read = || Some(Cells { found: r.n()?, expected: r.n()? });
    let tables = TablesRead { T2: cells_read()?, T3: cells_read()?, T4: cells_read()? };
    let coverage = Coverage { sections: sections_read, tables };
    let findings = r.list(|r| {
        let rule = rule_id(&r.s()?)?;
        let severity = severity_of(r.n()?)?;
        let (message, help, span) = (r.s()?, r.s()?, r.span()?);
        let cells = r.list(|r| r.key())?;
        let assumption = r.s()?;
        let assumption = (r.n()? == 1).then_some(assumption);
        let related = r.list(|r| Some(Related { span: r.span()?, previous: r.span()? }))?;
        let fix = if r.n()? == 1 { Some(Fix { span: r.span()?, replacement: r.s()? }) } else { None };
        let is_verified = r.n()? == 1;
        let verified = Some(r.s()?).filter(|_| is_verified);
        Some(Finding { rule, severity, message, help, span, cells, assumption, related, fix, verified })
    })?;
    let display = if r.n()? == 1 { text.clone() } else { r.s()? };
    let n = findings.len();
    let (mut display_spans, mut fix_spans, mut section_of, mut target, mut related) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for _ in 0..n {
        display_spans.push(r.span()?);
        // Drafts checked in the worker are too large for the text box: no 一键修改 there.
        fix_spans.push(None);
        section_of.push(r.opt()?);
        target.push(if r.n()? == 1 { Some(r.key()?) } else { None });
        related.push(r.list(|r| Some((r.s()?, r.s()?)))?);
    }
    let mut involved = Vec::new();
    for _ in 0..r.count()? {
        let k = r.key()?;
        involved.extend(r.list(|r| r.n().filter(|&i| i < n))?.into_iter().map(|i| (k, i)));
    }
    let fits = |s: &Span| s.start <= s.end && display.is_char_boundary(s.start) && display.is_char_boundary(s.end);
    if r.at != bytes.len() || !display_spans.iter().all(fits) {
        return None;
    }
    let checked = Checked {
        input,
        report: ReportView { title, org, year, format, sections, cells, coverage, recognised },
        findings,
        text: None,
        visible: None,
    };
    let cells = KeyMap::last_wins(checked.report.cells.iter().enumerate().map(|(i, c)| (c.key, i)));
    let cell_findings = KeyMap::grouped(involved);
    Some(Analysis {
        text,
        checked,
        display,
        display_spans,
        fix_spans,
        section_of,
        target,
        cells,
        cell_findings,
        related,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::state::{analyse_with, SAMPLE};

    #[test]
    fn every_cell_key_round_trips_by_its_index() {
        let mut all: Vec<Key> = Vec::new();
        all.extend(T2Row::ALL.iter().flat_map(|&r| T2Col::ALL.iter().map(move |&c| Key::T2(r, c))));
        all.extend(T3Row::ALL.iter().flat_map(|&r| T3Col::ALL.iter().map(move |&c| Key::T3(r, c))));
        all.extend(T4Col::ALL.iter().map(|&c| Key::T4(c)));
        assert_eq!(all.len(), Key::COUNT);
        let mut w = Writer(Vec::new());
        for &k in &all {
            w.key(k);
        }
        w.n(Key::COUNT);
        let mut r = Reader { bytes: &w.0, at: 0 };
        for &k in &all {
            assert_eq!(r.key(), Some(k));
        }
        assert_eq!(r.key(), None, "an index past the last key is refused");
    }

    fn same(a: &Analysis, b: &Analysis) {
        assert_eq!(a.checked.findings, b.checked.findings);
        assert_eq!(a.checked.input, b.checked.input);
        let (x, y) = (&a.checked.report, &b.checked.report);
        assert_eq!((&x.title, &x.org, x.year, x.format), (&y.title, &y.org, y.year, y.format));
        assert_eq!((&x.coverage, x.recognised), (&y.coverage, y.recognised));
        assert_eq!(x.sections.len(), y.sections.len());
        for (s, t) in x.sections.iter().zip(&y.sections) {
            assert_eq!((&s.ordinal, &s.title, s.canonical, s.span), (&t.ordinal, &t.title, t.canonical, t.span));
        }
        assert_eq!(x.cells.len(), y.cells.len());
        for (c, d) in x.cells.iter().zip(&y.cells) {
            assert_eq!((c.key, &c.raw, c.value, c.span), (d.key, &d.raw, d.value, d.span));
        }
        assert_eq!(a.display, b.display);
        assert_eq!(a.display_spans, b.display_spans);
        assert_eq!(a.section_of, b.section_of);
        assert_eq!(a.target, b.target);
        assert_eq!(a.cells, b.cells);
        assert_eq!(a.cell_findings, b.cell_findings);
        assert_eq!(a.related, b.related);
    }

    #[test]
    fn round_trip_text_html_and_a_year_pair() {
        let html = "<h1>某县2024年政府信息公开工作年度报告</h1><table><tr><td>（七）总计</td><td>6</td><td>1</td></tr></table>";
        let last = SAMPLE.replace("2024", "2023");
        for (text, previous) in [(SAMPLE, ""), (html, ""), (SAMPLE, last.as_str())] {
            let a = analyse_with(text, None, previous);
            let b = decode(&encode(&a), text.to_string()).expect("decodes");
            same(&a, &b);
        }
    }

    #[test]
    fn malformed_bytes_are_refused_not_trusted() {
        let a = analyse_with(SAMPLE, None, "");
        let bytes = encode(&a);
        for cut in [0, 1, bytes.len() / 3, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], SAMPLE.to_string()).is_none(), "truncated at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, SAMPLE.to_string()).is_none(), "trailing bytes");
        assert!(decode(&[0xff; 64], String::new()).is_none(), "garbage");
    }
}
