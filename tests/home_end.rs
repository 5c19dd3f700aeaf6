//! Home and End move the thing the arrow keys move to the left and right edges of its plot
//! (issue 8: "arrows, Shift for larger steps, Home/End") in the widgets where Home used to
//! reset; R resets there instead.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::viz::json::Json;
use mathsight::viz::registry::AnyWidget;
use mathsight::viz::theme::Theme;
use mathsight::viz::widget::Key;

fn press(any: &mut AnyWidget, key: &'static str) -> bool {
    any.as_widget_mut().key(Key { key, shift: false })
}

fn option(any: &AnyWidget, name: &str) -> f64 {
    match any
        .as_widget()
        .state()
        .field("options")
        .and_then(|o| o.field(name))
    {
        Some(Json::Str(s)) => s.parse().unwrap(),
        other => panic!("{name}: {other:?}"),
    }
}

fn num(any: &AnyWidget, path: &[&str]) -> f64 {
    let state = any.as_widget().state();
    let mut v = &state;
    for p in path {
        v = match p.parse::<usize>() {
            Ok(i) => match v {
                Json::Arr(items) => &items[i],
                _ => panic!("{p}"),
            },
            Err(_) => v.field(p).unwrap(),
        };
    }
    v.as_f64().unwrap()
}

fn drawn(name: &str) -> AnyWidget {
    let mut any = AnyWidget::create(name).unwrap();
    any.to_svg(640.0, 1.0, Theme::LIGHT).unwrap();
    any
}

#[test]
fn optimizers_home_and_end_move_the_start_to_the_edges() {
    let mut any = drawn("optimizers");
    let y = option(&any, "start-y");
    assert!(press(&mut any, "End"));
    let right = option(&any, "start-x");
    assert!(press(&mut any, "Home"));
    let left = option(&any, "start-x");
    assert!(left < right, "{left} < {right}");
    assert_eq!(
        option(&any, "start-y"),
        y,
        "Home and End move only sideways"
    );
    // R still resets the race (to the options' start: it is kept).
    press(&mut any, "Enter");
    assert!(num(&any, &["step"]) > 0.0);
    assert!(press(&mut any, "r"));
    assert_eq!(num(&any, &["step"]), 0.0);
}

#[test]
fn logistic_regression_home_and_end_move_the_cursor_where_a_point_is_added() {
    let mut any = drawn("logistic-regression");
    let xs = |any: &AnyWidget| -> Vec<f64> {
        match any.as_widget().state().field("points") {
            Some(Json::Arr(points)) => points
                .iter()
                .map(|p| match p {
                    Json::Arr(c) => c[0].as_f64().unwrap(),
                    _ => panic!(),
                })
                .collect(),
            other => panic!("{other:?}"),
        }
    };
    let before = xs(&any);
    assert!(press(&mut any, "Home"));
    assert!(press(&mut any, "0"));
    let added_left = *xs(&any).last().unwrap();
    assert!(press(&mut any, "End"));
    assert!(press(&mut any, "1"));
    let added_right = *xs(&any).last().unwrap();
    let lo = before.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = before.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    assert!(
        added_left <= lo && added_right >= hi,
        "{added_left} … {added_right} vs data {lo} … {hi}"
    );
}

#[test]
fn matrix_transform_home_and_end_move_the_basis_image_sideways() {
    let mut any = drawn("matrix-transform");
    let y = num(&any, &["columns", "0", "1"]);
    assert!(press(&mut any, "End"));
    let right = num(&any, &["columns", "0", "0"]);
    assert!(press(&mut any, "Home"));
    let left = num(&any, &["columns", "0", "0"]);
    assert!(left < 0.0 && right > 2.0, "{left} … {right}");
    assert_eq!(num(&any, &["columns", "0", "1"]), y);
}

#[test]
fn descriptive_stats_home_and_end_move_the_selected_value_to_the_line_ends() {
    let mut any = drawn("descriptive-stats");
    let (min, max) = (num(&any, &["min"]), num(&any, &["max"]));
    assert!(press(&mut any, "End"));
    assert!(num(&any, &["max"]) >= max);
    assert!(press(&mut any, "Home"));
    assert!(num(&any, &["min"]) <= min);
}

#[test]
fn bayes_rule_home_and_end_give_the_prior_its_ends_and_r_resets() {
    let mut any = drawn("bayes-rule");
    assert!(press(&mut any, "End"));
    assert_eq!(num(&any, &["prior"]), 1.0);
    assert!(press(&mut any, "Home"));
    assert_eq!(num(&any, &["prior"]), 0.0);
    assert!(press(&mut any, "Enter") || num(&any, &["observations"]) == 0.0);
    press(&mut any, "ArrowRight");
    press(&mut any, "Enter");
    assert_eq!(num(&any, &["observations"]), 1.0);
    assert!(press(&mut any, "r"));
    assert_eq!(num(&any, &["observations"]), 0.0);
}
