//! Renderers of check results: JSON (contract.md §2), CSV and text for people, the 整改清单 workbook,
//! the 整改意见 letter, and the text with its certain fixes applied.

pub mod csv;
pub mod fixed;
pub mod json;
pub mod text;
pub mod xlsx;
