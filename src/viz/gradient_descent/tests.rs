use super::*;
use crate::viz::widget::Widget;

#[test]
fn defaults_build_and_report_state() {
    let w = GradientDescent::new();
    let s = w.state();
    assert_eq!(s.field("step").and_then(Json::as_f64), Some(0.0));
    assert_eq!(s.field("status"), Some(&Json::str("running")));
    assert_eq!(w.points().len(), 12);
    assert!(w.descent().learning_rate() < w.fit().stable_learning_rate_bound());
}

#[test]
fn stepping_changes_m_and_c_and_lowers_the_cost() {
    let mut w = GradientDescent::new();
    let before = *w.descent().current();
    w.step(5);
    let after = *w.descent().current();
    assert_eq!(w.descent().steps(), 5);
    assert_ne!(before.theta, after.theta);
    assert!(after.value < before.value);
}

#[test]
fn bad_options_keep_the_last_good_state() {
    let mut w = GradientDescent::new();
    w.set_option("learning-rate", "0.05").unwrap();
    let good = w.state();
    for (name, raw, message) in [
        (
            "learning-rate",
            "-0.1",
            "learning-rate must be a number from 0.0001 to 10, got \"-0.1\"",
        ),
        (
            "learning-rate",
            "abc",
            "learning-rate must be a number from 0.0001 to 10, got \"abc\"",
        ),
        (
            "points",
            "1,2",
            "points: at least 2 data points are needed, got 1",
        ),
        (
            "points",
            "3,1;3,2;3,5",
            "points: all x values equal 3: a line's slope is not determined, spread the points out",
        ),
        (
            "points",
            "1,2;2,1e300",
            "points: y of point 2 must be finite and within ±1e9, got 1e300",
        ),
        (
            "n",
            "1",
            "n must be a whole number from 2 to 500, got \"1\"",
        ),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(w.state(), good, "after {name}={raw}");
    }
}

#[test]
fn steps_option_sets_the_step_on_reset() {
    let mut w = GradientDescent::new();
    w.set_option("steps", "7").unwrap();
    assert_eq!(w.descent().steps(), 7);
    w.step(3);
    w.reset();
    assert_eq!(w.descent().steps(), 7);
}

#[test]
fn divergence_is_explained_with_the_bound() {
    let mut w = GradientDescent::new();
    let bound = w.fit().stable_learning_rate_bound();
    w.set_option("learning-rate", &format!("{}", bound * 1.2))
        .unwrap();
    w.step(500);
    assert_eq!(w.state().field("status"), Some(&Json::str("diverged")));
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(m.text.starts_with("Diverged at step"), "{}", m.text);
    assert!(m.text.contains("2/L ="), "{}", m.text);
    // Values stay finite: nothing NaN is drawn.
    assert!(w.descent().iterates().iter().all(|i| i.value.is_finite()));
}

#[test]
fn playing_steps_with_the_clock_and_stops_at_convergence() {
    let mut w = GradientDescent::new();
    w.set_option("speed", "100").unwrap();
    w.set_playing(true);
    assert!(!w.tick(1000.0), "the first tick only starts the clock");
    assert!(w.tick(1100.0));
    assert_eq!(w.descent().steps(), 10);
    let mut t = 1100.0;
    while w.playing() && t < 1e7 {
        t += 16.0;
        w.tick(t);
    }
    assert_eq!(w.descent().status(), Status::Converged);
}

#[test]
fn keys_move_the_start() {
    let mut w = GradientDescent::new();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    let m = w.options().float("start-m");
    assert!(m > 0.0);
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    assert!(w.options().float("start-c") > 0.0);
    assert!(!w.key(Key {
        key: "x",
        shift: false
    }));
}

#[test]
fn rounding_to_the_view_keeps_urls_short() {
    let v = Span::new(-1.0, 3.0);
    assert_eq!(round_to_view(1.234_567_89, v), 1.235);
    assert_eq!(format!("{}", round_to_view(0.1 + 0.2, v)), "0.3");
}
