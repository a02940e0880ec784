//! What a file is, by its bytes (never by its name): text/HTML, DOCX, DOC/WPS, PDF, or something
//! the checker cannot read, with a message that says what to do instead.

use super::{cfb, zip};
use std::fmt;

/// The format of a file, recognised by content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Text or HTML: decoded by `input::decode` (or the browser's `TextDecoder`).
    Text,
    /// Word 2007+ (also written by WPS): a zip with `word/document.xml`.
    Docx,
    /// Word 97–2003 or Kingsoft WPS: a compound file with a `WordDocument` stream.
    Doc,
    Pdf,
    /// A format the checker cannot read.
    Unsupported(FileError),
}

/// Why a file cannot be read. `Display` gives the message for people (Chinese, saying what to do).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Rtf,
    /// Word 6.0/95 (FIB nFib below Word 97's).
    OldWord,
    /// A password-protected Office file or PDF.
    Encrypted,
    /// Microsoft Works word processor (.wps, not Kingsoft's).
    Works,
    /// Another Office or archive format, named ("Excel 工作簿（.xlsx）").
    OtherFormat(&'static str),
    /// An image file, named ("PNG").
    Image(&'static str),
    /// Damaged or truncated, with what was wrong.
    Corrupt(String),
    /// Larger than the reader accepts (bytes, limit).
    TooLarge(u64, u64),
    /// A PDF with more characters than the layout takes (the limit).
    TooMuchText(usize),
    /// A document without any text.
    NoText,
    /// A PDF without a text layer (scanned pages).
    Scanned,
    /// A PDF whose fonts give no usable text (no character map).
    Garbled,
    /// The CLI's PDF reader (mutool) is not installed or failed to run.
    PdfTool(String),
}

const SAVE_AS: &str = "请在 Word 或 WPS 中打开它，另存为 .docx 后再检查（或把报告全文复制粘贴进来）。";
const OPEN_REPORT: &str =
    "请打开报告的 Word/WPS 文档（.docx、.doc、.wps）或可以复制文字的 PDF，或把报告全文复制粘贴进来。";

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Rtf => write!(f, "这是 RTF 格式的文件（扩展名可能是 .doc），暂不能直接读取。{SAVE_AS}"),
            FileError::OldWord => write!(f, "这是 Word 6.0/95 的旧格式文件，暂不能读取。{SAVE_AS}"),
            FileError::Encrypted => {
                write!(f, "文件设有打开密码（已加密），无法读取。请在 Word、WPS 或 PDF 阅读器中取消密码后另存一份，再检查。")
            }
            FileError::Works => write!(
                f,
                "这是 Microsoft Works 文字处理文件（.wps），不是金山 WPS 文字的文档，无法读取。请用 Word 或 WPS 打开后另存为 .docx 再检查。"
            ),
            FileError::OtherFormat(what) => write!(f, "这是{what}，不是年报文档，无法检查。{OPEN_REPORT}"),
            FileError::Image(what) => write!(f, "这是图片文件（{what}），无法读取文字。{OPEN_REPORT}"),
            FileError::Corrupt(why) => {
                write!(f, "文件已损坏或不完整（{why}），无法读取。请重新下载，或在 Word/WPS 中打开后另存一份再检查。")
            }
            // Integer arithmetic: float formatting would add 10 KB to the reader module.
            FileError::TooLarge(size, limit) => write!(
                f,
                "文件太大（{}.{} MB），超过可读取的 {} MB。年报文档通常不到 5 MB，请确认选对了文件。",
                size >> 20,
                ((size & 0xF_FFFF) * 10) >> 20,
                limit >> 20
            ),
            FileError::TooMuchText(limit) => write!(
                f,
                "PDF 中的文字超过 {} 万字，远多于一份年度报告，没有读取。请确认选对了文件。",
                limit / 10_000
            ),
            FileError::NoText => write!(f, "文档中没有文字（可能只有图片），无法检查。{OPEN_REPORT}"),
            FileError::Scanned => write!(
                f,
                "这是扫描件/图片，无法读取文字：PDF 中没有文字层。请使用报告的 Word/WPS 原文件，或先用文字识别（OCR）转成文字后再检查。"
            ),
            FileError::Garbled => write!(
                f,
                "这份 PDF 的文字无法正确提取（字体缺少字符映射，取出的是乱码）。请使用报告的 Word/WPS 原文件，或在 PDF 阅读器中复制文字后粘贴进来。"
            ),
            FileError::PdfTool(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for FileError {}

/// Recognises a file by its bytes.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let lead = skip_blank(bytes);
    if lead.starts_with(b"{\\rtf") {
        return FileKind::Unsupported(FileError::Rtf);
    }
    // PDF readers accept the header anywhere in the first KB.
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    if bytes.starts_with(&cfb::MAGIC) {
        return ole_kind(bytes);
    }
    if let Some(kind) = other_binary(bytes) {
        return FileKind::Unsupported(kind);
    }
    FileKind::Text
}

fn skip_blank(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn zip_kind(bytes: &[u8]) -> FileKind {
    let archive = match zip::Archive::new(bytes) {
        Ok(a) => a,
        Err(e) => return FileKind::Unsupported(e),
    };
    if archive.has("word/document.xml") {
        return FileKind::Docx;
    }
    // A docx may name its main part differently: [Content_Types].xml and _rels/.rels say which.
    if archive.names().any(|n| n.ends_with(".xml") && n.starts_with("word/")) {
        return FileKind::Docx;
    }
    let what = if archive.has("xl/workbook.xml") {
        "Excel 工作簿（.xlsx）"
    } else if archive.has("ppt/presentation.xml") {
        "PowerPoint 演示文稿（.pptx）"
    } else if archive.has("content.xml") && archive.has("mimetype") {
        "OpenDocument 文件（.odt/.ods）"
    } else if archive.has("OFD.xml") {
        "OFD 版式文件（请用 OFD 阅读器导出为 PDF 或复制文字）"
    } else {
        "压缩包（.zip）"
    };
    FileKind::Unsupported(FileError::OtherFormat(what))
}

fn ole_kind(bytes: &[u8]) -> FileKind {
    let file = match cfb::Compound::new(bytes) {
        Ok(f) => f,
        Err(e) => return FileKind::Unsupported(e),
    };
    if file.has("EncryptedPackage") || file.has("EncryptionInfo") {
        return FileKind::Unsupported(FileError::Encrypted);
    }
    if file.has("WordDocument") {
        let head = match file.read_prefix("WordDocument", 64) {
            Ok(h) => h,
            Err(e) => return FileKind::Unsupported(e),
        };
        return match super::doc::check_fib(&head) {
            Ok(()) => FileKind::Doc,
            Err(e) => FileKind::Unsupported(e),
        };
    }
    let what = if file.has("Workbook") || file.has("Book") {
        "Excel 工作簿（.xls）"
    } else if file.has("PowerPoint Document") {
        "PowerPoint 演示文稿（.ppt）"
    } else if file.has("MatOST") || file.has("CONTENTS") {
        return FileKind::Unsupported(FileError::Works);
    } else {
        "Office 复合文档，但不是 Word/WPS 文字文档"
    };
    FileKind::Unsupported(FileError::OtherFormat(what))
}

fn other_binary(bytes: &[u8]) -> Option<FileError> {
    let image = [
        (&b"\x89PNG"[..], "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"BM", "BMP"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
    ];
    for (magic, name) in image {
        if bytes.starts_with(magic) && (name != "BMP" || bytes.len() > 26 && bytes[6..10] == [0, 0, 0, 0]) {
            return Some(FileError::Image(name));
        }
    }
    if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some(FileError::Image("WebP"));
    }
    let other = [
        (&b"Rar!"[..], "RAR 压缩包"),
        (b"7z\xBC\xAF\x27\x1C", "7z 压缩包"),
        (b"\x1F\x8B", "gzip 压缩包"),
        (b"\x7FELF", "程序文件"),
        (b"MZ", "程序文件"),
        (b"\xDB\xA5", "Word 2.0 文档（请在 Word/WPS 中另存为 .docx）"),
    ];
    for (magic, name) in other {
        if bytes.starts_with(magic) {
            return Some(FileError::OtherFormat(name));
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_stay_text() {
        assert_eq!(sniff("一、总体情况".as_bytes()), FileKind::Text);
        assert_eq!(sniff(b"<html><body>x</body></html>"), FileKind::Text);
        assert_eq!(sniff(b""), FileKind::Text);
        // "MZ" or "BM" inside text is no program or bitmap unless it leads with the full header.
        assert_eq!(sniff("BM 项目".as_bytes()), FileKind::Text);
    }

    #[test]
    fn recognises_magics() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), FileKind::Pdf);
        assert_eq!(sniff(b"\xEF\xBB\xBF {\\rtf1\\ansi"), FileKind::Unsupported(FileError::Rtf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), FileKind::Unsupported(FileError::Image("PNG")));
        assert!(matches!(sniff(b"PK\x03\x04garbage"), FileKind::Unsupported(FileError::Corrupt(_))));
        assert!(matches!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            FileKind::Unsupported(FileError::Corrupt(_))
        ));
    }

    #[test]
    fn compound_files_by_their_streams() {
        use crate::input::cfb::tests::build;
        let works = build(&[("MatOST", b"x"), ("CONTENTS", b"y")]);
        assert_eq!(sniff(&works), FileKind::Unsupported(FileError::Works));
        let encrypted = build(&[("EncryptionInfo", b"x"), ("EncryptedPackage", b"y")]);
        assert_eq!(sniff(&encrypted), FileKind::Unsupported(FileError::Encrypted));
        let xls = build(&[("Workbook", b"x")]);
        assert!(matches!(sniff(&xls), FileKind::Unsupported(FileError::OtherFormat(w)) if w.contains("Excel")));
        // A WordDocument stream too short for a FIB: damaged, not "unsupported".
        let short = build(&[("WordDocument", b"\xEC\xA5")]);
        assert!(matches!(sniff(&short), FileKind::Unsupported(FileError::Corrupt(_))));
        let xlsx = crate::input::zip::tests::stored(&[("xl/workbook.xml", b"<x/>")]);
        assert!(matches!(sniff(&xlsx), FileKind::Unsupported(FileError::OtherFormat(w)) if w.contains(".xlsx")));
        let docx = crate::input::zip::tests::stored(&[("word/document.xml", b"<w:document/>")]);
        assert_eq!(sniff(&docx), FileKind::Docx);
    }

    #[test]
    fn messages_say_what_to_do() {
        assert!(FileError::Rtf.to_string().contains("另存为 .docx"));
        assert!(FileError::Scanned.to_string().starts_with("这是扫描件/图片，无法读取文字"));
        assert!(FileError::TooLarge(200 << 20, 100 << 20).to_string().contains("200.0 MB"));
    }
}
