//! The regression-stats widget's formula as MathML: the fitted line ŷ = a + b·x and the
//! slope's t statistic as b over its standard error.

use super::RegressionStats;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mfrac, mi, mn, mo, mrow, msub, number};

impl RegressionStats {
    /// `ŷ = a + b·x` with the numbers, and `t = b / SE(b) = …`.
    pub(super) fn line_formula(&self) -> Json {
        let o = &self.model.ols;
        let n = |v: f64| number(&sig(v, 4));
        let slope = mrow([
            mo(if o.slope.is_sign_negative() {
                "−"
            } else {
                "+"
            }),
            mn(&sig(o.slope.abs(), 4)),
            mo("·"),
            mi("x"),
        ]);
        Json::Arr(vec![
            mrow([mi("ŷ"), mo("="), n(o.intercept), slope]),
            mrow([
                mi("t"),
                mo("="),
                mfrac(mi("b"), msub(mi("SE"), mi("b"))),
                mo("="),
                mfrac(n(o.slope), n(o.slope_stderr)),
                mo("="),
                n(o.slope_t),
            ]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::regression_stats::RegressionStats;
    use crate::viz::widget::Widget;

    #[test]
    fn the_fitted_line_and_the_slope_t_are_written_out() {
        let mut w = RegressionStats::new();
        w.set_option("points", "0,1;1,3;2,5;3,7.5").unwrap();
        let f = w.formula().unwrap().to_json();
        // scipy.stats.linregress([0,1,2,3], [1,3,5,7.5]) → slope 2.15, intercept 0.9
        for part in [r#""s":"ŷ""#, r#""s":"0.9""#, r#""s":"2.15""#, r#""s":"SE""#] {
            assert!(f.contains(part), "{part} in {f}");
        }
    }
}
