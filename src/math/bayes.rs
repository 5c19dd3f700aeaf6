//! Bayes' rule for one event and one piece of evidence, and the conjugate updates of a belief
//! about a rate (Beta–Bernoulli) and about a mean (Normal–Normal with known σ).
//!
//! Notation: A is the hypothesis, B the evidence. P(A) is the prior, P(B|A) the likelihood,
//! P(B|¬A) the false-positive rate, P(B) = P(B|A)·P(A) + P(B|¬A)·(1 − P(A)) the evidence, and
//! P(A|B) = P(B|A)·P(A)/P(B) the posterior.

use super::distributions::Beta;
use super::error::MathError;
use crate::math::ClampTo;

/// A probability parameter in [0, 1].
fn unit(parameter: &'static str, p: f64) -> Result<f64, MathError> {
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(MathError::OutOfRange {
            parameter,
            value: p,
            expected: "within [0, 1]",
        })
    }
}

/// The three numbers that determine Bayes' rule for one hypothesis and one observation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BayesRule {
    prior: f64,
    likelihood: f64,
    false_positive: f64,
}

impl BayesRule {
    /// P(A) = `prior`, P(B|A) = `likelihood`, P(B|¬A) = `false_positive`, each in [0, 1].
    pub fn new(prior: f64, likelihood: f64, false_positive: f64) -> Result<Self, MathError> {
        Ok(BayesRule {
            prior: unit("prior", prior)?,
            likelihood: unit("likelihood", likelihood)?,
            false_positive: unit("false-positive", false_positive)?,
        })
    }

    /// Like [`BayesRule::new`] but never failing: each value is clamped into [0, 1] and NaN
    /// becomes 0. For callers whose values were range-checked already.
    pub fn saturating(prior: f64, likelihood: f64, false_positive: f64) -> Self {
        let clamp = |p: f64| {
            if p.is_nan() {
                0.0
            } else {
                p.clamp_to(0.0, 1.0)
            }
        };
        BayesRule {
            prior: clamp(prior),
            likelihood: clamp(likelihood),
            false_positive: clamp(false_positive),
        }
    }

    /// P(A).
    pub fn prior(&self) -> f64 {
        self.prior
    }

    /// P(B|A).
    pub fn likelihood(&self) -> f64 {
        self.likelihood
    }

    /// P(B|¬A).
    pub fn false_positive(&self) -> f64 {
        self.false_positive
    }

    /// P(A ∩ B) = P(B|A)·P(A).
    pub fn joint(&self) -> f64 {
        self.likelihood * self.prior
    }

    /// P(¬A ∩ B) = P(B|¬A)·(1 − P(A)).
    pub fn joint_not_a(&self) -> f64 {
        self.false_positive * (1.0 - self.prior)
    }

    /// The evidence P(B) = P(A ∩ B) + P(¬A ∩ B).
    pub fn evidence(&self) -> f64 {
        self.joint() + self.joint_not_a()
    }

    /// The posterior P(A|B) = P(A ∩ B)/P(B); `None` when P(B) = 0 (B cannot be observed, so
    /// conditioning on it means nothing).
    pub fn posterior(&self) -> Option<f64> {
        let evidence = self.evidence();
        (evidence > 0.0).then(|| (self.joint() / evidence).clamp_to(0.0, 1.0))
    }

    /// The same likelihoods with the posterior as the new prior: observing B once more.
    /// `None` when the posterior is undefined.
    pub fn observe_again(&self) -> Option<BayesRule> {
        self.posterior().map(|prior| BayesRule { prior, ..*self })
    }

    /// The beliefs P(A) after 0, 1, …, `n` observations of B: the prior, then each posterior
    /// becoming the next prior. Stops early if an observation becomes impossible.
    pub fn history(&self, n: usize) -> Vec<f64> {
        let mut rule = *self;
        let mut beliefs = vec![rule.prior];
        for _ in 0..n {
            match rule.observe_again() {
                Some(next) => {
                    beliefs.push(next.prior);
                    rule = next;
                }
                None => break,
            }
        }
        beliefs
    }
}

/// A Beta(α, β) belief about the success rate θ of a Bernoulli process, updated by counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BetaBernoulli {
    prior: Beta,
    successes: f64,
    failures: f64,
}

impl BetaBernoulli {
    /// The prior Beta(`alpha`, `beta`) and the observed counts (whole numbers ≥ 0).
    pub fn new(alpha: f64, beta: f64, successes: f64, failures: f64) -> Result<Self, MathError> {
        let count = |parameter, k: f64| {
            if k.is_finite() && k >= 0.0 && k.fract() == 0.0 && k <= 1e9 {
                Ok(k)
            } else {
                Err(MathError::OutOfRange {
                    parameter,
                    value: k,
                    expected: "a whole number within [0, 1e9]",
                })
            }
        };
        let prior = Beta::new(alpha, beta).map_err(|e| match e {
            MathError::OutOfRange {
                parameter: "alpha",
                value,
                expected,
            } => MathError::OutOfRange {
                parameter: "prior-alpha",
                value,
                expected,
            },
            MathError::OutOfRange {
                parameter: "beta",
                value,
                expected,
            } => MathError::OutOfRange {
                parameter: "prior-beta",
                value,
                expected,
            },
            other => other,
        })?;
        Ok(BetaBernoulli {
            prior,
            successes: count("successes", successes)?,
            failures: count("failures", failures)?,
        })
    }

    /// The prior.
    pub fn prior(&self) -> Beta {
        self.prior
    }

    /// The posterior Beta(α + successes, β + failures).
    pub fn posterior(&self) -> Beta {
        let (a, b) = (
            self.prior.alpha() + self.successes,
            self.prior.beta() + self.failures,
        );
        // Both are finite and > 0 because the prior's are and the counts are ≥ 0 and ≤ 1e9.
        Beta::new(a, b).unwrap_or(self.prior)
    }

    /// The observed rate successes/(successes + failures); `None` before any observation.
    pub fn observed_rate(&self) -> Option<f64> {
        let n = self.successes + self.failures;
        (n > 0.0).then(|| self.successes / n)
    }

    /// P(next observation is a success | data) = the posterior mean (α + s)/(α + β + s + f).
    pub fn predictive_success(&self) -> f64 {
        self.posterior().mean()
    }

    /// The equal-tailed credible interval holding `mass` of the posterior, e.g. 0.95 gives its
    /// 2.5 % and 97.5 % quantiles.
    pub fn credible_interval(&self, mass: f64) -> Result<[f64; 2], MathError> {
        let tail = (1.0 - mass) / 2.0;
        let posterior = self.posterior();
        Ok([posterior.quantile(tail)?, posterior.quantile(1.0 - tail)?])
    }
}

/// A Normal(μ₀, τ₀²) belief about an unknown mean μ, updated by observations x₁ … xₙ drawn from
/// N(μ, σ²) with σ known: the posterior precision is 1/τ₀² + n/σ² and the posterior mean is the
/// precision-weighted average (μ₀/τ₀² + Σx/σ²)/(1/τ₀² + n/σ²).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormalNormal {
    /// Prior mean μ₀.
    pub prior_mean: f64,
    /// Prior standard deviation τ₀.
    pub prior_sd: f64,
    /// The known standard deviation σ of each observation.
    pub sigma: f64,
}

impl NormalNormal {
    /// Prior N(`prior_mean`, `prior_sd`²), observations with known σ = `sigma`.
    pub fn new(prior_mean: f64, prior_sd: f64, sigma: f64) -> Result<Self, MathError> {
        let positive = |parameter, v: f64| {
            if v.is_finite() && v > 0.0 {
                Ok(v)
            } else {
                Err(MathError::OutOfRange {
                    parameter,
                    value: v,
                    expected: "finite and > 0",
                })
            }
        };
        if !prior_mean.is_finite() {
            return Err(MathError::OutOfRange {
                parameter: "prior-mean",
                value: prior_mean,
                expected: "finite",
            });
        }
        Ok(NormalNormal {
            prior_mean,
            prior_sd: positive("prior-sd", prior_sd)?,
            sigma: positive("sigma", sigma)?,
        })
    }

    /// The posterior (mean, standard deviation) after `observations`.
    pub fn posterior(&self, observations: &[f64]) -> (f64, f64) {
        let prior_precision = 1.0 / (self.prior_sd * self.prior_sd);
        let data_precision = observations.len() as f64 / (self.sigma * self.sigma);
        let precision = prior_precision + data_precision;
        let sum: f64 = observations.iter().sum();
        let mean =
            (self.prior_mean * prior_precision + sum / (self.sigma * self.sigma)) / precision;
        (mean, precision.sqrt().recip())
    }
}

#[cfg(test)]
#[path = "bayes_tests.rs"]
mod tests;
