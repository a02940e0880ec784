//! The page's parts. Components take the shared analysis and callbacks; they never touch the DOM.

pub mod findings;
pub mod input;
pub mod related;
pub mod source;
pub mod summary;
pub mod tables;

pub use findings::{FindingList, FindingListProps};
pub use input::{InputPanel, PreviousSlot};
pub use related::related_view;
pub use source::SourceView;
pub use summary::{Summary, SummaryProps};
pub use tables::{Tables, TablesProps};

use crate::diag::Severity;
use crate::report::CellKey;
use crate::web::state::Key;

/// The element id of a redrawn table cell.
pub fn cell_id(k: &Key) -> String {
    let clean = |s: &str| s.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    format!("cell-{}-{}-{}", k.table().as_str(), clean(k.row_str()), clean(k.col_str()))
}

/// A readable name of a cell: 表三 · （七）总计 · 自然人.
pub fn cell_label(k: &Key) -> String {
    match *k {
        CellKey::T2(r, c) => format!("表二 · {} · {}", r.name(), c.name()),
        CellKey::T3(r, c) => format!("表三 · {} · {}", r.name(), c.name()),
        CellKey::T4(c) => format!("表四 · {}", c.name()),
    }
}

pub fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}
