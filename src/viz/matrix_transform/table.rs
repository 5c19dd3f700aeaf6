//! The matrix-transform widget's numbers as a table: the matrix's basis images, the unit
//! square's corners and the real eigenvectors, each with where A sends it; the determinant in
//! the caption.

use super::MatrixTransform;
use crate::math::matrix2::{apply, det, eigen, Eigen};
use crate::viz::format::sig;
use crate::viz::widget::Table;

impl MatrixTransform {
    /// The vectors drawn and their images under A, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let m = self.m;
        let s = |v: f64| sig(v, 4);
        let row = |name: String, v: [f64; 2], note: String| {
            let w = apply(&m, v);
            vec![name, s(v[0]), s(v[1]), s(w[0]), s(w[1]), note]
        };
        let mut rows = vec![
            row(
                "e1".to_string(),
                [1.0, 0.0],
                "first column of A".to_string(),
            ),
            row(
                "e2".to_string(),
                [0.0, 1.0],
                "second column of A".to_string(),
            ),
            row(
                "e1 + e2".to_string(),
                [1.0, 1.0],
                "far corner of the unit square".to_string(),
            ),
        ];
        match eigen(&m) {
            Eigen::Real { values, vectors } => {
                for (k, (lambda, v)) in values.iter().zip(vectors).enumerate() {
                    rows.push(row(
                        format!("eigenvector {}", k + 1),
                        v,
                        format!("stretched by λ = {}", s(*lambda)),
                    ));
                }
            }
            Eigen::Complex { re, im } => rows.push(vec![
                "no real eigenvector".to_string(),
                "—".to_string(),
                "—".to_string(),
                "—".to_string(),
                "—".to_string(),
                format!(
                    "eigenvalues {} ± {}i: A rotates every direction",
                    s(re),
                    s(im)
                ),
            ]),
        }
        let d = det(&m);
        Table {
            caption: format!(
                "A = [{}, {}; {}, {}], det A = {} ({}): vectors and where A sends them",
                s(m[0][0]),
                s(m[0][1]),
                s(m[1][0]),
                s(m[1][1]),
                s(d),
                self.orientation()
            ),
            headers: vec!["vector", "x", "y", "A·v x", "A·v y", "note"],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::matrix_transform::MatrixTransform;
    use crate::viz::widget::Widget;

    #[test]
    fn lists_basis_images_and_eigenvectors_with_the_determinant() {
        let w = MatrixTransform::new();
        let t = w.table().unwrap();
        assert!(t.caption.contains("det A = 3"), "{}", t.caption);
        assert_eq!(t.rows.len(), 5);
        // A = [[2, 1], [1, 2]]: e1 ↦ (2, 1), e2 ↦ (1, 2).
        assert_eq!(t.rows[0][3..5], ["2".to_string(), "1".to_string()]);
        assert_eq!(t.rows[1][3..5], ["1".to_string(), "2".to_string()]);
        // numpy.linalg.eig([[2,1],[1,2]]) → λ = 3, 1.
        assert!(t.rows[3][5].contains("λ = 3"), "{:?}", t.rows[3]);
        assert!(t.rows[4][5].contains("λ = 1"), "{:?}", t.rows[4]);
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }

    #[test]
    fn a_rotation_has_no_real_eigenvector_row() {
        let mut w = MatrixTransform::new();
        w.set_option("a", "0,-1;1,0").unwrap();
        let t = w.table().unwrap();
        assert_eq!(t.rows.len(), 4);
        assert!(t.rows[3][5].contains("rotates"), "{:?}", t.rows[3]);
    }
}
