//! Hypothesis tests about means — one-sample z (σ known), one-sample t, two-sample Welch t —
//! with the p-value from survival functions, the α rejection region, approximate power, the
//! Bayesian posterior of the mean for comparison, and seeded simulations of many experiments.
//!
//! Statistics: z = (x̄ − μ₀)/(σ/√n); t = (x̄ − μ₀)/(s/√n) with n − 1 degrees of freedom; Welch
//! t = (x̄_A − x̄_B)/√(s_A²/n_A + s_B²/n_B) with the Welch–Satterthwaite degrees of freedom
//! (s_A²/n_A + s_B²/n_B)² / ((s_A²/n_A)²/(n_A − 1) + (s_B²/n_B)²/(n_B − 1)), testing equal means
//! (as `scipy.stats.ttest_ind(a, b, equal_var=False)`).
//!
//! p-values: greater = P(T > t) = sf(t); less = P(T ≤ t) = cdf(t); two-sided = 2·sf(|t|), each
//! computed directly from the tail, so a p of 1e-30 is 1e-30 and not 0.

use super::distributions::{Normal, StudentT};
use super::error::{MathError, MAX_COORDINATE};
use super::rng::SplitMix64;

/// Which test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// One-sample z test, σ known.
    Z,
    /// One-sample t test.
    T,
    /// Two-sample Welch t test (unequal variances).
    Welch,
}

/// The alternative hypothesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alternative {
    /// μ ≠ μ₀.
    TwoSided,
    /// μ < μ₀.
    Less,
    /// μ > μ₀.
    Greater,
}

/// A sample's summary: mean, standard deviation (÷ n − 1) and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// The mean x̄.
    pub mean: f64,
    /// The standard deviation s (for the z test: the known σ).
    pub sd: f64,
    /// The size n.
    pub n: usize,
}

impl Sample {
    /// A summary from its three numbers: `mean` finite within ±1e9, `sd` finite and ≥ 0.
    pub fn new(mean: f64, sd: f64, n: usize) -> Result<Sample, MathError> {
        if !(mean.is_finite() && mean.abs() <= MAX_COORDINATE) {
            return Err(MathError::OutOfRange {
                parameter: "mean",
                value: mean,
                expected: "finite and within ±1e9",
            });
        }
        if !(sd.is_finite() && sd >= 0.0) {
            return Err(MathError::OutOfRange {
                parameter: "sd",
                value: sd,
                expected: "finite and ≥ 0",
            });
        }
        Ok(Sample { mean, sd, n })
    }

    /// The summary of `values` (sample SD with n − 1; 0 for one value).
    pub fn from_values(values: &[f64]) -> Result<Sample, MathError> {
        let s = super::descriptive::Summary::new(values)?;
        Sample::new(s.mean, s.sample_std().unwrap_or(0.0), s.n)
    }
}

/// A test statistic's distribution under H₀: standard normal (z) or Student t (t, Welch).
/// Only these two families, so nothing else is linked into the wasm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Null {
    /// N(0, 1).
    Normal(Normal),
    /// Student t.
    StudentT(StudentT),
}

impl Null {
    /// P(X ≤ x).
    pub fn cdf(&self, x: f64) -> f64 {
        match self {
            Null::Normal(d) => d.cdf(x),
            Null::StudentT(d) => d.cdf(x),
        }
    }

    /// P(X > x), from the upper tail directly.
    pub fn sf(&self, x: f64) -> f64 {
        match self {
            Null::Normal(d) => d.sf(x),
            Null::StudentT(d) => d.sf(x),
        }
    }

    /// The density at x.
    pub fn density(&self, x: f64) -> f64 {
        match self {
            Null::Normal(d) => d.pdf(x),
            Null::StudentT(d) => d.pdf(x),
        }
    }

    /// The x with P(X ≤ x) = p.
    pub fn quantile(&self, p: f64) -> Result<f64, MathError> {
        match self {
            Null::Normal(d) => d.quantile(p),
            Null::StudentT(d) => d.quantile(p),
        }
    }
}

/// A test's result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The test statistic z or t.
    pub statistic: f64,
    /// Degrees of freedom (None for z).
    pub df: Option<f64>,
    /// The p-value for the alternative.
    pub p_value: f64,
    /// The estimate tested: x̄ − μ₀, or x̄_A − x̄_B.
    pub estimate: f64,
    /// Its standard error.
    pub standard_error: f64,
    /// The statistic's distribution under H₀.
    pub null: Null,
}

fn need_n(needed: usize, got: usize) -> Result<(), MathError> {
    if got < needed {
        return Err(MathError::TooFewPoints { needed, got });
    }
    Ok(())
}

fn need_spread(parameter: &'static str, sd: f64) -> Result<(), MathError> {
    if sd > 0.0 {
        Ok(())
    } else {
        Err(MathError::OutOfRange {
            parameter,
            value: sd,
            expected: "> 0 (the values must not all be equal)",
        })
    }
}

/// Runs `test` of H₀: μ = `mu0` (one sample) or μ_A = μ_B (Welch) against `alternative`.
pub fn run(
    test: Test,
    a: &Sample,
    b: Option<&Sample>,
    mu0: f64,
    alternative: Alternative,
) -> Result<Outcome, MathError> {
    let (estimate, se, df) = match test {
        Test::Z | Test::T => {
            if !mu0.is_finite() {
                return Err(MathError::OutOfRange {
                    parameter: "mu0",
                    value: mu0,
                    expected: "finite",
                });
            }
            let needed = if test == Test::Z { 1 } else { 2 };
            need_n(needed, a.n)?;
            need_spread(if test == Test::Z { "σ" } else { "sample SD" }, a.sd)?;
            let se = a.sd / (a.n as f64).sqrt();
            let df = (test == Test::T).then(|| (a.n - 1) as f64);
            (a.mean - mu0, se, df)
        }
        Test::Welch => {
            let b = b.ok_or(MathError::TooFewPoints { needed: 2, got: 0 })?;
            need_n(2, a.n)?;
            need_n(2, b.n)?;
            let (va, vb) = (a.sd * a.sd / a.n as f64, b.sd * b.sd / b.n as f64);
            need_spread("pooled SD", (va + vb).sqrt())?;
            let df = (va + vb).powi(2) / (va * va / (a.n - 1) as f64 + vb * vb / (b.n - 1) as f64);
            (a.mean - b.mean, (va + vb).sqrt(), Some(df))
        }
    };
    let statistic = estimate / se;
    let null = null_distribution(df)?;
    Ok(Outcome {
        statistic,
        df,
        p_value: p_value(&null, statistic, alternative),
        estimate,
        standard_error: se,
        null,
    })
}

/// N(0, 1) for None, Student t with `df` otherwise.
pub fn null_distribution(df: Option<f64>) -> Result<Null, MathError> {
    Ok(match df {
        None => Null::Normal(Normal::new(0.0, 1.0)?),
        Some(df) => Null::StudentT(StudentT::new(df)?),
    })
}

/// The p-value of `statistic` under the symmetric `null` for `alternative`, from the tails.
pub fn p_value(null: &Null, statistic: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::Greater => null.sf(statistic),
        Alternative::Less => null.cdf(statistic),
        Alternative::TwoSided => (2.0 * null.sf(statistic.abs())).min(1.0),
    }
}

/// The rejection region at level `alpha` as (lo, hi): reject when the statistic is below lo
/// or above hi (±∞ for an open side).
pub fn rejection_bounds(
    null: &Null,
    alpha: f64,
    alternative: Alternative,
) -> Result<(f64, f64), MathError> {
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(MathError::OutOfRange {
            parameter: "alpha",
            value: alpha,
            expected: "within (0, 1)",
        });
    }
    Ok(match alternative {
        Alternative::TwoSided => {
            // Both nulls are symmetric about 0: one quantile gives both bounds.
            let lo = null.quantile(alpha / 2.0)?;
            (lo, -lo)
        }
        Alternative::Less => (null.quantile(alpha)?, f64::INFINITY),
        Alternative::Greater => (f64::NEG_INFINITY, -null.quantile(alpha)?),
    })
}

/// The probability that the statistic, distributed as `null` shifted by `shift`, lands in the
/// rejection region (lo, hi): α for shift 0, the power otherwise.
pub fn rejection_probability(null: &Null, bounds: (f64, f64), shift: f64) -> f64 {
    let (lo, hi) = bounds;
    let below = if lo.is_finite() {
        null.cdf(lo - shift)
    } else {
        0.0
    };
    let above = if hi.is_finite() {
        null.sf(hi - shift)
    } else {
        0.0
    };
    (below + above).min(1.0)
}

/// How far the statistic's distribution moves for a true standardised effect `d` (Cohen's d:
/// the true difference in units of σ, for Welch of √((σ_A² + σ_B²)/2)): δ = d·σ/SE.
/// With known σ (z) the shifted null is exact; for t it is the usual normal-theory
/// approximation to the noncentral t.
pub fn shift_for_effect(test: Test, a: &Sample, b: Option<&Sample>, d: f64) -> f64 {
    match (test, b) {
        (Test::Welch, Some(b)) => {
            let sigma = ((a.sd * a.sd + b.sd * b.sd) / 2.0).sqrt();
            let se = (a.sd * a.sd / a.n as f64 + b.sd * b.sd / b.n as f64).sqrt();
            if se > 0.0 {
                d * sigma / se
            } else {
                0.0
            }
        }
        _ => d * (a.n as f64).sqrt(),
    }
}

/// Approximate power against effect `d` at level `alpha` for samples of size `n` (each group
/// for Welch, both with the current SDs).
pub fn power_at_n(
    test: Test,
    a: &Sample,
    b: Option<&Sample>,
    n: usize,
    d: f64,
    alpha: f64,
    alternative: Alternative,
) -> Result<f64, MathError> {
    let a = Sample { n, ..*a };
    let b = b.map(|b| Sample { n, ..*b });
    let df = match test {
        Test::Z => None,
        Test::T => Some(n.saturating_sub(1).max(1) as f64),
        Test::Welch => {
            let bb = b.unwrap_or(a);
            let (va, vb) = (a.sd * a.sd / n as f64, bb.sd * bb.sd / n as f64);
            let nm1 = n.saturating_sub(1).max(1) as f64;
            let df = (va + vb).powi(2) / ((va * va + vb * vb) / nm1);
            Some(if df.is_finite() { df } else { nm1 })
        }
    };
    let null = null_distribution(df)?;
    let bounds = rejection_bounds(&null, alpha, alternative)?;
    Ok(rejection_probability(
        &null,
        bounds,
        shift_for_effect(test, &a, b.as_ref(), d),
    ))
}

/// The posterior of the mean (or of μ_A − μ_B for Welch): centre + scale·X, with X standard
/// normal or Student t.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posterior {
    /// Its centre.
    pub centre: f64,
    /// Its scale.
    pub scale: f64,
    /// The standardised family.
    pub family: Null,
}

impl Posterior {
    /// P(parameter ≤ x | data).
    pub fn cdf(&self, x: f64) -> f64 {
        self.family.cdf((x - self.centre) / self.scale)
    }

    /// P(parameter > x | data), from the upper tail.
    pub fn sf(&self, x: f64) -> f64 {
        self.family.sf((x - self.centre) / self.scale)
    }

    /// The density at x.
    pub fn pdf(&self, x: f64) -> f64 {
        self.family.density((x - self.centre) / self.scale) / self.scale
    }
}

/// The posterior of the tested parameter given the outcome. With a flat prior: for z,
/// N(x̄, σ/√n); for t (flat in μ and log σ), x̄ + (s/√n)·t₍ₙ₋₁₎; for Welch, the Welch
/// approximation d̂ + SE·t₍df₎. With a normal prior N(m, τ²), the conjugate update with the
/// standard error treated as known: precision 1/τ² + 1/SE², mean (m/τ² + x̂/SE²)/precision.
pub fn posterior(
    outcome: &Outcome,
    centre: f64,
    prior: Option<(f64, f64)>,
) -> Result<Posterior, MathError> {
    let se = outcome.standard_error;
    match prior {
        None => Ok(Posterior {
            centre,
            scale: se,
            family: outcome.null,
        }),
        Some((m, tau)) => {
            if !(tau.is_finite() && tau > 0.0) {
                return Err(MathError::OutOfRange {
                    parameter: "prior sd",
                    value: tau,
                    expected: "finite and > 0",
                });
            }
            let precision = 1.0 / (tau * tau) + 1.0 / (se * se);
            Ok(Posterior {
                centre: (m / (tau * tau) + centre / (se * se)) / precision,
                scale: precision.sqrt().recip(),
                family: null_distribution(None)?,
            })
        }
    }
}

/// p-values of `experiments` simulated experiments with normal data whose true mean is
/// `mu0 + d·σ` (one sample; σ = `a.sd`) or whose groups differ by d·√((σ_A² + σ_B²)/2)
/// (Welch), tested like the real data. Seeded: the same seed gives the same p-values.
#[allow(clippy::too_many_arguments)]
pub fn simulate(
    test: Test,
    alternative: Alternative,
    a: &Sample,
    b: Option<&Sample>,
    mu0: f64,
    d: f64,
    experiments: usize,
    seed: u64,
) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    let draw = |n: usize, mean: f64, sd: f64, rng: &mut SplitMix64| -> Sample {
        let values: Vec<f64> = (0..n).map(|_| mean + sd * rng.normal()).collect();
        let m = values.iter().sum::<f64>() / n as f64;
        let ss: f64 = values.iter().map(|x| (x - m) * (x - m)).sum();
        Sample {
            mean: m,
            sd: if n > 1 {
                (ss / (n - 1) as f64).sqrt()
            } else {
                0.0
            },
            n,
        }
    };
    let mut out = Vec::with_capacity(experiments);
    for _ in 0..experiments {
        let outcome = match (test, b) {
            (Test::Welch, Some(b)) => {
                let sigma = ((a.sd * a.sd + b.sd * b.sd) / 2.0).sqrt();
                let sa = draw(a.n, d * sigma, a.sd, &mut rng);
                let sb = draw(b.n, 0.0, b.sd, &mut rng);
                run(test, &sa, Some(&sb), 0.0, alternative)
            }
            _ => {
                let mut s = draw(a.n, mu0 + d * a.sd, a.sd, &mut rng);
                if test == Test::Z {
                    s.sd = a.sd;
                }
                run(test, &s, None, mu0, alternative)
            }
        };
        if let Ok(o) = outcome {
            out.push(o.p_value);
        }
    }
    out
}

#[cfg(test)]
mod tests;
