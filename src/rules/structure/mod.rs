//! Structure — sections, numbering, title, tables present, format version (rules.md §4.1).

use crate::rules::Rule;

mod util;

mod struct_doc_title;
mod struct_format_version;
mod struct_intro_partcount;
mod struct_numbering_mix;
mod struct_old_row_label;
mod struct_ordinal_gap;
mod struct_outdated_basis;
mod struct_section_order;
mod struct_section_shift;
mod struct_sections_present;
mod struct_subtopic_as_top;
mod struct_table_missing;
mod struct_title_variant;

pub(crate) static RULES: &[&Rule] = &[
    &struct_sections_present::STRUCT_SECTIONS_PRESENT,
    &struct_section_order::STRUCT_SECTION_ORDER,
    &struct_section_shift::STRUCT_SECTION_SHIFT,
    &struct_subtopic_as_top::STRUCT_SUBTOPIC_AS_TOP,
    &struct_numbering_mix::STRUCT_NUMBERING_MIX,
    &struct_ordinal_gap::STRUCT_ORDINAL_GAP,
    &struct_title_variant::STRUCT_TITLE_VARIANT,
    &struct_doc_title::STRUCT_DOC_TITLE,
    &struct_intro_partcount::STRUCT_INTRO_PARTCOUNT,
    &struct_table_missing::STRUCT_TABLE_MISSING,
    &struct_format_version::STRUCT_FORMAT_VERSION,
    &struct_outdated_basis::STRUCT_OUTDATED_BASIS,
    &struct_old_row_label::STRUCT_OLD_ROW_LABEL,
];
