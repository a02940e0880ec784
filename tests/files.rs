//! Reports opened as files: .docx, .doc and .pdf made by LibreOffice from our own HTML
//! (tests/fixtures/files/, scripts/make-file-fixtures.sh), Word's automatic numbering, the three
//! real PDFs of ../shared/corpus/files, and the formats that get a clear message instead.
//! PDFs are read with MuPDF's `mutool` (Debian mupdf-tools; ./x installs it).

use nianbao::diag::Severity;
use nianbao::input::file::{load, Loaded};
use nianbao::input::office::{read_office, text_offsets, Extracted};
use nianbao::input::sniff::FileError;
use nianbao::input::InputKind;
use nianbao::report::{CellKey, T3Col, T3Row, TableId};
use nianbao::{check_extracted, Checked, Options};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/files").join(name)
}

fn real(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/files").join(name)
}

fn extract(path: &Path) -> Result<Extracted, FileError> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match load(&bytes, Some(path))? {
        Loaded::File(x) => Ok(x),
        Loaded::Text { .. } => panic!("{} read as text", path.display()),
    }
}

fn check(path: &Path) -> (Checked, Extracted) {
    let x = extract(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (check_extracted(&x.html, x.kind, &Options::default()), x)
}

fn slice(c: &Checked, span: nianbao::span::Span) -> &str {
    &c.text.as_deref().expect("extracted text")[span.range()]
}

/// Every recognised cell's span slices the extracted text to the cell's own text.
fn assert_cells(c: &Checked, at_least: usize, what: &str) {
    let n = c.report.cells.len();
    assert!(n >= at_least, "{what}: {n} cells read, expected at least {at_least}");
    for cell in &c.report.cells {
        assert_eq!(slice(c, cell.span), cell.raw, "{what}: {}", cell.key);
    }
}

fn errors(c: &Checked) -> Vec<&str> {
    c.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule).collect()
}

#[test]
fn planted_t3_total_is_found_in_docx_doc_and_pdf() {
    for (ext, kind) in [("docx", InputKind::Docx), ("doc", InputKind::Doc), ("pdf", InputKind::Pdf)] {
        let (c, _) = check(&fixture(&format!("report_t3_wrong.{ext}")));
        assert_eq!(c.input, kind);
        assert_cells(&c, 200, ext);
        let t3 = c.report.cells.iter().filter(|x| x.key.table() == TableId::T3).count();
        assert_eq!(t3, 175, "{ext}: every T3 cell");
        // One wrong cell, one finding: it breaks its column's balance, its row's total and the
        // outcomes' sum, all reported together on the cell.
        assert_eq!(errors(&c), ["T3-BALANCE"], "{ext}");
        let f = &c.findings.iter().find(|f| f.rule == "T3-BALANCE").unwrap();
        assert_eq!(slice(&c, f.span), "62", "{ext}");
        assert_eq!(f.cells[0], CellKey::T3(T3Row::R24, T3Col::C7), "{ext}");
        assert!(f.message.contains("应为 61"), "{ext}: {}", f.message);
        // The JSON of the CLI carries the extracted text.
        let json = serde_json::to_value(&c).expect("json");
        assert_eq!(json["input"], ext);
        assert!(json["text"].as_str().is_some_and(|t| t.contains("（七）总计")));
    }
}

#[test]
fn clean_report_files_give_no_error_and_all_parts() {
    for ext in ["docx", "doc", "pdf"] {
        let (c, _) = check(&fixture(&format!("report_clean.{ext}")));
        assert_eq!(errors(&c), Vec::<&str>::new(), "{ext}");
        let parts: Vec<u8> = c.report.sections.iter().map(|s| s.canonical).collect();
        assert_eq!(parts, [1, 2, 3, 4, 5, 6], "{ext}");
        assert_eq!(c.report.year, Some(2024));
        assert_cells(&c, 200, ext);
    }
}

#[test]
fn word_automatic_numbering_is_written_out() {
    // The part headings and items carry no number in their text: it comes from numbering.xml
    // (headings through their style, items through w:numPr), and in the .doc from the LST/LFO.
    let docx = std::fs::read(fixture("report_numbered.docx")).expect("docx");
    let zip = nianbao::input::zip::Archive::new(&docx).expect("zip");
    let xml = String::from_utf8(zip.read("word/document.xml").unwrap().unwrap()).unwrap();
    assert!(!xml.contains("一、总体情况") && xml.contains(">总体情况<"));
    assert!(!xml.contains("（二）依申请公开情况"));
    for ext in ["docx", "doc"] {
        let (c, _) = check(&fixture(&format!("report_numbered.{ext}")));
        let text = c.text.as_deref().unwrap();
        for line in ["一、总体情况", "（二）依申请公开情况。", "（五）监督保障情况。", "六、其他需要报告的事项"]
        {
            assert!(text.lines().any(|l| l.starts_with(line)), "{ext}: no line starting {line}");
        }
        let parts: Vec<u8> = c.report.sections.iter().map(|s| s.canonical).collect();
        assert_eq!(parts, [1, 2, 3, 4, 5, 6], "{ext}");
        assert_eq!(errors(&c), Vec::<&str>::new(), "{ext}");
    }
}

#[test]
fn docx_and_doc_give_the_same_text() {
    let a = check(&fixture("report_t3_wrong.docx")).0.text.unwrap();
    let b = check(&fixture("report_t3_wrong.doc")).0.text.unwrap();
    assert_eq!(a, b);
}

#[test]
fn pdf_pages_are_known() {
    let (c, x) = check(&fixture("report_t3_wrong.pdf"));
    let starts = text_offsets(&x.html, &x.pages);
    assert!(starts.len() >= 2 && starts[0] == 0 && starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    // The planted cell is on the page LibreOffice put the table's end on.
    let f = c.findings.iter().find(|f| f.rule == "T3-BALANCE").unwrap();
    let page = starts.partition_point(|&s| s <= f.span.start);
    let pdf_page_text = std::process::Command::new("mutool")
        .args(["draw", "-F", "txt", "-o", "-"])
        .arg(fixture("report_t3_wrong.pdf"))
        .arg(page.to_string())
        .output()
        .expect("mutool draw");
    assert!(String::from_utf8_lossy(&pdf_page_text.stdout).contains("（七）总计"), "page {page}");
}

/// ../shared/corpus/files/INDEX.md: the clean control has no error finding (but see below), and
/// 洪泽 2023's two T4 totals (行政复议 10/1/0/0 with 总计 0, 复议后起诉 5/0/0/0 with 总计 0) are both
/// reported.
#[test]
fn real_pdfs() {
    let (c, _) = check(&real("2024_huaian_szf.pdf"));
    assert_cells(&c, 200, "huaian");
    let t3 = |row: &str, col: &str| c.report.cells.iter().find(|x| x.key.to_string() == format!("T3.{row}.{col}"));
    assert_eq!(t3("R01", "C7").and_then(|x| x.value), Some(3119.0));
    assert_eq!(t3("R24", "C7").and_then(|x| x.value), Some(3050.0));
    // "受理…3119件，答复3050件（含上年度结转申请34件…）": the aside is the reply count's, so 3119
    // is this year's new applications, as the table says.
    assert_eq!(errors(&c), Vec::<&str>::new(), "huaian");

    let (c, _) = check(&real("2023_hongze_qzf.pdf"));
    let t4: Vec<(&str, &str)> = c
        .findings
        .iter()
        .filter(|f| f.rule == "T4-GROUP-SUM")
        .map(|f| (f.cells[0].col_str(), slice(&c, f.span)))
        .collect();
    assert_eq!(t4, [("review.total", "0"), ("suit_after_review.total", "0")]);
    assert_eq!(
        c.report.cells.iter().filter(|x| x.key.table() == TableId::T3).count(),
        161,
        "2019-style T3: one (六) row"
    );

    // 洪泽 2024: the reader gives T3's rows as drawn, including the blank cell that the PDF draws
    // between "（六）其他处理" / "（七）总计" and their values; the table reads consistent (95 = 95).
    let x = extract(&real("2024_hongze_qzf.pdf")).unwrap();
    assert!(x.html.contains(
        "<tr><td>（七）总计</td><td></td><td>95</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>95</td></tr>"
    ));
    let c = check_extracted(&x.html, x.kind, &Options::default());
    let t3 = |row: &str, col: &str| c.report.cells.iter().find(|x| x.key.to_string() == format!("T3.{row}.{col}"));
    assert_eq!(t3("R24", "C7").and_then(|x| x.value), Some(95.0));
    assert_eq!(t3("R24", "C1").and_then(|x| x.value), Some(95.0));
    // "区政府办代表区政府受理政府信息公开申请17件" against 95 speaks for the 区政府办 only
    // (INDEX.md: at most a warning).
    assert_eq!(errors(&c), Vec::<&str>::new(), "hongze 2024");
    let received = c.findings.iter().find(|f| f.rule == "T3-TEXT-RECEIVED").expect("the 17 is noted");
    assert_eq!((received.severity, slice(&c, received.span)), (Severity::Warning, "17"));
}

#[test]
fn unreadable_files_get_a_clear_message() {
    let read = |p: &Path| {
        let bytes = std::fs::read(p).unwrap();
        load(&bytes, Some(p)).map(|_| ())
    };
    assert_eq!(read(&fixture("scanned.pdf")), Err(FileError::Scanned));
    assert!(FileError::Scanned.to_string().starts_with("这是扫描件/图片，无法读取文字"));
    assert_eq!(read(&fixture("encrypted.pdf")), Err(FileError::Encrypted));
    assert_eq!(read(&fixture("note.rtf")), Err(FileError::Rtf));

    // A .doc with the encryption flag (fEncrypted) set, and one saved as Word 95 (nFib 0x68).
    let doc = std::fs::read(fixture("report_clean.doc")).unwrap();
    let fib = (512..doc.len()).step_by(512).find(|&i| doc[i..].starts_with(&[0xEC, 0xA5])).expect("FIB");
    let mut encrypted = doc.clone();
    encrypted[fib + 0x0B] |= 0x01;
    assert_eq!(read_office(&encrypted).unwrap_err(), FileError::Encrypted);
    let mut word95 = doc.clone();
    word95[fib + 2..fib + 4].copy_from_slice(&0x68u16.to_le_bytes());
    assert_eq!(read_office(&word95).unwrap_err(), FileError::OldWord);
    assert!(FileError::OldWord.to_string().contains("另存为 .docx"));

    // HTML saved by Word with a .doc name is read as HTML.
    let html = std::fs::read(fixture("report_clean.html")).unwrap();
    assert!(matches!(load(&html, Some(Path::new("report.doc"))), Ok(Loaded::Text { .. })));
}

#[test]
fn missing_pdf_tool_is_a_clear_message() {
    // The variable is read per call; this test alone sets it, in a child process.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check"])
        .arg(fixture("report_clean.pdf"))
        .env("NIANBAO_MUTOOL", "/nonexistent/mutool")
        .output()
        .expect("run nianbao");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mutool") && err.contains("apt install mupdf-tools"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// Damaged files: every truncation and scattered byte changes give a result or a message, never a
/// panic or a hang.
#[test]
fn damaged_word_files_never_panic() {
    for name in ["report_t3_wrong.docx", "report_t3_wrong.doc", "report_numbered.doc"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        for cut in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
            let _ = read_office(&bytes[..cut]);
        }
        let mut seed = 0x9E37_79B9u32;
        for _ in 0..120 {
            let mut b = bytes.clone();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = seed as usize % b.len();
                b[at] = (seed >> 8) as u8;
            }
            if let Ok(x) = read_office(&b) {
                let _ = check_extracted(&x.html, x.kind, &Options::default());
            }
        }
    }
}
