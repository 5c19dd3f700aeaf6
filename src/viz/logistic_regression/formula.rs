//! The logistic-regression widget's formula as MathML: the model P(class 1 | x) =
//! σ(w₁x₁ + w₂x₂ + b) with the current weights.

use super::LogisticRegression;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow, msub, number};

impl LogisticRegression {
    /// `P(1 | x) = σ(w₁·x₁ + w₂·x₂ + b)` with the numbers at the current step.
    pub(super) fn model_formula(&self) -> Json {
        let [w1, w2, b] = self.theta();
        let term = |w: f64, i: &str, first: bool| {
            let mut parts = Vec::new();
            if w.is_sign_negative() {
                parts.push(mo("−"));
            } else if !first {
                parts.push(mo("+"));
            }
            parts.extend([mn(&sig(w.abs(), 4)), mo("·"), msub(mi("x"), mn(i))]);
            mrow(parts)
        };
        let bias = mrow([
            mo(if b.is_sign_negative() { "−" } else { "+" }),
            number(&sig(b.abs(), 4)),
        ]);
        mrow([
            mi("P"),
            mo("("),
            mn("1"),
            mo("|"),
            mi("x"),
            mo(")"),
            mo("="),
            mi("σ"),
            mo("("),
            term(w1, "1", true),
            term(w2, "2", false),
            bias,
            mo(")"),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::logistic_regression::LogisticRegression;
    use crate::viz::widget::Widget;

    #[test]
    fn the_model_is_written_with_the_current_weights() {
        let mut w = LogisticRegression::new();
        let f = w.formula().unwrap().to_json();
        assert!(f.contains(r#""s":"σ""#), "{f}");
        assert!(f.contains(r#""s":"0""#), "w = 0, b = 0 at the start: {f}");
        w.step(50);
        let [w1, ..] = w.trainer().current().theta;
        let shown = crate::viz::format::sig(w1.abs(), 4);
        assert!(w
            .formula()
            .unwrap()
            .to_json()
            .contains(&format!(r#""s":"{shown}""#)));
    }
}
