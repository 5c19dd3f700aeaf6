//! The distribution widget's program: the same family and parameters as a `scipy.stats`
//! distribution, the shaded probability, the true moments, and the moments of the widget's
//! samples (written out, since they come from its own seeded generator).

use super::{model, DistributionWidget};
use crate::viz::code::{np_array, py_float};

/// The most samples the program writes out; beyond this their moments are left out.
pub const MAX_WRITTEN_SAMPLES: usize = 2000;

impl DistributionWidget {
    /// The family as a frozen `scipy.stats` distribution, in scipy's parameterisation.
    fn scipy_distribution(&self) -> String {
        let o = &self.options;
        let f = |name: &str| py_float(o.float(name));
        match o.choice("family") {
            "bernoulli" => format!("stats.bernoulli({})", f("p")),
            "binomial" => format!("stats.binom({}, {})", o.int("n"), f("p")),
            "poisson" => format!("stats.poisson({})", f("lambda")),
            // scipy's geom counts the trials up to and including the first success, as we do.
            "geometric" => format!("stats.geom({})", f("p")),
            "uniform" => format!(
                "stats.uniform(loc={low}, scale={high} - {low})",
                low = f("low"),
                high = f("high")
            ),
            // scipy takes the scale 1/lambda, not the rate.
            "exponential" => format!("stats.expon(scale=1 / {})", f("lambda")),
            "student-t" => format!("stats.t({})", f("df")),
            "chi-squared" => format!("stats.chi2({})", f("df")),
            "beta" => format!("stats.beta({}, {})", f("alpha"), f("beta")),
            _ => format!("stats.norm(loc={}, scale={})", f("mu"), f("sigma")),
        }
    }

    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let (a, b) = self.ends();
        let discrete = self.dist.is_discrete();
        let interval = if discrete {
            "# A discrete X: the integers from ceil(a) to floor(b), so P(X < a) = P(X <= ceil(a) - 1).\n\
             below = np.ceil(a) - 1\n"
        } else {
            "below = a  # a continuous X puts no mass on a single point\n"
        };
        let samples = if self.samples.len() <= MAX_WRITTEN_SAMPLES {
            format!(
                "# The histogram: the widget's {n} samples (seed {seed}). They come from its own seeded generator,\n\
                 # which NumPy does not have, so they are written out here.\n\
                 samples = {values}\n\
                 sample_mean = np.mean(samples) if len(samples) > 1 else None\n\
                 sample_variance = np.var(samples, ddof=1) if len(samples) > 1 else None  # divides by n - 1\n\
                 state.update(sample_count=len(samples), sample_mean=sample_mean, sample_variance=sample_variance)\n",
                n = self.samples.len(),
                seed = self.options.int("seed"),
                values = np_array(&self.samples),
            )
        } else {
            format!(
                "# The histogram's {n} samples are too many to write out here (at most {MAX_WRITTEN_SAMPLES}),\n\
                 # so their mean and variance are left out.\n",
                n = self.samples.len()
            )
        };
        format!(
            r#"# {formula}, as the Mathsight widget computes it.
import json

import numpy as np
from scipy import stats

X = {dist}  # the curve: {what}
a, b = {a}, {b}  # the shaded interval


def finite(v):
    """A mean or variance that may be undefined (nan) or infinite: JSON writes those as null."""
    return float(v) if np.isfinite(v) else None


{interval}# P(a <= X <= b), the shaded area: a difference of upper tails when a is above the median,
# which keeps its accuracy far out in the upper tail.
if a > b:
    probability = 0.0
elif X.cdf(below) > 0.5:
    probability = max(X.sf(below) - X.sf(b), 0.0)
else:
    probability = max(X.cdf(b) - X.cdf(below), 0.0)
state = {{"a": a, "b": b, "probability": probability, "mean": finite(X.mean()), "variance": finite(X.var())}}
print(f"P({{a:g}} <= X <= {{b:g}}) = {{probability:.4g}}; mean {{state['mean']}}, variance {{state['variance']}}")

{samples}
# The widget's state, for comparison.
print(json.dumps(state))
"#,
            formula = model::family_formula(&self.options),
            dist = self.scipy_distribution(),
            what = if discrete {
                "its probability mass function (or, with view=cdf, its CDF)"
            } else {
                "its density (or, with view=cdf, its CDF)"
            },
            a = py_float(a),
            b = py_float(b),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn each_family_in_scipy_parameterisation() {
        let mut w = DistributionWidget::new();
        for (family, expected) in [
            ("normal", "stats.norm(loc=0.0, scale=1.0)"),
            ("exponential", "stats.expon(scale=1 / 2.0)"),
            ("uniform", "stats.uniform(loc=0.0, scale=1.0 - 0.0)"),
            ("binomial", "stats.binom(10, 0.3)"),
            ("geometric", "stats.geom(0.3)"),
        ] {
            w.set_option("family", family).unwrap();
            assert!(
                w.python().contains(&format!("X = {expected}  #")),
                "{family}"
            );
        }
        assert!(w.python().contains("below = np.ceil(a) - 1"));
    }

    #[test]
    fn samples_are_written_out_up_to_the_limit() {
        let mut w = DistributionWidget::new();
        w.set_option("samples", "3").unwrap();
        let values: Vec<String> = w.samples.iter().map(|v| py_float(*v)).collect();
        assert!(
            w.python()
                .contains(&format!("samples = np.array([{}])", values.join(", "))),
            "{}",
            w.python()
        );
        w.set_option("samples", "5000").unwrap();
        let code = w.python();
        assert!(!code.contains("sample_mean"), "{code}");
        assert!(code.contains("too many to write out"), "{code}");
    }
}
