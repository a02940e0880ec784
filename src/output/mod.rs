//! Renderers of check results: JSON (contract.md §2), CSV and text for people.

pub mod csv;
pub mod json;
pub mod text;
pub mod xlsx;
