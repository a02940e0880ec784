//! Component tests: the web app's parts rendered natively with yew's `ssr` feature.
//!
//! Run with `cargo test --features ssr --test web_components`.
#![cfg(feature = "ssr")]

mod ssr;

use std::rc::Rc;

use nianbao::diag::Severity;
use nianbao::report::{CellKey, T3Col, T3Row};
use nianbao::web::components::source::{windows, SourceView, SourceViewProps, WINDOW};
use nianbao::web::components::{cell_id, FindingList, FindingListProps, Summary, SummaryProps, Tables, TablesProps};
use nianbao::web::state::{analyse, Shared, SAMPLE};
use nianbao::web::{App, AppProps};
use ssr::render;
use yew::Callback;

/// The findings list's props with no-op callbacks.
fn list_props(result: Shared, only: Option<Severity>, limit: usize) -> FindingListProps {
    let c = &result.checked;
    let counts = [c.count(Severity::Error), c.count(Severity::Warning), c.count(Severity::Info)];
    FindingListProps {
        result,
        seq: 1,
        only,
        by_part: false,
        marks: Rc::default(),
        counts,
        selected: None,
        limit,
        on_select: Callback::noop(),
        on_step: Callback::noop(),
        on_export: Callback::noop(),
        on_more: Callback::noop(),
        act: Callback::noop(),
    }
}

fn fixture(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).replace(['⟦', '⟧'], "")
}

fn shared(text: &str) -> Shared {
    Shared(Rc::new(analyse(text)))
}

/// The text content of the element with `id` (up to its closing tag; fine for leaf elements).
fn text_of<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let open = at + html[at..].find('>').unwrap_or(0) + 1;
    let close = open + html[open..].find("</").unwrap_or(0);
    &html[open..close]
}

#[test]
fn summary_names_year_format_and_verdict() {
    let out = render::<Summary>(SummaryProps { result: shared(SAMPLE), counts: None });
    assert!(text_of(&out, "fact-year").contains("2024"), "{out}");
    assert!(text_of(&out, "fact-format").contains("2021"), "{out}");
    let verdict = text_of(&out, "verdict");
    assert!(verdict.starts_with("发现") || verdict == "未发现问题", "{verdict}");
}

#[test]
fn summary_says_what_was_read() {
    let out = render::<Summary>(SummaryProps { result: shared(SAMPLE), counts: None });
    let read = text_of(&out, "fact-coverage");
    assert!(read.contains("6/6 个部分") && read.contains("表三 161/161"), "{read}");
}

#[test]
fn a_text_that_is_no_report_is_never_called_clean() {
    let out = render::<Summary>(SummaryProps {
        result: shared("关于召开春季运动会的通知\n请各单位按时参加。\n"),
        counts: None,
    });
    let verdict = text_of(&out, "verdict");
    assert!(verdict.starts_with("未识别为政府信息公开工作年度报告"), "{verdict}");
    assert!(!out.contains("未发现问题"), "{out}");
}

#[test]
fn summary_verdict_counts_t3_balance_error() {
    let text = fixture("tests/fixtures/T3-BALANCE/invalid_web_tabs.txt");
    let out = render::<Summary>(SummaryProps { result: shared(&text), counts: None });
    let verdict = text_of(&out, "verdict");
    assert!(verdict.contains("个错误") || verdict.contains("个警告"), "{verdict}");
}

#[test]
fn tables_show_recognised_values_in_their_cells() {
    let a = shared(SAMPLE);
    let out = render::<Tables>(TablesProps { result: a.clone(), selected: None, on_select: Callback::noop() });
    assert!(out.contains("id=\"table-T3\""));
    assert!(out.contains("（七）总计") && out.contains("申请人情况") && out.contains("行政复议"));
    // Every recognised T3 cell is drawn with its value.
    let t3: Vec<_> = a.checked.report.cells.iter().filter(|c| c.key.table() == nianbao::report::TableId::T3).collect();
    assert!(!t3.is_empty());
    for c in t3 {
        let id = cell_id(&c.key);
        let cell = text_of(&out, &id);
        if c.value.is_some() {
            assert_eq!(cell.trim(), c.raw.trim(), "{id}");
        }
    }
}

#[test]
fn tables_highlight_the_unbalanced_total_with_the_formula() {
    let text = fixture("tests/fixtures/T3-BALANCE/invalid_web_tabs.txt");
    let a = shared(&text);
    let out = render::<Tables>(TablesProps { result: a, selected: None, on_select: Callback::noop() });
    let id = cell_id(&CellKey::T3(T3Row::R24, T3Col::C1));
    let at = out.find(&format!("id=\"{id}\"")).expect("R24 C1 drawn");
    let tag = &out[out[..at].rfind('<').unwrap_or(0)..at + out[at..].find('>').unwrap_or(0)];
    assert!(tag.contains("fault") && tag.contains("sev-error"), "{tag}");
    assert!(tag.contains("T3-BALANCE") && tag.contains("一(60)+二(0)=60"), "{tag}");
    assert_eq!(text_of(&out, &id).trim(), "61");
}

#[test]
fn findings_list_shows_rule_message_and_docs() {
    let text = fixture("tests/fixtures/T3-BALANCE/invalid_web_tabs.txt");
    let props = list_props(shared(&text), None, nianbao::web::state::PAGE);
    let out = render::<FindingList>(props);
    assert!(out.contains("data-rule=\"T3-BALANCE\""), "{out}");
    assert!(out.contains("自然人列 一(60)+二(0)=60 ≠ 三(61)+四(0)=61"), "{out}");
    assert!(out.contains("为什么/依据") && out.contains("<h4>依据</h4>"), "{out}");
    assert!(!out.contains("一键修改"), "arithmetic is never applied: {out}");
}

#[test]
fn findings_list_puts_errors_first_offers_fixes_and_lists_verified_apart() {
    let a = shared(SAMPLE);
    let out = render::<FindingList>(list_props(a.clone(), None, nianbao::web::state::PAGE));
    let first = &out[out.find("data-rule=").expect("a finding")..];
    assert!(first.starts_with("data-rule=\"N-PLAN-YEAR\""), "the error first: {first}");
    assert!(out.contains("<h3>错误<span class=\"n\">1</span></h3>"), "{out}");
    assert!(out.contains("一键修改") && out.contains("一键修改：“2024年”→“2025年”"), "{out}");
    // Grouped by part: the parts' headings instead of the kinds'.
    let mut p = list_props(a.clone(), None, nianbao::web::state::PAGE);
    p.by_part = true;
    let parts = render::<FindingList>(p);
    assert!(!parts.contains("<h3>错误") && parts.contains("五、"), "{parts}");
    // A verified finding is listed apart and leaves the chips' counts.
    let i = a.checked.findings.iter().position(|f| f.rule == "N-PLAN-YEAR").expect("the error");
    let mut marks = vec![None; a.checked.findings.len()];
    marks[i] = Some("已与上级核对".to_string());
    let mut p = list_props(a.clone(), None, nianbao::web::state::PAGE);
    p.marks = Rc::new(marks);
    p.counts[0] = 0; // as `State::counts` gives them (tested in src/web/state.rs)
    let out = render::<FindingList>(p);
    let done = &out[out.find("id=\"verified-list\"").expect("the verified list")..];
    assert!(done.contains("N-PLAN-YEAR") && done.contains("已核实：已与上级核对") && done.contains("取消核实"));
    assert!(out.contains("错误 0") && !out[..out.find("id=\"verified-list\"").unwrap_or(0)].contains("N-PLAN-YEAR"));
}

#[test]
fn findings_list_filters_by_severity() {
    let text = fixture("tests/fixtures/T3-BALANCE/invalid_web_tabs.txt");
    let props = list_props(shared(&text), Some(Severity::Info), nianbao::web::state::PAGE);
    let out = render::<FindingList>(props);
    assert!(!out.contains("data-rule=\"T3-BALANCE\""), "only notes are shown");
    assert!(out.contains("aria-pressed=\"true\" data-sev=\"info\""), "{out}");
    let props = list_props(shared(&text), Some(Severity::Error), nianbao::web::state::PAGE);
    let out = render::<FindingList>(props);
    assert!(out.contains("data-rule=\"T3-BALANCE\""), "only errors are shown");
}

#[test]
fn html_input_is_shown_as_text_never_as_markup() {
    let html = fixture("tests/e2e/fixtures/t3_wrong_total.html");
    let a = analyse(&html);
    assert_eq!(a.checked.input, nianbao::input::InputKind::Html);
    assert!(!a.display.contains("<script") && !a.display.contains("onerror"));
    let out = render::<App>(AppProps { initial: html, storage_ok: true, today: None, ..Default::default() });
    assert!(!out.contains("<script") && !out.contains("<img"), "pasted markup must never become live");
    // The wrong total (62 where 61 is due) is flagged on its own cell.
    let k = CellKey::T3(T3Row::R24, T3Col::C7);
    assert!(a.severity_of_cell(&k).is_some_and(|(_, primary)| primary), "{:?}", a.checked.findings);
}

#[test]
fn app_renders_intro_when_empty_and_results_with_sample() {
    let empty =
        render::<App>(AppProps { initial: String::new(), storage_ok: false, today: None, ..Default::default() });
    assert!(empty.contains("怎样使用") && empty.contains("不会保留"));
    let full =
        render::<App>(AppProps { initial: SAMPLE.to_string(), storage_ok: true, today: None, ..Default::default() });
    assert!(full.contains("id=\"findings\"") && full.contains("id=\"source-text\"") && full.contains("忘记草稿"));
}

#[test]
fn previous_slot_and_batch_links() {
    let plain = render::<App>(AppProps { initial: SAMPLE.to_string(), ..Default::default() });
    assert!(plain.contains("上年报告（可选）") && plain.contains("id=\"previous-input\""));
    assert!(!plain.contains("N-COPY-PREV"), "no previous report, no year-over-year findings");
    assert!(plain.contains("href=\"batch/index.html\"") && !plain.contains("返回批量结果"));
    let last = SAMPLE.replace("2024", "2023");
    let paired =
        render::<App>(AppProps { initial: SAMPLE.to_string(), previous: last, from_batch: true, ..Default::default() });
    assert!(paired.contains("N-COPY-PREV"), "last year's report feeds the YOY rules");
    assert!(paired.contains("已填写") && paired.contains("返回批量结果"));
}

/// A report with one typo per line, `lines` lines long: as many findings (S-TYPO) as lines.
fn many_typos(lines: usize) -> String {
    let mut t = "某镇2024年政府信息公开工作年度报告\n".to_string();
    for i in 0..lines {
        t.push_str(&format!("第{i}项工作存在问提，已整改。\n"));
    }
    t
}

#[test]
fn findings_are_listed_a_page_at_a_time() {
    let a = shared(&many_typos(450));
    let typos = a.checked.findings.iter().filter(|f| f.rule == "S-TYPO").count();
    assert!(typos >= 450, "{typos}");
    let total = a.checked.findings.len();
    let props = |limit| list_props(a.clone(), None, limit);
    let out = render::<FindingList>(props(200));
    assert_eq!(out.matches("class=\"finding ").count(), 200);
    assert!(text_of(&out, "more-findings").contains(&format!("还有 {} 条", total - 200)), "{out}");
    let all = render::<FindingList>(props(total));
    assert_eq!(all.matches("class=\"finding ").count(), total);
    assert!(!all.contains("more-findings"));
}

#[test]
fn long_sources_are_shown_a_window_at_a_time_following_the_selection() {
    // A typo every 50th line: few findings, spread over every window.
    let mut text = "某镇2024年政府信息公开工作年度报告\n".to_string();
    for i in 0..WINDOW / 20 {
        text.push_str(&format!("第{i}项工作{}，已整改。\n", if i % 50 == 0 { "存在问提" } else { "进展顺利" }));
    }
    assert!(text.len() > 2 * WINDOW, "{}", text.len());
    let a = shared(&text);
    let props = |selected| SourceViewProps { result: a.clone(), selected, on_select: Callback::noop() };
    let first = render::<SourceView>(props(None));
    let pages = text.len().div_ceil(WINDOW);
    assert!(text_of(&first, "source-page").contains(&format!("第 1/{pages} 段")), "{}", text_of(&first, "source-page"));
    assert!(first.contains("第0项工作") && !first.contains(&format!("第{}项工作", WINDOW / 20 - 1)));
    // Selecting the last finding (past the first window) shows the window that holds it, with its mark.
    let last = a.checked.findings.iter().rposition(|f| f.rule == "S-TYPO").expect("typos");
    let at = a.display_spans[last].start;
    let page = windows(&a.display).iter().position(|w| at < w.1).expect("a window") + 1;
    assert_eq!(page, pages, "the last typo is in the last window");
    let shown = render::<SourceView>(props(Some(last)));
    assert!(
        text_of(&shown, "source-page").contains(&format!("第 {page}/{pages} 段")),
        "{}",
        text_of(&shown, "source-page")
    );
    assert!(shown.contains(&format!("f{last}")), "the selected finding is marked in its window");
    // A short report has no windows.
    let short =
        render::<SourceView>(SourceViewProps { result: shared(SAMPLE), selected: None, on_select: Callback::noop() });
    assert!(!short.contains("source-page"));
}

#[test]
fn a_large_draft_is_kept_but_not_put_into_the_text_box() {
    let big = SAMPLE.repeat(nianbao::web::state::LIVE_LIMIT / SAMPLE.len() + 1);
    let out = render::<App>(AppProps { initial: big.clone(), ..Default::default() });
    let at = out.find("id=\"report-input\"").expect("the paste area is there");
    let tag = &out[out[..at].rfind('<').unwrap_or(0)..at + out[at..].find('>').unwrap_or(0)];
    assert!(tag.contains("readonly") && tag.contains("已载入") && tag.contains(" KB 文本"), "{tag}");
    let body = text_of(&out, "report-input");
    assert!(body.is_empty(), "the megabyte is not in the box: {} bytes", body.len());
    let small = render::<App>(AppProps { initial: SAMPLE.to_string(), ..Default::default() });
    assert!(text_of(&small, "report-input").contains("政府信息公开"), "a report of normal size is in the box");
}

#[test]
fn windows_cover_the_text_in_order_whatever_its_lines() {
    for text in ["政府信息公开".repeat(40_000), "一行\n".repeat(30_000), String::new()] {
        let w = windows(&text);
        assert_eq!(w.first().map(|x| x.0), Some(0));
        assert_eq!(w.last().map(|x| x.1), Some(text.len()));
        for pair in w.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "contiguous");
        }
        for &(a, b) in &w {
            assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && b - a <= WINDOW + WINDOW / 4);
        }
    }
}

#[test]
fn a_pdf_finding_names_its_page() {
    // The PDF reader marks page starts with <!--page N--> (input::pdf::layout); the list counts them.
    let html = fixture("tests/fixtures/files/report_t3_wrong.html");
    let at = html.find("<p>三、收到和处理").expect("T3 heading");
    let paged = format!("<!--page 1-->{}<!--page 2-->{}", &html[..at], &html[at..]);
    let out = render::<FindingList>(list_props(shared(&paged), None, nianbao::web::state::PAGE));
    let item = &out[out.find("data-rule=\"T3-BALANCE\"").expect("T3 finding")..];
    assert!(item[..item.find("</li>").unwrap()].contains("第 2 页"), "{item}");
    // Without marks (a Word file, text, HTML) no page is named.
    let out = render::<FindingList>(list_props(shared(&html), None, nianbao::web::state::PAGE));
    assert!(!out.contains("第 2 页"));
}

#[test]
fn a_file_that_cannot_be_read_is_told_as_an_error() {
    use nianbao::web::components::input::{InputPanel, InputPanelProps};
    use nianbao::web::state::Keep;
    let props = |notice: &str, error: bool| InputPanelProps {
        value: String::new(),
        keep: Keep::Saved,
        notice: Some(notice.into()),
        notice_error: error,
        oninput: Callback::noop(),
        onpaste: Callback::noop(),
        onfile: Callback::noop(),
        ondrop: Callback::noop(),
        on_sample: Callback::noop(),
        on_clear: Callback::noop(),
        on_forget: Callback::noop(),
        undo: None,
        on_undo: Callback::noop(),
    };
    let out = render::<InputPanel>(props("无法打开 scan.pdf：这是扫描件/图片，无法读取文字", true));
    assert!(out.contains("class=\"notice error\"") && out.contains("role=\"alert\""), "{out}");
    let out = render::<InputPanel>(props("已读取 年报.docx", false));
    assert!(out.contains("class=\"notice\"") && out.contains("role=\"status\""), "{out}");
    // The file input offers the formats the readers know.
    assert!(out.contains(".docx,.doc,.wps,.pdf"), "{out}");
}
