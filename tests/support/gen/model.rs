//! The report model: the issuing body, the year, the three tables (consistent by construction), what
//! the prose says about them, the author's stylistic choices, and the flaws a fault plants.

use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 县/区/市 人民政府 (the whole area's report).
    Gov,
    /// 人民政府办公室.
    GovOffice,
    /// A department: 县发展和改革局, 市生态环境局, 区卫生健康委员会 …
    Dept,
    /// 乡镇人民政府.
    Town,
    /// 街道办事处.
    Street,
}

#[derive(Clone, Debug)]
pub struct Body {
    /// Full name as in the title and the signature: 青山县发展和改革局.
    pub name: String,
    pub kind: Kind,
    /// Self-reference: 我局, 我委, 我县, 我镇, 我街道, 我办 …
    pub we: &'static str,
    /// The county/district/city: 青山县.
    pub place: String,
    /// The level word of `place`: 县, 区 or 市.
    pub level: &'static str,
    /// Host name part of the portal: "qsx".
    pub domain: String,
    /// Only a 设区的市 government may make 规章.
    pub rules_power: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fmt {
    /// 国办公开办函〔2019〕60号 (the 2019 and 2020 reports).
    V2019,
    /// 国办公开办函〔2021〕30号 (2021 on).
    V2021,
}

impl Fmt {
    pub fn as_str(self) -> &'static str {
        match self {
            Fmt::V2019 => "2019",
            Fmt::V2021 => "2021",
        }
    }
}

/// One table cell as the author typed it.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Num(i64),
    /// Left empty (the arithmetic reads it as 0).
    Blank,
    /// Any other text: a decimal fee, "/", "见附件".
    Raw(String),
}

impl Val {
    pub fn n(&self) -> i64 {
        match self {
            Val::Num(n) => *n,
            _ => 0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Date {
    pub fn new(y: i32, m: u32, d: u32) -> Date {
        Date { y, m, d }
    }

    pub fn days_in_month(y: i32, m: u32) -> u32 {
        match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    pub fn add_days(self, n: u32) -> Date {
        let mut d = self;
        for _ in 0..n {
            d.d += 1;
            if d.d > Date::days_in_month(d.y, d.m) {
                d.d = 1;
                d.m += 1;
                if d.m > 12 {
                    d.m = 1;
                    d.y += 1;
                }
            }
        }
        d
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        let (mut y, mut m) = (self.y as i64, self.m as i64);
        if m < 3 {
            m += 12;
            y -= 1;
        }
        let k = y % 100;
        let j = y / 100;
        let h = (self.d as i64 + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7; // 0 = Saturday
        ((h + 5) % 7) as usize
    }

    pub fn zh(self) -> String {
        format!("{}年{}月{}日", self.y, self.m, self.d)
    }

    pub fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// 二〇二四年一月二十日
    pub fn zh_numerals(self) -> String {
        const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let y: String = self.y.to_string().chars().map(|c| D[c.to_digit(10).unwrap_or(0) as usize]).collect();
        format!("{y}年{}月{}日", small_zh(self.m as i64), small_zh(self.d as i64))
    }
}

/// 1 → 一, 12 → 十二, 20 → 二十, 31 → 三十一.
pub fn small_zh(n: i64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        _ if n % 10 == 0 => format!("{}十", D[(n / 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

pub const T3_KEYS_2021: [&str; 25] = [
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
    "R17", "R18", "R19", "R20", "R21", "R22", "R23", "R24", "R25",
];
pub const T3_KEYS_2019: [&str; 23] = [
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15", "R16",
    "R17", "R18", "R19", "R20", "R21_23", "R24", "R25",
];

/// T3: rows in the order of the format, each with C1..C7.
#[derive(Clone, Debug)]
pub struct T3 {
    pub rows: Vec<(&'static str, [Val; 7])>,
}

impl T3 {
    pub fn row(&self, key: &str) -> Option<&[Val; 7]> {
        self.rows.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn row_mut(&mut self, key: &str) -> Option<&mut [Val; 7]> {
        self.rows.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The value read as the arithmetic reads it (blank = 0); `col` 0-based (6 = 总计).
    pub fn n(&self, key: &str, col: usize) -> i64 {
        self.row(key).map_or(0, |r| r[col].n())
    }

    /// Σ of rows whose keys are given, in column `col`.
    pub fn sum(&self, keys: &[&str], col: usize) -> i64 {
        keys.iter().map(|k| self.n(k, col)).sum()
    }
}

pub const REFUSED: [&str; 8] = ["R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12"];
pub const UNABLE: [&str; 3] = ["R13", "R14", "R15"];
pub const NOT_PROCESSED: [&str; 5] = ["R16", "R17", "R18", "R19", "R20"];
pub const OTHER_2021: [&str; 3] = ["R21", "R22", "R23"];

/// T2 rows with their cells (2021: regulations/normative_docs 3 cells, licensing/penalty/enforcement 1,
/// fees 1; 2019: see `gen_t2`).
#[derive(Clone, Debug)]
pub struct T2 {
    pub fmt: Fmt,
    pub rows: Vec<(&'static str, Vec<Val>)>,
}

impl T2 {
    pub fn row(&self, key: &str) -> Option<&Vec<Val>> {
        self.rows.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    pub fn row_mut(&mut self, key: &str) -> Option<&mut Vec<Val>> {
        self.rows.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// T4: 复议, 未经复议直接起诉, 复议后起诉 × (维持, 纠正, 其他, 尚未审结, 总计).
#[derive(Clone, Debug)]
pub struct T4 {
    pub v: [Val; 15],
}

impl T4 {
    pub fn total(&self, group: usize) -> i64 {
        self.v[group * 5 + 4].n()
    }
}

/// The figures as the prose states them. From the tables by default; a fault changes one.
#[derive(Clone, Debug, Default)]
pub struct Said {
    pub received: i64,
    pub natural: i64,
    pub legal: i64,
    pub carry_in: i64,
    pub processed: i64,
    pub carry_out: i64,
    pub granted: i64,
    pub partial: i64,
    pub refused: i64,
    pub unable: i64,
    pub no_hold: i64,
    pub not_processed: i64,
    pub other: i64,
    pub review: i64,
    pub review_upheld: i64,
    pub review_corrected: i64,
    pub review_pending: i64,
    pub suits: i64,
    pub issued: i64,
    pub in_force: i64,
    pub licensing: i64,
    pub penalty: i64,
}

/// The author's choices among correct ways of writing (all of them clean).
#[derive(Clone, Debug, Default)]
pub struct Style {
    pub title: bool,
    pub title_form: u8,
    pub subhead_line: bool,
    pub first_year: u8,
    pub recv_form: u8,
    pub pct_base: u8,
    pub pct_decimals: usize,
    pub unable_form: u8,
    pub carry_in_done: bool,
    pub carry_out_form: u8,
    pub all_done: bool,
    pub t4_in_intro: bool,
    pub t4_before_table: bool,
    pub plan_form: u8,
    pub prior_fix: bool,
    pub blank_cells: u8,
    pub guizhang_slash: bool,
    pub half_brackets: bool,
    pub ordinal_dot: &'static str,
    pub sign_numerals: bool,
    pub thousands: bool,
    pub qita: bool,
    pub heji: bool,
    pub basis: bool,
    pub url_xxgk: bool,
    pub parts_sentence: bool,
    pub period_form: u8,
    pub fee_form: u8,
    pub fee_amount: i64,
    pub title_variant: bool,
    pub t2_prose: bool,
    pub label_spaces: bool,
    pub main_sub_as_title: bool,
    pub negative_change: bool,
}

/// What a fault plants. `Default` = a clean report.
#[derive(Clone, Debug, Default)]
pub struct Flaw {
    pub title_year: Option<i32>,
    pub period_year: Option<i32>,
    pub plan_year: Option<i32>,
    /// Which sentence carries last year's number as this year's: 0 the applications sentence with
    /// 上年结转 in it, 1 without, 2 主动公开.
    pub stale: Option<u8>,
    pub sign: Option<Date>,
    pub drop_section: Option<u8>,
    /// 0: 五 and 六 titles swapped under sequential ordinals; 1: 四 and 五 swapped with their ordinals.
    pub swap: Option<u8>,
    pub old_t2: bool,
    pub old_t3: bool,
    pub old_row_label: bool,
    pub old_basis: bool,
    pub no_infofee: bool,
    pub typo: bool,
    pub dup_word: bool,
    pub jiezhi: bool,
    /// 0: XX局 for the body's name; 1: （单位名称）; 2: X月X日 in the signature.
    pub residue: Option<u8>,
    pub missing_row: Option<&'static str>,
    /// "所有申请均已按期办结" although 结转下年度 > 0; `true` when the carry-over is also stated.
    pub all_done: Option<bool>,
    pub no_review: bool,
}

/// What a fault needs of the model to be plantable (applications, a carry-over, a 复议 …).
#[derive(Clone, Copy, Debug, Default)]
pub struct Needs {
    pub min_year: Option<i32>,
    pub apps: bool,
    pub carry_in: bool,
    pub carry_out: bool,
    pub review: bool,
    pub granted: bool,
    pub first_year: bool,
    pub plan_year: bool,
    pub t2_licensing: bool,
    /// The 复议/诉讼 sentence is written.
    pub t4_text: bool,
    /// The report has its title.
    pub title: bool,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub seed: u64,
    pub body: Body,
    pub year: i32,
    pub fmt: Fmt,
    pub t2: T2,
    pub t3: T3,
    pub t4: T4,
    pub said: Said,
    pub style: Style,
    pub flaw: Flaw,
    pub sign: Date,
    pub published: Date,
    /// The date the portal page was saved (its clock widget).
    pub saved: Date,
    pub proactive: [i64; 4],
    pub web_posts: i64,
    pub wechat_posts: i64,
    pub trainings: i64,
    pub proposals: (i64, i64),
    pub phone: String,
}

const PLACES: [&str; 40] = [
    "青山", "白水", "石门", "桃源", "龙泉", "高桥", "新塘", "东坪", "西岭", "南岸", "北港", "长乐", "安平", "永和",
    "清溪", "金塘", "柳林", "枫林", "云溪", "双峰", "红岩", "平江", "丰城", "临川", "宁远", "江华", "新田", "蓝山",
    "汝城", "桂东", "茶陵", "凤凰", "泸溪", "花垣", "古丈", "沅陵", "辰溪", "会同", "靖州", "通道",
];
const TOWNS: [&str; 30] = [
    "滔溪",
    "茅坪",
    "大山",
    "落水",
    "太平",
    "徐望",
    "黄腊",
    "中村",
    "常太",
    "两城",
    "棠景",
    "官洲",
    "河西",
    "桂花",
    "松木塘",
    "马迹塘",
    "灰山港",
    "武潭",
    "修山",
    "鸬鹚渡",
    "石牛江",
    "高明",
    "浮邱山",
    "大栗港",
    "牛田",
    "三堂街",
    "沾溪",
    "鲊埠",
    "泗里河",
    "花果山",
];
const INITIALS: [&str; 16] = ["q", "b", "s", "t", "l", "g", "d", "n", "c", "p", "j", "h", "y", "f", "m", "w"];
/// Departments with their self-reference.
const DEPTS: [(&str, &str); 24] = [
    ("发展和改革局", "我局"),
    ("生态环境局", "我局"),
    ("卫生健康委员会", "我委"),
    ("教育局", "我局"),
    ("民政局", "我局"),
    ("财政局", "我局"),
    ("审计局", "我局"),
    ("统计局", "我局"),
    ("自然资源局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("交通运输局", "我局"),
    ("农业农村局", "我局"),
    ("水利局", "我局"),
    ("市场监督管理局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("文化旅游广电体育局", "我局"),
    ("应急管理局", "我局"),
    ("医疗保障局", "我局"),
    ("退役军人事务局", "我局"),
    ("司法局", "我局"),
    ("林业局", "我局"),
    ("商务局", "我局"),
    ("民族宗教事务委员会", "我委"),
    ("机关事务服务中心", "我中心"),
];

fn gen_body(r: &mut Rng) -> Body {
    let p = *r.pick(&PLACES);
    let level = *r.pick(&["县", "县", "区", "市"]);
    let place = format!("{p}{level}");
    let domain: String = (0..r.range(2, 4)).map(|_| *r.pick(&INITIALS)).collect();
    let kind =
        [Kind::Gov, Kind::GovOffice, Kind::Dept, Kind::Town, Kind::Street][r.weighted(&[0.10, 0.10, 0.50, 0.18, 0.12])];
    let (name, we, rules_power) = match kind {
        Kind::Gov => {
            let we = match level {
                "县" => "我县",
                "区" => "我区",
                _ => "我市",
            };
            (format!("{place}人民政府"), we, level == "市" && r.chance(0.6))
        }
        Kind::GovOffice => (format!("{place}人民政府办公室"), "我办", false),
        Kind::Dept => {
            let (d, we) = *r.pick(&DEPTS);
            (format!("{place}{d}"), we, false)
        }
        Kind::Town => {
            let t = *r.pick(&TOWNS);
            let (suffix, we) = if r.chance(0.8) { ("镇", "我镇") } else { ("乡", "我乡") };
            let prefix = if r.chance(0.4) { place.clone() } else { String::new() };
            (format!("{prefix}{t}{suffix}人民政府"), we, false)
        }
        Kind::Street => {
            let t = *r.pick(&TOWNS);
            let prefix = if r.chance(0.5) { place.clone() } else { String::new() };
            (format!("{prefix}{t}街道办事处"), *r.pick(&["我街道", "本街道"]), false)
        }
    };
    Body { name, kind, we, place, level, domain, rules_power }
}

/// Splits `total` into parts with the given weights (all parts ≥ 0, exact sum).
pub fn split(r: &mut Rng, total: i64, weights: &[f64]) -> Vec<i64> {
    let mut out = vec![0i64; weights.len()];
    if total <= 0 || weights.iter().all(|w| *w <= 0.0) {
        if total > 0 {
            out[0] = total;
        }
        return out;
    }
    if total <= 300 {
        for _ in 0..total {
            out[r.weighted(weights)] += 1;
        }
        return out;
    }
    let jit: Vec<f64> = weights.iter().map(|w| w * (0.5 + r.float())).collect();
    let sum: f64 = jit.iter().sum();
    let mut given = 0;
    for (i, w) in jit.iter().enumerate() {
        out[i] = (total as f64 * w / sum).floor() as i64;
        given += out[i];
    }
    while given < total {
        out[r.weighted(weights)] += 1;
        given += 1;
    }
    out
}

fn scale(r: &mut Rng, kind: Kind) -> i64 {
    let w: [f64; 5] = match kind {
        Kind::Town | Kind::Street => [0.45, 0.40, 0.13, 0.02, 0.0],
        Kind::Gov => [0.05, 0.20, 0.35, 0.30, 0.10],
        _ => [0.30, 0.35, 0.22, 0.11, 0.02],
    };
    match r.weighted(&w) {
        0 => 0,
        1 => r.range(1, 9),
        2 => r.range(10, 99),
        3 => r.range(100, 999),
        _ => r.range(1000, 4000),
    }
}

fn gen_t3(r: &mut Rng, fmt: Fmt, kind: Kind, needs: &Needs) -> T3 {
    let mut n = scale(r, kind);
    if n == 0 && (needs.apps || needs.carry_out || needs.granted) {
        n = r.range(1, 40);
    }
    // Applicant columns: mostly 自然人; then 商业企业, 其他, 法律服务机构; rarely 科研机构, 社会公益组织.
    let share = if r.chance(0.45) { 1.0 } else { r.range(55, 97) as f64 / 100.0 };
    let natural = ((n as f64) * share).round() as i64;
    let legal = split(r, n - natural, &[5.0, 0.3, 0.6, 2.0, 3.0]);
    let mut new = [natural, legal[0], legal[1], legal[2], legal[3], legal[4]];
    if n > 0 && new.iter().sum::<i64>() != n {
        new[0] += n - new.iter().sum::<i64>();
    }
    let mut carry_in = [0i64; 6];
    if n > 0 && (needs.carry_in || r.chance(0.3)) {
        let k = (n as f64 * r.range(1, 10) as f64 / 100.0).round().max(1.0) as i64;
        let parts = split(r, k, &new.map(|v| v as f64 + 0.01));
        carry_in.copy_from_slice(&parts);
    }
    let mut carry_out = [0i64; 6];
    if n > 0 && (needs.carry_out || r.chance(0.3)) {
        let avail: Vec<i64> = (0..6).map(|c| new[c] + carry_in[c]).collect();
        let k = ((n as f64) * r.range(1, 8) as f64 / 100.0).round().max(1.0) as i64;
        let parts = split(r, k, &avail.iter().map(|v| *v as f64).collect::<Vec<_>>());
        for c in 0..6 {
            carry_out[c] = parts[c].min(avail[c]);
        }
        if carry_out.iter().sum::<i64>() == 0 {
            let c = (0..6).max_by_key(|c| avail[*c]).unwrap_or(0);
            carry_out[c] = 1.min(avail[c]);
        }
    }
    let outcome_keys: Vec<&'static str> = match fmt {
        Fmt::V2021 => T3_KEYS_2021[2..23].to_vec(),
        Fmt::V2019 => T3_KEYS_2019[2..21].to_vec(),
    };
    let base: Vec<f64> = outcome_keys
        .iter()
        .map(|k| match *k {
            "R03" => 35.0,
            "R04" => 8.0,
            "R05" => 0.2,
            "R06" => 0.5,
            "R07" => 0.3,
            "R08" => 1.5,
            "R09" => 1.5,
            "R10" => 2.0,
            "R11" => 1.0,
            "R12" => 2.0,
            "R13" => 20.0,
            "R14" => 5.0,
            "R15" => 2.0,
            "R16" => 4.0,
            "R17" => 3.0,
            "R18" => 0.5,
            "R19" => 0.5,
            "R20" => 1.0,
            "R21" => 3.0,
            "R22" => 0.3,
            "R23" => 6.0,
            _ => 9.0, // R21_23
        })
        .collect();
    // Each body has its own profile: many outcome rows stay empty.
    let weights: Vec<f64> = base
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                w * (0.5 + r.float())
            } else if r.chance(0.45) {
                0.0
            } else {
                w * (0.2 + 1.6 * r.float())
            }
        })
        .collect();
    let mut outcomes = vec![[0i64; 6]; outcome_keys.len()];
    for c in 0..6 {
        let handled = new[c] + carry_in[c] - carry_out[c];
        let parts = split(r, handled, &weights);
        for (i, p) in parts.iter().enumerate() {
            outcomes[i][c] = *p;
        }
    }
    if needs.granted && outcomes[0].iter().sum::<i64>() == 0 {
        // Move one application to 予以公开.
        if let Some((i, c)) =
            (1..outcomes.len()).flat_map(|i| (0..6).map(move |c| (i, c))).find(|(i, c)| outcomes[*i][*c] > 0)
        {
            outcomes[i][c] -= 1;
            outcomes[0][c] += 1;
        }
    }
    let mut total = [0i64; 6];
    for o in &outcomes {
        for c in 0..6 {
            total[c] += o[c];
        }
    }
    let full = |v: [i64; 6]| -> [Val; 7] {
        let s: i64 = v.iter().sum();
        [Val::Num(v[0]), Val::Num(v[1]), Val::Num(v[2]), Val::Num(v[3]), Val::Num(v[4]), Val::Num(v[5]), Val::Num(s)]
    };
    let mut rows = vec![("R01", full(new)), ("R02", full(carry_in))];
    for (k, o) in outcome_keys.iter().zip(&outcomes) {
        rows.push((k, full(*o)));
    }
    rows.push(("R24", full(total)));
    rows.push(("R25", full(carry_out)));
    T3 { rows }
}

fn gen_t4(r: &mut Rng, apps: i64, needs: &Needs) -> T4 {
    let mut v: [Val; 15] = std::array::from_fn(|_| Val::Num(0));
    let mut group = |g: usize, total: i64, r: &mut Rng| {
        let parts = split(r, total, &[5.0, 1.0, 1.0, 1.5]);
        for (i, p) in parts.iter().enumerate() {
            v[g * 5 + i] = Val::Num(*p);
        }
        v[g * 5 + 4] = Val::Num(total);
    };
    if needs.review || r.chance(0.22) {
        let big = apps > 200;
        group(0, if big { r.range(1, 25) } else { r.range(1, 4) }, r);
        if r.chance(0.5) {
            group(1, r.range(1, if big { 12 } else { 3 }), r);
        }
        if r.chance(0.2) {
            group(2, r.range(1, 2), r);
        }
    } else if r.chance(0.05) {
        group(1, r.range(1, 2), r);
    }
    T4 { v }
}

fn fee(r: &mut Rng) -> Val {
    if r.chance(0.8) {
        Val::Num(0)
    } else {
        let cents = r.range(1, 600_000);
        let s = format!("{}.{:02}", cents / 100, cents % 100);
        Val::Raw(s.trim_end_matches('0').trim_end_matches('.').to_string())
    }
}

pub fn gen_t2(r: &mut Rng, fmt: Fmt, body: &Body, style: &Style) -> T2 {
    let n = |v: i64| Val::Num(v);
    let slash = || vec![Val::Raw("/".into()), Val::Raw("/".into()), Val::Raw("/".into())];
    let small = matches!(body.kind, Kind::Town | Kind::Street);
    let issued = match body.kind {
        Kind::Town | Kind::Street => r.range(0, 3),
        Kind::Gov => r.range(3, 40),
        _ => *r.pick(&[0, 0, 1, 2, 3, 5, 8, 12]),
    };
    let licensing = if body.kind == Kind::GovOffice || r.chance(0.3) {
        0
    } else if small {
        r.range(1, 300)
    } else {
        r.range(1, 8000)
    };
    let penalty = if r.chance(0.5) { 0 } else { r.range(1, if small { 60 } else { 3000 }) };
    let enforcement = if r.chance(0.7) { 0 } else { r.range(1, 200) };
    match fmt {
        Fmt::V2021 => {
            let regs = if body.rules_power {
                let i = r.range(0, 4);
                vec![n(i), n(r.range(0, 2)), n(i + r.range(10, 60))]
            } else if style.guizhang_slash {
                slash()
            } else {
                vec![n(0), n(0), n(0)]
            };
            let repealed = r.range(0, issued / 2 + 2);
            let in_force = issued + if small { r.range(0, 8) } else { r.range(0, 80) };
            T2 {
                fmt,
                rows: vec![
                    ("regulations", regs),
                    ("normative_docs", vec![n(issued), n(repealed), n(in_force)]),
                    ("licensing", vec![n(licensing)]),
                    ("penalty", vec![n(penalty)]),
                    ("enforcement", vec![n(enforcement)]),
                    ("fees", vec![fee(r)]),
                ],
            }
        }
        Fmt::V2019 => {
            let change =
                |r: &mut Rng| if style.negative_change && r.chance(0.5) { -r.range(1, 8) } else { r.range(0, 5) };
            let regs = if body.rules_power {
                let i = r.range(0, 4);
                vec![n(i), n(i), n(i + r.range(10, 60))]
            } else if style.guizhang_slash {
                slash()
            } else {
                vec![n(0), n(0), n(0)]
            };
            let published = issued;
            let items = |r: &mut Rng, decisions: i64| {
                let prev = r.range(0, 300);
                let c = change(r);
                vec![n(prev), n(c), n(decisions)]
            };
            let lic = items(r, licensing);
            let other_decisions = if r.chance(0.5) { 0 } else { r.range(1, 2000) };
            let oth = items(r, other_decisions);
            let pen = items(r, penalty);
            let enf = items(r, enforcement);
            let fees = vec![n(r.range(0, 12)), n(change(r))];
            let procurement = if r.chance(0.5) {
                vec![n(0), n(0)]
            } else {
                let cents = r.range(100, 900_000);
                vec![n(r.range(1, 60)), Val::Raw(format!("{}.{:02}", cents / 100, cents % 100))]
            };
            T2 {
                fmt,
                rows: vec![
                    ("regulations", regs),
                    ("normative_docs", vec![n(issued), n(published), n(published + r.range(0, 80))]),
                    ("licensing", lic),
                    ("other_services", oth),
                    ("penalty", pen),
                    ("enforcement", enf),
                    ("fees", fees),
                    ("procurement", procurement),
                ],
            }
        }
    }
}

fn gen_style(r: &mut Rng, fmt: Fmt) -> Style {
    Style {
        title: r.chance(0.85),
        title_form: r.weighted(&[0.6, 0.15, 0.15, 0.1]) as u8,
        subhead_line: r.chance(0.4),
        first_year: r.weighted(&[0.55, 0.2, 0.25]) as u8,
        recv_form: r.below(4) as u8,
        pct_base: r.weighted(&[0.5, 0.3, 0.2]) as u8,
        pct_decimals: if r.chance(0.6) { 2 } else { 1 },
        unable_form: r.below(3) as u8,
        carry_in_done: r.chance(0.5),
        carry_out_form: r.below(3) as u8,
        all_done: r.chance(0.6),
        t4_in_intro: r.chance(0.6),
        t4_before_table: r.chance(0.3),
        plan_form: r.weighted(&[0.45, 0.25, 0.15, 0.15]) as u8,
        prior_fix: r.chance(0.4),
        blank_cells: r.weighted(&[0.84, 0.08, 0.08]) as u8,
        guizhang_slash: r.chance(0.2),
        half_brackets: r.chance(0.3),
        ordinal_dot: [".", ".", ".", "．", "、"][r.below(5) as usize],
        sign_numerals: r.chance(0.1),
        thousands: r.chance(0.15),
        qita: r.chance(0.1),
        heji: r.chance(0.05),
        basis: r.chance(0.6),
        url_xxgk: r.chance(0.3),
        parts_sentence: r.chance(0.7),
        period_form: r.below(3) as u8,
        fee_form: r.below(3) as u8,
        fee_amount: r.range(1, 30) * 100,
        title_variant: r.chance(0.1),
        t2_prose: r.chance(0.6),
        label_spaces: r.chance(0.08),
        main_sub_as_title: r.chance(0.05),
        negative_change: fmt == Fmt::V2019 && r.chance(0.15),
    }
}

fn sign_date(r: &mut Rng, kind: Kind, year: i32) -> Date {
    let m = match kind {
        Kind::Dept | Kind::GovOffice => 1,
        _ => r.range(1, 3) as u32,
    };
    let d = r.range(if m == 1 { 6 } else { 1 }, Date::days_in_month(year + 1, m) as i64) as u32;
    Date::new(year + 1, m, d)
}

impl Model {
    /// A clean report for `seed` that meets `needs`.
    pub fn generate(seed: u64, needs: &Needs) -> Model {
        let mut r = Rng::derive(seed, "model");
        let body = gen_body(&mut r);
        let mut year = r.range(2019, 2025) as i32;
        if let Some(min) = needs.min_year {
            if year < min {
                year = r.range(min as i64, 2025) as i32;
            }
        }
        let fmt = if year <= 2020 { Fmt::V2019 } else { Fmt::V2021 };
        let mut style = gen_style(&mut Rng::derive(seed, "style"), fmt);
        if needs.first_year {
            style.first_year = 0;
        }
        if needs.plan_year && style.plan_form == 1 {
            style.plan_form = 0;
        }
        if needs.t2_licensing {
            style.t2_prose = true;
        }
        if needs.t4_text && !style.t4_in_intro && !style.t4_before_table {
            style.t4_in_intro = true;
        }
        if needs.title {
            style.title = true;
        }
        let t3 = gen_t3(&mut r, fmt, body.kind, needs);
        let apps = t3.n("R01", 6) + t3.n("R02", 6);
        let t4 = gen_t4(&mut r, apps, needs);
        let t2 = gen_t2(&mut r, fmt, &body, &style);
        let sign = sign_date(&mut r, body.kind, year);
        let last = match body.kind {
            Kind::Dept | Kind::GovOffice => Date::new(year + 1, 1, 31),
            _ => Date::new(year + 1, 3, 31),
        };
        let mut published = sign.add_days(r.range(0, 6) as u32);
        if published > last {
            published = last;
        }
        let saved = published.add_days(r.range(1, 700) as u32);
        let p = [r.range(5, 400), r.range(0, 200), r.range(0, 120), r.range(0, 60)];
        let phone = format!("07{}-{}", r.range(30, 99), r.range(2_000_000, 8_999_999));
        let mut m = Model {
            seed,
            body,
            year,
            fmt,
            t2,
            t3,
            t4,
            said: Said::default(),
            style,
            flaw: Flaw::default(),
            sign,
            published,
            saved,
            proactive: p,
            web_posts: r.range(30, 3000),
            wechat_posts: r.range(0, 800),
            trainings: r.range(1, 6),
            proposals: (r.range(0, 30), r.range(0, 40)),
            phone,
        };
        m.blank_zeros();
        m.said = m.said_from_tables();
        m
    }

    /// Some authors leave zero cells empty (all of them, or those of the 法人或其他组织 columns).
    fn blank_zeros(&mut self) {
        let mode = self.style.blank_cells;
        if mode == 0 {
            return;
        }
        for (_, row) in &mut self.t3.rows {
            for (c, v) in row.iter_mut().enumerate() {
                let in_scope = mode == 2 || (1..=5).contains(&c);
                if in_scope && *v == Val::Num(0) {
                    *v = Val::Blank;
                }
            }
        }
        if mode == 2 {
            for v in self.t4.v.iter_mut() {
                if *v == Val::Num(0) {
                    *v = Val::Blank;
                }
            }
        }
    }

    pub fn said_from_tables(&self) -> Said {
        let t = &self.t3;
        let other = match self.fmt {
            Fmt::V2021 => t.sum(&OTHER_2021, 6),
            Fmt::V2019 => t.n("R21_23", 6),
        };
        let t2n = |k: &str, i: usize| self.t2.row(k).and_then(|r| r.get(i)).map_or(0, |v| v.n());
        Said {
            received: t.n("R01", 6),
            natural: t.n("R01", 0),
            legal: (1..6).map(|c| t.n("R01", c)).sum(),
            carry_in: t.n("R02", 6),
            processed: t.n("R24", 6),
            carry_out: t.n("R25", 6),
            granted: t.n("R03", 6),
            partial: t.n("R04", 6),
            refused: t.sum(&REFUSED, 6),
            unable: t.sum(&UNABLE, 6),
            no_hold: t.n("R13", 6),
            not_processed: t.sum(&NOT_PROCESSED, 6),
            other,
            review: self.t4.total(0),
            review_upheld: self.t4.v[0].n(),
            review_corrected: self.t4.v[1].n(),
            review_pending: self.t4.v[3].n(),
            suits: self.t4.total(1) + self.t4.total(2),
            issued: t2n("normative_docs", 0),
            in_force: t2n("normative_docs", 2),
            licensing: t2n("licensing", if self.fmt == Fmt::V2019 { 2 } else { 0 }),
            penalty: t2n("penalty", if self.fmt == Fmt::V2019 { 2 } else { 0 }),
        }
    }

    /// The number of T3 cells the report holds (what a reader should find).
    pub fn t3_cells(&self) -> usize {
        let rows = self.t3.rows.len() - usize::from(self.flaw.missing_row.is_some());
        rows * 7
    }

    /// The format the T3/T2 labels of this report follow.
    pub fn fmt_labels_t3(&self) -> Fmt {
        if self.flaw.old_t3 {
            Fmt::V2019
        } else {
            self.fmt
        }
    }
}
