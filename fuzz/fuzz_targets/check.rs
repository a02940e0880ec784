//! The whole pipeline on text or HTML, with the invariants of tests/properties.rs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let c = nianbao::check(s, &nianbao::Options::default());
    let ok = |sp: nianbao::span::Span| {
        sp.start <= sp.end && sp.end <= s.len() && s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end)
    };
    for f in &c.findings {
        assert!(ok(f.span), "{} {:?}", f.rule, f.span);
        for cell in &f.cells {
            assert!(
                c.report.cells.iter().any(|r| r.table == cell.table && r.row == cell.row && r.col == cell.col),
                "finding {} names cell {cell:?} not in report.cells",
                f.rule
            );
        }
    }
    for cell in &c.report.cells {
        assert!(ok(cell.span));
    }
    let json = nianbao::output::json::render(&[("f".into(), c)]);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
});
