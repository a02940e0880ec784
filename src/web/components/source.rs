//! The user's own text with the findings' spans highlighted in place (our own `<mark>`s; for HTML
//! input the visible text of their markup, never the markup itself).

use yew::prelude::*;

use crate::input::InputKind;
use crate::span::{floor_char_boundary, Span};
use crate::web::components::sev_class;
use crate::web::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub result: Shared,
    /// The selected finding: the window that holds it is shown.
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// Text longer than this is shown a window at a time: laying out megabytes of marked text would
/// freeze the page for seconds.
pub const WINDOW: usize = 64 * 1024;

/// `[start, end)` windows of `text`: about `WINDOW` bytes each, ending after a line break when one
/// comes soon.
pub fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = floor_char_boundary(text, start + WINDOW);
        // Look for the line break only a little further (not to the end: one long line would make
        // this quadratic).
        let near = floor_char_boundary(text, end + WINDOW / 4);
        if let Some(nl) = text[end..near].find('\n') {
            end += nl + 1;
        }
        out.push((start, end));
        start = end;
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// Splits `text[window]` at every span boundary: (start, end, findings covering the piece), in one
/// sweep over the spans sorted by start.
pub fn pieces(text: &str, spans: &[Span], window: (usize, usize)) -> Vec<(usize, usize, Vec<usize>)> {
    let (lo, hi) = window;
    let mut inside: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start < s.end && s.start < hi && s.end > lo)
        .map(|(i, s)| (s.start.max(lo), s.end.min(hi), i))
        .collect();
    crate::sort::sort(&mut inside);
    let mut cuts: Vec<usize> = vec![lo, hi];
    cuts.extend(inside.iter().flat_map(|&(a, b, _)| [a, b]).filter(|&b| text.is_char_boundary(b)));
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut next = 0;
    let mut active: Vec<(usize, usize, usize)> = Vec::new();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            while next < inside.len() && inside[next].0 <= a {
                active.push(inside[next]);
                next += 1;
            }
            active.retain(|&(_, end, _)| end > a);
            let mut cover: Vec<usize> = active.iter().filter(|&&(s, e, _)| s <= a && b <= e).map(|x| x.2).collect();
            crate::sort::sort(&mut cover);
            (a, b, cover)
        })
        .collect()
}

#[function_component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let a = &*props.result;
    let text = &a.display;
    let findings = &a.checked.findings;
    let wins = windows(text);
    // The window of the selected finding, unless the reader moved since selecting it.
    let moved = use_state(|| None::<(Option<usize>, usize)>);
    let of_selected = props
        .selected
        .and_then(|i| a.display_spans.get(i))
        .and_then(|s| wins.iter().position(|w| s.start < w.1 || w.1 == text.len()));
    let page = match *moved {
        Some((sel, p)) if sel == props.selected && p < wins.len() => p,
        _ => of_selected.unwrap_or(0),
    };
    let parts = pieces(text, &a.display_spans, wins[page]);
    let body: Html = parts
        .into_iter()
        .map(|(s, e, cover)| {
            let piece = text[s..e].to_string();
            if cover.is_empty() {
                return html! { piece };
            }
            let sev = cover.iter().map(|&i| findings[i].severity).max().map(sev_class);
            let mut class = classes!("hl", sev);
            for i in &cover {
                class.push(format!("f{i}"));
            }
            let title = cover
                .iter()
                .map(|&i| format!("{}：{}", findings[i].rule, findings[i].message))
                .collect::<Vec<_>>()
                .join("\n");
            let first = cover[0];
            let on = props.on_select.reform(move |_: MouseEvent| first);
            html! { <mark {class} {title} onclick={on}>{piece}</mark> }
        })
        .collect();
    let go = |to: usize, label: &'static str, id: &'static str| {
        let (moved, selected) = (moved.clone(), props.selected);
        html! {
            <button type="button" class="btn small" {id} disabled={to == page || to >= wins.len()}
                onclick={move |_| moved.set(Some((selected, to)))}>{label}</button>
        }
    };
    html! {
        <section class="source" aria-labelledby="source-h">
            <h2 id="source-h">{"原文标注"}</h2>
            <p class="muted small">
                {if a.checked.input == InputKind::Html { "网页内容已转为文字显示（表格每行一行、单元格以制表符分隔），不执行其中任何代码。" } else { "下面是您粘贴的原文，有问题的位置已标出，点击可定位到对应问题。" }}
            </p>
            if wins.len() > 1 {
                <div class="source-nav" role="group" aria-label="原文分段">
                    {go(page.saturating_sub(1), "上一段", "source-prev")}
                    <span id="source-page">{format!(" 第 {}/{} 段（原文较长，分段显示） ", page + 1, wins.len())}</span>
                    {go(page + 1, "下一段", "source-next")}
                </div>
            }
            <pre id="source-text" class="source-text" tabindex="0">{body}</pre>
        </section>
    }
}
