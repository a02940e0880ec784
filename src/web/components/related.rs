//! A finding's passages side by side with last year's (N-COPY-PREV, C5-SAME-PROBLEMS): 本年 | 上年.
//! A view function (no component state: it costs less wasm), called from the findings list.

use yew::prelude::*;

/// A table (caption, column headers) in a scrolling region; the passages are text nodes, never markup.
/// Narrow screens stack the two cells, each labelled by its `data-h`.
pub fn related_view(pairs: &[(String, String)]) -> Html {
    if pairs.is_empty() {
        return Html::default();
    }
    let title = format!("与上年报告对照（{} 处）", pairs.len());
    html! {
        <div class="related" role="region" tabindex="0" aria-label={title.clone()}>
            <table>
                <caption>{title}</caption>
                <thead><tr><th scope="col">{"本年报告"}</th><th scope="col">{"上年报告"}</th></tr></thead>
                <tbody>
                    {for pairs.iter().map(|(now, before)| html! {
                        <tr><td data-h="本年报告">{now.as_str()}</td><td data-h="上年报告">{before.as_str()}</td></tr>
                    })}
                </tbody>
            </table>
        </div>
    }
}
