use super::*;
use crate::viz::registry::AnyWidget;
use crate::viz::theme::Theme;

fn num(s: &Json, key: &str) -> f64 {
    s.field(key).and_then(Json::as_f64).unwrap()
}

#[test]
fn defaults_build_and_training_lowers_the_loss() {
    let mut w = LogisticRegression::new();
    assert_eq!(w.points().len(), 40);
    let s = w.state();
    assert_eq!(s.field("w"), Some(&Json::nums([0.0, 0.0])));
    assert!(
        (num(&s, "loss") - std::f64::consts::LN_2).abs() < 1e-15,
        "log 2 at w = 0"
    );
    w.step(50);
    let t = w.state();
    assert!(num(&t, "loss") < num(&s, "loss"));
    assert!(num(&t, "accuracy") > 0.8);
    assert_eq!(num(&t, "step"), 50.0);
}

#[test]
fn points_parse_and_bad_points_are_named() {
    assert_eq!(
        parse_labelled("1,2,0; 3,4,1;").unwrap(),
        vec![
            Labelled {
                x: [1.0, 2.0],
                class: 0
            },
            Labelled {
                x: [3.0, 4.0],
                class: 1
            }
        ]
    );
    let mut w = LogisticRegression::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "points",
            "1,2,0;3,4,2",
            "points: entry 2 \"3,4,2\" must be x,y,class with finite x and y and class 0 or 1",
        ),
        (
            "points",
            "1,2,0;NaN,4,1",
            "points: entry 2 \"NaN,4,1\" must be x,y,class with finite x and y and class 0 or 1",
        ),
        (
            "points",
            "1,2,0",
            "points: at least 2 data points are needed, got 1",
        ),
        (
            "points",
            "1,2,0;1,1e300,1",
            "points: y of point 2 must be finite and within ±1e9, got 1e300",
        ),
        (
            "learning-rate",
            "1e9",
            "learning-rate must be a number from 0.001 to 100, got \"1e9\"",
        ),
        ("add-class", "2", "add-class must be one of 0, 1, got \"2\""),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(w.state(), good, "after {name}={raw}");
    }
    assert_eq!(
        format_labelled(&parse_labelled("0.5,-1,1;2,3,0").unwrap()),
        "0.5,-1,1;2,3,0"
    );
}

#[test]
fn separable_data_is_explained_and_the_weights_keep_growing() {
    let mut w = LogisticRegression::new();
    w.set_option("points", "0,0,0;1,0,0;0,1,0;3,3,1;4,3,1;3,4,1")
        .unwrap();
    w.step(200);
    let a = w.state();
    w.step(2000);
    let b = w.state();
    assert_eq!(a.field("separated"), Some(&Json::Bool(true)));
    assert!(num(&b, "weight_norm") > num(&a, "weight_norm"));
    assert!(num(&b, "loss") < num(&a, "loss"));
    assert_eq!(b.field("status"), Some(&Json::str("running")));
    let m = w.message().unwrap();
    assert!(m.text.starts_with("Perfectly separated"), "{}", m.text);
}

#[test]
fn too_large_a_rate_diverges_and_says_why() {
    let mut w = LogisticRegression::new();
    w.set_option("separation", "0").unwrap();
    let bound = num(&w.state(), "learning_rate_bound");
    w.set_option("learning-rate", &format!("{}", (bound * 3.0).min(100.0)))
        .unwrap();
    w.step(5000);
    let s = w.state();
    assert_eq!(s.field("status"), Some(&Json::str("diverged")), "{s:?}");
    assert!(w.message().unwrap().text.starts_with("Diverged at step"));
    assert!(w
        .trainer()
        .history()
        .iter()
        .all(|t| t.loss.is_finite() && t.theta.iter().all(|v| v.is_finite())));
}

#[test]
fn clicks_and_keys_add_points_of_either_class() {
    let mut w = AnyWidget::create(NAME).unwrap();
    w.to_svg(640.0, 1.0, Theme::LIGHT).unwrap();
    let widget = w.as_widget_mut();
    widget.step(10);
    let plot = widget.plots().into_iter().find(|p| p.id == "data").unwrap();
    assert!(widget.pointer(Pointer::Down(plot.transform.to_px([0.5, 0.25]))));
    let s = widget.state();
    let Some(Json::Arr(points)) = s.field("points") else {
        panic!()
    };
    assert_eq!(points.len(), 41);
    assert_eq!(points[40], Json::nums([0.5, 0.25, 1.0]));
    assert_eq!(
        num(&s, "step"),
        10.0,
        "training is replayed to the same step"
    );
    widget.set_option("add-class", "0").unwrap();
    assert!(widget.key(Key {
        key: "ArrowLeft",
        shift: false
    }));
    assert!(widget.key(Key {
        key: "0",
        shift: false
    }));
    let Some(Json::Arr(points)) = widget.state().field("points").cloned() else {
        panic!()
    };
    assert_eq!(points.len(), 42);
    assert_eq!(points[41].clone(), {
        let Json::Arr(v) = &points[41] else { panic!() };
        Json::Arr(vec![v[0].clone(), v[1].clone(), Json::Num(0.0)])
    });
}

#[test]
fn draws_at_every_size() {
    for (width, dark) in [(360.0, true), (640.0, false), (1000.0, false)] {
        let mut w = AnyWidget::with_options(NAME, [("steps", "30")]).unwrap();
        let svg = w.to_svg(width, 2.0, Theme::for_dark(dark)).unwrap();
        assert!(svg.contains("Log-loss against the step"));
    }
}

#[test]
fn the_loss_and_weights_plots_mark_the_current_value_from_step_zero() {
    use crate::viz::display::{Command, EstimatedText};
    use crate::viz::widget::Frame;
    use std::rc::Rc;

    let mut w = AnyWidget::create(NAME).unwrap();
    let frame = Frame {
        width_px: 1100,
        height_px: 550,
        scale: 1.0,
        theme: Theme::LIGHT,
    };
    for steps in [0, 5] {
        w.as_widget_mut().step(steps);
        let commands = w.record(&frame, Rc::new(EstimatedText)).unwrap();
        let state = w.as_widget().state();
        let plots = w.as_widget().plots();
        let marked = |id: &str, value: f64| {
            let t = plots.iter().find(|p| p.id == id).unwrap().transform;
            let [x, y] = t.to_px([num(&state, "step"), value]);
            commands.iter().any(|c| {
                matches!(c, Command::Circle((cx, cy), _, _, _, true)
                    if (f64::from(*cx) - x).abs() <= 1.0 && (f64::from(*cy) - y).abs() <= 1.0)
            })
        };
        let loss = num(&state, "loss");
        assert!(
            marked("loss", loss),
            "step {steps}: no mark at the loss {loss}"
        );
        let norm = num(&state, "weight_norm");
        assert!(
            marked("weights", norm),
            "step {steps}: no mark at |w| = {norm}"
        );
    }
}
