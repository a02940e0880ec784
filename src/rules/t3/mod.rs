//! T3 — 收到和处理政府信息公开申请情况 (rules.md §4.4).

use crate::rules::Rule;

mod t3_balance;

pub(crate) static RULES: &[&Rule] = &[&t3_balance::T3_BALANCE];
