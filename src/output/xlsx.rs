//! The 整改清单 workbook: an `.xlsx` with a summary sheet (one row per report) and a findings sheet
//! (one row per finding), written without dependencies so that it builds small for the browser.
//!
//! An `.xlsx` file is a ZIP archive of a few XML parts; entries are stored uncompressed, which every
//! spreadsheet program reads. Strings are written inline (`inlineStr`), so no shared-string table.

use super::sheet::{self, HEADERS};

pub use super::sheet::Entry;

/// A cell value of a sheet row.
enum Value {
    Text(String),
    Number(f64),
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn year(y: Option<i32>) -> Value {
    y.map_or(text(""), |y| Value::Number(f64::from(y)))
}

/// The workbook bytes for a batch of checked reports: 汇总 (one row per report; the counts leave
/// out verified findings) and 问题清单 (one row per finding, verified ones marked 已核实).
pub fn workbook(entries: &[Entry]) -> Vec<u8> {
    let mut summary = vec![["文件", "单位", "年度", "格式", "错误", "警告", "提示", "最严重的问题", "已核实"]
        .iter()
        .map(|h| text(*h))
        .collect::<Vec<_>>()];
    let mut findings = vec![HEADERS.iter().map(|h| text(*h)).collect::<Vec<_>>()];
    for e in entries {
        let r = &e.checked.report;
        let ([errors, warnings, infos], verified) = sheet::counts(e.checked);
        let worst = e
            .checked
            .findings
            .iter()
            .filter(|f| f.verified.is_none())
            .max_by_key(|f| f.severity)
            .map(|f| format!("{}：{}", f.severity.label_zh(), f.message));
        summary.push(vec![
            text(e.path),
            text(r.org.clone().unwrap_or_default()),
            year(r.year),
            text(r.format.as_str()),
            Value::Number(errors as f64),
            Value::Number(warnings as f64),
            Value::Number(infos as f64),
            text(worst.unwrap_or_default()),
            Value::Number(verified as f64),
        ]);
        for row in sheet::rows(e) {
            let mut cells: Vec<Value> = row.cells().into_iter().map(Value::Text).collect();
            cells[1] = year(row.year);
            cells[7] = Value::Number(row.line as f64);
            findings.push(cells);
        }
    }
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("xl/workbook.xml", WORKBOOK.to_string()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.to_string()),
        ("xl/styles.xml", STYLES.to_string()),
        ("xl/worksheets/sheet1.xml", sheet(&summary, &[36.0, 24.0, 8.0, 8.0, 8.0, 8.0, 8.0, 80.0, 8.0])),
        ("xl/worksheets/sheet2.xml", sheet(&findings, &[24.0, 8.0, 30.0, 8.0, 22.0, 70.0, 30.0, 8.0, 40.0, 8.0, 30.0])),
    ];
    zip_stored(&parts)
}

pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids (control characters pasted from PDFs) are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// "A", "B", … "Z", "AA" …
fn column_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn sheet(rows: &[Vec<Value>], widths: &[f64]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
    x.push_str("<cols>");
    for (i, w) in widths.iter().enumerate() {
        x.push_str(&format!("<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>", i + 1));
    }
    x.push_str("</cols><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in row.iter().enumerate() {
            let at = format!("{}{}", column_name(c), r + 1);
            // Style 1 (bold) for the header row.
            let style = if r == 0 { " s=\"1\"" } else { "" };
            match v {
                Value::Number(n) => x.push_str(&format!("<c r=\"{at}\"{style}><v>{n}</v></c>")),
                Value::Text(t) => x.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"{style}><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(t)
                )),
            }
        }
        x.push_str("</row>");
    }
    let last = format!("{}{}", column_name(widths.len().saturating_sub(1)), rows.len().max(1));
    x.push_str(&format!("</sheetData><autoFilter ref=\"A1:{last}\"/></worksheet>"));
    x
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="问题清单" sheetId="2" r:id="rId2"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>"#;

/// CRC-32 (IEEE) of the ZIP format.
fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A ZIP archive with every entry stored (method 0); the .docx letter is one too.
pub(crate) fn zip_stored(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1980-01-01 00:00, the earliest DOS date: a fixed time keeps the output reproducible.
    let (time, date) = (0u16, 0x21u16);
    for (name, body) in parts {
        let data = body.as_bytes();
        let crc = crc32(data);
        let offset = out.len() as u32;
        let len = data.len() as u32;
        let name_b = name.as_bytes();
        // Local file header; flag bit 11: names are UTF-8.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 1 << 11, 0, time, date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, len, len] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(name_b.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name_b);
        out.extend_from_slice(data);
        // Central directory record.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 1 << 11, 0, time, date] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, len, len] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_b.len() as u16, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name_b);
    }
    let cd_offset = out.len() as u32;
    let cd_len = central.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, parts.len() as u16, parts.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_and_columns() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(escape("a<b&\u{1}c"), "a&lt;b&amp;c");
    }
}
