//! Probability distributions: validated parameters; density or mass, CDF, survival function,
//! quantile, mean and variance of each family.
//!
//! Conventions follow scipy.stats: `cdf(x)` = P(X ≤ x), `sf(x)` = P(X > x), both for real x (a
//! discrete family counts the integers ≤ x); `quantile(p)` is the smallest x with
//! cdf(x) ≥ p. The survival function is computed directly, never as 1 − cdf, so a far upper
//! tail keeps its relative accuracy (`Normal::sf(40)` ≈ 3.7e-350 underflows, `sf(37)` ≈ 5.7e-300
//! does not); quantiles above ½ are solved against the survival function for the same reason.
//!
//! Constructors validate and return a [`MathError`] naming the parameter, its value and the
//! valid range; an undefined moment (the mean of a Student t with df ≤ 1) is NaN and an infinite
//! one (its variance for 1 < df ≤ 2) is +∞, as in scipy.

mod continuous;
mod discrete;
mod family;
mod invert;

pub use continuous::{Beta, ChiSquared, Exponential, Normal, StudentT, Uniform};
pub use discrete::{Bernoulli, Binomial, Geometric, Poisson};
pub use family::Distribution;

use super::error::MathError;

/// `value` if `ok`, else the error naming `parameter`, `value` and `expected`.
fn require(
    parameter: &'static str,
    value: f64,
    ok: bool,
    expected: &'static str,
) -> Result<f64, MathError> {
    if ok {
        Ok(value)
    } else {
        Err(MathError::OutOfRange {
            parameter,
            value,
            expected,
        })
    }
}

/// A finite, strictly positive parameter.
fn positive(parameter: &'static str, value: f64) -> Result<f64, MathError> {
    require(
        parameter,
        value,
        value.is_finite() && value > 0.0,
        "finite and > 0",
    )
}

/// A probability argument of a quantile function, in [0, 1].
fn probability(p: f64) -> Result<f64, MathError> {
    require("probability", p, (0.0..=1.0).contains(&p), "within [0, 1]")
}

#[cfg(test)]
mod tests;
