//! The page: wires the reducer to the components, the debounce timer, storage and scrolling.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::components::{cell_id, FindingList, InputPanel, PreviousSlot, SourceView, Summary, Tables};
use crate::web::dom;
use crate::web::state::{Action, Keep, Shared, State};
use crate::web::verify;

/// How long typing must pause before the draft is checked again.
const DEBOUNCE_MS: u32 = 250;

/// Delay between showing "正在检查…" and running an on-demand check (lets the page paint, and
/// leaves time to cancel).
const CHECK_NOW_DELAY_MS: u32 = 300;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The draft restored from localStorage (or a text to start with).
    #[prop_or_default]
    pub initial: String,
    /// Last year's report restored from localStorage (`nianbao.previous`).
    #[prop_or_default]
    pub previous: String,
    /// The draft's 已核实 entries restored from localStorage (`nianbao.verified`, `verify::store`).
    #[prop_or_default]
    pub verified: String,
    /// Whether localStorage could be opened at all.
    #[prop_or(true)]
    pub storage_ok: bool,
    /// Today's date, for the rule that no date in the report lies in the future.
    #[prop_or_default]
    pub today: Option<crate::report::Date>,
    /// Opened from the batch page (`?from=batch`): show the way back to its results.
    #[prop_or_default]
    pub from_batch: bool,
    /// The check worker is there (www/boot.js started it): large drafts are checked in it.
    #[prop_or_default]
    pub worker: bool,
}

/// What a file was, for the notice.
fn kind_name(kind: &str) -> &'static str {
    match kind {
        "docx" => "Word 文档（.docx）",
        "doc" => "Word/WPS 文档（.doc/.wps）",
        "pdf" => "PDF",
        _ => "文件",
    }
}

/// Opens a file into the draft: text and HTML as they are; a Word/WPS document or PDF as the
/// simple HTML its reader makes (tables with their merged cells), which is checked like pasted HTML
/// and shown as its text. A file that cannot be read gets a notice styled as an error.
/// The 示例报告 is not in the first load: `window.nianbaoSample` (www/boot.js) imports it from
/// lazy/sample.js, or hands it over inline in the offline file.
fn load_sample(dispatch: UseReducerDispatcher<State>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let loader: Option<js_sys::Function> = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("nianbaoSample")).ok())
        .and_then(|f| f.dyn_into().ok());
    let failed = |d: &UseReducerDispatcher<State>| {
        d.dispatch(Action::Notice(Some("示例报告未能载入，请刷新页面后再试。".into())))
    };
    let Some(loader) = loader else { return failed(&dispatch) };
    let d = dispatch.clone();
    let done = Closure::once_into_js(move |text: JsValue| match text.as_string() {
        Some(text) => d
            .dispatch(Action::Load {
                text, notice: Some("已载入示例报告（2024 年某镇年报，从 Word 复制）。".into())
            }),
        None => failed(&d),
    });
    if loader.call1(&JsValue::NULL, &done).is_err() {
        failed(&dispatch);
    }
}

fn load_file(file: web_sys::File, dispatch: UseReducerDispatcher<State>) {
    let name = file.name();
    dispatch.dispatch(Action::Notice(Some(format!("正在读取 {name}…"))));
    dom::open_file(file, move |r| match r {
        Ok(dom::Opened::Text(text, enc)) => {
            dispatch.dispatch(Action::Load { text, notice: Some(format!("已打开文件 {name}（{enc} 编码）")) })
        }
        Ok(dom::Opened::File(html, kind)) => dispatch.dispatch(Action::Load {
            text: html,
            notice: Some(format!(
                "已读取 {name}（{}）：检查的是从文件中提取的文字和表格，见“原文标注”。",
                kind_name(&kind)
            )),
        }),
        Err(e) => dispatch.dispatch(Action::Problem(format!("无法打开 {name}：{e}"))),
    });
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || {
            let mut s =
                State::restored(p.initial, p.previous, p.today, p.worker).with_verified(verify::load(&p.verified));
            if !p.storage_ok {
                s.keep = Keep::Unavailable;
            }
            s
        })
    };
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let dispatch = state.dispatcher();

    // Save the draft after each check (the check already waited for typing to pause), and its
    // 已核实 entries when they change. A web page is saved as its markup until it is edited.
    {
        let input = state.source().to_string();
        let previous = state.previous.clone();
        let verified = verify::store(&state.verified);
        let keep = state.keep;
        let d = dispatch.clone();
        use_effect_with((state.seq, state.vseq), move |_| {
            if keep == Keep::Saved && !(dom::save_draft(&input, &previous) && dom::save_verified(&verified)) {
                d.dispatch(Action::Keep(Keep::Unavailable));
            }
        });
    }
    // A large draft goes to the check worker; only the answer to the latest job is taken (reducer).
    {
        let job =
            (state.busy && state.worker).then(|| (state.source().to_string(), state.previous.clone(), state.today));
        let d = dispatch.clone();
        use_effect_with(state.job, move |&id| {
            if let Some((text, previous, today)) = job {
                let (checked_text, answered) = (text.clone(), d.clone());
                let sent = dom::check_in_worker(&text, &previous, today, move |answer| {
                    let action = match answer.and_then(|bytes| {
                        crate::web::wire::decode(&bytes, checked_text)
                            .ok_or_else(|| "后台检查的结果无法读取".to_string())
                    }) {
                        Ok(a) => Action::Analysed { job: id, analysis: Shared(Rc::new(a)) },
                        Err(message) => Action::WorkerFailed { job: id, message },
                    };
                    answered.dispatch(action);
                });
                if !sent {
                    d.dispatch(Action::WorkerFailed { job: id, message: "后台检查不可用".into() });
                }
            }
        });
    }
    // Show the selected finding: its words selected in the text box (when the box holds the checked
    // text), its cell and marks flashed; after 一键修改, the new words selected.
    {
        let s = &*state;
        let utf16 = |span: crate::span::Span| {
            let at = |b: usize| s.input.get(..b).map(|t| t.encode_utf16().count() as u32);
            Some((at(span.start)?, at(span.end)?))
        };
        let same = s.result.as_ref().is_some_and(|r| r.display == s.input);
        let target = s.selected.map(|i| {
            let r = s.result.as_ref();
            let cell = r.and_then(|r| r.target.get(i).copied().flatten()).map(|k| cell_id(&k));
            let words = r.filter(|_| same).and_then(|r| r.display_spans.get(i).copied()).and_then(utf16);
            (i, cell, words)
        });
        let focus = !s.stepped;
        use_effect_with(s.reveal, move |_| {
            if let Some((i, cell, words)) = target {
                dom::reveal(i, cell.as_deref(), words, focus);
            }
        });
    }
    // j/k outside text fields.
    {
        let d = dispatch.clone();
        use_effect_with((), move |_| {
            let guard = dom::KeyListener::new(move |fwd| d.dispatch(if fwd { Action::Next } else { Action::Prev }));
            move || drop(guard)
        });
    }

    // Typing in either text box keeps the text and checks again once typing pauses.
    let typed = |keep: fn(String) -> Action| {
        let d = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |e: InputEvent| {
            let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else { return };
            d.dispatch(keep(t.value()));
            let d2 = d.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || d2.dispatch(Action::Recheck)));
        })
    };
    let oninput = typed(Action::Edit);
    let onpaste = {
        let d = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |e: Event| {
            let (Some(ce), Some(t)) = (
                e.dyn_ref::<web_sys::ClipboardEvent>(),
                e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()),
            ) else {
                return;
            };
            let Some(p) = dom::pasted(ce) else { return };
            e.prevent_default();
            let all = dom::replaces_all(&t);
            match p {
                // A whole report copied from a web page or Word: its markup is checked (the tables keep
                // their structure) and the box shows its text.
                dom::Pasted::Html(html) if all => d.dispatch(Action::Load {
                    text: html,
                    notice: Some(
                        "已粘贴带格式的内容（网页/Word）：框中显示其文字，表格结构按原样识别；修改文字后按文字检查。"
                            .to_string(),
                    ),
                }),
                dom::Pasted::Html(_) => {
                    let text = ce.clipboard_data().and_then(|c| c.get_data("text/plain").ok()).unwrap_or_default();
                    d.dispatch(Action::Edit(dom::insert_text(&t, &text)));
                    d.dispatch(Action::Recheck);
                }
                dom::Pasted::Text(text) if all => d.dispatch(Action::Load { text, notice: None }),
                dom::Pasted::Text(text) => {
                    d.dispatch(Action::Edit(dom::insert_text(&t, &text)));
                    d.dispatch(Action::Recheck);
                }
            }
            // The insertion fired an input event: its debounced re-check is not needed.
            *timer.borrow_mut() = None;
        })
    };
    let on_previous_input = typed(Action::Previous);
    let on_previous_file = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                let name = f.name();
                let d = d.clone();
                dom::open_file(f, move |r| match r {
                    Ok(opened) => {
                        let (text, how) = match opened {
                            dom::Opened::Text(text, enc) => (text, format!("{enc} 编码")),
                            dom::Opened::File(html, kind) => (html, kind_name(&kind).to_string()),
                        };
                        d.dispatch(Action::Previous(text));
                        d.dispatch(Action::Notice(Some(format!("已打开上年报告 {name}（{how}）"))));
                        d.dispatch(Action::Recheck);
                    }
                    Err(e) => d.dispatch(Action::Problem(format!("无法打开上年报告 {name}：{e}"))),
                });
            }
            input.set_value("");
        })
    };
    let on_previous_clear = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            d.dispatch(Action::Previous(String::new()));
            d.dispatch(Action::Recheck);
        })
    };
    let onfile = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                load_file(f, d.clone());
            }
            input.set_value("");
        })
    };
    let ondrop = {
        let d = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(f) = e.data_transfer().and_then(|dt| dt.files()).and_then(|l| l.get(0)) {
                load_file(f, d.clone());
            }
        })
    };
    let on_sample = {
        let d = dispatch.clone();
        Callback::from(move |_| load_sample(d.clone()))
    };
    let on_clear = {
        let d = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |_| {
            *timer.borrow_mut() = None;
            d.dispatch(Action::Clear)
        })
    };
    let on_forget = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            dom::forget_draft();
            d.dispatch(Action::Keep(Keep::Off))
        })
    };
    // Large drafts: check on demand. In the worker at once; on the page busy first, so that it
    // paints "正在检查…" before the check blocks it. Cancel drops the pending check or its answer.
    let on_check_now = {
        let d = dispatch.clone();
        let timer = timer.clone();
        let worker = state.worker;
        Callback::from(move |_| {
            if worker {
                d.dispatch(Action::CheckNow);
                return;
            }
            d.dispatch(Action::Busy(true));
            let d2 = d.clone();
            *timer.borrow_mut() = Some(Timeout::new(CHECK_NOW_DELAY_MS, move || d2.dispatch(Action::CheckNow)));
        })
    };
    let on_cancel_check = {
        let d = dispatch.clone();
        let timer = timer.clone();
        Callback::from(move |_| {
            *timer.borrow_mut() = None;
            d.dispatch(Action::Busy(false))
        })
    };
    let on_select = {
        let d = dispatch.clone();
        Callback::from(move |i: usize| d.dispatch(Action::Select(i)))
    };
    let on_more = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::More))
    };
    // The findings list's own actions (chips, grouping, 一键修改, 已核实).
    let act = {
        let d = dispatch.clone();
        Callback::from(move |a| d.dispatch(a))
    };
    let on_undo = act.reform(|_| Action::Undo);
    let on_step = {
        let d = dispatch.clone();
        Callback::from(move |fwd: bool| d.dispatch(if fwd { Action::Next } else { Action::Prev }))
    };
    let on_export = {
        let d = dispatch.clone();
        let result = state.result.clone();
        let marks = state.marks.clone();
        Callback::from(move |kind: &'static str| {
            let Some(r) = &result else { return };
            // The findings as exported: with their 已核实 notes.
            let checked = crate::web::state::exported(r, &marks);
            let name = r.checked.report.org.clone().unwrap_or_else(|| "年报".to_string());
            let ok = match kind {
                "json" => dom::download(
                    "年报体检结果.json",
                    "application/json;charset=utf-8",
                    &crate::output::json::render(&[(name, checked)]),
                ),
                _ => {
                    let csv = format!(
                        "\u{feff}{}\r\n{}",
                        crate::output::csv::HEADER,
                        crate::output::csv::rows(&name, &r.text, &checked).replace("\r\n", "\n").replace('\n', "\r\n")
                    );
                    dom::download("年报体检结果.csv", "text/csv;charset=utf-8", &csv)
                }
            };
            if !ok {
                d.dispatch(Action::Notice(Some("导出失败：浏览器不允许下载文件。".into())));
            }
        })
    };

    let s = &*state;
    let counts = s.counts();
    html! {
        <div class="page">
            <header class="masthead">
                <h1>{"年报体检"}</h1>
                <p class="tagline">{"政府信息公开工作年度报告检查 · 全部在您的浏览器里完成，报告内容不会上传或发送到任何地方"}</p>
                <nav class="masthead-nav">
                    if props.from_batch {
                        <a href="batch/index.html" id="back-to-batch">{"← 返回批量结果"}</a>
                    }
                    <a href="batch/index.html" id="batch-link">{"批量检查"}</a>
                </nav>
            </header>
            <div class="layout">
                <div class="col-input">
                    <InputPanel value={s.input.clone()} keep={s.keep} notice={s.notice.clone()} notice_error={s.notice_error}
                        {oninput} {onpaste} {onfile} {ondrop} {on_sample} {on_clear} {on_forget}
                        undo={s.undo.as_ref().map(|u| u.what)} {on_undo} />
                    <PreviousSlot value={s.previous.clone()} oninput={on_previous_input} onfile={on_previous_file}
                        on_clear={on_previous_clear} />
                    if s.stale {
                        <div class="notice large-draft" id="large-draft" role="status" aria-live="polite"
                            data-busy={s.busy.to_string()}>
                            if s.busy {
                                <progress id="check-progress" aria-label="正在检查"></progress>
                                {format!(" 正在检查（{} KB）… {}", (s.input.len() + s.previous.len()) / 1024,
                                    if s.worker { "在后台进行，页面可以照常使用。 " } else { "检查期间页面会短暂停止响应。 " })}
                                <button type="button" class="btn small" id="cancel-check" onclick={on_cancel_check}>{"取消"}</button>
                            } else {
                                {format!("文本较大（{} KB）：为避免页面卡顿，已暂停自动检查。 ", (s.input.len() + s.previous.len()) / 1024)}
                                <button type="button" class="btn small" id="check-now" onclick={on_check_now}>{"立即检查"}</button>
                            }
                        </div>
                    }
                    if let Some(r) = &s.result {
                        <SourceView result={r.clone()} selected={s.selected} on_select={on_select.clone()} />
                    }
                </div>
                <div class="col-results">
                    if let Some(r) = &s.result {
                        <Summary result={r.clone()} counts={Some(counts)} />
                        <FindingList result={r.clone()} seq={s.seq} only={s.only} by_part={s.by_part} marks={s.marks.clone()} {counts}
                            selected={s.selected} limit={s.limit} on_select={on_select.clone()} {act}
                            {on_step} {on_export} {on_more} />
                        <Tables result={r.clone()} selected={s.selected} on_select={on_select} />
                    } else {
                        <section class="intro">
                            <h2>{"怎样使用"}</h2>
                            <ol>
                                <li>{"从 Word、WPS 或网页复制年报全文，粘贴到左侧（手机上在上方）；或打开、拖入 .txt / .htm / .html / .md 文件。"}</li>
                                <li>{"每次修改后自动重新检查：表格勾稽关系、总计、正文与表格是否一致、年份、格式等。"}</li>
                                <li>{"点击问题可定位到表格中的单元格和原文中的位置；按 j / k 逐条查看。"}</li>
                                <li>{"可导出问题清单（JSON、CSV），或用浏览器打印为 PDF。"}</li>
                            </ol>
                            <p class="muted">{"还没有报告？点“示例报告”看看效果。"}</p>
                        </section>
                    }
                </div>
            </div>
            <footer class="foot muted">{"年报体检 · 依据《中华人民共和国政府信息公开条例》及国办公开办函〔2021〕30号年度报告格式 · 离线可用"}</footer>
        </div>
    }
}
