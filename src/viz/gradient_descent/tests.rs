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

fn nums(j: &Json) -> Vec<f64> {
    match j {
        Json::Arr(v) => v.iter().filter_map(Json::as_f64).collect(),
        other => panic!("not an array: {other:?}"),
    }
}

#[test]
fn feature_scaling_converges_in_fewer_steps() {
    let mut w = GradientDescent::new();
    let raw = w.state().field("steps_to_converge").unwrap().clone();
    w.set_option("scale-x", "true").unwrap();
    let s = w.state();
    assert_eq!(s.field("scaled"), Some(&Json::Bool(true)));
    // The comparison does not depend on the toggle: both counts are always shown.
    assert_eq!(s.field("steps_to_converge"), Some(&raw));
    let r = raw.field("raw").and_then(Json::as_f64).unwrap();
    let k = raw.field("scaled").and_then(Json::as_f64).unwrap();
    assert!(k * 2.0 < r, "scaled {k} vs raw {r}");
    // The scaled surface is round: its Hessian is 2·I.
    let [l, mu] = w.fit().hessian_eigenvalues();
    assert!((l - 2.0).abs() < 1e-12 && (mu - 2.0).abs() < 1e-12);
    // Scaled descent reaches the least-squares line of the scaled data.
    w.step(k as u32 + 1);
    assert_eq!(w.descent().status(), Status::Converged);
}

#[test]
fn mini_batches_are_reproducible_from_their_seed() {
    let path = |batch: &str, seed: &str| {
        let mut w = GradientDescent::new();
        w.set_option("batch-size", batch).unwrap();
        w.set_option("batch-seed", seed).unwrap();
        w.step(30);
        w.descent()
            .iterates()
            .iter()
            .map(|i| i.theta)
            .collect::<Vec<_>>()
    };
    assert_eq!(path("3", "5"), path("3", "5"));
    assert_ne!(path("3", "5"), path("3", "6"));
    assert_ne!(path("3", "5"), path("0", "5"));
    // A batch as large as the data is batch descent.
    assert_eq!(path("12", "5"), path("0", "5"));
    let mut w = GradientDescent::new();
    w.set_option("batch-size", "1").unwrap();
    assert_eq!(nums(w.state().field("batch").unwrap()).len(), 1);
    let e = w.set_option("batch-size", "-1").unwrap_err();
    assert_eq!(
        e.message,
        "batch-size must be a whole number from 0 to 500, got \"-1\""
    );
}

#[test]
fn stochastic_descent_is_noisy_but_not_called_diverged() {
    let mut w = GradientDescent::new();
    w.set_option("batch-size", "1").unwrap();
    w.set_option("learning-rate", "0.02").unwrap();
    w.step(3000);
    assert_ne!(w.state().field("status"), Some(&Json::str("diverged")));
    let [ms, cs] = w.fit().least_squares();
    let [m, c] = w.descent().current().theta;
    assert!((m - ms).abs() < 0.5 && (c - cs).abs() < 1.0, "({m}, {c})");
}

#[test]
fn the_arithmetic_follows_the_step() {
    let mut w = GradientDescent::new();
    assert!(w.details().is_none(), "hidden unless asked for");
    w.set_option("show-arithmetic", "true").unwrap();
    w.step(3);
    let d = w.details().unwrap();
    let g = nums(d.field("gradient").unwrap());
    let now = *w.descent().current();
    for (a, b) in g.iter().zip(now.gradient) {
        assert!((a - b).abs() < 1e-9 * (1.0 + a.abs()));
    }
    let next = nums(d.field("next").unwrap());
    w.step(1);
    assert_eq!(next, w.descent().current().theta.to_vec());
    let Some(Json::Arr(rows)) = d.field("rows") else {
        panic!("no rows")
    };
    assert_eq!(rows.len(), 12);
    let Some(Json::Arr(equations)) = d.field("equations") else {
        panic!("no equations")
    };
    assert_eq!(equations.len(), 5);
    // With mini-batches the table holds the batch only.
    w.set_option("batch-size", "4").unwrap();
    let Some(Json::Arr(rows)) = w.details().and_then(|d| d.field("rows").cloned()) else {
        panic!("no rows")
    };
    assert_eq!(rows.len(), 4);
}

#[test]
fn equation_specs_become_mathml_tokens() {
    let e = arithmetic::equation("i:m o:← f:∂J/2 # #p", &[-1.5, -2.0]);
    assert_eq!(
        e.to_json(),
        r#"[{"mi":"m"},{"mo":"←"},{"frac":{"num":[{"mi":"∂J"}],"den":[{"mn":"2"}]}},{"mo":"("},{"mn":"-1.5"},{"mo":")"},{"mn":"-2"}]"#
    );
}

#[test]
fn the_surface_view_turns_by_keys_and_drag_and_keeps_the_descent() {
    use crate::viz::registry::AnyWidget;
    use crate::viz::theme::Theme;
    let mut any = AnyWidget::with_options(NAME, [("view", "surface"), ("steps", "5")]).unwrap();
    any.to_svg(640.0, 1.0, Theme::LIGHT).unwrap();
    let w = any.as_widget_mut();
    let before = w.state();
    assert_eq!(before.field("view"), Some(&Json::str("surface")));
    assert!(w.key(Key {
        key: "ArrowLeft",
        shift: false
    }));
    assert_eq!(w.options().float("azimuth"), -30.0);
    assert!(w.key(Key {
        key: "ArrowDown",
        shift: true
    }));
    assert_eq!(w.options().float("elevation"), 20.0);
    // Turning moves nothing of the descent.
    assert_eq!(w.state().field("m"), before.field("m"));
    assert_eq!(w.state().field("step"), before.field("step"));
    // Elevation stops at its range; azimuth wraps.
    for _ in 0..20 {
        w.key(Key {
            key: "ArrowDown",
            shift: true,
        });
    }
    assert_eq!(w.options().float("elevation"), 5.0);
    w.set_option("azimuth", "178").unwrap();
    w.key(Key {
        key: "ArrowLeft",
        shift: false,
    });
    assert_eq!(w.options().float("azimuth"), -177.0);
    // A drag across the 3-D view turns it.
    let plot = w.plots().into_iter().find(|p| p.id == "surface").unwrap();
    let r = plot.transform.rect;
    let a = [(r.x + r.width / 2) as f64, (r.y + r.height / 2) as f64];
    let b = [a[0] + 40.0, a[1]];
    assert!(!w.pointer(Pointer::Down(a)));
    assert!(w.pointer(Pointer::Move(b)));
    assert!(w.pointer(Pointer::Up(b)));
    assert_eq!(w.options().float("azimuth"), 163.0);
    assert_eq!(w.state().field("m"), before.field("m"));
}

#[test]
fn both_views_side_by_side_share_the_descent_and_take_clicks_and_keys() {
    use crate::viz::registry::AnyWidget;
    use crate::viz::theme::Theme;
    for width in [900.0, 360.0] {
        let mut any = AnyWidget::with_options(NAME, [("view", "both"), ("steps", "5")]).unwrap();
        any.to_svg(width, 1.0, Theme::LIGHT).unwrap();
        let w = any.as_widget_mut();
        let ids: Vec<&str> = w.plots().iter().map(|p| p.id).collect();
        assert_eq!(ids, ["data", "cost", "surface", "loss"], "at {width} px");
        let plots = w.plots();
        let cost = plots[1].transform.rect;
        let surface = plots[2].transform.rect;
        let overlap_x = cost.x < surface.x + surface.width && surface.x < cost.x + cost.width;
        let overlap_y = cost.y < surface.y + surface.height && surface.y < cost.y + cost.height;
        assert!(!(overlap_x && overlap_y), "the views overlap at {width} px");
        // A click on the contours moves the start; a drag on the surface turns it.
        let before = w.state();
        let centre = |r: crate::viz::geometry::PixelRect| {
            [(r.x + r.width / 2) as f64, (r.y + r.height / 2) as f64]
        };
        let c = centre(cost);
        assert!(w.pointer(Pointer::Down([c[0] + 10.0, c[1] + 10.0])));
        w.pointer(Pointer::Up([c[0] + 10.0, c[1] + 10.0]));
        assert_ne!(w.state().field("m"), before.field("m"));
        let s = centre(surface);
        let azimuth = w.options().float("azimuth");
        assert!(!w.pointer(Pointer::Down(s)));
        assert!(w.pointer(Pointer::Move([s[0] + 20.0, s[1]])));
        w.pointer(Pointer::Up([s[0] + 20.0, s[1]]));
        assert_eq!(w.options().float("azimuth"), azimuth - 10.0);
    }
    // By keyboard: arrows move the start until Page Up selects the 3-D view, then they turn it.
    let mut any = AnyWidget::with_options(NAME, [("view", "both")]).unwrap();
    any.to_svg(900.0, 1.0, Theme::LIGHT).unwrap();
    let w = any.as_widget_mut();
    let m = w.state().field("m").cloned();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert_ne!(w.state().field("m").cloned(), m);
    assert!(w.key(Key {
        key: "PageUp",
        shift: false
    }));
    assert!(
        w.describe().contains("3-D view selected"),
        "{}",
        w.describe()
    );
    let m = w.state().field("m").cloned();
    assert!(w.key(Key {
        key: "ArrowLeft",
        shift: false
    }));
    assert_eq!(w.options().float("azimuth"), -30.0);
    assert_eq!(w.state().field("m").cloned(), m);
    // Back to contours alone: the arrows move the start again.
    w.set_option("view", "contour").unwrap();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert_ne!(w.state().field("m").cloned(), m);
}

#[test]
fn the_comparison_stops_at_convergence_only_where_that_changes_nothing() {
    use crate::math::descent::{Descent, Status};
    use crate::math::regression::LineFit;
    // The full run, as the comparison used to take it: every step, then the outcome.
    let full = |fit: &LineFit, start: [f64; 2], rate: f64| {
        let mut d = Descent::new(fit, start, rate).unwrap();
        d.run(fit, COMPARE_STEPS);
        match (d.status(), d.converged_at()) {
            (Status::Diverged { step, .. }, _) => Outcome::Diverged(step),
            (_, Some(k)) => Outcome::Converged(k),
            _ => Outcome::Unfinished,
        }
    };
    let sets: [&[[f64; 2]]; 3] = [
        &[[1.0, 2.0], [2.0, 2.5], [3.0, 4.5], [4.0, 4.0]],
        // Far from the origin in x: raw x is badly conditioned.
        &[[95.0, 3.0], [100.0, 4.0], [103.0, 3.5], [110.0, 6.0]],
        &[[-2.0, 1.0], [0.5, -1.0], [3.0, 2.0]],
    ];
    let mut converged = 0;
    for points in sets {
        let raw = LineFit::new(points).unwrap();
        for fit in [raw, raw.standardised()] {
            let bound = fit.stable_learning_rate_bound();
            for share in [0.01, 0.3, 0.9, 0.999_999, 1.0, 1.000_001, 1.01, 1.5] {
                for start in [[0.0, 0.0], [5.0, -3.0], fit.least_squares(), [1e6, -1e6]] {
                    let rate = share * bound;
                    let got = Outcome::of(&fit, start, rate).unwrap();
                    assert_eq!(
                        got,
                        full(&fit, start, rate),
                        "{points:?}, α = {share}·2/L, from {start:?}"
                    );
                    converged += usize::from(matches!(got, Outcome::Converged(_)));
                }
            }
        }
    }
    assert!(converged > 20, "only {converged} runs converged");
}
