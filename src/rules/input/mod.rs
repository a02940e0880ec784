//! Input — what the text itself says about how it was read (not in rules.md §4: an extension).

use crate::rules::Rule;

mod input_encoding;

pub(crate) static RULES: &[&Rule] = &[&input_encoding::INPUT_ENCODING];
