//! The Naive Bayes widget's program: the same two classes of points, each fitted with a
//! Gaussian in NumPy, and P(A | x) at the probe under both covariance assumptions.

use super::NaiveBayes;
use crate::math::naive_bayes::Covariance;
use crate::viz::code::{np_array, np_points};

impl NaiveBayes {
    /// The program for the current state.
    pub(super) fn python(&self) -> String {
        let generated = self.options.points("points-a").is_empty()
            || self.options.points("points-b").is_empty();
        let source = if generated {
            format!(
                "# Seeded points (n = {}, seed = {}) come from the widget's own generator, which NumPy does not\n\
                 # have, so they are written out here.\n",
                self.options.int("n"),
                self.options.int("seed")
            )
        } else {
            String::new()
        };
        format!(
            r#"# Two-class Gaussian Naive Bayes in the plane, as the Mathsight widget computes it.
import json

import numpy as np
from scipy.special import expit

# The points [feature 1, feature 2] of class A and of class B, as plotted.
{source}A = {a}
B = {b}
probe = {probe}  # the probe: the ring on the plane
full_covariance = {full}  # the toggle: False is Naive Bayes (features independent within a class)

# Every variance gets a small floor (scikit-learn's var_smoothing): 1e-9 x the largest feature variance.
floor = max(1e-9 * np.var(np.vstack([A, B]), axis=0).max(), np.sqrt(np.finfo(float).tiny))


def fit(points):
    """A class's prior (its share of the points), mean and covariance (dividing by n)."""
    cov = np.cov(points.T, bias=True) + floor * np.eye(2)
    limit = np.sqrt(cov[0, 0] * cov[1, 1]) * (1 - 1e-9)  # keeps the covariance positive definite
    cov[0, 1] = cov[1, 0] = np.clip(cov[0, 1], -limit, limit)
    return len(points) / (len(A) + len(B)), points.mean(axis=0), cov


def log_density(x, mean, cov):
    """ln N(x; mean, cov) for each row of x."""
    d = np.atleast_2d(x) - mean
    q = np.sum(d @ np.linalg.inv(cov) * d, axis=1)
    return -0.5 * q - 0.5 * np.log(np.linalg.det(cov)) - np.log(2 * np.pi)


def probability_a(x, full):
    """P(A | x) = prior_A N_A(x) / (prior_A N_A(x) + prior_B N_B(x)), from logarithms."""
    logs = []
    for prior, mean, cov in (fit(A), fit(B)):
        if not full:
            cov = np.diag(np.diag(cov))  # Naive Bayes: drop the within-class correlation
        logs.append(np.log(prior) + log_density(x, mean, cov))
    return expit(logs[0] - logs[1])  # 1 / (1 + e^(log B - log A)): the colour of the plane


def summary(points):
    """What the widget reports per class; the margins draw N(mean_i, variance_i) per feature."""
    prior, mean, cov = fit(points)
    return {{"count": len(points), "prior": prior, "mean": list(mean), "variance": list(np.diag(cov)),
            "correlation": cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1])}}


def accuracy(full):
    """The share of points on their own class's side of the boundary P(A | x) = 1/2."""
    right = np.sum(probability_a(A, full) > 0.5) + np.sum(probability_a(B, full) <= 0.5)
    return int(right) / (len(A) + len(B))


naive, full = probability_a(probe, False)[0], probability_a(probe, True)[0]
print(f"P(A | probe) = {{naive:.4g}} (Naive Bayes), {{full:.4g}} (full covariance)")
print(f"accuracy {{accuracy(False):.3g}} (Naive Bayes), {{accuracy(True):.3g}} (full covariance)")
# The widget's state, for comparison.
print(json.dumps({{
    "class_a": summary(A), "class_b": summary(B), "probe": list(probe),
    "probe_probability_a": full if full_covariance else naive,
    "probe_probability_a_naive": naive, "probe_probability_a_full": full,
    "accuracy_naive": accuracy(False), "accuracy_full": accuracy(True),
}}))
"#,
            a = np_points(&self.model.a),
            b = np_points(&self.model.b),
            probe = np_array(&self.probe),
            full = if self.kind() == Covariance::Full {
                "True"
            } else {
                "False"
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::widget::Widget;

    #[test]
    fn the_toggle_and_the_points_are_inlined() {
        let mut w = NaiveBayes::new();
        assert!(w.python().contains("full_covariance = False  #"));
        assert!(w.python().contains("written out here"));
        w.set_option("full-covariance", "true").unwrap();
        w.set_option("points-a", "0,0;1,0.5;2,2").unwrap();
        w.set_option("points-b", "3,1;4,-1").unwrap();
        let code = w.python();
        assert!(code.contains("full_covariance = True  #"), "{code}");
        assert!(
            code.contains("A = np.array([[0.0, 0.0], [1.0, 0.5], [2.0, 2.0]])\n"),
            "{code}"
        );
        assert!(!code.contains("written out here"), "{code}");
    }
}
