//! The checked text with the findings' certain fixes applied (`nianbao check --fix` and `--diff`).

use crate::diag::Finding;

/// The fixed text, and which findings' fixes were applied or left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Indices into the findings, in text order.
    pub applied: Vec<usize>,
    /// Fixes left out because they overlap a fix before them (indices into the findings).
    pub skipped: Vec<usize>,
}

/// Applies every fix of `findings` to `source` (spans index `source`). Fixes are taken in text order;
/// one that overlaps a fix kept before it is skipped (the same fix given by two rules counts once),
/// and the kept ones are applied from the end backwards so that earlier spans stay valid. A fix
/// whose span is not inside `source` on character boundaries is skipped too. Verified findings
/// (已核实) are left alone.
pub fn apply(source: &str, findings: &[Finding]) -> Applied {
    let mut order: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].verified.is_none()).collect();
    order.retain(|&i| findings[i].fix.is_some());
    order.sort_by_key(|&i| (findings[i].fix.as_ref().map_or(0, |f| f.span.start), i));
    let mut out = Applied::default();
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let Some(fix) = &findings[i].fix else { continue };
        let r = fix.span.range();
        if r.end > source.len() || !source.is_char_boundary(r.start) || !source.is_char_boundary(r.end) {
            out.skipped.push(i);
            continue;
        }
        if let Some(prev) = kept.last().and_then(|&k| findings[k].fix.as_ref()) {
            if prev == fix {
                continue;
            }
            if fix.span.start < prev.span.end || fix.span.start == prev.span.start {
                out.skipped.push(i);
                continue;
            }
        }
        kept.push(i);
    }
    let mut text = source.to_string();
    for &i in kept.iter().rev() {
        if let Some(fix) = &findings[i].fix {
            text.replace_range(fix.span.range(), &fix.replacement);
        }
    }
    out.text = text;
    out.applied = kept;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::span::Span;

    fn f(a: usize, b: usize, r: &str) -> Finding {
        Finding::new("S-TYPO", Severity::Warning, "", Span::new(a, b), "").fix(Span::new(a, b), r)
    }

    #[test]
    fn applies_backwards_and_skips_overlaps() {
        let src = "问提和问提，公开公开";
        let findings = vec![
            f(0, 6, "问题"),
            f(9, 15, "问题"),
            // The same fix from a second rule counts once; an overlapping other one is skipped.
            f(18, 30, "公开"),
            f(18, 30, "公开"),
            f(24, 30, "X"),
        ];
        let a = apply(src, &findings);
        assert_eq!(a.text, "问题和问题，公开");
        assert_eq!(a.applied, [0, 1, 2]);
        assert_eq!(a.skipped, [4]);
    }

    #[test]
    fn a_fix_off_a_character_boundary_is_skipped() {
        let a = apply("问提", &[f(1, 3, "x")]);
        assert_eq!(a.text, "问提");
        assert_eq!(a.skipped, [0]);
    }

    #[test]
    fn verified_findings_are_left_alone() {
        let mut x = f(0, 6, "问题");
        x.verified = Some(String::new());
        assert_eq!(apply("问提", &[x]).text, "问提");
    }
}
