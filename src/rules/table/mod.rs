//! Generic table cells (rules.md §4.2).

use crate::rules::Rule;

pub(crate) mod util;

mod tbl_cell_empty;
mod tbl_cell_nonneg_int;
mod tbl_cell_numeric;
mod tbl_cell_placeholder;
mod tbl_header_deviation;
mod tbl_row_width;
mod tbl_split_digits;
mod tbl_unread;

pub(crate) static RULES: &[&Rule] = &[
    &tbl_cell_numeric::TBL_CELL_NUMERIC,
    &tbl_cell_nonneg_int::TBL_CELL_NONNEG_INT,
    &tbl_cell_empty::TBL_CELL_EMPTY,
    &tbl_cell_placeholder::TBL_CELL_PLACEHOLDER,
    &tbl_row_width::TBL_ROW_WIDTH,
    &tbl_split_digits::TBL_SPLIT_DIGITS,
    &tbl_header_deviation::TBL_HEADER_DEVIATION,
    &tbl_unread::TBL_UNREAD,
];
