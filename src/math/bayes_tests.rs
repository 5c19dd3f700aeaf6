//! Bayes' rule and the conjugate updates against exact arithmetic and scipy.stats.

use super::*;

#[test]
fn medical_test_posterior_is_the_share_of_positives_who_are_ill() {
    // 1 % prevalence, 90 % sensitivity, 9 % false positives: P(B) = 0.009 + 0.0891 = 0.0981 and
    // P(A|B) = 0.009/0.0981 = 90/981 exactly.
    let rule = BayesRule::new(0.01, 0.9, 0.09).unwrap();
    assert!((rule.evidence() - 0.0981).abs() < 1e-16);
    assert!((rule.posterior().unwrap() - 90.0 / 981.0).abs() < 1e-16);
    // Observing again: prior 90/981, P(A|B) = 0.9·p/(0.9·p + 0.09·(1 − p)) = 900/1791.
    let again = rule.observe_again().unwrap();
    assert!((again.posterior().unwrap() - 900.0 / 1791.0).abs() < 1e-15);
    let history = rule.history(2);
    assert_eq!(history.len(), 3);
    assert!((history[2] - 900.0 / 1791.0).abs() < 1e-15);
}

#[test]
fn impossible_evidence_has_no_posterior() {
    let rule = BayesRule::new(0.0, 0.7, 0.0).unwrap();
    assert_eq!(rule.evidence(), 0.0);
    assert_eq!(rule.posterior(), None);
    assert_eq!(rule.history(5), vec![0.0]);
}

#[test]
fn probabilities_outside_the_unit_interval_are_named() {
    let e = BayesRule::new(0.5, 1.2, 0.1).unwrap_err();
    assert_eq!(e.to_string(), "likelihood must be within [0, 1], got 1.2");
    let e = BayesRule::new(f64::NAN, 0.5, 0.1).unwrap_err();
    assert_eq!(e.to_string(), "prior must be within [0, 1], got NaN");
    let e = BayesRule::new(0.5, 0.5, -0.1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "false-positive must be within [0, 1], got -0.1"
    );
}

#[test]
fn beta_bernoulli_credible_interval_matches_scipy() {
    let model = BetaBernoulli::new(2.0, 3.0, 7.0, 3.0).unwrap();
    let posterior = model.posterior();
    assert_eq!((posterior.alpha(), posterior.beta()), (9.0, 6.0));
    let [lo, hi] = model.credible_interval(0.95).unwrap();
    // scipy.stats.beta(9, 6).ppf(0.025), scipy.stats.beta(9, 6).ppf(0.975)
    assert!((lo - 0.3513801106159917).abs() < 1e-13, "{lo}");
    assert!((hi - 0.8233889100178821).abs() < 1e-13, "{hi}");
    assert_eq!(model.predictive_success(), 0.6);
    // A rare event: scipy.stats.beta(1.5, 999.5).interval(0.95)
    let rare = BetaBernoulli::new(0.5, 0.5, 1.0, 999.0).unwrap();
    let [lo, hi] = rare.credible_interval(0.95).unwrap();
    assert!((lo / 0.00010791880468097975 - 1.0).abs() < 1e-10, "{lo}");
    assert!((hi / 0.004664458808791372 - 1.0).abs() < 1e-10, "{hi}");
}

#[test]
fn beta_bernoulli_rejects_bad_counts_and_priors_by_option_name() {
    let e = BetaBernoulli::new(0.0, 1.0, 0.0, 0.0).unwrap_err();
    assert_eq!(e.to_string(), "prior-alpha must be finite and > 0, got 0");
    let e = BetaBernoulli::new(1.0, f64::INFINITY, 0.0, 0.0).unwrap_err();
    assert_eq!(e.to_string(), "prior-beta must be finite and > 0, got inf");
    let e = BetaBernoulli::new(1.0, 1.0, 2.5, 0.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "successes must be a whole number within [0, 1e9], got 2.5"
    );
}

#[test]
fn normal_normal_weights_by_precision() {
    // Prior N(0, 2²), σ = 1, data [1, 2, 3]: precision 1/4 + 3 = 3.25, mean 6/3.25.
    let model = NormalNormal::new(0.0, 2.0, 1.0).unwrap();
    let (mean, sd) = model.posterior(&[1.0, 2.0, 3.0]);
    assert!((mean - 6.0 / 3.25).abs() < 1e-15);
    assert!((sd - 1.0 / 3.25f64.sqrt()).abs() < 1e-15);
    assert_eq!(model.posterior(&[]), (0.0, 2.0));
    let e = NormalNormal::new(0.0, -1.0, 1.0).unwrap_err();
    assert_eq!(e.to_string(), "prior-sd must be finite and > 0, got -1");
}
