//! The least-squares widget's program: the same points and degree, the fit by
//! `np.linalg.lstsq` on the Vandermonde matrix (the equations the points stand for), its
//! residuals, RSS and R², and the normal equations the panel shows.

use super::LeastSquares;
use crate::viz::code::np_array;

impl LeastSquares {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let points = self.points();
        let xs: Vec<f64> = points.iter().map(|p| p[0]).collect();
        let ys: Vec<f64> = points.iter().map(|p| p[1]).collect();
        let degree = self.fit().degree;
        let model = match degree {
            1 => "a line m*x + c",
            2 => "a parabola",
            _ => "a cubic",
        };
        format!(
            r#"# Least squares: fitting {model} to the points, as the Mathsight widget does.
import json

import numpy as np

# The data: the points on the plot.
x = {x}
y = {y}
degree = {degree}

# One equation per point: row [x**{degree}, ..., x, 1] of A times the coefficients should give y.
A = np.vander(x, degree + 1)
# The coefficients (highest power first) minimise the total area of the residual squares.
theta, *_ = np.linalg.lstsq(A, y)
fitted = A @ theta  # the curve at each x
residuals = y - fitted  # the vertical segments from the points to the curve
rss = np.sum(residuals**2)  # the squares' total area
tss = np.sum((y - y.mean()) ** 2)  # the same about the flat line y = mean(y)
r_squared = 1 - rss / tss if tss > 0 else 1.0
# The normal equations in the panel: A^T A theta = A^T y (their solution is the same theta).
normal_matrix, normal_rhs = A.T @ A, A.T @ y
condition_number = np.linalg.cond(A) if np.linalg.matrix_rank(A) == degree + 1 else None

print("coefficients:", theta, "  np.polyfit agrees:", np.polyfit(x, y, degree))
print(f"RSS = {{rss:.6g}}, R^2 = {{r_squared:.6g}}, cond(A) = {{condition_number}}")
# The widget's state, for comparison: equal to 1e-9 relative, or to cond(A) * machine epsilon,
# the most any method can promise when the columns of A are nearly dependent.
tolerance = max(1e-9, (condition_number or 0) * np.finfo(float).eps)
print(json.dumps({{
    "_tolerance": tolerance, "degree": degree, "coefficients": theta.tolist(), "rss": rss, "r_squared": r_squared,
    "exact_solve": len(x) == degree + 1, "residuals": residuals.tolist(),
    "normal_matrix": normal_matrix.tolist(), "normal_rhs": normal_rhs.tolist(),
    "condition_number": condition_number,
}}))
"#,
            x = np_array(&xs),
            y = np_array(&ys),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn inlines_the_points_and_the_degree() {
        let mut w = LeastSquares::new();
        w.set_option("points", "0,1;1,2.5;2,2.9;3,4.8;4,5.1")
            .unwrap();
        w.set_option("model", "cubic").unwrap();
        let code = w.python();
        assert!(
            code.contains("x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])"),
            "{code}"
        );
        assert!(code.contains("y = np.array([1.0, 2.5, 2.9, 4.8, 5.1])"));
        assert!(code.contains("degree = 3\n") && code.contains("fitting a cubic"));
        assert!(!code.contains("NaN") && !code.contains("float("));
    }

    #[test]
    fn generated_data_is_written_out() {
        let w = LeastSquares::new();
        let code = w.python();
        let first = w.points()[0];
        assert!(
            code.contains(&format!("x = np.array([{:?}", first[0])),
            "{code}"
        );
        assert!(code.contains(&format!("y = np.array([{:?}", first[1])));
    }
}
