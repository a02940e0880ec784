//! HTML → visible text with its map back to the markup: every mapped span lies in the markup.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nianbao::span::Span;

fuzz_target!(|s: &str| {
    let v = nianbao::input::html::to_visible(s);
    let n = v.text.len();
    let mut at = 0;
    while at <= n {
        let end = (at + 7).min(n);
        if v.text.is_char_boundary(at) && v.text.is_char_boundary(end) {
            let m = v.to_source(Span::new(at, end));
            assert!(m.start <= m.end && m.end <= s.len(), "{m:?} out of {}", s.len());
            assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
        }
        at += 5;
    }
});
