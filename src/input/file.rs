//! Files as the command line reads them: the format recognised by content, text decoded, Word
//! files read, and PDFs read through MuPDF's `mutool trace` (an external program: the Rust PDF
//! crates tried either panic on CJK fonts such as GBK-EUC-H or break table rows apart).

use super::office::{read_office, Extracted};
use super::sniff::{sniff, FileError, FileKind};
use super::{decode, pdf};
use std::path::Path;
use std::process::Command;

/// A file's content as the checker takes it.
#[derive(Debug)]
pub enum Loaded {
    /// Text or HTML, decoded.
    Text { text: String, encoding: &'static str, had_errors: bool },
    /// A .docx, .doc, .wps or .pdf read as simple HTML.
    File(Extracted),
}

/// The program that reads PDFs: `NIANBAO_MUTOOL` if set, else `mutool` on the PATH.
fn mutool() -> String {
    std::env::var("NIANBAO_MUTOOL").unwrap_or_else(|_| "mutool".into())
}

/// Reads a file (`path` names it for PDFs, which MuPDF reads from disk; standard input is written
/// to a temporary file first).
pub fn load(bytes: &[u8], path: Option<&Path>) -> Result<Loaded, FileError> {
    match sniff(bytes) {
        FileKind::Text => {
            let d = decode(bytes);
            Ok(Loaded::Text { text: d.text, encoding: d.encoding, had_errors: d.had_errors })
        }
        FileKind::Pdf => match path {
            Some(p) => read_pdf(p).map(Loaded::File),
            None => {
                let tmp = std::env::temp_dir().join(format!("nianbao-{}-{}.pdf", std::process::id(), unique()));
                std::fs::write(&tmp, bytes).map_err(|e| FileError::PdfTool(format!("无法写入临时文件：{e}")))?;
                let r = read_pdf(&tmp);
                let _ = std::fs::remove_file(&tmp);
                r.map(Loaded::File)
            }
        },
        FileKind::Unsupported(e) => Err(e),
        FileKind::Docx | FileKind::Doc => read_office(bytes).map(Loaded::File),
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// Reads a PDF with `mutool trace` and lays it out.
pub fn read_pdf(path: &Path) -> Result<Extracted, FileError> {
    let tool = mutool();
    // A name that starts with "-" would read as an option.
    let arg = if path.to_string_lossy().starts_with('-') { Path::new(".").join(path) } else { path.to_path_buf() };
    let out = Command::new(&tool).arg("trace").arg(&arg).output().map_err(|e| {
        FileError::PdfTool(format!(
            "读取 PDF 需要 MuPDF 的 mutool 程序，但无法运行 {tool}（{e}）。请安装后重试（Debian/Ubuntu：sudo apt install mupdf-tools；macOS：brew install mupdf-tools），或在浏览器版中打开这份 PDF，或把 PDF 的文字复制粘贴进来。"
        ))
    })?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("password") || stderr.contains("authenticate") {
        return Err(FileError::Encrypted);
    }
    let xml = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() && !xml.contains("<page") {
        let why = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("mutool 读取失败").trim();
        return Err(FileError::Corrupt(format!("PDF：{why}")));
    }
    pdf::layout(&pdf::from_mutool_trace(&xml))
}
