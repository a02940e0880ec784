//! Rules of this group (rules.md §4).

use crate::rules::Rule;

pub(crate) static RULES: &[&Rule] = &[];
