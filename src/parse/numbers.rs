//! Table cell values (rules.md §2.5): numbers, units, blanks and placeholders.

use crate::text::{fold_width, is_invisible, is_space, scan_number};

/// What a numeric table cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number, with the unit written after it if any ("件", "万元", "元").
    Number { value: f64, unit: Option<String> },
    /// Nothing written.
    Empty,
    /// "/", "-", "—", "无", "不适用", "N/A": deliberately not a number.
    Placeholder,
    /// Free text where a number belongs.
    Text,
}

impl Value {
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        }
    }
}

const UNITS: [&str; 10] = ["万元", "元", "件", "条", "个", "项", "宗", "次", "起", "%"];
const PLACEHOLDERS: [&str; 12] = ["/", "／", "-", "--", "—", "——", "–", "无", "不适用", "n/a", "na", "\\"];

/// Normalised cell text: width-folded, no blanks or invisible characters.
fn clean(raw: &str) -> String {
    raw.chars().filter(|c| !is_invisible(*c) && *c != '*').map(fold_width).filter(|c| !is_space(*c)).collect()
}

pub fn parse_value(raw: &str) -> Value {
    // The common cell: a plain whole number.
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(v) = raw.parse::<u64>() {
            return Value::Number { value: v as f64, unit: None };
        }
        // Longer than any count: a row's figures run together ("153854414301082872521"), still
        // figures (the table reader cuts them by the text, not by this value).
        return Value::Number { value: raw.bytes().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0')), unit: None };
    }
    let s = clean(raw);
    if s.is_empty() {
        return Value::Empty;
    }
    if PLACEHOLDERS.contains(&s.to_ascii_lowercase().as_str()) {
        return Value::Placeholder;
    }
    let (neg, body) = match s.strip_prefix(['-', '+']) {
        Some(rest) => (s.starts_with('-'), rest),
        None => (false, s.as_str()),
    };
    if let Some((v, used)) = scan_number(body) {
        let rest = &body[used..];
        if rest.is_empty() {
            return Value::Number { value: if neg { -v } else { v }, unit: None };
        }
        if let Some(u) = UNITS.iter().find(|u| rest == **u) {
            return Value::Number { value: if neg { -v } else { v }, unit: Some(u.to_string()) };
        }
    }
    Value::Text
}

/// A figure's cell filled with words that point elsewhere ("详见附件", "见附表").
pub fn is_worded_value(raw: &str) -> bool {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    t.chars().count() <= 8 && ["详见", "见附", "附件", "附表", "另附"].iter().any(|w| t.contains(w))
}

/// A blank-separated token that is a value on its own (for PDF-style "label 1 0 0" lines).
pub fn is_value_token(tok: &str) -> bool {
    matches!(parse_value(tok), Value::Number { .. } | Value::Placeholder) && !tok.contains('%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(parse_value("1,234").number(), Some(1234.0));
        assert_eq!(parse_value(" ０ ").number(), Some(0.0));
        assert_eq!(parse_value("-2").number(), Some(-2.0));
        assert_eq!(parse_value("3.5万元"), Value::Number { value: 3.5, unit: Some("万元".into()) });
        assert_eq!(parse_value("\u{200B}"), Value::Empty);
        assert_eq!(parse_value("／"), Value::Placeholder);
        assert_eq!(parse_value("见附件"), Value::Text);
        assert_eq!(parse_value("1\u{200B}2"), Value::Number { value: 12.0, unit: None });
    }
}
