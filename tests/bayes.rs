//! Identities of Bayesian updating over random inputs: the Beta posterior mean lies between the
//! prior mean and the observed rate; Bayes' rule is a probability and agrees with counting.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::bayes::{BayesRule, BetaBernoulli, NormalNormal};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// (α + s)/(α + β + n) is a weighted average of α/(α + β) and s/n.
    #[test]
    fn beta_posterior_mean_lies_between_prior_mean_and_observed_rate(
        alpha in 0.1..50.0f64, beta in 0.1..50.0f64, s in 0u32..500, f in 0u32..500,
    ) {
        prop_assume!(s + f > 0);
        let model = BetaBernoulli::new(alpha, beta, s as f64, f as f64).unwrap();
        let prior = model.prior().mean();
        let rate = model.observed_rate().unwrap();
        let post = model.posterior().mean();
        let (lo, hi) = (prior.min(rate), prior.max(rate));
        prop_assert!(post >= lo - 1e-15 && post <= hi + 1e-15, "{} not in [{}, {}]", post, lo, hi);
        let [a, b] = model.credible_interval(0.95).unwrap();
        prop_assert!(0.0 <= a && a < b && b <= 1.0);
        let mass = model.posterior().cdf(b) - model.posterior().cdf(a);
        prop_assert!((mass - 0.95).abs() < 1e-9, "interval holds {}", mass);
    }

    /// P(A|B)·P(B) = P(B|A)·P(A), and the posterior is a probability.
    #[test]
    fn bayes_rule_is_the_product_rule_read_both_ways(
        prior in 0.0..=1.0f64, likelihood in 0.0..=1.0f64, fp in 0.0..=1.0f64,
    ) {
        let rule = BayesRule::new(prior, likelihood, fp).unwrap();
        match rule.posterior() {
            Some(post) => {
                prop_assert!((0.0..=1.0).contains(&post));
                prop_assert!((post * rule.evidence() - likelihood * prior).abs() < 1e-15);
            }
            None => prop_assert_eq!(rule.evidence(), 0.0),
        }
    }

    /// With more data the Normal–Normal posterior narrows and its mean moves toward the sample mean.
    #[test]
    fn normal_posterior_narrows_with_data(xs in prop::collection::vec(-20.0..20.0f64, 1..50)) {
        let model = NormalNormal::new(0.0, 3.0, 2.0).unwrap();
        let (_, s1) = model.posterior(&xs[..xs.len() / 2]);
        let (m2, s2) = model.posterior(&xs);
        prop_assert!(s2 < 3.0 && s2 <= s1);
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        prop_assert!(m2.abs() <= mean.abs() + 1e-12 && m2 * mean >= 0.0, "{} vs {}", m2, mean);
    }
}

mod naive {
    use mathsight::math::naive_bayes::{Covariance, TwoClassGaussian};
    use proptest::prelude::*;

    fn cloud() -> impl Strategy<Value = Vec<[f64; 2]>> {
        prop::collection::vec((-10.0..10.0f64, -10.0..10.0f64), 2..30)
            .prop_map(|v| v.into_iter().map(|(x, y)| [x, y]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// The naive posterior is the prior times the product of the per-feature marginal
        /// densities, normalised: the independence assumption, exactly.
        #[test]
        fn naive_posterior_is_a_product_of_marginals(a in cloud(), b in cloud(), x in -12.0..12.0f64, y in -12.0..12.0f64) {
            let m = TwoClassGaussian::fit(&a, &b).unwrap();
            let pa = m.a.prior * m.a.marginal_density(0, x) * m.a.marginal_density(1, y);
            let pb = m.b.prior * m.b.marginal_density(0, x) * m.b.marginal_density(1, y);
            prop_assume!(pa + pb > 1e-250);
            let want = pa / (pa + pb);
            let got = m.probability_a([x, y], Covariance::Diagonal);
            prop_assert!((got - want).abs() < 1e-9, "{} vs {}", got, want);
            let full = m.probability_a([x, y], Covariance::Full);
            prop_assert!((0.0..=1.0).contains(&full));
        }
    }
}
