//! The optimizers widget's formula as MathML: the surface raced on and the plain
//! gradient-descent step θₜ₊₁ = θₜ − α·∇f(θₜ) that every other method modifies.

use super::Optimizers;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mo, mrow, msub, mtext};

impl Optimizers {
    /// The surface's formula and the gradient-descent step.
    pub(super) fn race_formula(&self) -> Json {
        let theta = |t: &str| msub(mi("θ"), mi(t));
        Json::Arr(vec![
            mrow([mtext(self.race.surface.formula())]),
            mrow([
                theta("t+1"),
                mo("="),
                theta("t"),
                mo("−"),
                mi("α"),
                mo("·"),
                mo("∇"),
                mi("f"),
                mo("("),
                theta("t"),
                mo(")"),
            ]),
        ])
    }
}

#[cfg(test)]
mod tests {
    use crate::viz::optimizers::Optimizers;
    use crate::viz::widget::Widget;

    #[test]
    fn names_the_surface_and_the_gradient_step() {
        let mut w = Optimizers::new();
        w.set_option("surface", "bowl").unwrap();
        let f = w.formula().unwrap().to_json();
        assert!(f.contains("f = x² + y²"), "{f}");
        assert!(f.contains(r#""s":"∇""#), "{f}");
    }
}
