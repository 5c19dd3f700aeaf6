//! The matrix-transform widget's formula as MathML: det A = a·d − b·c with the numbers.

use super::MatrixTransform;
use crate::math::matrix2::det;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mo, mrow, number};

impl MatrixTransform {
    /// det A = a·d − b·c = value, the signed area of the unit square's image.
    pub(super) fn det_formula(&self) -> Json {
        let m = self.m;
        let n = |v: f64| number(&sig(v, 4));
        let paren = |v: f64| {
            if v < 0.0 {
                mrow([mo("("), n(v), mo(")")])
            } else {
                n(v)
            }
        };
        mrow([
            mi("det"),
            mi("A"),
            mo("="),
            paren(m[0][0]),
            mo("·"),
            paren(m[1][1]),
            mo("−"),
            paren(m[0][1]),
            mo("·"),
            paren(m[1][0]),
            mo("="),
            n(det(&m)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::matrix_transform::MatrixTransform;
    use crate::viz::widget::Widget;

    #[test]
    fn the_determinant_is_written_out_with_its_numbers() {
        let w = MatrixTransform::new();
        let f = w.formula().unwrap().to_json();
        // A = [[2, 1], [1, 2]]: 2·2 − 1·1 = 3.
        for part in [r#""s":"det""#, r#""s":"2""#, r#""s":"3""#] {
            assert!(f.contains(part), "{part} in {f}");
        }
    }
}
