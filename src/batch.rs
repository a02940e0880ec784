//! Checking many reports at once: automatic year-over-year pairing by unit name and year, a parallel
//! map on all cores, totals, and the JSON of a batch (contract.md §2, version 1, plus `"previous"`).
//!
//! Shared by the CLI and (later) the web app. It only calls `check`, so the pipeline stays one-way.
//! `threads == 1` runs everything on the calling thread, which is what wasm32 without threads needs.

use crate::diag::Severity;
use crate::input::InputKind;
use crate::{check, Checked, Options};
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Worker threads to use: every core the system grants, at least one.
pub fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Applies `f` to every item on up to `threads` threads and returns the results in item order, so
/// the output is the same as a sequential run. Items are handed out one at a time (reports differ
/// in size); `progress` is called after each item with the number finished so far.
pub fn par_map<T, R, F, P>(items: &[T], threads: usize, f: F, progress: P) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    P: Fn(usize) + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let r = f(item);
                progress(i + 1);
                r
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(item)));
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                    }
                    out
                })
            })
            .collect();
        // A worker only panics if `f` does; pass the panic on rather than lose results silently.
        workers.into_iter().map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.iter_mut().flat_map(std::mem::take) {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

/// The unit name as a pairing key: no blanks, width-folded.
pub fn org_key(org: &str) -> String {
    crate::text::label(org)
}

/// Year-over-year pairs found in a batch.
#[derive(Clone, Debug, Default)]
pub struct Pairing {
    /// `previous[i]`: the index of last year's report of the same unit, for report `i`.
    pub previous: Vec<Option<usize>>,
    /// Reports that could have been paired but were not, with the reason (several candidates).
    pub ambiguous: Vec<(usize, Vec<usize>)>,
}

/// Pairs each report (unit, year) with the report of the same unit for year − 1, when there is
/// exactly one. Reports without a unit name or year are never paired.
pub fn pair(ids: &[(Option<&str>, Option<i32>)]) -> Pairing {
    let keys: Vec<Option<(String, i32)>> =
        ids.iter().map(|(org, year)| Some((org_key((*org)?), (*year)?)).filter(|(o, _)| !o.is_empty())).collect();
    let mut out = Pairing { previous: vec![None; ids.len()], ambiguous: Vec::new() };
    for (i, key) in keys.iter().enumerate() {
        let Some((org, year)) = key else { continue };
        let candidates: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(j, k)| *j != i && k.as_ref().is_some_and(|(o, y)| o == org && *y == year - 1))
            .map(|(j, _)| j)
            .collect();
        match candidates.as_slice() {
            [] => {}
            [j] => out.previous[i] = Some(*j),
            _ => out.ambiguous.push((i, candidates)),
        }
    }
    out
}

/// One report of a batch after checking.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub checked: Checked,
    /// Index of the report used as last year's (automatic pairing).
    pub previous: Option<usize>,
}

/// A batch's result: one outcome per input, in input order, and the pairing that was used.
#[derive(Clone, Debug)]
pub struct Batch {
    pub outcomes: Vec<Outcome>,
    pub pairing: Pairing,
}

/// Checks every text with `options`. With `auto_pair` (and no `options.previous`), reports of the
/// same unit for consecutive years are paired and the later one is checked again with the earlier
/// one as its previous report. `progress(done, total)` may be called from any worker thread.
pub fn check_all<P>(texts: &[&str], options: &Options, auto_pair: bool, threads: usize, progress: P) -> Batch
where
    P: Fn(usize, usize) + Sync,
{
    let inputs: Vec<Input> = texts.iter().map(|t| Input::Text(t)).collect();
    check_inputs(&inputs, options, auto_pair, threads, progress)
}

/// One input of a batch: text or HTML as given, or a file read as simple HTML.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Text(&'a str),
    Extracted(&'a str, InputKind),
}

impl Input<'_> {
    pub fn check(&self, options: &Options) -> Checked {
        match *self {
            Input::Text(t) => check(t, options),
            Input::Extracted(html, kind) => crate::check_extracted(html, kind, options),
        }
    }

    /// What another report's check takes as its previous report (HTML is read as HTML).
    fn as_previous(&self) -> String {
        match *self {
            Input::Text(t) | Input::Extracted(t, _) => t.to_string(),
        }
    }
}

/// `check_all` for inputs that may be files read as HTML.
pub fn check_inputs<P>(texts: &[Input], options: &Options, auto_pair: bool, threads: usize, progress: P) -> Batch
where
    P: Fn(usize, usize) + Sync,
{
    let n = texts.len();
    let mut outcomes: Vec<Outcome> =
        par_map(texts, threads, |t| Outcome { checked: t.check(options), previous: None }, |done| progress(done, n));
    if !auto_pair || options.previous.is_some() {
        return Batch { outcomes, pairing: Pairing { previous: vec![None; n], ambiguous: Vec::new() } };
    }
    let ids: Vec<(Option<&str>, Option<i32>)> =
        outcomes.iter().map(|o| (o.checked.report.org.as_deref(), o.checked.report.year)).collect();
    let pairing = pair(&ids);
    let jobs: Vec<(usize, usize)> =
        pairing.previous.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, p))).collect();
    let total = n + jobs.len();
    let rechecked = par_map(
        &jobs,
        threads,
        |&(i, p)| texts[i].check(&Options { previous: Some(texts[p].as_previous()), today: options.today }),
        |done| progress(n + done, total),
    );
    for (&(i, p), checked) in jobs.iter().zip(rechecked) {
        outcomes[i] = Outcome { checked, previous: Some(p) };
    }
    Batch { outcomes, pairing }
}

/// Counts over a batch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files with at least one error finding.
    pub files_with_errors: usize,
}

impl Totals {
    pub fn of<'c>(checked: impl IntoIterator<Item = &'c Checked>) -> Totals {
        let mut t = Totals::default();
        for c in checked {
            let count = |s: Severity| c.count(s);
            let e = count(Severity::Error);
            t.files += 1;
            t.errors += e;
            t.warnings += count(Severity::Warning);
            t.infos += count(Severity::Info);
            t.files_with_errors += usize::from(e > 0);
        }
        t
    }
}

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    #[serde(flatten)]
    checked: &'a Checked,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<FileEntry<'a>>,
}

/// The JSON of a batch: contract.md §2 version 1, each file with an extra `"previous": "path"` when
/// it was checked against last year's report.
pub fn render_json(files: &[(&str, &Checked, Option<&str>)]) -> String {
    let out = Output {
        version: 1,
        files: files.iter().map(|&(path, checked, previous)| FileEntry { path, checked, previous }).collect(),
    };
    // Plain data always serialises; not formatting the error keeps serde_json's and std::io's
    // error texts out of the browser bundle.
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{\"error\":\"serialisation\"}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<u32> = (0..1000).collect();
        let seen = AtomicUsize::new(0);
        let out = par_map(
            &items,
            4,
            |x| x * 2,
            |_| {
                seen.fetch_add(1, Ordering::Relaxed);
            },
        );
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(seen.load(Ordering::Relaxed), 1000);
        assert_eq!(par_map(&items[..0], 4, |x| *x, |_| {}), Vec::<u32>::new());
    }

    #[test]
    fn pairs_consecutive_years_of_one_unit() {
        let ids = [
            (Some("滔溪镇人民政府"), Some(2024)),
            (Some("滔溪镇 人民政府"), Some(2023)),
            (Some("别的局"), Some(2023)),
            (None, Some(2022)),
            (Some("别的局"), Some(2024)),
            (Some("别的局"), Some(2023)),
            (Some("滔溪镇人民政府"), Some(2022)),
        ];
        let p = pair(&ids);
        assert_eq!(p.previous, vec![Some(1), Some(6), None, None, None, None, None]);
        assert_eq!(p.ambiguous, vec![(4, vec![2, 5])]);
    }
}
