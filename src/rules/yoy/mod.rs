//! YOY — year over year, against last year's report of the same body (rules.md §4.6–§4.8).
//! Every rule here does nothing unless the previous report is supplied.

use crate::rules::Rule;

pub(crate) mod util;

pub(crate) mod c5_same_problems;
mod n_copy_prev;
mod n_same_numbers_prev;
mod yoy_carryover;
mod yoy_format;
mod yoy_valid_stock;

pub(crate) static RULES: &[&Rule] = &[
    &yoy_carryover::YOY_CARRYOVER,
    &yoy_valid_stock::YOY_VALID_STOCK,
    &yoy_format::YOY_FORMAT,
    &n_copy_prev::N_COPY_PREV,
    &n_same_numbers_prev::N_SAME_NUMBERS_PREV,
    &c5_same_problems::C5_SAME_PROBLEMS,
];
