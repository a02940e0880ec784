//! The user's own text with the findings' spans highlighted in place (our own `<mark>`s; for HTML
//! input the visible text of their markup, never the markup itself).

use yew::prelude::*;

use crate::input::InputKind;
use crate::web::components::sev_class;
use crate::web::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub result: Shared,
    pub on_select: Callback<usize>,
}

/// Splits `text` at every span boundary: (start, end, findings covering the piece).
pub fn pieces(text: &str, spans: &[crate::span::Span]) -> Vec<(usize, usize, Vec<usize>)> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in spans {
        for b in [s.start, s.end] {
            if b <= text.len() && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let cover = spans
                .iter()
                .enumerate()
                .filter(|(_, s)| s.start <= a && b <= s.end && s.start < s.end)
                .map(|(i, _)| i)
                .collect();
            (a, b, cover)
        })
        .collect()
}

#[function_component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let a = &*props.result;
    let text = &a.display;
    let findings = &a.checked.findings;
    let parts = pieces(text, &a.display_spans);
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
    html! {
        <section class="source" aria-labelledby="source-h">
            <h2 id="source-h">{"原文标注"}</h2>
            <p class="muted small">
                {if a.checked.input == InputKind::Html { "网页内容已转为文字显示（表格每行一行、单元格以制表符分隔），不执行其中任何代码。" } else { "下面是您粘贴的原文，有问题的位置已标出，点击可定位到对应问题。" }}
            </p>
            <pre id="source-text" class="source-text" tabindex="0">{body}</pre>
        </section>
    }
}
