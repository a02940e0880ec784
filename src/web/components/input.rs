//! The paste area with its buttons: open a file, drop a file, load the sample, clear, forget the draft.

use yew::prelude::*;

use crate::web::state::{Keep, LIVE_LIMIT};

/// A draft over `LIVE_LIMIT` is kept but not put into its text box: Chromium takes ~0.8 s per MB to
/// lay out a textarea (and again on every resize), which would freeze the page. The box stays empty
/// and read-only (typing would replace the whole draft), and its placeholder says what it holds.
fn shown(value: &str) -> (&str, Option<String>) {
    if value.len() <= LIVE_LIMIT {
        return (value, None);
    }
    let lines = value.bytes().filter(|&b| b == b'\n').count() + 1;
    let size = match value.len() {
        n if n < 1_048_576 => format!("{} KB", n / 1024),
        n => format!("{}.{} MB", n / 1_048_576, n % 1_048_576 * 10 / 1_048_576),
    };
    let note = format!(
        "已载入 {size} 文本（{lines} 行）。文本较大，为保持页面流畅不在此显示：检查结果见问题清单，原文可在“原文标注”中分段阅读。\
         如需修改，请在原文件中修改后重新打开或粘贴（粘贴会替换它）。"
    );
    ("", Some(note))
}

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub value: String,
    pub keep: Keep,
    pub notice: Option<String>,
    /// The notice is an error (a file that cannot be read).
    #[prop_or_default]
    pub notice_error: bool,
    pub oninput: Callback<InputEvent>,
    pub onpaste: Callback<Event>,
    pub onfile: Callback<Event>,
    pub ondrop: Callback<DragEvent>,
    pub on_sample: Callback<()>,
    pub on_clear: Callback<()>,
    pub on_forget: Callback<()>,
    /// The offer to undo the last replacement of the draft: what happened.
    #[prop_or_default]
    pub undo: Option<&'static str>,
    #[prop_or_default]
    pub on_undo: Callback<()>,
}

#[function_component]
pub fn InputPanel(p: &InputPanelProps) -> Html {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on = p.ondrop.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            on.emit(e);
        })
    };
    let (text, large) = shown(&p.value);
    let sample = p.on_sample.reform(|_: MouseEvent| ());
    let clear = p.on_clear.reform(|_: MouseEvent| ());
    let forget = p.on_forget.reform(|_: MouseEvent| ());
    let keep_text = match p.keep {
        Keep::Saved => "草稿只保存在本机浏览器（localStorage）里，刷新页面不会丢失；内容不会发送到任何地方。",
        Keep::Off => "草稿已从本机删除；再次编辑时会重新保存。",
        Keep::Unavailable => "浏览器不允许保存草稿（可能是隐私模式或存储已满）：检查照常进行，但刷新后草稿不会保留。",
    };
    html! {
        <section class={classes!("input", (*dragging).then_some("dragging"))} aria-labelledby="input-h"
            {ondragover} {ondragleave} {ondrop}>
            <div class="input-head">
                <h2 id="input-h">{"粘贴或打开年报"}</h2>
                <div class="actions">
                    <input type="file" id="file-input" class="visually-hidden" accept=".txt,.htm,.html,.md,.docx,.doc,.wps,.pdf,text/plain,text/html,text/markdown,application/pdf" onchange={p.onfile.clone()} />
                    <label class="btn" for="file-input">{"打开文件…"}</label>
                    <button type="button" class="btn" id="sample" onclick={sample}>{"示例报告"}</button>
                    <button type="button" class="btn" id="clear" onclick={clear} disabled={p.value.is_empty()}>{"清空"}</button>
                </div>
            </div>
            <textarea id="report-input" class="paste" spellcheck="false" aria-labelledby="input-h" aria-describedby="keep-note"
                placeholder={large.clone().unwrap_or_else(|| "从 Word、WPS、网页或 PDF 复制年报全文，粘贴到这里；也可以打开或拖入 Word/WPS 文档（.docx、.doc、.wps）、PDF 或 .txt / .htm / .html / .md 文件。".into())}
                readonly={large.is_some()} data-large={large.is_some().then_some("true")}
                value={text.to_string()} oninput={p.oninput.clone()} onpaste={p.onpaste.clone()} />
            <p class={classes!("keep", (p.keep == Keep::Unavailable).then_some("warn"))} id="keep-note">
                {keep_text}
                if p.keep == Keep::Saved {
                    {" "}<button type="button" class="link" id="forget" onclick={forget}>{"忘记草稿"}</button>
                }
            </p>
            // The notice, and the offer to undo (清空, 示例报告, a new paste or file, 一键修改) with it.
            if p.notice.is_some() || p.undo.is_some() {
                <p class={classes!("notice", p.notice_error.then_some("error"))} id="notice"
                    role={if p.notice_error { "alert" } else { "status" }}>
                    {p.notice.clone().unwrap_or_default()}
                    if let Some(what) = p.undo {
                        {" "}{what}{" "}
                        <button type="button" class="btn small" id="undo" onclick={p.on_undo.reform(|_: MouseEvent| ())}>
                            {"撤销"}
                        </button>
                    }
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviousSlotProps {
    pub value: String,
    pub oninput: Callback<InputEvent>,
    pub onfile: Callback<Event>,
    pub on_clear: Callback<()>,
}

/// The optional second slot: last year's report of the same body, for the year-over-year rules
/// (YOY-*, N-COPY-PREV, N-SAME-NUMBERS-PREV, C5-SAME-PROBLEMS). Collapsed until it holds a text.
#[function_component]
pub fn PreviousSlot(p: &PreviousSlotProps) -> Html {
    let clear = p.on_clear.reform(|_: MouseEvent| ());
    let filled = !p.value.trim().is_empty();
    let (text, large) = shown(&p.value);
    html! {
        <details class="previous" id="previous-slot" open={filled}>
            <summary>{"上年报告（可选）"}
                if filled { <span class="muted" id="previous-state">{" · 已填写，参与逐年比对"}</span> }
            </summary>
            <p class="muted">{"粘贴或打开同一机关上一年度的年报，即可检查上年结转、与上年雷同、问题照搬等逐年比对项目。"}</p>
            <div class="actions">
                <input type="file" id="previous-file" class="visually-hidden" accept=".txt,.htm,.html,.md,.docx,.doc,.wps,.pdf,text/plain,text/html,text/markdown,application/pdf" onchange={p.onfile.clone()} />
                <label class="btn" for="previous-file">{"打开上年文件…"}</label>
                <button type="button" class="btn" id="previous-clear" onclick={clear} disabled={!filled}>{"清空上年报告"}</button>
            </div>
            <textarea id="previous-input" class="paste previous-paste" spellcheck="false" aria-label="上年报告全文"
                placeholder={large.clone().unwrap_or_else(|| "上年报告全文（可选）".into())} readonly={large.is_some()}
                value={text.to_string()} oninput={p.oninput.clone()} />
        </details>
    }
}
