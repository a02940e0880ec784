//! The three tables as grids of cells with their merges, in the official header layout.

use super::model::{Fmt, Model, Val};

#[derive(Clone, Debug)]
pub struct GCell {
    pub text: String,
    pub rs: usize,
    pub cs: usize,
    /// A numeric data cell (not a label or header).
    pub data: bool,
}

impl GCell {
    fn label(text: impl Into<String>, rs: usize, cs: usize) -> GCell {
        GCell { text: text.into(), rs, cs, data: false }
    }
}

#[derive(Clone, Debug)]
pub struct Grid {
    pub id: &'static str,
    pub width: usize,
    pub rows: Vec<Vec<GCell>>,
    /// The canonical row key of each data row (`None` for headers and captions).
    pub keys: Vec<Option<&'static str>>,
    /// Rows before the first data row that a PDF repeats after a page break.
    pub header_rows: usize,
}

impl Grid {
    fn new(id: &'static str, width: usize) -> Grid {
        Grid { id, width, rows: vec![], keys: vec![], header_rows: 0 }
    }
    fn push(&mut self, key: Option<&'static str>, row: Vec<GCell>) {
        self.rows.push(row);
        self.keys.push(key);
    }

    /// For each row, which cells start there and which slots are covered from above:
    /// `Slot::Start(i)` the i-th cell of the row, `Slot::Below` a slot covered by a rowspan from above
    /// (the first slot of that cell only), `Slot::Right` a colspan continuation or covered slot after it.
    pub fn slots(&self) -> Vec<Vec<Slot>> {
        let h = self.rows.len();
        let mut taken: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; self.width]; h];
        let mut out = vec![vec![Slot::Right; self.width]; h];
        for (ri, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (ci, cell) in row.iter().enumerate() {
                while col < self.width && taken[ri][col].is_some() {
                    col += 1;
                }
                if col >= self.width {
                    break;
                }
                for dr in 0..cell.rs {
                    for dc in 0..cell.cs {
                        if ri + dr < h && col + dc < self.width {
                            taken[ri + dr][col + dc] = Some((ri, col));
                            out[ri + dr][col + dc] = if dr == 0 && dc == 0 {
                                Slot::Start(ci)
                            } else if dc == 0 {
                                Slot::Below(ri)
                            } else {
                                Slot::Right
                            };
                        }
                    }
                }
                col += cell.cs;
            }
        }
        out
    }

    /// The values of the data cells, row by row, as written.
    pub fn data_rows(&self) -> Vec<(&'static str, Vec<String>)> {
        self.rows
            .iter()
            .zip(&self.keys)
            .filter_map(|(row, k)| k.map(|k| (k, row.iter().filter(|c| c.data).map(|c| c.text.clone()).collect())))
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Start(usize),
    Below(usize),
    Right,
}

/// Label spelling of one report: bracket width, ordinal dot, 其它, inner spaces.
pub struct Labels<'a> {
    pub m: &'a Model,
}

impl Labels<'_> {
    pub fn br(&self, s: &str) -> String {
        let mut s = s.to_string();
        if self.m.style.half_brackets {
            s = s.replace('（', "(").replace('）', ")");
        }
        if self.m.style.ordinal_dot != "." {
            for d in '1'..='8' {
                s = s.replace(&format!("{d}."), &format!("{d}{}", self.m.style.ordinal_dot));
            }
        }
        if self.m.style.qita {
            s = s.replace("其他", "其它");
        }
        s
    }
    fn head(&self, s: &str) -> String {
        if self.m.style.label_spaces && s.chars().count() == 4 {
            let c: Vec<char> = s.chars().collect();
            format!("{}{} {}{}", c[0], c[1], c[2], c[3])
        } else {
            s.to_string()
        }
    }
}

pub fn val_text(m: &Model, v: &Val) -> String {
    match v {
        Val::Num(n) if m.style.thousands && n.abs() >= 1000 => {
            let s = n.abs().to_string();
            let mut out = String::new();
            for (i, ch) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
            if *n < 0 {
                format!("-{out}")
            } else {
                out
            }
        }
        Val::Num(n) => n.to_string(),
        Val::Blank => String::new(),
        Val::Raw(s) => s.clone(),
    }
}

fn data(m: &Model, v: &Val) -> GCell {
    GCell { text: val_text(m, v), rs: 1, cs: 1, data: true }
}

pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// (key, level-1 group, level-2 group, label) of T3 rows.
fn t3_layout(fmt: Fmt) -> Vec<(&'static str, Option<&'static str>, Option<&'static str>, &'static str)> {
    let g3 = Some("三、本年度办理结果");
    let mut v = vec![
        ("R01", None, None, "一、本年新收政府信息公开申请数量"),
        ("R02", None, None, "二、上年结转政府信息公开申请数量"),
        ("R03", g3, None, "（一）予以公开"),
        ("R04", g3, None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ];
    let no = Some("（三）不予公开");
    for (k, l) in [
        ("R05", "1.属于国家秘密"),
        ("R06", "2.其他法律行政法规禁止公开"),
        ("R07", "3.危及“三安全一稳定”"),
        ("R08", "4.保护第三方合法权益"),
        ("R09", "5.属于三类内部事务信息"),
        ("R10", "6.属于四类过程性信息"),
        ("R11", "7.属于行政执法案卷"),
        ("R12", "8.属于行政查询事项"),
    ] {
        v.push((k, g3, no, l));
    }
    let un = Some("（四）无法提供");
    for (k, l) in [
        ("R13", "1.本机关不掌握相关政府信息"),
        ("R14", "2.没有现成信息需要另行制作"),
        ("R15", "3.补正后申请内容仍不明确"),
    ] {
        v.push((k, g3, un, l));
    }
    let np = Some("（五）不予处理");
    for (k, l) in [
        ("R16", "1.信访举报投诉类申请"),
        ("R17", "2.重复申请"),
        ("R18", "3.要求提供公开出版物"),
        ("R19", "4.无正当理由大量反复申请"),
        ("R20", "5.要求行政机关确认或重新出具已获取信息"),
    ] {
        v.push((k, g3, np, l));
    }
    match fmt {
        Fmt::V2021 => {
            let ot = Some("（六）其他处理");
            for (k, l) in [
                ("R21", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                ("R22", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                ("R23", "3.其他"),
            ] {
                v.push((k, g3, ot, l));
            }
        }
        Fmt::V2019 => v.push(("R21_23", g3, None, "（六）其他处理")),
    }
    v.push(("R24", g3, None, "（七）总计"));
    v.push(("R25", None, None, "四、结转下年度继续办理"));
    v
}

pub fn t3(m: &Model) -> Grid {
    let l = Labels { m };
    let mut g = Grid::new("T3", 10);
    let total = if m.style.heji { "合计" } else { "总计" };
    g.push(None, vec![GCell::label(NOTE, 3, 3), GCell::label("申请人情况", 1, 7)]);
    g.push(
        None,
        vec![GCell::label("自然人", 2, 1), GCell::label(l.br("法人或其他组织"), 1, 5), GCell::label(total, 2, 1)],
    );
    g.push(
        None,
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
            .iter()
            .map(|s| GCell::label(l.br(&l.head(s)), 1, 1))
            .collect(),
    );
    g.header_rows = 3;
    let fmt = if m.t3.row("R21_23").is_some() { Fmt::V2019 } else { Fmt::V2021 };
    let layout: Vec<_> =
        t3_layout(fmt).into_iter().filter(|(k, ..)| Some(*k) != m.flaw.missing_row && m.t3.row(k).is_some()).collect();
    let count = |g1: Option<&str>, g2: Option<&str>, lvl: u8| {
        layout.iter().filter(|(_, a, b, _)| if lvl == 1 { *a == g1 } else { *b == g2 }).count()
    };
    let mut seen1: Option<&str> = None;
    let mut seen2: Option<&str> = None;
    for (k, g1, g2, label) in &layout {
        let mut row = vec![];
        if let Some(a) = g1 {
            if seen1 != Some(*a) {
                row.push(GCell::label(l.br(a), count(*g1, None, 1), 1));
                seen1 = Some(a);
            }
        }
        if let Some(b) = g2 {
            if seen2 != Some(*b) {
                row.push(GCell::label(l.br(b), count(None, *g2, 2), 1));
                seen2 = Some(b);
            }
        }
        let label = if *k == "R24" { label.replace("总计", total) } else { label.to_string() };
        let cs = 3 - usize::from(g1.is_some()) - usize::from(g2.is_some());
        row.push(GCell::label(l.br(&label), 1, cs));
        let vals = m.t3.row(k).expect("row");
        for v in vals.iter() {
            row.push(data(m, v));
        }
        g.push(Some(k), row);
    }
    g
}

pub fn t4(m: &Model) -> Grid {
    let mut g = Grid::new("T4", 15);
    g.push(None, vec![GCell::label("行政复议", 1, 5), GCell::label("行政诉讼", 1, 10)]);
    let mut r2: Vec<GCell> =
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].iter().map(|s| GCell::label(*s, 2, 1)).collect();
    r2.push(GCell::label("未经复议直接起诉", 1, 5));
    r2.push(GCell::label("复议后起诉", 1, 5));
    g.push(None, r2);
    let mut r3 = vec![];
    for _ in 0..2 {
        for s in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            r3.push(GCell::label(s, 1, 1));
        }
    }
    g.push(None, r3);
    g.header_rows = 3;
    g.push(Some("-"), m.t4.v.iter().map(|v| data(m, v)).collect());
    g
}

pub fn t2(m: &Model) -> Grid {
    let l = Labels { m };
    let mut g = Grid::new("T2", 4);
    let cap = |s: &str| GCell::label(l.br(s), 1, 4);
    let row = |label: &str, vals: &[Val]| {
        let mut r = vec![GCell::label(label, 1, 1)];
        let last = vals.len() - 1;
        for (i, v) in vals.iter().enumerate() {
            let mut c = data(m, v);
            if i == last {
                c.cs = 4 - vals.len();
            }
            r.push(c);
        }
        r
    };
    let header = |cols: &[&str]| {
        let mut r = vec![GCell::label("信息内容", 1, 1)];
        let last = cols.len() - 1;
        for (i, c) in cols.iter().enumerate() {
            r.push(GCell::label(l.br(c), 1, if i == last { 4 - cols.len() } else { 1 }));
        }
        r
    };
    let get = |k: &str| m.t2.row(k).cloned().unwrap_or_default();
    match m.t2.fmt {
        Fmt::V2021 => {
            let normative = if m.flaw.old_row_label { "规范性文件" } else { "行政规范性文件" };
            g.push(None, vec![cap("第二十条第（一）项")]);
            g.push(None, header(&["本年制发件数", "本年废止件数", "现行有效件数"]));
            g.push(Some("regulations"), row("规章", &get("regulations")));
            g.push(Some("normative_docs"), row(normative, &get("normative_docs")));
            g.push(None, vec![cap("第二十条第（五）项")]);
            g.push(None, header(&["本年处理决定数量"]));
            g.push(Some("licensing"), row("行政许可", &get("licensing")));
            g.push(None, vec![cap("第二十条第（六）项")]);
            g.push(None, header(&["本年处理决定数量"]));
            g.push(Some("penalty"), row("行政处罚", &get("penalty")));
            g.push(Some("enforcement"), row("行政强制", &get("enforcement")));
            g.push(None, vec![cap("第二十条第（八）项")]);
            g.push(None, header(&["本年收费金额（单位：万元）"]));
            g.push(Some("fees"), row("行政事业性收费", &get("fees")));
        }
        Fmt::V2019 => {
            g.push(None, vec![cap("第二十条第（一）项")]);
            g.push(None, header(&["本年新制作数量", "本年新公开数量", "对外公开总数量"]));
            g.push(Some("regulations"), row("规章", &get("regulations")));
            g.push(Some("normative_docs"), row("规范性文件", &get("normative_docs")));
            g.push(None, vec![cap("第二十条第（五）项")]);
            g.push(None, header(&["上一年项目数量", "本年增/减", "处理决定数量"]));
            g.push(Some("licensing"), row("行政许可", &get("licensing")));
            g.push(Some("other_services"), row("其他对外管理服务事项", &get("other_services")));
            g.push(None, vec![cap("第二十条第（六）项")]);
            g.push(None, header(&["上一年项目数量", "本年增/减", "处理决定数量"]));
            g.push(Some("penalty"), row("行政处罚", &get("penalty")));
            g.push(Some("enforcement"), row("行政强制", &get("enforcement")));
            g.push(None, vec![cap("第二十条第（八）项")]);
            g.push(None, header(&["上一年项目数量", "本年增/减"]));
            g.push(Some("fees"), row("行政事业性收费", &get("fees")));
            g.push(None, vec![cap("第二十条第（九）项")]);
            g.push(None, header(&["采购项目数量", "采购总金额"]));
            g.push(Some("procurement"), row("政府集中采购", &get("procurement")));
        }
    }
    g
}
