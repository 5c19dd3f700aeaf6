//! The least-squares widget's formula as MathML: the fitted polynomial with its coefficients,
//! and the residual sum of squares it minimises.

use super::LeastSquares;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow, msup};

impl LeastSquares {
    /// `y = c₀·xᵈ + … + c_d` with the fitted numbers, and `RSS = …`.
    pub(super) fn fit_formula(&self) -> Json {
        let c = &self.fit.coefficients;
        let d = self.fit.degree;
        let mut parts = vec![mi("y"), mo("=")];
        for (k, v) in c.iter().enumerate() {
            let power = d.saturating_sub(k);
            if v.is_sign_negative() {
                parts.push(mo("−"));
            } else if k > 0 {
                parts.push(mo("+"));
            }
            parts.push(mn(&sig(v.abs(), 4)));
            match power {
                0 => {}
                1 => parts.extend([mo("·"), mi("x")]),
                p => parts.extend([mo("·"), msup(mi("x"), mn(&p.to_string()))]),
            }
        }
        Json::Arr(vec![
            mrow(parts),
            mrow([mi("RSS"), mo("="), mn(&sig(self.fit.rss, 4))]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::least_squares::LeastSquares;
    use crate::viz::widget::Widget;

    #[test]
    fn the_fitted_line_is_written_with_its_coefficients() {
        let mut w = LeastSquares::new();
        w.set_option("points", "0,1;1,3;2,5").unwrap();
        let f = w.formula().unwrap().to_json();
        // numpy.polyfit([0, 1, 2], [1, 3, 5], 1) → [2., 1.]: y = 2·x + 1, RSS 0.
        for part in [
            r#""s":"2""#,
            r#""s":"x""#,
            r#""s":"+""#,
            r#""s":"1""#,
            r#""s":"RSS""#,
        ] {
            assert!(f.contains(part), "{part} in {f}");
        }
    }
}
