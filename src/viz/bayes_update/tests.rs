use super::*;
use crate::viz::widget::Widget;

fn num(w: &BayesUpdate, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

#[test]
fn observing_adds_to_the_beta_counts_and_ghosts_the_previous_posterior() {
    let mut w = BayesUpdate::new();
    assert_eq!(
        (num(&w, "posterior_alpha"), num(&w, "posterior_beta")),
        (2.0, 2.0)
    );
    assert!(w.action("success"));
    assert!(w.action("success"));
    assert!(w.action("failure"));
    assert_eq!(
        (num(&w, "posterior_alpha"), num(&w, "posterior_beta")),
        (4.0, 3.0)
    );
    assert_eq!(w.previous, Some(Belief::Beta(4.0, 2.0)));
    assert!((num(&w, "posterior_mean") - 4.0 / 7.0).abs() < 1e-15);
    // The mode (α − 1)/(α + β − 2) = 3/5.
    assert!((num(&w, "posterior_mode") - 0.6).abs() < 1e-15);
    assert_eq!(
        w.state()
            .field("options")
            .and_then(|o| o.field("successes")),
        Some(&Json::str("2"))
    );
}

#[test]
fn the_credible_interval_matches_scipy() {
    let mut w = BayesUpdate::new();
    w.set_option("successes", "7").unwrap();
    w.set_option("failures", "4").unwrap();
    let ci = match w.state().field("credible_interval") {
        Some(Json::Arr(v)) => v.iter().filter_map(Json::as_f64).collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    // scipy.stats.beta(9, 6).ppf(0.025), scipy.stats.beta(9, 6).ppf(0.975)
    assert!((ci[0] - 0.3513801106159917).abs() < 1e-12, "{ci:?}");
    assert!((ci[1] - 0.8233889100178821).abs() < 1e-12, "{ci:?}");
}

#[test]
fn simulation_is_seeded_and_learns_the_true_rate() {
    let mut a = BayesUpdate::new();
    let mut b = BayesUpdate::new();
    for w in [&mut a, &mut b] {
        w.set_option("simulate", "1000").unwrap();
        assert!(w.action("simulate"));
    }
    assert_eq!(a.state(), b.state());
    assert_eq!(num(&a, "observations"), 1000.0);
    // 1000 draws at rate 0.7: the posterior mean is within 0.05 of it (sd ≈ 0.0145).
    assert!((num(&a, "posterior_mean") - 0.7).abs() < 0.05);
    a.step(3);
    assert_eq!(num(&a, "observations"), 1003.0);
}

#[test]
fn the_normal_model_updates_on_the_data() {
    let mut w = BayesUpdate::new();
    w.set_option("model", "normal-normal").unwrap();
    w.set_option("data", "1, 2; 3").unwrap();
    // Prior N(0, 2²), σ = 1: precision 1/4 + 3 = 3.25, mean 6/3.25.
    assert!((num(&w, "posterior_mean") - 6.0 / 3.25).abs() < 1e-15);
    assert!((num(&w, "posterior_sd") - 3.25f64.sqrt().recip()).abs() < 1e-15);
    assert!(w.action("simulate"));
    assert_eq!(num(&w, "observations"), 13.0);
    assert!(!w.action("success"), "no counts in the normal model");
}

#[test]
fn bad_input_names_the_option_and_keeps_the_state() {
    let mut w = BayesUpdate::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "prior-alpha",
            "0",
            "prior-alpha must be a number from 0.1 to 1000, got \"0\"",
        ),
        (
            "successes",
            "-1",
            "successes must be a whole number from 0 to 100000, got \"-1\"",
        ),
        (
            "true-rate",
            "NaN",
            "true-rate must be a number from 0 to 1, got \"NaN\"",
        ),
        (
            "data",
            "1, x, 3",
            "data: entry 2 \"x\" must be a finite number within ±1e6",
        ),
        (
            "data",
            "1, 1e300",
            "data: entry 2 \"1e300\" must be a finite number within ±1e6",
        ),
    ] {
        assert_eq!(w.set_option(name, raw).unwrap_err().message, message);
    }
    assert_eq!(w.state(), good);
}

#[test]
fn keys_move_the_true_value_and_observe() {
    let mut w = BayesUpdate::new();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: true
    }));
    assert!((w.options().float("true-rate") - 0.8).abs() < 1e-12);
    assert!(w.key(Key {
        key: "s",
        shift: false
    }));
    assert!(w.key(Key {
        key: "f",
        shift: false
    }));
    assert_eq!(num(&w, "observations"), 2.0);
}

#[test]
fn home_and_end_move_the_true_rate_to_the_axis_ends() {
    let mut w = BayesUpdate::new();
    let key = |key| Key { key, shift: false };
    assert!(w.key(key("End")));
    assert_eq!(w.options.float("true-rate"), 1.0);
    assert!(w.key(key("Home")));
    assert_eq!(w.options.float("true-rate"), 0.0);
}
