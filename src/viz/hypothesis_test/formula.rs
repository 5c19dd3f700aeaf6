//! The hypothesis-test widget's formula as MathML: the statistic as the estimate over its
//! standard error, with the numbers, and the p-value beside it.

use super::{format_p, HypothesisTest};
use crate::math::hypothesis::Test;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mfrac, mi, mn, mo, mrow, msub, number, x_bar};

impl HypothesisTest {
    /// `t = (x̄ − μ₀) / SE = estimate / SE = t` and `p = …`.
    pub(super) fn statistic_formula(&self) -> Json {
        let m = &self.model;
        let o = &m.outcome;
        let n = |v: f64| number(&sig(v, 4));
        let estimate = if m.test == Test::Welch {
            mrow([msub(x_bar(), mi("A")), mo("−"), msub(x_bar(), mi("B"))])
        } else {
            mrow([x_bar(), mo("−"), msub(mi("μ"), mn("0"))])
        };
        Json::Arr(vec![
            mrow([
                mi(self.readout_statistic_name()),
                mo("="),
                mfrac(estimate, mi("SE")),
                mo("="),
                mfrac(n(o.estimate), n(o.standard_error)),
                mo("="),
                n(o.statistic),
            ]),
            mrow([mi("p"), mo("="), mn(&format_p(o.p_value))]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::hypothesis_test::HypothesisTest;
    use crate::viz::widget::Widget;

    #[test]
    fn the_statistic_is_the_estimate_over_its_standard_error() {
        let w = HypothesisTest::new();
        let f = w.formula().unwrap().to_json();
        // x̄ − μ₀ = 5.8 − 5 = 0.8, SE = 2/√25 = 0.4, t = 2; 2·scipy.stats.t.sf(2, 24) → 0.0569
        for part in [
            r#""s":"0.8""#,
            r#""s":"0.4""#,
            r#""s":"2""#,
            r#""s":"0.0569""#,
        ] {
            assert!(f.contains(part), "{part} in {f}");
        }
    }
}
