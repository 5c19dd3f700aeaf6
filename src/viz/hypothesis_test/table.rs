//! The hypothesis-test widget's numbers as a table: the test statistic, p-value, α and the
//! critical values drawn on the null distribution, the effect size with power and β drawn on
//! the alternative, the posterior, the simulated shares, and the power curve at a few sample
//! sizes.

use super::{format_p, HypothesisTest, Model};
use crate::viz::format::sig;
use crate::viz::widget::Table;

/// Sample sizes of the power curve listed (evenly spread over the plotted ones).
pub const POWER_ROWS: usize = 8;

impl HypothesisTest {
    /// The plotted quantities by name, for readers who cannot see the picture.
    pub(super) fn data_table(&self) -> Table {
        let m = &self.model;
        let o = &m.outcome;
        let name = self.readout_statistic_name();
        let s = |v: f64| sig(v, 4);
        let critical = |v: f64| {
            if v.is_finite() {
                s(v)
            } else {
                "none".to_string()
            }
        };
        let mut rows: Vec<Vec<String>> = [
            (
                format!("{name} statistic"),
                s(o.statistic),
                "where the sample falls on the null distribution",
            ),
            (
                "degrees of freedom".to_string(),
                o.df.map_or("— (z)".to_string(), s),
                "the null distribution's shape",
            ),
            (
                "p-value".to_string(),
                format_p(o.p_value),
                "the tail area beyond the statistic",
            ),
            (
                "α".to_string(),
                s(m.alpha),
                "the shaded rejection region's area",
            ),
            (
                "critical values".to_string(),
                format!("{}, {}", critical(m.bounds.0), critical(m.bounds.1)),
                "the rejection region's edges",
            ),
            (
                "decision".to_string(),
                if m.reject() {
                    "reject H₀"
                } else {
                    "do not reject H₀"
                }
                .to_string(),
                "p ≤ α rejects",
            ),
            (
                "effect size d".to_string(),
                s(m.effect),
                "the alternative's shift, in SDs",
            ),
            (
                "power 1 − β".to_string(),
                s(m.power),
                "the alternative's area in the rejection region",
            ),
            (
                "β".to_string(),
                s(1.0 - m.power),
                "the alternative's area outside it",
            ),
            (
                "posterior P(H₀ side)".to_string(),
                format_p(m.posterior_h0()),
                "the posterior's area on H₀'s side",
            ),
            (
                "simulated share p ≤ α under H₀".to_string(),
                s(Model::share_below(&m.sim_h0, m.alpha)),
                "about α when the test is right",
            ),
            (
                "simulated share p ≤ α under H₁".to_string(),
                s(Model::share_below(&m.sim_h1, m.alpha)),
                "about the power",
            ),
        ]
        .into_iter()
        .map(|(q, v, what)| vec![q, v, what.to_string()])
        .collect();
        let curve = &m.power_curve;
        let stride = curve.len().div_ceil(POWER_ROWS).max(1);
        for p in curve.iter().step_by(stride) {
            rows.push(vec![
                format!("power at n = {}", crate::math::float_text::Float(p[0])),
                s(p[1]),
                "the power curve".to_string(),
            ]);
        }
        Table {
            caption: format!(
                "The {} test's numbers; the power curve at {} of its {} sample sizes",
                self.options.choice("test"),
                curve.len().div_ceil(stride),
                curve.len()
            ),
            headers: vec!["quantity", "value", "in the picture"],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::POWER_ROWS;
    use crate::viz::hypothesis_test::HypothesisTest;
    use crate::viz::widget::Widget;

    #[test]
    fn names_the_statistic_p_alpha_and_power() {
        let mut w = HypothesisTest::new();
        w.set_option("alpha", "0.01").unwrap();
        let t = w.table().unwrap();
        let value = |q: &str| {
            t.rows
                .iter()
                .find(|r| r[0] == q)
                .map(|r| r[1].clone())
                .unwrap_or_default()
        };
        // (5.8 − 5) / (2 / √25) = 2; scipy.stats.t.sf(2, 24) * 2 → 0.05693
        assert_eq!(value("t statistic"), "2");
        assert_eq!(value("p-value"), "0.0569");
        assert_eq!(value("α"), "0.01");
        assert_eq!(value("decision"), "do not reject H₀");
        let powers = t
            .rows
            .iter()
            .filter(|r| r[0].starts_with("power at n"))
            .count();
        assert!((2..=POWER_ROWS).contains(&powers), "{powers} power rows");
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    }
}
