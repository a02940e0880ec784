//! Renderers of check results: JSON (contract.md §2), CSV and text for people, the 整改清单 workbook,
//! the 整改意见 letter, and the text with its certain fixes applied.

pub mod csv;
pub mod fixed;
pub mod json;
pub mod letter;
pub mod sheet;
pub mod text;
pub mod xlsx;

use crate::input::html::Visible;
use crate::span::Span;
use crate::Checked;

/// The text a reader sees of a checked input, and where a finding's span stands in it: for HTML
/// the visible text (spans index the markup and are mapped back), otherwise the checked text itself.
/// Line numbers, quoted words and places in every export come from here, so that an HTML page
/// saved on one line of markup still reports the line of its visible text.
pub struct Shown<'a> {
    pub text: &'a str,
    visible: Option<&'a Visible>,
}

impl<'a> Shown<'a> {
    /// `source` is what the spans of `checked` index (the input, or the text extracted from a file).
    pub fn of(source: &'a str, checked: &'a Checked) -> Shown<'a> {
        match &checked.visible {
            Some(v) => Shown { text: &v.text, visible: Some(v) },
            None => Shown { text: source, visible: None },
        }
    }

    /// A span of the checked input as a span of the shown text.
    pub fn span(&self, s: Span) -> Span {
        let Some(v) = self.visible else { return s };
        let start = v.from_source(s.start);
        let end = if s.is_empty() { start } else { v.from_source(s.end) };
        Span::new(start, end.max(start))
    }

    /// The words of a span as shown ("" when it is not on character boundaries).
    pub fn words(&self, s: Span) -> &'a str {
        self.text.get(self.span(s).range()).unwrap_or("")
    }
}
