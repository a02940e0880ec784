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
        // A long line without an ordinal is plain prose: no heading to parse. (OCR and PDF copies
        // may write the ordinal with a Kangxi radical: "（⼆）".)
        let opening: String = raw.trim_start().chars().take(8).map(crate::text::fold_width).collect();
        if raw.chars().count() > 40 && Ordinal::parse(&opening).is_none() {
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
        let bare = ordinal.is_some() || !body.contains([',', '，', '、', '。']) || body == super::keys::PART_TITLES[3];
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
    infer_unnamed_parts(doc, &mut sections, &mut headings, &mut paragraphs);
    // Section bodies run to the next section heading.
    let end = doc.src.len();
    let starts: Vec<usize> = sections.iter().map(|s| s.span.start).collect();
    for (i, s) in sections.iter_mut().enumerate() {
        let next = starts.get(i + 1).copied().unwrap_or(end);
        s.body = Span::new(s.span.end, next.max(s.span.end));
    }
    (sections, headings, paragraphs)
}

/// A part whose title the dictionary does not know ("一、工作基本情况") still stands where its
/// ordinal says: a level-1 heading numbered k, with a title-like text, between parts k−1 and k+1 (or
/// before part 2 for k = 1) is part k, recognised through a variant. Sections are then renumbered and
/// every heading and paragraph points at its section again.
fn infer_unnamed_parts(
    doc: &Document,
    sections: &mut Vec<Section>,
    headings: &mut [Heading],
    paragraphs: &mut [Paragraph],
) {
    let mut added = false;
    for k in 1..=6u8 {
        if sections.iter().any(|s| s.canonical == k) {
            continue;
        }
        let after = sections.iter().filter(|s| s.canonical < k).map(|s| s.span.end).max().unwrap_or(0);
        let before = sections.iter().filter(|s| s.canonical > k).map(|s| s.span.start).min();
        // Only a slot between known parts (or before the second one): never past the last part.
        let Some(before) = before else { continue };
        let candidate = headings.iter().find(|h| {
            h.ordinal.style == crate::text::OrdinalStyle::Hanzi
                && h.ordinal.number == u32::from(k)
                && h.span.start >= after
                && h.span.end <= before
                && title_like(&h.body)
                && !sections.iter().any(|s| s.span == h.span)
        });
        let Some(h) = candidate else { continue };
        let raw = doc.text(h.span);
        sections.push(Section {
            canonical: k,
            ordinal: doc.text(h.ordinal_span).trim().to_string(),
            ordinal_parsed: Some(h.ordinal),
            title: raw[h.ordinal_span.end - h.span.start..].trim().to_string(),
            variant: true,
            span: h.span,
            body: Span::new(h.span.end, h.span.end),
        });
        added = true;
    }
    if !added {
        return;
    }
    crate::sort::sort_by_key(sections, |s| (s.span.start, s.span.end));
    let starts: Vec<usize> = sections.iter().map(|s| s.span.start).collect();
    let section_at = |at: usize| starts.partition_point(|&s| s <= at).checked_sub(1);
    for h in headings.iter_mut() {
        h.section = section_at(h.span.start);
    }
    for p in paragraphs.iter_mut() {
        p.section = section_at(p.span.start);
        p.heading |= starts.contains(&p.span.start);
    }
}

/// A heading text that names a part ("工作基本情况", "存在问题和下一步打算"), not a sentence.
fn title_like(body: &str) -> bool {
    body.chars().count() <= 24
        && !body.contains(['。', ',', '，'])
        && (["情况", "事项", "措施", "概况", "概述", "打算"].iter().any(|e| body.ends_with(e)) || body.contains("问题"))
}
