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
use crate::report::labels::{t2_col_name, t2_row_name, t3_col_name, t3_row_name, t4_col_name};
use crate::web::state::Key;

/// The element id of a redrawn table cell.
pub fn cell_id(k: &Key) -> String {
    let clean = |s: &str| s.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    format!("cell-{}-{}-{}", k.0, clean(k.1), clean(k.2))
}

/// A readable name of a cell: 表三 · （七）总计 · 自然人.
pub fn cell_label(k: &Key) -> String {
    match k.0 {
        "T2" => format!("表二 · {} · {}", t2_row_name(k.1), t2_col_name(k.2)),
        "T3" => format!("表三 · {} · {}", t3_row_name(k.1), t3_col_name(k.2)),
        "T4" => format!("表四 · {}", t4_col_name(k.2)),
        t => format!("{t} · {} · {}", k.1, k.2),
    }
}

pub fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}
