//! The linear-system widget's program: the same A and b, the elimination's row operations as
//! NumPy row operations (each multiplier computed from the matrix, the panel's words as the
//! comment), then the ranks, `np.linalg.solve` and `np.linalg.cond`.

use super::LinearSystem;
use crate::math::elimination::{Phase, RowOp};
use crate::math::linear_system::{Kind, SENSITIVE_CONDITION};
use crate::viz::code::{np_array, py_float};

/// A matrix as `np.array([[...], [...]])`, one row per line when it has three.
fn np_matrix(rows: &[Vec<f64>]) -> String {
    let rows: Vec<String> = rows
        .iter()
        .map(|r| {
            let items: Vec<String> = r.iter().map(|v| py_float(*v)).collect();
            format!("[{}]", items.join(", "))
        })
        .collect();
    let sep = if rows.len() > 2 {
        ",\n              "
    } else {
        ", "
    };
    format!("np.array([{}])", rows.join(sep))
}

impl LinearSystem {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let system = self.system();
        let e = &system.elimination;
        let n = system.n();
        let things = if n == 2 { "lines" } else { "planes" };
        let pivot = |row: usize| e.pivot_columns.get(row).copied().unwrap_or(0);
        let here = format!(
            "print(M)  # <- the panel shows this matrix now (step {} of {})\n",
            self.shown(),
            e.steps.len()
        );
        let mut ops = String::new();
        if self.shown() == 0 {
            ops.push_str(&here);
        }
        for (k, step) in e.steps.iter().enumerate() {
            let line = match &step.op {
                RowOp::Swap(a, b) => format!("M[[{a}, {b}]] = M[[{b}, {a}]]"),
                RowOp::Scale { row, .. } => format!("M[{row}] /= M[{row}, {}]", pivot(*row)),
                RowOp::AddMultiple { target, source, .. } => {
                    let c = pivot(*source);
                    match step.phase {
                        Phase::Forward => {
                            format!(
                                "M[{target}] -= M[{target}, {c}] / M[{source}, {c}] * M[{source}]"
                            )
                        }
                        // The source row's pivot is already 1.
                        Phase::Back => format!("M[{target}] -= M[{target}, {c}] * M[{source}]"),
                    }
                }
            };
            ops.push_str(&format!("{line}  # {}\n", step.text));
            if k + 1 == self.shown() {
                ops.push_str(&here);
            }
        }
        let solution = match system.kind {
            Kind::Unique => format!(
                "x = np.linalg.solve(A, b)  # the point where the {things} meet: M's last column"
            ),
            Kind::None => format!(
                "x = None  # no point lies on every one of the {things}\n\
                 # The picture is centred on the closest compromise, the least-squares point:\n\
                 print(\"least squares:\", np.linalg.lstsq(A, b)[0])"
            ),
            Kind::Infinite => {
                let cols: Vec<String> = e.pivot_columns.iter().map(|c| c.to_string()).collect();
                format!(
                    "pivots = [{}]  # the columns with a leading 1 in M; the other unknowns are free\n\
                     x = np.zeros(n)  # one solution: the free unknowns set to 0 ...\n\
                     x[pivots] = M[: len(pivots), -1]  # ... and the pivot unknowns read off M",
                    cols.join(", ")
                )
            }
        };
        format!(
            r#"# Solving A x = b as the Mathsight widget does: Gaussian elimination, then NumPy.
import json

import numpy as np

# The system: each row of [A | b] is one of the {things} in the picture.
A = {a}
b = {b}
n = len(b)

# Gaussian elimination on the augmented matrix [A | b], the panel beside the picture: one row
# operation per Step. Each moves the {things} but not the points they share. (NumPy counts rows
# from 0, the panel from R1.)
M = np.column_stack([A, b])
{ops}print(M)

# How many solutions: compare the ranks of A and [A | b] (Rouche-Capelli).
rank = np.linalg.matrix_rank(A)  # the number of pivots
rank_augmented = np.linalg.matrix_rank(np.column_stack([A, b]))
kind = "unique" if rank == n else "none" if rank < rank_augmented else "infinite"
{solution}
# The condition number: how much a small change in A or b can move x (infinite if A is singular).
condition_number = np.linalg.cond(A) if rank == n else None
sensitive = bool(kind == "unique" and condition_number > {sensitive:e})  # the warning above 1e8

print(f"{{kind}} solution(s): x = {{x}}; rank A = {{rank}}, rank [A|b] = {{rank_augmented}}, cond = {{condition_number}}")
# The widget's state, for comparison: equal to 1e-9 relative, or to cond(A) * machine epsilon,
# the most any method can promise when A is nearly singular.
tolerance = max(1e-9, (condition_number or 0) * np.finfo(float).eps)
print(json.dumps({{
    "_tolerance": tolerance, "x": None if x is None else x.tolist(), "rank": int(rank), "rank_augmented": int(rank_augmented),
    "kind": kind, "condition_number": condition_number, "sensitive": sensitive,
}}))
"#,
            a = np_matrix(&system.a),
            b = np_array(&system.b),
            sensitive = crate::math::float_text::Float(SENSITIVE_CONDITION),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn writes_the_system_and_every_row_operation() {
        let mut w = LinearSystem::new();
        w.step(1);
        let code = w.python();
        assert!(
            code.contains("A = np.array([[2.0, 1.0], [4.0, 3.0]])"),
            "{code}"
        );
        assert!(code.contains("b = np.array([9.0, 27.0])"));
        let ops = code.lines().filter(|l| l.starts_with("M[")).count();
        assert_eq!(ops, w.system().elimination.steps.len());
        assert!(code.contains("M[1] -= M[1, 0] / M[0, 0] * M[0]  # R2 ← R2 − 2·R1"));
        // The marker follows the step shown.
        let marker = code.find("step 1 of").unwrap();
        assert!(code[..marker].matches("\nM[").count() == 1);
        assert!(code.contains("x = np.linalg.solve(A, b)"));
    }

    #[test]
    fn singular_systems_have_no_solve() {
        let mut w = LinearSystem::new();
        w.set_option("b", "3,7").unwrap();
        w.set_option("a", "1,2;2,4").unwrap();
        let code = w.python();
        assert!(
            code.contains("x = None") && !code.contains("solve(A, b)"),
            "{code}"
        );
        w.set_option("b", "3,6").unwrap();
        let code = w.python();
        assert!(code.contains("pivots = [0]"), "{code}");
        assert!(!code.contains("NaN") && !code.contains("float("));
    }
}
