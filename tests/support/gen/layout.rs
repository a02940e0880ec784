//! The layouts a report reaches a checker in: each a function of the document and a seed.

use super::grid::{Grid, Slot};
use super::model::Model;
use super::prose::{Block, Doc};
use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Word/WPS copy: every table cell on its own line (tab-indented, as the seed report).
    Word,
    /// Web copy: each table row one line, cells separated by tabs.
    Web,
    /// HTML fragment as pasted from a browser, tables with their rowspan/colspan.
    Html,
    /// The whole saved portal page: navigation, clock widget, share bar, related links, footer.
    Portal,
    /// Markdown as PDF→Markdown converters and AI assistants write it.
    Markdown,
    /// Text copied from a PDF viewer: space-separated rows, wrapped labels, page footers.
    Pdf,
    /// A crawler's text dump: a header block, then the whole report on one line, cells run together.
    Crawler,
    /// OCR / PDF-extract text: Kangxi radicals and compatibility ideographs, stray spaces.
    Ocr,
}

impl Layout {
    pub const ALL: [Layout; 8] = [
        Layout::Word,
        Layout::Web,
        Layout::Html,
        Layout::Portal,
        Layout::Markdown,
        Layout::Pdf,
        Layout::Crawler,
        Layout::Ocr,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Word => "word",
            Layout::Web => "web",
            Layout::Html => "html",
            Layout::Portal => "portal",
            Layout::Markdown => "md",
            Layout::Pdf => "pdf",
            Layout::Crawler => "crawler",
            Layout::Ocr => "ocr",
        }
    }

    pub fn parse(s: &str) -> Option<Layout> {
        Layout::ALL.iter().copied().find(|l| l.name() == s)
    }

    pub fn ext(self) -> &'static str {
        match self {
            Layout::Html | Layout::Portal => "html",
            Layout::Markdown => "md",
            _ => "txt",
        }
    }

    pub fn render(self, doc: &Doc, m: &Model) -> String {
        let r = &mut Rng::derive(m.seed, self.name());
        match self {
            Layout::Word => word(doc, r),
            Layout::Web => web(doc, r),
            Layout::Html => html_fragment(doc, r, true),
            Layout::Portal => portal(doc, m, r),
            Layout::Markdown => markdown(doc, r),
            Layout::Pdf => pdf(doc, r, false),
            Layout::Crawler => crawler(doc, m, r),
            Layout::Ocr => ocr(doc, r),
        }
    }
}

fn sub_inline(head: &str, text: &str, joiner: &str) -> String {
    format!("{head}{joiner}{text}")
}

// ---------------------------------------------------------------- Word / WPS copy

fn word(doc: &Doc, r: &mut Rng) -> String {
    // Two shapes seen in real copies: the seed report's (cells tab-indented, a covered cell as an
    // empty tab line, a blank line after each row) and the 徐望镇 excerpt's (every paragraph and
    // cell followed by an empty line, covered cells absent, a blank cell as spaces).
    let spaced = r.chance(0.3);
    let indent = if r.chance(0.3) { "　　" } else { "" };
    let joiner = *r.pick(&["。", "："]);
    let nl = if spaced { "\n\n" } else { "\n" };
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Title(t) => out += &format!("{t}{nl}"),
            Block::Para(p) => out += &format!("{indent}{p}{nl}"),
            Block::Heading(h) => out += &format!("{h}{nl}"),
            Block::Sub { head, text, line: true } => out += &format!("{indent}{head}{nl}{indent}{text}{nl}"),
            Block::Sub { head, text, .. } => out += &format!("{indent}{}{nl}", sub_inline(head, text, joiner)),
            Block::Table(g) if spaced => {
                for row in &g.rows {
                    for c in row {
                        let t = if c.text.is_empty() { "  " } else { c.text.as_str() };
                        out += &format!("{t}\n\n");
                    }
                }
            }
            Block::Table(g) => {
                let slots = g.slots();
                for (ri, row) in g.rows.iter().enumerate() {
                    for s in &slots[ri] {
                        match s {
                            Slot::Start(i) => out += &format!("\t{}\n", row[*i].text),
                            Slot::Below(_) => out += "\t\n",
                            Slot::Right => {}
                        }
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Sign(lines) => {
                for l in lines {
                    out += &format!("{l}{nl}");
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------- web copy (tab-separated rows)

fn web(doc: &Doc, r: &mut Rng) -> String {
    let gap = if r.chance(0.5) { "\n" } else { "" };
    let trailing_tab = r.chance(0.3);
    let joiner = *r.pick(&["。", "："]);
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Title(t) => out += &format!("{t}\n{gap}"),
            Block::Para(p) | Block::Heading(p) => out += &format!("{p}\n{gap}"),
            Block::Sub { head, text, line: true } => out += &format!("{head}\n{gap}{text}\n{gap}"),
            Block::Sub { head, text, .. } => out += &format!("{}\n{gap}", sub_inline(head, text, joiner)),
            Block::Table(g) => {
                for row in &g.rows {
                    let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                    out += &cells.join("\t");
                    if trailing_tab {
                        out.push('\t');
                    }
                    out.push('\n');
                }
                out += gap;
            }
            Block::Sign(lines) => {
                for l in lines {
                    out += &format!("{l}\n");
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------- HTML

fn esc(s: &str, entities: bool) -> String {
    let mut t = s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    if entities {
        t = t.replace('“', "&ldquo;").replace('”', "&rdquo;");
    }
    t
}

fn html_table(g: &Grid, r: &mut Rng, entities: bool, word_noise: bool) -> String {
    let mut out = String::from(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse;width:100%\"><tbody>\n",
    );
    let blank_form = r.below(3);
    for row in &g.rows {
        out += "<tr>";
        for c in row {
            let mut attrs = String::new();
            if c.cs > 1 {
                attrs += &format!(" colspan=\"{}\"", c.cs);
            }
            if c.rs > 1 {
                attrs += &format!(" rowspan=\"{}\"", c.rs);
            }
            let inner = if c.text.is_empty() {
                match blank_form {
                    0 => String::new(),
                    1 => "&nbsp;".into(),
                    _ => "<p>&nbsp;</p>".into(),
                }
            } else if word_noise {
                format!(
                    "<p align=\"center\" style=\"text-align:center\"><span style=\"font-family:仿宋_GB2312;font-size:12pt\">{}</span><o:p></o:p></p>",
                    esc(&c.text, entities)
                )
            } else {
                esc(&c.text, entities)
            };
            out += &format!("<td{attrs} valign=\"center\">{inner}</td>");
        }
        out += "</tr>\n";
    }
    // Word's HTML keeps empty rows at the end of some tables.
    if g.id != "T3" && r.chance(0.15) {
        out += "<tr>";
        for _ in 0..g.width {
            out += "<td>&nbsp;</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table>\n";
    out
}

/// The report as HTML paragraphs and tables; `wrap` adds the clipboard's html/body/StartFragment.
fn html_fragment(doc: &Doc, r: &mut Rng, wrap: bool) -> String {
    let entities = r.chance(0.4);
    let word_noise = r.chance(0.4);
    let h_tag = r.chance(0.3);
    let indent = if r.chance(0.5) { " style=\"text-indent:2em\"" } else { "" };
    let mut out = String::new();
    if wrap && r.chance(0.5) {
        out += "<html><body>\n<!--StartFragment-->";
    }
    for b in &doc.blocks {
        match b {
            Block::Title(t) => {
                if h_tag {
                    out += &format!("<h1 style=\"text-align:center\">{}</h1>\n", esc(t, entities));
                } else {
                    out += &format!("<p style=\"text-align:center\"><strong>{}</strong></p>\n", esc(t, entities));
                }
            }
            Block::Para(p) => out += &format!("<p{indent}>{}</p>\n", esc(p, entities)),
            Block::Heading(h) => {
                if h_tag {
                    out += &format!("<h3>{}</h3>\n", esc(h, entities));
                } else {
                    out += &format!("<p{indent}><strong>{}</strong></p>\n", esc(h, entities));
                }
            }
            Block::Sub { head, text, line: true } => {
                out += &format!(
                    "<p{indent}><strong>{}</strong></p>\n<p{indent}>{}</p>\n",
                    esc(head, entities),
                    esc(text, entities)
                )
            }
            Block::Sub { head, text, .. } => {
                out += &format!("<p{indent}><strong>{}。</strong>{}</p>\n", esc(head, entities), esc(text, entities))
            }
            Block::Table(g) => out += &html_table(g, r, entities, word_noise),
            Block::Sign(lines) => {
                for l in lines {
                    out += &format!("<p style=\"text-align:right\">{}</p>\n", esc(l, entities));
                }
            }
        }
    }
    if out.starts_with("<html>") {
        out += "<!--EndFragment-->\n</body></html>\n";
    }
    out
}

const WEEK: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

fn portal(doc: &Doc, m: &Model, r: &mut Rng) -> String {
    let place = &m.body.place;
    let title = &doc.title;
    let p = m.published;
    let s = m.saved;
    let dom = &m.body.domain;
    let body = html_fragment(doc, r, false);
    let hits = r.range(40, 9000);
    let site_code = r.range(1_000_000_000, 9_999_999_999);
    let icp = r.range(10_000_000, 99_999_999);
    let police = r.range(10_000_000_000_000, 99_999_999_999_999);
    let hh = r.range(8, 18);
    let mi = r.range(0, 59);
    let others = ["财政局", "教育局", "民政局", "审计局", "统计局", "司法局", "水利局", "林业局"];
    let mut related = String::new();
    for i in 0..r.range(3, 6) {
        let y = m.year - r.range(0, 3) as i32;
        let y = if i == 0 && s.y >= m.year + 2 { m.year + 1 } else { y };
        let o = r.pick(&others);
        related += &format!(
            "<li><a href=\"/zwgk/xxgk/zfxxgknb/{}/t{}{:02}{:02}_{}.html\" target=\"_blank\">{place}{o}{y}年政府信息公开工作年度报告</a><span class=\"date\">{}-01-{:02}</span></li>\n",
            y + 1,
            y + 1,
            1,
            r.range(10, 28),
            r.range(100000, 999999),
            y + 1,
            r.range(10, 28)
        );
    }
    let column = "政府信息公开年报";
    format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="SiteName" content="{place}人民政府">
<meta name="SiteDomain" content="www.{dom}.gov.cn">
<meta name="SiteIDCode" content="{site_code}">
<meta name="ColumnName" content="{column}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pub} {hh:02}:{mi:02}">
<meta name="ContentSource" content="{org}">
<title>{title}_{column}_{place}人民政府</title>
<link rel="stylesheet" type="text/css" href="/images/common.css">
<link rel="stylesheet" type="text/css" href="/images/article.css">
<style type="text/css">
.nav li{{float:left;padding:0 20px}} .crumb{{color:#666}} .article-body p{{line-height:2;font-size:16px}}
.article-body table td{{border:1px solid #000;padding:2px 4px}}
</style>
<script type="text/javascript" src="/js/jquery-1.12.4.min.js"></script>
<script type="text/javascript">
var docTitle = "{title}";
var pubDate = "{pub}";
function showTime() {{
  var d = new Date(), w = ["日","一","二","三","四","五","六"];
  document.getElementById("utime").innerHTML = d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日 星期" + w[d.getDay()];
}}
</script>
</head>
<body>
<div class="topbar">
  <div class="w1200"><span id="utime">{saved} 星期{wd}</span>
  <span class="links"><a href="javascript:void(0)" id="wza">无障碍浏览</a> <a href="javascript:void(0)">长者模式</a> <a href="/en/">English</a> <a href="/login">登录</a></span></div>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="{place}人民政府"></a></div>
  <form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form>
</div>
<ul class="nav">
  <li><a href="/">首页</a></li><li><a href="/zjxq/">走进{place}</a></li><li class="on"><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul>
<div class="side-menu">
  <h3>政府信息公开</h3>
  <ul><li><a href="/zwgk/xxgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/xxgk/zd/">政府信息公开制度</a></li>
  <li><a href="/zwgk/xxgk/fdzdgknr/">法定主动公开内容</a></li><li class="on"><a href="/zwgk/xxgk/zfxxgknb/">政府信息公开年报</a></li>
  <li><a href="/zwgk/xxgk/ysqgk/">依申请公开</a></li></ul>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开</a> &gt; <a href="/zwgk/xxgk/zfxxgknb/">{column}</a> &gt; 正文</div>
<div class="main">
  <div class="article">
    <h1 class="art-title">{title}</h1>
    <div class="art-info">
      <span>{pub_label}</span> <span>来源：{org}</span> <span>浏览次数：<em id="hits">{hits}</em></span>
      <span class="font">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
    </div>
    <div class="article-body">
{body}
    </div>
    <div class="share">分享到：<a href="javascript:void(0)" class="wx">微信</a> <a href="javascript:void(0)" class="wb">微博</a> <a href="javascript:void(0)" class="qz">QQ空间</a>
      <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="related">
      <h3>相关链接</h3>
      <ul>
{related}      </ul>
    </div>
  </div>
</div>
<div class="footer">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/smsm/">隐私声明</a></p>
  <p>主办单位：{place}人民政府办公室　承办单位：{place}政务服务和大数据中心</p>
  <p>网站标识码：{site_code}　ICP备案号：湘ICP备{icp}号-1　<img src="/images/ga.png" alt="">湘公网安备 {police}号</p>
  <p>您是本站第<span id="count">{visits}</span>位访客</p>
</div>
<script type="text/javascript">showTime();</script>
</body>
</html>
"#,
        pub = p.iso(),
        pub_label = match r.below(3) {
            0 => format!("发布日期：{}", p.iso()),
            1 => format!("发布时间：{} {hh:02}:{mi:02}", p.iso()),
            _ => format!("时间：{}年{:02}月{:02}日", p.y, p.m, p.d),
        },
        org = m.body.name,
        saved = s.zh(),
        wd = WEEK[s.weekday()],
        visits = r.range(100_000, 9_999_999),
    )
}

// ---------------------------------------------------------------- Markdown

fn md_row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn markdown(doc: &Doc, r: &mut Rng) -> String {
    let mode = r.below(3); // 0: official header as table header; 1: generic 数据N header; 2: one table per row
    let repeat = r.chance(0.2);
    let bold_title = r.chance(0.3);
    let sub_heads = r.chance(0.5);
    let page_every = r.range(8, 14) as usize;
    let mut page = 1;
    let mut out = String::new();
    let mut since = 0;
    for b in &doc.blocks {
        match b {
            Block::Title(t) => {
                if bold_title {
                    out += &format!("**{t}**\n\n");
                } else {
                    out += &format!("# {t}\n\n");
                }
            }
            Block::Para(p) => out += &format!("{p}\n\n"),
            Block::Heading(h) => out += &format!("## {h}\n\n"),
            Block::Sub { head, text, line } => {
                if *line && sub_heads {
                    out += &format!("### {head}\n\n{text}\n\n");
                } else {
                    out += &format!("**{head}。**{text}\n\n");
                }
            }
            Block::Table(g) => {
                let slots = g.slots();
                let rows: Vec<Vec<String>> = g
                    .rows
                    .iter()
                    .enumerate()
                    .map(|(ri, row)| {
                        slots[ri]
                            .iter()
                            .enumerate()
                            .filter_map(|(ci, s)| match s {
                                Slot::Start(i) => Some(row[*i].text.clone()),
                                _ if mode == 2 => None,
                                Slot::Below(src) if repeat => {
                                    // the text of the cell covering this slot
                                    let sr = &slots[*src];
                                    match sr[ci] {
                                        Slot::Start(k) => Some(g.rows[*src][k].text.clone()),
                                        _ => Some(String::new()),
                                    }
                                }
                                _ => Some(String::new()),
                            })
                            .collect()
                    })
                    .collect();
                match mode {
                    0 => {
                        out += &md_row(&rows[0]);
                        out += "\n";
                        out += &md_row(&vec!["---".to_string(); rows[0].len()]);
                        out += "\n";
                        for row in &rows[1..] {
                            out += &md_row(row);
                            out += "\n";
                        }
                    }
                    1 => {
                        let head: Vec<String> = (1..=g.width).map(|i| format!("数据{i}")).collect();
                        out += &md_row(&head);
                        out += "\n";
                        out += &md_row(&vec!["---".to_string(); g.width]);
                        out += "\n";
                        for row in &rows {
                            out += &md_row(row);
                            out += "\n";
                        }
                    }
                    _ => {
                        for row in &rows {
                            out += &md_row(row);
                            out += "\n";
                            out += &md_row(&vec!["---".to_string(); row.len()]);
                            out += "\n\n";
                        }
                    }
                }
                out += "\n";
            }
            Block::Sign(lines) => {
                for l in lines {
                    out += &format!("{l}\n\n");
                }
            }
        }
        since += 1;
        if since >= page_every {
            since = 0;
            page += 1;
            out += &format!("— {page} —\n\n");
        }
    }
    out
}

// ---------------------------------------------------------------- PDF copy

struct PdfStyle {
    width: usize,
    label_width: usize,
    page_lines: usize,
    footer: u64,
    spaced_digits: bool,
    group_middle: bool,
    repeat_header: bool,
}

/// Splits `s` into lines of about `w` characters as a PDF lays out Chinese text: never inside a run
/// of Latin letters or digits, never a closing punctuation mark at the start of a line.
fn wrap(s: &str, w: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let w = w.max(2);
    let mut out = vec![];
    let mut start = 0;
    while start < chars.len() {
        let mut end = (start + w).min(chars.len());
        if end < chars.len() {
            let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':' || c == '/';
            let mut e = end;
            while e > start + 1 && word(chars[e]) && word(chars[e - 1]) {
                e -= 1;
            }
            if e > start + 1 {
                end = e;
            }
            // Closing punctuation stays on the line before.
            while end < chars.len() && "，。、；：？！）》”’〕】),;:".contains(chars[end]) {
                end += 1;
            }
        }
        out.push(chars[start..end].iter().collect::<String>().trim_end().to_string());
        start = end;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// "2024年" → "2024 年" as PDF text extraction spaces Latin runs.
fn space_digits(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for ch in s.chars() {
        if let Some(p) = prev {
            let pd = p.is_ascii_digit();
            let cd = ch.is_ascii_digit();
            if (pd && !cd && !ch.is_ascii() && !is_punct(ch)) || (!pd && cd && !p.is_ascii() && !is_punct(p)) {
                out.push(' ');
            }
        }
        out.push(ch);
        prev = Some(ch);
    }
    out
}

fn is_punct(c: char) -> bool {
    "，。、；：？！（）《》“”‘’〔〕【】—…%".contains(c)
}

/// The lines of one table as a PDF viewer copies them.
fn pdf_table(g: &Grid, st: &PdfStyle) -> Vec<(String, bool)> {
    // (line, is_header_line)
    let mut lines = vec![];
    let slots = g.slots();
    // Labels of rowspan cells go to the middle row of their span when `group_middle`.
    let mut extra: Vec<Vec<String>> = vec![vec![]; g.rows.len()];
    for (ri, row) in g.rows.iter().enumerate() {
        for c in row {
            if !c.data && c.rs > 1 && ri >= g.header_rows {
                let target = if st.group_middle { ri + c.rs / 2 } else { ri };
                extra[target.min(g.rows.len() - 1)].push(c.text.clone());
            }
        }
    }
    for (ri, row) in g.rows.iter().enumerate() {
        let header = ri < g.header_rows || g.keys[ri].is_none();
        let mut labels: Vec<String> = vec![];
        let mut values = vec![];
        for s in &slots[ri] {
            if let Slot::Start(i) = s {
                let c = &row[*i];
                if c.data {
                    if !c.text.is_empty() {
                        values.push(c.text.clone());
                    }
                } else if !(c.text.is_empty() || c.rs > 1 && ri >= g.header_rows) {
                    labels.push(c.text.clone());
                }
            }
        }
        let label = labels.join(" ");
        if header {
            for l in wrap(&label, st.width) {
                lines.push((l, true));
            }
            if !values.is_empty() {
                lines.push((values.join(" "), false));
            }
            continue;
        }
        // A merged group label stands on lines of its own, cut to the column's width.
        for gl in &extra[ri] {
            for part in wrap(gl, (st.label_width / 2).max(3)) {
                lines.push((part, false));
            }
        }
        let parts = wrap(&label, st.label_width);
        let first = parts.first().cloned().unwrap_or_default();
        let v = values.join(" ");
        lines.push((
            if first.is_empty() {
                v
            } else if v.is_empty() {
                first
            } else {
                format!("{first} {v}")
            },
            false,
        ));
        for p in parts.iter().skip(1) {
            lines.push((p.clone(), false));
        }
    }
    lines
}

fn footer(st: &PdfStyle, page: usize) -> String {
    match st.footer {
        0 => format!("— {page} —"),
        1 => format!("- {page} -"),
        _ => format!("第 {page} 页"),
    }
}

fn pdf(doc: &Doc, r: &mut Rng, ocr: bool) -> String {
    let st = PdfStyle {
        width: r.range(28, 40) as usize,
        label_width: r.range(10, 18) as usize,
        page_lines: r.range(30, 45) as usize,
        footer: if ocr { 3 } else { r.below(3) },
        spaced_digits: r.chance(0.5),
        group_middle: r.chance(0.6),
        repeat_header: r.chance(0.7),
    };
    let joiner = *r.pick(&["。", "："]);
    // (line, table header lines to repeat after a page break inside this table)
    let mut lines: Vec<(String, Option<usize>)> = vec![];
    let mut headers: Vec<Vec<String>> = vec![];
    let text = |s: &str| if st.spaced_digits { space_digits(s) } else { s.to_string() };
    for b in &doc.blocks {
        match b {
            Block::Title(t) => {
                let t = text(t);
                let n = t.chars().count();
                if n > 20 && r.chance(0.6) {
                    let cut = n - 4;
                    lines.push((t.chars().take(cut).collect(), None));
                    lines.push((t.chars().skip(cut).collect(), None));
                } else {
                    lines.push((t, None));
                }
            }
            Block::Para(p) => {
                for l in wrap(&text(p), st.width) {
                    lines.push((l, None));
                }
            }
            Block::Heading(h) => lines.push((text(h), None)),
            Block::Sub { head, text: t, line } => {
                let s = if *line { format!("{head}\n{t}") } else { sub_inline(head, t, joiner) };
                for part in s.split('\n') {
                    for l in wrap(&text(part), st.width) {
                        lines.push((l, None));
                    }
                }
            }
            Block::Table(g) => {
                let tl = pdf_table(g, &st);
                let hdr: Vec<String> = tl.iter().take_while(|(_, h)| *h).map(|(l, _)| l.clone()).collect();
                let idx = headers.len();
                // Only the T3 header is marked to repeat on every page.
                headers.push(if g.id == "T3" { hdr } else { vec![] });
                for (l, _) in tl {
                    lines.push((l, Some(idx)));
                }
            }
            Block::Sign(ls) => {
                for l in ls {
                    lines.push((text(l), None));
                }
            }
        }
    }
    let mut out = String::new();
    let mut page = 1;
    let mut on_page = 0;
    for (i, (l, table)) in lines.iter().enumerate() {
        out += l;
        out.push('\n');
        on_page += 1;
        if on_page >= st.page_lines && i + 1 < lines.len() {
            out += &footer(&st, page);
            out.push('\n');
            page += 1;
            on_page = 0;
            // A table that goes on after the break repeats its header (the T3 header in particular).
            if let (Some(t), Some((_, Some(next)))) = (table, lines.get(i + 1)) {
                if t == next && st.repeat_header && !headers[*t].is_empty() {
                    let is_header_line = headers[*t].iter().any(|h| h == l);
                    if !is_header_line {
                        for h in &headers[*t] {
                            out += h;
                            out.push('\n');
                            on_page += 1;
                        }
                    }
                }
            }
        }
    }
    out += &footer(&st, page);
    out.push('\n');
    out
}

// ---------------------------------------------------------------- crawler text

fn crawler(doc: &Doc, m: &Model, r: &mut Rng) -> String {
    let p = m.published;
    let id = r.range(10000, 99999);
    let ym = format!("{}{:02}", p.y, p.m);
    let hm = format!("{:02}:{:02}", r.range(8, 18), r.range(0, 59));
    let mut out = format!(
        "标题: {t}\n发布时间: {d} {hm}\n文号: \n发布机构: \n栏目: 政府信息公开年报\n原文链接: https://www.{dom}.gov.cn/zwgk/zfxxgk/zfxxgknb/{ym}/t{y}{mo:02}{da:02}_{id}.htm\n本地目录: zwgk/zfxxgk/zfxxgknb/{ym}/{id}_{t}\n页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n",
        t = doc.title,
        d = p.iso(),
        dom = m.body.domain,
        y = p.y,
        mo = p.m,
        da = p.d,
    );
    let sep = if r.chance(0.5) { " " } else { "" };
    let mut line = format!(
        "当前位置： 首页政务公开政府信息公开政府信息公开年报 {} 来源：{} 时间：{} {hm} 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ",
        doc.title,
        m.body.name,
        p.iso()
    );
    for b in &doc.blocks {
        match b {
            Block::Title(t) => line += &format!("{t}{sep}"),
            Block::Para(p) => line += &format!("{p}{sep}"),
            Block::Heading(h) => line += &format!("{h}{sep}"),
            Block::Sub { head, text, .. } => {
                line += &format!("{head}{}{text}{sep}", if r.chance(0.5) { "。" } else { "" })
            }
            Block::Table(g) => {
                line += " ";
                for row in &g.rows {
                    for c in row {
                        line += &c.text;
                    }
                }
                line += " ";
            }
            Block::Sign(ls) => {
                for l in ls {
                    line += &format!("{l}{sep}");
                }
            }
        }
    }
    line += " 附件下载";
    out += &line;
    out.push('\n');
    out
}

// ---------------------------------------------------------------- OCR / PDF extract

/// Characters that PDF extraction and OCR give as Kangxi radicals or CJK compatibility ideographs
/// (all map back under NFKC).
pub const OCR_MAP: [(char, char); 40] = [
    ('一', '\u{2F00}'),
    ('二', '\u{2F06}'),
    ('六', '\u{F9D1}'),
    ('八', '\u{2F0B}'),
    ('十', '\u{2F17}'),
    ('人', '\u{2F08}'),
    ('入', '\u{2F0A}'),
    ('大', '\u{2F24}'),
    ('小', '\u{2F29}'),
    ('工', '\u{2F2F}'),
    ('日', '\u{2F47}'),
    ('月', '\u{2F49}'),
    ('文', '\u{2F42}'),
    ('行', '\u{2F8F}'),
    ('方', '\u{2F45}'),
    ('力', '\u{2F12}'),
    ('心', '\u{2F3C}'),
    ('手', '\u{2F3F}'),
    ('水', '\u{2F54}'),
    ('子', '\u{2F26}'),
    ('山', '\u{2F2D}'),
    ('生', '\u{2F63}'),
    ('用', '\u{2F64}'),
    ('田', '\u{2F65}'),
    ('目', '\u{2F6C}'),
    ('示', '\u{2F70}'),
    ('立', '\u{2F74}'),
    ('自', '\u{2F83}'),
    ('至', '\u{2F84}'),
    ('言', '\u{2F94}'),
    ('不', '\u{F967}'),
    ('年', '\u{F98E}'),
    ('度', '\u{FA01}'),
    ('金', '\u{2FA6}'),
    ('利', '\u{F9DD}'),
    ('理', '\u{F9E4}'),
    ('料', '\u{F9BE}'),
    ('率', '\u{F961}'),
    ('类', '\u{FAAE}'),
    ('律', '\u{F9D8}'),
];

fn ocr(doc: &Doc, r: &mut Rng) -> String {
    let text = pdf(doc, r, true);
    let chosen: Vec<(char, char)> = OCR_MAP.iter().copied().filter(|_| r.chance(0.6)).collect();
    let spaces = r.chance(0.6);
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev_cjk = false;
    for ch in text.chars() {
        let cjk = ('\u{4E00}'..='\u{9FFF}').contains(&ch);
        if spaces && cjk && prev_cjk && r.chance(0.12) {
            out.push(' ');
        }
        prev_cjk = cjk;
        match chosen.iter().find(|(a, _)| *a == ch) {
            Some((_, b)) => out.push(*b),
            None => out.push(ch),
        }
    }
    // OCR page numbers are bare digits on their own line.
    out.lines()
        .map(|l| {
            if let Some(n) = l.strip_prefix("第 ").and_then(|x| x.strip_suffix(" 页")) {
                n.to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
