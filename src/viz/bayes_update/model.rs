//! The two models of the Bayesian-updating widget, derived from its options: Beta–Bernoulli
//! (counts of successes and failures) and Normal–Normal (observed values, σ known).

use crate::math::bayes::{BetaBernoulli, NormalNormal};
use crate::math::decimal::parse_f64;
use crate::math::distributions::Normal;
use crate::math::rng::SplitMix64;
use crate::math::MathError;
use crate::viz::options::{quote, OptionError, OptionSet};

/// The most observed values the Normal–Normal model keeps.
pub const MAX_DATA: usize = 2000;

/// A [`MathError`] as an option error for the option it names.
pub fn option_error(e: MathError) -> OptionError {
    let option = match &e {
        MathError::OutOfRange { parameter, .. } => parameter.to_string(),
        _ => "data".to_string(),
    };
    OptionError {
        option,
        message: e.to_string(),
    }
}

/// The Beta–Bernoulli model of the options.
pub fn beta_bernoulli(options: &OptionSet) -> Result<BetaBernoulli, OptionError> {
    BetaBernoulli::new(
        options.float("prior-alpha"),
        options.float("prior-beta"),
        options.int("successes") as f64,
        options.int("failures") as f64,
    )
    .map_err(option_error)
}

/// The Normal–Normal model of the options.
pub fn normal_normal(options: &OptionSet) -> Result<NormalNormal, OptionError> {
    NormalNormal::new(
        options.float("prior-mean"),
        options.float("prior-sd"),
        options.float("sigma"),
    )
    .map_err(option_error)
}

/// Parses "x, x, …" (commas, semicolons or spaces between values); the message names the entry.
pub fn parse_data(text: &str) -> Result<Vec<f64>, OptionError> {
    let error = |message: String| OptionError {
        option: "data".to_string(),
        message: format!("data: {message}"),
    };
    let mut values = Vec::new();
    for (i, entry) in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|e| !e.is_empty())
        .enumerate()
    {
        if values.len() == MAX_DATA {
            return Err(error(format!("at most {MAX_DATA} values are accepted")));
        }
        match parse_f64(entry) {
            Some(x) if x.is_finite() && x.abs() <= 1e6 => values.push(x),
            _ => {
                return Err(error(format!(
                    "entry {} {} must be a finite number within ±1e6",
                    i + 1,
                    quote(entry)
                )))
            }
        }
    }
    Ok(values)
}

/// Writes values back as "x, x, …", each the shortest text that reads back exactly.
pub fn format_data(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| crate::math::float_text::plain(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The generator for the observations after the first `done`: seeded by the seed and the count,
/// so the same options give the same next draws.
fn generator(seed: i64, done: usize) -> SplitMix64 {
    SplitMix64::new((seed as u64) ^ (done as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// `n` Bernoulli(`rate`) draws: (successes, failures).
pub fn simulate_bernoulli(rate: f64, n: usize, seed: i64, done: usize) -> (i64, i64) {
    let mut rng = generator(seed, done);
    let successes = (0..n).filter(|_| rng.uniform() < rate).count() as i64;
    (successes, n as i64 - successes)
}

/// `n` draws from N(`mean`, `sigma`²), rounded to 4 significant decimals so the data option
/// stays short.
pub fn simulate_normal(mean: f64, sigma: f64, n: usize, seed: i64, done: usize) -> Vec<f64> {
    let mut rng = generator(seed, done);
    (0..n)
        .map(|_| ((mean + sigma * rng.normal()) * 1e4).round() / 1e4)
        .collect()
}

/// The equal-tailed 95 % interval of N(`mean`, `sd`²).
pub fn normal_interval(mean: f64, sd: f64) -> [f64; 2] {
    match Normal::new(mean, sd) {
        Ok(d) => [
            d.quantile(0.025).unwrap_or(f64::NAN),
            d.quantile(0.975).unwrap_or(f64::NAN),
        ],
        Err(_) => [f64::NAN, f64::NAN],
    }
}
