//! The gradient-descent widget's formula as MathML: the current line y = m·x + c and the cost
//! J(m, c) it has, the mean squared residual, with the numbers at the current step.

use super::GradientDescent;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::mathml::{mfrac, mi, mn, mo, mrow, msub, msup, number};

impl GradientDescent {
    /// `y = m·x + c` with the current m and c, and `J(m, c) = (1/n)·Σ(yᵢ − (m·xᵢ + c))² = J`.
    pub(super) fn line_formula(&self) -> Json {
        let now = self.descent.current();
        let [m, c] = now.theta;
        let i = |name: &str| msub(mi(name), mi("i"));
        Json::Arr(vec![
            mrow([
                mi("y"),
                mo("="),
                number(&sig(m, 4)),
                mo("·"),
                mi("x"),
                mo(if c.is_sign_negative() { "−" } else { "+" }),
                mn(&sig(c.abs(), 4)),
            ]),
            mrow([
                mi("J"),
                mo("("),
                mi("m"),
                mo(","),
                mi("c"),
                mo(")"),
                mo("="),
                mfrac(mn("1"), mi("n")),
                mo("Σ"),
                msup(
                    mrow([
                        mo("("),
                        i("y"),
                        mo("−"),
                        mo("("),
                        mi("m"),
                        mo("·"),
                        i("x"),
                        mo("+"),
                        mi("c"),
                        mo(")"),
                        mo(")"),
                    ]),
                    mn("2"),
                ),
                mo("="),
                number(&sig(now.value, 4)),
            ]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::format::sig;
    use crate::viz::gradient_descent::GradientDescent;
    use crate::viz::widget::Widget;

    #[test]
    fn the_line_and_its_cost_follow_the_step() {
        let mut w = GradientDescent::new();
        w.step(3);
        let f = w.formula().unwrap().to_json();
        let s = w.state();
        let cost = s.field("cost").and_then(|v| v.as_f64()).unwrap();
        assert!(f.contains(&format!(r#""s":"{}""#, sig(cost, 4))), "{f}");
        assert!(f.contains(r#""s":"J""#) && f.contains(r#""s":"Σ""#), "{f}");
    }
}
