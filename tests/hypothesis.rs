//! Hypothesis tests: identities every p-value satisfies, over random summaries.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::hypothesis::{run, Alternative, Sample, Test};
use proptest::prelude::*;

fn sample() -> impl Strategy<Value = Sample> {
    (-100.0..100.0f64, 0.01..50.0f64, 2usize..500)
        .prop_map(|(mean, sd, n)| Sample::new(mean, sd, n).unwrap())
}

fn test_kind() -> impl Strategy<Value = Test> {
    prop_oneof![Just(Test::Z), Just(Test::T), Just(Test::Welch)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// p ∈ [0, 1]; less + greater = 1; two-sided = 2·min(less, greater) (symmetric nulls).
    #[test]
    fn p_values_are_probabilities_and_two_sided_doubles(
        kind in test_kind(), a in sample(), b in sample(), mu0 in -100.0..100.0f64,
    ) {
        let b = (kind == Test::Welch).then_some(b);
        let p = |alt| run(kind, &a, b.as_ref(), mu0, alt).unwrap().p_value;
        let (two, less, greater) = (p(Alternative::TwoSided), p(Alternative::Less), p(Alternative::Greater));
        for q in [two, less, greater] {
            prop_assert!((0.0..=1.0).contains(&q), "p = {}", q);
        }
        prop_assert!((less + greater - 1.0).abs() < 1e-12, "{} + {}", less, greater);
        let expected = (2.0 * less.min(greater)).min(1.0);
        prop_assert!((two - expected).abs() <= 1e-12 + 1e-9 * expected, "{} vs {}", two, expected);
    }

    /// Shifting the data and μ0 by the same constant changes nothing.
    #[test]
    fn shifting_data_and_mu0_keeps_the_statistic(a in sample(), mu0 in -100.0..100.0f64, c in -1e3..1e3f64) {
        let one = run(Test::T, &a, None, mu0, Alternative::TwoSided).unwrap();
        let moved = Sample::new(a.mean + c, a.sd, a.n).unwrap();
        let two = run(Test::T, &moved, None, mu0 + c, Alternative::TwoSided).unwrap();
        prop_assert!((one.statistic - two.statistic).abs() <= 1e-8 * (1.0 + one.statistic.abs()));
    }
}
