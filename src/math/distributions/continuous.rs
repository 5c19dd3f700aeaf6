//! The continuous families: normal, Student t, chi-squared, beta, exponential, uniform.

use super::invert::{self, Tails};
use super::{positive, probability, require};
use crate::math::error::MathError;
use crate::math::special::{
    beta_inc_pair, erfc, gamma_p, gamma_q, ln_beta, ln_gamma_prefactor, LN_SQRT_2PI,
};
use crate::math::ClampTo;
use std::f64::consts::SQRT_2;

/// The standard normal quantile Φ⁻¹(p) for p ∈ (0, ½]: Acklam's rational approximation
/// (relative error < 1.2e-9) polished by two Halley steps against Φ computed from erfc.
fn standard_normal_lower_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let mut x = if p < 0.02425 {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    for _ in 0..2 {
        let e = 0.5 * erfc(-x / SQRT_2) - p;
        let u = e * (2.0 * std::f64::consts::PI).sqrt() * (0.5 * x * x).exp();
        let next = x - u / (1.0 + 0.5 * x * u);
        if next.is_finite() {
            x = next;
        }
    }
    x
}

/// The standard normal quantile Φ⁻¹(p) for p ∈ (0, 1), symmetric so both tails are accurate.
fn standard_normal_quantile(p: f64) -> f64 {
    if p <= 0.5 {
        standard_normal_lower_quantile(p)
    } else {
        -standard_normal_lower_quantile(1.0 - p)
    }
}

/// The normal distribution N(μ, σ²): density exp(−(x − μ)²/2σ²)/(σ√(2π)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Normal {
    mu: f64,
    sigma: f64,
}

impl Normal {
    /// The standard normal N(0, 1).
    pub const STANDARD: Normal = Normal {
        mu: 0.0,
        sigma: 1.0,
    };

    /// N(`mu`, `sigma`²); `mu` finite, `sigma` finite and > 0.
    pub fn new(mu: f64, sigma: f64) -> Result<Self, MathError> {
        let mu = require("mu", mu, mu.is_finite(), "finite")?;
        let sigma = positive("sigma", sigma)?;
        Ok(Normal { mu, sigma })
    }

    /// The density at `x`.
    pub fn pdf(&self, x: f64) -> f64 {
        let z = (x - self.mu) / self.sigma;
        (-0.5 * z * z - LN_SQRT_2PI).exp() / self.sigma
    }

    /// P(X ≤ x) = ½·erfc(−z/√2), z = (x − μ)/σ.
    pub fn cdf(&self, x: f64) -> f64 {
        0.5 * erfc(-(x - self.mu) / self.sigma / SQRT_2)
    }

    /// P(X > x) = ½·erfc(z/√2), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        0.5 * erfc((x - self.mu) / self.sigma / SQRT_2)
    }

    /// The x with P(X ≤ x) = `p`; ±∞ at 0 and 1.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(match p {
            0.0 => f64::NEG_INFINITY,
            1.0 => f64::INFINITY,
            _ => self.mu + self.sigma * standard_normal_quantile(p),
        })
    }

    /// μ.
    pub fn mean(&self) -> f64 {
        self.mu
    }

    /// σ².
    pub fn variance(&self) -> f64 {
        self.sigma * self.sigma
    }
}

/// Student's t distribution with ν = `df` degrees of freedom: density
/// (1 + t²/ν)^(−(ν+1)/2) / (√ν·B(ν/2, ½)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StudentT {
    df: f64,
    /// ln of the density's constant, −½·ln ν − ln B(ν/2, ½): computed once, since widgets
    /// draw the density at hundreds of points a frame.
    ln_norm: f64,
}

impl StudentT {
    /// t with `df` degrees of freedom, finite and > 0.
    pub fn new(df: f64) -> Result<Self, MathError> {
        let df = positive("df", df)?;
        Ok(StudentT {
            df,
            ln_norm: -0.5 * df.ln() - ln_beta(0.5 * df, 0.5),
        })
    }

    /// (x, 1 − x) with x = ν/(ν + t²), without overflow for huge |t|.
    fn beta_arguments(&self, t: f64) -> (f64, f64) {
        let r = t / self.df.sqrt();
        if r.abs() > 1.0 {
            let s = 1.0 / r;
            (s * s / (1.0 + s * s), 1.0 / (1.0 + s * s))
        } else {
            (1.0 / (1.0 + r * r), r * r / (1.0 + r * r))
        }
    }

    /// (P(T ≤ t), P(T > t)) from I_x(ν/2, ½) = P(|T| > |t|).
    fn tails(&self, t: f64) -> (f64, f64) {
        if t.is_nan() {
            return (f64::NAN, f64::NAN);
        }
        let (x, y) = self.beta_arguments(t);
        let (two_tail, central) = beta_inc_pair(0.5 * self.df, 0.5, x, y);
        let (small, large) = (0.5 * two_tail, 0.5 + 0.5 * central);
        if t < 0.0 {
            (small, large)
        } else {
            (large, small)
        }
    }

    /// The density at `t`.
    pub fn pdf(&self, t: f64) -> f64 {
        let r = t / self.df.sqrt();
        let ln_kernel = if r.abs() > 1e150 {
            2.0 * r.abs().ln()
        } else {
            (r * r).ln_1p()
        };
        (-0.5 * (self.df + 1.0) * ln_kernel + self.ln_norm).exp()
    }

    /// P(T ≤ t).
    pub fn cdf(&self, t: f64) -> f64 {
        self.tails(t).0
    }

    /// P(T > t), computed directly.
    pub fn sf(&self, t: f64) -> f64 {
        self.tails(t).1
    }

    /// The t with P(T ≤ t) = `p`; ±∞ at 0 and 1.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(invert::continuous(
            p,
            (f64::NEG_INFINITY, f64::INFINITY),
            self.quantile_guess(p),
            &Tails {
                cdf: |t| self.cdf(t),
                sf: |t| self.sf(t),
                pdf: |t| self.pdf(t),
            },
        ))
    }

    /// Where the quantile's Newton steps start: exact for ν = 1 (Cauchy) and ν = 2; for ν ≥ 3
    /// the Cornish–Fisher expansion about the normal quantile z (Abramowitz & Stegun 26.7.5),
    /// within 0.3 % of the quantile for |z| ≤ 3 and ν ≥ 5 (0.01 % for ν ≥ 10), which saves
    /// Newton steps; z itself where the expansion's terms would grow (small ν, far tails).
    fn quantile_guess(&self, p: f64) -> f64 {
        let nu = self.df;
        if nu == 1.0 {
            return crate::math::trig::tan(std::f64::consts::PI * (p - 0.5));
        }
        if nu == 2.0 {
            return (2.0 * p - 1.0) / (2.0 * p * (1.0 - p)).sqrt();
        }
        let z = standard_normal_quantile(p.clamp_to(1e-300, 1.0 - 1e-16));
        if nu < 3.0 || z.abs() > nu.sqrt() + 2.0 {
            return z;
        }
        let z2 = z * z;
        let g1 = z * (z2 + 1.0) / 4.0;
        let g2 = z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0;
        let g3 = z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0;
        let g4 = z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0;
        z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    }

    /// 0 for ν > 1, NaN (undefined) otherwise.
    pub fn mean(&self) -> f64 {
        if self.df > 1.0 {
            0.0
        } else {
            f64::NAN
        }
    }

    /// ν/(ν − 2) for ν > 2, +∞ for 1 < ν ≤ 2, NaN (undefined) for ν ≤ 1.
    pub fn variance(&self) -> f64 {
        if self.df > 2.0 {
            self.df / (self.df - 2.0)
        } else if self.df > 1.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    }
}

/// The density of a gamma distribution with shape `a` and scale 1 at x ≥ 0.
fn gamma_pdf(a: f64, x: f64) -> f64 {
    if x < 0.0 {
        0.0
    } else if x == 0.0 {
        match a {
            a if a < 1.0 => f64::INFINITY,
            1.0 => 1.0,
            _ => 0.0,
        }
    } else {
        ln_gamma_prefactor(a, x).exp() / x
    }
}

/// The chi-squared distribution with k = `df` degrees of freedom, a gamma with shape k/2 and
/// scale 2: cdf(x) = P(k/2, x/2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChiSquared {
    df: f64,
}

impl ChiSquared {
    /// χ² with `df` degrees of freedom, finite and > 0.
    pub fn new(df: f64) -> Result<Self, MathError> {
        Ok(ChiSquared {
            df: positive("df", df)?,
        })
    }

    /// The density at `x` (0 below 0).
    pub fn pdf(&self, x: f64) -> f64 {
        0.5 * gamma_pdf(0.5 * self.df, 0.5 * x)
    }

    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        if x <= 0.0 {
            0.0
        } else {
            gamma_p(0.5 * self.df, 0.5 * x)
        }
    }

    /// P(X > x) = Q(k/2, x/2), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        if x <= 0.0 {
            1.0
        } else {
            gamma_q(0.5 * self.df, 0.5 * x)
        }
    }

    /// The x with P(X ≤ x) = `p`; 0 at 0 and +∞ at 1.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(invert::continuous(
            p,
            (0.0, f64::INFINITY),
            self.df,
            &Tails {
                cdf: |x| self.cdf(x),
                sf: |x| self.sf(x),
                pdf: |x| self.pdf(x),
            },
        ))
    }

    /// k.
    pub fn mean(&self) -> f64 {
        self.df
    }

    /// 2k.
    pub fn variance(&self) -> f64 {
        2.0 * self.df
    }
}

/// The beta distribution on [0, 1]: density x^(α−1)·(1 − x)^(β−1) / B(α, β).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beta {
    alpha: f64,
    beta: f64,
}

impl Beta {
    /// Beta(`alpha`, `beta`), both finite and > 0.
    pub fn new(alpha: f64, beta: f64) -> Result<Self, MathError> {
        Ok(Beta {
            alpha: positive("alpha", alpha)?,
            beta: positive("beta", beta)?,
        })
    }

    /// α.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// β.
    pub fn beta(&self) -> f64 {
        self.beta
    }

    /// The density at `x` (0 outside [0, 1]; +∞ at an end whose exponent is negative).
    pub fn pdf(&self, x: f64) -> f64 {
        if !(0.0..=1.0).contains(&x) {
            return 0.0;
        }
        let (a, b) = (self.alpha, self.beta);
        let edge = |exponent: f64, other: f64| match exponent {
            e if e < 1.0 => f64::INFINITY,
            1.0 => (-ln_beta(1.0, other)).exp(),
            _ => 0.0,
        };
        if x == 0.0 {
            return edge(a, b);
        }
        if x == 1.0 {
            return edge(b, a);
        }
        ((a - 1.0) * x.ln() + (b - 1.0) * (-x).ln_1p() - ln_beta(a, b)).exp()
    }

    /// P(X ≤ x) = I_x(α, β).
    pub fn cdf(&self, x: f64) -> f64 {
        self.tails(x).0
    }

    /// P(X > x) = I_{1−x}(β, α), computed directly.
    pub fn sf(&self, x: f64) -> f64 {
        self.tails(x).1
    }

    fn tails(&self, x: f64) -> (f64, f64) {
        if x.is_nan() {
            (f64::NAN, f64::NAN)
        } else if x <= 0.0 {
            (0.0, 1.0)
        } else if x >= 1.0 {
            (1.0, 0.0)
        } else {
            beta_inc_pair(self.alpha, self.beta, x, 1.0 - x)
        }
    }

    /// The x with P(X ≤ x) = `p`.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(invert::continuous(
            p,
            (0.0, 1.0),
            self.mean(),
            &Tails {
                cdf: |x| self.cdf(x),
                sf: |x| self.sf(x),
                pdf: |x| self.pdf(x),
            },
        ))
    }

    /// α/(α + β).
    pub fn mean(&self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }

    /// αβ / ((α + β)²(α + β + 1)).
    pub fn variance(&self) -> f64 {
        let s = self.alpha + self.beta;
        self.alpha / s * (self.beta / s) / (s + 1.0)
    }

    /// The mode (α − 1)/(α + β − 2) when α, β > 1, where the density has one interior peak;
    /// `None` otherwise.
    pub fn mode(&self) -> Option<f64> {
        (self.alpha > 1.0 && self.beta > 1.0)
            .then(|| (self.alpha - 1.0) / (self.alpha + self.beta - 2.0))
    }
}

/// The exponential distribution with rate λ = `lambda`: density λ·e^(−λx) for x ≥ 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Exponential {
    lambda: f64,
}

impl Exponential {
    /// Exponential with rate `lambda`, finite and > 0.
    pub fn new(lambda: f64) -> Result<Self, MathError> {
        Ok(Exponential {
            lambda: positive("lambda", lambda)?,
        })
    }

    /// The density at `x`.
    pub fn pdf(&self, x: f64) -> f64 {
        if x < 0.0 {
            0.0
        } else {
            self.lambda * (-self.lambda * x).exp()
        }
    }

    /// P(X ≤ x) = 1 − e^(−λx), by expm1.
    pub fn cdf(&self, x: f64) -> f64 {
        if x <= 0.0 {
            0.0
        } else {
            -(-self.lambda * x).exp_m1()
        }
    }

    /// P(X > x) = e^(−λx).
    pub fn sf(&self, x: f64) -> f64 {
        if x <= 0.0 {
            1.0
        } else {
            (-self.lambda * x).exp()
        }
    }

    /// −ln(1 − p)/λ.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(-(-p).ln_1p() / self.lambda)
    }

    /// 1/λ.
    pub fn mean(&self) -> f64 {
        1.0 / self.lambda
    }

    /// 1/λ².
    pub fn variance(&self) -> f64 {
        1.0 / (self.lambda * self.lambda)
    }
}

/// The continuous uniform distribution on [`low`, `high`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Uniform {
    low: f64,
    high: f64,
}

impl Uniform {
    /// Uniform on [`low`, `high`]: both within ±1e300 and `high` > `low`.
    pub fn new(low: f64, high: f64) -> Result<Self, MathError> {
        let within = |v: f64| v.is_finite() && v.abs() <= 1e300;
        let low = require("low", low, within(low), "finite and within ±1e300")?;
        let high = require(
            "high",
            high,
            within(high) && high > low,
            "finite, within ±1e300 and > low",
        )?;
        Ok(Uniform { low, high })
    }

    /// 1/(high − low) on the interval, 0 outside.
    pub fn pdf(&self, x: f64) -> f64 {
        if (self.low..=self.high).contains(&x) {
            1.0 / (self.high - self.low)
        } else {
            0.0
        }
    }

    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        ((x - self.low) / (self.high - self.low)).clamp_to(0.0, 1.0)
    }

    /// P(X > x), computed from the upper end.
    pub fn sf(&self, x: f64) -> f64 {
        ((self.high - x) / (self.high - self.low)).clamp_to(0.0, 1.0)
    }

    /// low + p·(high − low).
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        let p = probability(p)?;
        Ok(self.low + p * (self.high - self.low))
    }

    /// (low + high)/2.
    pub fn mean(&self) -> f64 {
        0.5 * self.low + 0.5 * self.high
    }

    /// (high − low)²/12.
    pub fn variance(&self) -> f64 {
        (self.high - self.low).powi(2) / 12.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_t_quantile_starts_close_to_where_it_ends() {
        for (df, p) in [(1.0, 0.975), (1.0, 1e-4), (2.0, 0.025), (2.0, 0.9)] {
            let t = StudentT::new(df).unwrap();
            let (guess, q) = (t.quantile_guess(p), t.quantile(p).unwrap());
            assert!(
                (guess - q).abs() <= 1e-12 * q.abs(),
                "ν {df}, p {p}: {guess} vs {q}"
            );
        }
        for df in [5.0, 7.3, 10.0, 30.0, 100.0] {
            let t = StudentT::new(df).unwrap();
            for p in [0.0014, 0.01, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.975, 0.9986] {
                let (guess, q) = (t.quantile_guess(p), t.quantile(p).unwrap());
                let within = if df >= 10.0 { 1e-4 } else { 3e-3 };
                assert!(
                    (guess - q).abs() <= within * q.abs(),
                    "ν {df}, p {p}: {guess} vs {q}"
                );
                // And the quantile is the one a start at z reaches, to the accuracy of the CDF
                // it inverts (the two differ by up to 1.2e-14 here).
                let from_z = invert::continuous(
                    p,
                    (f64::NEG_INFINITY, f64::INFINITY),
                    standard_normal_quantile(p),
                    &Tails {
                        cdf: |x| t.cdf(x),
                        sf: |x| t.sf(x),
                        pdf: |x| t.pdf(x),
                    },
                );
                assert!(
                    (from_z - q).abs() <= 1e-13 * q.abs(),
                    "ν {df}, p {p}: {from_z} vs {q}"
                );
            }
        }
    }
}
