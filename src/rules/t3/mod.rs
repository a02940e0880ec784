//! T3 — 收到和处理政府信息公开申请情况 (rules.md §4.4).

use crate::rules::Rule;

mod t3_all_blank;
mod t3_balance;
mod t3_columns_present;
mod t3_fee_row_vs_sec6;
mod t3_note_present;
mod t3_other_split_2021;
mod t3_out_le_in;
mod t3_result_sum;
mod t3_row_total;
mod t3_rows_present;
mod t3_subtotals;
mod t3_text_breakdown;
mod t3_text_carryin;
mod t3_text_carryout;
mod t3_text_percent;
mod t3_text_processed;
mod t3_text_received;

pub(crate) static RULES: &[&Rule] = &[
    &t3_rows_present::T3_ROWS_PRESENT,
    &t3_columns_present::T3_COLUMNS_PRESENT,
    &t3_note_present::T3_NOTE_PRESENT,
    &t3_balance::T3_BALANCE,
    &t3_row_total::T3_ROW_TOTAL,
    &t3_result_sum::T3_RESULT_SUM,
    &t3_out_le_in::T3_OUT_LE_IN,
    &t3_subtotals::T3_SUBTOTALS,
    &t3_other_split_2021::T3_OTHER_SPLIT_2021,
    &t3_all_blank::T3_ALL_BLANK,
    &t3_text_received::T3_TEXT_RECEIVED,
    &t3_text_carryin::T3_TEXT_CARRYIN,
    &t3_text_processed::T3_TEXT_PROCESSED,
    &t3_text_carryout::T3_TEXT_CARRYOUT,
    &t3_text_breakdown::T3_TEXT_BREAKDOWN,
    &t3_text_percent::T3_TEXT_PERCENT,
    &t3_fee_row_vs_sec6::T3_FEE_ROW_VS_SEC6,
];
