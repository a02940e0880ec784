//! Browser glue: storage, file decoding, clipboard, downloads and scrolling.
//!
//! Nothing here is called while rendering, so the components also render natively (ssr tests).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

const DRAFT_KEY: &str = "nianbao.draft";
/// Last year's report (the optional second slot), kept like the draft.
const PREVIOUS_KEY: &str = "nianbao.previous";
/// The findings marked 已核实 in the draft (`web::verify::store`), kept and forgotten with it.
const VERIFIED_KEY: &str = "nianbao.verified";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved draft, and whether storage can be used at all.
pub fn load_draft() -> (Option<String>, bool) {
    match storage().map(|s| s.get_item(DRAFT_KEY)) {
        Some(Ok(draft)) => (draft, true),
        _ => (None, false),
    }
}

/// Last year's report saved with the draft (empty when none).
pub fn load_previous() -> String {
    storage().and_then(|s| s.get_item(PREVIOUS_KEY).ok().flatten()).unwrap_or_default()
}

fn save(key: &str, text: &str) -> bool {
    let Some(s) = storage() else { return false };
    if text.is_empty() {
        return s.remove_item(key).is_ok();
    }
    s.set_item(key, text).is_ok()
}

/// Saves the draft and last year's report; `false` when the browser refuses (disabled or full).
pub fn save_draft(text: &str, previous: &str) -> bool {
    save(DRAFT_KEY, text) && save(PREVIOUS_KEY, previous)
}

/// The 已核实 entries saved with the draft (their stored form; empty when none).
pub fn load_verified() -> String {
    storage().and_then(|s| s.get_item(VERIFIED_KEY).ok().flatten()).unwrap_or_default()
}

pub fn save_verified(stored: &str) -> bool {
    save(VERIFIED_KEY, stored)
}

pub fn forget_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
        let _ = s.remove_item(PREVIOUS_KEY);
        let _ = s.remove_item(VERIFIED_KEY);
    }
}

/// Whether the page was opened from the batch page (`?from=batch`): then it offers the way back.
pub fn from_batch() -> bool {
    let url = web_sys::window().and_then(|w| w.document()).and_then(|d| d.url().ok()).unwrap_or_default();
    url.split_once('?').is_some_and(|(_, q)| q.split(['&', '#']).any(|p| p == "from=batch"))
}

/// Decodes file bytes like a careful browser: BOM first, then strict UTF-8, then GB18030.
/// Returns the text and the name of the encoding used.
pub fn decode(bytes: &mut [u8]) -> (String, &'static str) {
    let dec = |label: &str, fatal: bool, b: &mut [u8]| -> Option<String> {
        let opts = web_sys::TextDecoderOptions::new();
        opts.set_fatal(fatal);
        let d = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
        d.decode_with_u8_array(b).ok()
    };
    let (label, name) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => ("utf-8", "UTF-8"),
        [0xFF, 0xFE, ..] => ("utf-16le", "UTF-16LE"),
        [0xFE, 0xFF, ..] => ("utf-16be", "UTF-16BE"),
        _ => {
            if let Some(t) = dec("utf-8", true, bytes) {
                return (t, "UTF-8");
            }
            return (dec("gb18030", false, bytes).unwrap_or_default(), "GB18030");
        }
    };
    // The decoder strips the BOM itself.
    (dec(label, false, bytes).unwrap_or_default(), name)
}

/// A file as opened: text (with its encoding), or a Word/WPS document or PDF read as simple HTML.
pub enum Opened {
    Text(String, &'static str),
    /// The reader's HTML and what the file was ("docx", "doc", "pdf").
    File(String, String),
}

/// Whether a file's first bytes are those of a format only the file readers know: zip (.docx),
/// compound file (.doc/.wps), PDF, RTF, images, archives, programs. The readers say what it is
/// (or hand a text back); text and HTML never load them.
pub fn needs_reader(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 14] = [
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"\xD0\xCF\x11\xE0",
        b"{\\rtf",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"II*\0",
        b"MM\0*",
        b"Rar!",
        b"7z\xBC\xAF",
        b"\x1F\x8B",
        b"\x7FELF",
        b"\xDB\xA5",
    ];
    MAGIC.iter().any(|m| bytes.starts_with(m)) || bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// Opens a file: text is decoded here; a Word/WPS document or PDF goes to the file readers
/// (dist/readers/reader-worker.js, a module worker loaded now, not with the page). `done` gets the
/// result or a message for people.
pub fn open_file(file: web_sys::File, done: impl FnOnce(Result<Opened, String>) + 'static) {
    open_boxed(file, Box::new(done));
}

/// What to do with an opened file: boxed, so that the reading code exists once for all callers.
type Done = Box<dyn FnOnce(Result<Opened, String>)>;

fn open_boxed(file: web_sys::File, done: Done) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let d2 = done.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::once(move |buf: JsValue| {
        let mut bytes = js_sys::Uint8Array::new(&buf).to_vec();
        let Some(f) = done.borrow_mut().take() else { return };
        if !needs_reader(&bytes) {
            let (text, enc) = decode(&mut bytes);
            return f(Ok(Opened::Text(text, enc)));
        }
        read_with_readers(bytes, f);
    });
    let err = Closure::<dyn FnMut(JsValue)>::once(move |_e: JsValue| {
        if let Some(f) = d2.borrow_mut().take() {
            f(Err("无法读取该文件".to_string()));
        }
    });
    let _ = file.array_buffer().then2(&ok, &err);
    ok.forget();
    err.forget();
}

fn read_with_readers(bytes: Vec<u8>, done: Done) {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = match web_sys::Worker::new_with_options("readers/reader-worker.js", &opts) {
        Ok(w) => w,
        Err(_) => return done(Err("无法启动文件读取器（浏览器不支持模块 Worker）".into())),
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (d1, d2) = (done.clone(), done);
    let (w1, w2) = (worker.clone(), worker.clone());
    let kept = std::rc::Rc::new(std::cell::RefCell::new(Some(bytes.clone())));
    let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        w1.terminate();
        let Some(f) = d1.borrow_mut().take() else { return };
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok().and_then(|v| v.as_string());
        f(match (get("error"), get("kind"), get("html")) {
            (Some(message), ..) => Err(message),
            (None, Some(kind), Some(html)) => Ok(Opened::File(html, kind)),
            _ => match kept.borrow_mut().take() {
                // The readers found text after all (a .doc that is HTML, a "BM…" text).
                Some(mut b) => {
                    let (text, enc) = decode(&mut b);
                    Ok(Opened::Text(text, enc))
                }
                None => Err("文件读取器没有给出结果".into()),
            },
        });
    });
    let onerror = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
        e.prevent_default();
        w2.terminate();
        if let Some(f) = d2.borrow_mut().take() {
            f(Err(format!("文件读取器载入失败（{}）", e.message())));
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    // The worker ends with the file; the two handlers go with it.
    onmessage.forget();
    onerror.forget();
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"bytes".into(), &js_sys::Uint8Array::from(&bytes[..]).buffer());
    let _ = worker.post_message(&msg);
}

/// What the clipboard offers on paste.
pub enum Pasted {
    Html(String),
    Text(String),
}

/// Prefers `text/html` (it keeps the table structure), else `text/plain`.
pub fn pasted(e: &web_sys::ClipboardEvent) -> Option<Pasted> {
    let dt = e.clipboard_data()?;
    let html = dt.get_data("text/html").unwrap_or_default();
    if html.contains('<') {
        return Some(Pasted::Html(html));
    }
    let text = dt.get_data("text/plain").unwrap_or_default();
    (!text.is_empty()).then_some(Pasted::Text(text))
}

/// Is the whole content of the text area selected (or is it empty)? Then a paste replaces it.
pub fn replaces_all(t: &HtmlTextAreaElement) -> bool {
    let len = js_sys::JsString::from(t.value()).length();
    let start = t.selection_start().ok().flatten().unwrap_or(0);
    let end = t.selection_end().ok().flatten().unwrap_or(0);
    len == 0 || (start == 0 && end >= len)
}

/// Inserts text at the caret (replacing the selection). Not `execCommand("insertText")`: it keeps the
/// undo history but takes ~0.2 s for a 2,500-character report in Chromium, which the drafter would feel.
pub fn insert_text(t: &HtmlTextAreaElement, text: &str) -> String {
    let value = js_sys::JsString::from(t.value());
    let start = t.selection_start().ok().flatten().unwrap_or(value.length());
    let end = t.selection_end().ok().flatten().unwrap_or(start).max(start);
    let next = value.substring(0, start).concat(&JsValue::from_str(text)).concat(&value.substring(end, value.length()));
    let next = String::from(next);
    // A large draft never goes into the box (components/input.rs): laying it out would freeze the page.
    if next.len() <= crate::web::state::LIVE_LIMIT {
        t.set_value(&next);
        let caret = start + js_sys::JsString::from(text).length();
        let _ = t.set_selection_range(caret, caret);
    }
    next
}

/// Offers `content` as a file download (Blob + object URL; nothing leaves the machine).
pub fn download(name: &str, mime: &str, content: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        doc.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        // Revoke later: revoking at once can cancel the download in some browsers.
        gloo_timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    };
    run().is_some()
}

fn by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Restarts the flash animation on an element.
fn flash(el: &Element) {
    let list = el.class_list();
    let _ = list.remove_1("flash");
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.offset_width(); // force a reflow so the animation starts again
    }
    let _ = list.add_1("flash");
}

/// Selects `[start, end)` (UTF-16 offsets of its value) in the draft's text box, scrolled inside the
/// box to about a third of its height; with `focus`, focuses the box and brings it into the page's
/// view. `false` when there is no such box (a large draft is not shown in it).
pub fn select_in_draft(start: u32, end: u32, focus: bool) -> bool {
    let Some(t) = by_id("report-input").and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else { return false };
    let value = js_sys::JsString::from(t.value());
    if t.read_only() || end > value.length() {
        return false;
    }
    // The height of the text up to the selection is where the selection is: measured on the box
    // itself (same width, font and wrapping), by giving it that text for a moment. (Browsers do not
    // reliably scroll a text box to a selection set by script.)
    t.set_value(&String::from(value.substring(0, start)));
    t.set_scroll_top(0);
    let y = t.scroll_height();
    t.set_value(&String::from(&value));
    if focus {
        let _ = t.focus();
    }
    let _ = t.set_selection_range(start, end);
    t.set_scroll_top((y - t.client_height() / 3).max(0));
    if focus {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        t.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    true
}

/// Shows a finding: its words selected in the text box (`words`, UTF-16 offsets, when the box holds
/// the checked text), its cell marked and flashed, its marks in 原文标注 flashed, the list item kept in
/// view. The page scrolls to the list item, then the cell, then (with `focus`) the text box: side by
/// side the box is sticky and already in view, so the cell stays in view; on a narrow screen (one
/// column) the last scroll, to the box, wins, so what is shown is never off-screen. Without `focus`
/// (j/k) the words are selected in the box but the focus stays where it is.
pub fn reveal(finding: usize, cell_id: Option<&str>, words: Option<(u32, u32)>, focus: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(item) = by_id(&format!("finding-{finding}")) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        item.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    if let (Some(src), Ok(marks)) = (by_id("source-text"), doc.query_selector_all(&format!("#source-text .f{finding}")))
    {
        for i in 0..marks.length() {
            if let Some(m) = marks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if i == 0 {
                    if let (Some(m), Some(s)) = (m.dyn_ref::<HtmlElement>(), src.dyn_ref::<HtmlElement>()) {
                        let top = m.offset_top() - s.client_height() / 3;
                        s.set_scroll_top(top.max(0));
                    }
                }
                flash(&m);
            }
        }
    }
    if let Some(cell) = cell_id.and_then(by_id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        opts.set_inline(web_sys::ScrollLogicalPosition::Center);
        cell.scroll_into_view_with_scroll_into_view_options(&opts);
        flash(&cell);
    }
    if let Some((a, b)) = words {
        select_in_draft(a, b, focus);
    }
}

/// Listens for j/k (and n/p) outside text fields; returns a guard that removes the listener.
pub struct KeyListener {
    closure: Closure<dyn FnMut(web_sys::KeyboardEvent)>,
}

impl KeyListener {
    pub fn new(mut on: impl FnMut(bool) + 'static) -> Option<KeyListener> {
        let closure = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
            if in_field {
                return;
            }
            match e.key().as_str() {
                "j" | "n" => {
                    e.prevent_default();
                    on(true)
                }
                "k" | "p" => {
                    e.prevent_default();
                    on(false)
                }
                _ => {}
            }
        });
        let doc = web_sys::window()?.document()?;
        doc.add_event_listener_with_callback("keydown", closure.as_ref().unchecked_ref()).ok()?;
        Some(KeyListener { closure })
    }
}

impl Drop for KeyListener {
    fn drop(&mut self) {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let _ = doc.remove_event_listener_with_callback("keydown", self.closure.as_ref().unchecked_ref());
        }
    }
}

/// `window.nianbaoCheck(text, previous, today, done)`, set by www/boot.js once the check worker runs.
fn worker_function() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &JsValue::from_str("nianbaoCheck")).ok()?.dyn_into().ok()
}

/// Whether large drafts can be checked in the check worker.
pub fn worker_ready() -> bool {
    worker_function().is_some()
}

/// Sends a draft to the check worker; `done` gets the encoded analysis (`web::wire`) or a message.
/// `false` when there is no worker.
pub fn check_in_worker(
    text: &str,
    previous: &str,
    today: Option<crate::report::Date>,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) -> bool {
    let Some(f) = worker_function() else { return false };
    let today = today.map_or(0, |d| d.year.max(0) as u32 * 10000 + d.month * 100 + d.day);
    let callback = Closure::once_into_js(move |answer: JsValue| {
        done(match answer.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Ok(bytes.to_vec()),
            Err(message) => Err(message.as_string().unwrap_or_else(|| "后台检查出错".to_string())),
        })
    });
    let args = js_sys::Array::of4(&text.into(), &previous.into(), &today.into(), &callback);
    f.apply(&JsValue::NULL, &args).is_ok()
}
