//! The browser app (Yew): paste or open a report, see every finding pointed at its cell and sentence.
//!
//! `state` is a pure reducer, `components` hold markup and callbacks only, `dom` is the browser glue.

pub mod app;
pub mod components;
pub mod dom;
pub mod rule_docs;
pub mod state;
pub mod verify;
pub mod wire;

pub use app::{App, AppProps};

/// Mounts the app on the page's `<main id="app">` (or the body), with the draft saved last time.
/// In the check worker (no window) there is nothing to mount: the worker only calls `analyse_encoded`.
pub fn run() {
    if web_sys::window().is_none() {
        return;
    }
    let (draft, storage_ok) = dom::load_draft();
    let now = js_sys::Date::new_0();
    let today =
        crate::report::Date { year: now.get_full_year() as i32, month: now.get_month() + 1, day: now.get_date() };
    let props = AppProps {
        initial: draft.unwrap_or_default(),
        previous: dom::load_previous(),
        verified: dom::load_verified(),
        storage_ok,
        today: Some(today),
        from_batch: dom::from_batch(),
        worker: dom::worker_ready(),
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    // One way to mount (each costs its own code): into #app, emptied first, else after the body's content.
    let root = match doc.get_element_by_id("app") {
        Some(el) => {
            el.set_inner_html("");
            el
        }
        None => match doc.body() {
            Some(b) => b.into(),
            None => return,
        },
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The check worker's entry (www/check-worker.js): checks a large draft off the page's thread and
/// returns the analysis as `wire` bytes. `today` is `yyyymmdd`, or 0 when unknown.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn analyse_encoded(text: &str, previous: &str, today: u32) -> Vec<u8> {
    let today = (today > 0).then_some(crate::report::Date {
        year: (today / 10000) as i32,
        month: today / 100 % 100,
        day: today % 100,
    });
    wire::encode(&state::analyse_with(text, today, previous))
}
