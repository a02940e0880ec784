//! Property tests (issue 5): for arbitrary strings and for mutations of real reports, `check`
//! never panics, every span it returns lies in the input on char boundaries, every finding's cells
//! exist in the report, `check` is deterministic, and the JSON output parses.
//!
//! The default case counts keep this file under ~20 s on two cores; run more with
//! `PROPTEST_CASES=5000 cargo test --release --test properties`.
#![cfg(not(target_arch = "wasm32"))]

use nianbao::{check, Checked, Options};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// Real reports (../shared/corpus) and the HTML fixtures: the bases that mutations start from.
fn bases() -> &'static [String] {
    static BASES: OnceLock<Vec<String>> = OnceLock::new();
    BASES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["../shared/corpus", "../shared/corpus/real", "tests/fixtures/_html"] {
            if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
                files.extend(rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()));
            }
        }
        files.sort();
        let mut v: Vec<String> = files
            .iter()
            .filter(|p| p.file_name().is_some_and(|n| n != "INDEX.md"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        // A minimal report in case the shared corpus is absent.
        v.push("2024年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n\t规章\t0\t0\t0\n".into());
        v
    })
}

/// Everything `check` promises about its result, for the input it was given.
fn assert_invariants(input: &str, c: &Checked) -> Result<(), TestCaseError> {
    let ok = |s: nianbao::span::Span| {
        s.start <= s.end && s.end <= input.len() && input.is_char_boundary(s.start) && input.is_char_boundary(s.end)
    };
    for f in &c.findings {
        prop_assert!(ok(f.span), "finding {} span {:?} out of bounds/boundary (len {})", f.rule, f.span, input.len());
        for cell in &f.cells {
            prop_assert!(
                c.report.cells.iter().any(|rc| rc.key == *cell),
                "finding {} names cell {:?} not in report.cells",
                f.rule,
                cell
            );
        }
    }
    for cell in &c.report.cells {
        prop_assert!(ok(cell.span), "cell {} span {:?} out of bounds", cell.key, cell.span);
    }
    for s in &c.report.sections {
        prop_assert!(ok(s.span), "section {} span {:?} out of bounds", s.ordinal, s.span);
    }
    Ok(())
}

/// Checks twice (deterministic), asserts the invariants and that the JSON output parses.
fn check_all(input: &str) -> Result<(), TestCaseError> {
    let opts = Options::default();
    let a = check(input, &opts);
    assert_invariants(input, &a)?;
    let json_a = nianbao::output::json::render(&[("input".to_string(), a)]);
    let b = check(input, &opts);
    let json_b = nianbao::output::json::render(&[("input".to_string(), b)]);
    prop_assert_eq!(&json_a, &json_b, "check is not deterministic");
    let v: Result<serde_json::Value, _> = serde_json::from_str(&json_a);
    prop_assert!(v.is_ok(), "JSON output does not parse: {:?}", v.err());
    Ok(())
}

/// Fragments that stress the parsers: layout characters, invisible and bidi controls, markup.
const INJECT: &[&str] = &[
    "\t",
    "|",
    "\n",
    "\r\n",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{00a0}",
    "\u{3000}",
    "\0",
    "\u{fffd}",
    "<",
    ">",
    "&",
    "&amp;",
    "&#x4e00;",
    "&#99999999;",
    "<table><tr><td>",
    "</td><td rowspan=9999 colspan=9999>",
    "</tr></table>",
    "<td colspan=0>",
    "<script>window.__pwned=1</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<br>",
    "<p>",
    "</p>",
    "<div>",
    "<![CDATA[",
    "<?xml ",
    "0",
    "9",
    "1,000",
    "1.5",
    "-",
    "—",
    "/",
    "（一）",
    "一、",
    "二〇二四年",
    "2024年",
    "第",
    "页",
    "合计",
    "总计",
    "万元",
    "１２３",
    "😀",
    "e\u{301}",
];

#[derive(Clone, Debug)]
enum Mutation {
    Insert(usize, usize),
    Delete(usize, usize),
    Replace(usize, usize),
    InsertChar(usize, char),
    SwapLines(usize, usize),
    DuplicateLine(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), 0..INJECT.len()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(a, b)| Mutation::Delete(a, b)),
        2 => (any::<usize>(), 0..INJECT.len()).prop_map(|(a, b)| Mutation::Replace(a, b)),
        2 => (any::<usize>(), any::<char>()).prop_map(|(a, c)| Mutation::InsertChar(a, c)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// The char boundary at or before `at % (len + 1)`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(s: &mut String, m: &Mutation) {
    match *m {
        Mutation::Insert(at, k) => {
            let i = boundary(s, at);
            s.insert_str(i, INJECT[k]);
        }
        Mutation::InsertChar(at, c) => {
            let i = boundary(s, at);
            s.insert(i, c);
        }
        Mutation::Delete(at, n) => {
            let i = boundary(s, at);
            let j = boundary(s, i + n.min(s.len() - i));
            s.replace_range(i..j.max(i), "");
        }
        Mutation::Replace(at, k) => {
            let i = boundary(s, at);
            let j = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
            s.replace_range(i..j, INJECT[k]);
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&str> = s.split('\n').collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            *s = lines.join("\n");
        }
        Mutation::DuplicateLine(a) => {
            let mut lines: Vec<&str> = s.split('\n').collect();
            let i = a % lines.len();
            lines.insert(i, lines[i]);
            *s = lines.join("\n");
        }
        Mutation::Truncate(at) => {
            let i = boundary(s, at);
            s.truncate(i);
        }
    }
}

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

/// Strings built from the injected fragments and any chars: dense in structure characters.
fn fragment_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..INJECT.len()).prop_map(|k| INJECT[k].to_string()),
            1 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[一二三四五六七八九十（）()、.0-9\t |]{0,12}",
        ],
        0..200,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(cases(300))]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check_all(&s)?;
    }

    #[test]
    fn fragment_strings(s in fragment_soup()) {
        check_all(&s)?;
    }

    #[test]
    fn html_wrapped_fragments(s in fragment_soup()) {
        check_all(&format!("<html><body><table><tr><td>{s}</td></tr></table>{s}</body></html>"))?;
    }
}

proptest! {
    #![proptest_config(cases(120))]

    #[test]
    fn mutated_reports(base in any::<prop::sample::Index>(), muts in prop::collection::vec(mutation(), 1..24)) {
        let bases = bases();
        let mut s = bases[base.index(bases.len())].clone();
        for m in &muts {
            apply(&mut s, m);
        }
        check_all(&s)?;
    }

    #[test]
    fn mutated_reports_as_html(base in any::<prop::sample::Index>(), muts in prop::collection::vec(mutation(), 0..12)) {
        let bases = bases();
        // A real report as a browser would copy it to the clipboard: rows of cells in a table.
        let mut s = String::from("<!DOCTYPE html><html><body><table>");
        for line in bases[base.index(bases.len())].lines() {
            s.push_str("<tr>");
            for cell in line.split('\t') {
                s.push_str("<td>");
                s.push_str(&cell.replace('&', "&amp;").replace('<', "&lt;"));
                s.push_str("</td>");
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table></body></html>");
        for m in &muts {
            apply(&mut s, m);
        }
        check_all(&s)?;
    }
}

/// The unmutated bases themselves, and their previous-year pairing (the YOY path).
#[test]
fn bases_hold_invariants() {
    let bases = bases();
    for b in bases {
        check_all(b).unwrap();
    }
    for w in bases.windows(2) {
        let opts = Options { previous: Some(w[0].clone()), today: None };
        let c = check(&w[1], &opts);
        assert_invariants(&w[1], &c).unwrap();
    }
}
