//! What the distribution widget shows, derived from its options: the distribution, the plotted
//! ranges (from the distribution only, never from a and b), and the seeded samples.

use crate::math::distributions::{
    Bernoulli, Beta, Binomial, ChiSquared, Distribution, Exponential, Geometric, Normal, Poisson,
    StudentT, Uniform,
};
use crate::math::rng::SplitMix64;
use crate::math::MathError;
use crate::viz::geometry::Span;
use crate::viz::options::{OptionError, OptionSet};

/// The parameters each family reads, by option name.
pub fn parameters(family: &str) -> &'static [&'static str] {
    match family {
        "bernoulli" | "geometric" => &["p"],
        "binomial" => &["n", "p"],
        "poisson" | "exponential" => &["lambda"],
        "uniform" => &["low", "high"],
        "normal" => &["mu", "sigma"],
        "student-t" | "chi-squared" => &["df"],
        "beta" => &["alpha", "beta"],
        _ => &[],
    }
}

/// The distribution the options describe; an invalid combination names the option.
pub fn distribution(options: &OptionSet) -> Result<Distribution, OptionError> {
    let f = |name: &str| options.float(name);
    let made: Result<Distribution, MathError> = match options.choice("family") {
        "bernoulli" => Bernoulli::new(f("p")).map(Into::into),
        "binomial" => Binomial::new(f("n"), f("p")).map(Into::into),
        "poisson" => Poisson::new(f("lambda")).map(Into::into),
        "geometric" => Geometric::new(f("p")).map(Into::into),
        "uniform" => Uniform::new(f("low"), f("high")).map(Into::into),
        "exponential" => Exponential::new(f("lambda")).map(Into::into),
        "student-t" => StudentT::new(f("df")).map(Into::into),
        "chi-squared" => ChiSquared::new(f("df")).map(Into::into),
        "beta" => Beta::new(f("alpha"), f("beta")).map(Into::into),
        _ => Normal::new(f("mu"), f("sigma")).map(Into::into),
    };
    made.map_err(|e| {
        let option = match &e {
            MathError::OutOfRange { parameter, .. } => parameter.to_string(),
            _ => "family".to_string(),
        };
        OptionError {
            option,
            message: format!("{}: {e}", options.choice("family")),
        }
    })
}

/// The family with its parameters in words: "Normal(μ = 0, σ = 1)".
pub fn family_formula(options: &OptionSet) -> String {
    let v = |name: &str| crate::viz::format::sig(options.float(name), 4);
    match options.choice("family") {
        "bernoulli" => format!("Bernoulli(p = {})", v("p")),
        "binomial" => format!("Binomial(n = {}, p = {})", v("n"), v("p")),
        "poisson" => format!("Poisson(λ = {})", v("lambda")),
        "geometric" => format!("Geometric(p = {})", v("p")),
        "uniform" => format!("Uniform({}, {})", v("low"), v("high")),
        "exponential" => format!("Exponential(λ = {})", v("lambda")),
        "student-t" => format!("Student t(df = {})", v("df")),
        "chi-squared" => format!("χ²(df = {})", v("df")),
        "beta" => format!("Beta(α = {}, β = {})", v("alpha"), v("beta")),
        _ => format!("Normal(μ = {}, σ = {})", v("mu"), v("sigma")),
    }
}

/// The x range to plot: the central 99 % (99.9 % for light tails), padded, with the support's
/// finite ends included; whole numbers ± ½ for a discrete family.
pub fn x_range(d: &Distribution) -> Span {
    let q = |p: f64| d.quantile(p).unwrap_or(f64::NAN);
    if d.is_discrete() {
        let (lo, hi) = (q(0.0005), q(0.9995));
        let lo = if lo.is_finite() { lo } else { 0.0 };
        let hi = if hi.is_finite() {
            hi.max(lo + 1.0)
        } else {
            lo + 10.0
        };
        return Span::new(lo - 0.5, hi + 0.5);
    }
    let (lo, hi) = (q(0.005), q(0.995));
    let width = (hi - lo).max(1e-9);
    let mut span = Span::new(lo - 0.15 * width, hi + 0.15 * width);
    // A support end close by is shown exactly (0 for χ², 0 and 1 for beta, the uniform's ends).
    for (end, inside) in [(q(0.0), true), (q(1.0), false)] {
        if end.is_finite() && (end - if inside { span.lo } else { span.hi }).abs() <= 0.3 * width {
            if inside {
                span.lo = end - 0.05 * width;
            } else {
                span.hi = end + 0.05 * width;
            }
        }
    }
    Span::new(span.lo, span.hi)
}

/// `count` draws from `d` with the generator seeded by `seed`.
pub fn samples(d: &Distribution, count: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    (0..count).map(|_| d.sample(&mut rng)).collect()
}

/// The sample mean and unbiased variance; `None` for fewer than two values.
pub fn sample_moments(xs: &[f64]) -> Option<(f64, f64)> {
    if xs.len() < 2 {
        return None;
    }
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    Some((mean, var))
}
