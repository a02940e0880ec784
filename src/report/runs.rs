//! Figures that arrived run together: `一、本年新收政府信息公开申请数量801000081` for 80|1|0|0|0|0|81.
//!
//! Crawler dumps and some text extractions drop the separators between a row's cells. A run of
//! digits can be cut into a row's cells in many ways; the table's own equalities (row totals, column
//! sums, the T3 balance, the T4 group totals) decide. The cells are recovered only when exactly one
//! way of cutting every run satisfies every equality, or, when none does, exactly one way satisfies
//! every equality but those through one cell (the author's wrong figure, which the rules then report),
//! or exactly one way breaks fewer equalities than any other, and no more than one wrong figure
//! breaks (three); otherwise nothing is guessed and the table counts as unread.

use crate::span::Span;

/// A row of a table: the values read as they are (one token each), or runs of digits to be cut.
#[derive(Clone, Debug)]
pub struct RowIn {
    /// The tokens in order: `(span, text)`. A token of ASCII digits may hold several cells.
    pub tokens: Vec<(Span, String)>,
    /// Cells the row must have.
    pub width: usize,
    /// The copy dropped the row's blank cells: its numbers stand in some of its columns, in order,
    /// and the other columns are blank (0 to the equalities).
    pub blanks_lost: bool,
}

/// A linear equality over cells: Σ coef · cell = 0, cells as (row, column).
pub type Equality = Vec<(usize, usize, i64)>;

/// Cells explored at most; beyond it the table is not guessed (it counts as unread).
const BUDGET: usize = 200_000;

/// One way of cutting a row: the cells' values and spans.
type Cut = Vec<(i64, Span)>;

/// Every way to cut a row's tokens into exactly `width` cells: each token into one or more
/// consecutive numbers, without leading zeros (a lone "0" is a number), at most `limit` of them.
fn cuts(row: &RowIn, limit: usize) -> Vec<Cut> {
    let mut out = Vec::new();
    let mut cur: Cut = Vec::new();
    fn go(tokens: &[(Span, String)], width: usize, limit: usize, blanks_lost: bool, cur: &mut Cut, out: &mut Vec<Cut>) {
        if out.len() > limit {
            return;
        }
        let Some(((span, text), rest)) = tokens.split_first() else {
            if cur.len() == width {
                out.push(cur.clone());
            } else if blanks_lost && cur.len() < width {
                place(cur, width, limit, out);
            }
            return;
        };
        // Cells the remaining tokens need at least (one each).
        let room = width.saturating_sub(cur.len() + rest.len());
        // A minus sign belongs to the first number of its run ("-100000" for -1|0|0|0|0|0).
        let negative = text.starts_with('-');
        let body = &text[usize::from(negative)..];
        let digits = !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit());
        if !digits || body.len() == 1 {
            cur.push((number(text), *span));
            go(rest, width, limit, blanks_lost, cur, out);
            cur.pop();
            return;
        }
        cut_token(body, span.start + usize::from(negative), 0, room, &mut |parts| {
            let n = parts.len();
            cur.extend_from_slice(parts);
            if negative {
                let first = cur.len() - n;
                cur[first] = (-cur[first].0, Span::new(span.start, cur[first].1.end));
            }
            go(rest, width, limit, blanks_lost, cur, out);
            cur.truncate(cur.len() - n);
        });
    }
    go(&row.tokens, row.width, limit, row.blanks_lost, &mut cur, &mut out);
    out
}

/// Every way to stand the numbers of `figures` in `width` columns, in order, the other columns blank
/// (value 0, an empty span where the blank was lost).
fn place(figures: &[(i64, Span)], width: usize, limit: usize, out: &mut Vec<Cut>) {
    fn go(figures: &[(i64, Span)], width: usize, limit: usize, cur: &mut Cut, out: &mut Vec<Cut>) {
        if out.len() > limit {
            return;
        }
        let left = width - cur.len();
        if figures.len() == left {
            let n = cur.len();
            cur.extend_from_slice(figures);
            out.push(cur.clone());
            cur.truncate(n);
            return;
        }
        // A blank here (where the next figure, or the row's end, now stands) or the next figure.
        let at = figures.first().map_or_else(|| cur.last().map_or(0, |c| c.1.end), |f| f.1.start);
        cur.push((0, Span::new(at, at)));
        go(figures, width, limit, cur, out);
        cur.pop();
        if let Some((first, rest)) = figures.split_first() {
            cur.push(*first);
            go(rest, width, limit, cur, out);
            cur.pop();
        }
    }
    go(figures, width, limit, &mut Vec::with_capacity(width), out);
}

/// What receives each cut of a token.
type Emit<'f> = dyn FnMut(&[(i64, Span)]) + 'f;

/// Calls `f` with every cut of the digit string `s` (at byte offset `base`) into 1..=`max` numbers.
fn cut_token(s: &str, base: usize, from: usize, max: usize, f: &mut Emit) {
    let mut parts: Vec<(i64, Span)> = Vec::new();
    fn go(s: &str, base: usize, at: usize, max: usize, parts: &mut Vec<(i64, Span)>, f: &mut Emit) {
        if at == s.len() {
            f(parts);
            return;
        }
        if parts.len() == max {
            return;
        }
        let b = s.as_bytes();
        // A zero is a number of its own; any other digit starts a number of up to 9 digits.
        let longest = if b[at] == b'0' { 1 } else { (s.len() - at).min(9) };
        for len in 1..=longest {
            let Ok(v) = s[at..at + len].parse::<i64>() else { break };
            parts.push((v, Span::new(base + at, base + at + len)));
            go(s, base, at + len, max, parts, f);
            parts.pop();
        }
    }
    go(s, base, from, max, &mut parts, f);
}

/// A value written as one token. Anything but a whole number (an amount with decimals, a placeholder)
/// is `NOT_COUNTED`: the equalities it is part of do not apply.
fn number(text: &str) -> i64 {
    text.parse::<i64>().unwrap_or(NOT_COUNTED)
}

const NOT_COUNTED: i64 = i64::MAX;

/// Why the runs could not be cut in exactly one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsolved {
    /// No cut satisfies every equality: some figure breaks one (or the copy lost a figure).
    NoCut,
    /// Several cuts do, or the search was too large to be sure.
    Several,
}

/// The cells of every row, when exactly one cut of all runs satisfies every equality; `None` when
/// none or several do (or the search is too large to be sure).
pub fn solve(rows: &[RowIn], equalities: &[Equality]) -> Option<Vec<Cut>> {
    solve_or_why(rows, equalities).ok()
}

/// Each row's cuts that satisfy its own equalities, the equalities across rows, and the rows in the
/// order to try them (fewest choices first).
type Options<'e> = (Vec<Vec<Cut>>, Vec<&'e Equality>, Vec<usize>);

fn options<'e>(rows: &[RowIn], equalities: &'e [Equality]) -> Result<Options<'e>, Unsolved> {
    // Equalities within one row prune each row's cuts before the rows are combined.
    let (local, across): (Vec<&Equality>, Vec<&Equality>) =
        equalities.iter().partition(|e| e.iter().all(|(r, _, _)| Some(*r) == e.first().map(|x| x.0)));
    let mut options: Vec<Vec<Cut>> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let mut c = cuts(row, 4096);
        if c.len() > 4096 {
            return Err(Unsolved::Several);
        }
        c.retain(|cut| local.iter().filter(|e| e[0].0 == i).all(|e| holds(e, |_, col| cut.get(col).map(|x| x.0))));
        if c.is_empty() {
            return Err(Unsolved::NoCut);
        }
        options.push(c);
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (options[i].len(), i));
    Ok((options, across, order))
}

/// As `solve`, saying why when there is not exactly one cut.
pub fn solve_or_why(rows: &[RowIn], equalities: &[Equality]) -> Result<Vec<Cut>, Unsolved> {
    let (options, across, order) = self::options(rows, equalities)?;
    let mut chosen: Vec<Option<usize>> = vec![None; rows.len()];
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut budget = BUDGET;
    search(&order, 0, &options, &across, &mut chosen, &mut found, &mut budget);
    if found.is_empty() && budget > 0 {
        return Err(Unsolved::NoCut);
    }
    if found.len() != 1 || budget == 0 {
        return Err(Unsolved::Several);
    }
    Ok(found[0].iter().enumerate().map(|(r, &k)| options[r][k].clone()).collect())
}

/// When every row can be cut to satisfy its own total but no cut satisfies the equalities across rows
/// (a row the author got wrong as a whole, such as a carry-over whose 自然人 and 总计 are both one too
/// many): the one cut that breaks the fewest of them, at most `most`, if exactly one does.
pub fn fewest_broken(rows: &[RowIn], equalities: &[Equality], most: usize) -> Option<Vec<Cut>> {
    let (options, across, order) = self::options(rows, equalities).ok()?;
    let mut best = Fewest { broken: most, found: Vec::new(), budget: BUDGET };
    let mut chosen: Vec<Option<usize>> = vec![None; rows.len()];
    fewest(&order, 0, 0, &options, &across, &mut chosen, &mut best);
    if best.budget == 0 || best.broken == 0 || best.found.len() != 1 {
        return None;
    }
    Some(best.found[0].iter().enumerate().map(|(r, &k)| options[r][k].clone()).collect())
}

struct Fewest {
    /// The fewest broken equalities seen in a complete cut (at first: the most allowed).
    broken: usize,
    /// The complete cuts with that many (two at most: two mean no answer).
    found: Vec<Vec<usize>>,
    budget: usize,
}

fn fewest(
    order: &[usize],
    depth: usize,
    broken: usize,
    options: &[Vec<Cut>],
    across: &[&Equality],
    chosen: &mut Vec<Option<usize>>,
    best: &mut Fewest,
) {
    let Some(&row) = order.get(depth) else {
        if broken < best.broken {
            best.broken = broken;
            best.found.clear();
        }
        if best.found.len() < 2 {
            best.found.push(chosen.iter().map(|c| c.unwrap_or(0)).collect());
        }
        return;
    };
    for k in 0..options[row].len() {
        if best.budget == 0 {
            return;
        }
        best.budget -= 1;
        chosen[row] = Some(k);
        let value = |r: usize, c: usize| chosen[r].and_then(|k| options[r][k].get(c)).map(|x| x.0);
        // The equalities this row completes.
        let now = across
            .iter()
            .filter(|e| e.iter().any(|(r, _, _)| *r == row) && e.iter().all(|(r, _, _)| chosen[*r].is_some()))
            .filter(|e| !holds(e, value))
            .count();
        if broken + now <= best.broken {
            fewest(order, depth + 1, broken + now, options, across, chosen, best);
        }
        chosen[row] = None;
    }
}

/// When no cut satisfies every equality, the author's one wrong figure may be why: a cell such that,
/// with the equalities through it left out, every run is cut in exactly one way. Taken only when
/// exactly one such reading exists; the table rules then report the equalities that cell breaks.
pub fn one_cell_off(rows: &[RowIn], equalities: &[Equality]) -> Option<Vec<Cut>> {
    let mut fits: Vec<Vec<Cut>> = Vec::new();
    for (f, row) in rows.iter().enumerate() {
        for c in 0..row.width {
            let through = |e: &Equality| e.iter().any(|&(r, col, _)| r == f && col == c);
            let rest: Vec<Equality> = equalities.iter().filter(|e| !through(e)).cloned().collect();
            if rest.len() == equalities.len() {
                continue;
            }
            let Ok(cells) = solve_or_why(rows, &rest) else { continue };
            let values =
                |cut: &Vec<Cut>| -> Vec<Vec<i64>> { cut.iter().map(|r| r.iter().map(|x| x.0).collect()).collect() };
            if !fits.iter().any(|other| values(other) == values(&cells)) {
                fits.push(cells);
            }
            if fits.len() > 1 {
                return None;
            }
        }
    }
    fits.pop()
}

/// Every reading of one row whose blank cells were lost (and whose figures may have run together):
/// its numbers, in order, in some of its `width` columns, the other columns blank (0), such that the
/// row's equalities (row 0) hold. The distinct readings, or `None` when there are more than `limit`
/// or the search is too large to finish. Nothing here says which reading is the author's; a rule
/// may still tell the prose cannot fit any of them.
pub fn readings_with_blanks(row: &RowIn, equalities: &[Equality], limit: usize) -> Option<Vec<Vec<i64>>> {
    // A cell written in words or as a decimal has no place in a sum: no reading is claimed.
    if row.tokens.iter().any(|(_, t)| number(t) == NOT_COUNTED && !t.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    struct Search<'a> {
        tokens: &'a [(Span, String)],
        width: usize,
        equalities: &'a [Equality],
        limit: usize,
        budget: usize,
        found: Vec<Vec<i64>>,
        values: Vec<i64>,
    }
    impl Search<'_> {
        /// Column `values.len()` is next; the numbers still to place start at byte `at` of token `tok`.
        fn go(&mut self, tok: usize, at: usize) -> bool {
            if self.budget == 0 || self.found.len() > self.limit {
                return false;
            }
            self.budget -= 1;
            let col = self.values.len();
            // Every equality whose last cell is the one just filled must hold.
            let done = |e: &&Equality| e.iter().map(|x| x.1).max() == Some(col.wrapping_sub(1));
            if col > 0 && !self.equalities.iter().filter(done).all(|e| holds(e, |_, c| self.values.get(c).copied())) {
                return true;
            }
            if col == self.width {
                if tok == self.tokens.len() && !self.found.contains(&self.values) {
                    self.found.push(self.values.clone());
                }
                return true;
            }
            // Each token left needs a column at least.
            if self.tokens.len() - tok > self.width - col {
                return true;
            }
            // A blank.
            self.values.push(0);
            let go_on = self.go(tok, at);
            self.values.pop();
            if !go_on {
                return false;
            }
            let Some((_, text)) = self.tokens.get(tok) else { return true };
            let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            // Anything but a run of digits is one cell as written.
            let lens: Vec<usize> = if !digits {
                vec![text.len()]
            } else if text.as_bytes()[at] == b'0' {
                vec![1]
            } else {
                (1..=(text.len() - at).min(9)).collect()
            };
            for len in lens {
                let value = if digits { text[at..at + len].parse().unwrap_or(NOT_COUNTED) } else { number(text) };
                self.values.push(value);
                let (next_tok, next_at) = if at + len == text.len() { (tok + 1, 0) } else { (tok, at + len) };
                let go_on = self.go(next_tok, next_at);
                self.values.pop();
                if !go_on {
                    return false;
                }
            }
            true
        }
    }
    let mut search = Search {
        tokens: &row.tokens,
        width: row.width,
        equalities,
        limit,
        budget: BUDGET,
        found: Vec::new(),
        values: Vec::with_capacity(row.width),
    };
    let finished = search.go(0, 0);
    (finished && search.found.len() <= limit).then_some(search.found)
}

fn holds(e: &Equality, value: impl Fn(usize, usize) -> Option<i64>) -> bool {
    let mut sum: i128 = 0;
    for &(r, c, coef) in e {
        match value(r, c) {
            Some(v) if v != NOT_COUNTED => sum += i128::from(coef) * i128::from(v),
            // A decimal amount or a missing cell: this equality does not apply.
            _ => return true,
        }
    }
    sum == 0
}

fn search(
    order: &[usize],
    depth: usize,
    options: &[Vec<Cut>],
    across: &[&Equality],
    chosen: &mut Vec<Option<usize>>,
    found: &mut Vec<Vec<usize>>,
    budget: &mut usize,
) {
    if found.len() > 1 || *budget == 0 {
        return;
    }
    let Some(&row) = order.get(depth) else {
        found.push(chosen.iter().map(|c| c.unwrap_or(0)).collect());
        return;
    };
    for k in 0..options[row].len() {
        *budget = budget.saturating_sub(1);
        chosen[row] = Some(k);
        let value = |r: usize, c: usize| chosen[r].and_then(|k| options[r][k].get(c)).map(|x| x.0);
        // Every equality whose rows are all chosen must hold.
        let ok = across.iter().all(|e| e.iter().any(|(r, _, _)| chosen[*r].is_none()) || holds(e, value));
        if ok {
            search(order, depth + 1, options, across, chosen, found, budget);
        }
        chosen[row] = None;
        if found.len() > 1 || *budget == 0 {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, width: usize) -> RowIn {
        let mut tokens = Vec::new();
        let mut at = 0;
        for t in text.split(' ') {
            tokens.push((Span::new(at, at + t.len()), t.to_string()));
            at += t.len() + 1;
        }
        RowIn { tokens, width, blanks_lost: false }
    }

    /// Row total: C7 = C1 + … + C6.
    fn row_total(r: usize) -> Equality {
        let mut e: Equality = (0..6).map(|c| (r, c, 1)).collect();
        e.push((r, 6, -1));
        e
    }

    #[test]
    fn a_row_total_decides_a_run() {
        let rows = [row("801000081", 7)];
        let cells = solve(&rows, &[row_total(0)]).expect("one cut");
        let values: Vec<i64> = cells[0].iter().map(|c| c.0).collect();
        assert_eq!(values, vec![80, 1, 0, 0, 0, 0, 81]);
        // Spans slice the digits of each cell.
        let spans: Vec<(usize, usize)> = cells[0].iter().map(|c| (c.1.start, c.1.end)).collect();
        assert_eq!(spans, vec![(0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9)]);
    }

    #[test]
    fn several_cuts_are_not_guessed() {
        // 693665 into three cells with nothing to check against: 69|3|665, 6|93|665, 69|36|65 …
        assert!(solve(&[row("693665", 3)], &[]).is_none());
        // 000 can only be 0|0|0.
        let cells = solve(&[row("000", 3)], &[]).expect("forced");
        assert_eq!(cells[0].len(), 3);
    }

    #[test]
    fn spaces_are_cell_boundaries_and_columns_decide_across_rows() {
        // 5|0|0|0|0|0|5 from "500000 5"; two rows whose sum is checked by a column equality.
        let rows = [row("500000 5", 7), row("1111", 4), row("1111", 4)];
        let total = |r: usize| -> Equality { vec![(r, 0, 1), (r, 1, 1), (r, 2, 1), (r, 3, -1)] };
        let cells = solve(&rows, &[row_total(0), total(1), total(2)]);
        // 1|1|1|1 breaks 1+1+1 = 1: no cut fits the last two rows.
        assert!(cells.is_none());
        let cells = solve(&rows[..1], &[row_total(0)]).expect("one cut");
        assert_eq!(cells[0].iter().map(|c| c.0).collect::<Vec<_>>(), vec![5, 0, 0, 0, 0, 0, 5]);
    }

    #[test]
    fn one_wrong_figure_is_read_when_one_cell_explains_it() {
        // Two outcome rows and their total; the total's 其他 column says 0 where the rows give 2.
        let rows = [row("2200015", 7), row("91001112", 7), row("113001017", 7)];
        let mut eqs: Vec<Equality> = (0..3).map(row_total).collect();
        for c in 0..7 {
            eqs.push(vec![(0, c, 1), (1, c, 1), (2, c, -1)]);
        }
        assert_eq!(solve_or_why(&rows, &eqs).err(), Some(Unsolved::NoCut));
        let cells = one_cell_off(&rows, &eqs).expect("one cell explains the break");
        let values: Vec<i64> = cells[2].iter().map(|c| c.0).collect();
        assert_eq!(values, vec![11, 3, 0, 0, 1, 0, 17]);
        // Two wrong figures in one row: no single cell explains it, nothing is guessed.
        let rows = [row("2200015", 7), row("91001112", 7), row("113001019", 7)];
        assert!(one_cell_off(&rows, &eqs).is_none());
    }

    #[test]
    fn a_row_wrong_as_a_whole_is_read_when_one_cut_breaks_fewest() {
        // New 11|3|0|0|1|2|17 (or 1|13|…), nothing carried in, all 17 done, yet 1|0|0|0|0|0|1 carried
        // over: every row adds up, the balance breaks in 自然人 and 总计 whatever the cut.
        // Rows: 一 新收, 二 结转, two outcomes, （七）总计, 四 结转下年度.
        let rows = [
            row("113001217", 7),
            row("0000000", 7),
            row("2200015", 7),
            row("91001112", 7),
            row("113001217", 7),
            row("1000001", 7),
        ];
        let mut eqs: Vec<Equality> = (0..6).map(row_total).collect();
        for c in 0..7 {
            eqs.push(vec![(2, c, 1), (3, c, 1), (4, c, -1)]);
            eqs.push(vec![(0, c, 1), (1, c, 1), (4, c, -1), (5, c, -1)]);
        }
        assert_eq!(solve_or_why(&rows, &eqs).err(), Some(Unsolved::NoCut));
        assert!(one_cell_off(&rows, &eqs).is_none(), "two cells are wrong");
        let cells = fewest_broken(&rows, &eqs, 3).expect("one cut breaks two equalities, the others more");
        let first: Vec<i64> = cells[0].iter().map(|c| c.0).collect();
        assert_eq!(first, vec![11, 3, 0, 0, 1, 2, 17]);
        // Allowed fewer broken equalities than the fault breaks: nothing is read.
        assert!(fewest_broken(&rows, &eqs, 1).is_none());
        // Without the outcome rows, 11|3 and 1|13 break as few: two readings, none is taken.
        let rows = [row("113001217", 7), row("0000000", 7), row("113001217", 7), row("1000001", 7)];
        let mut eqs: Vec<Equality> = (0..4).map(row_total).collect();
        for c in 0..7 {
            eqs.push(vec![(0, c, 1), (1, c, 1), (2, c, -1), (3, c, -1)]);
        }
        assert!(fewest_broken(&rows, &eqs, 3).is_none());
    }

    #[test]
    fn a_minus_sign_belongs_to_the_first_number_of_its_run() {
        let cells = solve(&[row("-100000 -1", 7)], &[row_total(0)]).expect("one cut");
        let values: Vec<i64> = cells[0].iter().map(|c| c.0).collect();
        assert_eq!(values, vec![-1, 0, 0, 0, 0, 0, -1]);
        assert_eq!((cells[0][0].1.start, cells[0][0].1.end), (0, 2), "the sign is in the cell's text");
    }

    /// T4's three groups: four results and their total.
    fn t4_groups() -> Vec<Equality> {
        (0..3).map(|g| (0..5).map(|k| (0, g * 5 + k, if k == 4 { -1 } else { 1 })).collect()).collect()
    }

    #[test]
    fn blanks_lost_leave_every_reading_that_adds_up() {
        // "11": a result of 1 and its group's total, in any of the three groups.
        let readings = readings_with_blanks(&row("11", 15), &t4_groups(), 100).expect("few readings");
        assert_eq!(readings.len(), 12, "four results in each of three groups");
        assert!(readings.iter().all(|r| r.iter().sum::<i64>() == 2));
        let review_totals: Vec<i64> = readings.iter().map(|r| r[4]).collect();
        assert!(review_totals.contains(&0) && review_totals.contains(&1) && !review_totals.contains(&2));
        // "2 1 3 1 1": 2+1 = 3 in one group, 1 = 1 in a later one; 复议 has 3 or nothing.
        let readings = readings_with_blanks(&row("21311", 15), &t4_groups(), 1000).expect("few readings");
        assert!(!readings.is_empty());
        assert!(readings.iter().all(|r| r[4] == 0 || r[4] == 3), "{readings:?}");
        // Figures that add up in no way: no reading at all.
        assert_eq!(readings_with_blanks(&row("2 1 4", 15), &t4_groups(), 100), Some(Vec::new()));
        // Too many readings to list: none is given.
        assert!(readings_with_blanks(&row("1 1 2", 15), &t4_groups(), 10).is_none(), "18 readings");
    }
}
