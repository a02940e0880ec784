//! JSON output, version 1 (contract.md §2).

use crate::Checked;
use serde::Serialize;

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    #[serde(flatten)]
    checked: &'a Checked,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<FileEntry<'a>>,
}

/// Renders the results of several files as one JSON document.
pub fn render(files: &[(String, Checked)]) -> String {
    let out = Output { version: 1, files: files.iter().map(|(p, c)| FileEntry { path: p, checked: c }).collect() };
    // Plain data always serialises; not formatting the error keeps serde_json's and std::io's
    // error texts out of the browser bundle.
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{\"error\":\"serialisation\"}".into())
}
