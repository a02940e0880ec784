//! Related passages (issue 7): N-COPY-PREV and C5-SAME-PROBLEMS attach the passages of this year's report
//! and of last year's that they compare; every span slices its own input, for text and for HTML.

use nianbao::diag::Finding;
use nianbao::{check, output, Checked, Options};
use std::path::Path;

fn fixture(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).replace(['⟦', '⟧'], "")
}

/// Last year's copy of a 2024 report: the same text with every year one less.
fn year_before(text: &str) -> String {
    text.replace("2024", "2023").replace("2025", "2024")
}

fn check_with(text: &str, previous: &str) -> Checked {
    check(text, &Options { previous: Some(previous.to_string()), today: None })
}

fn copy_finding(c: &Checked) -> &Finding {
    c.findings.iter().find(|f| f.rule == "N-COPY-PREV").expect("an N-COPY-PREV finding")
}

/// Digits masked, blanks dropped: what the similarity compares (years differ only in digits here).
fn masked(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// The visible characters of a markup slice: tags dropped, the few entities used here decoded.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The report as an HTML page: the opening paragraph in a table cell, every other line a paragraph, and
/// the book-title marks' contents in <b>, so that passages run across tags.
fn as_html(text: &str) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let line = escape(line.trim()).replace('《', "《<b>").replace('》', "</b>》");
        if i == 1 {
            out.push_str(&format!("<table><tr><td>{line}</td></tr></table>\n"));
        } else {
            out.push_str(&format!("<p>{line}</p>\n"));
        }
    }
    out.push_str("</body></html>\n");
    out
}

#[test]
fn copied_report_relates_every_passage_in_both_texts() {
    let cur = fixture("_base/valid_2024_wordcopy.txt");
    let prev = year_before(&cur);
    let c = check_with(&cur, &prev);
    let f = copy_finding(&c);
    // The message counts the passages ("共 N 段雷同文字"); all of them are related, not just the 3 quoted.
    let n: usize =
        f.message.split("共 ").nth(1).and_then(|s| s.split(' ').next()).and_then(|s| s.parse().ok()).unwrap();
    assert!(n > 3, "{}", f.message);
    assert_eq!(f.related.len(), n.min(50), "{}", f.message);
    assert_eq!(f.related[0].span, f.span, "the finding points at its first passage");
    let mut chars = 0;
    for r in &f.related {
        let (a, b) = (&cur[r.span.range()], &prev[r.previous.range()]);
        assert!(a.chars().count() >= 20, "{a:?}");
        assert_eq!(masked(a), masked(b));
        chars += a.chars().count();
    }
    // The passages cover most of the prose, and each appears in order.
    assert!(chars > 800, "{chars}");
    assert!(f.related.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    // A passage whose years differ: the two slices are not byte-equal, only after masking.
    assert!(f.related.iter().any(|r| cur[r.span.range()] != prev[r.previous.range()]));
}

#[test]
fn html_inputs_relate_spans_of_the_markup() {
    let text = fixture("_base/valid_2024_wordcopy.txt");
    let (cur, prev) = (as_html(&text), as_html(&year_before(&text)));
    let c = check_with(&cur, &prev);
    assert_eq!(c.input, nianbao::input::InputKind::Html);
    let f = copy_finding(&c);
    assert!(f.related.len() > 3, "{:?}", f.related);
    let mut across_tags = 0;
    for r in &f.related {
        let a = cur.get(r.span.range()).expect("span on char boundaries of the current markup");
        let b = prev.get(r.previous.range()).expect("span on char boundaries of the previous markup");
        across_tags += usize::from(a.contains("<b>"));
        let (va, vb) = (strip_tags(a), strip_tags(b));
        assert!(va.chars().count() >= 20, "{a:?}");
        assert_eq!(masked(&va), masked(&vb), "{a:?} vs {b:?}");
        // The passage is text of the report, not something the markup mapping made up.
        assert!(text.contains(va.trim()), "{va:?}");
    }
    assert!(across_tags > 0, "no passage runs across an inline tag");
    // The same passages as the text form of the pair (the HTML form lays the table note out differently).
    let plain = check_with(&text, &year_before(&text));
    let from_text: Vec<String> = copy_finding(&plain).related.iter().map(|r| masked(&text[r.span.range()])).collect();
    let from_html: Vec<String> = f.related.iter().map(|r| masked(&strip_tags(&cur[r.span.range()]))).collect();
    assert!(from_html.iter().all(|p| from_text.contains(p)), "{from_html:?}\n{from_text:?}");
    assert!(from_html.len() + 1 >= from_text.len(), "{from_html:?}\n{from_text:?}");
}

#[test]
fn html_current_with_text_previous_maps_only_the_current_spans() {
    let text = fixture("_base/valid_2024_wordcopy.txt");
    let prev = year_before(&text);
    let cur = as_html(&text);
    let c = check_with(&cur, &prev);
    for r in &copy_finding(&c).related {
        assert_eq!(masked(&strip_tags(&cur[r.span.range()])), masked(&prev[r.previous.range()]));
    }
}

#[test]
fn same_problems_relate_the_two_problem_lists() {
    let cur = fixture("C5-SAME-PROBLEMS/invalid_same_list.txt");
    let prev = fixture("C5-SAME-PROBLEMS/invalid_same_list.previous.txt");
    let c = check_with(&cur, &prev);
    let f = c.findings.iter().find(|f| f.rule == "C5-SAME-PROBLEMS").expect("C5-SAME-PROBLEMS");
    assert_eq!(f.related.len(), 1);
    let r = f.related[0];
    assert_eq!(r.span, f.span);
    let (a, b) = (&cur[r.span.range()], &prev[r.previous.range()]);
    assert!(a.contains("一是") && b.contains("一是"), "{a:?} / {b:?}");
    assert!(a.contains("问题") || a.contains("不足"), "{a:?}");
}

#[test]
fn honest_consecutive_pairs_relate_nothing() {
    for rule in ["N-COPY-PREV", "C5-SAME-PROBLEMS"] {
        let cur = fixture(&format!("{rule}/valid_honest_consecutive.txt"));
        let prev = fixture(&format!("{rule}/valid_honest_consecutive.previous.txt"));
        let c = check_with(&cur, &prev);
        assert!(c.findings.iter().all(|f| f.rule != "N-COPY-PREV"), "{rule}");
        let related: Vec<_> = c.findings.iter().filter(|f| !f.related.is_empty()).map(|f| f.rule).collect();
        assert!(related.is_empty(), "{rule}: {related:?}");
        // And without a previous report nothing can be related.
        let alone = check(&cur, &Options::default());
        assert!(alone.findings.iter().all(|f| f.related.is_empty()));
    }
}

#[test]
fn json_has_related_only_when_non_empty() {
    let cur = fixture("_base/valid_2024_wordcopy.txt");
    let copied = check_with(&cur, &year_before(&cur));
    let alone = check(&cur, &Options::default());
    let json = output::json::render(&[("2024.txt".to_string(), copied), ("alone.txt".to_string(), alone)]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = |i: usize| doc["files"][i]["findings"].as_array().unwrap().clone();
    for f in findings(0) {
        match f["rule"].as_str().unwrap() {
            "N-COPY-PREV" | "C5-SAME-PROBLEMS" => {
                let rel = f["related"].as_array().expect("related array");
                assert!(!rel.is_empty());
                for r in rel {
                    let (s, p) = (r["span"].as_array().unwrap(), r["previous"].as_array().unwrap());
                    assert_eq!((s.len(), p.len()), (2, 2), "{r}");
                    let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
                    assert!(a < b && b <= cur.len());
                }
                assert_eq!(rel[0]["span"], f["span"]);
            }
            _ => assert!(f.get("related").is_none(), "{f}"),
        }
    }
    assert!(!findings(1).is_empty());
    assert!(findings(1).iter().all(|f| f.get("related").is_none()));
    // N-COPY-PREV and C5-SAME-PROBLEMS of the copied report, nothing else.
    assert_eq!(json.matches("\"related\"").count(), 2);
}
