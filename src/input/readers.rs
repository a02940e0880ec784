//! The file readers as a wasm module of their own (`--features readers`, built by
//! scripts/build-readers.sh into dist/readers/), loaded by the app and the batch page only when a
//! Word/WPS document or a PDF is opened: the app's first load does not carry them. The check
//! itself stays in the app's module; a reader gives it the simple HTML (`input::office`).

use super::office;
use super::pdf::{self, Page, Segment, TextItem};
use super::sniff::{sniff, FileKind};
use wasm_bindgen::prelude::*;

/// "text", "docx", "doc" or "pdf"; throws the message (Chinese, saying what to do) for a file
/// that cannot be read.
#[wasm_bindgen]
pub fn kind(bytes: &[u8]) -> Result<String, JsError> {
    Ok(match sniff(bytes) {
        FileKind::Text => "text",
        FileKind::Docx => "docx",
        FileKind::Doc => "doc",
        FileKind::Pdf => "pdf",
        FileKind::Unsupported(e) => return Err(JsError::new(&e.to_string())),
    }
    .into())
}

/// A .docx, .doc or .wps as simple HTML.
#[wasm_bindgen(js_name = readOffice)]
pub fn read_office(bytes: &[u8]) -> Result<String, JsError> {
    office::read_office(bytes).map(|x| x.html).map_err(|e| JsError::new(&e.to_string()))
}

/// Lays out a PDF's pages (from pdf.js) as simple HTML; returns `[html, pageStarts]` (offsets in
/// the HTML where pages 1, 2, … start).
///
/// `nums`, page after page: `width, height, items, rules`, then per item
/// `x, y, width, size, upright (1/0), text length` (UTF-16 units of `texts`), then per rule
/// `x0, y0, x1, y1`; coordinates in points, origin top left. `texts`: the items' texts in order.
#[wasm_bindgen(js_name = layoutPdf)]
pub fn layout_pdf(nums: &[f32], texts: &str) -> Result<js_sys::Array, JsError> {
    let pages = decode_pages(nums, texts).ok_or_else(|| JsError::new("PDF 读取器内部数据有误"))?;
    let x = pdf::layout(&pages).map_err(|e| JsError::new(&e.to_string()))?;
    let starts: Vec<u32> = x.pages.iter().map(|&p| p as u32).collect();
    Ok(js_sys::Array::of2(&x.html.into(), &js_sys::Uint32Array::from(&starts[..])))
}

fn decode_pages(nums: &[f32], texts: &str) -> Option<Vec<Page>> {
    let units: Vec<u16> = texts.encode_utf16().collect();
    let (mut at, mut t) = (0usize, 0usize);
    fn take<'a>(nums: &'a [f32], at: &mut usize, n: usize) -> Option<&'a [f32]> {
        let s = nums.get(*at..*at + n);
        *at += n;
        s
    }
    let mut pages = Vec::new();
    while at < nums.len() {
        let h = take(nums, &mut at, 4)?;
        let (width, height, n_items, n_rules) = (h[0], h[1], h[2] as usize, h[3] as usize);
        let mut page = Page { width, height, ..Page::default() };
        for _ in 0..n_items {
            let v = take(nums, &mut at, 6)?;
            let len = v[5] as usize;
            let text = String::from_utf16_lossy(units.get(t..t + len)?);
            t += len;
            page.items.push(TextItem { x: v[0], y: v[1], w: v[2], size: v[3], text, upright: v[4] != 0.0 });
        }
        for _ in 0..n_rules {
            let v = take(nums, &mut at, 4)?;
            page.lines.push(Segment { x0: v[0], y0: v[1], x1: v[2], y1: v[3] });
        }
        pages.push(page);
    }
    Some(pages)
}
