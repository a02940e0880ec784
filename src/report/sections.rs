//! Section headings, numbered headings and prose paragraphs.

use super::labels;
use super::{Heading, Paragraph, Section};
use crate::parse::Document;
use crate::span::Span;
use crate::text::{label, Mode, Norm, Ordinal};

/// A line is heading-like when it is short and does not read as a sentence.
fn short_heading(text: &str) -> bool {
    let n = text.chars().count();
    n <= 40 && !text.trim_end().ends_with(['。', '；', ';'])
}

pub(super) fn find(doc: &Document, in_table: &dyn Fn(Span) -> bool) -> (Vec<Section>, Vec<Heading>, Vec<Paragraph>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut headings = Vec::new();
    let mut paragraphs = Vec::new();
    for (li, line) in doc.lines.iter().enumerate() {
        if line.noise || line.empty || line.cells.is_empty() {
            continue;
        }
        if in_table(line.span) {
            continue;
        }
        // Prose is a one-cell line; a multi-cell line outside the tables is kept as prose too.
        let span = if line.multi { crate::parse::trim_span(doc.src, line.span) } else { line.cells[0].span };
        if span.is_empty() {
            continue;
        }
        let raw = doc.text(span);
        // Table rows (tabs, pipes) and bare numbers are not prose.
        if line.tabular || raw.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'%' | b'-' | b'/')) {
            continue;
        }
        // A long line without an ordinal is plain prose: no heading to parse.
        if raw.chars().count() > 40 && Ordinal::parse(raw.trim_start()).is_none() {
            paragraphs.push(Paragraph { span, section: sections.len().checked_sub(1), heading: false, line: li });
            continue;
        }
        // Only the start of a long numbered paragraph matters for headings: normalise at most 64
        // characters of it (a heading's body is kept up to there).
        let head = match raw.char_indices().nth(64) {
            Some((cut, _)) => &raw[..cut],
            None => raw,
        };
        let norm = Norm::new(head, span.start, Mode::Label);
        let ord = Ordinal::parse(&norm.text);
        let (ordinal, body) = match ord {
            // The folded text lost full-width brackets; read them from the original.
            Some((o, len)) => {
                (Some((Ordinal { fullwidth: raw.trim_start().starts_with('（'), ..o }, len)), &norm.text[len..])
            }
            None => (None, norm.text.as_str()),
        };
        let mut is_heading = false;
        // Without an ordinal only a bare title counts (not a wrapped line of the introduction).
        let bare = ordinal.is_some() || !body.contains([',', '，', '、', '。']) || body == labels::SECTION_TITLES[3];
        // （一）/(1) headings are sub-topics, never one of the six parts.
        let top_level =
            ordinal.is_none_or(|(o, _)| o.style.level() != 2 && o.style != crate::text::OrdinalStyle::ParenArabic);
        if short_heading(raw) && bare && top_level {
            if let Some((canonical, variant)) = labels::section_title(body) {
                let (ordinal_text, ordinal_parsed) = match ordinal {
                    Some((o, len)) => (doc.text(norm.span(0, len)).trim().to_string(), Some(o)),
                    None => (String::new(), None),
                };
                let title_span = norm.span(ordinal.map_or(0, |o| o.1), norm.text.len());
                sections.push(Section {
                    canonical,
                    ordinal: ordinal_text,
                    ordinal_parsed,
                    title: doc.text(title_span).trim().to_string(),
                    variant,
                    span,
                    body: Span::new(span.end, span.end),
                });
                is_heading = true;
            }
        }
        if let Some((o, len)) = ordinal {
            let section = sections.len().checked_sub(1);
            headings.push(Heading { span, ordinal: o, ordinal_span: norm.span(0, len), body: label(body), section });
            is_heading |= short_heading(raw);
        }
        paragraphs.push(Paragraph { span, section: sections.len().checked_sub(1), heading: is_heading, line: li });
    }
    // Section bodies run to the next section heading.
    let end = doc.src.len();
    let starts: Vec<usize> = sections.iter().map(|s| s.span.start).collect();
    for (i, s) in sections.iter_mut().enumerate() {
        let next = starts.get(i + 1).copied().unwrap_or(end);
        s.body = Span::new(s.span.end, next.max(s.span.end));
    }
    (sections, headings, paragraphs)
}
