//! The JS API for pages that embed the checker (feature `embed`, no Yew).
//!
//! `check(input, options)` returns one file's entry of the JSON of contract.md §2/§3 — `path`,
//! `input`, `report`, `findings` — where every finding, section and cell carries `span16`, the span
//! in UTF-16 code units (JavaScript string indices) next to `span` in UTF-8 bytes. `rules()` returns
//! the catalogue. Values are built with serde-wasm-bindgen's JSON-compatible serializer: measured
//! 2.6 KB gzip smaller than serde_json text + `JSON.parse` (docs/embed.md).
//! Types: www/embed/nianbao.d.ts.

use crate::diag::Finding;
use crate::report::Date;
use crate::span::Span;
use crate::{CellView, Checked, Options, SectionView};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Byte offset → UTF-16 offset for one text, in O(1) per lookup after one pass.
pub struct Utf16Map {
    /// `at[i]` is the UTF-16 offset of the char boundary at or below byte `i`.
    at: Vec<u32>,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for c in text.chars() {
            at.extend(std::iter::repeat_n(units, c.len_utf8()));
            units += c.len_utf16() as u32;
        }
        at.push(units);
        Utf16Map { at }
    }

    pub fn offset(&self, byte: usize) -> usize {
        self.at[byte.min(self.at.len() - 1)] as usize
    }

    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.offset(span.start), self.offset(span.end)]
    }
}

/// A serialised item with its UTF-16 span next to its own fields.
#[derive(Serialize)]
pub struct With16<'a, T> {
    #[serde(flatten)]
    pub item: &'a T,
    pub span16: [usize; 2],
}

#[derive(Serialize)]
pub struct ReportOut<'a> {
    pub title: &'a Option<String>,
    pub org: &'a Option<String>,
    pub year: Option<i32>,
    pub format: crate::report::Format,
    pub sections: Vec<With16<'a, SectionView>>,
    pub cells: Vec<With16<'a, CellView>>,
}

/// One file's entry of the JSON output (contract.md §3), with `span16` everywhere there is a `span`.
#[derive(Serialize)]
pub struct CheckedOut<'a> {
    pub path: Option<&'a str>,
    pub input: crate::input::InputKind,
    pub report: ReportOut<'a>,
    pub findings: Vec<With16<'a, Finding>>,
}

impl<'a> CheckedOut<'a> {
    pub fn new(c: &'a Checked, map: &Utf16Map, path: Option<&'a str>) -> CheckedOut<'a> {
        let r = &c.report;
        CheckedOut {
            path,
            input: c.input,
            report: ReportOut {
                title: &r.title,
                org: &r.org,
                year: r.year,
                format: r.format,
                sections: r.sections.iter().map(|s| With16 { item: s, span16: map.span(s.span) }).collect(),
                cells: r.cells.iter().map(|s| With16 { item: s, span16: map.span(s.span) }).collect(),
            },
            findings: c.findings.iter().map(|f| With16 { item: f, span16: map.span(f.span) }).collect(),
        }
    }
}

/// One rule of the catalogue.
#[derive(Serialize)]
pub struct RuleOut {
    pub id: &'static str,
    pub severity: crate::diag::Severity,
    pub title: &'static str,
    pub help: &'static str,
    pub docs: &'static str,
}

pub fn rule_list() -> Vec<RuleOut> {
    crate::rules::all()
        .map(|r| RuleOut { id: r.id, severity: r.severity, title: r.title, help: r.help, docs: r.docs })
        .collect()
}

/// `YYYY-MM-DD` (or `YYYY-M-D`).
pub fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.trim().split('-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (it.next()??, it.next()??, it.next()??);
    (it.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date {
        year: year as i32,
        month,
        day,
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(Into::into)
}

fn get(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// Checks one report given as text or HTML. `options`: `{previous?: string, today?: string | null,
/// path?: string}`; `today` defaults to the browser's date, `null` skips the "date after today" part.
#[wasm_bindgen]
pub fn check(input: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let previous = get(&options, "previous").as_string();
    let today = match get(&options, "today") {
        v if v.is_null() => None,
        v if v.is_undefined() => {
            let now = js_sys::Date::new_0();
            Some(Date { year: now.get_full_year() as i32, month: now.get_month() + 1, day: now.get_date() })
        }
        v => match v.as_string().as_deref().and_then(parse_date) {
            Some(d) => Some(d),
            None => return Err(JsValue::from_str("options.today: expected \"YYYY-MM-DD\" or null")),
        },
    };
    let path = get(&options, "path").as_string();
    let checked = crate::check(input, &Options { previous, today });
    let map = Utf16Map::new(input);
    to_js(&CheckedOut::new(&checked, &map, path.as_deref()))
}

/// The rule catalogue: id, severity, title, help and the Markdown docs of every rule.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&rule_list())
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_map_matches_span_utf16_offset() {
        let t = "a一😀\n二b";
        let m = Utf16Map::new(t);
        for i in 0..=t.len() + 2 {
            assert_eq!(m.offset(i), crate::span::utf16_offset(t, i), "byte {i}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-3-31"), Some(Date { year: 2025, month: 3, day: 31 }));
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("x"), None);
    }
}
