//! Bytes → text: charset detection and the text-vs-HTML decision.
//!
//! The browser decodes files with its own `TextDecoder`; the CLI uses `decode` here.

pub mod cfb;
pub mod doc;
pub mod docx;
#[cfg(feature = "cli")]
pub mod file;
pub mod html;
pub mod office;
pub mod pdf;
#[cfg(feature = "readers")]
pub mod readers;
pub mod sniff;
pub mod xml;
pub mod zip;

/// What kind of text the checker was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Html,
    /// Word 2007+ (.docx, also written by WPS).
    Docx,
    /// Word 97–2003 (.doc) and Kingsoft WPS (.wps): the MS-DOC binary format.
    Doc,
    Pdf,
}

impl InputKind {
    /// Recognises HTML by content: a leading tag, a doctype, or table/paragraph markup early on.
    pub fn detect(text: &str) -> InputKind {
        let head = &text[..crate::span::floor_char_boundary(text, 4096)];
        // Plain text has no tag in its first 4 KB: the common case, decided without copying.
        if !head.contains('<') {
            return InputKind::Text;
        }
        let head = head.to_ascii_lowercase();
        let trimmed = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let starts_with_markup = trimmed.starts_with("<!doctype")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<meta")
            || trimmed.starts_with("<?xml")
            || trimmed.starts_with("<!--");
        let tags = ["<table", "<p>", "<p ", "<div", "<td", "<br", "<span", "<body", "<tr"];
        let tag_hits = tags.iter().filter(|t| head.contains(*t)).count();
        if starts_with_markup || (trimmed.starts_with('<') && tag_hits >= 1) || tag_hits >= 2 {
            InputKind::Html
        } else {
            InputKind::Text
        }
    }
}

/// Decoded file content.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding that was used, e.g. "UTF-8", "UTF-16LE", "GB18030".
    pub encoding: &'static str,
    /// Bytes that could not be decoded were replaced with U+FFFD.
    pub had_errors: bool,
}

/// Decodes file bytes: BOMs first, then UTF-16 without BOM (many NULs), then UTF-8, then the charset
/// named in an HTML `<meta>`, then GB18030 (a superset of GBK, the usual legacy charset).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    if let Some(le) = utf16_without_bom(bytes) {
        return utf16(bytes, le);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return utf8(bytes);
    }
    legacy(bytes, meta_charset(bytes).as_deref())
}

fn utf8(bytes: &[u8]) -> Decoded {
    let text = String::from_utf8_lossy(bytes);
    let had_errors = matches!(text, std::borrow::Cow::Owned(_));
    Decoded { text: text.into_owned(), encoding: "UTF-8", had_errors }
}

fn utf16(bytes: &[u8], le: bool) -> Decoded {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| {
            let pair = [p[0], *p.get(1).unwrap_or(&0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    let text: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect();
    let had_errors = text.contains('\u{FFFD}') || bytes.len() % 2 == 1;
    Decoded { text, encoding: if le { "UTF-16LE" } else { "UTF-16BE" }, had_errors }
}

/// UTF-16 text without a BOM shows NUL in every other byte for ASCII; Chinese text gives no such
/// clue, so also accept input whose even or odd bytes are mostly in the CJK lead range.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || bytes.len() % 2 == 1 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let nul_odd = sample.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let nul_even = sample.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if nul_odd * 3 > pairs {
        return Some(true);
    }
    if nul_even * 3 > pairs {
        return Some(false);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    // CJK Unified Ideographs are U+4E00..U+9FFF: the high byte is 0x4E..0x9F.
    let cjk_hi = |b: u8| (0x4E..=0x9F).contains(&b);
    let le = sample.chunks(2).filter(|p| cjk_hi(p[1]) || (p[1] == 0x30 || p[1] == 0xFF)).count();
    let be = sample.chunks(2).filter(|p| cjk_hi(p[0]) || (p[0] == 0x30 || p[0] == 0xFF)).count();
    if le * 10 > pairs * 8 {
        Some(true)
    } else if be * 10 > pairs * 8 {
        Some(false)
    } else {
        None
    }
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv … content="…charset=…">`.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = find(&lower, b"charset")?;
    let rest = &lower[at + 7..];
    let rest = rest.strip_prefix(b"=").or_else(|| {
        let p = rest.iter().position(|&b| b == b'=')?;
        (p < 3).then(|| &rest[p + 1..])
    })?;
    let name: String = rest
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        .map(|&b| b as char)
        .collect();
    (!name.is_empty()).then_some(name)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(feature = "cli")]
fn legacy(bytes: &[u8], label: Option<&str>) -> Decoded {
    let enc = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or(encoding_rs::GB18030);
    let (text, used, had_errors) = enc.decode(bytes);
    Decoded { text: text.into_owned(), encoding: used.name(), had_errors }
}

#[cfg(not(feature = "cli"))]
fn legacy(bytes: &[u8], _label: Option<&str>) -> Decoded {
    utf8(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_html_and_text() {
        assert_eq!(InputKind::detect("<table><tr><td>1</td></tr></table>"), InputKind::Html);
        assert_eq!(InputKind::detect("一、总体情况\n2024年，本镇…"), InputKind::Text);
        assert_eq!(InputKind::detect("  <!DOCTYPE html><html>"), InputKind::Html);
    }

    #[test]
    fn decodes_boms_and_utf16() {
        let s = "年报 report";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).text, s);
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode(&be).text, s);
        assert_eq!(decode("一、总体情况".as_bytes()).encoding, "UTF-8");
    }

    #[test]
    fn reads_meta_charset() {
        assert_eq!(meta_charset(b"<meta charset=\"gbk\">").as_deref(), Some("gbk"));
        assert_eq!(
            meta_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">").as_deref(),
            Some("gb2312")
        );
    }

    #[cfg(feature = "cli")]
    #[test]
    fn decodes_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("三、收到和处理政府信息公开申请情况");
        let d = decode(&bytes);
        assert_eq!(d.text, "三、收到和处理政府信息公开申请情况");
        assert_eq!(d.encoding, "gb18030");
    }
}
