//! [`Distribution`]: any family behind one type, for code that lets the reader pick a family.

use super::{
    Bernoulli, Beta, Binomial, ChiSquared, Exponential, Geometric, Normal, Poisson, StudentT,
    Uniform,
};
use crate::math::error::MathError;
use crate::math::rng::SplitMix64;

/// One distribution of any supported family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Distribution {
    /// See [`Bernoulli`].
    Bernoulli(Bernoulli),
    /// See [`Binomial`].
    Binomial(Binomial),
    /// See [`Poisson`].
    Poisson(Poisson),
    /// See [`Geometric`].
    Geometric(Geometric),
    /// See [`Uniform`].
    Uniform(Uniform),
    /// See [`Normal`].
    Normal(Normal),
    /// See [`Exponential`].
    Exponential(Exponential),
    /// See [`StudentT`].
    StudentT(StudentT),
    /// See [`ChiSquared`].
    ChiSquared(ChiSquared),
    /// See [`Beta`].
    Beta(Beta),
}

/// Evaluates `$body` with `$d` bound to whichever family `$self` holds.
macro_rules! each {
    ($self:expr, $d:ident => $body:expr) => {
        match $self {
            Distribution::Bernoulli($d) => $body,
            Distribution::Binomial($d) => $body,
            Distribution::Poisson($d) => $body,
            Distribution::Geometric($d) => $body,
            Distribution::Uniform($d) => $body,
            Distribution::Normal($d) => $body,
            Distribution::Exponential($d) => $body,
            Distribution::StudentT($d) => $body,
            Distribution::ChiSquared($d) => $body,
            Distribution::Beta($d) => $body,
        }
    };
}

impl Distribution {
    /// Whether the family is discrete (has a mass function on the integers).
    pub fn is_discrete(&self) -> bool {
        matches!(
            self,
            Distribution::Bernoulli(_)
                | Distribution::Binomial(_)
                | Distribution::Poisson(_)
                | Distribution::Geometric(_)
        )
    }

    /// The probability mass at `x` for a discrete family, the density for a continuous one.
    pub fn density(&self, x: f64) -> f64 {
        match self {
            Distribution::Bernoulli(d) => d.pmf(x),
            Distribution::Binomial(d) => d.pmf(x),
            Distribution::Poisson(d) => d.pmf(x),
            Distribution::Geometric(d) => d.pmf(x),
            Distribution::Uniform(d) => d.pdf(x),
            Distribution::Normal(d) => d.pdf(x),
            Distribution::Exponential(d) => d.pdf(x),
            Distribution::StudentT(d) => d.pdf(x),
            Distribution::ChiSquared(d) => d.pdf(x),
            Distribution::Beta(d) => d.pdf(x),
        }
    }

    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        each!(self, d => d.cdf(x))
    }

    /// P(X > x), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        each!(self, d => d.sf(x))
    }

    /// The smallest x with P(X ≤ x) ≥ `p`.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        each!(self, d => d.quantile(p))
    }

    /// The mean E(X) (NaN when undefined).
    pub fn mean(&self) -> f64 {
        each!(self, d => d.mean())
    }

    /// The variance Var(X) (+∞ when infinite, NaN when undefined).
    pub fn variance(&self) -> f64 {
        each!(self, d => d.variance())
    }

    /// P(a ≤ X ≤ b), both ends included (for a discrete family, the integers from ⌈a⌉ to ⌊b⌋);
    /// 0 when a > b. Differences are taken between upper tails when a lies above the median,
    /// so an interval far in the upper tail keeps its relative accuracy.
    pub fn interval_probability(&self, a: f64, b: f64) -> f64 {
        if a.is_nan() || b.is_nan() || a > b {
            return 0.0;
        }
        // For a discrete family P(X < a) = P(X ≤ ⌈a⌉ − 1); for a continuous one P(X < a) = cdf(a).
        let below = if self.is_discrete() {
            a.ceil() - 1.0
        } else {
            a
        };
        let p = if self.cdf(below) > 0.5 {
            self.sf(below) - self.sf(b)
        } else {
            self.cdf(b) - self.cdf(below)
        };
        p.max(0.0)
    }

    /// One draw by inversion, X = quantile(U) with U uniform from `rng` (a normal draw uses the
    /// generator's own Box–Muller normal).
    pub fn sample(&self, rng: &mut SplitMix64) -> f64 {
        if let Distribution::Normal(d) = self {
            return d.mean() + d.variance().sqrt() * rng.normal();
        }
        // U ∈ (0, 1): 1 − uniform() lies in (0, 1], and the rare 1 is mapped inside.
        let u = (1.0 - rng.uniform()).min(1.0 - f64::EPSILON / 2.0);
        self.quantile(u).unwrap_or(f64::NAN)
    }
}

macro_rules! from_family {
    ($($family:ident),*) => {
        $(
            impl From<$family> for Distribution {
                fn from(d: $family) -> Self {
                    Distribution::$family(d)
                }
            }
        )*
    };
}

from_family!(
    Bernoulli,
    Binomial,
    Poisson,
    Geometric,
    Uniform,
    Normal,
    Exponential,
    StudentT,
    ChiSquared,
    Beta
);
