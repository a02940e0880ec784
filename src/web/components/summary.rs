//! The summary: unit, year, format, counts by severity and a plain verdict.

use yew::prelude::*;

use crate::diag::Severity;
use crate::input::InputKind;
use crate::report::Format;
use crate::web::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub result: Shared,
    /// Errors, warnings and notes not marked 已核实 (`None`: all the result's findings).
    #[prop_or_default]
    pub counts: Option<[usize; 3]>,
}

/// "发现 3 个错误、2 个警告" — or that nothing was found, or that the text is not an annual report
/// (then nothing was checked, and it must never read as a clean result).
pub fn verdict(recognised: bool, errors: usize, warnings: usize, infos: usize) -> String {
    if !recognised {
        return "未识别为政府信息公开工作年度报告：没有找到年报标题、六个部分或统计表，未作检查".to_string();
    }
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("{errors} 个错误"));
    }
    if warnings > 0 {
        parts.push(format!("{warnings} 个警告"));
    }
    if infos > 0 {
        parts.push(format!("{infos} 条提示"));
    }
    if parts.is_empty() {
        "未发现问题".to_string()
    } else {
        format!("发现 {}", parts.join("、"))
    }
}

pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::V2021 => "2021 版（国办公开办函〔2021〕30号）",
        Format::V2019 => "2019 版（国办公开办函〔2019〕60号）",
        Format::Unknown => "未能识别",
    }
}

fn input_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Html => "网页（HTML，已转为文字检查）",
        InputKind::Text => "文字",
        InputKind::Docx => "Word 文档（.docx）",
        InputKind::Doc => "Word/WPS 文档（.doc/.wps）",
        InputKind::Pdf => "PDF 文件",
    }
}

/// "6/6 个部分；表二 10/10、表三 175/175、表四 15/15 个单元格"
pub fn coverage(c: &crate::Coverage) -> String {
    let t = &c.tables;
    format!(
        "{}/6 个部分；表二 {}/{}、表三 {}/{}、表四 {}/{} 个单元格",
        c.sections, t.T2.found, t.T2.expected, t.T3.found, t.T3.expected, t.T4.found, t.T4.expected
    )
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let c = &props.result.checked;
    let all = [c.count(Severity::Error), c.count(Severity::Warning), c.count(Severity::Info)];
    let [e, w, i] = props.counts.unwrap_or(all);
    let recognised = c.report.recognised;
    let class = if e > 0 {
        "verdict sev-error"
    } else if w > 0 || !recognised {
        "verdict sev-warning"
    } else {
        "verdict ok"
    };
    let unknown = || html! { <span class="muted">{"未能识别"}</span> };
    html! {
        <section class="summary" aria-labelledby="summary-h">
            <h2 id="summary-h">{"检查结果"}</h2>
            <p class={class} id="verdict" role="status">{verdict(recognised, e, w, i)}</p>
            <dl class="facts">
                <div><dt>{"单位"}</dt><dd id="fact-org">{c.report.org.clone().map_or_else(unknown, Html::from)}</dd></div>
                <div><dt>{"年度"}</dt><dd id="fact-year">{c.report.year.map_or_else(unknown, |y| html!{ format!("{y} 年") })}</dd></div>
                <div><dt>{"格式"}</dt><dd id="fact-format">{format_name(c.report.format)}</dd></div>
                <div><dt>{"输入"}</dt><dd>{input_name(c.input)}</dd></div>
                <div><dt>{"读取"}</dt><dd id="fact-coverage">{coverage(&c.report.coverage)}</dd></div>
            </dl>
            <ul class="counts">
                <li class="sev-error"><b>{e}</b>{" 错误"}</li>
                <li class="sev-warning"><b>{w}</b>{" 警告"}</li>
                <li class="sev-info"><b>{i}</b>{" 提示"}</li>
            </ul>
        </section>
    }
}
