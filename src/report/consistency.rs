//! The tables' equalities solved together: one fault, one finding.
//!
//! T3 has three families of equalities over its cells — each column's balance (一+二 = 三+四), each
//! row's total (the six applicant columns = 总计), each column's outcomes (（一）…（六） = （七）总计) —
//! plus the subtotals some reports add; T4 has its three group totals. One mistyped cell breaks every
//! equality it stands in. The equalities are therefore judged together: a cell that explains
//! several broken equalities at once (every equality it stands in is broken, and all by the same
//! amount) is the fault, reported once with all of them; what no single cell explains stays one
//! fault per broken equality. Two independent faults stay two findings.

use super::keys::{CellKey, T3Col, T3Row, T4Col, TableId};
use super::query::Operands;
use super::Report;

/// The kinds of equality, each the business of one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// T3-BALANCE: 一 + 二 = 三 + 四 in one column.
    Balance,
    /// T3-ROW-TOTAL: the six applicant columns add up to 总计 in one row.
    RowTotal,
    /// T3-RESULT-SUM: the outcomes add up to （七）总计 in one column.
    ResultSum,
    /// T3-SUBTOTALS: a subtotal row or column equals its parts.
    Subtotal,
    /// T4-GROUP-SUM: 维持 + 纠正 + 其他 + 未结 = 总计 in one group.
    GroupSum,
}

/// One equality: the cells on its left add up to those on its right.
#[derive(Clone, Debug)]
pub struct Equation {
    pub kind: Kind,
    /// The column (T3 balance, outcome sum, subtotal rows), or the row (row totals, subtotal
    /// column), or the T4 group it is about, as people name it.
    pub about: &'static str,
    pub left: Vec<CellKey>,
    pub right: Vec<CellKey>,
}

/// An equality as the report fills it in.
#[derive(Clone, Debug)]
pub struct Checked {
    pub equation: Equation,
    pub left: Operands,
    pub right: Operands,
}

impl Checked {
    /// Left minus right.
    pub fn residual(&self) -> f64 {
        self.left.sum() - self.right.sum()
    }

    pub fn holds(&self) -> bool {
        self.residual().abs() < 1e-9
    }

    /// Every cell of the equality, left then right.
    pub fn cells(&self) -> impl Iterator<Item = CellKey> + '_ {
        self.left.cells.iter().chain(&self.right.cells).copied()
    }

    /// An operand was blank and counted as 0.
    pub fn assumption(&self) -> Option<String> {
        let blanks = self.left.blanks.len() + self.right.blanks.len();
        (blanks > 0).then(|| format!("{blanks} 个空白单元格按 0 计算"))
    }
}

/// A fault in a table's arithmetic.
#[derive(Clone, Debug)]
pub struct Fault {
    /// The one cell that explains every broken equality here, and the value it should have.
    pub cell: Option<(CellKey, f64)>,
    /// The broken equalities, the one that decides the rule first.
    pub broken: Vec<Checked>,
}

impl Fault {
    /// The rule that reports it: T3-SUBTOTALS for a cell of a subtotal row or column the report
    /// added itself, else the first kind among its equalities, in catalogue order.
    pub fn kind(&self) -> Kind {
        let kinds = || self.broken.iter().map(|c| c.equation.kind);
        let in_subtotal = match self.cell {
            Some((CellKey::T3(row, col), _)) => !row.parts().is_empty() || col == T3Col::C2_6,
            _ => false,
        };
        if in_subtotal && kinds().any(|k| k == Kind::Subtotal) {
            return Kind::Subtotal;
        }
        kinds().min().unwrap_or(Kind::Balance)
    }
}

/// The equalities of T3 and T4 over the cells read, in catalogue order.
pub fn equations(r: &Report) -> Vec<Equation> {
    let mut out = Vec::new();
    let has = |k: CellKey| r.cell(k).is_some();
    let t3 = |row, col| CellKey::T3(row, col);
    let cols7 = T3Col::SEVEN;
    use T3Row::{R01, R02, R24, R25};
    for c in cols7 {
        out.push(Equation {
            kind: Kind::Balance,
            about: c.name(),
            left: vec![t3(R01, c), t3(R02, c)],
            right: vec![t3(R24, c), t3(R25, c)],
        });
    }
    let t3_rows: Vec<T3Row> = T3Row::ALL.iter().copied().filter(|&row| has(t3(row, T3Col::C7))).collect();
    for &row in &t3_rows {
        let left = T3Col::APPLICANTS.iter().map(|&c| t3(row, c)).collect();
        out.push(Equation { kind: Kind::RowTotal, about: row.name(), left, right: vec![t3(row, T3Col::C7)] });
    }
    let outcomes = r.t3_outcome_rows();
    for c in cols7 {
        let left = outcomes.iter().map(|&row| t3(row, c)).collect();
        out.push(Equation { kind: Kind::ResultSum, about: c.name(), left, right: vec![t3(R24, c)] });
    }
    // Subtotal rows and a 法人或其他组织 subtotal column, where the report has them.
    for &sub in &t3_rows {
        let parts = sub.parts();
        // A 2019 （六）其他处理 row is the row itself, not a subtotal.
        if parts.is_empty() || (sub == T3Row::R21_23 && !has(t3(T3Row::R21, T3Col::C7))) {
            continue;
        }
        for c in cols7 {
            let left = parts.iter().map(|&p| t3(p, c)).collect();
            out.push(Equation { kind: Kind::Subtotal, about: c.name(), left, right: vec![t3(sub, c)] });
        }
    }
    for &row in &t3_rows {
        if has(t3(row, T3Col::C2_6)) {
            let left = T3Col::ORGS.iter().map(|&c| t3(row, c)).collect();
            out.push(Equation { kind: Kind::Subtotal, about: row.name(), left, right: vec![t3(row, T3Col::C2_6)] });
        }
    }
    for g in T4Col::GROUPS {
        let left = g.results.iter().map(|&c| CellKey::T4(c)).collect();
        out.push(Equation { kind: Kind::GroupSum, about: g.name, left, right: vec![CellKey::T4(g.total)] });
    }
    out
}

/// The arithmetic faults of the tables the checker is sure of. A fault explained by a negative or
/// fractional count is TBL-CELL-NONNEG-INT's one finding (which quotes `expected`), not a second one.
pub fn faults(r: &Report) -> Vec<Fault> {
    let invalid_count = |f: &Fault| f.cell.and_then(|(k, _)| r.number(k)).is_some_and(|v| v < 0.0 || v.fract() != 0.0);
    solve(r).into_iter().filter(|f| !invalid_count(f)).collect()
}

/// The value the equalities call for in `cell`, when it alone explains broken ones.
pub fn expected(r: &Report, cell: CellKey) -> Option<f64> {
    solve(r).into_iter().find_map(|f| f.cell.filter(|(k, _)| *k == cell).map(|(_, v)| v))
}

fn solve(r: &Report) -> Vec<Fault> {
    let sure = |t: TableId| r.read(t).sure();
    let checked: Vec<Checked> = equations(r)
        .into_iter()
        .filter(|e| sure(e.right[0].table()))
        .filter_map(|equation| {
            let left = r.operands(equation.left.iter().copied())?;
            let right = r.operands(equation.right.iter().copied())?;
            Some(Checked { equation, left, right })
        })
        .collect();
    let mut broken: Vec<usize> = (0..checked.len()).filter(|&i| !checked[i].holds()).collect();
    let mut out = Vec::new();
    loop {
        // The cell that explains the most broken equalities: every equality it stands in is
        // broken, all by what one change of this cell mends.
        let mut best: Option<(CellKey, f64, Vec<usize>)> = None;
        let candidates: Vec<CellKey> = broken.iter().flat_map(|&i| checked[i].cells()).collect();
        for cell in candidates {
            let mut covers = Vec::new();
            let mut delta: Option<f64> = None;
            let ok = checked.iter().enumerate().filter(|(_, c)| c.cells().any(|k| k == cell)).all(|(i, c)| {
                if !broken.contains(&i) {
                    return false;
                }
                // The change of `cell` that mends this equality: left − right moves by ±change.
                let sign = if c.left.cells.contains(&cell) { 1.0 } else { -1.0 };
                let change = -c.residual() * sign;
                covers.push(i);
                match delta {
                    Some(d) => (d - change).abs() < 1e-9,
                    None => {
                        delta = Some(change);
                        true
                    }
                }
            });
            let (Some(d), true) = (delta, ok) else { continue };
            if covers.len() >= 2 && best.as_ref().is_none_or(|b| covers.len() > b.2.len()) {
                let value = r.number(cell).unwrap_or(0.0);
                best = Some((cell, value + d, covers));
            }
        }
        let Some((cell, expected, covers)) = best else { break };
        broken.retain(|i| !covers.contains(i));
        out.push(Fault {
            cell: Some((cell, expected)),
            broken: covers.into_iter().map(|i| checked[i].clone()).collect(),
        });
    }
    out.extend(broken.into_iter().map(|i| Fault { cell: None, broken: vec![checked[i].clone()] }));
    // In catalogue order of their rules, then in table order.
    crate::sort::sort_by_key(&mut out, |f| (f.kind(), f.broken[0].equation.right[0], f.cell.map(|(k, _)| k)));
    out
}
