//! Findings: what a rule reports, where, and about which cells. (Depends on the cell keys and spans
//! only; a rule makes its findings with `Rule::finding`.)

use crate::report::keys::CellKey;
use crate::span::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// 错误 / 警告 / 提示
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub span: Span,
    pub cells: Vec<CellKey>,
    /// The assumption the check made, e.g. that a blank cell counts as 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumption: Option<String>,
    /// Passages of this report and the passages of last year's report they repeat, for a side-by-side
    /// view (N-COPY-PREV, C5-SAME-PROBLEMS). An addition to contract.md's JSON: absent when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The correction, when it is certain (一键修改, `nianbao check --fix`). An addition to
    /// contract.md's JSON: absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Set by whoever shows the finding, never by a rule: the author has verified that it is not a
    /// fault (已核实), with their note (possibly empty). Such a finding is left out of the counts and
    /// listed as 已核实. An addition to contract.md's JSON: absent when not verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified: Option<String>,
}

/// A certain correction: `replacement` instead of `span` of the checked input (the same coordinates
/// as `Finding::span`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// A passage of the checked report and the passage of last year's report it corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    /// In the checked input (the same coordinates as `Finding::span`).
    pub span: Span,
    /// In last year's report as it was given (`Options::previous`; for HTML: its markup).
    pub previous: Span,
}

impl Finding {
    pub fn new(rule: &'static str, severity: Severity, help: &str, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            rule,
            severity,
            message: message.into(),
            help: help.to_string(),
            span,
            cells: Vec::new(),
            assumption: None,
            related: Vec::new(),
            fix: None,
            verified: None,
        }
    }

    pub fn cells(mut self, cells: impl IntoIterator<Item = CellKey>) -> Finding {
        self.cells.extend(cells);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    pub fn related(mut self, pairs: impl IntoIterator<Item = Related>) -> Finding {
        self.related.extend(pairs);
        self
    }

    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Finding {
        self.fix = Some(Fix { span, replacement: replacement.into() });
        self
    }

    pub fn assume(mut self, assumption: impl Into<String>) -> Finding {
        self.assumption = Some(assumption.into());
        self
    }
}
