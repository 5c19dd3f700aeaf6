//! The bayes-update widget's formula as MathML: the conjugate update written out — the Beta
//! prior plus the counts, or the normal posterior's mean and SD.

use super::{BayesUpdate, Belief};
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow, msub, msup, mtext, number};

impl BayesUpdate {
    /// `Beta(α₀ + s, β₀ + f) = Beta(α, β)` or `N(μₙ, τₙ²) = N(m, sd²)` after n observations.
    pub(super) fn update_formula(&self) -> Json {
        let n = |v: f64| number(&sig(v, 4));
        match self.belief() {
            Belief::Beta(a, b) => mrow([
                mtext("posterior"),
                mo("="),
                mi("Beta"),
                mo("("),
                n(self.options.float("prior-alpha")),
                mo("+"),
                mn(&self.options.int("successes").to_string()),
                mo(","),
                n(self.options.float("prior-beta")),
                mo("+"),
                mn(&self.options.int("failures").to_string()),
                mo(")"),
                mo("="),
                mi("Beta"),
                mo("("),
                n(a),
                mo(","),
                n(b),
                mo(")"),
            ]),
            Belief::Normal(m, sd) => mrow([
                mtext("posterior after"),
                mn(&self.data.len().to_string()),
                mtext("observations"),
                mo("="),
                mi("N"),
                mo("("),
                n(m),
                mo(","),
                msup(n(sd), mn("2")),
                mo(")"),
                mo(","),
                msub(mi("σ"), mtext("known")),
                mo("="),
                n(self.options.float("sigma")),
            ]),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::bayes_update::BayesUpdate;
    use crate::viz::widget::Widget;

    #[test]
    fn the_beta_update_adds_the_counts_to_the_prior() {
        let mut w = BayesUpdate::new();
        w.set_option("successes", "3").unwrap();
        w.set_option("failures", "1").unwrap();
        let f = w.formula().unwrap().to_json();
        // Beta(2 + 3, 2 + 1) = Beta(5, 3).
        for part in [r#""s":"Beta""#, r#""s":"5""#, r#""s":"3""#] {
            assert!(f.contains(part), "{part} in {f}");
        }
        w.set_option("model", "normal-normal").unwrap();
        assert!(w.formula().unwrap().to_json().contains(r#""s":"N""#));
    }
}
