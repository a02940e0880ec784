//! The findings list: grouped by section, filterable by severity, each with its rule's docs.

use yew::prelude::*;

use crate::diag::Severity;
use crate::rules;
use crate::web::components::{cell_label, sev_class};
use crate::web::rule_docs::{self, docs_of, Docs};
use crate::web::state::{sev_index, Shared};

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub result: Shared,
    pub seq: u64,
    pub show: [bool; 3],
    pub selected: Option<usize>,
    /// How many of the shown findings are listed (`state::PAGE` more per “显示更多”).
    pub limit: usize,
    pub on_select: Callback<usize>,
    pub on_toggle: Callback<Severity>,
    pub on_step: Callback<bool>,
    pub on_export: Callback<&'static str>,
    pub on_more: Callback<()>,
}

/// Renders a rule's docs (Markdown-ish: `## ` headings and paragraphs) as our own elements.
pub fn docs(text: &str) -> Html {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Html>| {
        if !para.is_empty() {
            out.push(html! { <p>{para.join("")}</p> });
            para.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if let Some(h) = line.strip_prefix("## ") {
            flush(&mut para, &mut out);
            out.push(html! { <h4>{h.to_string()}</h4> });
        } else if line.is_empty() {
            flush(&mut para, &mut out);
        } else if line.starts_with("错误：") || line.starts_with("正确：") {
            flush(&mut para, &mut out);
            para.push(line);
            flush(&mut para, &mut out);
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut out);
    out.into_iter().collect()
}

#[function_component]
pub fn FindingList(props: &FindingListProps) -> Html {
    let a = &*props.result;
    let c = &a.checked;
    let visible: Vec<usize> =
        c.findings.iter().enumerate().filter(|(_, f)| props.show[sev_index(f.severity)]).map(|(i, _)| i).collect();
    // Groups in order of first appearance, one per section.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let hidden = visible.len().saturating_sub(props.limit);
    for &i in visible.iter().take(props.limit) {
        let s = a.section_of[i];
        match groups.iter_mut().find(|g| g.0 == s) {
            Some(g) => g.1.push(i),
            None => groups.push((s, vec![i])),
        }
    }
    crate::sort::sort_by_key(&mut groups, |g| g.0.map_or(0, |s| s + 1));
    let toggle = |sev: Severity| {
        let on = props.on_toggle.clone();
        let n = c.count(sev);
        let pressed = props.show[sev_index(sev)];
        html! {
            <button type="button" class={classes!("chip", sev_class(sev), pressed.then_some("on"))}
                aria-pressed={pressed.to_string()} data-sev={sev.as_str()} onclick={move |_| on.emit(sev)}>
                {format!("{} {n}", sev.label_zh())}
            </button>
        }
    };
    let step = |fwd: bool, label: &'static str, id: &'static str| {
        let on = props.on_step.clone();
        html! { <button type="button" class="btn small" id={id} onclick={move |_| on.emit(fwd)} disabled={visible.is_empty()}>{label}</button> }
    };
    let export = |kind: &'static str, label: &'static str| {
        let on = props.on_export.clone();
        html! { <button type="button" class="btn small" id={format!("export-{kind}")} onclick={move |_| on.emit(kind)} disabled={c.findings.is_empty()}>{label}</button> }
    };
    // A PDF's reader marks where its pages start: say on which page a finding is (spans index the
    // markup, which holds the marks).
    let pages = crate::input::pdf::page_marks(&a.text);
    // 为什么/依据 opened for the first time: load the docs, then draw them.
    let update = use_force_update();
    let ontoggle = Callback::from(move |_: Event| {
        if rule_docs::needed() {
            let update = update.clone();
            rule_docs::load(move || update.force_update());
        }
    });
    let item = |i: usize| {
        let f = &c.findings[i];
        let page = (!pages.is_empty()).then(|| pages.partition_point(|&p| p <= f.span.start)).filter(|&p| p > 0);
        let rule = rules::find(f.rule);
        let selected = props.selected == Some(i);
        let on = props.on_select.clone();
        let cells = a.target[i].map(|k| cell_label(&k));
        html! {
            <li id={format!("finding-{i}")} class={classes!("finding", sev_class(f.severity), selected.then_some("selected"))}
                data-rule={f.rule}>
                <button type="button" class="finding-main" onclick={move |_| on.emit(i)} aria-current={selected.then_some("true")}>
                    <span class={classes!("badge", sev_class(f.severity))}>{f.severity.label_zh()}</span>
                    <code class="rule-id">{f.rule}</code>
                    if let Some(r) = rule { <span class="rule-title">{r.title}</span> }
                    <span class="message">{f.message.clone()}</span>
                    if let Some(l) = cells { <span class="where">{l}</span> }
                    if let Some(p) = page { <span class="where page">{format!("第 {p} 页")}</span> }
                    if let Some(asm) = &f.assumption { <span class="assumption">{format!("假设：{asm}")}</span> }
                    if !f.help.is_empty() { <span class="help">{format!("建议：{}", f.help)}</span> }
                </button>
                if let Some(p) = a.related.get(i) { {crate::web::components::related_view(p)} }
                if let Some(r) = rule {
                    <details class="docs" ontoggle={ontoggle.clone()}>
                        <summary>{"为什么/依据"}</summary>
                        <div class="docs-body">{match docs_of(r) {
                            Docs::Ready(text) => docs(&text),
                            Docs::Pending => html! { <p class="muted">{"正在载入说明…"}</p> },
                            Docs::Failed => html! { <p class="muted">{"说明未能载入，请刷新页面后再试。"}</p> },
                        }}</div>
                    </details>
                }
            </li>
        }
    };
    let section_title = |s: Option<usize>| match s.and_then(|s| c.report.sections.get(s)) {
        Some(sec) => format!("{}{}", sec.ordinal, sec.title),
        None => "标题及开头".to_string(),
    };
    html! {
        <section class="findings" aria-labelledby="findings-h" data-seq={props.seq.to_string()} id="findings">
            <div class="findings-head">
                <h2 id="findings-h">{"问题清单"}</h2>
                <div class="filters" role="group" aria-label="按级别筛选">
                    {toggle(Severity::Error)}{toggle(Severity::Warning)}{toggle(Severity::Info)}
                </div>
                <div class="nav" role="group" aria-label="逐条查看">
                    {step(false, "上一个 (k)", "prev")}{step(true, "下一个 (j)", "next")}
                    {export("json", "导出 JSON")}{export("csv", "导出 CSV")}
                </div>
            </div>
            if c.findings.is_empty() {
                <p class="empty ok">{"没有发现问题。仍建议人工通读全文。"}</p>
            } else if visible.is_empty() {
                <p class="empty muted">{"所选级别下没有问题。"}</p>
            }
            {for groups.into_iter().map(|(s, items)| html! {
                <div class="group">
                    <h3>{section_title(s)}<span class="n">{items.len()}</span></h3>
                    <ol class="finding-list">{for items.into_iter().map(item)}</ol>
                </div>
            })}
            if hidden > 0 {
                <button type="button" class="btn more" id="more-findings" onclick={props.on_more.reform(|_| ())}>
                    {format!("显示更多问题（还有 {hidden} 条）")}
                </button>
            }
        </section>
    }
}
