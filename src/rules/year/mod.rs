//! N — years and dates (rules.md §4.7).

use crate::rules::Rule;

mod done;

mod n_body_name;
mod n_date_after_pub;
mod n_future_done;
mod n_monthly_residue;
mod n_plan_year;
mod n_relative_year;
mod n_sign_date_early;
mod n_sign_date_late;
mod n_stale_year;
mod n_stat_period;
mod n_template_residue;
mod n_year_conflict;

pub(crate) static RULES: &[&Rule] = &[
    &n_year_conflict::N_YEAR_CONFLICT,
    &n_stat_period::N_STAT_PERIOD,
    &n_stale_year::N_STALE_YEAR,
    &n_future_done::N_FUTURE_DONE,
    &n_plan_year::N_PLAN_YEAR,
    &n_relative_year::N_RELATIVE_YEAR,
    &n_date_after_pub::N_DATE_AFTER_PUB,
    &n_sign_date_early::N_SIGN_DATE_EARLY,
    &n_sign_date_late::N_SIGN_DATE_LATE,
    &n_template_residue::N_TEMPLATE_RESIDUE,
    &n_monthly_residue::N_MONTHLY_RESIDUE,
    &n_body_name::N_BODY_NAME,
];
