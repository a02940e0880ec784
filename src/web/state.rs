//! The page state and its pure reducer: every change goes through `State::reduce`.
//!
//! Checking is pure too (`analyse` calls `nianbao::check`), so the reducer stays free of browser
//! calls; timers, storage and scrolling live in `app.rs` and `dom.rs`.

use std::rc::Rc;

use yew::Reducible;

use crate::diag::{CellRef, Severity};
use crate::input::{html, InputKind};
use crate::report::Date;
use crate::span::{floor_char_boundary, Span};
use crate::{check, Checked, Options};

/// The built-in sample: the seed report as copied from Word.
pub const SAMPLE: &str = include_str!("../../www/sample.txt");

/// Drafts larger than this (bytes) are not checked on the page's thread: one check of a large text
/// would block the page (about 0.12 s per 100 KB in the browser; real reports are 10–50 KB). They go
/// to the check worker (www/check-worker.js) while the page stays responsive; without a worker the
/// page says so and checks on demand (`Action::CheckNow`) after showing that it is busy.
pub const LIVE_LIMIT: usize = 100 * 1024;

/// Findings listed at first, and added by each “显示更多”: thousands of list items at once would
/// take the page seconds to lay out.
pub const PAGE: usize = 200;

/// A cell key: (table, row, col) as in `CellRef`.
pub type Key = (&'static str, &'static str, &'static str);

pub fn key_of(c: &CellRef) -> Key {
    (c.table, c.row, c.col)
}

/// A map by cell key: a sorted vector, as the tables have a few hundred cells at most (and a hash
/// map per key type would cost the bundle several KB of code).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyMap<V>(Vec<(Key, V)>);

impl<V> KeyMap<V> {
    pub fn get(&self, key: &Key) -> Option<&V> {
        self.0.binary_search_by(|(k, _)| k.cmp(key)).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Key, V)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl KeyMap<usize> {
    /// From (key, value) pairs; for a key given twice the later pair wins.
    pub fn last_wins(pairs: impl IntoIterator<Item = (Key, usize)>) -> Self {
        let mut v: Vec<(usize, Key, usize)> = pairs.into_iter().enumerate().map(|(n, (k, x))| (n, k, x)).collect();
        crate::sort::sort_by(&mut v, |a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
        v.dedup_by(|later, first| later.1 == first.1);
        KeyMap(v.into_iter().map(|(_, k, x)| (k, x)).collect())
    }
}

impl KeyMap<Vec<usize>> {
    /// Groups (key, finding) pairs: each key's findings ascending, without repeats.
    pub fn grouped(pairs: impl IntoIterator<Item = (Key, usize)>) -> Self {
        let mut v: Vec<(Key, usize)> = pairs.into_iter().collect();
        crate::sort::sort(&mut v);
        v.dedup();
        let mut out: Vec<(Key, Vec<usize>)> = Vec::new();
        for (k, i) in v {
            match out.last_mut() {
                Some((last, list)) if *last == k => list.push(i),
                _ => out.push((k, vec![i])),
            }
        }
        KeyMap(out)
    }
}

/// Everything the views need about one checked text, computed once per check.
#[derive(Debug)]
pub struct Analysis {
    /// The text that was checked (the draft may have moved on while the debounce runs).
    pub text: String,
    pub checked: Checked,
    /// What the source view shows: the text itself, or for HTML the visible text (never markup).
    pub display: String,
    /// Per finding: its span in `display`.
    pub display_spans: Vec<Span>,
    /// Per finding: index into `checked.report.sections` of the section it is in.
    pub section_of: Vec<Option<usize>>,
    /// Per finding: the cell to reveal (the cell at fault, else the first cell of its formula).
    pub target: Vec<Option<Key>>,
    /// Recognised cells by key (index into `checked.report.cells`).
    pub cells: KeyMap<usize>,
    /// Findings that involve a cell (at fault or as an operand), in finding order.
    pub cell_findings: KeyMap<Vec<usize>>,
    /// Per finding: its related passages as text, (this report, last year's report), for the
    /// side-by-side view; visible text for HTML, never markup.
    pub related: Vec<Vec<(String, String)>>,
}

impl Analysis {
    pub fn severity_of_cell(&self, key: &Key) -> Option<(Severity, bool)> {
        let list = self.cell_findings.get(key)?;
        let sev = list.iter().map(|&i| self.checked.findings[i].severity).max()?;
        let primary = list.iter().any(|&i| self.target[i] == Some(*key));
        Some((sev, primary))
    }

    pub fn cell(&self, key: &Key) -> Option<&crate::CellView> {
        self.cells.get(key).map(|&i| &self.checked.report.cells[i])
    }
}

/// Checks `text` and prepares the views' indexes.
pub fn analyse(text: &str) -> Analysis {
    analyse_on(text, None)
}

/// Checks `text` knowing today's date (for "no date after today").
pub fn analyse_on(text: &str, today: Option<Date>) -> Analysis {
    analyse_with(text, today, "")
}

/// Checks `text` against last year's report `previous` (empty: none) for the year-over-year rules.
pub fn analyse_with(text: &str, today: Option<Date>, previous: &str) -> Analysis {
    let given = (!previous.trim().is_empty()).then(|| previous.to_string());
    let mut checked = check(text, &Options { today, previous: given });
    // What the source view shows: the text, or for HTML its visible text (never markup), which the
    // check made and hands over.
    let visible = checked.visible.take();
    let display_spans = checked
        .findings
        .iter()
        .map(|f| match &visible {
            Some(v) => {
                let s = Span::new(v.from_source(f.span.start), v.from_source(f.span.end));
                widen(&v.text, Span::new(s.start, s.end.max(s.start)))
            }
            None => widen(text, clamp(text, f.span)),
        })
        .collect();
    // Sections are in text order: the last one starting at or before the finding holds it.
    let sections = &checked.report.sections;
    let section_of = checked
        .findings
        .iter()
        .map(|f| sections.partition_point(|s| s.span.start <= f.span.start).checked_sub(1))
        .collect();
    let report_cells = &checked.report.cells;
    let cells = KeyMap::last_wins(report_cells.iter().enumerate().map(|(i, c)| ((c.table, c.row, c.col), i)));
    // The first cell at each span, for findings that sit exactly on a cell.
    let mut by_span: Vec<(usize, usize, usize)> =
        report_cells.iter().enumerate().map(|(i, c)| (c.span.start, c.span.end, i)).collect();
    crate::sort::sort(&mut by_span);
    let cell_at = |s: Span| {
        let at = by_span.partition_point(|&(a, b, _)| (a, b) < (s.start, s.end));
        by_span.get(at).filter(|&&(a, b, _)| (a, b) == (s.start, s.end)).map(|&(_, _, i)| &report_cells[i])
    };
    let mut involved: Vec<(Key, usize)> = Vec::new();
    let mut target = Vec::with_capacity(checked.findings.len());
    for (i, f) in checked.findings.iter().enumerate() {
        let keys: Vec<Key> = f.cells.iter().map(key_of).collect();
        let primary = keys
            .iter()
            .copied()
            .find(|k| cells.get(k).is_some_and(|&c| report_cells[c].span == f.span))
            .or_else(|| cell_at(f.span).filter(|_| !f.span.is_empty()).map(|c| (c.table, c.row, c.col)));
        let t = primary.or_else(|| keys.iter().copied().find(|k| cells.contains_key(k)));
        involved.extend(keys.iter().chain(primary.iter()).map(|&k| (k, i)));
        target.push(t);
    }
    let cell_findings = KeyMap::grouped(involved);
    let related = related_texts(text, visible.as_ref(), previous, &checked);
    let display = visible.map_or_else(|| text.to_string(), |v| v.text);
    Analysis {
        text: text.to_string(),
        checked,
        display,
        display_spans,
        section_of,
        target,
        cells,
        cell_findings,
        related,
    }
}

/// The text of a span of `source` as a reader sees it: for HTML, the visible text it covers.
fn shown_text(source: &str, visible: Option<&html::Visible>, s: Span) -> String {
    match visible {
        Some(v) => {
            let (a, b) = (v.from_source(s.start), v.from_source(s.end));
            v.text[a..b.max(a)].to_string()
        }
        None => source[clamp(source, s).range()].to_string(),
    }
}

/// Per finding, its related passages as shown text: (this report's, last year's).
fn related_texts(
    text: &str,
    visible: Option<&html::Visible>,
    previous: &str,
    checked: &Checked,
) -> Vec<Vec<(String, String)>> {
    let any = checked.findings.iter().any(|f| !f.related.is_empty());
    let prev = (any && InputKind::detect(previous) == InputKind::Html).then(|| html::to_visible(previous));
    checked
        .findings
        .iter()
        .map(|f| {
            f.related
                .iter()
                .map(|r| (shown_text(text, visible, r.span), shown_text(previous, prev.as_ref(), r.previous)))
                .collect()
        })
        .collect()
}

fn clamp(text: &str, s: Span) -> Span {
    let start = floor_char_boundary(text, s.start);
    let end = floor_char_boundary(text, s.end.max(start));
    Span::new(start, end.max(start))
}

/// An empty span still needs something to highlight: take the next character (not a line break).
fn widen(text: &str, s: Span) -> Span {
    if !s.is_empty() {
        return s;
    }
    match text[s.start..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Span::new(s.start, s.start + c.len_utf8()),
        _ => s,
    }
}

/// A shared, cheaply compared analysis (props compare by pointer).
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Analysis>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Analysis;
    fn deref(&self) -> &Analysis {
        &self.0
    }
}

/// Whether the draft is kept in localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Saved after every check.
    Saved,
    /// The user asked to forget it: nothing is saved until they turn it back on.
    Off,
    /// The browser refused (private mode, disabled, or full).
    Unavailable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The live draft in the paste area.
    pub input: String,
    /// Last year's report of the same body (the optional second slot), empty when not given.
    pub previous: String,
    /// The last check (of `result.text`), `None` before the first one or for an empty draft.
    pub result: Option<Shared>,
    /// Counts checks, so that views and tests can tell a new result from an old one.
    pub seq: u64,
    /// Shown severities: error, warning, info.
    pub show: [bool; 3],
    /// The selected finding (index into the findings).
    pub selected: Option<usize>,
    /// Counts selections, so that selecting the same finding again scrolls again.
    pub reveal: u64,
    pub keep: Keep,
    /// Today's date from the browser's clock (given, so that the reducer stays pure).
    pub today: Option<Date>,
    /// A one-line notice (file loaded, decoding used, export done …).
    pub notice: Option<String>,
    /// The draft (with last year's report) is larger than `LIVE_LIMIT` and has not been checked
    /// since it changed.
    pub stale: bool,
    /// A check of a large draft is running in the worker, or (without one) about to run on the page.
    pub busy: bool,
    /// Large drafts are checked in the check worker (it started, and has not failed).
    pub worker: bool,
    /// Counts checks sent to the worker: only the answer to the latest one is taken.
    pub job: u64,
    /// How many of the shown findings are listed (`PAGE` more each time).
    pub limit: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            input: String::new(),
            previous: String::new(),
            result: None,
            seq: 0,
            show: [true; 3],
            selected: None,
            reveal: 0,
            keep: Keep::Saved,
            today: None,
            notice: None,
            stale: false,
            busy: false,
            worker: false,
            job: 0,
            limit: PAGE,
        }
    }
}

pub enum Action {
    /// The user typed: keep the draft, the check follows after the debounce.
    Edit(String),
    /// Check the current draft now.
    Recheck,
    /// Replace the draft and check at once (paste of a whole report, file, sample).
    Load {
        text: String,
        notice: Option<String>,
    },
    Clear,
    ToggleSeverity(Severity),
    Select(usize),
    Next,
    Prev,
    Keep(Keep),
    Notice(Option<String>),
    /// Last year's report changed (typed, pasted or opened): checked again after the debounce.
    Previous(String),
    /// Check the draft now whatever its size (the button shown for large drafts).
    CheckNow,
    /// An on-demand check was started (true) or cancelled (false; a worker's answer is then ignored).
    Busy(bool),
    /// The worker's analysis of job `job`.
    Analysed {
        job: u64,
        analysis: Shared,
    },
    /// The worker could not check job `job`: large drafts are checked on the page from now on.
    WorkerFailed {
        job: u64,
        message: String,
    },
    /// List `PAGE` more findings.
    More,
}

pub fn sev_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl State {
    pub fn new(input: String) -> State {
        State::new_on(input, None)
    }

    pub fn new_on(input: String, today: Option<Date>) -> State {
        State::restored(input, String::new(), today, false)
    }

    /// The page as restored from storage: the draft and last year's report. `worker`: whether
    /// large drafts can be checked in the check worker.
    pub fn restored(input: String, previous: String, today: Option<Date>, worker: bool) -> State {
        State { input, previous, today, worker, ..State::default() }.rechecked()
    }

    /// Checks the draft, unless it is too large to check on the page: then it is marked stale and
    /// sent to the worker (a new `job`), or waits for `Action::CheckNow` when there is none.
    fn rechecked(mut self) -> State {
        // Last year's report is parsed too: a small draft with a huge one is a large check.
        if self.input.len() + self.previous.len() > LIVE_LIMIT {
            self.stale = true;
            self.selected = None;
            self.result = None;
            self.busy = self.worker;
            self.job += u64::from(self.worker);
            return self;
        }
        let analysis = self.analysis();
        self.with_result(analysis)
    }

    /// The draft checked here and now (`None` when it is blank).
    fn analysis(&self) -> Option<Shared> {
        (!self.input.trim().is_empty()).then(|| Shared(Rc::new(analyse_with(&self.input, self.today, &self.previous))))
    }

    fn with_result(mut self, result: Option<Shared>) -> State {
        self.stale = false;
        self.busy = false;
        self.seq += 1;
        self.selected = None;
        self.limit = PAGE;
        self.result = result;
        self
    }

    /// Indices of the findings currently shown, in list order.
    pub fn visible(&self) -> Vec<usize> {
        let Some(r) = &self.result else { return Vec::new() };
        r.checked
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.show[sev_index(f.severity)])
            .map(|(i, _)| i)
            .collect()
    }

    fn step(&mut self, forward: bool) {
        let v = self.visible();
        if v.is_empty() {
            return;
        }
        let pos = self.selected.and_then(|s| v.iter().position(|&i| i == s));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => v.len() - 1,
            (Some(p), true) => (p + 1) % v.len(),
            (Some(p), false) => (p + v.len() - 1) % v.len(),
        };
        self.select(v[next]);
    }

    /// Selects finding `i`, listing enough findings for it to be in the list.
    fn select(&mut self, i: usize) {
        if let Some(pos) = self.visible().iter().position(|&v| v == i) {
            self.limit = self.limit.max((pos / PAGE + 1) * PAGE);
        }
        self.selected = Some(i);
        self.reveal += 1;
    }

    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::Edit(text) => {
                self.input = text;
                if self.keep == Keep::Off {
                    self.keep = Keep::Saved;
                }
                self
            }
            Action::Recheck => self.rechecked(),
            Action::Load { text, notice } => {
                self.input = text;
                self.notice = notice;
                if self.keep == Keep::Off {
                    self.keep = Keep::Saved;
                }
                self.rechecked()
            }
            Action::Clear => {
                self.input.clear();
                self.notice = None;
                self.rechecked()
            }
            Action::ToggleSeverity(s) => {
                let i = sev_index(s);
                self.show[i] = !self.show[i];
                if let (Some(sel), Some(r)) = (self.selected, &self.result) {
                    if !self.show[sev_index(r.checked.findings[sel].severity)] {
                        self.selected = None;
                    }
                }
                self
            }
            Action::Select(i) => {
                if self.result.as_ref().is_some_and(|r| i < r.checked.findings.len()) {
                    self.select(i);
                }
                self
            }
            Action::Next => {
                self.step(true);
                self
            }
            Action::Prev => {
                self.step(false);
                self
            }
            Action::Keep(k) => {
                self.keep = k;
                self
            }
            Action::Notice(n) => {
                self.notice = n;
                self
            }
            Action::Previous(text) => {
                self.previous = text;
                self
            }
            Action::CheckNow if self.worker => {
                self.job += 1;
                self.busy = self.stale;
                self
            }
            Action::CheckNow => {
                let analysis = self.analysis();
                self.with_result(analysis)
            }
            Action::Busy(b) => {
                self.busy = b && self.stale;
                self
            }
            Action::Analysed { job, analysis } if job == self.job && self.busy => self.with_result(Some(analysis)),
            Action::Analysed { .. } => self,
            Action::WorkerFailed { job, message } => {
                if job == self.job {
                    self.worker = false;
                    self.busy = false;
                    self.notice = Some(format!("{message}。可点“立即检查”在本页检查，检查期间页面会暂停响应。"));
                }
                self
            }
            Action::More => {
                self.limit += PAGE;
                self
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_checked_and_navigable() {
        let s = State::new(SAMPLE.to_string());
        let r = s.result.clone().expect("checked");
        assert_eq!(r.checked.report.year, Some(2024));
        assert!(!r.checked.report.cells.is_empty());
        let s = s.apply(Action::Edit(String::new())).apply(Action::Recheck);
        assert!(s.result.is_none());
    }

    #[test]
    fn large_drafts_wait_for_check_now() {
        let big = SAMPLE.repeat(LIVE_LIMIT / SAMPLE.len() + 1);
        let s = State::new(String::new()).apply(Action::Load { text: big.clone(), notice: None });
        assert!(s.stale && s.result.is_none(), "a large paste is not checked live");
        let s = s.apply(Action::Edit(big.clone() + "x")).apply(Action::Recheck);
        assert!(s.stale && s.result.is_none(), "nor after typing");
        let s = s.apply(Action::Busy(true));
        assert!(s.busy);
        let s = s.apply(Action::Busy(false));
        assert!(!s.busy && s.stale, "cancel leaves it unchecked");
        let seq = s.seq;
        let s = s.apply(Action::Busy(true)).apply(Action::CheckNow);
        assert!(!s.stale && !s.busy && s.seq == seq + 1 && s.result.is_some());
        let s = s.apply(Action::Load { text: SAMPLE.to_string(), notice: None });
        assert!(!s.stale && s.result.is_some(), "small drafts are checked live again");
    }

    #[test]
    fn large_drafts_go_to_the_worker_and_only_the_latest_answer_counts() {
        let big = SAMPLE.repeat(LIVE_LIMIT / SAMPLE.len() + 1);
        let answer = |text: &str| Shared(Rc::new(analyse_with(text, None, "")));
        let s = State::restored(String::new(), String::new(), None, true);
        let s = s.apply(Action::Load { text: big.clone(), notice: None });
        assert!(s.stale && s.busy && s.job == 1 && s.result.is_none(), "sent to the worker at once");
        let s = s.apply(Action::Edit(big.clone() + "x")).apply(Action::Recheck);
        assert_eq!(s.job, 2, "an edit sends a new job");
        let s = s.apply(Action::Analysed { job: 1, analysis: answer(&big) });
        assert!(s.result.is_none() && s.busy, "the answer to an old job is dropped");
        let s = s.apply(Action::Busy(false));
        let s = s.apply(Action::Analysed { job: 2, analysis: answer(&big) });
        assert!(s.result.is_none() && !s.busy && s.stale, "a cancelled job's answer is dropped");
        let seq = s.seq;
        let s = s.apply(Action::CheckNow);
        assert!(s.busy && s.job == 3 && s.result.is_none(), "立即检查 sends it again");
        let s = s.apply(Action::Analysed { job: 3, analysis: answer(&big) });
        assert!(!s.busy && !s.stale && s.seq == seq + 1 && s.result.is_some());
        let s = s.apply(Action::Edit(SAMPLE.to_string())).apply(Action::Previous(big.clone())).apply(Action::Recheck);
        assert!(s.busy && s.result.is_none(), "a small draft with a huge previous report goes to the worker too");
        let s = s.apply(Action::Edit(big.clone())).apply(Action::Recheck);
        let s = s.apply(Action::WorkerFailed { job: 5, message: "后台检查出错".into() });
        assert!(!s.worker && !s.busy && s.stale, "a failed worker hands over to the page");
        let s = s.apply(Action::Previous(String::new()));
        assert!(s.notice.as_deref().is_some_and(|n| n.contains("后台检查出错") && n.contains("立即检查")));
        let s = s.apply(Action::CheckNow);
        assert!(s.result.is_some() && !s.stale, "then 立即检查 checks on the page");
    }

    #[test]
    fn findings_are_listed_a_page_at_a_time_and_selection_extends_the_list() {
        let text = "某局2024年政府信息公开工作年度报告\n".to_string() + &"问提。".repeat(PAGE * 2 + 10);
        let mut s = State::new(text);
        let n = s.visible().len();
        assert!(n > PAGE * 2, "{n} findings");
        assert_eq!(s.limit, PAGE);
        s = s.apply(Action::More);
        assert_eq!(s.limit, 2 * PAGE);
        let last = *s.visible().last().unwrap_or(&0);
        s = s.apply(Action::Select(last));
        assert!(s.limit > n - 1, "the selected finding is listed ({} < {n})", s.limit);
        s = s.apply(Action::Recheck);
        assert_eq!(s.limit, PAGE, "a new check starts from the first page");
    }

    #[test]
    fn previous_report_feeds_the_year_over_year_rules() {
        let last = SAMPLE.replace("2024", "2023");
        let s = State::new(SAMPLE.to_string());
        let rules =
            |s: &State| s.result.as_ref().map(|r| r.checked.findings.iter().map(|f| f.rule).collect::<Vec<_>>());
        assert!(!rules(&s).unwrap_or_default().contains(&"N-COPY-PREV"));
        let s = s.apply(Action::Previous(last)).apply(Action::Recheck);
        assert!(rules(&s).unwrap_or_default().contains(&"N-COPY-PREV"), "{:?}", rules(&s));
        let s = s.apply(Action::Previous(String::new())).apply(Action::Recheck);
        assert!(!rules(&s).unwrap_or_default().contains(&"N-COPY-PREV"));
    }

    #[test]
    fn html_spans_map_to_visible_text() {
        let src = "<table><tr><td>总计</td><td>6&nbsp;1</td></tr></table><p>第二段</p>";
        let v = html::to_visible(src);
        let at = src.find("第二段").unwrap_or(0);
        let vis = v.from_source(at);
        assert!(v.text[vis..].starts_with("第二段"), "{:?}", &v.text[vis..]);
    }

    #[test]
    fn next_and_prev_wrap_over_shown_findings() {
        let text = include_str!("../../tests/fixtures/T3-BALANCE/invalid_web_tabs.txt").replace(['⟦', '⟧'], "");
        let mut s = State::new(text);
        let n = s.visible().len();
        assert!(n >= 1);
        s = s.apply(Action::Next);
        assert_eq!(s.selected, Some(s.visible()[0]));
        s = s.apply(Action::Prev).apply(Action::Prev);
        assert_eq!(s.selected, Some(s.visible()[(n + n - 2) % n]));
    }
}
