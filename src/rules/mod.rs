//! The rule catalogue (rules.md §4): one file per rule, grouped in folders, all listed in `GROUPS`.
//!
//! Adding a rule: write `rules/<group>/<id>.rs` with `declare_rule!`, add one line to the group's
//! `mod.rs`, and add `tests/fixtures/<RULE-ID>/{invalid_*,valid_*}.txt`.

use crate::diag::{Finding, Severity};
use crate::report::Report;

pub(crate) mod common;

pub mod content;
pub mod input;
pub mod structure;
pub mod style;
pub mod t2;
pub mod t3;
pub mod t4;
pub mod table;
pub mod year;
pub mod yoy;

/// Everything a rule may look at.
pub struct Context<'r, 'a> {
    pub report: &'r Report<'a>,
    /// Last year's report of the same body, when the user supplied it.
    pub previous: Option<&'r Report<'a>>,
    /// Today's date (for "no date after today"), when known.
    pub today: Option<crate::report::Date>,
}

impl<'r, 'a> Context<'r, 'a> {
    /// Last year's report when a rule can compare with it: given and, when both years are known,
    /// older than this year's; `exact` also requires it to be the year just before.
    pub fn previous_report(&self, exact: bool) -> Option<&'r Report<'a>> {
        let prev = self.previous?;
        match (self.report.year, prev.year) {
            (Some(y), Some(p)) if p >= y || (exact && p != y - 1) => None,
            _ => Some(prev),
        }
    }
}

/// A rule's static description; its `docs` are shown by `nianbao explain` and in the web app.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// A short Chinese name.
    pub title: &'static str,
    /// One sentence on how to fix what it finds.
    pub help: &'static str,
    /// Markdown with the headings 检查内容 / 为什么是问题 / 示例 / 依据.
    pub docs: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
}

impl Rule {
    /// A finding of this rule at `span`.
    pub fn finding(&'static self, span: crate::span::Span, message: impl Into<String>) -> Finding {
        Finding::new(self.id, self.severity, self.help, span, message)
    }
}

/// Declares a rule static from its doc comment and fields.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            id: $id:literal,
            severity: $sev:ident,
            title: $title:literal,
            help: $help:literal,
            check: $check:path $(,)?
        }
    ) => {
        $vis static $name: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            severity: $crate::diag::Severity::$sev,
            title: $title,
            help: $help,
            // The web app's bundle leaves the docs out (≈ 21 KB gzip): it loads them from
            // www/lazy/rule-docs.js when 为什么/依据 is first opened (web::rule_docs).
            #[cfg(not(all(feature = "web", target_arch = "wasm32")))]
            docs: concat!($($doc, "\n"),*),
            #[cfg(all(feature = "web", target_arch = "wasm32"))]
            docs: { $(let _ = $doc;)* "" },
            check: $check,
        };
    };
}

static GROUPS: &[&[&Rule]] = &[
    input::RULES,
    structure::RULES,
    table::RULES,
    t2::RULES,
    t3::RULES,
    t4::RULES,
    content::RULES,
    year::RULES,
    style::RULES,
    yoy::RULES,
];

/// Every rule, in catalogue order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    GROUPS.iter().flat_map(|g| g.iter().copied())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// A rule that reports more than this on one input is reporting noise (junk, or many reports pasted
/// as one): its first findings are kept and one more says how many were left out, so that the
/// output, the JSON and the page stay bounded (a 10 MB line of one repeated phrase gave 291 071).
pub const MAX_PER_RULE: usize = 1000;

/// Runs every rule; findings come back sorted by position, then severity.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Text that is not an annual report is not judged as one: only what is said of the input itself.
    let rules: &[&[&Rule]] = if ctx.report.recognised() { GROUPS } else { &[input::RULES] };
    for rule in rules.iter().flat_map(|g| g.iter().copied()) {
        let from = out.len();
        (rule.check)(ctx, &mut out);
        let found = out.len() - from;
        if found > MAX_PER_RULE {
            let first_left_out = out[from + MAX_PER_RULE].span;
            out.truncate(from + MAX_PER_RULE);
            let message = format!(
                "此后另有 {} 处同类问题未逐一列出（每条规则最多列出 {MAX_PER_RULE} 处，共 {found} 处）",
                found - MAX_PER_RULE
            );
            out.push(rule.finding(first_left_out, message));
        }
    }
    // The emission order as the last key: the order a stable sort would give (crate::sort is not stable).
    let mut keyed: Vec<(usize, Finding)> = out.into_iter().enumerate().collect();
    crate::sort::sort_by(&mut keyed, |(i, a), (j, b)| {
        a.span.start.cmp(&b.span.start).then(b.severity.cmp(&a.severity)).then(a.rule.cmp(b.rule)).then(i.cmp(j))
    });
    keyed.into_iter().map(|(_, f)| f).collect()
}
