//! PDF pages (positioned text and ruling lines, from pdf.js in the browser or `mutool trace` in the
//! CLI) → simple HTML: tables where the page draws a grid of rules (cells and their merges read
//! from the rules), other text as lines by baseline; rows of text separated by wide gaps become
//! table rows too. Page numbers and headers/footers repeated on every page are left out.

use super::office::{escape_into, Extracted};
use super::sniff::FileError;
use super::InputKind;
use serde::Deserialize;

/// A run of text on a page. Coordinates in points, origin top left, y down; `y` is the baseline.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TextItem {
    pub x: f32,
    pub y: f32,
    /// Advance width of the whole run.
    pub w: f32,
    /// Font size (height of the em square).
    pub size: f32,
    pub text: String,
    /// False for text turned by 90° or 270°: read inside table cells only (a vertical label), and
    /// given one character per item at its own position. Text at other angles (watermarks) is
    /// not given at all.
    #[serde(default = "yes")]
    pub upright: bool,
}

fn yes() -> bool {
    true
}

/// A straight line drawn on the page (a stroked line, or a filled rectangle thin enough to be one).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<TextItem>,
    #[serde(default)]
    pub lines: Vec<Segment>,
}

/// Limits against hostile input: characters per document, rules per page (grouping them is
/// quadratic) and per document, grid lines per table. Real reports draw a few hundred rules a page.
const MAX_CHARS: usize = 4_000_000;
const MAX_SEGMENTS: usize = 2000;
const MAX_SEGMENTS_ALL: usize = 100_000;
const MAX_COLS: usize = 100;
const MAX_ROWS: usize = 300;

/// One character with its box.
#[derive(Clone, Copy, Debug)]
struct Ch {
    x: f32,
    y: f32,
    w: f32,
    size: f32,
    c: char,
    up: bool,
}

impl Ch {
    fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    /// The middle of the glyph's height (the baseline is near its bottom).
    fn cy(&self) -> f32 {
        self.y - self.size * 0.35
    }
}

/// Splits runs into characters, evenly over the run's width; drops duplicates (text drawn twice
/// to look bold) and characters outside the page.
fn chars(page: &Page, budget: &mut usize) -> Vec<Ch> {
    let mut out = Vec::new();
    for it in &page.items {
        let n = it.text.chars().count();
        if n == 0 || !it.x.is_finite() || !it.y.is_finite() || !it.w.is_finite() || !it.size.is_finite() {
            continue;
        }
        if *budget < n {
            // Over the limit: `layout` refuses the document (no silent cut).
            *budget = 0;
            break;
        }
        *budget -= n;
        let size = it.size.abs().clamp(1.0, 500.0);
        let cw = if it.w > 0.0 { it.w / n as f32 } else { size * 0.5 };
        for (i, c) in it.text.chars().enumerate() {
            out.push(Ch { x: it.x + cw * i as f32, y: it.y, w: cw, size, c, up: it.upright });
        }
    }
    out.retain(|c| c.cx() > -5.0 && c.cy() > -5.0 && c.cx() < page.width + 5.0 && c.cy() < page.height + 5.0);
    // Duplicates: the same character on the same baseline (rounded to a point) within a point to
    // the left. Sorting by (character, baseline, x) puts them side by side: O(n log n) however the
    // page is made.
    out.sort_unstable_by(|a, b| a.c.cmp(&b.c).then(a.y.round().total_cmp(&b.y.round())).then(a.x.total_cmp(&b.x)));
    let mut kept: Vec<Ch> = Vec::with_capacity(out.len());
    for c in out {
        let dup = kept.last().is_some_and(|k| k.c == c.c && k.y.round() == c.y.round() && c.x - k.x < 1.0);
        if !dup {
            kept.push(c);
        }
    }
    kept
}

/// Values closer than `tol` become one (their mean).
fn snap(mut v: Vec<f32>, tol: f32) -> Vec<f32> {
    v.retain(|x| x.is_finite());
    v.sort_unstable_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some((m, n)) if x - *m / *n as f32 <= tol => {
                *m += x;
                *n += 1;
            }
            _ => out.push((x, 1)),
        }
    }
    out.into_iter().map(|(m, n)| m / n as f32).collect()
}

/// A table found from the rules: grid lines and its cells as (row0, col0, rows, cols).
struct Grid {
    xs: Vec<f32>,
    ys: Vec<f32>,
    cells: Vec<(usize, usize, usize, usize)>,
    /// For each slot (row-major), the index of its cell.
    owner: Vec<usize>,
}

const TOL: f32 = 2.0;

impl Grid {
    fn contains(&self, c: &Ch) -> bool {
        let (x, y) = (c.cx(), c.cy());
        x >= self.xs[0] - TOL
            && x <= self.xs[self.xs.len() - 1] + TOL
            && y >= self.ys[0] - TOL
            && y <= self.ys[self.ys.len() - 1] + TOL
    }

    fn cell_of(&self, c: &Ch) -> usize {
        let col = self.xs.partition_point(|&x| x <= c.cx()).clamp(1, self.xs.len() - 1) - 1;
        let row = self.ys.partition_point(|&y| y <= c.cy()).clamp(1, self.ys.len() - 1) - 1;
        self.owner[row * (self.xs.len() - 1) + col]
    }

    fn top(&self) -> f32 {
        self.ys[0]
    }
}

/// Horizontal and vertical rules of a page, normalised so that x0 ≤ x1 and y0 ≤ y1.
fn rules(page: &Page) -> (Vec<Segment>, Vec<Segment>) {
    let (mut h, mut v) = (Vec::new(), Vec::new());
    for s in page.lines.iter().take(MAX_SEGMENTS) {
        if ![s.x0, s.y0, s.x1, s.y1].iter().all(|f| f.is_finite()) {
            continue;
        }
        let n = Segment { x0: s.x0.min(s.x1), y0: s.y0.min(s.y1), x1: s.x0.max(s.x1), y1: s.y0.max(s.y1) };
        let (w, hgt) = (n.x1 - n.x0, n.y1 - n.y0);
        if hgt <= 2.5 && w >= 3.0 {
            let y = (n.y0 + n.y1) / 2.0;
            h.push(Segment { y0: y, y1: y, ..n });
        } else if w <= 2.5 && hgt >= 3.0 {
            let x = (n.x0 + n.x1) / 2.0;
            v.push(Segment { x0: x, x1: x, ..n });
        }
    }
    (h, v)
}

/// Groups rules that touch into tables and reads each table's grid.
fn grids(page: &Page) -> Vec<Grid> {
    let (h, v) = rules(page);
    let mut all: Vec<(Segment, bool)> = h.iter().map(|s| (*s, true)).chain(v.iter().map(|s| (*s, false))).collect();
    // Sorted by left end: the rules that can touch one start before its right end (a sweep).
    all.sort_unstable_by(|a, b| a.0.x0.total_cmp(&b.0.x0));
    let n = all.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let touch =
        |a: &Segment, b: &Segment| a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL;
    for i in 0..n {
        for j in i + 1..n {
            if all[j].0.x0 > all[i].0.x1 + TOL {
                break;
            }
            if touch(&all[i].0, &all[j].0) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    // The groups: segment indices ordered by their group's root.
    let mut order: Vec<(usize, usize)> = (0..n).map(|i| (find(&mut parent, i), i)).collect();
    order.sort_unstable();
    let mut out = Vec::new();
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        let members: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
        let hs: Vec<Segment> = members.iter().filter(|&&i| all[i].1).map(|&i| all[i].0).collect();
        let vs: Vec<Segment> = members.iter().filter(|&&i| !all[i].1).map(|&i| all[i].0).collect();
        if hs.len() < 2 || vs.len() < 2 {
            continue;
        }
        let ys = snap(hs.iter().map(|s| s.y0).chain(vs.iter().flat_map(|s| [s.y0, s.y1])).collect(), TOL);
        let xs = snap(vs.iter().map(|s| s.x0).chain(hs.iter().flat_map(|s| [s.x0, s.x1])).collect(), TOL);
        if xs.len() < 2 || ys.len() < 2 || xs.len() > MAX_COLS + 1 || ys.len() > MAX_ROWS + 1 {
            continue;
        }
        if let Some(g) = grid(xs, ys, &hs, &vs) {
            out.push(g);
        }
    }
    out.sort_unstable_by(|a, b| a.top().total_cmp(&b.top()));
    out
}

/// The cells of a grid: neighbouring slots not separated by a rule are one cell.
fn grid(xs: Vec<f32>, ys: Vec<f32>, hs: &[Segment], vs: &[Segment]) -> Option<Grid> {
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    // The rules on each grid line, so that a look-up scans only those.
    let on_line = |lines: &[f32], at: &dyn Fn(&Segment) -> f32, segs: &[Segment]| -> Vec<Vec<(f32, f32)>> {
        lines
            .iter()
            .map(|&l| segs.iter().filter(|s| (at(s) - l).abs() <= TOL).map(|s| (at_lo(s), at_hi(s))).collect())
            .collect()
    };
    fn at_lo(s: &Segment) -> f32 {
        if s.x0 == s.x1 {
            s.y0
        } else {
            s.x0
        }
    }
    fn at_hi(s: &Segment) -> f32 {
        if s.x0 == s.x1 {
            s.y1
        } else {
            s.x1
        }
    }
    let v_on = on_line(&xs, &|s: &Segment| s.x0, vs);
    let h_on = on_line(&ys, &|s: &Segment| s.y0, hs);
    let covers = |spans: &[(f32, f32)], p: f32| spans.iter().any(|&(a, b)| a - TOL <= p && p <= b + TOL);
    let has_v = |k: usize, y: f32| covers(&v_on[k], y);
    let has_h = |k: usize, x: f32| covers(&h_on[k], x);
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for r in 0..rows {
        let ym = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let xm = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !has_v(c + 1, ym) {
                let (a, b) = (find(&mut parent, r * cols + c), find(&mut parent, r * cols + c + 1));
                parent[a] = b;
            }
            if r + 1 < rows && !has_h(r + 1, xm) {
                let (a, b) = (find(&mut parent, r * cols + c), find(&mut parent, (r + 1) * cols + c));
                parent[a] = b;
            }
        }
    }
    // Each group of slots becomes the cell of its bounding box (groups are rectangles in real
    // tables; a slot already inside an earlier cell's box joins that cell).
    let mut bbox: Vec<Option<(usize, usize, usize, usize)>> = vec![None; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let root = find(&mut parent, r * cols + c);
            let e = bbox[root].get_or_insert((r, c, r, c));
            *e = (e.0.min(r), e.1.min(c), e.2.max(r), e.3.max(c));
        }
    }
    let mut boxes: Vec<(usize, usize, usize, usize)> = bbox.into_iter().flatten().collect();
    boxes.sort_unstable();
    let mut owner = vec![usize::MAX; rows * cols];
    let mut cells = Vec::new();
    for (r0, c0, r1, c1) in boxes {
        if owner[r0 * cols + c0] != usize::MAX {
            continue;
        }
        let id = cells.len();
        for r in r0..=r1 {
            for c in c0..=c1 {
                if owner[r * cols + c] == usize::MAX {
                    owner[r * cols + c] = id;
                }
            }
        }
        cells.push((r0, c0, r1 - r0 + 1, c1 - c0 + 1));
    }
    // A grid of one cell is a frame around text, not a table.
    (cells.len() >= 2).then_some(Grid { xs, ys, cells, owner })
}

/// Characters on one baseline.
struct Line {
    chars: Vec<Ch>,
}

impl Line {
    fn top(&self) -> f32 {
        self.chars.iter().map(|c| c.y - c.size * 0.8).fold(f32::INFINITY, f32::min)
    }
    fn size(&self) -> f32 {
        self.chars.iter().map(|c| c.size).fold(0.0, f32::max)
    }
}

/// Groups characters into lines: a character joins the line whose baseline is within a third of
/// its size; lines are ordered top to bottom, characters left to right.
fn lines(mut chars: Vec<Ch>) -> Vec<Line> {
    chars.sort_unstable_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Line> = Vec::new();
    for c in chars {
        match out.last_mut() {
            Some(l) if (c.y - l.chars[0].y).abs() <= c.size.min(l.chars[0].size) * 0.35 => l.chars.push(c),
            _ => out.push(Line { chars: vec![c] }),
        }
    }
    for l in &mut out {
        l.chars.sort_unstable_by(|a, b| a.x.total_cmp(&b.x));
    }
    out
}

fn is_wordish(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '%' | '.' | ',' | '-' | '+')
}

/// The text of a line's characters; a gap wider than a quarter of the size between two Latin
/// letters or digits is a space (Chinese text needs none: justified spacing is layout).
fn join(chars: &[Ch]) -> String {
    let mut s = String::new();
    let mut prev: Option<&Ch> = None;
    for c in chars {
        if let Some(p) = prev {
            let gap = c.x - (p.x + p.w);
            if gap > c.size.max(p.size) * 0.25 && is_wordish(p.c) && is_wordish(c.c) && !s.ends_with(' ') {
                s.push(' ');
            }
        }
        if c.c.is_whitespace() {
            if !s.is_empty() && !s.ends_with(' ') {
                s.push(' ');
            }
        } else {
            s.push(c.c);
        }
        prev = Some(c);
    }
    s.trim_end().to_string()
}

/// Splits a line where the gap between characters is wider than twice the font size (columns of
/// a table drawn without rules, or a right-aligned date).
fn segments(line: &Line) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..line.chars.len() {
        let (p, c) = (&line.chars[i - 1], &line.chars[i]);
        let gap = c.x - (p.x + p.w);
        if gap > 2.0 * c.size.max(p.size) && !p.c.is_whitespace() {
            out.push(join(&line.chars[start..i]));
            start = i;
        }
    }
    out.push(join(&line.chars[start..]));
    out.retain(|s| !s.trim().is_empty());
    out
}

fn is_number_like(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | '%' | '—' | ' '))
}

/// A line of text outside tables, with what tells whether the next line continues it.
struct TextLine {
    text: String,
    size: f32,
    top: f32,
    bottom: f32,
    /// Reaches the right margin of the page's text (a wrapped line of a paragraph).
    full: bool,
    /// Starts right of the left margin (the first line of a paragraph).
    indented: bool,
}

/// A piece of a page's content in reading order.
enum Block {
    Text(TextLine),
    /// A table drawn with rules.
    Ruled(Ruled),
    /// Lines of cells separated by wide gaps (a table drawn without rules).
    Rows(Vec<Vec<String>>),
}

/// Whether a line in the page margin is a page number ("- 3 -", "第 3 页", "3/6", "3").
fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '_' | '·'));
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some(inner) = t.strip_prefix('第').and_then(|x| x.strip_suffix('页')) {
        return digits(inner.split(['页', '/', '共']).next().unwrap_or(""));
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    false
}

/// Text with its digits masked, to recognise a header or footer that repeats on every page.
fn masked(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// A table read from rules: its column lines and cells in grid coordinates.
struct Ruled {
    xs: Vec<f32>,
    nrows: usize,
    /// (row, column, rows spanned, columns spanned, text).
    cells: Vec<(usize, usize, usize, usize, String)>,
}

impl Ruled {
    fn new(g: &Grid, chars: &[Ch]) -> Ruled {
        let mut texts: Vec<Vec<Ch>> = vec![Vec::new(); g.cells.len()];
        for c in chars {
            if let Some(t) = texts.get_mut(g.cell_of(c)) {
                t.push(*c);
            }
        }
        let cells =
            g.cells.iter().zip(texts.iter_mut()).map(|(&(r, c, nr, nc), t)| (r, c, nr, nc, cell_text(t))).collect();
        Ruled { xs: g.xs.clone(), nrows: g.ys.len() - 1, cells }
    }

    fn has_text(&self) -> bool {
        self.cells.iter().any(|c| !c.4.is_empty())
    }

    /// Whether `next` (the first table of the next page) continues this one: the same columns.
    fn continued_by(&self, next: &Ruled) -> bool {
        self.xs.len() == next.xs.len() && self.xs.iter().zip(&next.xs).all(|(a, b)| (a - b).abs() <= 2.0 * TOL)
    }

    /// Appends the rows of the table's continuation on the next page. An empty cell in its first
    /// row under a cell that reaches the bottom of this page is the rest of that cell (a merge
    /// cut by the page break).
    fn append(&mut self, next: Ruled) {
        let base = self.nrows;
        for (r, c, nr, nc, text) in next.cells {
            if r == 0 && text.is_empty() {
                if let Some(above) = self.cells.iter_mut().find(|a| a.1 == c && a.3 == nc && a.0 + a.2 == base) {
                    above.2 += nr;
                    continue;
                }
            }
            self.cells.push((r + base, c, nr, nc, text));
        }
        self.nrows += next.nrows;
    }

    /// The rows of cells (text, rowspan, colspan); grid rows or columns in which no cell starts
    /// are left out.
    fn rows(mut self) -> Vec<Vec<(String, usize, usize)>> {
        let cols = self.xs.len().saturating_sub(1);
        let row_used: Vec<bool> = (0..self.nrows).map(|r| self.cells.iter().any(|c| c.0 == r)).collect();
        let col_used: Vec<bool> = (0..cols).map(|k| self.cells.iter().any(|c| c.1 == k)).collect();
        let count = |used: &[bool], from: usize, n: usize| {
            used.get(from..(from + n).min(used.len())).map_or(0, |u| u.iter().filter(|u| **u).count()).max(1)
        };
        self.cells.sort_unstable_by_key(|c| (c.0, c.1));
        let mut out: Vec<Vec<(String, usize, usize)>> = vec![Vec::new(); self.nrows];
        for (r, c, nr, nc, text) in self.cells {
            if let Some(row) = out.get_mut(r) {
                row.push((text, count(&row_used, r, nr), count(&col_used, c, nc)));
            }
        }
        out.into_iter().zip(row_used).filter(|(_, u)| *u).map(|(r, _)| r).collect()
    }
}

/// A cell's characters as text: its lines joined (a line that ends and one that starts with a
/// Latin letter or digit get a space between them).
fn cell_text(chars: &mut [Ch]) -> String {
    let ls = lines(chars.to_vec());
    let mut s = String::new();
    for l in ls {
        let t = join(&l.chars);
        if t.is_empty() {
            continue;
        }
        if s.chars().last().is_some_and(is_wordish) && t.chars().next().is_some_and(is_wordish) {
            s.push(' ');
        }
        s.push_str(&t);
    }
    s
}

/// Lays out one page into blocks. `budget`: characters and rules the document may still use.
fn page_blocks(page: &Page, budget: &mut (usize, usize)) -> Vec<(f32, Block)> {
    let all = chars(page, &mut budget.0);
    let n = page.lines.len().min(MAX_SEGMENTS);
    let grids = if n <= budget.1 {
        budget.1 -= n;
        grids(page)
    } else {
        Vec::new()
    };
    let mut in_table: Vec<Vec<Ch>> = vec![Vec::new(); grids.len()];
    let mut free = Vec::new();
    for c in all {
        match grids.iter().position(|g| g.contains(&c)) {
            Some(k) => in_table[k].push(c),
            None => free.push(c),
        }
    }
    let mut blocks: Vec<(f32, Block)> = Vec::new();
    for (g, chars) in grids.iter().zip(&in_table) {
        let t = Ruled::new(g, chars);
        if t.has_text() {
            blocks.push((g.top(), Block::Ruled(t)));
        }
    }
    // Rotated characters outside a table are not body text (vertical margin notes, stamps).
    free.retain(|c| c.up);
    let mut pending: Vec<(f32, Vec<String>)> = Vec::new();
    let flush = |pending: &mut Vec<(f32, Vec<String>)>, blocks: &mut Vec<(f32, Block)>| {
        if pending.is_empty() {
            return;
        }
        let top = pending[0].0;
        blocks.push((top, Block::Rows(pending.drain(..).map(|(_, segs)| segs).collect())));
    };
    let page_lines = lines(free);
    let margin = page.height * 0.08;
    // The margins of the page's text: the extremes of its longer lines.
    let long = page_lines.iter().filter(|l| l.chars.len() >= 8);
    let left = long.clone().map(|l| l.chars[0].x).fold(f32::INFINITY, f32::min);
    let right =
        long.map(|l| l.chars[l.chars.len() - 1].x + l.chars[l.chars.len() - 1].w).fold(f32::NEG_INFINITY, f32::max);
    for l in &page_lines {
        let segs = segments(l);
        if segs.is_empty() {
            continue;
        }
        let text = segs.join(" ");
        let top = l.top();
        let in_margin = top < margin || top + l.size() > page.height - margin;
        if in_margin && is_page_number(&text) {
            continue;
        }
        // A line of several cells with a number among them is a row of a table without rules.
        if segs.len() >= 2 && segs.iter().skip(1).any(|s| is_number_like(s)) {
            pending.push((top, segs));
            continue;
        }
        flush(&mut pending, &mut blocks);
        let (first, last) = (&l.chars[0], &l.chars[l.chars.len() - 1]);
        let size = l.size();
        blocks.push((
            top,
            Block::Text(TextLine {
                text: join(&l.chars),
                size,
                top,
                bottom: l.chars.iter().map(|c| c.y).fold(f32::NEG_INFINITY, f32::max),
                full: last.x + last.w >= right - 1.5 * size,
                indented: first.x > left + size,
            }),
        ));
    }
    flush(&mut pending, &mut blocks);
    blocks.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    blocks
}

/// Lays out a whole PDF. Fails for a PDF without text (scanned) or whose text is not readable.
pub fn layout(pages: &[Page]) -> Result<Extracted, FileError> {
    let mut budget = (MAX_CHARS, MAX_SEGMENTS_ALL);
    let mut per_page: Vec<Vec<(f32, Block)>> = pages.iter().map(|p| page_blocks(p, &mut budget)).collect();
    if budget.0 == 0 {
        return Err(FileError::TooMuchText(MAX_CHARS));
    }
    drop_repeated(&mut per_page, pages);
    check_text(&per_page)?;
    let mut html = String::new();
    let mut starts = Vec::new();
    let mut open: Option<Ruled> = None;
    // The paragraph being joined from lines: its escaped text and its last line.
    let mut para: Option<(String, TextLine)> = None;
    for blocks in per_page {
        starts.push(html.len());
        let mut first = true;
        for (_, b) in blocks {
            if !matches!(b, Block::Text(_)) {
                end_para(&mut html, &mut para);
            }
            match b {
                Block::Ruled(t) => match open.as_mut() {
                    Some(o) if first && o.continued_by(&t) => o.append(t),
                    _ => {
                        close(&mut html, &mut open);
                        if first {
                            if let Some(s) = starts.last_mut() {
                                *s = html.len();
                            }
                        }
                        open = Some(t);
                    }
                },
                Block::Rows(rows) => {
                    close(&mut html, &mut open);
                    let rows: Vec<Vec<(String, usize, usize)>> =
                        rows.into_iter().map(|r| r.into_iter().map(|t| (t, 1, 1)).collect()).collect();
                    write_rows(&mut html, &rows);
                }
                Block::Text(t) => {
                    close(&mut html, &mut open);
                    match para.as_mut() {
                        Some((text, last)) if continues(last, &t, first) => {
                            if first {
                                // The page starts inside the paragraph, where this line goes.
                                if let Some(s) = starts.last_mut() {
                                    *s = html.len() + "<p>".len() + text.len();
                                }
                            }
                            if text.ends_with(|c: char| c.is_ascii_alphabetic())
                                && t.text.starts_with(|c: char| c.is_ascii_alphabetic())
                            {
                                text.push(' ');
                            }
                            escape_into(text, &t.text);
                            *last = t;
                        }
                        _ => {
                            end_para(&mut html, &mut para);
                            if first {
                                if let Some(s) = starts.last_mut() {
                                    *s = html.len();
                                }
                            }
                            let mut text = String::new();
                            escape_into(&mut text, &t.text);
                            para = Some((text, t));
                        }
                    }
                }
            }
            first = false;
        }
    }
    end_para(&mut html, &mut para);
    close(&mut html, &mut open);
    let (html, pages) = mark_pages(&html, &starts);
    Ok(Extracted { kind: InputKind::Pdf, html, pages })
}

/// Puts `<!--page N-->` where each page starts (the checker skips comments; the app counts them to
/// say on which page a finding is) and returns the markers' offsets as the page starts.
fn mark_pages(html: &str, starts: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(html.len() + starts.len() * 16);
    let mut pages = Vec::with_capacity(starts.len());
    let mut from = 0;
    for (i, &at) in starts.iter().enumerate() {
        let at = at.clamp(from, html.len());
        out.push_str(&html[from..at]);
        pages.push(out.len());
        out.push_str(&format!("<!--page {}-->", i + 1));
        from = at;
    }
    out.push_str(&html[from..]);
    (out, pages)
}

/// Where the pages of a PDF read by `layout` start in its HTML (or in markup that contains it):
/// the offsets of its page markers.
pub fn page_marks(html: &str) -> Vec<usize> {
    html.match_indices("<!--page ").map(|(i, _)| i).collect()
}

fn end_para(html: &mut String, para: &mut Option<(String, TextLine)>) {
    if let Some((text, _)) = para.take() {
        html.push_str("<p>");
        html.push_str(&text);
        html.push_str("</p>\n");
    }
}

/// Whether line `next` continues the paragraph whose last line is `prev`: `prev` reaches the
/// right margin, `next` starts at the left margin with the same size, close below (or at the top
/// of the next page), and does not open a numbered item ("一、", "（二）", "3.").
fn continues(prev: &TextLine, next: &TextLine, new_page: bool) -> bool {
    let close_below = new_page || (next.top - prev.bottom) < 1.2 * prev.size && next.top > prev.top;
    prev.full
        && !next.indented
        && (next.size - prev.size).abs() <= 0.15 * prev.size
        && close_below
        && !opens_item(&next.text)
}

fn opens_item(s: &str) -> bool {
    let s = s.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut it = s.chars();
    let first = it.next();
    if first.is_some_and(numeral) {
        let rest: String = s.chars().skip_while(|&c| numeral(c)).take(1).collect();
        return rest == "、";
    }
    if matches!(first, Some('（' | '(')) {
        let inner: String = it.by_ref().take_while(|&c| c != '）' && c != ')').collect();
        return !inner.is_empty()
            && inner.chars().count() <= 3
            && inner.chars().all(|c| numeral(c) || c.is_ascii_digit());
    }
    if first.is_some_and(|c| c.is_ascii_digit()) {
        let after = s.chars().skip_while(|c| c.is_ascii_digit()).take(2).collect::<Vec<_>>();
        return matches!(after.first(), Some('.' | '、' | '．')) && !after.get(1).is_some_and(|c| c.is_ascii_digit());
    }
    false
}

fn close(html: &mut String, open: &mut Option<Ruled>) {
    if let Some(t) = open.take() {
        write_rows(html, &t.rows());
    }
}

fn write_rows(html: &mut String, rows: &[Vec<(String, usize, usize)>]) {
    html.push_str("<table>\n");
    for r in rows {
        html.push_str("<tr>");
        for (t, rs, cs) in r {
            html.push_str("<td");
            if *rs > 1 {
                html.push_str(&format!(" rowspan={rs}"));
            }
            if *cs > 1 {
                html.push_str(&format!(" colspan={cs}"));
            }
            html.push('>');
            escape_into(html, t);
            html.push_str("</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
}

/// Drops lines that repeat, digits aside, at the top or bottom of most pages (running headers and
/// footers): the first or last text block of a page that also opens or closes at least half of
/// the other pages (and at least two).
fn drop_repeated(per_page: &mut [Vec<(f32, Block)>], pages: &[Page]) {
    if per_page.len() < 3 {
        return;
    }
    let edge = |blocks: &Vec<(f32, Block)>, page: &Page, top: bool| -> Option<String> {
        let (y, b) = if top { blocks.first()? } else { blocks.last()? };
        let near = if top { *y < page.height * 0.15 } else { *y > page.height * 0.8 };
        match b {
            Block::Text(t) if near => Some(masked(&t.text)),
            _ => None,
        }
    };
    for top in [true, false] {
        let keys: Vec<Option<String>> = per_page.iter().zip(pages).map(|(b, p)| edge(b, p, top)).collect();
        for (i, key) in keys.iter().enumerate() {
            let Some(k) = key else { continue };
            let same = keys.iter().filter(|o| o.as_ref() == Some(k)).count() - 1;
            if same >= 2 && same * 2 >= per_page.len() - 1 {
                if top {
                    per_page[i].remove(0);
                } else {
                    per_page[i].pop();
                }
            }
        }
    }
}

/// A PDF without text is a scan; one whose characters are mostly private-use or unmapped glyphs
/// has fonts without a character map.
fn check_text(per_page: &[Vec<(f32, Block)>]) -> Result<(), FileError> {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut count = |s: &str| {
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            if ('\u{E000}'..='\u{F8FF}').contains(&c) || c == '\u{FFFD}' || c.is_control() {
                bad += 1;
            } else {
                good += 1;
            }
        }
    };
    for (_, b) in per_page.iter().flatten() {
        match b {
            Block::Text(t) => count(&t.text),
            Block::Ruled(t) => t.cells.iter().for_each(|c| count(&c.4)),
            Block::Rows(rows) => rows.iter().flatten().for_each(|t| count(t)),
        }
    }
    if good + bad < 20.max(per_page.len() * 5) {
        return Err(FileError::Scanned);
    }
    if bad * 4 > good + bad {
        return Err(FileError::Garbled);
    }
    Ok(())
}

type Subpaths = Vec<Vec<(f32, f32)>>;

/// Reads the XML of `mutool trace` (MuPDF) into pages: the glyphs of `fill_text`/`stroke_text`/
/// `ignore_text` (invisible OCR text) with the text matrix and transform applied, and the
/// straight lines and thin rectangles of `stroke_path`/`fill_path`.
pub fn from_mutool_trace(xml: &str) -> Vec<Page> {
    use super::xml::{attr, Event, Scanner};
    let num = |a: &str, k: &str| -> Vec<f32> {
        attr(a, k).map(|v| v.split_whitespace().filter_map(|x| x.parse().ok()).collect()).unwrap_or_default()
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut ctm = [1.0f32, 0.0, 0.0, 1.0, 0.0, 0.0];
    let mut trm = [1.0f32, 0.0, 0.0, 1.0];
    let mut in_text = false;
    // The path being read: stroked (or filled), its subpaths, filled white (a background).
    let mut path: Option<(bool, Subpaths, bool)> = None;
    for ev in Scanner::new(xml) {
        let Event::Start { name, attrs, .. } = ev else {
            if let Event::End { name } = ev {
                match name {
                    "fill_text" | "stroke_text" | "ignore_text" => in_text = false,
                    "fill_path" | "stroke_path" => {
                        if let (Some((stroke, subs, white)), Some(p)) = (path.take(), pages.last_mut()) {
                            if !white {
                                path_segments(stroke, &subs, &ctm, &mut p.lines);
                            }
                        }
                    }
                    _ => {}
                }
            }
            continue;
        };
        match name {
            "page" => {
                let mb = num(attrs, "mediabox");
                let (w, h) = if mb.len() == 4 { (mb[2] - mb[0], mb[3] - mb[1]) } else { (595.0, 842.0) };
                pages.push(Page { width: w, height: h, ..Page::default() });
            }
            "fill_text" | "stroke_text" | "ignore_text" => {
                in_text = true;
                let t = num(attrs, "transform");
                ctm = if t.len() == 6 { [t[0], t[1], t[2], t[3], t[4], t[5]] } else { [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] };
            }
            "span" if in_text => {
                let t = num(attrs, "trm");
                trm = if t.len() == 4 { [t[0], t[1], t[2], t[3]] } else { [1.0, 0.0, 0.0, 1.0] };
            }
            "g" if in_text => {
                let Some(page) = pages.last_mut() else { continue };
                let (Some(u), Some(x), Some(y)) =
                    (attr(attrs, "unicode"), num(attrs, "x").first().copied(), num(attrs, "y").first().copied())
                else {
                    continue;
                };
                let adv = num(attrs, "adv").first().copied().unwrap_or(0.5);
                // The glyph's matrix in device space: trm (text space) then the transform.
                let m = [
                    trm[0] * ctm[0] + trm[1] * ctm[2],
                    trm[0] * ctm[1] + trm[1] * ctm[3],
                    trm[2] * ctm[0] + trm[3] * ctm[2],
                    trm[2] * ctm[1] + trm[3] * ctm[3],
                ];
                let (dx, dy) = (x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]);
                let size = (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
                let upright = m[1].abs() < 0.01 * size && m[2].abs() < 0.01 * size && m[0] > 0.0;
                let quarter = m[0].abs() < 0.01 * size && m[3].abs() < 0.01 * size;
                if !(upright || quarter) {
                    continue;
                }
                page.items.push(TextItem { x: dx, y: dy, w: adv * size, size, text: u.into_owned(), upright });
            }
            "fill_path" | "stroke_path" => {
                let t = num(attrs, "transform");
                ctm = if t.len() == 6 { [t[0], t[1], t[2], t[3], t[4], t[5]] } else { [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] };
                let white =
                    name == "fill_path" && attr(attrs, "color").is_some_and(|c| c.split_whitespace().all(|v| v == "1"));
                path = Some((name == "stroke_path", Vec::new(), white));
            }
            "moveto" | "lineto" => {
                if let (Some((_, subs, _)), Some(x), Some(y)) =
                    (path.as_mut(), num(attrs, "x").first().copied(), num(attrs, "y").first().copied())
                {
                    if name == "moveto" || subs.is_empty() {
                        subs.push(Vec::new());
                    }
                    if let Some(s) = subs.last_mut() {
                        if s.len() < 64 {
                            s.push((x, y));
                        }
                    }
                }
            }
            "curveto" => {
                // A curve is no rule: end the subpath here.
                if let Some((_, subs, _)) = path.as_mut() {
                    subs.push(Vec::new());
                }
            }
            _ => {}
        }
    }
    pages
}

/// The straight axis-parallel pieces of a path: every edge of a stroked path, and a filled
/// rectangle when it is thin enough to be a rule.
fn path_segments(stroke: bool, subs: &[Vec<(f32, f32)>], ctm: &[f32; 6], out: &mut Vec<Segment>) {
    let tf = |(x, y): (f32, f32)| (x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]);
    for sub in subs {
        if out.len() >= MAX_SEGMENTS {
            return;
        }
        let pts: Vec<(f32, f32)> = sub.iter().map(|&p| tf(p)).collect();
        if stroke {
            for w in pts.windows(2) {
                out.push(Segment { x0: w[0].0, y0: w[0].1, x1: w[1].0, y1: w[1].1 });
            }
            if pts.len() >= 4 {
                let (a, b) = (pts[pts.len() - 1], pts[0]);
                out.push(Segment { x0: a.0, y0: a.1, x1: b.0, y1: b.1 });
            }
        } else if pts.len() >= 3 {
            let (x0, x1) = pts.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), p| (a.min(p.0), b.max(p.0)));
            let (y0, y1) = pts.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), p| (a.min(p.1), b.max(p.1)));
            if (x1 - x0 <= 2.5) != (y1 - y0 <= 2.5) {
                out.push(Segment { x0, y0, x1, y1 });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(x: f32, y: f32, text: &str) -> TextItem {
        TextItem { x, y, w: 10.0 * text.chars().count() as f32, size: 10.0, text: text.into(), upright: true }
    }

    fn seg(x0: f32, y0: f32, x1: f32, y1: f32) -> Segment {
        Segment { x0, y0, x1, y1 }
    }

    #[test]
    fn ruled_table_with_merges() {
        // Two columns; the left cell of rows 2–3 is merged (no rule between them on the left).
        let mut lines = vec![seg(0.0, 0.0, 200.0, 0.0), seg(0.0, 20.0, 200.0, 20.0), seg(100.0, 40.0, 200.0, 40.0)];
        lines.push(seg(0.0, 60.0, 200.0, 60.0));
        lines.extend([seg(0.0, 0.0, 0.0, 60.0), seg(100.0, 0.0, 100.0, 60.0), seg(200.0, 0.0, 200.0, 60.0)]);
        let items = vec![
            item(10.0, 14.0, "项目"),
            item(110.0, 14.0, "数量"),
            item(10.0, 44.0, "不予"),
            item(10.0, 54.0, "公开"),
            item(110.0, 34.0, "3"),
            item(110.0, 54.0, "4"),
            item(10.0, 100.0, "正文一行"),
        ];
        let page = Page { width: 300.0, height: 400.0, items, lines };
        let pages = vec![page];
        let x = layout_unchecked(&pages);
        assert_eq!(
            x,
            "<table>\n<tr><td>项目</td><td>数量</td></tr>\n<tr><td rowspan=2>不予公开</td><td>3</td></tr>\n\
             <tr><td>4</td></tr>\n</table>\n<p>正文一行</p>\n"
        );
    }

    fn layout_unchecked(pages: &[Page]) -> String {
        let mut budget = (MAX_CHARS, MAX_SEGMENTS_ALL);
        let mut html = String::new();
        for b in pages.iter().flat_map(|p| page_blocks(p, &mut budget)) {
            match b.1 {
                Block::Text(t) => {
                    html.push_str("<p>");
                    escape_into(&mut html, &t.text);
                    html.push_str("</p>\n");
                }
                Block::Ruled(t) => write_rows(&mut html, &t.rows()),
                Block::Rows(rows) => {
                    let rows: Vec<Vec<(String, usize, usize)>> =
                        rows.into_iter().map(|r| r.into_iter().map(|t| (t, 1, 1)).collect()).collect();
                    write_rows(&mut html, &rows)
                }
            }
        }
        html
    }

    #[test]
    fn gap_rows_page_numbers_and_scans() {
        let items = vec![
            item(0.0, 20.0, "一、本年新收"),
            item(200.0, 20.0, "21"),
            item(260.0, 20.0, "0"),
            item(280.0, 390.0, "-3-"),
        ];
        let pages = vec![Page { width: 600.0, height: 400.0, items, lines: vec![] }];
        assert_eq!(
            layout_unchecked(&pages),
            "<table>\n<tr><td>一、本年新收</td><td>21</td><td>0</td></tr>\n</table>\n"
        );
        assert_eq!(layout(&pages).unwrap_err(), FileError::Scanned);
        let (html, marks) = mark_pages("<p>a</p><p>b</p>", &[0, 8]);
        assert_eq!(html, "<!--page 1--><p>a</p><!--page 2--><p>b</p>");
        assert_eq!(marks, page_marks(&html));
        let garbled: Vec<TextItem> = (0..40).map(|i| item(0.0, 10.0 * i as f32, "\u{E001}\u{E002}")).collect();
        let pages = vec![Page { width: 600.0, height: 800.0, items: garbled, lines: vec![] }];
        assert_eq!(layout(&pages).unwrap_err(), FileError::Garbled);
    }

    #[test]
    fn words_and_page_numbers() {
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("第 3 页 共 6 页"));
        assert!(is_page_number("3/6"));
        assert!(!is_page_number("2024年"));
        let chars: Vec<Ch> = [(0.0, 'a'), (6.0, 'b'), (20.0, 'c'), (26.0, '年')]
            .iter()
            .map(|&(x, c)| Ch { x, y: 10.0, w: 5.0, size: 10.0, c, up: true })
            .collect();
        assert_eq!(join(&chars), "ab c年");
    }

    #[test]
    fn mutool_trace_glyphs_and_rules() {
        let xml = r#"<document><page number="1" mediabox="0 0 595 842">
          <fill_text transform="1 0 0 -1 0 842"><span trm="12 0 0 12"><g unicode="总" x="100" y="742" adv="1"/><g unicode="&lt;" x="112" y="742" adv=".5"/></span></fill_text>
          <stroke_path transform="1 0 0 1 0 0"><moveto x="10" y="20"/><lineto x="200" y="20"/></stroke_path>
          <fill_path color="0 0 0" transform="1 0 0 1 0 0"><moveto x="10" y="30"/><lineto x="10.5" y="30"/><lineto x="10.5" y="90"/><lineto x="10" y="90"/><closepath/></fill_path>
          <fill_path color="1 1 1" transform="1 0 0 1 0 0"><moveto x="10" y="30"/><lineto x="11" y="30"/><lineto x="11" y="90"/><lineto x="10" y="90"/></fill_path>
        </page></document>"#;
        let pages = from_mutool_trace(xml);
        assert_eq!(pages.len(), 1);
        let p = &pages[0];
        assert_eq!(p.items[0], TextItem { x: 100.0, y: 100.0, w: 12.0, size: 12.0, text: "总".into(), upright: true });
        assert_eq!(p.items[1].text, "<");
        assert_eq!(p.lines, vec![seg(10.0, 20.0, 200.0, 20.0), seg(10.0, 30.0, 10.5, 90.0)]);
    }
}

#[cfg(test)]
mod limits {
    use super::*;

    /// Hostile shapes stay fast (no quadratic step over characters or rules) and too much text is
    /// refused, not cut.
    #[test]
    fn many_characters_or_rules_on_one_page() {
        let row = TextItem { x: 0.0, y: 100.0, w: 200_000.0, size: 10.0, text: "字".repeat(200_000), upright: true };
        let page = Page { width: 600.0, height: 800.0, items: vec![row.clone(), row], lines: vec![] };
        assert!(layout(&[page]).is_ok());
        let lines: Vec<Segment> = (0..10_000)
            .map(|i| {
                if i % 2 == 0 {
                    Segment { x0: 0.0, y0: i as f32 * 0.1, x1: 500.0, y1: i as f32 * 0.1 }
                } else {
                    Segment { x0: i as f32 * 0.05, y0: 0.0, x1: i as f32 * 0.05, y1: 700.0 }
                }
            })
            .collect();
        let items = vec![TextItem { x: 10.0, y: 10.0, w: 100.0, size: 10.0, text: "总计".repeat(20), upright: true }];
        let pages: Vec<Page> =
            (0..8).map(|_| Page { width: 600.0, height: 800.0, items: items.clone(), lines: lines.clone() }).collect();
        let _ = layout(&pages);
        let huge = TextItem { x: 0.0, y: 100.0, w: 1.0, size: 10.0, text: "a".repeat(MAX_CHARS + 1), upright: true };
        let page = Page { width: 600.0, height: 800.0, items: vec![huge], lines: vec![] };
        assert_eq!(layout(&[page]).unwrap_err(), FileError::TooMuchText(MAX_CHARS));
    }
}
