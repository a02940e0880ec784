//! The same input gives the same findings natively and in WebAssembly.
//!
//! Natively this test compares `check` on a few inputs with `tests/golden/parity.txt` (rewrite it
//! with `UPDATE_GOLDEN=1 cargo test --test wasm_parity` after a deliberate change); in the browser
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_parity`) the very
//! same comparison runs under wasm-bindgen-test in headless Chromium.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const CASES: &[(&str, &str)] = &[
    ("seed", include_str!("../../shared/corpus/2024_taoxi_zhen_wordcopy.txt")),
    ("kewei", include_str!("../../shared/corpus/real/2024_shanghai_kewei_pdfcopy.md")),
    ("base", include_str!("fixtures/_base/valid_2024_wordcopy.txt")),
    ("web_tabs", include_str!("fixtures/T3-BALANCE/invalid_web_tabs.txt")),
    ("html", include_str!("fixtures/_html/t3_wrong_total.html")),
];

const GOLDEN: &str = include_str!("golden/parity.txt");

/// One line per finding plus the recognised year, format and cell count.
fn digest() -> String {
    let mut out = String::new();
    for (name, text) in CASES {
        // Fixture files mark expected spans with ⟦ ⟧; the check sees the text without them.
        let text: String = text.chars().filter(|c| !matches!(c, '⟦' | '⟧')).collect();
        let c = nianbao::check(&text, &nianbao::Options::default());
        out.push_str(&format!(
            "# {name} year={:?} format={} cells={}\n",
            c.report.year,
            c.report.format.as_str(),
            c.report.cells.len()
        ));
        for f in &c.findings {
            out.push_str(&format!("{} {} {}..{}\n", f.rule, f.severity.as_str(), f.span.start, f.span.end));
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_matches_golden() {
    let got = digest();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/parity.txt");
        std::fs::write(path, &got).expect("write golden");
        return;
    }
    assert_eq!(got, GOLDEN, "findings changed: if intended, run UPDATE_GOLDEN=1 cargo test --test wasm_parity");
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_matches_golden() {
    assert_eq!(digest(), GOLDEN);
}
