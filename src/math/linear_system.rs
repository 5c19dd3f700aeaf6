//! A square system A·x = b of size 2 or 3: validated from text, eliminated step by step,
//! classified by rank, with its condition number.
//!
//! Classification follows the ranks (Rouché–Capelli): rank A = rank [A | b] = n gives one
//! solution; rank A < rank [A | b] none (the lines or planes do not meet); rank A = rank [A | b]
//! < n infinitely many (a line or plane of solutions, one parameter per free unknown).
//! The condition number is the 2-norm one, σ_max/σ_min, as `numpy.linalg.cond(A)` computes it.

use super::elimination::{eliminate_exact, eliminate_float, Elimination};
use super::matrix_text::{parse_matrix, parse_vector, Entry, TextError};
use super::rational::Rational;
use super::svd::svd;

/// Above this condition number the answer is sensitive to the input: a relative change ε in A
/// or b can move x by up to κ·ε relatively.
pub const SENSITIVE_CONDITION: f64 = 1e8;

/// How many solutions a system has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Exactly one.
    Unique,
    /// None: the equations contradict each other.
    None,
    /// Infinitely many: a line or plane of solutions.
    Infinite,
}

impl Kind {
    /// "unique", "none" or "infinite".
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Unique => "unique",
            Kind::None => "none",
            Kind::Infinite => "infinite",
        }
    }
}

/// A validated system with everything the widget shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct System {
    /// A, row by row.
    pub a: Vec<Vec<f64>>,
    /// b.
    pub b: Vec<f64>,
    /// The elimination, exact when every entry was a whole number or a fraction.
    pub elimination: Elimination,
    /// The classification.
    pub kind: Kind,
    /// σ_max/σ_min of A (∞ when A is singular).
    pub condition_number: f64,
    /// The minimum-norm least-squares point pinv(A)·b: the solution when there is one, the
    /// closest compromise otherwise (used to centre the picture).
    pub centre: Vec<f64>,
}

/// Reads `a` and `b`: A must be 2×2 or 3×3 and b have one entry per row.
pub fn parse_system(
    a_text: &str,
    b_text: &str,
) -> Result<(Vec<Vec<Entry>>, Vec<Entry>), TextError> {
    let a = parse_matrix("a", a_text)?;
    let n = a.len();
    if !(2..=3).contains(&n) {
        return Err(TextError {
            name: "a",
            detail: format!("must have 2 or 3 rows (a 2×2 or 3×3 system), got {n}"),
        });
    }
    let cols = a.first().map_or(0, Vec::len);
    if cols != n {
        return Err(TextError {
            name: "a",
            detail: format!("must be square: {n} rows need {n} entries each, got {cols}"),
        });
    }
    let b = parse_vector("b", b_text)?;
    if b.len() != n {
        return Err(TextError {
            name: "b",
            detail: format!("must have {n} entries, one per row of a, got {}", b.len()),
        });
    }
    Ok((a, b))
}

impl System {
    /// The system from text (see [`parse_system`]).
    pub fn from_text(a_text: &str, b_text: &str) -> Result<System, TextError> {
        let (a, b) = parse_system(a_text, b_text)?;
        Ok(System::new(&a, &b))
    }

    /// The system from parsed entries (square, 2 or 3 rows, b matching: see [`parse_system`]).
    pub fn new(a: &[Vec<Entry>], b: &[Entry]) -> System {
        let af: Vec<Vec<f64>> = a
            .iter()
            .map(|r| r.iter().map(Entry::to_f64).collect())
            .collect();
        let bf: Vec<f64> = b.iter().map(Entry::to_f64).collect();
        let exact = |e: &Entry| match e {
            Entry::Exact(q) => Some(*q),
            Entry::Float(_) => None,
        };
        let aq: Option<Vec<Vec<Rational>>> =
            a.iter().map(|r| r.iter().map(exact).collect()).collect();
        let bq: Option<Vec<Rational>> = b.iter().map(exact).collect();
        let elimination = aq
            .zip(bq)
            .and_then(|(aq, bq)| eliminate_exact(&aq, &bq))
            .or_else(|| eliminate_float(&af, &bf))
            .unwrap_or_else(|| empty(&af, &bf));
        let n = af.len();
        let kind = if elimination.rank < elimination.rank_augmented {
            Kind::None
        } else if elimination.rank < n {
            Kind::Infinite
        } else {
            Kind::Unique
        };
        let (condition_number, centre) = svd_facts(&af, &bf);
        System {
            a: af,
            b: bf,
            elimination,
            kind,
            condition_number,
            centre,
        }
    }

    /// The number of unknowns.
    pub fn n(&self) -> usize {
        self.a.len()
    }

    /// Whether the answer is sensitive (condition number above [`SENSITIVE_CONDITION`]).
    pub fn sensitive(&self) -> bool {
        self.kind == Kind::Unique && self.condition_number > SENSITIVE_CONDITION
    }
}

/// An elimination with no steps, for the (unreachable with validated input) case where even
/// floating point overflowed.
fn empty(a: &[Vec<f64>], b: &[f64]) -> Elimination {
    let m: Vec<Vec<f64>> = a
        .iter()
        .zip(b)
        .map(|(r, v)| r.iter().copied().chain([*v]).collect())
        .collect();
    let text = m
        .iter()
        .map(|r| r.iter().map(|v| super::float_text::plain(*v)).collect())
        .collect();
    Elimination {
        exact: false,
        steps: Vec::new(),
        stages: vec![m],
        stage_text: vec![text],
        rank: 0,
        rank_augmented: 0,
        pivot_columns: Vec::new(),
        solution: None,
        solution_text: None,
        null_space: Vec::new(),
    }
}

/// The singular values of `a`, largest first (empty for ragged or non-finite input).
pub fn singular_values(a: &[Vec<f64>]) -> Vec<f64> {
    svd(a).map_or_else(Vec::new, |s| s.sigma)
}

/// The rank of `a` by its singular values, with NumPy's default tolerance
/// σ_max · max(rows, cols) · ε (`numpy.linalg.matrix_rank`).
pub fn svd_rank(a: &[Vec<f64>]) -> usize {
    svd(a).map_or(0, |s| s.rank(a.len()))
}

/// (σ_max/σ_min, pinv(A)·b).
fn svd_facts(a: &[Vec<f64>], b: &[f64]) -> (f64, Vec<f64>) {
    match svd(a) {
        Some(s) => (s.condition_number(), s.solve(b)),
        None => (f64::INFINITY, vec![0.0; a.len()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * (1.0 + b.abs())
    }

    #[test]
    fn reference_solutions_and_condition_numbers() {
        // Each row: A, b, numpy.linalg.solve(A, b), numpy.linalg.cond(A).
        let cases: [(&str, &str, &[f64], f64); 4] = [
            // np.linalg.solve([[2,1],[4,3]], [9,27]) → [0., 9.];
            // np.linalg.cond([[2,1],[4,3]]) → 14.933034373659224
            ("2,1;4,3", "9,27", &[0.0, 9.0], 14.933034373659224),
            // np.linalg.solve([[1,2],[3,4]], [5,6]) → [-4., 4.5] (to 1e-15);
            // np.linalg.cond([[1,2],[3,4]]) → 14.933034373659268
            ("1,2;3,4", "5,6", &[-4.0, 4.5], 14.933034373659268),
            // np.linalg.solve([[2,1,-1],[-3,-1,2],[-2,1,2]], [8,-11,-3]) → [2., 3., -1.];
            // np.linalg.cond(...) → 44.67232246955649
            (
                "2,1,-1;-3,-1,2;-2,1,2",
                "8,-11,-3",
                &[2.0, 3.0, -1.0],
                44.67232246955649,
            ),
            // np.linalg.solve([[0.5,0.25,1],[1.5,-2,0.1],[3,1,1]], [1,2,3])
            //   → [0.8902439024390244, -0.3008130081300813, 0.6300813008130082];
            //   np.linalg.cond(...) → 4.751901289146303
            (
                "0.5,0.25,1;1.5,-2,0.1;3,1,1",
                "1,2,3",
                &[0.8902439024390244, -0.3008130081300813, 0.6300813008130082],
                4.751901289146303,
            ),
        ];
        for (a, b, x, cond) in cases {
            let s = System::from_text(a, b).unwrap();
            assert_eq!(s.kind, Kind::Unique, "{a}");
            let got = s.elimination.solution.clone().unwrap();
            for (g, w) in got.iter().zip(x) {
                assert!(close(*g, *w, 1e-12), "{a}: x {got:?} vs {x:?}");
            }
            assert!(
                close(s.condition_number, cond, 1e-9),
                "{a}: cond {} vs {cond}",
                s.condition_number
            );
        }
    }

    #[test]
    fn classification_by_rank() {
        let none = System::from_text("1,2;2,4", "3,7").unwrap();
        assert_eq!(none.kind, Kind::None);
        // np.linalg.lstsq([[1,2],[2,4]], [3,7], rcond=None)[0] → [0.68, 1.36]
        assert!(close(none.centre[0], 0.68, 1e-12) && close(none.centre[1], 1.36, 1e-12));
        assert_eq!(
            System::from_text("1,2;2,4", "3,6").unwrap().kind,
            Kind::Infinite
        );
        let planes = System::from_text("1,1,1;1,2,3;2,3,4", "6,14,20").unwrap();
        assert_eq!((planes.kind, planes.elimination.rank), (Kind::Infinite, 2));
        let parallel = System::from_text("1,1,1;1,1,1;1,1,1", "1,2,3").unwrap();
        assert_eq!(
            (
                parallel.kind,
                parallel.elimination.rank,
                parallel.elimination.rank_augmented
            ),
            (Kind::None, 1, 2)
        );
        assert_eq!(
            System::from_text("0,0;0,0", "0,0").unwrap().kind,
            Kind::Infinite
        );
    }

    #[test]
    fn a_nearly_singular_system_is_sensitive() {
        // np.linalg.cond([[1,1],[1,1.000000001]]) → 3999999796.3340845
        let s = System::from_text("1,1;1,1.000000001", "2,2.000000001").unwrap();
        assert_eq!(s.kind, Kind::Unique);
        assert!(
            close(s.condition_number, 3999999796.3340845, 1e-6),
            "{}",
            s.condition_number
        );
        assert!(s.sensitive());
    }

    #[test]
    fn shape_errors_name_what_is_wrong() {
        let cases = [
            (
                "1,2,3,4;5,6,7,8;1,2,3,4;5,6,7,9",
                "1,2,3,4",
                "a: must have 2 or 3 rows (a 2×2 or 3×3 system), got 4",
            ),
            (
                "1",
                "1",
                "a: must have 2 or 3 rows (a 2×2 or 3×3 system), got 1",
            ),
            (
                "1,2,3;4,5,6",
                "1,2",
                "a: must be square: 2 rows need 2 entries each, got 3",
            ),
            (
                "1,2;3,4",
                "1,2,3",
                "b: must have 2 entries, one per row of a, got 3",
            ),
        ];
        for (a, b, message) in cases {
            assert_eq!(System::from_text(a, b).unwrap_err().to_string(), message);
        }
    }
}
