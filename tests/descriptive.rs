//! Descriptive statistics: the identities every data set satisfies, over random data.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::descriptive::{Histogram, Summary};
use mathsight::viz::descriptive_stats::{format_values, parse_values};
use proptest::prelude::*;

/// 1–200 values of moderate size.
fn data() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-1e4..1e4f64, 1..200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Shifting every value by a constant moves the centre by it and leaves the spread alone.
    #[test]
    fn shifting_keeps_the_variance(values in data(), shift in -1e5..1e5f64) {
        let a = Summary::new(&values).unwrap();
        let shifted: Vec<f64> = values.iter().map(|x| x + shift).collect();
        let b = Summary::new(&shifted).unwrap();
        let scale = 1.0 + a.population_variance + shift.abs() * 1e-6;
        prop_assert!((a.population_variance - b.population_variance).abs() <= 1e-9 * scale * (1.0 + shift.abs()),
            "variance {} vs {}", a.population_variance, b.population_variance);
        prop_assert!((b.mean - a.mean - shift).abs() <= 1e-9 * (1.0 + shift.abs() + a.mean.abs()));
        prop_assert!((b.median - a.median - shift).abs() <= 1e-9 * (1.0 + shift.abs() + a.median.abs()));
        prop_assert!(((b.iqr() - a.iqr()).abs()) <= 1e-9 * (1.0 + shift.abs()));
    }

    /// min ≤ Q1 ≤ median ≤ Q3 ≤ max, the mean lies within the data, s² = σ²·n/(n − 1).
    #[test]
    fn order_and_the_two_variances(values in data()) {
        let s = Summary::new(&values).unwrap();
        prop_assert!(s.min() <= s.q1 && s.q1 <= s.median && s.median <= s.q3 && s.q3 <= s.max());
        prop_assert!(s.min() <= s.mean + 1e-9 && s.mean <= s.max() + 1e-9);
        if let Some(v) = s.sample_variance {
            let n = s.n as f64;
            prop_assert!((v - s.population_variance * n / (n - 1.0)).abs() <= 1e-12 * (1.0 + v));
        } else {
            prop_assert_eq!(s.n, 1);
        }
        let [w0, w1] = s.whiskers();
        prop_assert!(s.min() <= w0 && w0 <= s.q1 + 1e-9 && s.q3 - 1e-9 <= w1 && w1 <= s.max());
    }

    /// Every value is counted in exactly one bin, whatever the bin width.
    #[test]
    fn histogram_counts_every_value(values in data(), width in 1e-3..1e4f64) {
        let s = Summary::new(&values).unwrap();
        let h = Histogram::new(&s.sorted, width);
        prop_assert_eq!(h.counts.iter().sum::<usize>(), values.len());
        prop_assert!(h.start <= s.min() && h.edges(h.counts.len() - 1)[1] >= s.max());
    }

    /// The data text round-trips exactly, and the parser never panics on any text.
    #[test]
    fn data_text_round_trips(values in data(), junk in ".{0,200}") {
        prop_assert_eq!(parse_values(&format_values(&values)).unwrap(), values);
        let _ = parse_values(&junk);
    }
}
