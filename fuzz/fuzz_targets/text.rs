//! Text parsing: lines → cells, and the report built on them.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let d = nianbao::parse::Document::parse(s);
    for line in &d.lines {
        assert!(line.span.end <= s.len());
        for c in &line.cells {
            let _ = d.text(c.span);
            let _ = nianbao::parse::parse_value(d.text(c.span));
        }
    }
    let _ = nianbao::report::Report::build(s);
});
