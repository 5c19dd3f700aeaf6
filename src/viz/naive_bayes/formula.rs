//! The naive-bayes widget's formula as MathML: what the classifier multiplies at the probe —
//! P(A)·p(x | A)·p(y | A) for Naive Bayes, P(A)·p(x, y | A) with full covariance — and the
//! resulting P(A | x, y).

use super::NaiveBayes;
use crate::math::naive_bayes::Covariance;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow, mtext};

/// p(`what` | `class`) as a row.
fn density(what: &[&str], class: &str) -> Json {
    let mut row = vec![mi("p"), mo("(")];
    for (k, w) in what.iter().enumerate() {
        if k > 0 {
            row.push(mo(","));
        }
        row.push(mi(w));
    }
    row.extend([mo("|"), mi(class), mo(")")]);
    mrow(row)
}

impl NaiveBayes {
    /// `P(A | x, y) ∝ P(A)·p(x | A)·p(y | A)` (or the full-covariance density) `= value`.
    pub(super) fn rule_formula(&self) -> Json {
        let given = match self.kind() {
            Covariance::Diagonal => mrow([density(&["x"], "A"), mo("·"), density(&["y"], "A")]),
            Covariance::Full => density(&["x", "y"], "A"),
        };
        Json::Arr(vec![
            mrow([
                mi("P"),
                mo("("),
                mi("A"),
                mo("|"),
                mi("x"),
                mo(","),
                mi("y"),
                mo(")"),
                mo("∝"),
                mi("P"),
                mo("("),
                mi("A"),
                mo(")"),
                mo("·"),
                given,
            ]),
            mrow([
                mi("P"),
                mo("("),
                mi("A"),
                mo("|"),
                mtext("probe"),
                mo(")"),
                mo("="),
                mn(&sig(self.probe_probability(self.kind()), 3)),
            ]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::naive_bayes::NaiveBayes;
    use crate::viz::widget::Widget;

    #[test]
    fn naive_bayes_multiplies_one_density_per_feature() {
        let mut w = NaiveBayes::new();
        let naive = w.formula().unwrap().to_json();
        assert_eq!(naive.matches(r#""s":"p""#).count(), 2, "{naive}");
        w.set_option("full-covariance", "true").unwrap();
        let full = w.formula().unwrap().to_json();
        assert_eq!(full.matches(r#""s":"p""#).count(), 1, "{full}");
    }
}
