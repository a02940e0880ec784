//! The report as a document: title, intro, the six parts with their prose and tables, signature.
//! Every number the prose states comes from `Model::said`; every flaw from `Model::flaw`.

use super::grid::{self, Grid};
use super::model::{Fmt, Kind, Model};
use super::rng::Rng;

#[derive(Clone, Debug)]
pub enum Block {
    Title(String),
    Para(String),
    /// "一、总体情况" (the six parts).
    Heading(String),
    /// A sub-part: "（一）主动公开" and its text; `line` = the heading stands on its own line.
    Sub {
        head: String,
        text: String,
        line: bool,
    },
    Table(Grid),
    /// Signature lines: the body and the date.
    Sign(Vec<String>),
}

#[derive(Clone, Debug)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

const ORD: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
const SUB: [&str; 6] = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"];

fn pct(a: i64, b: i64, d: usize) -> String {
    format!("{:.*}", d, a as f64 * 100.0 / b as f64)
}

pub fn title_text(m: &Model) -> String {
    let y = m.flaw.title_year.unwrap_or(m.year);
    let org = &m.body.name;
    match m.style.title_form {
        0 => format!("{org}{y}年政府信息公开工作年度报告"),
        1 => format!("{org}{y}年度政府信息公开工作年度报告"),
        2 => format!("{y}年{org}政府信息公开工作年度报告"),
        _ => format!("{org}{y}年政府信息公开工作的年度报告"),
    }
}

/// The name a template left in place of the body's: XX局, XX县人民政府 …
pub fn residue_name(m: &Model) -> String {
    let n = &m.body.name;
    match m.body.kind {
        Kind::Dept => {
            let tail = n.strip_prefix(&m.body.place).unwrap_or(n);
            format!("XX{}", tail)
        }
        Kind::Gov | Kind::GovOffice => n.replacen(&m.body.place, &format!("XX{}", m.body.level), 1),
        Kind::Town => format!("XX{}", if n.contains("乡人民政府") { "乡人民政府" } else { "镇人民政府" }),
        Kind::Street => "XX街道办事处".into(),
    }
}

fn org_in_text(m: &Model) -> String {
    match m.flaw.residue {
        Some(0) => residue_name(m),
        Some(1) => "（单位名称）".into(),
        _ => m.body.name.clone(),
    }
}

fn intro(m: &Model, r: &mut Rng) -> String {
    let y = m.year;
    let p = m.flaw.period_year.unwrap_or(y);
    let org = org_in_text(m);
    let basis = if m.flaw.old_basis || (m.fmt == Fmt::V2019 && m.style.basis) {
        "和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）"
    } else if m.style.basis {
        "和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
    } else {
        "和上级有关文件"
    };
    let mut s = format!("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）{basis}要求，");
    s += &match r.below(3) {
        0 => format!("{org}编制了{y}年政府信息公开工作年度报告。"),
        1 => format!("现公布{org}{y}年度政府信息公开工作年度报告。"),
        _ => format!("结合工作实际，{org}编制本报告。"),
    };
    if m.style.parts_sentence {
        s += if r.chance(0.5) {
            "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。"
        } else {
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项等六部分。"
        };
    }
    s += &match m.style.period_form {
        0 => format!("本报告所列数据的统计期限自{p}年1月1日起至{p}年12月31日止。"),
        1 => format!("本报告中所列数据统计期限为{p}年1月1日至{p}年12月31日。"),
        _ => format!("本年度报告中所列数据的统计期限为{p}年1月1日到12月31日。"),
    };
    let path = if m.style.url_xxgk { "zwgk/xxgk/" } else { "" };
    s += &format!(
        "本报告电子版可在{}人民政府门户网站（http://www.{}.gov.cn/{path}）的“政府信息公开”专栏查阅或下载。",
        m.body.place, m.body.domain
    );
    let office = match m.body.kind {
        Kind::Town | Kind::Street => "党政综合办公室",
        Kind::GovOffice => "政务公开科",
        Kind::Gov => "人民政府办公室",
        Kind::Dept => "办公室",
    };
    let who = if m.body.kind == Kind::Gov { m.body.place.clone() } else { m.body.name.clone() };
    s += &format!("如对本报告有疑问，请与{who}{office}联系（联系电话：{}）。", m.phone);
    s
}

fn year_lead(m: &Model, stale: bool) -> String {
    if stale {
        return format!("{}年，", m.year - 1);
    }
    match m.style.first_year {
        0 => format!("{}年，", m.year),
        1 => "本年度，".into(),
        _ => "全年".into(),
    }
}

fn section1(m: &Model, r: &mut Rng) -> Vec<Block> {
    let y = m.year;
    let we = m.body.we;
    let org = &m.body.name;
    let line = m.style.subhead_line;
    let mut out = vec![];
    let open = match m.style.first_year {
        0 => format!("{y}年，{org}"),
        1 => format!("{y}年以来，{org}"),
        _ => format!("本年度，{org}"),
    };
    let body = *r.pick(&[
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开的决策部署，认真贯彻《条例》，扎实推进政府信息公开工作，切实保障人民群众的知情权、参与权、表达权和监督权。",
        "深入贯彻《条例》和上级关于政务公开工作的部署要求，坚持“公开为常态、不公开为例外”，围绕中心工作推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新成效。",
        "高度重视政府信息公开工作，积极安排部署，严格按照《条例》等相关规定，准确、及时地公开政府信息，有效回应社会关切，推动政务公开工作规范有序开展。",
    ]);
    out.push(Block::Para(format!("{open}{body}")));

    // （一）主动公开
    let labels = ["工作动态", "政策文件", "通知公告", "人事信息"];
    let total: i64 = m.proactive.iter().sum();
    let parts: Vec<String> =
        labels.iter().zip(m.proactive).filter(|(_, n)| *n > 0).map(|(l, n)| format!("{l}{n}条")).collect();
    let lead = if m.flaw.stale == Some(2) { format!("{}年，{we}", y - 1) } else { "全年".to_string() };
    let mut t = format!(
        "{lead}通过{}主动公开政府信息{total}条",
        r.pick(&["政府门户网站、政务新媒体和公开栏等渠道", "门户网站政府信息公开专栏", "政府网站、微信公众号等平台"])
    );
    if parts.len() > 1 {
        t += &format!("，其中{}", parts.join("、"));
    }
    t += "。";
    if m.style.t2_prose {
        let s = &m.said;
        let doc = if m.fmt == Fmt::V2021 { "行政规范性文件" } else { "规范性文件" };
        let mut items = vec![];
        if s.issued > 0 {
            items.push(format!("印发{doc}{}件", s.issued));
        }
        if s.licensing > 0 {
            items.push(format!("办理行政许可{}件", s.licensing));
        }
        if s.penalty > 0 {
            items.push(format!("作出行政处罚决定{}件", s.penalty));
        }
        if !items.is_empty() {
            t += &format!("本年{}，均按规定予以公开。", items.join("，"));
        }
    }
    let head1 = if m.style.main_sub_as_title {
        "主动公开政府信息情况"
    } else {
        r.pick(&["主动公开", "主动公开情况", "主动公开方面"])
    };
    out.push(Block::Sub { head: format!("{}{head1}", SUB[0]), text: t, line });

    // （二）依申请公开
    let mut t = apps_text(m, r);
    if m.style.t4_in_intro {
        t += &t4_text(m, r);
    }
    out.push(Block::Sub {
        head: format!("{}{}", SUB[1], r.pick(&["依申请公开", "依申请公开情况", "依申请公开方面"])),
        text: t,
        line,
    });

    // （三）政府信息管理
    let jz = if m.flaw.jiezhi { "截止" } else { "截至" };
    let stock = if m.fmt == Fmt::V2021 {
        format!("{jz}{y}年12月31日，{we}现行有效行政规范性文件{}件。", m.said.in_force)
    } else {
        format!("{jz}{y}年12月31日，{we}累计对外公开规范性文件{}件。", m.said.in_force)
    };
    let t = format!(
        "{we}严格落实公文公开属性源头认定制度，规范信息发布审核流程，坚持“先审后发”，{}{stock}",
        r.pick(&[
            "定期开展行政规范性文件清理，及时更新政府信息公开指南和目录。",
            "及时调整更新政府信息公开指南，做好政策文件的动态管理。"
        ])
    );
    out.push(Block::Sub { head: format!("{}政府信息管理", SUB[2]), text: t, line });

    // （四）平台建设
    let t = format!(
        "{we}依托{}人民政府门户网站政府信息公开专栏，持续优化栏目设置，全年在门户网站发布信息{}条，通过政务微信公众号发布信息{}条，{}",
        m.body.place,
        m.web_posts,
        m.wechat_posts,
        r.pick(&["公开平台的权威性和影响力不断提升。", "群众获取政府信息更加便捷。", "政务新媒体管理进一步规范。"])
    );
    out.push(Block::Sub { head: format!("{}政府信息公开平台建设", SUB[3]), text: t, line });

    // （五）监督保障
    let mut t = format!(
        "{we}成立由主要负责同志任组长的政务公开工作领导小组，明确专人负责政府信息公开工作，全年组织开展政务公开业务培训{}次。",
        m.trainings
    );
    if matches!(m.body.kind, Kind::Gov | Kind::GovOffice | Kind::Town) {
        t += "将政务公开工作纳入年度绩效考核，通过门户网站和政务服务大厅开展社会评议，群众满意度较高，本年度未发生因政府信息公开工作被责任追究的情况。";
    }
    out.push(Block::Sub { head: format!("{}监督保障", SUB[4]), text: t, line });
    out
}

/// The 依申请公开 paragraph: received, carried in, processed and the outcomes, carried out.
fn apps_text(m: &Model, r: &mut Rng) -> String {
    let s = &m.said;
    let we = m.body.we;
    let y = m.year;
    let stale = m.flaw.stale;
    let lead = year_lead(m, matches!(stale, Some(0) | Some(1)));
    if s.received == 0 && s.carry_in == 0 && m.flaw.all_done.is_none() {
        return format!("{lead}{we}未收到政府信息公开申请，无上年结转申请。");
    }
    let mut t = String::new();
    let breakdown = if s.legal > 0 {
        format!("，其中自然人申请{}件，法人或其他组织申请{}件", s.natural, s.legal)
    } else if s.received > 0 && s.natural == s.received && r.chance(0.5) {
        "，均为自然人申请".to_string()
    } else {
        String::new()
    };
    let form = if s.carry_in == 0 || stale == Some(0) || stale == Some(1) { 0 } else { m.style.recv_form };
    match form {
        1 => {
            t += &format!(
                "{lead}{we}共受理政府信息公开申请{}件（其中本年新收{}件，上年结转{}件）。",
                s.received + s.carry_in,
                s.received,
                s.carry_in
            );
            if !breakdown.is_empty() && s.legal > 0 {
                t += &format!("新收申请中，自然人申请{}件，法人或其他组织申请{}件。", s.natural, s.legal);
            }
        }
        3 => {
            // The total first, its parts in the next sentence.
            t += &format!(
                "{lead}{we}共受理政府信息公开申请{}件。其中，本年新收{}件，上年结转{}件。",
                s.received + s.carry_in,
                s.received,
                s.carry_in
            );
            if s.legal > 0 {
                t += &format!("新收申请中，自然人申请{}件，法人或其他组织申请{}件。", s.natural, s.legal);
            }
        }
        2 => {
            t += &format!(
                "{lead}新收政府信息公开申请{}件，上年结转{}件，共计{}件{breakdown}。",
                s.received,
                s.carry_in,
                s.received + s.carry_in
            );
        }
        _ => {
            t += &format!("{lead}{we}共收到政府信息公开申请{}件{breakdown}", s.received);
            if s.carry_in > 0 && stale != Some(1) {
                t += &format!("，上年结转{}件", s.carry_in);
            }
            t += "。";
            if s.carry_in > 0 && stale == Some(1) {
                t += &format!("另有上年结转申请{}件。", s.carry_in);
            }
        }
    }
    if s.processed > 0 {
        t += &format!("{}{}件", r.pick(&["本年度共办结", "已办结", "共答复"]), s.processed);
        let mut items = vec![];
        if s.granted > 0 {
            let p = match m.style.pct_base {
                1 if s.processed > 0 => format!("，占办结总数的{}%", pct(s.granted, s.processed, m.style.pct_decimals)),
                2 if s.received > 0 && m.t3.n("R01", 6) > 0 => {
                    format!("，占收到申请总数的{}%", pct(s.granted, s.received, m.style.pct_decimals))
                }
                _ => String::new(),
            };
            items.push(format!("予以公开{}件{p}", s.granted));
        }
        if s.partial > 0 {
            items.push(format!("部分公开{}件", s.partial));
        }
        if s.refused > 0 {
            items.push(format!("不予公开{}件", s.refused));
        }
        if s.unable > 0 {
            items.push(match m.style.unable_form {
                1 => format!("因本机关不掌握相关政府信息等原因无法提供{}件", s.unable),
                2 if s.no_hold == s.unable => format!("本机关不掌握相关政府信息{}件", s.no_hold),
                _ => format!("无法提供{}件", s.unable),
            });
        }
        if s.not_processed > 0 {
            items.push(format!("不予处理{}件", s.not_processed));
        }
        if s.other > 0 {
            items.push(format!("其他处理{}件", s.other));
        }
        if items.is_empty() {
            t += "。";
        } else {
            t += &format!("，其中{}。", items.join("，"));
        }
    }
    if s.carry_in > 0 && m.style.carry_in_done {
        t += &format!("{}年结转的{}件申请已于{y}年{}月前全部办结。", y - 1, s.carry_in, r.range(2, 6));
    }
    let carry_sentence = |t: &mut String| match m.style.carry_out_form {
        0 => *t += &format!("另有{}件申请因尚在法定答复期限内，结转下年度继续办理。", s.carry_out),
        1 => *t += &format!("结转下年度继续办理{}件。", s.carry_out),
        _ => *t += &format!("{}件申请结转至{}年继续办理。", s.carry_out, y + 1),
    };
    match m.flaw.all_done {
        Some(true) => {
            carry_sentence(&mut t);
            t += "本年度收到的申请均已全部办结。";
        }
        Some(false) => t += "所有申请均已按期办结。",
        None if s.carry_out > 0 => carry_sentence(&mut t),
        None if m.style.all_done && s.received + s.carry_in > 0 => {
            t += *r.pick(&["所有申请均已按期办结。", "均在法定期限内予以答复，无结转下年度的申请。"])
        }
        None => {}
    }
    t
}

fn t4_text(m: &Model, r: &mut Rng) -> String {
    let s = &m.said;
    let we = m.body.we;
    if m.flaw.no_review {
        return if s.suits > 0 {
            format!("本年度{we}未发生因政府信息公开引起的行政复议，被提起行政诉讼{}件。", s.suits)
        } else {
            format!("本年度{we}未发生因政府信息公开引起的行政复议、行政诉讼案件。")
        };
    }
    if s.review == 0 && s.suits == 0 {
        return r
            .pick(&[
                format!("本年度{we}未发生因政府信息公开引起的行政复议、行政诉讼案件。"),
                format!("{}年，{we}未发生政府信息公开行政复议和行政诉讼。", m.year),
            ])
            .clone();
    }
    let mut t = format!("本年度，{we}");
    if s.review > 0 {
        t += &format!("因政府信息公开工作被申请行政复议{}件", s.review);
        let mut d = vec![format!("结果维持{}件", s.review_upheld)];
        if s.review_corrected > 0 {
            d.push(format!("结果纠正{}件", s.review_corrected));
        }
        if s.review_pending > 0 {
            d.push(format!("尚未审结{}件", s.review_pending));
        }
        if s.review_upheld > 0 && (d.len() > 1 || s.review_upheld != s.review) {
            t += &format!("（{}）", d.join("、"));
        }
    } else {
        t += "未被申请行政复议";
    }
    if s.suits > 0 {
        t += &format!("，被提起行政诉讼{}件。", s.suits);
    } else {
        t += "，未被提起行政诉讼。";
    }
    if m.t3.n("R01", 6) + m.t3.n("R02", 6) == 0 {
        t += &format!("上述案件均涉及{}年及以前作出的政府信息公开答复。", m.year - 1);
    }
    t
}

const PROBLEMS: [&str; 7] = [
    "政策解读形式还不够丰富，图表图解、音视频等解读方式运用较少",
    "信息公开的及时性有待提高，个别栏目更新不够及时",
    "工作人员业务水平有待提升，对《条例》的学习理解还不够深入",
    "依申请公开答复的规范化水平有待进一步提高",
    "政务新媒体互动回应不够及时",
    "基层政务公开标准化规范化建设仍有差距",
    "主动公开的深度和广度还不够，重点领域信息公开不够全面",
];
const MEASURES: [&str; 6] = [
    "加强业务培训，组织工作人员深入学习《条例》，提升工作能力和业务水平",
    "丰富政策解读形式，综合运用图表图解、音频视频等方式，提高解读质量",
    "完善信息发布审核机制，明确专人负责栏目维护，确保信息更新及时准确",
    "规范依申请公开办理流程，严格按照法定时限答复申请人",
    "强化重点领域信息公开，及时公开财政预决算、重大项目、民生实事等信息",
    "加强政务新媒体管理，及时回应社会关切",
];

fn section5(m: &Model, r: &mut Rng) -> Vec<Block> {
    let we = m.body.we;
    let y = m.year;
    let line = m.style.subhead_line;
    let mut out = vec![];
    let mut probs: Vec<&str> = PROBLEMS.to_vec();
    r.shuffle(&mut probs);
    let mut meas: Vec<&str> = MEASURES.to_vec();
    r.shuffle(&mut meas);
    let mut k = 0;
    if m.style.prior_fix {
        out.push(Block::Sub {
            head: format!("{}上年度问题整改情况", SUB[k]),
            text: format!(
                "针对上年度报告中提出的{}等问题，{we}{}，相关问题已整改到位。",
                probs[3].split('，').next().unwrap_or(probs[3]),
                r.pick(&["明确专人负责，逐项制定整改措施", "完善工作制度，加强日常检查", "开展专项自查，建立问题台账"])
            ),
            line,
        });
        k += 1;
    }
    let wd = if m.flaw.typo { "问提" } else { "问题" };
    let n = r.range(2, 3) as usize;
    let cn = ["一", "二", "三"];
    let list: Vec<String> = (0..n).map(|i| format!("{}是{}", cn[i], probs[i])).collect();
    out.push(Block::Sub {
        head: format!("{}存在的主要问题", SUB[k]),
        text: format!(
            "{}{}。",
            r.pick(&[
                format!("{y}年，{we}政府信息公开工作取得了一定成效，但仍存在一些不足："),
                "对照上级要求和群众期盼，我们的工作还存在一些差距：".to_string(),
            ]),
            list.join("；") + &format!("等{wd}")
        ),
        line,
    });
    k += 1;
    let n = r.range(2, 3) as usize;
    let mut items: Vec<String> = (0..n).map(|i| format!("{}是{}", cn[i], meas[i])).collect();
    if m.flaw.dup_word {
        let first = meas[0];
        let word: String = first.chars().take(2).collect();
        items[0] = format!("一是{word}{first}");
    }
    let list = items.join("；");
    let py = m.flaw.plan_year.unwrap_or(y + 1);
    let form = if m.flaw.plan_year.is_some() && matches!(m.style.plan_form, 1 | 3) { 0 } else { m.style.plan_form };
    let text = match form {
        0 => format!("{py}年，{we}将重点做好以下工作：{list}。"),
        1 => format!("下一步，{we}将从以下方面加以改进：{list}。"),
        2 => format!("针对{y}年工作中存在的不足，{we}将在{py}年重点做好以下工作：{list}。"),
        _ => format!("新的一年，{we}将持续加强政府信息公开工作：{list}。"),
    };
    out.push(Block::Sub { head: format!("{}改进措施", SUB[k]), text, line });
    out
}

fn section6(m: &Model, r: &mut Rng) -> Vec<Block> {
    let we = m.body.we;
    let y = m.year;
    let mut parts = vec![];
    if m.fmt == Fmt::V2021 && !m.flaw.no_infofee {
        parts.push(match m.style.fee_form {
            2 if m.t3.n("R01", 6) > 0 => {
                format!("依据《政府信息公开信息处理费管理办法》，本年度{we}共收取信息处理费{}元。", m.style.fee_amount)
            }
            1 => format!("{y}年，{we}依申请提供政府信息，均未收取信息处理费。"),
            _ => format!("本年度{we}未收取政府信息公开信息处理费。"),
        });
    }
    let (a, b) = m.proposals;
    if matches!(m.body.kind, Kind::Dept | Kind::Gov | Kind::GovOffice) && a + b > 0 {
        parts.push(format!("本年度{we}共承办人大代表建议{a}件、政协提案{b}件，均已按期办结，办理结果已按规定公开。"));
    }
    if parts.is_empty() || r.chance(0.5) {
        parts.push(format!("{we}认真落实上级{y}年政务公开工作要点，各项任务均按要求推进。"));
    }
    vec![Block::Para(parts.concat())]
}

fn section_title(m: &Model, n: usize) -> &'static str {
    let v = m.style.title_variant;
    match n {
        0 if v => "政府信息公开工作总体情况",
        0 => "总体情况",
        1 => "主动公开政府信息情况",
        2 => "收到和处理政府信息公开申请情况",
        3 if v => "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        3 => "政府信息公开行政复议、行政诉讼情况",
        4 if v => "政府信息公开工作存在的主要问题及改进情况",
        4 => "存在的主要问题及改进情况",
        _ => "其他需要报告的事项",
    }
}

pub fn build(m: &Model) -> Doc {
    let title = title_text(m);
    let mut blocks = vec![];
    if m.style.title || m.flaw.title_year.is_some() {
        blocks.push(Block::Title(title.clone()));
    }
    blocks.push(Block::Para(intro(m, &mut Rng::derive(m.seed, "intro"))));
    let mut secs: Vec<(usize, Vec<Block>)> = vec![
        (0, section1(m, &mut Rng::derive(m.seed, "s1"))),
        (1, vec![Block::Table(grid::t2(m))]),
        (2, vec![Block::Table(grid::t3(m))]),
        (3, {
            let mut v = vec![];
            if m.style.t4_before_table {
                v.push(Block::Para(t4_text(m, &mut Rng::derive(m.seed, "s4"))));
            }
            v.push(Block::Table(grid::t4(m)));
            v
        }),
        (4, section5(m, &mut Rng::derive(m.seed, "s5"))),
        (5, section6(m, &mut Rng::derive(m.seed, "s6"))),
    ];
    // Ordinals as the author wrote them: normally 一…六 in order.
    let mut ordinals: Vec<usize> = (0..6).collect();
    if let Some(d) = m.flaw.drop_section {
        secs.retain(|(i, _)| *i != d as usize);
        ordinals.retain(|i| *i != d as usize);
        if Rng::derive(m.seed, "renumber").chance(0.5) {
            ordinals = (0..secs.len()).collect();
        }
    }
    match m.flaw.swap {
        Some(0) => {
            // 五、其他需要报告的事项 … 六、存在的主要问题及改进情况
            let n = secs.len();
            secs.swap(n - 2, n - 1);
        }
        Some(1) => {
            // 一 二 三 五 四 六: the parts and their ordinals moved together.
            secs.swap(3, 4);
            ordinals.swap(3, 4);
        }
        _ => {}
    }
    for (pos, (idx, body)) in secs.into_iter().enumerate() {
        blocks.push(Block::Heading(format!("{}、{}", ORD[ordinals[pos]], section_title(m, idx))));
        blocks.extend(body);
    }
    let date = m.flaw.sign.unwrap_or(m.sign);
    let date = match m.flaw.residue {
        Some(2) => format!("{}年X月X日", date.y),
        _ if m.style.sign_numerals => date.zh_numerals(),
        _ => date.zh(),
    };
    blocks.push(Block::Sign(vec![m.body.name.clone(), date]));
    Doc { title, blocks }
}
