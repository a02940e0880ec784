//! T4 — 政府信息公开行政复议、行政诉讼情况 (rules.md §4.5).

use crate::rules::Rule;

mod t4_cells_present;
mod t4_group_sum;
mod t4_no_apps_info;
mod t4_text_count;
mod t4_text_zero;

pub(crate) static RULES: &[&Rule] = &[
    &t4_cells_present::T4_CELLS_PRESENT,
    &t4_group_sum::T4_GROUP_SUM,
    &t4_text_zero::T4_TEXT_ZERO,
    &t4_text_count::T4_TEXT_COUNT,
    &t4_no_apps_info::T4_NO_APPS_INFO,
];
