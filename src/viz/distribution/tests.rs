use super::*;
use crate::viz::widget::Widget;

fn num(w: &DistributionWidget, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

#[test]
fn the_default_is_the_standard_normal_within_one_sigma() {
    let w = DistributionWidget::new();
    // scipy.stats.norm.cdf(1) - scipy.stats.norm.cdf(-1)
    assert!((num(&w, "probability") - 0.6826894921370859).abs() < 1e-14);
    assert_eq!(num(&w, "mean"), 0.0);
    assert_eq!(num(&w, "variance"), 1.0);
    assert_eq!(num(&w, "sample_count"), 500.0);
}

#[test]
fn discrete_intervals_include_both_ends() {
    let mut w = DistributionWidget::new();
    for (k, v) in [
        ("family", "binomial"),
        ("n", "10"),
        ("p", "0.3"),
        ("a", "2"),
        ("b", "5"),
    ] {
        w.set_option(k, v).unwrap();
    }
    // scipy.stats.binom(10, 0.3).cdf(5) - scipy.stats.binom(10, 0.3).cdf(1)
    assert!((num(&w, "probability") - 0.8033426667000001).abs() < 1e-14);
    assert!((num(&w, "mean") - 3.0).abs() < 1e-15);
    assert!((num(&w, "variance") - 2.1).abs() < 1e-14);
}

#[test]
fn other_families_match_scipy() {
    let mut w = DistributionWidget::new();
    w.set_option("family", "student-t").unwrap();
    // scipy.stats.t(5).cdf(1) - scipy.stats.t(5).cdf(-1)
    assert!((num(&w, "probability") - 0.6367825323508771).abs() < 1e-13);
    w.set_option("family", "beta").unwrap();
    w.set_option("a", "0.1").unwrap();
    w.set_option("b", "0.5").unwrap();
    // scipy.stats.beta(2, 5).cdf(0.5) - scipy.stats.beta(2, 5).cdf(0.1)
    assert!((num(&w, "probability") - 0.7763599999999999).abs() < 1e-13);
}

#[test]
fn samples_are_seeded_and_agree_with_the_moments() {
    let mut w = DistributionWidget::new();
    w.set_option("samples", "20000").unwrap();
    let first = w.state();
    // 20000 standard normals: the standard error of the mean is 0.007, of the variance 0.01.
    assert!(num(&w, "sample_mean").abs() < 0.03);
    assert!((num(&w, "sample_variance") - 1.0).abs() < 0.04);
    w.set_option("seed", "2").unwrap();
    assert_ne!(w.state().field("sample_mean"), first.field("sample_mean"));
    w.set_option("seed", "1").unwrap();
    assert_eq!(w.state(), first);
}

#[test]
fn invalid_parameters_name_the_option_and_keep_the_state() {
    let mut w = DistributionWidget::new();
    let good = w.state();
    for (name, raw, message) in [
        ("sigma", "-1", "sigma must be a number from 0.01 to 100, got \"-1\""),
        ("sigma", "NaN", "sigma must be a number from 0.01 to 100, got \"NaN\""),
        ("df", "0", "df must be a number from 0.1 to 1000, got \"0\""),
        ("p", "1.5", "p must be a number from 0 to 1, got \"1.5\""),
        ("a", "inf", "a must be a number from -1000000 to 1000000, got \"inf\""),
        ("family", "cauchy", "family must be one of bernoulli, binomial, poisson, geometric, uniform, normal, exponential, student-t, chi-squared, beta, got \"cauchy\""),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(e.option, name);
    }
    w.set_option("p", "0").unwrap();
    let e = w.set_option("family", "geometric").unwrap_err();
    assert_eq!(e.message, "geometric: p must be within (0, 1], got 0");
    assert_eq!(e.option, "p");
    w.set_option("family", "uniform").unwrap();
    let e = w.set_option("high", "-3").unwrap_err();
    assert_eq!(
        e.message,
        "uniform: high must be finite, within ±1e300 and > low, got -3"
    );
    w.set_option("family", "normal").unwrap();
    w.set_option("p", "0.3").unwrap();
    assert_eq!(w.state(), good);
}

#[test]
fn keys_move_a_and_b_and_snap_for_discrete_families() {
    let mut w = DistributionWidget::new();
    w.set_option("family", "poisson").unwrap();
    w.set_option("a", "1").unwrap();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert_eq!(num(&w, "a"), 2.0);
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    assert_eq!(num(&w, "b"), 6.0);
    let m = w.message().unwrap();
    assert!(m.text.contains("both ends included"), "{}", m.text);
}

#[test]
fn heavy_tails_say_why_the_moments_misbehave() {
    let mut w = DistributionWidget::new();
    w.set_option("family", "student-t").unwrap();
    w.set_option("df", "1").unwrap();
    assert!(num(&w, "mean").is_nan());
    assert!(w.state().to_json().contains("\"mean\":null"));
    assert!(w.message().unwrap().text.contains("mean does not exist"));
}

#[test]
fn every_family_draws_at_the_ends_of_every_slider() {
    use crate::viz::registry::AnyWidget;
    use crate::viz::theme::Theme;
    for family in FAMILIES {
        for name in model::parameters(family) {
            let spec = OPTIONS.iter().find(|s| s.name == *name).unwrap();
            let ends = match spec.kind {
                OptionKind::Float { min, max, .. } => [min, max],
                OptionKind::Int { min, max } => [min as f64, max as f64],
                _ => unreachable!(),
            };
            for v in ends {
                let value = v.to_string();
                let built = AnyWidget::with_options(
                    NAME,
                    [
                        ("family", *family),
                        (name, value.as_str()),
                        ("samples", "200"),
                    ],
                );
                // Some ends are invalid for a family (geometric p = 0, uniform high = low's
                // minimum): those must be refused with a message, never drawn half-made.
                match built {
                    Ok(mut w) => {
                        for view in ["pdf", "cdf"] {
                            w.as_widget_mut().set_option("view", view).unwrap();
                            let svg = w.to_svg(480.0, 1.0, Theme::LIGHT).unwrap();
                            assert!(svg.contains("<svg"), "{family} {name}={value}");
                        }
                        let s = w.as_widget().state();
                        let p = s.field("probability").and_then(Json::as_f64).unwrap();
                        assert!((0.0..=1.0).contains(&p), "{family} {name}={value}: {p}");
                    }
                    Err(e) => assert!(e.message.starts_with(family), "{}", e.message),
                }
            }
        }
    }
}

#[test]
fn home_and_end_move_a_and_b_to_the_plotted_ends() {
    let mut w = DistributionWidget::new();
    let key = |key| Key { key, shift: false };
    assert!(w.key(key("Home")));
    assert!(w.key(key("End")));
    let unit = w.view.width() / 500.0;
    assert!(
        (num(&w, "a") - w.view.lo).abs() <= unit,
        "a = {}",
        num(&w, "a")
    );
    assert!(
        (num(&w, "b") - w.view.hi).abs() <= unit,
        "b = {}",
        num(&w, "b")
    );
    assert!(w.probability() > 0.99);
}
