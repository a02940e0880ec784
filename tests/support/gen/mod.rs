//! A generator of realistic 政府信息公开工作年度报告 in every layout people produce, with planted
//! faults. Plain Rust with a seeded PRNG: the same seed gives the same report everywhere.
//!
//! `Model` (body, year, consistent tables, what the prose says, the author's style) → `prose::build`
//! (a document of paragraphs, sub-parts, tables with their merges) → `Layout::render` (Word copy, web
//! copy, HTML fragment, saved portal page, Markdown, PDF copy, crawler text, OCR text). A `Fault` first
//! says what it needs of the model, then plants itself and names the rule ids that catch it.
//!
//! It knows nothing of the checker: it only writes reports.
#![allow(dead_code)]

pub mod fault;
pub mod grid;
pub mod layout;
pub mod model;
pub mod prose;
pub mod rng;

pub use fault::{Fault, Planted};
pub use layout::Layout;
pub use model::{Fmt, Model, Needs};

/// One generated report.
#[derive(Clone, Debug)]
pub struct Case {
    pub seed: u64,
    pub layout: Layout,
    pub fault: Option<Fault>,
    /// For a clean twin: the fault it is the twin of.
    pub twin_of: Option<Fault>,
    pub planted: Option<Planted>,
    pub model: Model,
    pub doc: prose::Doc,
    pub text: String,
}

impl Case {
    fn render(seed: u64, layout: Layout, fault: Option<Fault>, planted: Option<Planted>, model: Model) -> Case {
        let doc = prose::build(&model);
        let text = layout.render(&doc, &model);
        Case { seed, layout, fault, twin_of: None, planted, model, doc, text }
    }

    /// A file name: `md_00012_t3-total.md`, `word_00012_clean.txt`.
    pub fn name(&self) -> String {
        let what = match self.fault {
            Some(f) => f.id().to_string(),
            None => match self.twin_of {
                Some(f) => format!("twin-{}", f.id()),
                None => "clean".to_string(),
            },
        };
        format!("{}_{:05}_{}.{}", self.layout.name(), self.seed, what, self.layout.ext())
    }

    pub fn year(&self) -> i32 {
        self.model.year
    }

    /// The format the report should be read as; `None` when the fault makes it ambiguous.
    pub fn format(&self) -> Option<Fmt> {
        match &self.planted {
            Some(p) if self.fault.is_some() => p.format,
            _ => Some(self.model.fmt),
        }
    }

    /// The rule ids that catch the planted fault (empty for a clean report).
    pub fn catch(&self) -> &[&'static str] {
        match (&self.planted, self.fault) {
            (Some(p), Some(_)) => &p.catch,
            _ => &[],
        }
    }

    /// T3 cells in the report: (row key, column index 0..7, the value as written).
    pub fn t3_cells(&self) -> Vec<(&'static str, usize, model::Val)> {
        let mut out = vec![];
        for (k, row) in &self.model.t3.rows {
            if Some(*k) == self.model.flaw.missing_row {
                continue;
            }
            for (c, v) in row.iter().enumerate() {
                out.push((*k, c, v.clone()));
            }
        }
        out
    }
}

/// A clean report for `seed` (no needs).
pub fn clean(seed: u64, layout: Layout) -> Case {
    Case::render(seed, layout, None, None, Model::generate(seed, &Needs::default()))
}

/// The faulty report for `seed` and its clean twin (the same model before the fault was planted).
pub fn pair(seed: u64, fault: Fault, layout: Layout) -> (Case, Case) {
    let base = Model::generate(seed, &fault.needs(seed));
    let mut faulty = base.clone();
    let planted = fault.plant(&mut faulty);
    let mut twin = Case::render(seed, layout, None, Some(planted.clone()), base);
    twin.twin_of = Some(fault);
    let bad = Case::render(seed, layout, Some(fault), Some(planted), faulty);
    (twin, bad)
}
