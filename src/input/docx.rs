//! .docx (Word 2007+, also written by WPS) → simple HTML: paragraphs with Word's list numbers
//! written out ("一、", "（一）" live in numbering.xml, not in the text), and tables with
//! `w:gridSpan` → colspan, `w:vMerge` → rowspan, `w:gridBefore` → a leading blank cell.

use super::office::{self, Counters, Level, ListMap, RawCell, RawRow, Suffix, VMerge};
use super::sniff::FileError;
use super::xml::{attr, local, unescape, Event, Scanner};
use super::zip::Archive;

pub fn to_html(bytes: &[u8]) -> Result<String, FileError> {
    let zip = Archive::new(bytes)?;
    let main = main_part(&zip);
    let doc = read_text(&zip, &main)?.ok_or_else(|| FileError::Corrupt("找不到 word/document.xml".into()))?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let rels = read_text(&zip, &format!("{dir}/_rels/{}.rels", main.rsplit('/').next().unwrap_or("")))?
        .map(|r| relationships(&r, dir))
        .unwrap_or_default();
    let part = |kind: &str, default: &str| rels.get(kind).cloned().unwrap_or_else(|| format!("{dir}/{default}"));
    let styles = read_text(&zip, &part("styles", "styles.xml"))?.map(|s| Styles::parse(&s)).unwrap_or_default();
    let numbering =
        read_text(&zip, &part("numbering", "numbering.xml"))?.map(|s| Numbering::parse(&s)).unwrap_or_default();
    Ok(Body::new(&styles, numbering).run(&doc))
}

fn read_text(zip: &Archive, name: &str) -> Result<Option<String>, FileError> {
    Ok(zip.read(name.trim_start_matches('/'))?.map(|b| match String::from_utf8(b) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }))
}

/// The main document part, as `_rels/.rels` names it (almost always word/document.xml).
fn main_part(zip: &Archive) -> String {
    let from_rels = zip.read("_rels/.rels").ok().flatten().and_then(|r| {
        let r = String::from_utf8_lossy(&r).into_owned();
        relationships(&r, "").remove("officeDocument")
    });
    match from_rels {
        Some(p) if zip.has(p.trim_start_matches('/')) => p.trim_start_matches('/').to_string(),
        _ => "word/document.xml".into(),
    }
}

/// Relationship type (its last path segment) → target part name, resolved against `dir`.
fn relationships(xml: &str, dir: &str) -> ListMap<String, String> {
    let mut out = ListMap::default();
    for ev in Scanner::new(xml) {
        if let Event::Start { name, attrs, .. } = ev {
            if local(name) != "Relationship" || attr(attrs, "TargetMode").is_some_and(|m| m == "External") {
                continue;
            }
            let (Some(t), Some(target)) = (attr(attrs, "Type"), attr(attrs, "Target")) else { continue };
            let kind = t.rsplit('/').next().unwrap_or("").to_string();
            let path = match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None if dir.is_empty() => target.to_string(),
                None => format!("{dir}/{target}"),
            };
            out.insert_first(kind, normalize(&path));
        }
    }
    out
}

/// Resolves `..` and `.` segments.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// What a paragraph style contributes: its numbering and the style it is based on.
#[derive(Clone, Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<usize>,
}

#[derive(Default)]
struct Styles {
    by_id: ListMap<String, Style>,
    default_para: Option<String>,
}

impl Styles {
    fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        let mut skip = Skip::default();
        for ev in Scanner::new(xml) {
            if skip.active(&ev) {
                continue;
            }
            match ev {
                Event::Start { name, attrs, empty } => match local(name) {
                    "style" if !empty => {
                        let paragraph = attr(attrs, "type").is_none_or(|t| t == "paragraph");
                        let id = attr(attrs, "styleId").map(|v| v.into_owned()).unwrap_or_default();
                        if paragraph && attr(attrs, "default").is_some_and(|d| d == "1" || d == "true") {
                            s.default_para = Some(id.clone());
                        }
                        cur = paragraph.then(|| (id, Style::default()));
                    }
                    "rPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr" if !empty => skip.start(name),
                    "basedOn" => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.based_on = attr(attrs, "val").map(|v| v.into_owned());
                        }
                    }
                    "numId" => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.num_id = attr(attrs, "val").and_then(|v| v.trim().parse().ok());
                        }
                    }
                    "ilvl" => {
                        if let Some((_, st)) = cur.as_mut() {
                            st.ilvl = attr(attrs, "val").and_then(|v| v.trim().parse().ok());
                        }
                    }
                    _ => {}
                },
                Event::End { name } if local(name) == "style" => {
                    if let Some((id, st)) = cur.take() {
                        s.by_id.insert(id, st);
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// The numbering a style gives, following `basedOn` (at most 20 steps: styles may loop).
    fn numbering(&self, id: &str) -> (Option<u32>, Option<usize>) {
        let (mut num, mut lvl) = (None, None);
        let mut at = Some(id);
        for _ in 0..20 {
            let Some(st) = at.and_then(|i| self.by_id.get(i)) else { break };
            num = num.or(st.num_id);
            lvl = lvl.or(st.ilvl);
            if num.is_some() && lvl.is_some() {
                break;
            }
            at = st.based_on.as_deref();
        }
        (num, lvl)
    }
}

/// Skips an element and everything inside it.
#[derive(Default)]
struct Skip {
    name: String,
    depth: usize,
}

impl Skip {
    fn start(&mut self, name: &str) {
        self.name = name.to_string();
        self.depth = 1;
    }

    /// True while inside the skipped element (its end tag included).
    fn active(&mut self, ev: &Event) -> bool {
        if self.depth == 0 {
            return false;
        }
        match ev {
            Event::Start { name, empty: false, .. } if *name == self.name => self.depth += 1,
            Event::End { name } if *name == self.name => self.depth -= 1,
            _ => {}
        }
        true
    }
}

/// A list instance: its abstractNumId and start overrides by level.
type NumDef = (u32, Vec<(usize, u32)>);

#[derive(Default)]
struct Numbering {
    /// abstractNumId → its nine levels.
    abstracts: ListMap<u32, Vec<Level>>,
    /// numId → its list.
    nums: ListMap<u32, NumDef>,
    /// Paragraph style id → (abstractNumId, level), from `w:lvl/w:pStyle`.
    style_levels: ListMap<String, (u32, usize)>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut abs: Option<(u32, Vec<Level>)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        // numId, abstractNumId, start overrides.
        let mut num: Option<(u32, NumDef)> = None;
        let mut override_lvl: Option<usize> = None;
        let mut skip = Skip::default();
        for ev in Scanner::new(xml) {
            if skip.active(&ev) {
                continue;
            }
            match ev {
                Event::Start { name, attrs, empty } => {
                    let val = || attr(attrs, "val");
                    let num_val = || val().and_then(|v| v.trim().parse::<u32>().ok());
                    match local(name) {
                        "abstractNum" if !empty => {
                            abs = attr(attrs, "abstractNumId")
                                .and_then(|v| v.trim().parse().ok())
                                .map(|id| (id, vec![Level::default(); 9]));
                        }
                        "lvl" if !empty => {
                            let i: usize = attr(attrs, "ilvl").and_then(|v| v.trim().parse().ok()).unwrap_or(0);
                            lvl = (i < 9).then(|| (i, Level::default()));
                        }
                        "rPr" | "pPr" if !empty => skip.start(name),
                        "start" => {
                            if let (Some((_, l)), Some(v)) = (lvl.as_mut(), num_val()) {
                                l.start = v;
                            }
                        }
                        "numFmt" => {
                            if let (Some((_, l)), Some(v)) = (lvl.as_mut(), val()) {
                                l.fmt = v.into_owned();
                            }
                        }
                        "lvlText" => {
                            if let (Some((_, l)), Some(v)) = (lvl.as_mut(), val()) {
                                l.text = v.into_owned();
                            }
                        }
                        "isLgl" => {
                            if let Some((_, l)) = lvl.as_mut() {
                                l.legal = val().is_none_or(|v| v != "0" && v != "false");
                            }
                        }
                        "lvlRestart" => {
                            if let Some((_, l)) = lvl.as_mut() {
                                l.restarts = num_val() != Some(0);
                            }
                        }
                        "suff" => {
                            if let (Some((_, l)), Some(v)) = (lvl.as_mut(), val()) {
                                l.suffix = match v.as_ref() {
                                    "space" => Suffix::Space,
                                    "nothing" => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                };
                            }
                        }
                        "pStyle" => {
                            if let (Some((i, _)), Some((a, _)), Some(v)) = (lvl.as_ref(), abs.as_ref(), val()) {
                                n.style_levels.insert(v.into_owned(), (*a, *i));
                            }
                        }
                        "num" if !empty => {
                            num = attr(attrs, "numId").and_then(|v| v.trim().parse().ok()).map(|id| (id, (0, vec![])));
                        }
                        "abstractNumId" => {
                            if let (Some(nm), Some(v)) = (num.as_mut(), num_val()) {
                                nm.1 .0 = v;
                            }
                        }
                        "lvlOverride" => {
                            override_lvl = attr(attrs, "ilvl").and_then(|v| v.trim().parse().ok());
                        }
                        "startOverride" => {
                            if let (Some(nm), Some(i), Some(v)) = (num.as_mut(), override_lvl, num_val()) {
                                nm.1 .1.push((i, v));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End { name } => match local(name) {
                    "lvl" => {
                        if let (Some((i, l)), Some((_, levels))) = (lvl.take(), abs.as_mut()) {
                            // A level inside a num's lvlOverride replaces nothing here: rare.
                            levels[i] = l;
                        }
                    }
                    "abstractNum" => {
                        if let Some((id, levels)) = abs.take() {
                            n.abstracts.insert(id, levels);
                        }
                    }
                    "num" => {
                        if let Some((id, def)) = num.take() {
                            n.nums.insert(id, def);
                        }
                    }
                    "lvlOverride" => override_lvl = None,
                    _ => {}
                },
                Event::Text(_) => {}
            }
        }
        n
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<usize>,
}

/// A table being read.
#[derive(Default)]
struct Table {
    rows: Vec<RawRow>,
    /// The cell being read: its span, merge flag and paragraphs (escaped HTML).
    cell: Option<(usize, VMerge, Vec<String>)>,
}

/// Elements whose content is not document text: field codes, deleted text, the fallback copy of
/// text boxes, property changes (tracked), content-control properties, footnote marks.
const SKIPPED: &[&str] = &[
    "instrText",
    "delText",
    "del",
    "moveFrom",
    "Fallback",
    "pPrChange",
    "rPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "sectPrChange",
    "numberingChange",
    "sdtPr",
    "sdtEndPr",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
    "tblGrid",
];

struct Body<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    counters: ListMap<u32, Counters>,
    used_nums: ListMap<u32, ()>,
    out: String,
    paras: Vec<Para>,
    tables: Vec<Table>,
}

impl<'a> Body<'a> {
    fn new(styles: &'a Styles, numbering: Numbering) -> Self {
        Body {
            styles,
            numbering,
            counters: ListMap::default(),
            used_nums: ListMap::default(),
            out: String::new(),
            paras: Vec::new(),
            tables: Vec::new(),
        }
    }

    fn run(mut self, xml: &str) -> String {
        let mut skip = Skip::default();
        let (mut in_ppr, mut in_rpr, mut in_tcpr, mut in_trpr) = (false, false, false, false);
        let mut in_t = false;
        let mut hidden_run = false;
        for ev in Scanner::new(xml) {
            if skip.active(&ev) {
                continue;
            }
            match ev {
                Event::Start { name, attrs, empty } => {
                    let l = local(name);
                    if SKIPPED.contains(&l) {
                        if !empty {
                            skip.start(name);
                        }
                        continue;
                    }
                    let val = || attr(attrs, "val");
                    match l {
                        "p" if !empty => self.paras.push(Para::default()),
                        "pPr" if !empty => in_ppr = true,
                        "rPr" if !empty => in_rpr = true,
                        "r" if !empty => hidden_run = false,
                        "vanish" | "specVanish" if in_rpr && !in_ppr => {
                            hidden_run = val().is_none_or(|v| v != "0" && v != "false");
                        }
                        "pStyle" if in_ppr => {
                            if let Some(p) = self.paras.last_mut() {
                                p.style = val().map(|v| v.into_owned());
                            }
                        }
                        "numId" if in_ppr => {
                            if let Some(p) = self.paras.last_mut() {
                                p.num_id = val().and_then(|v| v.trim().parse().ok());
                            }
                        }
                        "ilvl" if in_ppr => {
                            if let Some(p) = self.paras.last_mut() {
                                p.ilvl = val().and_then(|v| v.trim().parse().ok());
                            }
                        }
                        "t" if !empty && !in_ppr => in_t = true,
                        "tab" if !in_ppr && !hidden_run => self.push_text("\t"),
                        // Page and column breaks are layout, not text.
                        "br" | "cr"
                            if !in_ppr
                                && !hidden_run
                                && !attr(attrs, "type").is_some_and(|t| t == "page" || t == "column") =>
                        {
                            self.push_text("\n")
                        }
                        "noBreakHyphen" if !hidden_run => self.push_text("-"),
                        "tbl" if !empty => self.tables.push(Table::default()),
                        "tr" if !empty => {
                            if let Some(t) = self.tables.last_mut() {
                                t.rows.push(RawRow::default());
                            }
                        }
                        "trPr" if !empty => in_trpr = true,
                        "gridBefore" if in_trpr => {
                            if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                                row.before = val().and_then(|v| v.trim().parse().ok()).unwrap_or(0);
                            }
                        }
                        "tc" if !empty => {
                            if let Some(t) = self.tables.last_mut() {
                                t.cell = Some((1, VMerge::None, Vec::new()));
                            }
                        }
                        "tcPr" if !empty => in_tcpr = true,
                        "gridSpan" if in_tcpr => {
                            if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                c.0 = val().and_then(|v| v.trim().parse().ok()).unwrap_or(1).max(1);
                            }
                        }
                        "vMerge" if in_tcpr => {
                            if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                c.1 = if val().is_some_and(|v| v == "restart") {
                                    VMerge::Restart
                                } else {
                                    VMerge::Continue
                                };
                            }
                        }
                        // Legacy horizontal merge: a continuing cell widens the one before it.
                        "hMerge" if in_tcpr && val().is_none_or(|v| v != "restart") => {
                            if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                c.0 = 0;
                            }
                        }
                        _ => {}
                    }
                }
                Event::End { name } => match local(name) {
                    "p" => self.end_para(),
                    "pPr" => in_ppr = false,
                    "rPr" => in_rpr = false,
                    "t" => in_t = false,
                    "r" => hidden_run = false,
                    "trPr" => in_trpr = false,
                    "tcPr" => in_tcpr = false,
                    "tc" => self.end_cell(),
                    "tbl" => self.end_table(),
                    _ => {}
                },
                Event::Text(t) if in_t && !hidden_run => self.push_text(&unescape(t)),
                Event::Text(_) => {}
            }
        }
        while !self.paras.is_empty() {
            self.end_para();
        }
        while !self.tables.is_empty() {
            self.end_table();
        }
        self.out
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }

    fn end_para(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        let number = self.number(&p);
        let text = number + &p.text;
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                let mut h = String::new();
                office::escape_into(&mut h, text.trim());
                cell.2.push(h);
            }
            None => office::push_para(&mut self.out, &text),
        }
    }

    /// The list number of a paragraph, from its own `w:numPr` or its style's.
    fn number(&mut self, p: &Para) -> String {
        let style = p.style.as_deref().or(self.styles.default_para.as_deref());
        let (s_num, s_lvl) = style.map(|s| self.styles.numbering(s)).unwrap_or((None, None));
        let Some(num_id) = p.num_id.or(s_num).filter(|&n| n != 0) else { return String::new() };
        let Some((abs_id, overrides)) = self.numbering.nums.get(&num_id).cloned() else { return String::new() };
        let ilvl = p
            .ilvl
            .or(s_lvl)
            .or_else(|| style.and_then(|s| self.numbering.style_levels.get(s)).map(|&(_, i)| i))
            .unwrap_or(0)
            .min(8);
        let Some(levels) = self.numbering.abstracts.get(&abs_id) else { return String::new() };
        let first_use = !self.used_nums.contains(&num_id);
        if first_use {
            self.used_nums.insert(num_id, ());
        }
        let start = overrides.iter().find(|(i, _)| *i == ilvl).map(|&(_, v)| v).filter(|_| first_use);
        self.counters.entry_or_default(abs_id).next(levels, ilvl, start)
    }

    fn end_cell(&mut self) {
        let Some(t) = self.tables.last_mut() else { return };
        let Some((span, vmerge, paras)) = t.cell.take() else { return };
        if t.rows.is_empty() {
            t.rows.push(RawRow::default());
        }
        let row = t.rows.last_mut().expect("pushed");
        if span == 0 {
            if let Some(prev) = row.cells.last_mut() {
                prev.span += 1;
                return;
            }
        }
        row.cells.push(RawCell { span: span.max(1), vmerge, html: office::cell_html(&paras) });
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        let mut html = String::new();
        office::write_table(&mut html, &t.rows);
        // A table inside a cell stays inside that cell.
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.2.push(html),
            None => self.out.push_str(&html),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(document: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut files: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
        if let Some(n) = numbering {
            files.push(("word/numbering.xml", n.as_bytes()));
        }
        crate::input::zip::tests::stored(&files)
    }

    #[test]
    fn numbering_and_merges() {
        let numbering = r#"<w:numbering xmlns:w="x">
          <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
          <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;
        let p = |lvl: u8, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="5"/></w:numPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let body = format!(
            r#"<w:document><w:body>{}{}{}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t xml:space="preserve">x </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl></w:body></w:document>"#,
            p(0, "总体情况"),
            p(1, "主动公开"),
            p(0, "主动公开政府信息情况")
        );
        let html = to_html(&docx(&body, Some(numbering))).unwrap();
        assert_eq!(
            html,
            "<p>一、总体情况</p>\n<p>（一）主动公开</p>\n<p>二、主动公开政府信息情况</p>\n<table>\n\
             <tr><td rowspan=2>项目</td><td colspan=2>A&amp;B</td></tr>\n<tr><td></td><td>3</td></tr>\n\
             <tr><td colspan=1></td><td>x y</td></tr>\n</table>\n"
        );
    }

    #[test]
    fn hostile_documents_do_not_panic() {
        for body in [
            "<w:p><w:r><w:t>unclosed",
            "</w:tc></w:tbl></w:p><w:tc>",
            "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999999\"/>",
        ] {
            let _ = to_html(&docx(body, Some("<w:num w:numId=\"1\"><w:lvl w:ilvl=\"99\">")));
        }
    }
}
