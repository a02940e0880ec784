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

// The web app's 已核实 notes (src/web/verify.rs), read here for the batch page: `verified_spans`.
#[allow(dead_code)] // the app's side of it (storing) is not needed here
#[path = "web/verify.rs"]
mod verify;

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
    pub findings: Vec<FindingOut<'a>>,
}

/// A finding with `span16`, and its `related` passages and `fix` in UTF-16 code units too. Its
/// `verified` note (已核实) comes with the finding when set.
#[derive(Serialize)]
pub struct FindingOut<'a> {
    #[serde(flatten)]
    pub item: &'a Finding,
    pub span16: [usize; 2],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related16: Vec<Related16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix16: Option<Fix16<'a>>,
}

/// `fix` in UTF-16 code units: `input.slice(0, span16[0]) + replacement + input.slice(span16[1])`.
#[derive(Serialize)]
pub struct Fix16<'a> {
    pub span16: [usize; 2],
    pub replacement: &'a str,
}

/// `related[i]` in UTF-16 code units: `span16` into the input, `previous16` into `options.previous`.
#[derive(Serialize)]
pub struct Related16 {
    pub span16: [usize; 2],
    pub previous16: [usize; 2],
}

impl<'a> CheckedOut<'a> {
    /// `map` converts offsets of the input, `previous` those of last year's report (when given).
    pub fn new(c: &'a Checked, map: &Utf16Map, previous: Option<&Utf16Map>, path: Option<&'a str>) -> CheckedOut<'a> {
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
            findings: c
                .findings
                .iter()
                .map(|f| FindingOut {
                    item: f,
                    span16: map.span(f.span),
                    related16: previous
                        .map(|p| {
                            let pair = |r: &crate::diag::Related| Related16 {
                                span16: map.span(r.span),
                                previous16: p.span(r.previous),
                            };
                            f.related.iter().map(pair).collect()
                        })
                        .unwrap_or_default(),
                    fix16: f.fix.as_ref().map(|x| Fix16 { span16: map.span(x.span), replacement: &x.replacement }),
                })
                .collect(),
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
    let today = today_of(&options)?;
    let path = get(&options, "path").as_string();
    let verified = verified_of(&get(&options, "verified"))?;
    let options = Options { previous, today };
    let mut checked = crate::check(input, &options);
    let map = Utf16Map::new(input);
    mark_verified(&mut checked, &map, &verified);
    // Last year's text is mapped only when some finding points into it.
    let related = checked.findings.iter().any(|f| !f.related.is_empty());
    let prev_map = options.previous.as_deref().filter(|_| related).map(Utf16Map::new);
    to_js(&CheckedOut::new(&checked, &map, prev_map.as_ref(), path.as_deref()))
}

fn today_of(options: &JsValue) -> Result<Option<Date>, JsValue> {
    match get(options, "today") {
        v if v.is_null() => Ok(None),
        v if v.is_undefined() => {
            let now = js_sys::Date::new_0();
            Ok(Some(Date { year: now.get_full_year() as i32, month: now.get_month() + 1, day: now.get_date() }))
        }
        v => match v.as_string().as_deref().and_then(parse_date) {
            Some(d) => Ok(Some(d)),
            None => Err(JsValue::from_str("options.today: expected \"YYYY-MM-DD\" or null")),
        },
    }
}

/// A finding the page's user has verified (已核实): `{rule, span16, note?}`, matched by rule and
/// UTF-16 span to a finding of the same input.
struct VerifiedIn {
    rule: String,
    span16: [usize; 2],
    note: String,
}

fn verified_of(v: &JsValue) -> Result<Vec<VerifiedIn>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(Vec::new());
    }
    let arr: &js_sys::Array =
        v.dyn_ref().ok_or_else(|| JsValue::from_str("verified: expected an array of {rule, span16, note?}"))?;
    arr.iter()
        .map(|e| {
            let span = get(&e, "span16");
            let at = |i: u32| js_sys::Reflect::get(&span, &JsValue::from(i)).ok().and_then(|x| x.as_f64());
            match (get(&e, "rule").as_string(), at(0), at(1)) {
                (Some(rule), Some(a), Some(b)) => Ok(VerifiedIn {
                    rule,
                    span16: [a as usize, b as usize],
                    note: get(&e, "note").as_string().unwrap_or_default(),
                }),
                _ => Err(JsValue::from_str("verified: each entry needs rule (string) and span16 ([start, end])")),
            }
        })
        .collect()
}

/// Sets `verified` on the findings the entries name (by rule and UTF-16 span of the input).
fn mark_verified(checked: &mut Checked, map: &Utf16Map, entries: &[VerifiedIn]) {
    if entries.is_empty() {
        return;
    }
    for f in &mut checked.findings {
        let span16 = map.span(f.span);
        if let Some(e) = entries.iter().find(|e| e.rule == f.rule && e.span16 == span16) {
            f.verified = Some(e.note.clone());
        }
    }
}

/// One report of a batch as the batch functions take it: `{path, text, previous?, verified?}` where
/// `previous` is the index of last year's report in the same array.
struct BatchItem {
    path: String,
    text: String,
    previous: Option<usize>,
    verified: Vec<VerifiedIn>,
}

fn batch_items(entries: &JsValue) -> Result<Vec<BatchItem>, JsValue> {
    let arr: &js_sys::Array =
        entries.dyn_ref().ok_or_else(|| JsValue::from_str("entries: expected an array of {path, text, previous?}"))?;
    arr.iter()
        .map(|e| {
            Ok(BatchItem {
                path: get(&e, "path").as_string().unwrap_or_default(),
                text: get(&e, "text").as_string().unwrap_or_default(),
                previous: get(&e, "previous").as_f64().map(|p| p as usize),
                verified: verified_of(&get(&e, "verified"))?,
            })
        })
        .collect()
}

/// Checks every item of a batch, each paired one against its `previous` item, as `check_all` does.
fn check_items(items: &[BatchItem], today: Option<Date>) -> Vec<Checked> {
    items
        .iter()
        .map(|it| {
            let previous = it.previous.and_then(|p| items.get(p)).map(|p| p.text.clone());
            let mut checked = crate::check(&it.text, &Options { previous, today });
            mark_verified(&mut checked, &Utf16Map::new(&it.text), &it.verified);
            checked
        })
        .collect()
}

#[derive(Serialize)]
struct PairingOut {
    /// `previous[i]`: index of last year's report of the same unit, or null.
    previous: Vec<Option<usize>>,
    /// `[i, [candidates…]]`: reports left unpaired because several reports of year − 1 match.
    ambiguous: Vec<(usize, Vec<usize>)>,
}

/// Year-over-year pairing of a batch (crate::batch::pair): `ids` is an array of `{org, year}` (as in
/// `check(…).report`); returns `{previous: [index | null], ambiguous: [[i, [j, …]], …]}`. Same unit
/// name (blanks removed, width-folded) and year − 1, exactly one candidate; otherwise unpaired.
#[wasm_bindgen]
pub fn pair(ids: JsValue) -> Result<JsValue, JsValue> {
    let arr: &js_sys::Array =
        ids.dyn_ref().ok_or_else(|| JsValue::from_str("ids: expected an array of {org, year}"))?;
    let owned: Vec<(Option<String>, Option<i32>)> =
        arr.iter().map(|e| (get(&e, "org").as_string(), get(&e, "year").as_f64().map(|y| y as i32))).collect();
    let ids: Vec<(Option<&str>, Option<i32>)> = owned.iter().map(|(o, y)| (o.as_deref(), *y)).collect();
    let p = crate::batch::pair(&ids);
    to_js(&PairingOut { previous: p.previous, ambiguous: p.ambiguous })
}

/// The 整改清单 workbook (.xlsx bytes, sheets 汇总 and 问题清单) of a batch: `entries` is an array of
/// `{path, text, previous?}` (`previous`: index of last year's report in `entries`); every report
/// is checked again here, with `options.today` as in `check`.
#[wasm_bindgen]
pub fn workbook(entries: JsValue, options: JsValue) -> Result<js_sys::Uint8Array, JsValue> {
    let items = batch_items(&entries)?;
    let checked = check_items(&items, today_of(&options)?);
    let list: Vec<crate::output::xlsx::Entry> = items
        .iter()
        .zip(&checked)
        .map(|(it, c)| crate::output::xlsx::Entry { path: &it.path, source: &it.text, checked: c })
        .collect();
    Ok(js_sys::Uint8Array::from(crate::output::xlsx::workbook(&list).as_slice()))
}

/// The CLI's CSV of a batch (header `path,rule,severity,table,row,col,line,message`, CRLF, no BOM),
/// or with `options.lang === 'zh'` the Chinese 整改清单 of `--format csv-zh` (单位, 年度, 文件, 严重程度,
/// 规则, 问题, 位置, 行号, 修改建议, 已核实, 说明): `entries` and `options.today` as for `workbook`.
#[wasm_bindgen]
pub fn csv(entries: JsValue, options: JsValue) -> Result<String, JsValue> {
    let items = batch_items(&entries)?;
    let checked = check_items(&items, today_of(&options)?);
    let zh = get(&options, "lang").as_string().as_deref() == Some("zh");
    let mut out = if zh { crate::output::csv::header_zh() } else { crate::output::csv::HEADER.to_string() };
    out.push('\n');
    for (it, c) in items.iter().zip(&checked) {
        if zh {
            let e = crate::output::sheet::Entry { path: &it.path, source: &it.text, checked: c };
            out.push_str(&crate::output::csv::rows_zh(&e));
        } else {
            out.push_str(&crate::output::csv::rows(&it.path, &it.text, c));
        }
    }
    Ok(out.replace("\r\n", "\n").replace('\n', "\r\n"))
}

/// The 整改意见 (letter to the unit) of report `index` of a batch (`entries` as for `workbook`, so
/// that it is checked against its `previous` report and its `verified` entries count): a printable
/// HTML page (string), or with `options.format === 'docx'` the bytes of a .docx (Uint8Array).
#[wasm_bindgen]
pub fn letter(entries: JsValue, index: usize, options: JsValue) -> Result<JsValue, JsValue> {
    let items = batch_items(&entries)?;
    let it = items.get(index).ok_or_else(|| JsValue::from_str("index: no such entry"))?;
    let previous = it.previous.and_then(|p| items.get(p)).map(|p| p.text.clone());
    let mut checked = crate::check(&it.text, &Options { previous, today: today_of(&options)? });
    mark_verified(&mut checked, &Utf16Map::new(&it.text), &it.verified);
    let e = crate::output::sheet::Entry { path: &it.path, source: &it.text, checked: &checked };
    Ok(match get(&options, "format").as_string().as_deref() {
        Some("docx") => js_sys::Uint8Array::from(crate::output::letter::docx(&e).as_slice()).into(),
        _ => JsValue::from_str(&crate::output::letter::html(&e)),
    })
}

#[derive(Serialize)]
struct VerifiedOut {
    rule: &'static str,
    span16: [usize; 2],
    note: String,
}

/// The findings of `input` that the web app's 已核实 notes mark (`notes`: their stored form, as the app
/// keeps them in localStorage `nianbao.verified`, keyed by rule and words), as `[{rule, span16, note}]`:
/// how the batch page takes back what was verified in the app. `options`: `{previous?, today?}` as
/// for `check`.
#[wasm_bindgen(js_name = verifiedSpans)]
pub fn verified_spans(input: &str, notes: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let previous = get(&options, "previous").as_string();
    let checked = crate::check(input, &Options { previous, today: today_of(&options)? });
    let v = checked.visible.as_ref();
    let shown: Vec<Span> = checked.findings.iter().map(|f| verify::shown_span(input, v, f.span)).collect();
    let words = verify::words(v.map_or(input, |v| &v.text), &shown);
    let marks = verify::notes(&checked.findings, &words, &verify::load(notes));
    let map = Utf16Map::new(input);
    let out: Vec<VerifiedOut> = checked
        .findings
        .iter()
        .zip(marks)
        .filter_map(|(f, note)| Some(VerifiedOut { rule: f.rule, span16: map.span(f.span), note: note? }))
        .collect();
    to_js(&out)
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
    fn batch_items_are_checked_against_their_previous_item() {
        let this = include_str!("../www/sample.txt").to_string();
        let last = this.replace("2024", "2023");
        let items = [
            BatchItem { path: "a".into(), text: this.clone(), previous: Some(1), verified: Vec::new() },
            BatchItem { path: "b".into(), text: last, previous: None, verified: Vec::new() },
            BatchItem { path: "c".into(), text: this, previous: Some(9), verified: Vec::new() },
        ];
        let checked = check_items(&items, None);
        let has = |c: &Checked| c.findings.iter().any(|f| f.rule == "N-COPY-PREV");
        assert!(has(&checked[0]) && !has(&checked[1]) && !has(&checked[2]));
    }

    #[test]
    fn fixes_in_utf16_and_verified_by_rule_and_span16() {
        let text = include_str!("../www/sample.txt");
        let mut checked = crate::check(text, &Options::default());
        let map = Utf16Map::new(text);
        let i = checked.findings.iter().position(|f| f.rule == "N-PLAN-YEAR").expect("the sample's error");
        let at = map.span(checked.findings[i].span);
        let entries = [VerifiedIn { rule: "N-PLAN-YEAR".into(), span16: at, note: "已说明".into() }];
        mark_verified(&mut checked, &map, &entries);
        assert_eq!(checked.findings[i].verified.as_deref(), Some("已说明"));
        assert_eq!(checked.findings.iter().filter(|f| f.verified.is_some()).count(), 1);
        let out = CheckedOut::new(&checked, &map, None, None);
        let fix = out.findings[i].fix16.as_ref().expect("fix16");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[fix.span16[0]..fix.span16[1]]), "2024年");
        assert_eq!(fix.replacement, "2025年");
        let v = serde_json::to_value(&out.findings[i]).expect("JSON");
        assert_eq!(v["verified"], "已说明");
        assert_eq!(v["fix16"]["replacement"], "2025年");
        assert!(v["fix"]["span"].is_array(), "the byte span stays as in contract.md");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-3-31"), Some(Date { year: 2025, month: 3, day: 31 }));
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("x"), None);
    }
}
