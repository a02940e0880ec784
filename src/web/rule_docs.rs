//! The rules' documentation (为什么/依据). Natively, and so in the SSR tests, it is compiled into each
//! rule. The web bundle leaves it out (≈ 21 KB gzip of its first load) and imports
//! `lazy/rule-docs.js` (made from the rules by `tests/rule_docs.rs`) the first time someone opens
//! 为什么/依据; `window.nianbaoRuleDocs(done)` in www/boot.js does the import.

use crate::rules::Rule;

/// A rule's documentation as far as the page has it.
#[derive(Clone, Debug, PartialEq)]
pub enum Docs {
    Ready(String),
    /// Not loaded yet (or being loaded).
    Pending,
    Failed,
}

#[cfg(not(target_arch = "wasm32"))]
pub fn docs_of(rule: &Rule) -> Docs {
    Docs::Ready(rule.docs.to_string())
}

/// Whether the documentation still has to be loaded.
#[cfg(not(target_arch = "wasm32"))]
pub fn needed() -> bool {
    false
}

/// Loads the documentation, then calls `done` (at once when there is nothing to load).
#[cfg(not(target_arch = "wasm32"))]
pub fn load(done: impl FnOnce() + 'static) {
    done()
}

#[cfg(target_arch = "wasm32")]
mod lazy {
    use super::{Docs, Rule};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    enum State {
        NotAsked,
        Loading(Vec<Box<dyn FnOnce()>>),
        /// "ID\u{1}docs\u{2}ID\u{1}docs…", as the module exports it.
        Loaded(String),
        Failed,
    }

    thread_local! {
        static STATE: RefCell<State> = const { RefCell::new(State::NotAsked) };
    }

    pub fn docs_of(rule: &Rule) -> Docs {
        STATE.with(|s| match &*s.borrow() {
            State::Loaded(all) => all
                .split('\u{2}')
                .find_map(|entry| entry.split_once('\u{1}').filter(|(id, _)| *id == rule.id))
                .map_or(Docs::Failed, |(_, text)| Docs::Ready(text.to_string())),
            State::Failed => Docs::Failed,
            _ => Docs::Pending,
        })
    }

    pub fn needed() -> bool {
        STATE.with(|s| matches!(*s.borrow(), State::NotAsked))
    }

    pub fn load(done: impl FnOnce() + 'static) {
        let start = STATE.with(|s| {
            let mut s = s.borrow_mut();
            match &mut *s {
                State::NotAsked => {
                    *s = State::Loading(vec![Box::new(done)]);
                    true
                }
                State::Loading(waiting) => {
                    waiting.push(Box::new(done));
                    false
                }
                State::Loaded(_) | State::Failed => {
                    drop(s);
                    done();
                    false
                }
            }
        });
        if !start {
            return;
        }
        let loader: Option<js_sys::Function> = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("nianbaoRuleDocs")).ok())
            .and_then(|f| f.dyn_into().ok());
        let Some(loader) = loader else { return finish(None) };
        let callback = Closure::once_into_js(move |text: JsValue| finish(text.as_string()));
        if loader.call1(&JsValue::NULL, &callback).is_err() {
            finish(None);
        }
    }

    /// Keeps what came (or that nothing did) and tells everyone waiting.
    fn finish(text: Option<String>) {
        let waiting = STATE.with(|s| {
            let next = text.map_or(State::Failed, State::Loaded);
            match std::mem::replace(&mut *s.borrow_mut(), next) {
                State::Loading(w) => w,
                _ => Vec::new(),
            }
        });
        waiting.into_iter().for_each(|f| f());
    }
}

#[cfg(target_arch = "wasm32")]
pub use lazy::{docs_of, load, needed};
