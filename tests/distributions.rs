//! The defining identities of every distribution family, over random parameters: CDFs are
//! monotone within [0, 1] with cdf + sf = 1, mass functions sum to 1, densities integrate to
//! the CDF's increase (and to ≈ 1), quantiles invert the CDF.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::distributions::{
    Bernoulli, Beta, Binomial, ChiSquared, Distribution, Exponential, Geometric, Normal, Poisson,
    StudentT, Uniform,
};
use proptest::prelude::*;

/// Continuous families with parameters across a wide but drawable range.
fn continuous() -> impl Strategy<Value = Distribution> {
    prop_oneof![
        (-50.0..50.0f64, 0.05..20.0f64)
            .prop_map(|(mu, sigma)| Normal::new(mu, sigma).unwrap().into()),
        (0.2..200.0f64).prop_map(|df| StudentT::new(df).unwrap().into()),
        (0.3..300.0f64).prop_map(|df| ChiSquared::new(df).unwrap().into()),
        (0.3..60.0f64, 0.3..60.0f64).prop_map(|(a, b)| Beta::new(a, b).unwrap().into()),
        (0.01..50.0f64).prop_map(|l| Exponential::new(l).unwrap().into()),
        (-100.0..100.0f64, 0.01..50.0f64)
            .prop_map(|(lo, w)| Uniform::new(lo, lo + w).unwrap().into()),
    ]
}

/// Discrete families.
fn discrete() -> impl Strategy<Value = Distribution> {
    prop_oneof![
        (0.0..=1.0f64).prop_map(|p| Bernoulli::new(p).unwrap().into()),
        (0u32..400, 0.0..=1.0f64).prop_map(|(n, p)| Binomial::new(n as f64, p).unwrap().into()),
        (0.01..300.0f64).prop_map(|l| Poisson::new(l).unwrap().into()),
        (0.02..=1.0f64).prop_map(|p| Geometric::new(p).unwrap().into()),
    ]
}

fn any_family() -> impl Strategy<Value = Distribution> {
    prop_oneof![continuous(), discrete()]
}

/// ∫ f over [a, b] by composite Simpson with `n` (even) panels.
fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64, n: usize) -> f64 {
    let h = (b - a) / n as f64;
    let inner: f64 = (1..n)
        .map(|i| f(a + i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 })
        .sum();
    (f(a) + f(b) + inner) * h / 3.0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// cdf is non-decreasing, within [0, 1], and cdf + sf = 1.
    #[test]
    fn cdf_is_monotone_within_unit_interval(d in any_family(), u in 0.001..0.999f64, v in 0.001..0.999f64) {
        let (x, y) = (d.quantile(u.min(v)).unwrap(), d.quantile(u.max(v)).unwrap());
        let (fx, fy) = (d.cdf(x), d.cdf(y));
        prop_assert!((0.0..=1.0).contains(&fx) && (0.0..=1.0).contains(&fy), "{} {}", fx, fy);
        prop_assert!(fx <= fy, "cdf({}) = {} > cdf({}) = {}", x, fx, y, fy);
        for t in [x, y, 0.5 * (x + y)] {
            prop_assert!((d.cdf(t) + d.sf(t) - 1.0).abs() < 1e-13, "cdf + sf at {}", t);
        }
    }

    /// The quantile inverts the CDF: cdf(quantile(p)) = p for a continuous family, and for a
    /// discrete one quantile(p) is the smallest k with cdf(k) ≥ p.
    #[test]
    fn quantile_inverts_cdf(d in any_family(), p in 1e-6..(1.0 - 1e-6)) {
        let x = d.quantile(p).unwrap();
        if d.is_discrete() {
            prop_assert!(d.cdf(x) >= p * (1.0 - 1e-12), "cdf({}) = {} < {}", x, d.cdf(x), p);
            prop_assert!(d.cdf(x - 1.0) < p, "cdf({}) = {} ≥ {}", x - 1.0, d.cdf(x - 1.0), p);
        } else {
            let back = if p <= 0.5 { d.cdf(x) } else { 1.0 - d.sf(x) };
            prop_assert!((back - p).abs() <= 1e-10 * p.min(1.0 - p) + 1e-15, "cdf(quantile({})) = {}", p, back);
        }
    }

    /// A mass function sums to 1 over its support.
    #[test]
    fn pmf_sums_to_one(d in discrete()) {
        let hi = d.quantile(1.0 - 1e-15).unwrap().min(1e5);
        let total: f64 = (0..=hi as u64).map(|k| d.density(k as f64)).sum();
        prop_assert!((total - 1.0).abs() < 1e-9, "Σ pmf = {}", total);
    }

    /// ∫ₐᵇ density = cdf(b) − cdf(a) between quantiles. The integral is split at 200 points
    /// spaced evenly in probability, so a sharp peak (a t with df 0.2) gets as many panels as
    /// a broad one.
    #[test]
    fn density_integrates_to_cdf(d in continuous(), u in 0.01..0.49f64, v in 0.51..0.99f64) {
        let (a, b) = (d.quantile(u).unwrap(), d.quantile(v).unwrap());
        let cuts: Vec<f64> = (0..=200)
            .map(|k| d.quantile(u + (v - u) * k as f64 / 200.0).unwrap())
            .collect();
        let area: f64 = cuts.windows(2).map(|w| simpson(|x| d.density(x), w[0], w[1], 20)).sum();
        prop_assert!((area - (v - u)).abs() < 1e-6, "∫ = {} over [{}, {}], want {}", area, a, b, v - u);
    }
}

/// Over nearly all of its mass, each density integrates to ≈ 1.
#[test]
fn densities_integrate_to_one() {
    let families: Vec<Distribution> = vec![
        Normal::new(1.0, 2.0).unwrap().into(),
        StudentT::new(4.0).unwrap().into(),
        ChiSquared::new(5.0).unwrap().into(),
        Beta::new(2.5, 7.0).unwrap().into(),
        Exponential::new(0.7).unwrap().into(),
        Uniform::new(-2.0, 5.0).unwrap().into(),
    ];
    for d in families {
        let (a, b) = (d.quantile(1e-7).unwrap(), d.quantile(1.0 - 1e-7).unwrap());
        let area = simpson(|x| d.density(x), a, b, 20_000);
        assert!((area - 1.0).abs() < 1e-6, "{d:?}: ∫ = {area}");
    }
}
