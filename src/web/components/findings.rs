//! The findings list: errors first (or grouped by the report's parts), filtered to one severity by the
//! chips, each with its rule's docs, 一键修改 for a certain fix and 已核实 with a note.

use std::rc::Rc;

use yew::prelude::*;

use crate::diag::Severity;
use crate::rules;
use crate::web::components::{cell_label, sev_class};
use crate::web::rule_docs::{self, docs_of, Docs};
use crate::web::state::{fix_label, list_order, sev_index, Action, Shared};

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub result: Shared,
    pub seq: u64,
    /// List only this severity (the chips); `None`: all.
    #[prop_or_default]
    pub only: Option<Severity>,
    /// Grouped by the report's parts instead of errors first.
    #[prop_or_default]
    pub by_part: bool,
    /// Per finding: its 已核实 note when verified (`state::State::marks`).
    #[prop_or_default]
    pub marks: Rc<Vec<Option<String>>>,
    /// Errors, warnings and notes not marked 已核实 (`state::State::counts`), for the chips.
    #[prop_or_default]
    pub counts: [usize; 3],
    pub selected: Option<usize>,
    /// How many of the shown findings are listed (`state::PAGE` more per “显示更多”).
    pub limit: usize,
    pub on_select: Callback<usize>,
    pub on_step: Callback<bool>,
    pub on_export: Callback<&'static str>,
    pub on_more: Callback<()>,
    /// The list's own actions: `Only`, `ByPart`, `Fix` (一键修改), `Verify` (已核实 or not).
    #[prop_or_default]
    pub act: Callback<Action>,
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

/// The kinds in list order, with their group headings.
const KINDS: [(Severity, &str); 3] = [(Severity::Error, "错误"), (Severity::Warning, "警告"), (Severity::Info, "提示")];

#[function_component]
pub fn FindingList(props: &FindingListProps) -> Html {
    let a = &*props.result;
    let c = &a.checked;
    let marks = &props.marks;
    let verified = |i: usize| marks.get(i).and_then(Option::as_ref);
    let listed = list_order(a, marks, props.only, props.by_part);
    let hidden = listed.len().saturating_sub(props.limit);
    // Consecutive findings of one part (or one kind) form a group: the order already puts them together.
    let key =
        |i: usize| if props.by_part { a.section_of[i].map_or(0, |s| s + 1) } else { sev_index(c.findings[i].severity) };
    // Key of the last group: the findings marked 已核实, listed apart.
    const DONE: usize = usize::MAX;
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for &i in listed.iter().take(props.limit) {
        match groups.last_mut() {
            Some(g) if g.0 == key(i) => g.1.push(i),
            _ => groups.push((key(i), vec![i])),
        }
    }
    let done: Vec<usize> = (0..c.findings.len())
        .filter(|&i| verified(i).is_some() && props.only.is_none_or(|s| c.findings[i].severity == s))
        .collect();
    let any_done = !done.is_empty();
    if any_done {
        groups.push((DONE, done));
    }
    let chip = |sev: Severity| {
        let on = props.act.reform(move |_| Action::Only(Some(sev)));
        let n = props.counts[sev_index(sev)];
        let pressed = props.only == Some(sev);
        html! {
            <button type="button" class={classes!("chip", sev_class(sev), pressed.then_some("on"))}
                aria-pressed={pressed.to_string()} data-sev={sev.as_str()} onclick={on}>
                {format!("{} {n}", sev.label_zh())}
            </button>
        }
    };
    let by_part = {
        let now = props.by_part;
        let on = props.act.reform(move |_| Action::ByPart(!now));
        html! {
            <button type="button" class="chip" id="by-part" aria-pressed={now.to_string()} onclick={move |_| on.emit(!now)}>
                {"按部分分组"}
            </button>
        }
    };
    let step = |fwd: bool, label: &'static str, id: &'static str| {
        let on = props.on_step.clone();
        html! { <button type="button" class="btn small" id={id} onclick={move |_| on.emit(fwd)} disabled={listed.is_empty()}>{label}</button> }
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
    // The finding whose 已核实 note is being written, and its input. The form follows its toggle
    // (aria-expanded), so Tab goes from one to the other.
    let editing = use_state(|| None::<usize>);
    let note = use_node_ref();
    let section_title = |s: Option<usize>| match s.and_then(|s| c.report.sections.get(s)) {
        Some(sec) => format!("{}{}", sec.ordinal, sec.title),
        None => "标题及开头".to_string(),
    };
    // Called from two lists: one body behind a reference, not inlined into each (it is large).
    let item: &dyn Fn(usize) -> Html = &|i: usize| {
        let f = &c.findings[i];
        let page = (!pages.is_empty()).then(|| pages.partition_point(|&p| p <= f.span.start)).filter(|&p| p > 0);
        let rule = rules::find(f.rule);
        let selected = props.selected == Some(i);
        let on = props.on_select.clone();
        let cells = a.target[i].map(|k| cell_label(&k));
        let fix = fix_label(a, i).filter(|_| f.cells.is_empty());
        let note_of = verified(i);
        // One toggle: 标为已核实… opens the note's form (then reads 取消), 取消核实 undoes a mark.
        let open = *editing == Some(i) && note_of.is_none();
        let toggle = {
            let (on, editing) = (props.act.clone(), editing.clone());
            let verified = note_of.is_some();
            move |_| match verified {
                true => on.emit(Action::Verify(i, None)),
                false => editing.set((!open).then_some(i)),
            }
        };
        let onsubmit = {
            let (ok, close, input) = (props.act.clone(), editing.clone(), note.clone());
            move |e: SubmitEvent| {
                e.prevent_default();
                let text = input.cast::<web_sys::HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
                ok.emit(Action::Verify(i, Some(text.trim().to_string())));
                close.set(None);
            }
        };
        let on_fix = props.act.reform(move |_| Action::Fix(i));
        let actions = html! {
            <div class="finding-actions">
                if let Some(n) = note_of {
                    <span class="verified-note">{"已核实："}{n.clone()}</span>
                } else if let Some((from, to)) = fix {
                    <button type="button" class="btn small fix" onclick={on_fix}>
                        {format!("一键修改：“{from}”→“{to}”")}
                    </button>
                }
                <button type="button" class={if note_of.is_some() { "btn small unverify" } else { "btn small verify" }}
                    aria-expanded={note_of.is_none().then(|| open.to_string())} onclick={toggle}>
                    {if note_of.is_some() { "取消核实" } else if open { "取消" } else { "标为已核实…" }}
                </button>
                if open {
                    <form class="verify-form" {onsubmit}>
                        <input type="text" class="verify-note" ref={note.clone()} maxlength="200" aria-label="核实说明（可选）"
                            placeholder="核实说明（可选）" />
                        <button type="submit" class="btn small">{"确认已核实"}</button>
                    </form>
                }
            </div>
        };
        html! {
            <li id={format!("finding-{i}")} class={classes!("finding", sev_class(f.severity), selected.then_some("selected"), note_of.map(|_| "verified"))}
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
                {actions}
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
    let group_title = |k: usize| {
        if k == DONE {
            "已核实（不计入问题数）".to_string()
        } else if props.by_part {
            section_title(k.checked_sub(1))
        } else {
            KINDS.get(k).map_or("", |&(_, t)| t).to_string()
        }
    };
    html! {
        <section class="findings" aria-labelledby="findings-h" data-seq={props.seq.to_string()} id="findings">
            <div class="findings-head">
                <h2 id="findings-h">{"问题清单"}</h2>
                <div class="filters" role="group" aria-label="只显示某一级别">
                    {chip(Severity::Error)}{chip(Severity::Warning)}{chip(Severity::Info)}{by_part}
                </div>
                <div class="nav" role="group" aria-label="逐条查看">
                    {step(false, "上一个 (k)", "prev")}{step(true, "下一个 (j)", "next")}
                    {export("json", "导出 JSON")}{export("csv", "导出 CSV")}
                </div>
            </div>
            if c.findings.is_empty() {
                <p class="empty ok">{"没有发现问题。仍建议人工通读全文。"}</p>
            } else if listed.is_empty() && !any_done {
                <p class="empty muted">{"所选级别下没有问题。"}</p>
            }
            {for groups.into_iter().map(|(k, items)| html! {
                <div class={if k == DONE { "group verified-group" } else { "group" }} id={(k == DONE).then_some("verified-list")}>
                    <h3>{group_title(k)}<span class="n">{items.len()}</span></h3>
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
