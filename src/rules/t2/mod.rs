//! T2 — 主动公开政府信息情况 (rules.md §4.3).

use crate::rules::Rule;

mod util;

mod t2_columns_2021;
mod t2_fee_decimal;
mod t2_fee_nonneg;
mod t2_fee_text;
mod t2_fee_unit;
mod t2_fee_vs_infofee;
mod t2_guizhang_authority;
mod t2_rows_present;
mod t2_text_match;
mod t2_valid_ge_made;

pub(crate) static RULES: &[&Rule] = &[
    &t2_rows_present::T2_ROWS_PRESENT,
    &t2_columns_2021::T2_COLUMNS_2021,
    &t2_fee_nonneg::T2_FEE_NONNEG,
    &t2_fee_decimal::T2_FEE_DECIMAL,
    &t2_fee_unit::T2_FEE_UNIT,
    &t2_valid_ge_made::T2_VALID_GE_MADE,
    &t2_guizhang_authority::T2_GUIZHANG_AUTHORITY,
    &t2_text_match::T2_TEXT_MATCH,
    &t2_fee_text::T2_FEE_TEXT,
    &t2_fee_vs_infofee::T2_FEE_VS_INFOFEE,
];
