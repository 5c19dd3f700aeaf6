//! The Bayesian-updating widget's program: the same prior and observations, updated with
//! `scipy.stats`, ending with the posterior and its 95 % interval as the widget shows them.

use super::BayesUpdate;
use crate::viz::code::{np_array, py_float};

impl BayesUpdate {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        if self.normal_model() {
            self.python_normal()
        } else {
            self.python_beta()
        }
    }

    fn python_beta(&self) -> String {
        let o = &self.options;
        format!(
            r#"# Updating a Beta belief about a success rate, as the Mathsight widget computes it.
import json

from scipy import stats

prior_alpha, prior_beta = {alpha}, {beta}  # the Beta prior: roughly prior successes and failures
# The observations (clicked or simulated; only their counts matter to the update).
successes, failures = {successes}, {failures}

# Conjugate update: each success adds 1 to alpha, each failure 1 to beta.
a, b = prior_alpha + successes, prior_beta + failures
posterior = stats.beta(a, b)  # the solid curve
interval = posterior.ppf([0.025, 0.975])  # the shaded equal-tailed 95 % credible interval
mean = posterior.mean()  # also P(next observation is a success)
mode = (a - 1) / (a + b - 2) if a > 1 and b > 1 else None  # the peak, when it is inside (0, 1)

print(f"posterior Beta({{a:g}}, {{b:g}}): mean {{mean:.4g}}, 95 % interval [{{interval[0]:.3g}}, {{interval[1]:.3g}}]")
# The widget's state, for comparison.
print(json.dumps({{
    "observations": successes + failures, "successes": successes, "failures": failures,
    "posterior_alpha": a, "posterior_beta": b, "posterior_mean": mean, "posterior_mode": mode,
    "credible_interval": list(interval), "predictive_success": mean,
}}))
"#,
            alpha = py_float(o.float("prior-alpha")),
            beta = py_float(o.float("prior-beta")),
            successes = o.int("successes"),
            failures = o.int("failures"),
        )
    }

    fn python_normal(&self) -> String {
        let o = &self.options;
        format!(
            r#"# Updating a normal belief about a mean (sigma known), as the Mathsight widget computes it.
import json

import numpy as np
from scipy import stats

prior_mean, prior_sd = {prior_mean}, {prior_sd}  # the prior N(mu0, tau0^2): the dashed curve
sigma = {sigma}  # the known standard deviation of each observation
# The observations: the ticks under the plot. Simulated ones come from the widget's own seeded
# generator, which NumPy does not have, so they are written out here.
x = {data}

# Precisions add: posterior precision = 1/tau0^2 + n/sigma^2; the mean is precision-weighted.
precision = 1 / prior_sd**2 + len(x) / sigma**2
mean = (prior_mean / prior_sd**2 + np.sum(x) / sigma**2) / precision
sd = np.sqrt(1 / precision)
posterior = stats.norm(mean, sd)  # the solid curve
interval = posterior.ppf([0.025, 0.975])  # the shaded 95 % credible interval

print(f"posterior N({{mean:.4g}}, {{sd:.3g}}^2) after {{len(x)}} observations, 95 % interval [{{interval[0]:.3g}}, {{interval[1]:.3g}}]")
# The widget's state, for comparison.
print(json.dumps({{
    "observations": len(x), "posterior_mean": mean, "posterior_sd": sd, "posterior_mode": mean,
    "credible_interval": list(interval),
}}))
"#,
            prior_mean = py_float(o.float("prior-mean")),
            prior_sd = py_float(o.float("prior-sd")),
            sigma = py_float(o.float("sigma")),
            data = np_array(&self.data),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn beta_counts_are_inlined() {
        let mut w = BayesUpdate::new();
        w.set_option("successes", "7").unwrap();
        w.set_option("failures", "3").unwrap();
        let code = w.python();
        assert!(code.contains("successes, failures = 7, 3\n"), "{code}");
        assert!(code.contains("posterior.ppf([0.025, 0.975])"), "{code}");
    }

    #[test]
    fn simulated_normal_draws_are_written_out() {
        let mut w = BayesUpdate::new();
        w.set_option("model", "normal-normal").unwrap();
        w.action("simulate");
        let code = w.python();
        let first = w.data[0];
        assert_eq!(w.data.len(), 10);
        assert!(
            code.contains(&format!("x = np.array([{}", py_float(first))),
            "{code}"
        );
    }
}
