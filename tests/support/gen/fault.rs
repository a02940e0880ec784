//! The faults an author makes, one per report, each with the rule ids (rules.md §4) that count as
//! catching it. A fault first says what it needs of the model, then plants itself.

use super::model::{Date, Fmt, Model, Needs, Val, OTHER_2021};
use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    T3Total,
    T3RowTotal,
    T3Balance,
    T4Group,
    T3RowMissing,
    CellText,
    Negative,
    TextReceived,
    TextCarryOut,
    AllDone,
    TextGranted,
    TextReview,
    NoReview,
    PlanYear,
    StaleYear,
    PeriodYear,
    TitleYear,
    SignEarly,
    PartMissing,
    PartsOrder,
    OldLabels,
    OldBasis,
    NoInfoFee,
    Typo,
    DupWord,
    Jiezhi,
    Residue,
}

/// What was planted: the rule ids that catch it, a short note, and what the year/format should be read as.
#[derive(Clone, Debug)]
pub struct Planted {
    pub catch: Vec<&'static str>,
    pub note: String,
    /// `None`: this fault makes the format ambiguous (2019 labels in a 2021+ report); not scored.
    pub format: Option<Fmt>,
}

impl Fault {
    pub const ALL: [Fault; 27] = [
        Fault::T3Total,
        Fault::T3RowTotal,
        Fault::T3Balance,
        Fault::T4Group,
        Fault::T3RowMissing,
        Fault::CellText,
        Fault::Negative,
        Fault::TextReceived,
        Fault::TextCarryOut,
        Fault::AllDone,
        Fault::TextGranted,
        Fault::TextReview,
        Fault::NoReview,
        Fault::PlanYear,
        Fault::StaleYear,
        Fault::PeriodYear,
        Fault::TitleYear,
        Fault::SignEarly,
        Fault::PartMissing,
        Fault::PartsOrder,
        Fault::OldLabels,
        Fault::OldBasis,
        Fault::NoInfoFee,
        Fault::Typo,
        Fault::DupWord,
        Fault::Jiezhi,
        Fault::Residue,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Fault::T3Total => "t3-total",
            Fault::T3RowTotal => "t3-row-total",
            Fault::T3Balance => "t3-balance",
            Fault::T4Group => "t4-group",
            Fault::T3RowMissing => "t3-row-missing",
            Fault::CellText => "cell-text",
            Fault::Negative => "negative",
            Fault::TextReceived => "text-received",
            Fault::TextCarryOut => "text-carryout",
            Fault::AllDone => "all-done",
            Fault::TextGranted => "text-granted",
            Fault::TextReview => "text-review",
            Fault::NoReview => "no-review",
            Fault::PlanYear => "plan-year",
            Fault::StaleYear => "stale-year",
            Fault::PeriodYear => "period-year",
            Fault::TitleYear => "title-year",
            Fault::SignEarly => "sign-early",
            Fault::PartMissing => "part-missing",
            Fault::PartsOrder => "parts-order",
            Fault::OldLabels => "old-labels",
            Fault::OldBasis => "old-basis",
            Fault::NoInfoFee => "no-infofee",
            Fault::Typo => "typo",
            Fault::DupWord => "dup-word",
            Fault::Jiezhi => "jiezhi",
            Fault::Residue => "residue",
        }
    }

    pub fn parse(s: &str) -> Option<Fault> {
        Fault::ALL.iter().copied().find(|f| f.id() == s)
    }

    /// The variant of this fault for `seed` (stable between `needs` and `plant`).
    fn variant(self, seed: u64, n: u64) -> u64 {
        Rng::derive(seed, self.id()).below(n)
    }

    pub fn needs(self, seed: u64) -> Needs {
        let mut n = Needs::default();
        match self {
            Fault::T3Total | Fault::T3RowTotal | Fault::Negative | Fault::TextReceived => n.apps = true,
            Fault::T3Balance => n.apps = true,
            Fault::TextCarryOut | Fault::AllDone => n.carry_out = true,
            Fault::TextGranted => n.granted = true,
            Fault::TextReview | Fault::NoReview => {
                n.review = true;
                n.t4_text = true;
            }
            Fault::PlanYear => n.plan_year = true,
            Fault::StaleYear => {
                n.apps = true;
                if self.variant(seed, 3) == 0 {
                    n.carry_in = true;
                }
            }
            Fault::PeriodYear | Fault::TitleYear => {
                n.title = true;
                n.first_year = true;
            }
            Fault::OldLabels | Fault::OldBasis | Fault::NoInfoFee => n.min_year = Some(2021),
            _ => {}
        }
        n
    }

    /// Plants the fault into a clean model built with `self.needs(seed)`.
    pub fn plant(self, m: &mut Model) -> Planted {
        let r = &mut Rng::derive(m.seed, "plant");
        let y = m.year;
        let mut format = Some(m.fmt);
        let (catch, note): (Vec<&'static str>, String) = match self {
            Fault::T3Total => {
                let cols: Vec<usize> = (0..6).filter(|c| m.t3.n("R24", *c) > 0).collect();
                let c = if cols.is_empty() || r.chance(0.4) { 6 } else { *r.pick(&cols) };
                let v = m.t3.n("R24", c);
                let d = r.range(1, 3);
                let nv = if v >= d && r.chance(0.5) { v - d } else { v + d };
                m.t3.row_mut("R24").expect("R24")[c] = Val::Num(nv);
                let mut ids = vec!["T3-RESULT-SUM", "T3-BALANCE", "T3-ROW-TOTAL", "T3-OUT-LE-IN"];
                if c == 6 {
                    ids.push("T3-TEXT-PROCESSED");
                }
                (ids, format!("（七）总计 C{} {v}→{nv}", c + 1))
            }
            Fault::T3RowTotal => {
                let keys: Vec<&'static str> =
                    m.t3.rows.iter().filter(|(k, v)| *k != "R24" && v[6].n() > 0).map(|(k, _)| *k).collect();
                let k = if keys.is_empty() { "R01" } else { *r.pick(&keys) };
                let v = m.t3.n(k, 6);
                let nv = if v >= 10 && r.chance(0.4) {
                    // two digits swapped
                    let s: Vec<char> = v.to_string().chars().collect();
                    let mut t = s.clone();
                    let i = r.below(s.len() as u64 - 1) as usize;
                    t.swap(i, i + 1);
                    let n: i64 = t.iter().collect::<String>().parse().unwrap_or(v + 1);
                    if n == v {
                        v + 1
                    } else {
                        n
                    }
                } else if v > 1 && r.chance(0.5) {
                    v - r.range(1, v.min(9))
                } else {
                    v + r.range(1, 9)
                };
                m.t3.row_mut(k).expect("row")[6] = Val::Num(nv);
                let mut ids = vec!["T3-ROW-TOTAL", "T3-RESULT-SUM", "T3-BALANCE", "T3-OUT-LE-IN"];
                ids.push(match k {
                    "R01" => "T3-TEXT-RECEIVED",
                    "R02" => "T3-TEXT-CARRYIN",
                    "R25" => "T3-TEXT-CARRYOUT",
                    _ => "T3-TEXT-BREAKDOWN",
                });
                (ids, format!("{k} 总计 {v}→{nv}"))
            }
            Fault::T3Balance => {
                let c = (0..6).max_by_key(|c| m.t3.n("R01", *c)).unwrap_or(0);
                let row = m.t3.row_mut("R25").expect("R25");
                let (a, b) = (row[c].n(), row[6].n());
                row[c] = Val::Num(a + 1);
                row[6] = Val::Num(b + 1);
                (vec!["T3-BALANCE", "T3-OUT-LE-IN", "T3-TEXT-CARRYOUT"], format!("结转下年度 C{} {a}→{}", c + 1, a + 1))
            }
            Fault::T4Group => {
                let groups: Vec<usize> = (0..3).filter(|g| m.t4.total(*g) > 0).collect();
                let g = if groups.is_empty() { 0 } else { *r.pick(&groups) };
                let v = m.t4.total(g);
                let nv = if v > 0 && r.chance(0.5) { v - 1 } else { v + 1 };
                m.t4.v[g * 5 + 4] = Val::Num(nv);
                (vec!["T4-GROUP-SUM", "T4-TEXT-COUNT", "T4-TEXT-ZERO"], format!("T4 组{} 总计 {v}→{nv}", g + 1))
            }
            Fault::T3RowMissing => {
                let outcome: Vec<&'static str> =
                    m.t3.rows
                        .iter()
                        .filter(|(k, v)| {
                            !matches!(*k, "R01" | "R02" | "R03" | "R04" | "R24" | "R25") && v.iter().all(|x| x.n() == 0)
                        })
                        .map(|(k, _)| *k)
                        .collect();
                let k = if outcome.is_empty() {
                    // Every outcome row has figures (rare): the author deletes one and its figures go to 予以公开.
                    let k = "R07";
                    let vals = m.t3.row("R07").cloned().expect("R07");
                    let r03 = m.t3.row_mut("R03").expect("R03");
                    for c in 0..7 {
                        r03[c] = Val::Num(r03[c].n() + vals[c].n());
                    }
                    m.said = m.said_from_tables();
                    k
                } else {
                    *r.pick(&outcome)
                };
                m.flaw.missing_row = Some(k);
                (vec!["T3-ROWS-PRESENT"], format!("T3 缺 {k} 行"))
            }
            Fault::CellText => {
                let text = *r.pick(&["见附件", "详见附件", "见附表"]);
                if r.chance(0.7) {
                    let k = *r.pick(&["licensing", "penalty", "enforcement"]);
                    let col = if m.fmt == Fmt::V2019 { 2 } else { 0 };
                    m.t2.row_mut(k).expect("T2 row")[col] = Val::Raw(text.into());
                    (vec!["TBL-CELL-NUMERIC"], format!("T2 {k} = {text}"))
                } else {
                    let zero: Vec<&'static str> =
                        m.t3.rows
                            .iter()
                            .filter(|(k, v)| !matches!(*k, "R24") && v.iter().all(|x| x.n() == 0))
                            .map(|(k, _)| *k)
                            .collect();
                    let k = if zero.is_empty() { "R02" } else { *r.pick(&zero) };
                    let row = m.t3.row_mut(k).expect("row");
                    let c = if row[6].n() == 0 { 6 } else { 0 };
                    row[c] = Val::Raw(text.into());
                    (vec!["TBL-CELL-NUMERIC"], format!("T3 {k} C{} = {text}", c + 1))
                }
            }
            Fault::Negative => {
                // The author forced the balance with a negative carry-over.
                let c = (0..6).max_by_key(|c| m.t3.n("R01", *c)).unwrap_or(0);
                let d = m.t3.n("R25", c) + 1;
                for (k, delta) in [("R03", d), ("R24", d), ("R25", -d)] {
                    let row = m.t3.row_mut(k).expect("row");
                    row[c] = Val::Num(row[c].n() + delta);
                    row[6] = Val::Num(row[6].n() + delta);
                }
                let v = m.t3.n("R25", c);
                (
                    vec![
                        "TBL-CELL-NONNEG-INT",
                        "T3-OUT-LE-IN",
                        "T3-TEXT-PROCESSED",
                        "T3-TEXT-CARRYOUT",
                        "T3-TEXT-BREAKDOWN",
                    ],
                    format!("结转下年度 C{} = {v}", c + 1),
                )
            }
            Fault::TextReceived => {
                let v = m.said.received;
                let nv = off_by(r, v);
                m.said.received = nv;
                (vec!["T3-TEXT-RECEIVED"], format!("收到申请 {v}→{nv}"))
            }
            Fault::TextCarryOut => {
                let v = m.said.carry_out;
                let nv = if v > 1 && r.chance(0.5) { v - 1 } else { v + 1 };
                m.said.carry_out = nv;
                (vec!["T3-TEXT-CARRYOUT"], format!("结转下年度 {v}→{nv}"))
            }
            Fault::AllDone => {
                let stated = r.chance(0.5);
                m.flaw.all_done = Some(stated);
                (
                    vec!["T3-TEXT-CARRYOUT"],
                    format!("均已办结 / 结转 {}{}", m.t3.n("R25", 6), if stated { "（另句写明结转）" } else { "" }),
                )
            }
            Fault::TextGranted => {
                let v = m.said.granted;
                let nv = off_by(r, v);
                m.said.granted = nv;
                (vec!["T3-TEXT-BREAKDOWN", "T3-TEXT-PERCENT"], format!("予以公开 {v}→{nv}"))
            }
            Fault::TextReview => {
                let v = m.said.review;
                let nv = if v > 1 && r.chance(0.5) { v - 1 } else { v + 1 };
                m.said.review = nv;
                (vec!["T4-TEXT-COUNT"], format!("行政复议 {v}→{nv}"))
            }
            Fault::NoReview => {
                m.flaw.no_review = true;
                (vec!["T4-TEXT-ZERO"], format!("未发生行政复议 / 复议 {}", m.t4.total(0)))
            }
            Fault::PlanYear => {
                let py = if r.chance(0.8) { y } else { y - 1 };
                m.flaw.plan_year = Some(py);
                (vec!["N-PLAN-YEAR"], format!("改进计划写 {py} 年"))
            }
            Fault::StaleYear => {
                let v = self.variant(m.seed, 3) as u8;
                m.flaw.stale = Some(v);
                let what = ["申请句（含上年结转）", "申请句", "主动公开句"][v as usize];
                (vec!["N-STALE-YEAR", "N-YEAR-CONFLICT"], format!("{what}写 {} 年", y - 1))
            }
            Fault::PeriodYear => {
                let p = if r.chance(0.8) { y - 1 } else { y + 1 };
                m.flaw.period_year = Some(p);
                (vec!["N-STAT-PERIOD", "N-YEAR-CONFLICT"], format!("统计期限写 {p} 年"))
            }
            Fault::TitleYear => {
                let t = if r.chance(0.7) { y - 1 } else { y + 1 };
                m.flaw.title_year = Some(t);
                (vec!["N-YEAR-CONFLICT"], format!("标题写 {t} 年，正文与统计期限 {y} 年"))
            }
            Fault::SignEarly => {
                let d = match r.below(3) {
                    0 => Date::new(y, 1, r.range(10, 28) as u32),
                    1 => Date::new(y, 3, r.range(1, 31) as u32),
                    _ => Date::new(y, 12, r.range(1, 28) as u32),
                };
                m.flaw.sign = Some(d);
                (vec!["N-SIGN-DATE-EARLY", "N-DATE-AFTER-PUB"], format!("落款 {}", d.zh()))
            }
            Fault::PartMissing => {
                let s = [5u8, 5, 3, 4][r.below(4) as usize];
                m.flaw.drop_section = Some(s);
                let mut ids = vec![
                    "STRUCT-SECTIONS-PRESENT",
                    "STRUCT-SECTION-ORDER",
                    "STRUCT-SECTION-SHIFT",
                    "STRUCT-ORDINAL-GAP",
                    "STRUCT-INTRO-PARTCOUNT",
                ];
                match s {
                    3 => ids.extend(["STRUCT-TABLE-MISSING", "T4-CELLS-PRESENT"]),
                    4 => ids.extend(["C5-NONEMPTY"]),
                    _ => ids.extend(["C6-NONEMPTY", "C6-INFOFEE"]),
                }
                (ids, format!("缺第{}部分", ["一", "二", "三", "四", "五", "六"][s as usize]))
            }
            Fault::PartsOrder => {
                let v = r.below(2) as u8;
                m.flaw.swap = Some(v);
                (
                    vec!["STRUCT-SECTION-ORDER", "STRUCT-ORDINAL-GAP", "STRUCT-SECTION-SHIFT"],
                    if v == 0 { "五、六 标题互换".into() } else { "四、五 两部分顺序颠倒".into() },
                )
            }
            Fault::OldLabels => {
                format = None;
                match self.variant(m.seed, 3) {
                    0 => {
                        let s = m.said.clone();
                        let mut t2 = super::model::gen_t2(r, Fmt::V2019, &m.body, &m.style);
                        if let Some(row) = t2.row_mut("normative_docs") {
                            row[0] = Val::Num(s.issued);
                            row[2] = Val::Num(s.in_force.max(s.issued));
                        }
                        if let Some(row) = t2.row_mut("licensing") {
                            row[2] = Val::Num(s.licensing);
                        }
                        if let Some(row) = t2.row_mut("penalty") {
                            row[2] = Val::Num(s.penalty);
                        }
                        m.t2 = t2;
                        (
                            vec!["STRUCT-FORMAT-VERSION", "T2-COLUMNS-2021", "T2-ROWS-PRESENT"],
                            "表二用2019年试行格式".into(),
                        )
                    }
                    1 => {
                        let mut merged: [Val; 7] = std::array::from_fn(|_| Val::Num(0));
                        for k in OTHER_2021 {
                            let row = m.t3.row(k).cloned().expect("row");
                            for c in 0..7 {
                                merged[c] = Val::Num(merged[c].n() + row[c].n());
                            }
                        }
                        let pos = m.t3.rows.iter().position(|(k, _)| *k == "R21").expect("R21");
                        m.t3.rows.retain(|(k, _)| !OTHER_2021.contains(k));
                        m.t3.rows.insert(pos, ("R21_23", merged));
                        (
                            vec!["STRUCT-FORMAT-VERSION", "T3-OTHER-SPLIT-2021", "T3-ROWS-PRESENT"],
                            "表三（六）其他处理为单行（2019格式）".into(),
                        )
                    }
                    _ => {
                        m.flaw.old_row_label = true;
                        format = Some(m.fmt);
                        (vec!["STRUCT-OLD-ROW-LABEL", "STRUCT-FORMAT-VERSION"], "表二行名“规范性文件”".into())
                    }
                }
            }
            Fault::OldBasis => {
                m.flaw.old_basis = true;
                (vec!["STRUCT-OUTDATED-BASIS"], "引用国办公开办函〔2019〕60号".into())
            }
            Fault::NoInfoFee => {
                m.flaw.no_infofee = true;
                (vec!["C6-INFOFEE", "C6-NONEMPTY"], "六 未写信息处理费".into())
            }
            Fault::Typo => {
                m.flaw.typo = true;
                (vec!["S-TYPO"], "问提".into())
            }
            Fault::DupWord => {
                m.flaw.dup_word = true;
                (vec!["S-DUP-WORD"], "改进措施首词重复".into())
            }
            Fault::Jiezhi => {
                m.flaw.jiezhi = true;
                (vec!["S-JIEZHI"], "截止+日期".into())
            }
            Fault::Residue => {
                let v = r.below(3) as u8;
                m.flaw.residue = Some(v);
                (vec!["N-TEMPLATE-RESIDUE"], ["XX单位名", "（单位名称）", "X月X日"][v as usize].into())
            }
        };
        Planted { catch, note, format }
    }
}

/// A count misstated by a small amount (never equal, never negative).
fn off_by(r: &mut Rng, v: i64) -> i64 {
    let d = r.range(1, if v >= 20 { 5 } else { 2 });
    if v > d && r.chance(0.5) {
        v - d
    } else {
        v + d
    }
}
