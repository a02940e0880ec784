//! Certain fixes (`Finding::fix`): each rule that has one replaces exactly the words it means (checked
//! by slicing the input), and the fixed text, checked again, no longer gives that finding.

use nianbao::output::fixed;
use nianbao::{check, Checked, Options};
use std::path::{Path, PathBuf};

fn options() -> Options {
    Options { previous: None, today: Some(nianbao::report::Date { year: 2026, month: 11, day: 27 }) }
}

fn fixture(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).replace(['⟦', '⟧'], "")
}

/// Findings of `rule` that carry a fix.
fn fixes_of<'a>(checked: &'a Checked, rule: &str) -> Vec<&'a nianbao::diag::Finding> {
    checked.findings.iter().filter(|f| f.rule == rule && f.fix.is_some()).collect()
}

/// (rule, fixture, the words the fix replaces, what it writes instead)
const CASES: &[(&str, &str, &str, &str)] = &[
    ("N-PLAN-YEAR", "N-PLAN-YEAR/invalid_plan_names_report_year.txt", "2024年", "2025年"),
    ("N-PLAN-YEAR", "N-PLAN-YEAR/invalid_plan_names_older_year.txt", "2023年", "2025年"),
    ("N-RELATIVE-YEAR", "N-RELATIVE-YEAR/invalid_this_year_plan.txt", "今年", "2025年"),
    ("S-TYPO", "S-TYPO/invalid_wenti.txt", "问提", "问题"),
    ("S-TYPO", "S-TYPO/invalid_shenchaguan.txt", "审查管", "审查管理"),
    ("S-TYPO", "S-TYPO/invalid_zhuanjie.txt", "上年度转结", "上年度结转"),
    ("S-TYPO", "S-TYPO/invalid_canchabuqi.txt", "残差不齐", "参差不齐"),
    ("S-DUP-WORD", "S-DUP-WORD/invalid_repeated_word.txt", "规定规定", "规定"),
    ("S-PUNCT-HALFWIDTH", "S-PUNCT-HALFWIDTH/invalid_halfwidth_comma.txt", ",", "，"),
    ("S-JIEZHI", "S-JIEZHI/invalid_jiezhi_date.txt", "截止", "截至"),
    ("S-APP-UNIT", "S-APP-UNIT/invalid_tiao.txt", "条", "件"),
    ("S-APP-UNIT", "S-APP-UNIT/invalid_ge_before.txt", "个", "件"),
    ("S-BRACKET-MIX", "S-BRACKET-MIX/invalid_mixed.txt", "(二)", "（二）"),
    (
        "STRUCT-OUTDATED-BASIS",
        "STRUCT-OUTDATED-BASIS/invalid_60hao.txt",
        "国办公开办函〔2019〕60号",
        "国办公开办函〔2021〕30号",
    ),
    ("STRUCT-OUTDATED-BASIS", "STRUCT-OUTDATED-BASIS/invalid_shixing.txt", "格式（试行）", "格式"),
    ("STRUCT-NUMBERING-MIX", "STRUCT-NUMBERING-MIX/invalid_top_level.txt", "1、", "一、"),
];

#[test]
fn each_fix_replaces_what_it_means_and_the_finding_goes() {
    for &(rule, rel, old, new) in CASES {
        let text = fixture(rel);
        let checked = check(&text, &options());
        let with_fix = fixes_of(&checked, rule);
        assert!(!with_fix.is_empty(), "{rel}: no {rule} finding with a fix: {:#?}", checked.findings);
        let meant = with_fix.iter().filter_map(|f| f.fix.as_ref()).find(|x| x.replacement == new);
        let meant = meant.unwrap_or_else(|| panic!("{rel}: no {rule} fix to «{new}»: {with_fix:#?}"));
        assert_eq!(&text[meant.span.range()], old, "{rel}: the fix's span");
        for f in &with_fix {
            // The fix lies within the words the finding points at.
            let fix = f.fix.as_ref().expect("fix");
            assert!(f.span.start <= fix.span.start && fix.span.end <= f.span.end, "{rel}: {f:?}");
        }
        let applied = fixed::apply(&text, &checked.findings);
        assert!(applied.skipped.is_empty(), "{rel}: {applied:?}");
        let again = check(&applied.text, &options());
        let left: Vec<_> = again.findings.iter().filter(|f| f.rule == rule).collect();
        assert!(left.is_empty(), "{rel}: {rule} still there after the fix: {left:#?}");
        // (Other rules may speak up: "申请12件" is now read as the count the table must match.)
    }
}

#[test]
fn no_fix_where_the_change_is_a_judgement() {
    for (rule, rel) in [
        // Which 共 to drop is the author's choice.
        ("S-DUP-WORD", "S-DUP-WORD/invalid_double_gong.txt"),
        // Which of two sibling styles is wrong is not certain.
        ("STRUCT-NUMBERING-MIX", "STRUCT-NUMBERING-MIX/invalid_siblings.txt"),
        // Which measure word is missing is not known.
        ("S-MEASURE-WORD", "S-MEASURE-WORD/invalid_missing_unit.txt"),
        // Table arithmetic: the expected value is in the message, never applied.
        ("T3-BALANCE", "T3-BALANCE/invalid_natural_person_column.txt"),
    ] {
        let text = fixture(rel);
        let checked = check(&text, &options());
        assert!(checked.findings.iter().any(|f| f.rule == rule), "{rel}: the finding itself");
        assert!(fixes_of(&checked, rule).is_empty(), "{rel}: {rule} must carry no fix");
    }
    // The old document number beside the 试行 title: the number alone would contradict the title.
    let base = fixture("STRUCT-OUTDATED-BASIS/invalid_60hao.txt");
    let both = base.replace("国办公开办函〔2019〕60号", "《年度报告格式（试行）》（国办公开办函〔2019〕60号）");
    let checked = check(&both, &options());
    assert!(checked.findings.iter().any(|f| f.rule == "STRUCT-OUTDATED-BASIS"));
    assert!(fixes_of(&checked, "STRUCT-OUTDATED-BASIS").is_empty());
}

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut v: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            text_files(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "html" | "htm"))
            && !p.to_string_lossy().contains(".previous.")
            && p.file_name().is_some_and(|n| n != "INDEX.md")
        {
            out.push(p);
        }
    }
}

/// On every fixture and every real report (HTML too: there a fix's span is in the markup): each fix
/// slices the input on character boundaries, changes something, and once applied that rule no longer
/// finds anything at that place.
#[test]
fn every_fix_everywhere_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    text_files(&root.join("tests/fixtures"), &mut paths);
    text_files(&root.join("../shared/corpus"), &mut paths);
    let mut seen = 0;
    for p in &paths {
        let raw = std::fs::read_to_string(p).expect("UTF-8");
        let text = raw.replace(['⟦', '⟧'], "");
        let checked = check(&text, &options());
        for f in checked.findings.iter().filter(|f| f.fix.is_some()) {
            seen += 1;
            let fix = f.fix.as_ref().expect("fix");
            let name = p.display();
            let old = text.get(fix.span.range()).unwrap_or_else(|| panic!("{name}: {f:?} off a boundary"));
            assert_ne!(old, fix.replacement, "{name}: {f:?} changes nothing");
            let mut fixed_text = text.clone();
            fixed_text.replace_range(fix.span.range(), &fix.replacement);
            let end = fix.span.start + fix.replacement.len();
            let again = check(&fixed_text, &options());
            let still = again.findings.iter().find(|g| {
                g.rule == f.rule && g.span.start < end.max(fix.span.start + 1) && fix.span.start < g.span.end
            });
            assert!(
                still.is_none(),
                "{name}: {} at «{old}» still found after «{}»: {still:?}",
                f.rule,
                fix.replacement
            );
        }
    }
    assert!(seen >= CASES.len(), "fixes seen: {seen}");
}

/// In HTML a fix's span is in the markup, and a fix is given only where the words stand there as they
/// are seen: with a tag or a character reference inside them, the finding stays but has no fix.
#[test]
fn html_fixes_replace_markup_only_when_it_is_the_words() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/complete/2019_pingtan_zone_page.html");
    let page = std::fs::read_to_string(p).expect("corpus page");
    let typo = |html: &str| {
        let c = check(html, &options());
        c.findings.into_iter().find(|f| f.rule == "S-TYPO" && f.message.contains("残差不齐")).expect("the typo")
    };
    let plain = typo(&page);
    let fix = plain.fix.expect("a fix on plain markup");
    assert_eq!(&page[fix.span.range()], "残差不齐");
    let applied = fixed::apply(&page, &check(&page, &options()).findings);
    assert!(applied.text.contains("参差不齐") && !applied.text.contains("残差不齐"));
    assert!(applied.text.len() > page.len() / 2, "the markup is kept");
    for variant in ["残差<b>不齐</b>", "&#27531;差不齐"] {
        let html = page.replacen("残差不齐", variant, 1);
        let f = typo(&html);
        assert!(f.fix.is_none(), "{variant}: {f:?}");
    }
}
