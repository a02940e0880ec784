//! .doc (Word 97–2003) and Kingsoft .wps (the same MS-DOC binary format) → simple HTML.
//!
//! The text comes from the piece table (CLX); paragraph properties from the PAPX pages (and the
//! Data stream for `sprmPHugePapx`) tell cell ends from row ends (both are 0x07; the row end has
//! `sprmPFTtp`); the row's table definition (`sprmTDefTable`) gives the cell boundaries, from which
//! every row's cells are put on one column grid (colspan), and the vertical merge flags (rowspan).
//! Deleted (tracked) and hidden text is left out (CHPX); list numbers are written out (LST/LFO).

use super::cfb::Compound;
use super::office::{self, Counters, Level, ListMap, RawCell, RawRow, Suffix, VMerge};
use super::sniff::FileError;

fn corrupt(why: &str) -> FileError {
    FileError::Corrupt(format!("Word 文档：{why}"))
}

fn u16_at(d: &[u8], at: usize) -> u16 {
    d.get(at..at.wrapping_add(2)).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(d: &[u8], at: usize) -> u32 {
    d.get(at..at.wrapping_add(4)).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn slice(d: &[u8], at: usize, len: usize) -> &[u8] {
    let start = at.min(d.len());
    &d[start..at.saturating_add(len).min(d.len())]
}

/// Checks the start of the FIB: Word 97+ and not encrypted.
pub fn check_fib(head: &[u8]) -> Result<(), FileError> {
    if head.len() < 32 {
        return Err(corrupt("文件头不完整"));
    }
    let n_fib = u16_at(head, 2);
    let flags = u16_at(head, 0x0A);
    if u16_at(head, 0) != 0xA5EC && u16_at(head, 0) != 0xA5DC {
        return Err(corrupt("不是 Word 文档的文件头"));
    }
    if n_fib < 0xC0 {
        return Err(FileError::OldWord);
    }
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(FileError::Encrypted);
    }
    Ok(())
}

/// The parts of the FIB the reader uses.
struct Fib {
    ccp_text: usize,
    table_stream: &'static str,
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    fn parse(w: &[u8]) -> Result<Fib, FileError> {
        check_fib(w)?;
        let flags = u16_at(w, 0x0A);
        let mut at = 0x20;
        let csw = u16_at(w, at) as usize;
        at += 2 + csw * 2;
        let cslw = u16_at(w, at) as usize;
        let lw = at + 2;
        let ccp_text = u32_at(w, lw + 3 * 4) as usize;
        at = lw + cslw * 4;
        let cb = u16_at(w, at) as usize;
        let blob = at + 2;
        if w.len() < blob + cb * 8 {
            return Err(corrupt("FIB 不完整"));
        }
        let fc_lcb = (0..cb).map(|i| (u32_at(w, blob + 8 * i), u32_at(w, blob + 8 * i + 4))).collect();
        Ok(Fib { ccp_text, table_stream: if flags & 0x0200 != 0 { "1Table" } else { "0Table" }, fc_lcb })
    }

    /// The bytes of the structure number `i` of FibRgFcLcb in the table stream (empty if absent).
    fn get<'t>(&self, table: &'t [u8], i: usize) -> &'t [u8] {
        match self.fc_lcb.get(i) {
            Some(&(fc, lcb)) if lcb > 0 => slice(table, fc as usize, lcb as usize),
            _ => &[],
        }
    }
}

const STSHF: usize = 1;
const PLCF_BTE_CHPX: usize = 12;
const PLCF_BTE_PAPX: usize = 13;
const CLX: usize = 33;
const PLF_LST: usize = 73;
const PLF_LFO: usize = 74;

/// One piece of the piece table: CPs `[cp, cp_end)` stored from byte `fc` of WordDocument.
struct Piece {
    cp: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
    prm: u16,
}

fn pieces(clx: &[u8]) -> Result<(Vec<Piece>, Vec<&[u8]>), FileError> {
    let mut prcs = Vec::new();
    let mut at = 0;
    while at < clx.len() {
        match clx[at] {
            1 => {
                let cb = u16_at(clx, at + 1) as usize;
                prcs.push(slice(clx, at + 3, cb));
                at += 3 + cb;
            }
            2 => {
                let lcb = u32_at(clx, at + 1) as usize;
                let plc = slice(clx, at + 5, lcb);
                if plc.len() < 16 {
                    break;
                }
                let n = (plc.len() - 4) / 12;
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    let cp = u32_at(plc, 4 * i) as usize;
                    let cp_end = u32_at(plc, 4 * i + 4) as usize;
                    let pcd = 4 * (n + 1) + 8 * i;
                    let fc_raw = u32_at(plc, pcd + 2);
                    let compressed = fc_raw & 0x4000_0000 != 0;
                    let fc = (fc_raw & 0x3FFF_FFFF) as usize;
                    out.push(Piece {
                        cp,
                        cp_end: cp_end.max(cp),
                        fc: if compressed { fc / 2 } else { fc },
                        compressed,
                        prm: u16_at(plc, pcd + 6),
                    });
                }
                return Ok((out, prcs));
            }
            _ => break,
        }
    }
    Err(corrupt("找不到文字片段表"))
}

/// Windows-1252 as Word stores "compressed" text.
fn cp1252(b: u8) -> u16 {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    if (0x80..0xA0).contains(&b) {
        HIGH[(b - 0x80) as usize]
    } else {
        b as u16
    }
}

/// Iterates the sprms of a grpprl: (sprm, operand).
fn sprms(g: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at + 2 > g.len() {
            return None;
        }
        let sprm = u16_at(g, at);
        at += 2;
        let len = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match sprm {
                // sprmTDefTable: a 2-byte count, then count - 1 bytes.
                0xD608 | 0xD606 => {
                    let cb = u16_at(g, at) as usize;
                    at += 2;
                    cb.saturating_sub(1)
                }
                // sprmPChgTabs with the long form: skip what its counts say.
                0xC615 if g.get(at) == Some(&255) => {
                    let del = *g.get(at + 1)? as usize;
                    let add_at = at + 2 + del * 4;
                    let add = *g.get(add_at)? as usize;
                    add_at + 1 + add * 3 - at
                }
                _ => {
                    let cb = *g.get(at)? as usize;
                    at += 1;
                    cb
                }
            },
        };
        let op = g.get(at..at + len)?;
        at += len;
        Some((sprm, op))
    })
}

/// The properties of a paragraph that the reader uses.
#[derive(Clone, Debug, Default)]
struct Pap {
    in_table: bool,
    ttp: bool,
    itap: u32,
    inner_ttp: bool,
    ilfo: Option<i16>,
    ilvl: Option<u8>,
    /// The row's table definition (from the row-end paragraph): cell boundaries and cell flags.
    centers: Vec<i16>,
    tcs: Vec<u16>,
    vert: Vec<(usize, u8)>,
    merges: Vec<(usize, usize)>,
}

impl Pap {
    fn apply(&mut self, g: &[u8], data: &[u8], depth: u8) {
        for (sprm, op) in sprms(g) {
            let b = op.first().copied().unwrap_or(0);
            match sprm {
                0x2416 => self.in_table = b != 0,
                0x2417 => self.ttp = b != 0,
                0x6649 => self.itap = u32_at(op, 0),
                0x244C => self.inner_ttp = b != 0,
                0x260A => self.ilvl = Some(b),
                0x460B => self.ilfo = Some(u16_at(op, 0) as i16),
                0x6646 if depth == 0 => {
                    // sprmPHugePapx: the properties are in the Data stream.
                    let at = u32_at(op, 0) as usize;
                    let cb = u16_at(data, at) as usize;
                    self.apply(slice(data, at + 2, cb), data, 1);
                }
                0xD608 => {
                    let n = b as usize;
                    self.centers = (0..=n).map(|i| u16_at(op, 1 + 2 * i) as i16).collect();
                    let tc_at = 1 + 2 * (n + 1);
                    let count = (op.len().saturating_sub(tc_at) / 20).min(n);
                    self.tcs = (0..count).map(|i| u16_at(op, tc_at + 20 * i)).collect();
                    self.vert.clear();
                    self.merges.clear();
                }
                // sprmTVertMerge: (cell, 0 none / 1 continue / 3 restart).
                0xD62B => self.vert.push((op.first().copied().unwrap_or(0) as usize, op.get(1).copied().unwrap_or(0))),
                // sprmTMerge: cells [first, lim) become one.
                0x5624 => self.merges.push((b as usize, op.get(1).copied().unwrap_or(0) as usize)),
                _ => {}
            }
        }
    }
}

/// Looks up the grpprl that applies at byte `fc` through a PlcBte (PAPX or CHPX pages).
struct Bte<'a> {
    fcs: Vec<u32>,
    pns: Vec<u32>,
    word: &'a [u8],
}

impl<'a> Bte<'a> {
    fn new(plc: &[u8], word: &'a [u8]) -> Bte<'a> {
        let n = plc.len().saturating_sub(4) / 8;
        Bte {
            fcs: (0..=n).map(|i| u32_at(plc, 4 * i)).collect(),
            pns: (0..n).map(|i| u32_at(plc, 4 * (n + 1) + 4 * i) & 0x3F_FFFF).collect(),
            word,
        }
    }

    /// The FKP page and the run index in it that covers `fc`, with the run's FC range.
    fn find(&self, fc: u32) -> Option<(&'a [u8], usize, u32, u32)> {
        let i = self.fcs.partition_point(|&f| f <= fc).checked_sub(1)?;
        let pn = *self.pns.get(i)? as usize;
        let page = self.word.get(pn.checked_mul(512)?..pn.checked_mul(512)? + 512)?;
        let crun = page[511] as usize;
        let fcs: Vec<u32> = (0..=crun).map(|k| u32_at(page, 4 * k)).collect();
        let j = fcs.partition_point(|&f| f <= fc).checked_sub(1)?;
        if j >= crun {
            return None;
        }
        Some((page, j, fcs[j], fcs[j + 1]))
    }

    /// A paragraph's istd and grpprl.
    fn papx(&self, fc: u32) -> Option<(u16, &'a [u8])> {
        let (page, j, ..) = self.find(fc)?;
        let crun = page[511] as usize;
        let off = *page.get(4 * (crun + 1) + 13 * j)? as usize * 2;
        if off == 0 {
            return None;
        }
        let cb = *page.get(off)? as usize;
        let body = if cb == 0 {
            let cb2 = *page.get(off + 1)? as usize;
            slice(page, off + 2, 2 * cb2)
        } else {
            slice(page, off + 1, 2 * cb - 1)
        };
        Some((u16_at(body, 0), body.get(2..).unwrap_or(&[])))
    }

    /// Whether the character run at `fc` is deleted or hidden, and where the run ends.
    fn chpx_hidden(&self, fc: u32) -> (bool, u32) {
        let Some((page, j, _, end)) = self.find(fc) else { return (false, fc.saturating_add(1)) };
        let crun = page[511] as usize;
        let off = page.get(4 * (crun + 1) + j).copied().unwrap_or(0) as usize * 2;
        if off == 0 {
            return (false, end);
        }
        let cb = page.get(off).copied().unwrap_or(0) as usize;
        let hidden = sprms(slice(page, off + 1, cb)).any(|(s, op)| {
            // sprmCFRMarkDel (deleted revision), sprmCFVanish (hidden); operand 1 or 0x81 = on.
            (s == 0x0800 || s == 0x083C) && op.first().is_some_and(|&b| b == 1 || b == 0x81)
        });
        (hidden, end)
    }
}

/// A paragraph of the main text: its characters and the FC and piece of its mark.
struct Para {
    text: Vec<u16>,
    /// The last character: 0x0D, 0x07 (cell or row end) or 0x0C.
    mark: u16,
    mark_fc: u32,
    prm: u16,
}

fn paragraphs(word: &[u8], pieces: &[Piece], ccp_text: usize, chpx: &Bte) -> Vec<Para> {
    let mut out = Vec::new();
    let mut cur: Vec<u16> = Vec::new();
    // Field nesting: true while in a field's instructions (not shown), false in its result.
    let mut fields: Vec<bool> = Vec::new();
    let mut run: (u32, u32, bool) = (1, 0, false);
    let limit = if ccp_text == 0 { usize::MAX } else { ccp_text };
    for p in pieces {
        if p.cp >= limit {
            break;
        }
        let n = p.cp_end.min(limit) - p.cp;
        let width = if p.compressed { 1 } else { 2 };
        for k in 0..n {
            let fc = p.fc.saturating_add(k * width);
            let unit = if p.compressed {
                match word.get(fc) {
                    Some(&b) => cp1252(b),
                    None => break,
                }
            } else {
                match word.get(fc..fc + 2) {
                    Some(b) => u16::from_le_bytes([b[0], b[1]]),
                    None => break,
                }
            };
            let fc = fc as u32;
            if !(run.0..run.1).contains(&fc) {
                let (hidden, end) = chpx.chpx_hidden(fc);
                run = (fc, end.max(fc.saturating_add(1)), hidden);
            }
            match unit {
                0x0D | 0x07 | 0x0C => {
                    out.push(Para { text: std::mem::take(&mut cur), mark: unit, mark_fc: fc, prm: p.prm });
                    fields.clear();
                }
                0x13 => fields.push(true),
                0x14 => {
                    if let Some(f) = fields.last_mut() {
                        *f = false;
                    }
                }
                0x15 => {
                    fields.pop();
                }
                _ if fields.iter().any(|&f| f) || run.2 => {}
                0x0B => cur.push(b'\n' as u16),
                0x09 => cur.push(b'\t' as u16),
                0x1E => cur.push(b'-' as u16),
                u if u < 0x20 => {}
                u => cur.push(u),
            }
        }
    }
    if !cur.is_empty() {
        out.push(Para { text: cur, mark: 0x0D, mark_fc: u32::MAX, prm: 0 });
    }
    out
}

/// Paragraph styles: each style's base and its own paragraph sprms.
struct Stylesheet<'a> {
    styles: Vec<Option<(u16, &'a [u8])>>,
}

impl<'a> Stylesheet<'a> {
    fn parse(stsh: &'a [u8]) -> Stylesheet<'a> {
        let cb_stshi = u16_at(stsh, 0) as usize;
        let cstd = u16_at(stsh, 2) as usize;
        let cb_base = u16_at(stsh, 4) as usize;
        let mut at = 2 + cb_stshi;
        let mut styles = Vec::with_capacity(cstd.min(4096));
        for _ in 0..cstd.min(4096) {
            if at + 2 > stsh.len() {
                break;
            }
            let cb = u16_at(stsh, at) as usize;
            let std = slice(stsh, at + 2, cb);
            at += 2 + cb;
            if std.len() < 10 {
                styles.push(None);
                continue;
            }
            let stk = u16_at(std, 2) & 0xF;
            let base = u16_at(std, 2) >> 4;
            if stk != 1 {
                styles.push(None);
                continue;
            }
            let name_at = cb_base;
            let cch = u16_at(std, name_at) as usize;
            let upx = name_at + 2 + 2 * cch + 2;
            let cb_upx = u16_at(std, upx) as usize;
            // UpxPapx: istd, then the sprms.
            let papx = slice(std, upx + 2, cb_upx);
            styles.push(Some((base, papx.get(2..).unwrap_or(&[]))));
        }
        Stylesheet { styles }
    }

    /// Applies a style and the styles it is based on (base first).
    fn apply(&self, istd: u16, pap: &mut Pap, data: &[u8]) {
        let mut chain = Vec::new();
        let mut at = istd;
        while chain.len() < 20 {
            let Some(Some((base, g))) = self.styles.get(at as usize) else { break };
            chain.push(*g);
            if *base == 0x0FFF || *base == at {
                break;
            }
            at = *base;
        }
        for g in chain.iter().rev() {
            pap.apply(g, data, 1);
        }
    }
}

/// Word 97 lists: the LSTs (by lsid) and the LFOs that paragraphs point at (1-based ilfo).
#[derive(Default)]
struct Lists {
    lists: ListMap<i32, Vec<Level>>,
    /// ilfo - 1 → (lsid, start overrides by level).
    lfos: Vec<(i32, Vec<(usize, u32)>)>,
}

/// The `w:numFmt` name of a .doc number format code (nfc).
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        14 => "decimalFullWidth",
        18 => "decimalEnclosedCircle",
        19 => "decimalFullWidth2",
        22 => "decimalZero",
        23 => "bullet",
        26 => "decimalEnclosedFullstop",
        27 => "decimalEnclosedParen",
        28 => "decimalEnclosedCircleChinese",
        29 => "ideographEnclosedCircle",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 => "taiwaneseCounting",
        34 => "ideographLegalTraditional",
        35 => "taiwaneseCountingThousand",
        37 => "chineseCounting",
        38 => "chineseLegalSimplified",
        39 => "chineseCountingThousand",
        255 => "none",
        _ => "decimal",
    }
}

/// Reads one LVL at `at`; returns it and the offset after it.
fn read_lvl(t: &[u8], at: usize) -> Option<(Level, usize)> {
    let f = t.get(at..at + 28)?;
    let start = u32_at(f, 0);
    let nfc = f[4];
    let flags = f[5];
    let nums: Vec<usize> = f[6..15].iter().take_while(|&&b| b != 0).map(|&b| b as usize).collect();
    let follow = f[15];
    let cb_chpx = f[24] as usize;
    let cb_papx = f[25] as usize;
    let xst = at + 28 + cb_papx + cb_chpx;
    let cch = u16_at(t, xst) as usize;
    let units: Vec<u16> = (0..cch).map(|i| u16_at(t, xst + 2 + 2 * i)).collect();
    if t.len() < xst + 2 + 2 * cch {
        return None;
    }
    // The placeholders are the characters at the positions rgbxchNums names (1-based); each
    // holds the level whose number goes there.
    let mut text = String::new();
    for (i, &u) in units.iter().enumerate() {
        if nums.contains(&(i + 1)) && u < 9 {
            text.push('%');
            text.push(char::from(b'1' + u as u8));
        } else if let Some(c) = char::from_u32(u as u32) {
            text.push(c);
        }
    }
    let level = Level {
        start,
        fmt: nfc_name(nfc).into(),
        text,
        legal: flags & 0x04 != 0,
        restarts: flags & 0x08 == 0,
        suffix: match follow {
            1 => Suffix::Space,
            2 => Suffix::Nothing,
            _ => Suffix::Tab,
        },
    };
    Some((level, xst + 2 + 2 * cch))
}

impl Lists {
    fn parse(table: &[u8], fib: &Fib) -> Lists {
        let mut l = Lists::default();
        if let Some(&(fc, lcb)) = fib.fc_lcb.get(PLF_LST).filter(|(_, lcb)| *lcb > 0) {
            let _ = lcb;
            let at = fc as usize;
            let n = (u16_at(table, at) as i16).max(0) as usize;
            let mut lvl_at = at + 2 + 28 * n;
            for i in 0..n.min(4096) {
                let lstf = slice(table, at + 2 + 28 * i, 28);
                if lstf.len() < 28 {
                    break;
                }
                let lsid = u32_at(lstf, 0) as i32;
                let count = if lstf[26] & 1 != 0 { 1 } else { 9 };
                let mut levels = Vec::new();
                for _ in 0..count {
                    match read_lvl(table, lvl_at) {
                        Some((lv, next)) => {
                            levels.push(lv);
                            lvl_at = next;
                        }
                        None => break,
                    }
                }
                l.lists.insert(lsid, levels);
            }
        }
        let lfo = fib.get(table, PLF_LFO);
        let fc_lfo = fib.fc_lcb.get(PLF_LFO).map_or(0, |&(fc, _)| fc as usize);
        if lfo.len() >= 4 {
            let n = (u32_at(lfo, 0) as usize).min(4096);
            let mut data_at = fc_lfo + 4 + 16 * n;
            for i in 0..n {
                let e = slice(lfo, 4 + 16 * i, 16);
                if e.len() < 16 {
                    break;
                }
                let lsid = u32_at(e, 0) as i32;
                let clfolvl = e[12] as usize;
                let mut overrides = Vec::new();
                // LFOData: a CP, then the level overrides.
                data_at += 4;
                for _ in 0..clfolvl {
                    let start = u32_at(table, data_at);
                    let flags = u32_at(table, data_at + 4);
                    data_at += 8;
                    if flags & 0x10 != 0 {
                        overrides.push(((flags & 0xF) as usize, start));
                    }
                    if flags & 0x20 != 0 {
                        match read_lvl(table, data_at) {
                            Some((_, next)) => data_at = next,
                            None => break,
                        }
                    }
                }
                l.lfos.push((lsid, overrides));
            }
        }
        l
    }
}

pub fn to_html(bytes: &[u8]) -> Result<String, FileError> {
    let file = Compound::new(bytes)?;
    let word = file.read("WordDocument")?.ok_or_else(|| corrupt("缺少 WordDocument 数据流"))?;
    let fib = Fib::parse(&word)?;
    let table = file.read(fib.table_stream)?.ok_or_else(|| corrupt("缺少表格数据流"))?;
    let data = file.read("Data")?.unwrap_or_default();
    let (pieces, prcs) = pieces(fib.get(&table, CLX))?;
    let chpx = Bte::new(fib.get(&table, PLCF_BTE_CHPX), &word);
    let papx = Bte::new(fib.get(&table, PLCF_BTE_PAPX), &word);
    let styles = Stylesheet::parse(fib.get(&table, STSHF));
    let lists = Lists::parse(&table, &fib);
    let paras = paragraphs(&word, &pieces, fib.ccp_text, &chpx);

    let mut out = String::new();
    let mut counters: ListMap<i32, Counters> = ListMap::default();
    let mut used_lfos = vec![false; lists.lfos.len()];
    let mut rows: Vec<(Vec<Vec<String>>, Pap)> = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    for p in &paras {
        let mut pap = Pap::default();
        if let Some((istd, g)) = papx.papx(p.mark_fc) {
            styles.apply(istd, &mut pap, &data);
            // Direct formatting overrides the style.
            let (lfo, lvl) = (pap.ilfo.take(), pap.ilvl.take());
            pap.apply(g, &data, 0);
            pap.ilfo = pap.ilfo.or(lfo);
            pap.ilvl = pap.ilvl.or(lvl);
        }
        if p.prm & 1 != 0 {
            if let Some(g) = prcs.get((p.prm >> 1) as usize) {
                pap.apply(g, &data, 0);
            }
        }
        let number = list_number(&pap, &lists, &mut counters, &mut used_lfos);
        let text = number + &String::from_utf16_lossy(&p.text);
        let depth = if pap.in_table || pap.itap > 0 { pap.itap.max(1) } else { 0 };
        if depth == 0 {
            if !rows.is_empty() || !row.is_empty() || !cell.is_empty() {
                flush_table(&mut out, &mut rows, &mut row, &mut cell);
            }
            office::push_para(&mut out, &text);
            continue;
        }
        let mut h = String::new();
        office::escape_into(&mut h, text.trim());
        if depth > 1 {
            // A nested table: its text stays in the outer cell, row ends left out.
            if !pap.inner_ttp {
                cell.push(h);
            }
            continue;
        }
        match (p.mark, pap.ttp) {
            (0x07, true) => {
                if !cell.is_empty() {
                    row.push(std::mem::take(&mut cell));
                }
                rows.push((std::mem::take(&mut row), pap));
            }
            (0x07, false) => {
                cell.push(h);
                row.push(std::mem::take(&mut cell));
            }
            _ => cell.push(h),
        }
    }
    if !rows.is_empty() || !row.is_empty() || !cell.is_empty() {
        flush_table(&mut out, &mut rows, &mut row, &mut cell);
    }
    Ok(out)
}

fn list_number(pap: &Pap, lists: &Lists, counters: &mut ListMap<i32, Counters>, used: &mut [bool]) -> String {
    let Some(ilfo) = pap.ilfo.filter(|&i| i > 0) else { return String::new() };
    let idx = ilfo as usize - 1;
    let Some((lsid, overrides)) = lists.lfos.get(idx) else { return String::new() };
    let Some(levels) = lists.lists.get(lsid) else { return String::new() };
    let ilvl = pap.ilvl.unwrap_or(0) as usize;
    let first = !std::mem::replace(&mut used[idx], true);
    let start = overrides.iter().find(|(l, _)| *l == ilvl).map(|&(_, s)| s).filter(|_| first);
    counters.entry_or_default(*lsid).next(levels, ilvl, start)
}

/// Boundaries closer than this (in twips, 1/1440 inch) are one grid line: rows drawn to look
/// aligned may differ by a few twips.
const SNAP: i32 = 30;

fn flush_table(
    out: &mut String,
    rows: &mut Vec<(Vec<Vec<String>>, Pap)>,
    row: &mut Vec<Vec<String>>,
    cell: &mut Vec<String>,
) {
    if !cell.is_empty() {
        row.push(std::mem::take(cell));
    }
    if !row.is_empty() {
        rows.push((std::mem::take(row), Pap::default()));
    }
    // The grid: every row's cell boundaries, snapped together.
    let mut xs: Vec<i32> = rows.iter().flat_map(|(_, p)| p.centers.iter().map(|&x| x as i32)).collect();
    xs.sort_unstable();
    let mut grid: Vec<i32> = Vec::new();
    for x in xs {
        if grid.last().is_none_or(|&g| x - g > SNAP) {
            grid.push(x);
        }
    }
    let col_of = |x: i16| grid.partition_point(|&g| g + SNAP < x as i32);
    let raw: Vec<RawRow> = rows
        .drain(..)
        .map(|(cells, pap)| {
            if pap.centers.len() < 2 {
                let cells = cells
                    .iter()
                    .map(|c| RawCell { span: 1, vmerge: VMerge::None, html: office::cell_html(c) })
                    .collect();
                return RawRow { before: 0, cells };
            }
            let mut out = RawRow { before: col_of(pap.centers[0]), cells: Vec::new() };
            let mut merged_into: Option<usize> = None;
            for (i, c) in cells.iter().enumerate() {
                let (a, b) = (pap.centers.get(i).copied(), pap.centers.get(i + 1).copied());
                let span = match (a, b) {
                    (Some(a), Some(b)) => col_of(b).saturating_sub(col_of(a)).max(1),
                    _ => 1,
                };
                let tc = pap.tcs.get(i).copied().unwrap_or(0);
                let mut vmerge = match (tc & 0x20 != 0, tc & 0x40 != 0) {
                    (true, true) => VMerge::Restart,
                    (true, false) => VMerge::Continue,
                    _ => VMerge::None,
                };
                if let Some(&(_, f)) = pap.vert.iter().rev().find(|(itc, _)| *itc == i) {
                    vmerge = match f {
                        3 => VMerge::Restart,
                        1 => VMerge::Continue,
                        _ => VMerge::None,
                    };
                }
                // Horizontally merged cells (fMerged, or sprmTMerge) widen the first one.
                let h_merged =
                    tc & 0x02 != 0 && tc & 0x01 == 0 || pap.merges.iter().any(|&(first, lim)| i > first && i < lim);
                if h_merged {
                    if let Some(m) = merged_into.and_then(|m| out.cells.get_mut(m)) {
                        m.span += span;
                        let extra = office::cell_html(c);
                        if !extra.is_empty() {
                            if !m.html.is_empty() {
                                m.html.push_str("<br>");
                            }
                            m.html.push_str(&extra);
                        }
                        continue;
                    }
                }
                merged_into = Some(out.cells.len());
                out.cells.push(RawCell { span, vmerge, html: office::cell_html(c) });
            }
            out
        })
        .collect();
    office::write_table(out, &raw);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fib_checks() {
        let mut h = vec![0u8; 64];
        h[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
        h[2..4].copy_from_slice(&0x65u16.to_le_bytes());
        assert_eq!(check_fib(&h), Err(FileError::OldWord));
        h[2..4].copy_from_slice(&0xC1u16.to_le_bytes());
        assert_eq!(check_fib(&h), Ok(()));
        h[0x0A] = 0x00;
        h[0x0B] = 0x01;
        assert_eq!(check_fib(&h), Err(FileError::Encrypted));
    }

    #[test]
    fn huge_papx_reads_the_data_stream() {
        // sprmPHugePapx points at offset 3 of the Data stream: cb = 6, then sprmPFInTable 1 and
        // sprmPFTtp 1.
        let data = [0, 0, 0, 6, 0, 0x16, 0x24, 1, 0x17, 0x24, 1];
        let mut p = Pap::default();
        p.apply(&[0x46, 0x66, 3, 0, 0, 0], &data, 0);
        assert!(p.in_table && p.ttp);
        // An offset past the stream reads nothing (no panic).
        let mut q = Pap::default();
        q.apply(&[0x46, 0x66, 0xFF, 0xFF, 0, 0], &data, 0);
        assert!(!q.in_table);
    }

    #[test]
    fn sprm_operands() {
        // sprmPFInTable 1, sprmPItap 1, sprmTDefTable with 1 cell, then sprmPFTtp 1.
        let mut g = vec![0x16, 0x24, 1, 0x49, 0x66, 1, 0, 0, 0];
        let def = [1u8, 0, 0, 0x40, 0x0B];
        g.extend([0x08, 0xD6]);
        g.extend(((def.len() + 1) as u16).to_le_bytes());
        g.extend(def);
        g.extend([0x17, 0x24, 1]);
        let mut p = Pap::default();
        p.apply(&g, &[], 0);
        assert!(p.in_table && p.ttp);
        assert_eq!(p.itap, 1);
        assert_eq!(p.centers, vec![0, 2880]);
    }
}
