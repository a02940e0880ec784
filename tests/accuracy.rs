//! Tests of the report generator behind `examples/accuracy.rs` — not of the checker: clean reports
//! reconcile by construction and their prose agrees with their tables, every layout carries the same
//! cell values (read back by a small reader written here, independent of the crate), and each planted
//! fault really changes what it claims.

#[path = "support/gen/mod.rs"]
mod gen;

use gen::model::{Date, Fmt, Model, Needs, Val, NOT_PROCESSED, OTHER_2021, REFUSED, UNABLE};
use gen::prose::Block;
use gen::{Fault, Layout};

fn n(v: &Val) -> i64 {
    match v {
        Val::Num(n) => *n,
        Val::Blank => 0,
        Val::Raw(s) => panic!("text {s:?} in a clean table"),
    }
}

/// Every identity of the format holds (rules.md §1.4, §1.5), all counts are ≥ 0.
fn assert_reconciles(m: &Model) {
    let t = &m.t3;
    let what = format!("seed {} ({})", m.seed, m.body.name);
    for (k, row) in &t.rows {
        let parts: i64 = row[..6].iter().map(n).sum();
        assert_eq!(parts, n(&row[6]), "{what}: {k} row total");
        for v in row {
            assert!(n(v) >= 0, "{what}: {k} negative");
        }
    }
    let outcomes: Vec<&str> =
        t.rows.iter().map(|(k, _)| *k).filter(|k| !matches!(*k, "R01" | "R02" | "R24" | "R25")).collect();
    let expected_rows = if m.fmt == Fmt::V2021 { 21 } else { 19 };
    assert_eq!(outcomes.len(), expected_rows, "{what}: outcome rows");
    for c in 0..7 {
        let sum: i64 = outcomes.iter().map(|k| t.n(k, c)).sum();
        assert_eq!(sum, t.n("R24", c), "{what}: （七）总计 column {c}");
        assert_eq!(t.n("R01", c) + t.n("R02", c), t.n("R24", c) + t.n("R25", c), "{what}: balance column {c}");
    }
    for g in 0..3 {
        let parts: i64 = m.t4.v[g * 5..g * 5 + 4].iter().map(n).sum();
        assert_eq!(parts, n(&m.t4.v[g * 5 + 4]), "{what}: T4 group {g}");
    }
    for (k, row) in &m.t2.rows {
        for (i, v) in row.iter().enumerate() {
            match v {
                Val::Num(x) => assert!(*x >= 0 || (m.fmt == Fmt::V2019 && i == 1), "{what}: T2 {k} negative"),
                Val::Blank => {}
                Val::Raw(s) => {
                    let placeholder = *k == "regulations" && s == "/";
                    let decimal = matches!(*k, "fees" | "procurement") && s.parse::<f64>().is_ok();
                    assert!(placeholder || decimal, "{what}: T2 {k} = {s:?}");
                }
            }
        }
    }
    if let Some(r) = m.t2.row("normative_docs") {
        assert!(n(&r[2]) >= n(&r[0]), "{what}: 现行有效 < 制发");
    }
    // The prose says what the tables say.
    let s = &m.said;
    let f = m.said_from_tables();
    assert_eq!(
        (s.received, s.carry_in, s.processed, s.carry_out, s.granted, s.unable, s.review, s.suits),
        (f.received, f.carry_in, f.processed, f.carry_out, f.granted, f.unable, f.review, f.suits),
        "{what}: prose figures"
    );
    assert_eq!(s.refused, t.sum(&REFUSED, 6));
    assert_eq!(s.unable, t.sum(&UNABLE, 6));
    assert_eq!(s.not_processed, t.sum(&NOT_PROCESSED, 6));
    if m.fmt == Fmt::V2021 {
        assert_eq!(s.other, t.sum(&OTHER_2021, 6));
    }
    // Dates: signed in January–March of the next year, published after, the page saved later.
    assert!(
        m.sign > Date::new(m.year, 12, 31) && m.sign <= Date::new(m.year + 1, 3, 31),
        "{what}: signed {:?}",
        m.sign
    );
    assert!(m.published >= m.sign && m.saved > m.published);
}

#[test]
fn clean_reports_and_twins_reconcile_by_construction() {
    for seed in 0..300 {
        assert_reconciles(&Model::generate(seed, &Needs::default()));
    }
    for seed in 0..60 {
        for f in Fault::ALL {
            assert_reconciles(&Model::generate(seed, &f.needs(seed)));
        }
    }
}

/// The years (four digits before 年) in `s`.
fn years(s: &str) -> Vec<i32> {
    let c: Vec<char> = s.chars().collect();
    let mut out = vec![];
    for i in 0..c.len().saturating_sub(4) {
        let digits = c[i..i + 4].iter().all(|d| d.is_ascii_digit());
        let before = i == 0 || !c[i - 1].is_ascii_digit();
        if digits && before && c[i + 4] == '年' {
            out.push(c[i..i + 4].iter().collect::<String>().parse().unwrap());
        }
    }
    out
}

/// A 2–4 character run of 汉字 written twice in a row (“加强加强”).
fn doubled_word(s: &str) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    let han = |ch: char| ('\u{4E00}'..='\u{9FFF}').contains(&ch);
    for len in 2..=4 {
        for i in 0..c.len().saturating_sub(2 * len - 1) {
            let a = &c[i..i + len];
            if a.iter().all(|ch| han(*ch)) && a == &c[i + len..i + 2 * len] {
                return Some(a.iter().collect());
            }
        }
    }
    None
}

fn section_text(blocks: &[Block], title: &str) -> String {
    let mut inside = false;
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(h) => inside = h.contains(title),
            Block::Para(p) if inside => out += p,
            Block::Sub { head, text, .. } if inside => {
                out += head;
                out += text;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn clean_prose_is_clean_by_the_catalogue() {
    for seed in 0..300 {
        let case = gen::clean(seed, Layout::Word);
        let (m, t, b) = (&case.model, &case.text, &case.doc.blocks);
        let y = m.year;
        let what = format!("seed {seed}");
        for bad in ["问提", "截止", "XX", "（单位名称）", "X月X日"] {
            assert!(!t.contains(bad), "{what}: {bad}");
        }
        if y >= 2021 {
            assert!(!t.contains("〔2019〕60号"), "{what}: outdated basis");
            assert!(section_text(b, "其他需要报告的事项").contains("信息处理费"), "{what}: 六 without 信息处理费");
        }
        // Prose (not the tables) has no doubled word.
        for blk in b {
            if let Block::Para(p) | Block::Sub { text: p, .. } = blk {
                assert_eq!(doubled_word(p), None, "{what}: doubled word in {p}");
            }
        }
        // The six parts, in order.
        let heads: Vec<&String> =
            b.iter().filter_map(|x| if let Block::Heading(h) = x { Some(h) } else { None }).collect();
        let ords: Vec<String> = heads.iter().map(|h| h.chars().next().unwrap().to_string()).collect();
        assert_eq!(ords, ["一", "二", "三", "四", "五", "六"], "{what}");
        // Years: the period is this year; plans name the next year (or this year only as the year of the problems).
        let intro = b.iter().find_map(|x| if let Block::Para(p) = x { Some(p.clone()) } else { None }).unwrap();
        assert!(intro.contains(&format!("{y}年1月1日")), "{what}: period");
        let plan = b
            .iter()
            .find_map(|x| match x {
                Block::Sub { head, text, .. } if head.contains("改进措施") => Some(text.clone()),
                _ => None,
            })
            .unwrap();
        for py in years(&plan) {
            assert!(
                py == y + 1 || (py == y && plan.contains(&format!("针对{y}年"))),
                "{what}: plan year {py} in {plan}"
            );
        }
        // No year after the report year in the parts that report the year's work, except a carry-over "结转至Y+1年继续办理".
        let work = section_text(b, "总体情况");
        for wy in years(&work) {
            assert!(wy <= y || work.contains(&format!("结转至{wy}年继续办理")), "{what}: {wy} in 一");
        }
        // Figures stated in the prose are the tables'.
        let s = &m.said;
        if s.received > 0 && t.contains("共收到政府信息公开申请") {
            assert!(t.contains(&format!("共收到政府信息公开申请{}件", m.t3.n("R01", 6))), "{what}: received");
        }
        let apps = section_text(b, "总体情况");
        if m.t3.n("R25", 6) > 0 {
            assert!(
                !apps.contains("均已按期办结") && !apps.contains("均已全部办结"),
                "{what}: all done with a carry-over"
            );
        }
        let prose: String = b
            .iter()
            .map(|x| match x {
                Block::Para(p) | Block::Sub { text: p, .. } => p.as_str(),
                _ => "",
            })
            .collect();
        if m.t4.total(0) > 0 && prose.contains("被申请行政复议") {
            assert!(prose.contains(&format!("行政复议{}件", m.t4.total(0))), "{what}: 复议");
            assert!(!prose.contains("未发生因政府信息公开引起的行政复议"), "{what}: 未发生复议");
        }
    }
}

// ---------------------------------------------------------------- an independent reader

/// Kangxi radicals and CJK compatibility ideographs back to the ideographs they stand for (their NFKC
/// forms, written out here rather than taken from the generator).
const COMPAT: [(char, char); 40] = [
    ('\u{2F00}', '一'),
    ('\u{2F06}', '二'),
    ('\u{F9D1}', '六'),
    ('\u{2F0B}', '八'),
    ('\u{2F17}', '十'),
    ('\u{2F08}', '人'),
    ('\u{2F0A}', '入'),
    ('\u{2F24}', '大'),
    ('\u{2F29}', '小'),
    ('\u{2F2F}', '工'),
    ('\u{2F47}', '日'),
    ('\u{2F49}', '月'),
    ('\u{2F42}', '文'),
    ('\u{2F8F}', '行'),
    ('\u{2F45}', '方'),
    ('\u{2F12}', '力'),
    ('\u{2F3C}', '心'),
    ('\u{2F3F}', '手'),
    ('\u{2F54}', '水'),
    ('\u{2F26}', '子'),
    ('\u{2F2D}', '山'),
    ('\u{2F63}', '生'),
    ('\u{2F64}', '用'),
    ('\u{2F65}', '田'),
    ('\u{2F6C}', '目'),
    ('\u{2F70}', '示'),
    ('\u{2F74}', '立'),
    ('\u{2F83}', '自'),
    ('\u{2F84}', '至'),
    ('\u{2F94}', '言'),
    ('\u{F967}', '不'),
    ('\u{F98E}', '年'),
    ('\u{FA01}', '度'),
    ('\u{2FA6}', '金'),
    ('\u{F9DD}', '利'),
    ('\u{F9E4}', '理'),
    ('\u{F9BE}', '料'),
    ('\u{F961}', '率'),
    ('\u{FAAE}', '类'),
    ('\u{F9D8}', '律'),
];

fn uncompat(c: char) -> char {
    COMPAT.iter().find(|p| p.0 == c).map_or(c, |p| p.1)
}

/// The visible text: tags, scripts and styles dropped, entities decoded.
fn strip_html(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out += &rest[..i];
        let after = &rest[i..];
        let lower = after.get(..8).unwrap_or("").to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            after.find("</script>").map(|j| j + 9)
        } else if lower.starts_with("<style") {
            after.find("</style>").map(|j| j + 8)
        } else {
            after.find('>').map(|j| j + 1)
        };
        match skip_to {
            Some(j) => {
                out.push('\n');
                rest = &after[j..];
            }
            None => break,
        }
    }
    out += if rest.starts_with('<') { "" } else { rest };
    out.replace("&nbsp;", " ")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Page furniture: "— 4 —", "- 4 -", "第 4 页", and (PDF/OCR) a bare page number.
fn furniture(line: &str, pdf: bool) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(|c| c == '—' || c == '-' || c == ' ');
    let numeric = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
    (numeric && (t.starts_with('—') || t.starts_with("- ")))
        || (t.starts_with("第 ") && t.ends_with(" 页"))
        || (pdf && numeric && t == inner)
}

/// The report reduced to a stream of characters without whitespace, furniture or Markdown pipes.
fn stream(text: &str, layout: Layout) -> String {
    let t = match layout {
        Layout::Html | Layout::Portal => strip_html(text),
        _ => text.to_string(),
    };
    let t: String = t.chars().map(uncompat).collect();
    let pdf = matches!(layout, Layout::Pdf | Layout::Ocr);
    let mut s = String::new();
    for line in t.lines() {
        if !furniture(line, pdf) {
            s += line;
            s.push('\n');
        }
    }
    if layout == Layout::Markdown {
        // Generic header cells “数据1 | 数据2 …” and table rules.
        let mut out = String::new();
        let mut rest = s.as_str();
        while let Some(i) = rest.find("数据") {
            let after = &rest[i + "数据".len()..];
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                out += &rest[..i];
                rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
            } else {
                out += &rest[..i + "数据".len()];
                rest = after;
            }
        }
        out += rest;
        s = out.replace('|', "").replace("---", "");
    }
    let s =
        s.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace("其它", "其他").replace("合计", "总计");
    // A PDF repeats the T3 header after a page break: keep its first occurrence only.
    let Some(first) = s.find("本列数据的勾稽关系") else { return s };
    let Some(len) = s[first..].find("法律服务机构其他").map(|i| i + "法律服务机构其他".len()) else {
        return s;
    };
    let header = s[first..first + len].to_string();
    format!("{}{}", &s[..first + len], s[first + len..].replace(&header, ""))
}

/// Digits (and minus signs) of `s`, without the ordinal ("2." "2、" "2．") that starts the next label.
fn digits(s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    if c.len() >= 2 && ".．、".contains(c[c.len() - 1]) && c[c.len() - 2].is_ascii_digit() {
        c.truncate(c.len() - 2);
    }
    c.into_iter().filter(|ch| ch.is_ascii_digit() || *ch == '-').collect()
}

fn written(v: &Val) -> String {
    match v {
        Val::Num(x) => x.to_string(),
        Val::Blank => String::new(),
        Val::Raw(s) => s.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect(),
    }
}

/// Finds `keys` in order after `from` and returns the digits between each key and the next one
/// (the last up to `end`).
fn rows_after(s: &str, from: usize, keys: &[&str], end: &str, what: &str) -> Vec<String> {
    let mut at = vec![];
    let mut pos = from;
    for k in keys {
        // R23 "3.其他": not the group label "（六）其他处理" that a converter may repeat on every row.
        let found =
            s[pos..].match_indices(k).map(|(i, _)| i).find(|i| *k != "其他" || !s[pos + i..].starts_with("其他处理"));
        let i = pos + found.unwrap_or_else(|| panic!("{what}: label {k} not found in {}", &s[pos..]));
        at.push((i, i + k.len()));
        pos = i + k.len();
    }
    let stop = pos + s[pos..].find(end).unwrap_or(s.len() - pos);
    (0..keys.len()).map(|i| digits(&s[at[i].1..if i + 1 < keys.len() { at[i + 1].0 } else { stop }])).collect()
}

fn t3_key(k: &str) -> &'static str {
    match k {
        "R01" => "本年新收",
        "R02" => "上年结转",
        "R03" => "予以公开",
        "R04" => "部分公开",
        "R05" => "属于国家秘密",
        "R06" => "其他法律行政",
        "R07" => "危及“三安全",
        "R08" => "保护第三方合法",
        "R09" => "属于三类内部",
        "R10" => "属于四类过程",
        "R11" => "属于行政执法",
        "R12" => "属于行政查询",
        "R13" => "本机关不掌握",
        "R14" => "没有现成信息",
        "R15" => "补正后申请内",
        "R16" => "信访举报投诉",
        "R17" => "重复申请",
        "R18" => "要求提供公开",
        "R19" => "无正当理由大",
        "R20" => "要求行政机关",
        "R21" => "申请人无正当",
        "R22" => "申请人逾期未",
        "R23" => "其他",
        "R21_23" => "其他处理",
        "R24" => "总计",
        "R25" => "结转下年度",
        _ => unreachable!(),
    }
}

fn t2_key(k: &str) -> &'static str {
    match k {
        "regulations" => "规章",
        "normative_docs" => "规范性文件",
        "licensing" => "行政许可",
        "other_services" => "其他对外管理服务事项",
        "penalty" => "行政处罚",
        "enforcement" => "行政强制",
        "fees" => "行政事业性收费",
        "procurement" => "政府集中采购",
        _ => unreachable!(),
    }
}

#[test]
fn every_layout_carries_the_same_cell_values() {
    for seed in 0..40 {
        for layout in Layout::ALL {
            let case = gen::clean(seed, layout);
            let m = &case.model;
            let s = stream(&case.text, layout);
            let what = format!("seed {seed} {}", layout.name());
            // T2
            let t2_from = s.find("第二十条第").unwrap_or_else(|| panic!("{what}: no T2"));
            let keys: Vec<&str> = m.t2.rows.iter().map(|(k, _)| t2_key(k)).collect();
            let got = rows_after(&s, t2_from, &keys, "收到和处理政府信息公开申请情况", &what);
            for ((k, row), g) in m.t2.rows.iter().zip(&got) {
                let want: String = row.iter().map(written).collect();
                assert_eq!(g, &want, "{what}: T2 {k}");
            }
            // T3
            let t3_from = s.find("本列数据的勾稽关系").unwrap_or_else(|| panic!("{what}: no T3"));
            let keys: Vec<&str> = m.t3.rows.iter().map(|(k, _)| t3_key(k)).collect();
            let got = rows_after(&s, t3_from, &keys, "行政复议", &what);
            for ((k, row), g) in m.t3.rows.iter().zip(&got) {
                let want: String = row.iter().map(written).collect();
                assert_eq!(g, &want, "{what}: T3 {k}");
            }
            // T4: the 15 values after the header, up to part 五.
            let t4_from = t3_from + s[t3_from..].find("复议后起诉").unwrap_or_else(|| panic!("{what}: no T4"));
            let got = rows_after(&s, t4_from, &["复议后起诉"], "存在的主要问题", &what);
            let want: String = m.t4.v.iter().map(written).collect();
            assert_eq!(got[0], want, "{what}: T4");
        }
    }
}

#[test]
fn layouts_keep_their_shape() {
    for seed in 0..30 {
        let m = gen::clean(seed, Layout::Crawler);
        let lines: Vec<&str> = m.text.lines().collect();
        assert_eq!(lines.len(), 10, "crawler: a 9-line header and the report on one line");
        assert!(lines[8].starts_with("====") && lines[9].contains("本年新收政府信息公开申请数量"));
        let p = gen::clean(seed, Layout::Portal);
        assert!(p.text.starts_with("<!DOCTYPE html>") && p.text.contains("id=\"utime\">"));
        assert!(!p.text.contains("id=\"zoom\"") && !p.text.contains("TRS_Editor"));
        let saved = p.model.saved.zh();
        assert!(p.text.contains(&saved) && p.model.saved > p.model.published, "the clock shows a later date");
        let h = gen::clean(seed, Layout::Html);
        assert!(h.text.contains("rowspan=") && h.text.contains("colspan="));
        let o = gen::clean(seed, Layout::Ocr);
        assert!(o
            .text
            .chars()
            .any(|c| ('\u{2F00}'..='\u{2FDF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)));
        let w = gen::clean(seed, Layout::Word);
        assert!(w.text.lines().any(|l| l.trim() == "一、本年新收政府信息公开申请数量"), "word: a cell per line");
        let web = gen::clean(seed, Layout::Web);
        assert!(web.text.lines().any(|l| l.starts_with("一、本年新收政府信息公开申请数量\t")), "web: a row per line");
    }
}

#[test]
fn generation_is_deterministic() {
    for layout in Layout::ALL {
        assert_eq!(gen::clean(7, layout).text, gen::clean(7, layout).text);
        assert_ne!(gen::clean(7, layout).text, gen::clean(8, layout).text);
        let (a, b) = gen::pair(9, Fault::T3Total, layout);
        let (c, d) = gen::pair(9, Fault::T3Total, layout);
        assert_eq!((a.text, b.text), (c.text, d.text));
    }
}

fn t3_identities_hold(m: &Model) -> (bool, bool, bool) {
    let t = &m.t3;
    let outcomes: Vec<&str> =
        t.rows.iter().map(|(k, _)| *k).filter(|k| !matches!(*k, "R01" | "R02" | "R24" | "R25")).collect();
    let rows = t.rows.iter().all(|(_, r)| r[..6].iter().map(Val::n).sum::<i64>() == r[6].n());
    let result = (0..7).all(|c| outcomes.iter().map(|k| t.n(k, c)).sum::<i64>() == t.n("R24", c));
    let balance = (0..7).all(|c| t.n("R01", c) + t.n("R02", c) == t.n("R24", c) + t.n("R25", c));
    (rows, result, balance)
}

#[test]
fn each_fault_changes_what_it_claims() {
    for f in Fault::ALL {
        for seed in 0..25 {
            let (twin, bad) = gen::pair(seed, f, Layout::Word);
            let what = format!("{} seed {seed}", f.id());
            assert_ne!(twin.text, bad.text, "{what}: nothing planted");
            assert!(!bad.catch().is_empty(), "{what}: no catching rule");
            let (m, t, tt) = (&bad.model, &bad.text, &twin.text);
            let y = m.year;
            let s = &m.said;
            let count = |hay: &str, needle: &str| hay.matches(needle).count();
            match f {
                Fault::T3Total => assert!(!t3_identities_hold(m).1, "{what}"),
                Fault::T3RowTotal => assert!(!t3_identities_hold(m).0, "{what}"),
                Fault::T3Balance => assert!(!t3_identities_hold(m).2, "{what}"),
                Fault::T4Group => {
                    assert!(
                        (0..3).any(|g| m.t4.v[g * 5..g * 5 + 4].iter().map(Val::n).sum::<i64>() != m.t4.total(g)),
                        "{what}"
                    )
                }
                Fault::T3RowMissing => {
                    let k = m.flaw.missing_row.expect("row");
                    let grid = bad.doc.blocks.iter().find_map(|b| match b {
                        Block::Table(g) if g.id == "T3" => Some(g),
                        _ => None,
                    });
                    assert!(!grid.unwrap().keys.contains(&Some(k)), "{what}");
                    assert_eq!(t3_identities_hold(m), (true, true, true), "{what}: arithmetic still holds");
                }
                Fault::CellText => {
                    let raw = |v: &Val| matches!(v, Val::Raw(x) if x.contains('附'));
                    let any = m.t2.rows.iter().flat_map(|(_, r)| r.iter()).any(raw)
                        || m.t3.rows.iter().flat_map(|(_, r)| r.iter()).any(raw);
                    assert!(any && t.contains('附'), "{what}");
                }
                Fault::Negative => {
                    assert!(m.t3.rows.iter().any(|(_, r)| r.iter().any(|v| v.n() < 0)), "{what}");
                    assert!(t3_identities_hold(m).2, "{what}: the author forced the balance");
                }
                Fault::TextReceived => assert_ne!(s.received, m.t3.n("R01", 6), "{what}"),
                Fault::TextCarryOut => {
                    assert_ne!(s.carry_out, m.t3.n("R25", 6), "{what}");
                    assert!(t.contains(&format!("{}件", s.carry_out)), "{what}");
                }
                Fault::AllDone => {
                    assert!(m.t3.n("R25", 6) > 0, "{what}");
                    assert!(t.contains("均已按期办结") || t.contains("均已全部办结"), "{what}");
                }
                Fault::TextGranted => {
                    assert_ne!(s.granted, m.t3.n("R03", 6), "{what}");
                    assert!(t.contains(&format!("予以公开{}件", s.granted)), "{what}");
                }
                Fault::TextReview => {
                    assert_ne!(s.review, m.t4.total(0), "{what}");
                    assert!(t.contains(&format!("行政复议{}件", s.review)), "{what}");
                }
                Fault::NoReview => {
                    assert!(m.t4.total(0) > 0 && t.contains("未发生因政府信息公开引起的行政复议"), "{what}")
                }
                Fault::PlanYear => {
                    let py = m.flaw.plan_year.unwrap();
                    assert!(py <= y && t.contains(&format!("{py}年")), "{what}");
                }
                Fault::StaleYear => {
                    assert!(count(t, &format!("{}年，", y - 1)) > count(tt, &format!("{}年，", y - 1)), "{what}")
                }
                Fault::PeriodYear => {
                    let p = m.flaw.period_year.unwrap();
                    assert!(
                        p != y && t.contains(&format!("{p}年1月1日")) && !tt.contains(&format!("{p}年1月1日")),
                        "{what}"
                    );
                }
                Fault::TitleYear => {
                    assert!(
                        !bad.doc.title.contains(&y.to_string()) && twin.doc.title.contains(&y.to_string()),
                        "{what}"
                    )
                }
                Fault::SignEarly => assert!(m.flaw.sign.unwrap() <= Date::new(y, 12, 31), "{what}"),
                Fault::PartMissing => {
                    let heads = |b: &[Block]| b.iter().filter(|x| matches!(x, Block::Heading(_))).count();
                    assert_eq!((heads(&twin.doc.blocks), heads(&bad.doc.blocks)), (6, 5), "{what}");
                }
                Fault::PartsOrder => {
                    let order = |b: &[Block]| -> Vec<String> {
                        b.iter()
                            .filter_map(|x| if let Block::Heading(h) = x { Some(h.clone()) } else { None })
                            .collect()
                    };
                    assert_ne!(order(&twin.doc.blocks), order(&bad.doc.blocks), "{what}");
                    assert_eq!(order(&bad.doc.blocks).len(), 6, "{what}");
                }
                Fault::OldLabels => {
                    assert!(y >= 2021, "{what}");
                    let old = t.contains("本年新制作数量")
                        || m.t3.row("R21_23").is_some()
                        || t.lines().any(|l| l.trim() == "规范性文件");
                    assert!(old, "{what}");
                }
                Fault::OldBasis => {
                    assert!(y >= 2021 && t.contains("〔2019〕60号") && !tt.contains("〔2019〕60号"), "{what}")
                }
                Fault::NoInfoFee => {
                    assert!(y >= 2021, "{what}");
                    assert!(section_text(&twin.doc.blocks, "其他需要报告").contains("信息处理费"), "{what}");
                    assert!(!section_text(&bad.doc.blocks, "其他需要报告").contains("信息处理费"), "{what}");
                }
                Fault::Typo => assert!(t.contains("问提") && !tt.contains("问提"), "{what}"),
                Fault::DupWord => assert!(doubled_word(t).is_some(), "{what}"),
                Fault::Jiezhi => assert!(t.contains(&format!("截止{y}年")), "{what}"),
                Fault::Residue => {
                    assert!(t.contains("XX") || t.contains("（单位名称）") || t.contains("X月X日"), "{what}")
                }
            }
        }
    }
}
