//! The page state and its pure reducer: every change goes through `State::reduce`.
//!
//! Checking is pure too (`analyse` calls `nianbao::check`), so the reducer stays free of browser
//! calls; timers, storage and scrolling live in `app.rs` and `dom.rs`.

use std::rc::Rc;

use yew::Reducible;

use crate::diag::Severity;
use crate::input::{html, InputKind};
use crate::report::Date;
use crate::span::Span;
use crate::web::verify::{self, clamp, Entry};
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

/// A cell key.
pub type Key = crate::report::CellKey;

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
    /// Per finding with a fix (`Finding::fix`): the span it replaces, in `display`.
    pub fix_spans: Vec<Option<Span>>,
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
    let display_spans = checked.findings.iter().map(|f| verify::shown_span(text, visible.as_ref(), f.span)).collect();
    let fix_spans = checked
        .findings
        .iter()
        .map(|f| {
            f.fix.as_ref().map(|x| match &visible {
                Some(v) => {
                    let a = v.from_source(x.span.start);
                    Span::new(a, v.from_source(x.span.end).max(a))
                }
                None => clamp(text, x.span),
            })
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
    let cells = KeyMap::last_wins(report_cells.iter().enumerate().map(|(i, c)| (c.key, i)));
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
        let keys: &[Key] = &f.cells;
        let primary = keys
            .iter()
            .copied()
            .find(|k| cells.get(k).is_some_and(|&c| report_cells[c].span == f.span))
            .or_else(|| cell_at(f.span).filter(|_| !f.span.is_empty()).map(|c| c.key));
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
        fix_spans,
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

/// What the last replacement of the draft (清空, 示例报告, a file, a whole paste, 一键修改) took away,
/// so that 撤销 can put it back. Offered until the next edit or replacement (typing would otherwise be
/// thrown away by it), never on a timer that could run out while the user looks elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    /// What happened, for the notice: “草稿已清空。”
    pub what: &'static str,
    input: String,
    markup: Option<String>,
    verified: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The draft as the text box shows it and the user edits it: for a pasted or opened web page or
    /// document, its visible text (tables as tab-separated rows), never its markup.
    pub input: String,
    /// The HTML behind `input` (a pasted web page, a Word/WPS file or PDF as its reader gave it): it is
    /// what is checked and saved, so the tables keep their structure, until the user edits the text.
    pub markup: Option<String>,
    /// Last year's report of the same body (the optional second slot), empty when not given.
    pub previous: String,
    /// The last check (of `result.text`), `None` before the first one or for an empty draft.
    pub result: Option<Shared>,
    /// Counts checks, so that views and tests can tell a new result from an old one.
    pub seq: u64,
    /// Only findings of this severity are listed (the chips); `None`: all.
    pub only: Option<Severity>,
    /// The list is grouped by the report's parts instead of by severity.
    pub by_part: bool,
    /// The selected finding (index into the findings).
    pub selected: Option<usize>,
    /// Counts selections, so that selecting the same finding again scrolls again.
    pub reveal: u64,
    /// The selection came from j/k (stepping): the focus stays where it is, so that j/k keep working.
    pub stepped: bool,
    pub keep: Keep,
    /// Today's date from the browser's clock (given, so that the reducer stays pure).
    pub today: Option<Date>,
    /// A one-line notice (file loaded, decoding used, export done …).
    pub notice: Option<String>,
    /// The notice says something went wrong (a file that cannot be read): shown as an error.
    pub notice_error: bool,
    /// The draft (with last year's report) is larger than `LIVE_LIMIT` and has not been checked
    /// since it changed.
    pub stale: bool,
    /// A check of a large draft is running in the worker, or (without one) about to run on the page.
    pub busy: bool,
    /// Large drafts are checked in the check worker (it started, and has not failed).
    pub worker: bool,
    /// Counts checks sent to the worker: only the answer to the latest one is taken.
    pub job: u64,
    /// How many of the listed findings are shown (`PAGE` more each time).
    pub limit: usize,
    /// The findings marked 已核实 in this draft.
    pub verified: Vec<Entry>,
    /// Per finding of `result`: its 已核实 note, if it is verified.
    pub marks: Rc<Vec<Option<String>>>,
    /// Counts changes of `verified`, which are saved with the draft.
    pub vseq: u64,
    /// The offer to undo the last replacement of the draft.
    pub undo: Option<Undo>,
}

impl Default for State {
    fn default() -> Self {
        State {
            input: String::new(),
            markup: None,
            previous: String::new(),
            result: None,
            seq: 0,
            only: None,
            by_part: false,
            selected: None,
            reveal: 0,
            stepped: false,
            keep: Keep::Saved,
            today: None,
            notice: None,
            notice_error: false,
            stale: false,
            busy: false,
            worker: false,
            job: 0,
            limit: PAGE,
            verified: Vec::new(),
            marks: Rc::default(),
            vseq: 0,
            undo: None,
        }
    }
}

pub enum Action {
    /// The user typed: keep the draft (as text from now on), the check follows after the debounce.
    Edit(String),
    /// Check the current draft now.
    Recheck,
    /// Replace the draft and check at once (paste of a whole report, file, sample); HTML is
    /// recognised by content and edited as its visible text. Undoable.
    Load {
        text: String,
        notice: Option<String>,
    },
    /// Empty the draft. Undoable.
    Clear,
    /// List only findings of this severity (again for the same one: all); `None`: all.
    Only(Option<Severity>),
    /// Group the list by the report's parts (true) or by severity.
    ByPart(bool),
    Select(usize),
    Next,
    Prev,
    /// 一键修改: apply finding `i`'s fix to the draft and check again. Undoable.
    Fix(usize),
    /// Mark finding `i` as verified (已核实) with a note (possibly empty); `None`: take it out again.
    Verify(usize, Option<String>),
    /// Undo the last replacement of the draft.
    Undo,
    Keep(Keep),
    Notice(Option<String>),
    /// A notice that something went wrong (shown as an error; the draft stays as it was).
    Problem(String),
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

/// The findings to list, in list order: not verified, of the chosen severity, errors first, then
/// warnings, then notes, each kind in text order; or by part (the report's sections in order), each
/// part likewise.
pub fn list_order(a: &Analysis, marks: &[Option<String>], only: Option<Severity>, by_part: bool) -> Vec<usize> {
    let findings = &a.checked.findings;
    // Sorted as (part and kind, place, index): the same tuple type as `analyse_with` sorts, so the
    // sort's code is there once.
    let mut v: Vec<(usize, usize, usize)> = (0..findings.len())
        .filter(|&i| marks.get(i).is_none_or(Option::is_none) && only.is_none_or(|s| findings[i].severity == s))
        .map(|i| {
            let part = if by_part { a.section_of[i].map_or(0, |s| s + 1) } else { 0 };
            (part * 3 + sev_index(findings[i].severity), findings[i].span.start, i)
        })
        .collect();
    crate::sort::sort(&mut v);
    v.into_iter().map(|t| t.2).collect()
}

/// What finding `i`'s fix changes, as the reader sees it: (the words now, the words instead).
pub fn fix_label(a: &Analysis, i: usize) -> Option<(&str, &str)> {
    let fix = a.checked.findings.get(i)?.fix.as_ref()?;
    let shown = (*a.fix_spans.get(i)?)?;
    Some((a.display.get(shown.range())?, &fix.replacement))
}

/// The findings of `a` with their 已核实 notes (`marks`), as exported.
pub fn exported(a: &Analysis, marks: &[Option<String>]) -> Checked {
    let mut c = a.checked.clone();
    for (f, m) in c.findings.iter_mut().zip(marks) {
        f.verified = m.clone();
    }
    c
}

/// `text` with `span` replaced by `with`.
fn splice(text: &str, span: Span, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..span.start]);
    out.push_str(with);
    out.push_str(&text[span.end..]);
    out
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
        let mut s = State { previous, today, worker, ..State::default() };
        s.set_draft(input);
        s.rechecked()
    }

    /// With the 已核实 entries kept with the draft.
    pub fn with_verified(mut self, verified: Vec<Entry>) -> State {
        self.verified = verified;
        self.remark();
        self
    }

    /// What is checked and saved: the markup behind the text box, or its text.
    pub fn source(&self) -> &str {
        self.markup.as_deref().unwrap_or(&self.input)
    }

    /// Takes `text` as the draft: HTML is kept as markup and shown as its visible text.
    fn set_draft(&mut self, text: String) {
        if InputKind::detect(&text) == InputKind::Html {
            self.input = html::to_visible(&text).text;
            self.markup = Some(text);
        } else {
            self.input = text;
            self.markup = None;
        }
    }

    /// Keeps what the draft is now, for 撤销; `what` says what is about to happen to it.
    fn snapshot(&mut self, what: &'static str) {
        self.undo = Some(Undo {
            what,
            input: self.input.clone(),
            markup: self.markup.clone(),
            verified: self.verified.clone(),
        });
    }

    /// Checks the draft, unless it is too large to check on the page: then it is marked stale and
    /// sent to the worker (a new `job`), or waits for `Action::CheckNow` when there is none.
    /// The size counted is the text's, not the markup's.
    fn rechecked(mut self) -> State {
        // Last year's report is parsed too: a small draft with a huge one is a large check.
        if self.input.len() + self.previous.len() > LIVE_LIMIT {
            self.stale = true;
            self.selected = None;
            self.result = None;
            self.marks = Rc::default();
            self.busy = self.worker;
            self.job += u64::from(self.worker);
            return self;
        }
        let analysis = self.analysis();
        self.with_result(analysis)
    }

    /// The draft checked here and now (`None` when it is blank).
    fn analysis(&self) -> Option<Shared> {
        (!self.input.trim().is_empty())
            .then(|| Shared(Rc::new(analyse_with(self.source(), self.today, &self.previous))))
    }

    fn with_result(mut self, result: Option<Shared>) -> State {
        self.stale = false;
        self.busy = false;
        self.seq += 1;
        self.selected = None;
        self.limit = PAGE;
        self.result = result;
        self.remark();
        self
    }

    /// Per finding, its key's words for 已核实.
    fn keys(a: &Analysis) -> Vec<&str> {
        verify::words(&a.display, &a.display_spans)
    }

    /// Which findings of the result are verified.
    fn remark(&mut self) {
        let marks = match &self.result {
            Some(a) => verify::notes(&a.checked.findings, &State::keys(a), &self.verified),
            None => Vec::new(),
        };
        self.marks = Rc::new(marks);
    }

    /// Counts of the findings not verified: errors, warnings, notes.
    pub fn counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        if let Some(r) = &self.result {
            for (f, m) in r.checked.findings.iter().zip(self.marks.iter()) {
                if m.is_none() {
                    n[sev_index(f.severity)] += 1;
                }
            }
        }
        n
    }

    /// The findings of the result with their 已核实 notes, as exported.
    pub fn exported(&self) -> Option<crate::Checked> {
        Some(exported(self.result.as_ref()?, &self.marks))
    }

    /// Indices of the findings listed (not verified, of the chosen severity), in list order.
    pub fn visible(&self) -> Vec<usize> {
        match &self.result {
            Some(r) => list_order(r, &self.marks, self.only, self.by_part),
            None => Vec::new(),
        }
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
        self.stepped = true;
    }

    /// Selects finding `i`, listing enough findings for it to be in the list.
    fn select(&mut self, i: usize) {
        if let Some(pos) = self.visible().iter().position(|&v| v == i) {
            self.limit = self.limit.max((pos / PAGE + 1) * PAGE);
        }
        self.selected = Some(i);
        self.reveal += 1;
    }

    /// The draft with finding `i`'s fix applied: (text, markup). `None` when there is no fix (or none
    /// offered: a draft checked in the worker), it is table arithmetic, or the draft changed since the
    /// check.
    fn fixed(&self, i: usize) -> Option<(String, Option<String>)> {
        let r = self.result.as_ref()?;
        let f = r.checked.findings.get(i)?;
        let fix = f.fix.as_ref()?;
        r.fix_spans.get(i)?.as_ref()?;
        if !f.cells.is_empty() || r.text != self.source() || r.display != self.input {
            return None;
        }
        let with = fix.replacement.as_str();
        // A web page is fixed in its markup, which keeps the tables' structure: the core gives HTML
        // findings a fix only where its words stand in the markup as shown (no tag or entity inside).
        match &self.markup {
            Some(m) => {
                let m = splice(m, fix.span, with);
                Some((html::to_visible(&m).text, Some(m)))
            }
            None => Some((splice(&self.input, fix.span, with), None)),
        }
    }

    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::Edit(text) => {
                self.input = text;
                self.markup = None;
                // Typing is the next edit: an offer to undo would now throw it away.
                self.undo = None;
                if self.keep == Keep::Off {
                    self.keep = Keep::Saved;
                }
                self
            }
            Action::Recheck => self.rechecked(),
            Action::Load { text, notice } => {
                if text != self.source() {
                    if !self.source().trim().is_empty() {
                        self.snapshot("已用新内容替换原草稿。");
                    }
                    // Another report: the notes were about the old one (撤销 brings them back).
                    self.verified.clear();
                    self.vseq += 1;
                }
                self.set_draft(text);
                self.notice = notice;
                self.notice_error = false;
                if self.keep == Keep::Off {
                    self.keep = Keep::Saved;
                }
                self.rechecked()
            }
            Action::Clear => {
                if !self.source().is_empty() {
                    self.snapshot("草稿已清空。");
                }
                self.input.clear();
                self.markup = None;
                self.verified.clear();
                self.vseq += 1;
                self.notice = None;
                self.notice_error = false;
                self.rechecked()
            }
            Action::Only(sev) => {
                // A selected finding of another kind stays selected (its cell stays marked); j/k go on
                // from the first listed one.
                self.only = if sev == self.only { None } else { sev };
                self
            }
            Action::ByPart(on) => {
                self.by_part = on;
                self
            }
            Action::Select(i) => {
                if self.result.as_ref().is_some_and(|r| i < r.checked.findings.len()) {
                    self.select(i);
                    self.stepped = false;
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
            Action::Fix(i) => {
                let Some((text, markup)) = self.fixed(i) else { return self };
                self.snapshot("已按建议修改。");
                self.input = text;
                self.markup = markup;
                self.rechecked()
            }
            Action::Verify(i, note) => {
                let Some(r) = self.result.clone() else { return self };
                let keys = State::keys(&r);
                let (Some(f), Some(&words)) = (r.checked.findings.get(i), keys.get(i)) else { return self };
                self.verified.retain(|e| !(e.rule == f.rule && e.words == words));
                if let Some(note) = note {
                    self.verified.push(Entry { rule: f.rule.to_string(), words: words.to_string(), note });
                    if self.selected == Some(i) {
                        self.selected = None;
                    }
                }
                self.vseq += 1;
                self.remark();
                self
            }
            Action::Undo => {
                let Some(u) = self.undo.take() else { return self };
                self.input = u.input;
                self.markup = u.markup;
                self.verified = u.verified;
                self.vseq += 1;
                self.notice = None;
                self.notice_error = false;
                self.rechecked()
            }
            Action::Keep(k) => {
                self.keep = k;
                self
            }
            Action::Notice(n) => {
                self.notice = n;
                self.notice_error = false;
                self
            }
            Action::Problem(n) => {
                self.notice = Some(n);
                self.notice_error = true;
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

    fn rules_listed(s: &State) -> Vec<&'static str> {
        let r = s.result.as_ref().expect("checked");
        s.visible().iter().map(|&i| r.checked.findings[i].rule).collect()
    }

    #[test]
    fn errors_are_listed_first_and_the_chips_show_only_their_kind() {
        let s = State::new(SAMPLE.to_string());
        let r = s.result.clone().expect("checked");
        let sev = |i: usize| r.checked.findings[i].severity;
        let listed = s.visible();
        assert_eq!(rules_listed(&s)[0], "N-PLAN-YEAR", "the seed's only error comes first");
        // Errors, then warnings, then notes; each kind in text order.
        for w in listed.windows(2) {
            let (a, b) = (&r.checked.findings[w[0]], &r.checked.findings[w[1]]);
            assert!(
                a.severity > b.severity || (a.severity == b.severity && a.span.start <= b.span.start),
                "{listed:?}"
            );
        }
        let s = s.apply(Action::Only(Some(Severity::Error)));
        assert!(!s.visible().is_empty() && s.visible().iter().all(|&i| sev(i) == Severity::Error));
        let s = s.apply(Action::Only(Some(Severity::Info)));
        assert!(!s.visible().is_empty() && s.visible().iter().all(|&i| sev(i) == Severity::Info));
        let s = s.apply(Action::Only(Some(Severity::Info)));
        assert_eq!(s.visible().len(), r.checked.findings.len(), "the same chip again shows all");
        let s = s.apply(Action::ByPart(true));
        let parts: Vec<_> = s.visible().iter().map(|&i| r.section_of[i]).collect();
        assert!(parts.windows(2).all(|w| w[0].map_or(0, |x| x + 1) <= w[1].map_or(0, |x| x + 1)), "{parts:?}");
    }

    #[test]
    fn one_click_fix_changes_the_year_and_the_error_goes() {
        let s = State::new(SAMPLE.to_string());
        let i = s.visible()[0];
        let (from, to) = fix_label(s.result.as_ref().expect("checked"), i).expect("a fix");
        assert_eq!((from, to), ("2024年", "2025年"));
        let s = s.apply(Action::Fix(i));
        assert!(s.input.contains("2025年，我镇将严格按照") && !s.input.contains("2024年，我镇将严格按照"));
        assert!(!rules_listed(&s).contains(&"N-PLAN-YEAR"), "{:?}", rules_listed(&s));
        let s = s.apply(Action::Undo);
        assert_eq!(s.input, SAMPLE, "一键修改 can be undone");
        assert_eq!(rules_listed(&s)[0], "N-PLAN-YEAR");
        // Table arithmetic is never applied.
        let text = include_str!("../../tests/fixtures/T3-BALANCE/invalid_web_tabs.txt").replace(['⟦', '⟧'], "");
        let t = State::new(text.clone());
        let r = t.result.clone().expect("checked");
        for i in 0..r.checked.findings.len() {
            if !r.checked.findings[i].cells.is_empty() {
                assert_eq!(t.clone().apply(Action::Fix(i)).input, text);
            }
        }
    }

    #[test]
    fn clear_and_sample_can_be_undone_until_the_next_edit() {
        let s = State::new("某镇2024年政府信息公开工作年度报告\n我的草稿".to_string());
        let mine = s.input.clone();
        let s = s.apply(Action::Clear);
        assert!(s.input.is_empty() && s.undo.is_some());
        let s = s.apply(Action::Undo);
        assert_eq!(s.input, mine);
        assert!(s.undo.is_none(), "undone once");
        let s = s.apply(Action::Load { text: SAMPLE.to_string(), notice: None });
        assert!(s.undo.is_some(), "示例报告 is undoable");
        let back = s.clone().apply(Action::Undo);
        assert_eq!(back.input, mine);
        let s = s.apply(Action::Load { text: SAMPLE.to_string(), notice: None });
        assert_eq!(
            s.undo.as_ref().map(|u| u.input.as_str()),
            Some(mine.as_str()),
            "the same text again keeps the offer"
        );
        let s = s.apply(Action::Edit(SAMPLE.to_string() + "。"));
        assert!(s.undo.is_none(), "typing ends the offer");
    }

    #[test]
    fn a_pasted_web_page_is_edited_as_its_text() {
        let page = include_str!("../../tests/e2e/fixtures/t3_wrong_total.html");
        let s = State::new(String::new()).apply(Action::Load { text: page.to_string(), notice: None });
        assert!(!s.input.contains('<') && s.input.contains('\t'), "the box shows text with tab rows");
        assert_eq!(s.source(), page, "the markup is what is checked");
        let r = s.result.clone().expect("checked");
        assert_eq!(r.checked.input, InputKind::Html);
        assert_eq!(r.display, s.input, "the box holds exactly the checked text, so selections map");
        let edited = s.input.clone() + "\n";
        let s = s.apply(Action::Edit(edited)).apply(Action::Recheck);
        assert!(s.markup.is_none());
        assert_eq!(s.result.as_ref().map(|r| r.checked.input), Some(InputKind::Text), "edited: checked as text");
        let big = format!("<div>{}</div>", "<span style='color:red'>字</span>".repeat(4000));
        let s = State::new(big.clone());
        assert!(big.len() > LIVE_LIMIT && s.input.len() < LIVE_LIMIT && !s.stale, "the limit counts the text");
    }

    #[test]
    fn verified_findings_leave_the_counts_and_survive_edits_elsewhere() {
        let s = State::new(SAMPLE.to_string());
        let before = s.counts();
        let i = s.visible()[0];
        let s = s.apply(Action::Verify(i, Some("已与上级核对".into())));
        assert_eq!(s.counts()[0], before[0] - 1);
        assert!(!s.visible().contains(&i));
        assert_eq!(s.exported().expect("result").findings[i].verified.as_deref(), Some("已与上级核对"));
        let stored = verify::store(&s.verified);
        // Edited elsewhere, checked again, restored from storage: still verified.
        let s = State::new(format!("{SAMPLE}\n补充一句。")).with_verified(verify::load(&stored));
        assert_eq!(s.counts()[0], before[0] - 1);
        let j = s.marks.iter().position(Option::is_some).expect("marked");
        assert_eq!(s.result.as_ref().map(|r| r.checked.findings[j].rule), Some("N-PLAN-YEAR"));
        let s = s.apply(Action::Verify(j, None));
        assert_eq!(s.counts(), before);
    }
}
