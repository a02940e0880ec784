//! Numbers, years and ordinals.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = nianbao::parse::parse_value(s);
    if let Some((_, used)) = nianbao::text::scan_number(s) {
        assert!(s.is_char_boundary(used));
    }
    for y in nianbao::text::find_years(s) {
        assert!(y.start <= y.end && y.end <= s.len());
        let _ = &s[y.start..y.end];
    }
    if let Some((_, len)) = nianbao::text::Ordinal::parse(s) {
        let _ = &s[..len];
    }
    let _ = nianbao::text::chinese_number(s);
    let _ = nianbao::report::meta::parse_date(s);
});
