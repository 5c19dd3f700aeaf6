//! The descriptive-stats widget's formula as MathML: the mean as the sum over n, and the
//! sample SD, with the numbers.

use super::DescriptiveStats;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mfrac, mi, mn, mo, mrow, msqrt, msup, number, x_bar};

impl DescriptiveStats {
    /// `x̄ = Σx / n = sum / n = mean` and `s = √(Σ(x − x̄)² / (n − 1)) = sd`.
    pub(super) fn mean_formula(&self) -> Json {
        let s = &self.model.summary;
        let n = |v: f64| number(&sig(v, 4));
        let sum: f64 = self.model.values.iter().sum();
        let count = mn(&s.n.to_string());
        let mut parts = vec![mrow([
            x_bar(),
            mo("="),
            mfrac(mrow([mo("Σ"), mi("x")]), mi("n")),
            mo("="),
            mfrac(n(sum), count.clone()),
            mo("="),
            n(s.mean),
        ])];
        if let Some(sd) = s.sample_std() {
            parts.push(mrow([
                mi("s"),
                mo("="),
                msqrt(mfrac(
                    mrow([
                        mo("Σ"),
                        msup(mrow([mo("("), mi("x"), mo("−"), x_bar(), mo(")")]), mn("2")),
                    ]),
                    mrow([mi("n"), mo("−"), mn("1")]),
                )),
                mo("="),
                n(sd),
            ]));
        }
        Json::Arr(parts)
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::descriptive_stats::DescriptiveStats;
    use crate::viz::widget::Widget;

    #[test]
    fn the_mean_and_sd_are_written_out() {
        let mut w = DescriptiveStats::new();
        w.set_option("data", "1, 2, 3, 6").unwrap();
        let f = w.formula().unwrap().to_json();
        // numpy.mean([1,2,3,6]) → 3.0; numpy.std([1,2,3,6], ddof=1) → 2.160246899469287
        for part in [
            r#""s":"12""#,
            r#""s":"4""#,
            r#""s":"3""#,
            r#""s":"2.16""#,
            r#""t":"msqrt""#,
        ] {
            assert!(f.contains(part), "{part} in {f}");
        }
    }
}
