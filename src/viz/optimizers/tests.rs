use super::*;
use crate::viz::registry::AnyWidget;
use crate::viz::theme::Theme;

fn racer_state<'a>(state: &'a Json, id: &str) -> &'a Json {
    match state.field("optimizers") {
        Some(Json::Arr(list)) => list
            .iter()
            .find(|o| o.field("id") == Some(&Json::str(id)))
            .unwrap_or_else(|| panic!("no optimizer {id} in state")),
        other => panic!("optimizers is {other:?}"),
    }
}

#[test]
fn defaults_race_all_six_from_the_valley_start() {
    let w = Optimizers::new();
    assert_eq!(w.runs().count(), 6);
    let s = w.state();
    assert_eq!(s.field("surface"), Some(&Json::str("valley")));
    assert_eq!(s.field("start"), Some(&Json::nums([-4.5, 1.5])));
    for racer in &RACERS {
        let o = racer_state(&s, racer.id);
        assert_eq!(o.field("position"), Some(&Json::nums([-4.5, 1.5])));
        assert_eq!(o.field("step").and_then(Json::as_f64), Some(0.0));
        assert_eq!(o.field("status"), Some(&Json::str("running")));
        assert!(o.field("value").and_then(Json::as_f64).is_some());
    }
}

#[test]
fn the_valley_race_converges_and_momentum_beats_descent() {
    let mut w = Optimizers::new();
    w.step(MAX_STEPS as u32);
    let s = w.state();
    let steps = |id| {
        racer_state(&s, id)
            .field("step")
            .and_then(Json::as_f64)
            .unwrap()
    };
    for racer in RACERS.iter().filter(|r| r.id != "rmsprop") {
        assert_eq!(
            racer_state(&s, racer.id).field("status"),
            Some(&Json::str("converged")),
            "{}",
            racer.id
        );
    }
    // RMSProp with a constant α keeps stepping about α/2 across the valley floor: its step is
    // α·g/√E, and near the minimum g/√E stays near ±1. It hovers, honestly "running".
    let rms = racer_state(&s, "rmsprop");
    assert_eq!(rms.field("status"), Some(&Json::str("running")));
    let d = rms
        .field("distance_to_minimum")
        .and_then(Json::as_f64)
        .unwrap();
    assert!(d < 0.02, "{d}");
    assert!(
        steps("momentum") < steps("gd"),
        "momentum {} vs gd {}",
        steps("momentum"),
        steps("gd")
    );
    assert!(w.race.finished());
    let m = w.message().unwrap();
    assert!(
        m.text
            .starts_with("The race stops at 10000 steps. Still moving: RMSProp."),
        "{}",
        m.text
    );
}

#[test]
fn a_diverging_optimizer_is_stopped_and_named() {
    let mut w = Optimizers::new();
    w.set_option("surface", "rosenbrock").unwrap();
    assert_eq!(
        w.start(),
        [-1.5, 2.5],
        "a new surface starts from its own start"
    );
    w.step(200);
    let s = w.state();
    assert_eq!(
        racer_state(&s, "gd").field("status"),
        Some(&Json::str("diverged"))
    );
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(
        m.text
            .starts_with("Gradient descent, Momentum and Nesterov diverged: their steps"),
        "{}",
        m.text
    );
    for (_, run) in w.runs() {
        assert!(run.points().iter().all(|p| p.value.is_finite()));
    }
    // Lowering the rate fixes it.
    w.set_option("gd-learning-rate", "0.001").unwrap();
    w.step(200);
    assert_eq!(
        racer_state(&w.state(), "gd").field("status"),
        Some(&Json::str("running"))
    );
    // One racer alone is named in the singular.
    for off in ["gradient-descent", "nesterov"] {
        w.set_option(off, "false").unwrap();
    }
    w.step(200);
    let m = w.message().unwrap();
    assert!(
        m.text.starts_with("Momentum diverged: its steps"),
        "{}",
        m.text
    );
}

#[test]
fn bad_options_keep_the_last_good_state() {
    let mut w = Optimizers::new();
    w.step(3);
    let good = w.state();
    for (name, raw, message) in [
        ("adam-learning-rate", "NaN", "adam-learning-rate must be a number from 0.00001 to 10, got \"NaN\""),
        ("adam-learning-rate", "inf", "adam-learning-rate must be a number from 0.00001 to 10, got \"inf\""),
        ("momentum-beta", "1", "momentum-beta must be a number from 0 to 0.999, got \"1\""),
        ("start-x", "1e300", "start-x must be a number from -1000000 to 1000000, got \"1e300\""),
        ("surface", "sphere", "surface must be one of regression, bowl, valley, rosenbrock, saddle, himmelblau, plateau, got \"sphere\""),
        ("epsilon", "-1", "epsilon must be a number from 0 to 1, got \"-1\""),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(w.state(), good, "after {name}={raw}");
    }
}

#[test]
fn switching_an_optimizer_off_removes_it_from_the_race() {
    let mut w = Optimizers::new();
    w.set_option("adagrad", "false").unwrap();
    assert_eq!(w.runs().count(), 5);
    assert!(w.runs().all(|(r, _)| r.id != "adagrad"));
    let readout = w
        .readouts()
        .into_iter()
        .find(|r| r.id == "adagrad")
        .unwrap();
    assert_eq!(readout.value, "not racing");
    for r in RACERS {
        w.set_option(r.option, "false").unwrap();
    }
    assert!(w
        .message()
        .unwrap()
        .text
        .starts_with("No optimizer is racing"));
    w.step(5);
    assert_eq!(w.steps(), 5);
}

#[test]
fn internal_state_is_inspectable() {
    let mut w = Optimizers::new();
    w.step(2);
    let s = w.state();
    let adam = racer_state(&s, "adam").field("memory").unwrap();
    assert_eq!(adam.field("t").and_then(Json::as_f64), Some(2.0));
    assert!(adam.field("mean_gradient").is_some() && adam.field("squared_gradient").is_some());
    assert!(racer_state(&s, "momentum")
        .field("memory")
        .unwrap()
        .field("velocity")
        .is_some());
    let text = w
        .readouts()
        .into_iter()
        .find(|r| r.id == "rmsprop")
        .unwrap()
        .value;
    assert!(text.contains("avg g² ("), "{text}");
}

#[test]
fn clicking_and_keys_move_the_start() {
    let mut w = AnyWidget::create(NAME).unwrap();
    w.to_svg(640.0, 1.0, Theme::LIGHT).unwrap();
    let widget = w.as_widget_mut();
    let plot = widget
        .plots()
        .into_iter()
        .find(|p| p.id == "surface")
        .unwrap();
    let px = plot.transform.to_px([1.0, -1.0]);
    widget.step(4);
    assert!(widget.pointer(Pointer::Down(px)));
    assert!(widget.pointer(Pointer::Up(px)));
    let s = widget.state();
    let start = s.field("start").unwrap();
    let Json::Arr(v) = start else { panic!() };
    assert!(
        (v[0].as_f64().unwrap() - 1.0).abs() < 0.02 && (v[1].as_f64().unwrap() + 1.0).abs() < 0.02,
        "{start:?}"
    );
    assert_eq!(s.field("step").and_then(Json::as_f64), Some(0.0));
    let before = widget.options().float("start-x");
    assert!(widget.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert!((widget.options().float("start-x") - before - 0.2).abs() < 1e-9);
    assert!(widget.key(Key {
        key: "Enter",
        shift: false
    }));
    assert_eq!(
        widget.state().field("step").and_then(Json::as_f64),
        Some(1.0)
    );
}

#[test]
fn playing_steps_with_the_clock_and_stops_when_all_are_done() {
    let mut w = Optimizers::new();
    w.set_option("surface", "bowl").unwrap();
    w.set_option("speed", "240").unwrap();
    w.set_playing(true);
    assert!(!w.tick(0.0));
    assert!(w.tick(100.0));
    assert_eq!(w.steps(), 24);
    let mut t = 100.0;
    while w.playing() && t < 1e8 {
        t += 16.0;
        w.tick(t);
    }
    assert!(w.race.finished());
}

#[test]
fn every_surface_draws_with_its_formula() {
    for surface in [
        "regression",
        "bowl",
        "valley",
        "rosenbrock",
        "saddle",
        "himmelblau",
        "plateau",
    ] {
        let mut w = AnyWidget::with_options(NAME, [("surface", surface), ("steps", "50")]).unwrap();
        let svg = w.to_svg(360.0, 2.0, Theme::DARK).unwrap();
        let formula = surface_named(surface).unwrap().formula();
        assert!(svg.contains(formula), "{surface}: no caption {formula}");
    }
}

#[test]
fn racing_repaints_little_more_than_what_moves() {
    use crate::viz::display::EstimatedText;
    use crate::viz::layers::{Layers, Paint};
    use crate::viz::widget::Frame;
    use std::rc::Rc;

    let mut w =
        AnyWidget::with_options(NAME, [("surface", "rosenbrock"), ("steps", "150")]).unwrap();
    let frame = Frame {
        width_px: 2200,
        height_px: 1100,
        scale: 2.0,
        theme: Theme::LIGHT,
    };
    let mut layers = Layers::default();
    let (mut base_repaints, mut most_above) = (0, 0);
    for step in 150..420 {
        let commands = w.record(&frame, Rc::new(EstimatedText)).unwrap();
        let plan = layers.plan(&commands, true);
        match plan {
            Paint::Layered { base, kept } if step > 150 => {
                base_repaints += usize::from(kept == 0);
                most_above = most_above.max(commands.len() - base);
            }
            Paint::Whole if step > 150 => panic!("step {step} was painted whole"),
            _ => {}
        }
        layers.painted(commands, plan, &EstimatedText);
        w.as_widget_mut().step(1);
    }
    // The still layer is repainted only when an axis changes: the step axis's end at 200, 300
    // and 400, and the value axis a few times as the gaps shrink past a power of ten.
    assert!(
        (3..=8).contains(&base_repaints),
        "{base_repaints} repaints of the base"
    );
    // Above it: each racer's growing tail of path and curve, its marker and dot, the step
    // label and the legend.
    assert!(
        most_above <= 60,
        "up to {most_above} commands repainted per frame"
    );
}
