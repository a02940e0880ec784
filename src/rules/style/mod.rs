//! S — style and typos (rules.md §4.9).

use crate::rules::Rule;

mod s_app_unit;
mod s_bracket_mix;
mod s_dup_word;
mod s_jiezhi;
mod s_measure_word;
mod s_punct_halfwidth;
mod s_typo;

pub(crate) static RULES: &[&Rule] = &[
    &s_typo::S_TYPO,
    &s_dup_word::S_DUP_WORD,
    &s_punct_halfwidth::S_PUNCT_HALFWIDTH,
    &s_bracket_mix::S_BRACKET_MIX,
    &s_jiezhi::S_JIEZHI,
    &s_measure_word::S_MEASURE_WORD,
    &s_app_unit::S_APP_UNIT,
];
