//! T2, T3 and T4 redrawn in the official layout, each recognised value in its cell, faulty cells
//! marked by severity with the findings' messages on hover and focus.

use yew::prelude::*;

use crate::report::{CellKey, Format, T2Row, T3Col, T3Row, T4Col, TableId};
use crate::web::components::{cell_id, cell_label, sev_class};
use crate::web::state::{Analysis, Key, Shared};

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub result: Shared,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The tooltip of a cell: its name, value and every finding about it.
fn tip(a: &Analysis, key: &Key) -> String {
    let mut lines = vec![cell_label(key)];
    let cell = a.cell(key);
    match cell {
        None => lines.push("未识别到该单元格".to_string()),
        Some(c) if c.value.is_none() && c.raw.trim().is_empty() => lines.push("空白".to_string()),
        Some(c) if c.value.is_none() => lines.push(format!("“{}”不是数字", c.raw.trim())),
        Some(_) => {}
    }
    for &i in a.cell_findings.get(key).map(Vec::as_slice).unwrap_or_default() {
        let f = &a.checked.findings[i];
        lines.push(format!("[{}] {}：{}", f.severity.label_zh(), f.rule, f.message));
        if let Some(asm) = &f.assumption {
            lines.push(format!("假设：{asm}"));
        }
    }
    lines.join("\n")
}

/// What every cell needs besides its key.
struct Ctx<'a> {
    a: &'a Analysis,
    sel: Option<usize>,
    on_select: &'a Callback<usize>,
    on_focus: &'a Callback<Key>,
}

fn td(cx: &Ctx, key: Key) -> Html {
    td_span(cx, key, 1)
}

fn td_span(cx: &Ctx, key: Key, colspan: usize) -> Html {
    let (a, selected, on_select) = (cx.a, cx.sel, cx.on_select);
    let cell = a.cell(&key);
    let findings = a.cell_findings.get(&key);
    let mut class = classes!("num");
    let blank = cell.is_some_and(|c| c.value.is_none() && c.raw.trim().is_empty());
    let assumed = blank && findings.is_some_and(|l| l.iter().any(|&i| a.checked.findings[i].assumption.is_some()));
    if cell.is_none() {
        class.push("missing");
    }
    if blank {
        class.push("blank");
    }
    if assumed {
        class.push("assumed");
    }
    if let Some((sev, primary)) = a.severity_of_cell(&key) {
        class.push(sev_class(sev));
        class.push(if primary { "fault" } else { "operand" });
    }
    if selected.is_some_and(|s| a.target.get(s).copied().flatten() == Some(key)) {
        class.push("selected");
    }
    let text = match cell {
        Some(_) if blank => {
            html! { <span class="blank-mark"><span class="visually-hidden">{"空白"}</span>{if assumed { "空→0" } else { "" }}</span> }
        }
        Some(c) => html! { c.raw.trim().to_string() },
        None => html! {},
    };
    let first = findings.and_then(|l| l.iter().copied().find(|&i| a.target[i] == Some(key)).or(l.first().copied()));
    let onclick = first.map(|i| on_select.reform(move |_: MouseEvent| i));
    let tip = tip(a, &key);
    let focusable = findings.is_some() || assumed;
    let onfocus = focusable.then(|| cx.on_focus.reform(move |_: FocusEvent| key));
    html! {
        <td id={cell_id(&key)} {class} colspan={(colspan > 1).then(|| colspan.to_string())} title={tip}
            tabindex={focusable.then_some("0")} {onclick} {onfocus}>{text}</td>
    }
}

/// A T3 row in the official layout: (key, label, group label with its row count on the group's first row).
type LayoutRow = (T3Row, &'static str, Option<(&'static str, usize)>);

fn t3_rows(v2019: bool) -> Vec<LayoutRow> {
    let mut rows = vec![
        (T3Row::R03, "（一）予以公开", None),
        (T3Row::R04, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ];
    let mut groups: Vec<(&str, &[T3Row])> = vec![
        ("（三）不予公开", &T3Row::WITHHELD),
        ("（四）无法提供", &T3Row::UNAVAILABLE),
        ("（五）不予处理", &T3Row::NOT_PROCESSED),
    ];
    if !v2019 {
        groups.push(("（六）其他处理", &T3Row::OTHER_2021));
    }
    for (g, keys) in groups {
        for (i, &k) in keys.iter().enumerate() {
            rows.push((k, sub_label(k), (i == 0).then_some((g, keys.len()))));
        }
    }
    if v2019 {
        rows.push((T3Row::R21_23, "（六）其他处理", None));
    }
    rows.push((T3Row::R24, "（七）总计", None));
    rows
}

/// "（三）1.属于国家秘密" → "1.属于国家秘密".
fn sub_label(key: T3Row) -> &'static str {
    let name = key.name();
    name.split_once('）').map_or(name, |(_, rest)| rest)
}

fn t3(cx: &Ctx, shown: &mut Vec<Key>) -> Html {
    let a = cx.a;
    let has_row = |r: T3Row| a.cells.keys().any(|k| matches!(k, CellKey::T3(x, _) if *x == r));
    let v2019 = a.checked.report.format == Format::V2019 || (has_row(T3Row::R21_23) && !has_row(T3Row::R21));
    let mut row_cells = |row: T3Row| -> Html {
        T3Col::SEVEN
            .iter()
            .map(|&c| {
                shown.push(CellKey::T3(row, c));
                td(cx, CellKey::T3(row, c))
            })
            .collect()
    };
    let body = t3_rows(v2019);
    let n = body.len();
    html! {
        <table class="report-table t3" id="table-T3" aria-label="收到和处理政府信息公开申请情况">
            <thead>
                <tr><th colspan="3" rowspan="3" class="corner">{"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"}</th>
                    <th colspan="7">{"申请人情况"}</th></tr>
                <tr><th rowspan="2">{T3Col::C1.name()}</th><th colspan="5">{"法人或其他组织"}</th><th rowspan="2">{T3Col::C7.name()}</th></tr>
                <tr>{for T3Col::ORGS.iter().map(|c| html! { <th>{c.name()}</th> })}</tr>
            </thead>
            <tbody>
                <tr><th colspan="3" class="label">{T3Row::R01.name()}</th>{row_cells(T3Row::R01)}</tr>
                <tr><th colspan="3" class="label">{T3Row::R02.name()}</th>{row_cells(T3Row::R02)}</tr>
                {for body.into_iter().enumerate().map(|(i, (key, label, group))| {
                    let head = (i == 0).then(|| html! { <th rowspan={n.to_string()} class="label group">{"三、本年度办理结果"}</th> });
                    let in_group = !matches!(key, T3Row::R03 | T3Row::R04 | T3Row::R21_23 | T3Row::R24);
                    let label_cells = match group {
                        Some((g, span)) => html! { <><th rowspan={span.to_string()} class="label group">{g}</th><th class="label">{label}</th></> },
                        None if in_group => html! { <th class="label">{label}</th> },
                        None => html! { <th colspan="2" class="label">{label}</th> },
                    };
                    html! { <tr>{head}{label_cells}{row_cells(key)}</tr> }
                })}
                <tr><th colspan="3" class="label">{T3Row::R25.name()}</th>{row_cells(T3Row::R25)}</tr>
            </tbody>
        </table>
    }
}

fn t2(cx: &Ctx, shown: &mut Vec<Key>) -> Html {
    let a = cx.a;
    let v2019 = a.checked.report.format == Format::V2019;
    use T2Row::*;
    let groups: Vec<(&str, &[T2Row])> = if v2019 {
        vec![
            ("第二十条第（一）项", &[Regulations, NormativeDocs]),
            ("第二十条第（五）项", &[Licensing, OtherServices]),
            ("第二十条第（六）项", &[Penalty, Enforcement]),
            ("第二十条第（八）项", &[Fees]),
            ("第二十条第（九）项", &[Procurement]),
        ]
    } else {
        vec![
            ("第二十条第（一）项", &[Regulations, NormativeDocs]),
            ("第二十条第（五）项", &[Licensing]),
            ("第二十条第（六）项", &[Penalty, Enforcement]),
            ("第二十条第（八）项", &[Fees]),
        ]
    };
    let width = 4;
    html! {
        <table class="report-table t2" id="table-T2" aria-label="主动公开政府信息情况">
            <tbody>
            {for groups.into_iter().map(|(title, rows)| {
                let cols = rows[0].columns(v2019);
                let span = (width - 1) / cols.len();
                html! { <>
                    <tr><th colspan={width.to_string()} class="group-title">{title}</th></tr>
                    <tr><th>{"信息内容"}</th>{for cols.iter().map(|c| html! { <th colspan={span.to_string()}>{c.name()}</th> })}</tr>
                    {for rows.iter().map(|row| html! {
                        <tr><th class="label">{row.name()}</th>
                        {for row.columns(v2019).iter().map(|&c| {
                            shown.push(CellKey::T2(*row, c));
                            td_span(cx, CellKey::T2(*row, c), span)
                        })}
                        </tr>
                    })}
                </> }
            })}
            </tbody>
        </table>
    }
}

fn t4(cx: &Ctx, shown: &mut Vec<Key>) -> Html {
    let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    html! {
        <table class="report-table t4" id="table-T4" aria-label="政府信息公开行政复议、行政诉讼情况">
            <thead>
                <tr><th colspan="5" rowspan="2">{"行政复议"}</th><th colspan="10">{"行政诉讼"}</th></tr>
                <tr><th colspan="5">{"未经复议直接起诉"}</th><th colspan="5">{"复议后起诉"}</th></tr>
                <tr>{for (0..3).flat_map(|_| results.iter()).map(|r| html! { <th>{*r}</th> })}</tr>
            </thead>
            <tbody>
                <tr>{for T4Col::ALL.iter().map(|&c| { shown.push(CellKey::T4(c)); td(cx, CellKey::T4(c)) })}</tr>
            </tbody>
        </table>
    }
}

#[function_component]
pub fn Tables(props: &TablesProps) -> Html {
    let a = &*props.result;
    // The focused cell's explanation is shown under its table (a tooltip would be clipped by the
    // table's horizontal scroll box on phones).
    let focused = use_state(|| None::<Key>);
    let on_focus = {
        let focused = focused.clone();
        Callback::from(move |k: Key| focused.set(Some(k)))
    };
    let cx = Ctx { a, sel: props.selected, on_select: &props.on_select, on_focus: &on_focus };
    let mut shown = Vec::new();
    let t2 = t2(&cx, &mut shown);
    let t3 = t3(&cx, &mut shown);
    let t4 = t4(&cx, &mut shown);
    let tip_box = |t: TableId| match *focused {
        Some(k) if k.table() == t => {
            html! { <p class="cell-tip" id={format!("tip-{}", t.as_str())} role="status">{tip(a, &k)}</p> }
        }
        _ => html! {},
    };
    // Anything recognised that has no place in the official layout (subtotal rows, 小计 columns …).
    let mut extra: Vec<&crate::CellView> = a.checked.report.cells.iter().filter(|c| !shown.contains(&c.key)).collect();
    crate::sort::sort_by_key(&mut extra, |c| (c.span.start, c.span.end, c.key));
    let found = |t: TableId| a.cells.keys().any(|k| k.table() == t);
    let note = |t: TableId| (!found(t)).then(|| html! { <p class="muted">{"未识别到此表。"}</p> });
    html! {
        <section class="tables" aria-labelledby="tables-h">
            <h2 id="tables-h">{"表格核对"}</h2>
            <p class="legend">
                <span class="sw sev-error fault">{"错误"}</span>
                <span class="sw sev-warning fault">{"警告"}</span>
                <span class="sw sev-info fault">{"提示"}</span>
                <span class="sw operand sev-error">{"参与计算的单元格"}</span>
                <span class="sw assumed">{"空→0 空白按 0 计"}</span>
                <span class="muted">{"悬停或用 Tab 键聚焦有标记的单元格，可查看公式与应有数值。"}</span>
            </p>
            <h3>{"二、主动公开政府信息情况"}</h3>
            {note(TableId::T2)}
            <div class="scroll-x">{t2}</div>
            {tip_box(TableId::T2)}
            <h3>{"三、收到和处理政府信息公开申请情况"}</h3>
            {note(TableId::T3)}
            <div class="scroll-x">{t3}</div>
            {tip_box(TableId::T3)}
            <h3>{"四、政府信息公开行政复议、行政诉讼情况"}</h3>
            {note(TableId::T4)}
            <div class="scroll-x">{t4}</div>
            {tip_box(TableId::T4)}
            if !extra.is_empty() {
                <h3>{"其他识别到的数值"}</h3>
                <ul class="extra-cells">
                    {for extra.iter().map(|c| {
                        html! { <li>{cell_label(&c.key)}{"："}<table class="inline"><tr>{td(&cx, c.key)}</tr></table></li> }
                    })}
                </ul>
            }
        </section>
    }
}
