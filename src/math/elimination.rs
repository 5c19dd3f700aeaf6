//! Gaussian elimination on an augmented matrix [A | b], recorded as the row operations a person
//! would write: swap two rows, scale a row, add a multiple of one row to another.
//!
//! Forward elimination brings [A | b] to row-echelon form; if the system is consistent,
//! back-substitution (scaling pivots to 1 and clearing above them) brings it to reduced
//! row-echelon form, where the solution can be read off. Every row operation leaves the solution
//! set unchanged, which is what the widget shows.
//!
//! Exact entries use [`Rational`] and take the first non-zero pivot, as by hand; a system with a
//! decimal entry (or one whose fractions overflow) runs in `f64` with partial pivoting (the
//! largest pivot in the column), and a pivot counts as zero when it is at most
//! [`PIVOT_TOLERANCE`] times the largest entry of A — never by an exact-zero test.

use super::rational::Rational;

/// Relative size below which a floating-point pivot (or a leftover right-hand side) is zero.
pub const PIVOT_TOLERANCE: f64 = 1e-10;

/// A number in the elimination: an exact fraction or a float. One type rather than a generic
/// parameter, so the elimination is compiled once (smaller wasm); mixing the two (which
/// validated input never does) falls back to floating point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An exact fraction.
    Q(Rational),
    /// A float.
    F(f64),
}

impl Num {
    fn zero() -> Self {
        Num::Q(Rational::ZERO)
    }

    fn one() -> Self {
        Num::Q(Rational::ONE)
    }

    fn finite(v: f64) -> Option<Num> {
        v.is_finite().then_some(Num::F(v))
    }

    fn op(
        self,
        other: Num,
        exact: fn(Rational, Rational) -> Option<Rational>,
        float: fn(f64, f64) -> f64,
    ) -> Option<Num> {
        match (self, other) {
            (Num::Q(a), Num::Q(b)) => exact(a, b).map(Num::Q),
            (a, b) => Num::finite(float(a.to_f64(), b.to_f64())),
        }
    }

    /// `a − b`, `None` on overflow.
    fn sub(self, other: Num) -> Option<Num> {
        self.op(other, Rational::checked_sub, |a, b| a - b)
    }

    /// `a · b`, `None` on overflow.
    fn mul(self, other: Num) -> Option<Num> {
        self.op(other, Rational::checked_mul, |a, b| a * b)
    }

    /// `a / b`, `None` on overflow or division by zero.
    fn div(self, other: Num) -> Option<Num> {
        self.op(other, Rational::checked_div, |a, b| a / b)
    }

    /// Whether it counts as zero: exactly for fractions, |v| ≤ `tol` for floats.
    fn negligible(&self, tol: f64) -> bool {
        match self {
            Num::Q(q) => q.is_zero(),
            Num::F(v) => v.abs() <= tol,
        }
    }

    /// The value as `f64`.
    pub fn to_f64(&self) -> f64 {
        match self {
            Num::Q(q) => q.to_f64(),
            Num::F(v) => *v,
        }
    }

    /// The number as text: `3/2` or `1.5`.
    pub fn text(&self) -> String {
        match self {
            Num::Q(q) => q.to_string(),
            Num::F(v) => short(*v),
        }
    }
}

/// A float with at most 4 significant digits and no float noise ("0.3", "-1.25e-7").
pub fn short(v: f64) -> String {
    super::float_text::significant(v, 4)
}

/// Which part of the method a row operation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Forward elimination: zeros below the pivots.
    Forward,
    /// Back-substitution: pivots scaled to 1 and zeros above them.
    Back,
}

/// One row operation, rows counted from 0.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOp {
    /// Exchange rows `a` and `b`.
    Swap(usize, usize),
    /// Multiply `row` by `factor` (written as text and as a float).
    Scale {
        /// The row.
        row: usize,
        /// The factor as text ("1/2").
        factor: String,
        /// The factor as a float.
        value: f64,
    },
    /// Add `factor` times row `source` to row `target`.
    AddMultiple {
        /// The row that changes.
        target: usize,
        /// The row added.
        source: usize,
        /// The factor as text ("-2").
        factor: String,
        /// The factor as a float.
        value: f64,
    },
}

/// One recorded step: the operation, its phase and its description.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The operation.
    pub op: RowOp,
    /// Forward elimination or back-substitution.
    pub phase: Phase,
    /// What it does, e.g. "R2 ← R2 − 2·R1: eliminates x from R2".
    pub text: String,
}

/// The whole elimination of [A | b], n×(n+1).
#[derive(Debug, Clone, PartialEq)]
pub struct Elimination {
    /// Whether the arithmetic was exact (fractions) rather than floating point.
    pub exact: bool,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The augmented matrix before any step and after each: `stages[k]` follows `k` steps.
    pub stages: Vec<Vec<Vec<f64>>>,
    /// The same matrices as text (exact fractions or short floats).
    pub stage_text: Vec<Vec<Vec<String>>>,
    /// The rank of A.
    pub rank: usize,
    /// The rank of [A | b].
    pub rank_augmented: usize,
    /// The pivot columns, one per pivot row.
    pub pivot_columns: Vec<usize>,
    /// A particular solution (free unknowns set to 0) when the system is consistent.
    pub solution: Option<Vec<f64>>,
    /// The particular solution as text.
    pub solution_text: Option<Vec<String>>,
    /// A basis of the null space of A: the directions along which solutions can move.
    pub null_space: Vec<Vec<f64>>,
}

/// The unknowns' names.
pub const UNKNOWNS: [&str; 3] = ["x", "y", "z"];

fn unknown(j: usize) -> &'static str {
    UNKNOWNS.get(j).copied().unwrap_or("?")
}

struct Run {
    m: Vec<Vec<Num>>,
    steps: Vec<Step>,
    stages: Vec<Vec<Vec<Num>>>,
}

impl Run {
    fn at(&self, i: usize, j: usize) -> Num {
        self.m
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(Num::zero())
    }

    fn record(&mut self, op: RowOp, phase: Phase, text: String) {
        self.steps.push(Step { op, phase, text });
        self.stages.push(self.m.clone());
    }

    fn swap(&mut self, a: usize, b: usize, why: &str) {
        self.m.swap(a, b);
        self.record(
            RowOp::Swap(a, b),
            Phase::Forward,
            format!("R{} ↔ R{}: {why}", a + 1, b + 1),
        );
    }

    fn scale(&mut self, row: usize, factor: Num, why: String) -> Option<()> {
        let r = self.m.get_mut(row)?;
        for v in r.iter_mut() {
            *v = v.mul(factor)?;
        }
        let f = factor.text();
        let shown = if f.contains('/') || f.starts_with('-') {
            format!("({f})")
        } else {
            f.clone()
        };
        self.record(
            RowOp::Scale {
                row,
                factor: f,
                value: factor.to_f64(),
            },
            Phase::Back,
            format!("R{} ← {shown}·R{}: {why}", row + 1, row + 1),
        );
        Some(())
    }

    /// Row `target` ← row `target` − `factor`·row `source`; column `col` becomes exactly 0.
    fn subtract(
        &mut self,
        target: usize,
        source: usize,
        factor: Num,
        col: usize,
        phase: Phase,
        why: String,
    ) -> Option<()> {
        let src = self.m.get(source)?.clone();
        let row = self.m.get_mut(target)?;
        for (j, (v, s)) in row.iter_mut().zip(&src).enumerate() {
            *v = if j == col {
                Num::zero()
            } else {
                v.sub(factor.mul(*s)?)?
            };
        }
        let neg = Num::zero().sub(factor)?;
        let (sign, magnitude) = if factor.to_f64() < 0.0 {
            ("+", neg)
        } else {
            ("−", factor)
        };
        let mag = magnitude.text();
        let times = if magnitude == Num::one() {
            String::new()
        } else {
            format!("{mag}·")
        };
        self.record(
            RowOp::AddMultiple {
                target,
                source,
                factor: neg.text(),
                value: neg.to_f64(),
            },
            phase,
            format!(
                "R{} ← R{} {sign} {times}R{}: {why}",
                target + 1,
                target + 1,
                source + 1
            ),
        );
        Some(())
    }
}

fn run(
    a: &[Vec<Num>],
    b: &[Num],
    scale: f64,
    partial_pivoting: bool,
) -> Option<(Run, usize, usize, Vec<usize>)> {
    let n = a.len();
    let m: Vec<Vec<Num>> = a
        .iter()
        .zip(b)
        .map(|(row, bi)| row.iter().copied().chain([*bi]).collect())
        .collect();
    let tol = PIVOT_TOLERANCE * scale;
    let mut r = Run {
        stages: vec![m.clone()],
        m,
        steps: Vec::new(),
    };
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..n {
        if row >= n {
            break;
        }
        let candidates = (row..n).filter(|&i| !r.at(i, col).negligible(tol));
        let best = if partial_pivoting {
            candidates.max_by(|&i, &k| {
                r.at(i, col)
                    .to_f64()
                    .abs()
                    .total_cmp(&r.at(k, col).to_f64().abs())
            })
        } else {
            candidates.min()
        };
        let Some(p) = best else {
            // No usable pivot: this unknown is free; clear the column's dust and move on.
            continue;
        };
        if p != row {
            let why = if partial_pivoting {
                format!(
                    "puts the largest {} coefficient on the pivot row",
                    unknown(col)
                )
            } else {
                format!(
                    "brings a non-zero {} coefficient to the pivot row",
                    unknown(col)
                )
            };
            r.swap(row, p, &why);
        }
        let pivot = r.at(row, col);
        for i in row + 1..n {
            let v = r.at(i, col);
            if v.negligible(tol) {
                continue;
            }
            let factor = v.div(pivot)?;
            r.subtract(
                i,
                row,
                factor,
                col,
                Phase::Forward,
                format!("eliminates {} from R{}", unknown(col), i + 1),
            )?;
        }
        pivots.push(col);
        row += 1;
    }
    let rank = pivots.len();
    let b_scale = tol.max(PIVOT_TOLERANCE * b.iter().map(|v| v.to_f64().abs()).fold(0.0, f64::max));
    let inconsistent = (rank..n).any(|i| !r.at(i, n).negligible(b_scale));
    let rank_augmented = rank + usize::from(inconsistent);
    if !inconsistent {
        for k in (0..rank).rev() {
            let col = *pivots.get(k)?;
            let pivot = r.at(k, col);
            if pivot != Num::one() {
                let inv = Num::one().div(pivot)?;
                r.scale(k, inv, format!("makes the {} pivot 1", unknown(col)))?;
            }
            for i in 0..k {
                let v = r.at(i, col);
                if v.negligible(tol) {
                    continue;
                }
                r.subtract(
                    i,
                    k,
                    v,
                    col,
                    Phase::Back,
                    format!("substitutes {} back into R{}", unknown(col), i + 1),
                )?;
            }
        }
    }
    Some((r, rank, rank_augmented, pivots))
}

fn finish(
    r: Run,
    rank: usize,
    rank_augmented: usize,
    pivots: Vec<usize>,
    n: usize,
    exact: bool,
) -> Elimination {
    let to_f = |m: &Vec<Vec<Num>>| {
        m.iter()
            .map(|row| row.iter().map(Num::to_f64).collect())
            .collect()
    };
    let to_t = |m: &Vec<Vec<Num>>| {
        m.iter()
            .map(|row| row.iter().map(Num::text).collect())
            .collect()
    };
    let stages = r.stages.iter().map(to_f).collect();
    let stage_text = r.stages.iter().map(to_t).collect();
    let consistent = rank == rank_augmented;
    let (solution, solution_text, null_space) = if consistent {
        let mut x = vec![Num::zero(); n];
        for (k, &col) in pivots.iter().enumerate() {
            if let Some(slot) = x.get_mut(col) {
                *slot = r.at(k, n);
            }
        }
        let free: Vec<usize> = (0..n).filter(|j| !pivots.contains(j)).collect();
        let null = free
            .iter()
            .map(|&f| {
                let mut v = vec![0.0; n];
                if let Some(s) = v.get_mut(f) {
                    *s = 1.0;
                }
                for (k, &col) in pivots.iter().enumerate() {
                    if let Some(s) = v.get_mut(col) {
                        *s = -r.at(k, f).to_f64();
                    }
                }
                v
            })
            .collect();
        (
            Some(x.iter().map(Num::to_f64).collect()),
            Some(x.iter().map(Num::text).collect()),
            null,
        )
    } else {
        (None, None, Vec::new())
    };
    Elimination {
        exact,
        steps: r.steps,
        stages,
        stage_text,
        rank,
        rank_augmented,
        pivot_columns: pivots,
        solution,
        solution_text,
        null_space,
    }
}

/// Eliminates exactly; `None` if a fraction overflowed (then use [`eliminate_float`]).
pub fn eliminate_exact(a: &[Vec<Rational>], b: &[Rational]) -> Option<Elimination> {
    let q = |row: &Vec<Rational>| row.iter().map(|v| Num::Q(*v)).collect();
    let a: Vec<Vec<Num>> = a.iter().map(q).collect();
    let b: Vec<Num> = b.iter().map(|v| Num::Q(*v)).collect();
    let (r, rank, ra, piv) = run(&a, &b, 0.0, false)?;
    Some(finish(r, rank, ra, piv, a.len(), true))
}

/// Eliminates in floating point with partial pivoting; pivots at most [`PIVOT_TOLERANCE`] ×
/// the largest |entry| of A count as zero. `None` only if a value overflowed.
pub fn eliminate_float(a: &[Vec<f64>], b: &[f64]) -> Option<Elimination> {
    let scale = a.iter().flatten().map(|v| v.abs()).fold(0.0, f64::max);
    let f = |row: &Vec<f64>| row.iter().map(|v| Num::F(*v)).collect();
    let a: Vec<Vec<Num>> = a.iter().map(f).collect();
    let b: Vec<Num> = b.iter().map(|v| Num::F(*v)).collect();
    let (r, rank, ra, piv) = run(&a, &b, scale, true)?;
    Some(finish(r, rank, ra, piv, a.len(), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64) -> Rational {
        Rational::int(n)
    }

    #[test]
    fn the_story_example_by_hand() {
        // 2x + y = 9, 4x + 3y = 27: R2 − 2·R1 eliminates x, y = 9, then x = 0.
        let e = eliminate_exact(&[vec![q(2), q(1)], vec![q(4), q(3)]], &[q(9), q(27)]).unwrap();
        let texts: Vec<&str> = e.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "R2 ← R2 − 2·R1: eliminates x from R2",
                "R1 ← R1 − R2: substitutes y back into R1",
                "R1 ← (1/2)·R1: makes the x pivot 1",
            ]
        );
        assert_eq!(
            e.solution_text,
            Some(vec!["0".to_string(), "9".to_string()])
        );
        assert_eq!((e.rank, e.rank_augmented), (2, 2));
        assert_eq!(e.stages.len(), 4);
        assert_eq!(e.stage_text[1], [["2", "1", "9"], ["0", "1", "9"]]);
    }

    #[test]
    fn fractions_stay_exact() {
        // 2x = 3 → x = 3/2 exactly, not 1.4999999.
        let e = eliminate_exact(&[vec![q(2), q(0)], vec![q(0), q(3)]], &[q(3), q(1)]).unwrap();
        assert_eq!(
            e.solution_text,
            Some(vec!["3/2".to_string(), "1/3".to_string()])
        );
    }

    #[test]
    fn floats_pivot_on_the_largest_entry() {
        let e = eliminate_float(&[vec![2.0, 1.0], vec![4.0, 3.0]], &[9.0, 27.0]).unwrap();
        assert_eq!(e.steps[0].op, RowOp::Swap(0, 1));
        let x = e.solution.unwrap();
        assert!(
            (x[0] - 0.0).abs() < 1e-12 && (x[1] - 9.0).abs() < 1e-12,
            "{x:?}"
        );
    }

    #[test]
    fn parallel_and_coincident_lines() {
        let none = eliminate_exact(&[vec![q(1), q(2)], vec![q(2), q(4)]], &[q(3), q(7)]).unwrap();
        assert_eq!((none.rank, none.rank_augmented), (1, 2));
        assert!(none.solution.is_none());
        let inf = eliminate_exact(&[vec![q(1), q(2)], vec![q(2), q(4)]], &[q(3), q(6)]).unwrap();
        assert_eq!((inf.rank, inf.rank_augmented), (1, 1));
        assert_eq!(inf.solution, Some(vec![3.0, 0.0]));
        assert_eq!(inf.null_space, vec![vec![-2.0, 1.0]]);
    }

    #[test]
    fn a_tiny_float_pivot_counts_as_zero() {
        // Row 2 is row 1 times 3 up to rounding: rank 1, not an exact-zero test.
        let e = eliminate_float(
            &[vec![0.1, 0.2], vec![0.3, 0.6000000000000001]],
            &[0.3, 0.9],
        )
        .unwrap();
        assert_eq!((e.rank, e.rank_augmented), (1, 1));
    }

    #[test]
    fn short_floats() {
        assert_eq!(short(0.1 + 0.2), "0.3");
        assert_eq!(short(-1.25e-7), "-1.25e-7");
        assert_eq!(short(1234.5678), "1235");
    }
}
