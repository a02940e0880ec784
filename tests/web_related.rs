//! The side-by-side view of copied passages (components/related.rs) rendered with yew's `ssr`, from a real
//! analysis of this year's report against last year's.
//!
//! Run with `cargo test --features ssr --test web_related`.
#![cfg(feature = "ssr")]

mod ssr;

use std::rc::Rc;

use nianbao::web::components::related_view;
use nianbao::web::state::{analyse, analyse_with, Analysis, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct Props {
    result: Shared,
    index: usize,
}

/// Renders finding `index`'s pairs as the findings list does: `related_view(&a.related[i])`.
#[function_component]
fn Related(p: &Props) -> Html {
    p.result.0.related.get(p.index).map(|r| related_view(r)).unwrap_or_default()
}

fn render(a: Analysis, index: usize) -> String {
    let props = Props { result: Shared(Rc::new(a)), index };
    ssr::render::<Related>(props)
}

fn base() -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/_base/valid_2024_wordcopy.txt");
    std::fs::read_to_string(p).unwrap()
}

fn year_before(text: &str) -> String {
    text.replace("2024", "2023").replace("2025", "2024")
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The analysis of `cur` against `prev` and the index of its N-COPY-PREV finding.
fn copied(cur: &str, prev: &str) -> (Analysis, usize) {
    let a = analyse_with(cur, None, prev);
    let i = a.checked.findings.iter().position(|f| f.rule == "N-COPY-PREV").expect("N-COPY-PREV");
    (a, i)
}

#[test]
fn copied_passages_render_side_by_side() {
    let cur = base();
    let (a, i) = copied(&cur, &year_before(&cur));
    let pairs = a.related[i].clone();
    assert_eq!(pairs.len(), a.checked.findings[i].related.len());
    let out = render(a, i);
    assert!(out.contains(&format!("与上年报告对照（{} 处）", pairs.len())), "{out}");
    assert!(
        out.contains("<th scope=\"col\">本年报告</th>") && out.contains("<th scope=\"col\">上年报告</th>"),
        "{out}"
    );
    assert_eq!(out.matches("<tr>").count(), pairs.len() + 1, "a header row and one row per pair");
    // This year's passage in the first column, last year's in the second.
    let (now, before) = &pairs[0];
    assert!(now.starts_with("2024年") && before.starts_with("2023年"), "{now} / {before}");
    let row = format!("<td data-h=\"本年报告\">{}</td><td data-h=\"上年报告\">{}</td>", escaped(now), escaped(before));
    assert!(out.contains(&row), "{out}");
}

#[test]
fn passages_with_markup_are_shown_as_text() {
    // A plain-text report that quotes markup: the passage is copied with it and must stay text.
    let cur = base().replace("《中华人民共和国政府信息公开条例》", "<b>《中华人民共和国政府信息公开条例》</b>");
    let (a, i) = copied(&cur, &year_before(&cur));
    assert!(a.related[i].iter().any(|(n, b)| n.contains("<b>") && b.contains("</b>")), "{:?}", a.related[i]);
    let out = render(a, i);
    assert!(out.contains("&lt;b&gt;《中华人民共和国政府信息公开条例》&lt;/b&gt;"), "{out}");
    assert!(!out.contains("<b>"), "{out}");
    // Whatever the texts are, they are text nodes.
    let mut a = analyse(&cur);
    a.related = vec![vec![("<script>alert(1)</script>".into(), "<img src=x onerror=alert(2)>".into())]];
    let out = render(a, 0);
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && out.contains("&lt;img src=x onerror=alert(2)&gt;")
    );
    assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
}

#[test]
fn html_inputs_show_visible_text_not_markup() {
    let html = |t: &str| {
        let body: String =
            t.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("<p><span>{}</span></p>\n", l.trim())).collect();
        format!("<!DOCTYPE html><html><body>\n{body}</body></html>")
    };
    let cur = base();
    let (a, i) = copied(&html(&cur), &html(&year_before(&cur)));
    let pairs = a.related[i].clone();
    assert!(!pairs.is_empty());
    for (n, b) in &pairs {
        assert!(!n.contains('<') && !b.contains('<'), "{n} / {b}");
        assert!(cur.contains(n.trim()) && year_before(&cur).contains(b.trim()), "{n} / {b}");
    }
    let out = render(a, i);
    assert!(out.contains(&escaped(&pairs[0].1)));
}

#[test]
fn nothing_renders_without_related_passages() {
    let a = analyse(&base());
    assert!(a.related.iter().all(Vec::is_empty));
    let n = a.checked.findings.len();
    assert_eq!(render(a, 0), "");
    assert!(n > 0);
    assert_eq!(render(analyse(&base()), 10_000), "", "an index out of range renders nothing");
}
