//! File readers: bytes as .docx/.doc/.wps (zip, compound file, XML, piece table, PAPX …), and
//! bytes as positioned PDF text and rules for the layout step. Never a panic or a hang; what is
//! read checks like any input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nianbao::input::pdf::{layout, Page, Segment, TextItem};

fuzz_target!(|b: &[u8]| {
    if let Ok(x) = nianbao::input::office::read_office(b) {
        let c = nianbao::check_extracted(&x.html, x.kind, &nianbao::Options::default());
        let text = c.text.as_deref().unwrap_or("");
        for f in &c.findings {
            assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
        }
    }
    // The same bytes as pages: 6 bytes an item or a rule (coordinates on a coarse grid, so that
    // they line up as tables do).
    let mut page = Page { width: 600.0, height: 800.0, ..Page::default() };
    let mut pages = Vec::new();
    for c in b.chunks_exact(6) {
        let (x, y) = (c[1] as f32 * 3.0, c[2] as f32 * 4.0);
        match c[0] % 4 {
            0 => page.items.push(TextItem {
                x,
                y,
                w: c[3] as f32,
                size: (c[4] % 30) as f32,
                text: char::from_u32(0x4E00 + c[5] as u32 * 7).unwrap_or('x').to_string() + &(c[3] % 100).to_string(),
                upright: c[5] % 5 != 0,
            }),
            1 => page.lines.push(Segment { x0: x, y0: y, x1: x + c[3] as f32 * 3.0, y1: y + (c[4] % 3) as f32 }),
            2 => page.lines.push(Segment { x0: x, y0: y, x1: x + (c[4] % 3) as f32, y1: y + c[3] as f32 * 4.0 }),
            _ => pages.push(std::mem::take(&mut page)),
        }
    }
    pages.push(page);
    if let Ok(x) = layout(&pages) {
        let c = nianbao::check_extracted(&x.html, x.kind, &nianbao::Options::default());
        assert!(x.pages.windows(2).all(|w| w[0] <= w[1]));
        let _ = nianbao::input::office::text_offsets(&x.html, &x.pages);
        let _ = c;
    }
});
