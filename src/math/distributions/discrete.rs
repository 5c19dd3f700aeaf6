//! The discrete families: Bernoulli, binomial, Poisson, geometric. Mass functions take a real
//! argument and are 0 off the integers of the support; cdf and sf count the integers ≤ x.

use super::{invert, positive, probability, require};
use crate::math::error::MathError;
use crate::math::special::{beta_inc_pair, gamma_p, gamma_q, ln_beta, ln_gamma_prefactor};

/// Whether `k` is an integer.
fn is_integer(k: f64) -> bool {
    k.is_finite() && k.fract() == 0.0
}

/// A probability parameter in [0, 1].
fn unit(parameter: &'static str, p: f64) -> Result<f64, MathError> {
    require(parameter, p, (0.0..=1.0).contains(&p), "within [0, 1]")
}

/// A guess at a discrete quantile from the normal approximation mean + z·sd.
fn normal_guess(p: f64, mean: f64, variance: f64) -> f64 {
    // A coarse z is enough: the search corrects it exactly.
    let z = if p < 0.5 { -1.0 } else { 1.0 } * (-2.0 * p.min(1.0 - p).max(1e-300).ln()).sqrt();
    let z = if (p - 0.5).abs() < 0.1 { 0.0 } else { 0.8 * z };
    (mean + z * variance.sqrt()).floor()
}

/// The Bernoulli distribution: 1 with probability p, 0 otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bernoulli {
    p: f64,
}

impl Bernoulli {
    /// Bernoulli(`p`), `p` within [0, 1].
    pub fn new(p: f64) -> Result<Self, MathError> {
        Ok(Bernoulli { p: unit("p", p)? })
    }

    /// P(X = k).
    pub fn pmf(&self, k: f64) -> f64 {
        if k == 0.0 {
            1.0 - self.p
        } else if k == 1.0 {
            self.p
        } else {
            0.0
        }
    }

    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        if x < 0.0 {
            0.0
        } else if x < 1.0 {
            1.0 - self.p
        } else {
            1.0
        }
    }

    /// P(X > x).
    pub fn sf(&self, x: f64) -> f64 {
        if x < 0.0 {
            1.0
        } else if x < 1.0 {
            self.p
        } else {
            0.0
        }
    }

    /// The smallest k with P(X ≤ k) ≥ `q` (0 at q = 0).
    pub fn quantile(&self, q: f64) -> Result<f64, MathError> {
        let q = probability(q)?;
        Ok(if q <= 1.0 - self.p { 0.0 } else { 1.0 })
    }

    /// p.
    pub fn mean(&self) -> f64 {
        self.p
    }

    /// p(1 − p).
    pub fn variance(&self) -> f64 {
        self.p * (1.0 - self.p)
    }
}

/// The binomial distribution: successes in n independent trials with success probability p.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binomial {
    n: f64,
    p: f64,
}

impl Binomial {
    /// Binomial(`n`, `p`): `n` an integer within [0, 1e9], `p` within [0, 1].
    pub fn new(n: f64, p: f64) -> Result<Self, MathError> {
        let n = require(
            "n",
            n,
            is_integer(n) && (0.0..=1e9).contains(&n),
            "an integer within [0, 1e9]",
        )?;
        Ok(Binomial {
            n,
            p: unit("p", p)?,
        })
    }

    /// P(X = k) = C(n, k)·pᵏ·(1 − p)ⁿ⁻ᵏ, with ln C(n, k) = −ln(n + 1) − ln B(n − k + 1, k + 1).
    pub fn pmf(&self, k: f64) -> f64 {
        let (n, p) = (self.n, self.p);
        if !is_integer(k) || k < 0.0 || k > n {
            return 0.0;
        }
        if p == 0.0 {
            return if k == 0.0 { 1.0 } else { 0.0 };
        }
        if p == 1.0 {
            return if k == n { 1.0 } else { 0.0 };
        }
        let ln_choose = -(n + 1.0).ln() - ln_beta(n - k + 1.0, k + 1.0);
        (ln_choose + k * p.ln() + (n - k) * (-p).ln_1p()).exp()
    }

    /// (P(X ≤ x), P(X > x)) = (I_{1−p}(n − k, k + 1), I_p(k + 1, n − k)) with k = ⌊x⌋.
    fn tails(&self, x: f64) -> (f64, f64) {
        if x.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        let k = x.floor();
        if k < 0.0 {
            (0.0, 1.0)
        } else if k >= self.n {
            (1.0, 0.0)
        } else {
            beta_inc_pair(self.n - k, k + 1.0, 1.0 - self.p, self.p)
        }
    }

    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        self.tails(x).0
    }

    /// P(X > x), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        self.tails(x).1
    }

    /// The smallest k with P(X ≤ k) ≥ `q`.
    pub fn quantile(&self, q: f64) -> Result<f64, MathError> {
        let q = probability(q)?;
        if q == 1.0 {
            // The largest k with positive mass.
            return Ok(if self.p == 0.0 { 0.0 } else { self.n });
        }
        let guess = normal_guess(q, self.mean(), self.variance());
        Ok(invert::discrete(
            q,
            (0.0, self.n),
            guess,
            |k| self.cdf(k),
            |k| self.sf(k),
        ))
    }

    /// np.
    pub fn mean(&self) -> f64 {
        self.n * self.p
    }

    /// np(1 − p).
    pub fn variance(&self) -> f64 {
        self.n * self.p * (1.0 - self.p)
    }
}

/// The Poisson distribution with mean λ: P(X = k) = λᵏe^(−λ)/k!.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Poisson {
    lambda: f64,
}

impl Poisson {
    /// Poisson(`lambda`), `lambda` finite, > 0 and ≤ 1e9.
    pub fn new(lambda: f64) -> Result<Self, MathError> {
        let lambda = positive("lambda", lambda)?;
        let lambda = require("lambda", lambda, lambda <= 1e9, "finite, > 0 and ≤ 1e9")?;
        Ok(Poisson { lambda })
    }

    /// P(X = k), as e^(ln(λ^(k+1)e^(−λ)/Γ(k + 1)))/λ so large k and λ do not cancel.
    pub fn pmf(&self, k: f64) -> f64 {
        if !is_integer(k) || k < 0.0 {
            return 0.0;
        }
        ln_gamma_prefactor(k + 1.0, self.lambda).exp() / self.lambda
    }

    /// P(X ≤ x) = Q(⌊x⌋ + 1, λ).
    pub fn cdf(&self, x: f64) -> f64 {
        let k = x.floor();
        if k < 0.0 {
            0.0
        } else {
            gamma_q(k + 1.0, self.lambda)
        }
    }

    /// P(X > x) = P(⌊x⌋ + 1, λ), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        let k = x.floor();
        if k < 0.0 {
            1.0
        } else {
            gamma_p(k + 1.0, self.lambda)
        }
    }

    /// The smallest k with P(X ≤ k) ≥ `q`; +∞ at q = 1.
    pub fn quantile(&self, q: f64) -> Result<f64, MathError> {
        let q = probability(q)?;
        let guess = normal_guess(q, self.lambda, self.lambda);
        Ok(invert::discrete(
            q,
            (0.0, f64::INFINITY),
            guess,
            |k| self.cdf(k),
            |k| self.sf(k),
        ))
    }

    /// λ.
    pub fn mean(&self) -> f64 {
        self.lambda
    }

    /// λ.
    pub fn variance(&self) -> f64 {
        self.lambda
    }
}

/// The geometric distribution: the number of trials up to and including the first success,
/// support 1, 2, …; P(X = k) = (1 − p)^(k−1)·p.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometric {
    p: f64,
}

impl Geometric {
    /// Geometric(`p`), `p` within (0, 1].
    pub fn new(p: f64) -> Result<Self, MathError> {
        let p = require("p", p, p > 0.0 && p <= 1.0, "within (0, 1]")?;
        Ok(Geometric { p })
    }

    /// P(X = k).
    pub fn pmf(&self, k: f64) -> f64 {
        if !is_integer(k) || k < 1.0 {
            return 0.0;
        }
        if self.p == 1.0 {
            return if k == 1.0 { 1.0 } else { 0.0 };
        }
        self.p * ((k - 1.0) * (-self.p).ln_1p()).exp()
    }

    /// P(X ≤ x) = 1 − (1 − p)^⌊x⌋.
    pub fn cdf(&self, x: f64) -> f64 {
        let k = x.floor();
        if k < 1.0 {
            0.0
        } else {
            -(k * (-self.p).ln_1p()).exp_m1()
        }
    }

    /// P(X > x) = (1 − p)^⌊x⌋.
    pub fn sf(&self, x: f64) -> f64 {
        let k = x.floor();
        if k < 1.0 {
            1.0
        } else {
            (k * (-self.p).ln_1p()).exp()
        }
    }

    /// The smallest k ≥ 1 with P(X ≤ k) ≥ `q`; +∞ at q = 1 (1 when p = 1).
    pub fn quantile(&self, q: f64) -> Result<f64, MathError> {
        let q = probability(q)?;
        if self.p == 1.0 {
            return Ok(1.0);
        }
        let guess = ((-q).ln_1p() / (-self.p).ln_1p()).ceil();
        Ok(invert::discrete(
            q,
            (1.0, f64::INFINITY),
            guess,
            |k| self.cdf(k),
            |k| self.sf(k),
        ))
    }

    /// 1/p.
    pub fn mean(&self) -> f64 {
        1.0 / self.p
    }

    /// (1 − p)/p².
    pub fn variance(&self) -> f64 {
        (1.0 - self.p) / (self.p * self.p)
    }
}
