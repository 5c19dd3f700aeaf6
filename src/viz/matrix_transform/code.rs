//! The matrix-transform widget's program: the same 2×2 matrix, where it sends the basis
//! vectors and the unit square, its determinant and its eigenvalues and eigenvectors in NumPy.

use super::MatrixTransform;
use crate::math::matrix2::SINGULAR_TOLERANCE;
use crate::viz::code::py_float;

impl MatrixTransform {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let [[a, b], [c, d]] = self.matrix();
        format!(
            r#"# A 2x2 matrix as a map of the plane, as the Mathsight widget shows it.
import json

import numpy as np

A = np.array([[{a}, {b}], [{c}, {d}]])

# Where the basis vectors land: the two arrows, the columns of A.
columns = [A @ [1, 0], A @ [0, 1]]
# The unit square becomes the shaded parallelogram with these corners ...
print("unit square ->", (A @ np.array([[0, 1, 1, 0], [0, 0, 1, 1]])).T.tolist())
# ... whose signed area is det A (negative when the picture is flipped).
det = np.linalg.det(A)
singular = bool(abs(det) <= {tol:e} * np.abs(A).max() ** 2)  # the plane collapses onto a line
orientation = "collapsed" if singular else "preserved" if det > 0 else "reversed"

# The eigenvectors: directions A only stretches (the dashed lines), by their eigenvalues.
eigenvalues, eigenvectors = np.linalg.eig(A)
if np.isrealobj(eigenvalues):
    order = np.argsort(eigenvalues)[::-1]  # largest first, as in the readout
    eigenvalues, eigenvectors = eigenvalues[order].tolist(), eigenvectors[:, order]
    # Each column is a unit vector; NumPy may give either sign, the same line either way.
    print("eigenvalues", eigenvalues, "eigenvectors (columns)", eigenvectors.tolist())
else:
    print("complex eigenvalues", eigenvalues, "- A rotates: no real direction is kept")
    eigenvalues = None

print(f"det A = {{det:.6g}}: orientation {{orientation}}")
# The widget's state, for comparison.
print(json.dumps({{
    "columns": [v.tolist() for v in columns], "det": det, "singular": singular,
    "orientation": orientation, "eigenvalues": eigenvalues,
}}))
"#,
            a = py_float(a),
            b = py_float(b),
            c = py_float(c),
            d = py_float(d),
            tol = crate::math::float_text::Float(SINGULAR_TOLERANCE),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn writes_the_matrix_exactly() {
        let mut w = MatrixTransform::new();
        assert!(w
            .python()
            .contains("A = np.array([[2.0, 1.0], [1.0, 2.0]])"));
        w.set_option("a", "0.1,-3;1/3,0").unwrap();
        let code = w.python();
        let third = py_float(1.0 / 3.0);
        assert!(
            code.contains(&format!("A = np.array([[0.1, -3.0], [{third}, 0.0]])")),
            "{code}"
        );
        assert!(code.contains("<= 1e-12 *"));
        assert!(!code.contains("NaN") && !code.contains("float("));
    }
}
