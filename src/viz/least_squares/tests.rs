use super::*;
use crate::math::descent::{Descent, Status};
use crate::math::regression::LineFit;
use crate::viz::widget::Widget;

fn num(s: &Json, key: &str) -> f64 {
    s.field(key).and_then(Json::as_f64).unwrap_or(f64::NAN)
}

#[test]
fn defaults_fit_a_line_with_the_documented_state() {
    let w = LeastSquares::new();
    let s = w.state();
    assert_eq!(w.points().len(), 8);
    assert_eq!(w.fit().coefficients.len(), 2);
    assert!(num(&s, "rss") > 0.0);
    assert!(num(&s, "r_squared") > 0.5 && num(&s, "r_squared") <= 1.0);
    assert!(matches!(s.field("coefficients"), Some(Json::Arr(c)) if c.len() == 2));
}

#[test]
fn the_answer_is_where_gradient_descent_converges() {
    let mut w = LeastSquares::new();
    w.set_option("points", "0,1;1,2.5;2,2.9;3,4.8;4,5.1")
        .unwrap();
    let fit = LineFit::new(w.points()).unwrap();
    let alpha = 0.9 * fit.stable_learning_rate_bound();
    let mut d = Descent::new(&fit, [0.0, 0.0], alpha).unwrap();
    d.run(&fit, 100_000);
    assert_eq!(d.status(), Status::Converged);
    let [m, c] = d.current().theta;
    let theta = &w.fit().coefficients;
    assert!(
        (m - theta[0]).abs() < 1e-5 && (c - theta[1]).abs() < 1e-5,
        "descent ({m}, {c}) vs {theta:?}"
    );
    assert!(w
        .message()
        .unwrap()
        .text
        .contains("Gradient descent on the same points"));
}

#[test]
fn two_points_are_solved_exactly() {
    let mut w = LeastSquares::new();
    w.set_option("points", "1,3;3,7").unwrap();
    assert_eq!(w.state().field("exact_solve"), Some(&Json::Bool(true)));
    assert_eq!(w.equation(), "y = 2·x + 1");
    assert!(w
        .message()
        .unwrap()
        .text
        .starts_with("2 points and 2 unknowns"));
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let mut w = LeastSquares::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "points",
            "1,2",
            "points: at least 2 data points are needed, got 1",
        ),
        (
            "points",
            "1,2;3,NaN",
            "points: entry 2 \"3,NaN\" must be two finite numbers x,y",
        ),
        (
            "points",
            "1,2;1,5",
            "points: all x values equal 1: a line's slope is not determined, spread the points out",
        ),
        (
            "model",
            "quartic",
            "model must be one of line, quadratic, cubic, got \"quartic\"",
        ),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message, "{name}={raw}");
        assert_eq!(w.state(), good);
    }
    w.set_option("points", "0,1;1,2;2,0").unwrap();
    let e = w.set_option("model", "cubic").unwrap_err();
    assert_eq!(e.message, "model: at least 4 data points are needed, got 3");
}

#[test]
fn keys_select_and_move_points() {
    let mut w = LeastSquares::new();
    let before = w.fit().coefficients.clone();
    assert!(w.key(Key {
        key: "n",
        shift: false
    }));
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    assert_ne!(w.fit().coefficients, before);
    assert!(
        !w.options().points("points").is_empty(),
        "data became explicit"
    );
    let view = w.views.0;
    assert!(w.key(Key {
        key: "Home",
        shift: false
    }));
    // Home takes the selected point to the view's left edge (rounded to a 500th of it); the
    // view then follows the data.
    let x = w.points[1][0];
    assert!(
        (x - view.lo).abs() <= view.width() / 500.0,
        "{x} vs {}",
        view.lo
    );
}

/// Numerical honesty: a nearly dependent design (a cubic through points far from x = 0) is
/// warned about by its condition number; a well-spread line is not.
#[test]
fn ill_conditioning_is_warned_by_the_condition_number() {
    let mut w = LeastSquares::new();
    w.set_option("points", "1000,1;1001,2;1002,0;1003,5;1004,3;1005,2")
        .unwrap();
    w.set_option("model", "cubic").unwrap();
    let m = w.message().unwrap();
    assert!(
        w.fit().condition_number > 1e8,
        "{}",
        w.fit().condition_number
    );
    assert_eq!(m.level, Level::Warning);
    assert!(
        m.text.contains("κ(A) = ") && m.text.contains("above 1e8"),
        "{}",
        m.text
    );
    w.set_option("points", "0,1;1,2.5;2,2.9;3,4.8;4,5.1")
        .unwrap();
    w.set_option("model", "line").unwrap();
    assert_eq!(w.message().unwrap().level, Level::Info);
}
