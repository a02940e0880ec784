//! C — content of 一, 五, 六 (rules.md §4.6), and figures of the prose that must add up.

use crate::rules::Rule;

mod infofee;

mod c1_aspects;
mod c1_gov_extra;
mod c1_length;
mod c5_nonempty;
mod c5_prior_year;
mod c5_problem_and_measure;
mod c6_infofee;
mod c6_infofee_consistent;
mod c6_items;
mod c6_nonempty;
mod n_prose_sum;

pub(crate) static RULES: &[&Rule] = &[
    &c1_aspects::C1_ASPECTS,
    &c1_gov_extra::C1_GOV_EXTRA,
    &c1_length::C1_LENGTH,
    &c5_nonempty::C5_NONEMPTY,
    &c5_problem_and_measure::C5_PROBLEM_AND_MEASURE,
    &c5_prior_year::C5_PRIOR_YEAR,
    &c6_nonempty::C6_NONEMPTY,
    &c6_infofee::C6_INFOFEE,
    &c6_infofee_consistent::C6_INFOFEE_CONSISTENT,
    &c6_items::C6_ITEMS,
    &n_prose_sum::N_PROSE_SUM,
];
