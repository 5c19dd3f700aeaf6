//! Two-class Gaussian classifiers in the plane: Gaussian Naive Bayes (each feature independent
//! given the class: a diagonal covariance) and, for comparison, the full-covariance Gaussian
//! classifier (quadratic discriminant analysis).
//!
//! Each class k has a prior πₖ (its share of the points), a mean μₖ and a covariance Σₖ (the
//! maximum-likelihood estimates, dividing by n, as scikit-learn's `GaussianNB` does). Then
//! P(k | x) = πₖ·N(x; μₖ, Σₖ) / Σⱼ πⱼ·N(x; μⱼ, Σⱼ), computed from log densities so far-away
//! points do not underflow to 0/0. Every variance gets a floor of 1e-9 × the largest feature
//! variance of all the data (scikit-learn's `var_smoothing`), so a class whose points share one
//! coordinate still has a density.

use super::error::{MathError, MAX_COORDINATE};
use crate::math::ClampTo;

/// Which covariance the classifier assumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Covariance {
    /// Diagonal: the features are independent given the class (Naive Bayes).
    Diagonal,
    /// Full 2 × 2: the features may be correlated within a class.
    Full,
}

/// One class's fitted Gaussian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassFit {
    /// The share of all points in this class.
    pub prior: f64,
    /// The mean of each feature.
    pub mean: [f64; 2],
    /// The covariance [[σ₁², c], [c, σ₂²]] (c is 0 for a diagonal fit's use, but is estimated).
    pub covariance: [[f64; 2]; 2],
}

/// ln(πₖ·N(x; μₖ, Σₖ)) for one class, with what does not depend on x computed once.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LogJoint {
    mean: [f64; 2],
    /// Σ's entries [[a, c], [c, b]] (c = 0 for a diagonal fit) and its determinant.
    a: f64,
    b: f64,
    c: f64,
    det: f64,
    /// ln πₖ − ½ ln det Σ − ln 2π.
    constant: f64,
}

impl LogJoint {
    fn at(&self, x: [f64; 2]) -> f64 {
        let d = [x[0] - self.mean[0], x[1] - self.mean[1]];
        // (x − μ)ᵀ Σ⁻¹ (x − μ) with Σ⁻¹ = [[b, −c], [−c, a]]/det.
        let q =
            (self.b * d[0] * d[0] - 2.0 * self.c * d[0] * d[1] + self.a * d[1] * d[1]) / self.det;
        self.constant - 0.5 * q
    }
}

/// ln P(B | x) − ln P(A | x) as a function of x, its constants computed once: P(A | x) is
/// 1/(1 + e^(log odds)). For evaluating the posterior at every pixel of a plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogOddsB {
    a: LogJoint,
    b: LogJoint,
}

impl LogOddsB {
    /// The log odds of B at `x` (NaN where both densities vanish alike, e.g. at infinity).
    pub fn at(&self, x: [f64; 2]) -> f64 {
        self.b.at(x) - self.a.at(x)
    }
}

impl ClassFit {
    /// ln(prior × N(x; μ, Σ)) with Σ diagonal or full, as a function of x.
    fn log_joint(&self, kind: Covariance) -> LogJoint {
        let [[a, c], [_, b]] = self.covariance;
        let c = if kind == Covariance::Diagonal { 0.0 } else { c };
        let det = a * b - c * c;
        LogJoint {
            mean: self.mean,
            a,
            b,
            c,
            det,
            constant: self.prior.ln()
                - 0.5 * det.ln()
                - std::f64::consts::LN_2
                - std::f64::consts::PI.ln(),
        }
    }

    /// The density of feature `i` alone, N(xᵢ; μᵢ, σᵢ²) — the same under both assumptions.
    pub fn marginal_density(&self, i: usize, x: f64) -> f64 {
        let (m, v) = match i {
            0 => (self.mean[0], self.covariance[0][0]),
            _ => (self.mean[1], self.covariance[1][1]),
        };
        (-(x - m) * (x - m) / (2.0 * v)).exp() / (std::f64::consts::TAU * v).sqrt()
    }

    /// The correlation of the two features within the class.
    pub fn correlation(&self) -> f64 {
        let [[a, c], [_, b]] = self.covariance;
        c / (a * b).sqrt()
    }
}

/// A fitted two-class Gaussian model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TwoClassGaussian {
    /// Class A's fit.
    pub a: ClassFit,
    /// Class B's fit.
    pub b: ClassFit,
}

/// The mean and (biased) covariance of `points`.
fn moments(points: &[[f64; 2]]) -> ([f64; 2], [[f64; 2]; 2]) {
    let n = points.len().max(1) as f64;
    let mean = [
        points.iter().map(|p| p[0]).sum::<f64>() / n,
        points.iter().map(|p| p[1]).sum::<f64>() / n,
    ];
    let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
    for p in points {
        let d = [p[0] - mean[0], p[1] - mean[1]];
        a += d[0] * d[0];
        b += d[1] * d[1];
        c += d[0] * d[1];
    }
    (mean, [[a / n, c / n], [c / n, b / n]])
}

/// Checks one class's points: at least two, every coordinate finite and within ±1e9.
pub fn validate_class(points: &[[f64; 2]]) -> Result<(), MathError> {
    for (i, p) in points.iter().enumerate() {
        for (coordinate, value) in [("x", p[0]), ("y", p[1])] {
            if !(value.is_finite() && value.abs() <= MAX_COORDINATE) {
                return Err(MathError::BadPoint {
                    index: i + 1,
                    coordinate,
                    value,
                });
            }
        }
    }
    if points.len() < 2 {
        return Err(MathError::TooFewPoints {
            needed: 2,
            got: points.len(),
        });
    }
    Ok(())
}

impl TwoClassGaussian {
    /// Fits both classes; each needs at least two points with finite coordinates within ±1e9.
    /// The error of class B's points comes second (check `points_a` alone to tell them apart).
    pub fn fit(points_a: &[[f64; 2]], points_b: &[[f64; 2]]) -> Result<Self, MathError> {
        validate_class(points_a)?;
        validate_class(points_b)?;
        let all: Vec<[f64; 2]> = points_a.iter().chain(points_b).copied().collect();
        let (_, total) = moments(&all);
        let floor = (1e-9 * total[0][0].max(total[1][1])).max(f64::MIN_POSITIVE.sqrt());
        let n = all.len() as f64;
        let class = |points: &[[f64; 2]]| {
            let (mean, mut cov) = moments(points);
            cov[0][0] += floor;
            cov[1][1] += floor;
            // Keep the full covariance positive definite: |c| < √(σ₁²σ₂²).
            let limit = (cov[0][0] * cov[1][1]).sqrt() * (1.0 - 1e-9);
            let c = cov[0][1].clamp_to(-limit, limit);
            cov[0][1] = c;
            cov[1][0] = c;
            ClassFit {
                prior: points.len() as f64 / n,
                mean,
                covariance: cov,
            }
        };
        Ok(TwoClassGaussian {
            a: class(points_a),
            b: class(points_b),
        })
    }

    /// ln P(B | x) − ln P(A | x) under the given covariance assumption, as a function of x.
    pub fn log_odds_b(&self, kind: Covariance) -> LogOddsB {
        LogOddsB {
            a: self.a.log_joint(kind),
            b: self.b.log_joint(kind),
        }
    }

    /// P(A | x) under the given covariance assumption (P(B | x) = 1 − it).
    pub fn probability_a(&self, x: [f64; 2], kind: Covariance) -> f64 {
        probability_from_log_odds_b(self.log_odds_b(kind).at(x))
    }

    /// The share of `points_a` ∪ `points_b` the classifier labels correctly (P(A | x) > ½ for A).
    pub fn accuracy(&self, points_a: &[[f64; 2]], points_b: &[[f64; 2]], kind: Covariance) -> f64 {
        let right = points_a
            .iter()
            .filter(|p| self.probability_a(**p, kind) > 0.5)
            .count()
            + points_b
                .iter()
                .filter(|p| self.probability_a(**p, kind) <= 0.5)
                .count();
        right as f64 / (points_a.len() + points_b.len()).max(1) as f64
    }
}

/// P(A | x) = 1/(1 + e^d) from the log odds d of B, stable for any d; ½ for NaN.
pub fn probability_from_log_odds_b(d: f64) -> f64 {
    if d.is_nan() {
        0.5
    } else {
        1.0 / (1.0 + d.exp())
    }
}

#[cfg(test)]
#[path = "naive_bayes_tests.rs"]
mod tests;
