use super::*;
use crate::viz::registry::AnyWidget;
use crate::viz::theme::Theme;

fn num(w: &RegressionStats, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

#[test]
fn defaults_report_every_state_field() {
    let w = RegressionStats::new();
    for key in [
        "slope",
        "intercept",
        "r_squared",
        "slope_stderr",
        "slope_p_value",
    ] {
        assert!(num(&w, key).is_finite(), "{key}");
    }
    assert_eq!(num(&w, "n"), 20.0);
}

#[test]
fn pasted_csv_matches_linregress_and_names_bad_rows() {
    let mut w = RegressionStats::new();
    w.set_option(
        "csv",
        "hours,score\n1,2.1\n2,2.9\n3,4.2\noops,1\n4,4.8\n5,6.3\n6,6.8\n7\n",
    )
    .unwrap();
    // scipy.stats.linregress([1, 2, 3, 4, 5, 6], [2.1, 2.9, 4.2, 4.8, 6.3, 6.8]): slope
    // 0.9799999999999999, intercept 1.086666666666667, stderr 0.05623081683476449,
    // pvalue 6.363148069747597e-05
    assert!((num(&w, "slope") - 0.98).abs() < 1e-12);
    assert!((num(&w, "intercept") - 1.086666666666667).abs() < 1e-12);
    assert!((num(&w, "slope_stderr") - 0.05623081683476449).abs() < 1e-12);
    assert!((num(&w, "slope_p_value") - 6.363148069747597e-05).abs() < 1e-12);
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert_eq!(
        m.text,
        "Using 6 good rows. Skipped 2 rows: line 5, column 1: \"oops\" is not a number; line 9: expected 2 columns, found 1."
    );
    assert_eq!(w.state().field("source"), Some(&Json::str("csv")));
}

/// Issue 6: the limits on a paste are stated beside the box, and a paste beyond them is
/// explained (rows: the first ones are used; bytes: refused with the limit named).
#[test]
fn size_limits_are_stated_and_not_crashed_into() {
    let mut w = RegressionStats::new();
    let label = w
        .controls()
        .into_iter()
        .find_map(|c| match c {
            Control::TextArea {
                option: "csv",
                label,
            } => Some(label),
            _ => None,
        })
        .unwrap();
    assert!(
        label.contains(&format!("at most {MAX_ROWS} rows")),
        "{label}"
    );
    assert!(label.contains("100000 bytes"), "{label}");
    let many: String = (0..MAX_ROWS + 3)
        .map(|i| format!("{i},{}\n", i % 7))
        .collect();
    w.set_option("csv", &many).unwrap();
    assert_eq!(num(&w, "n"), MAX_ROWS as f64);
    assert_eq!(num(&w, "dropped_rows"), 3.0);
    assert!(w.message().unwrap().text.contains(&format!(
        "Only the first {MAX_ROWS} rows are used; 3 more were left out."
    )));
    let good = w.state();
    let huge = "1,2\n".repeat(30_000);
    let e = w.set_option("csv", &huge).unwrap_err();
    assert_eq!(
        e.message,
        "csv is 120000 bytes long; at most 100000 are accepted"
    );
    assert_eq!(w.state(), good);
}

#[test]
fn bad_data_is_named_and_keeps_the_last_good_state() {
    let mut w = RegressionStats::new();
    let good = w.state();
    for (name, raw, message) in [
        ("csv", "a,b\nx,y\n", "csv: no usable rows (line 2, column 1: \"x\" is not a number; line 2, column 2: \"y\" is not a number)"),
        ("csv", "1,2\n2,3\n", "csv: at least 3 data points are needed, got 2"),
        ("csv", "1,2\n1,3\n1,4\n", "csv: all x values equal 1: a line's slope is not determined, spread the points out"),
        ("csv", "1,2\n2,2\n3,2\n", "csv: the spread of y must be > 0 (all y values are equal, so R² and the slope's t are undefined), got 0"),
        ("points", "1,2;2,nan", "points: entry 2 \"2,nan\" must be two finite numbers x,y"),
        ("noise", "-1", "noise must be a number from 0 to 100, got \"-1\""),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(w.state(), good, "after {name}={raw:?}");
    }
}

#[test]
fn dragging_and_keys_move_points_and_refit() {
    let mut aw = AnyWidget::with_options(NAME, [("points", "1,1;2,2;3,3.5;4,3.9")]).unwrap();
    aw.to_svg(800.0, 1.0, Theme::LIGHT).unwrap();
    let t = aw.as_widget().plots()[0].transform;
    let w = aw.as_widget_mut();
    let slope = w.state().field("slope").and_then(Json::as_f64).unwrap();
    assert!(w.pointer(Pointer::Down(t.to_px([4.0, 3.9]))));
    assert!(w.pointer(Pointer::Move(t.to_px([4.0, 2.5]))));
    w.pointer(Pointer::Up([0.0, 0.0]));
    let after = w.state().field("slope").and_then(Json::as_f64).unwrap();
    assert!(after < slope, "{after} < {slope}");
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    assert!(w.state().field("slope").and_then(Json::as_f64).unwrap() > after);
    assert!(w.key(Key {
        key: "n",
        shift: false
    }));
}

#[test]
fn home_and_end_move_the_selected_point_to_the_frame_edges() {
    let mut w = RegressionStats::new();
    let key = |key| Key { key, shift: false };
    assert!(w.key(key("PageDown")));
    let i = w.selected.unwrap();
    // Moved points are rounded to a thousandth of the view.
    let near = |a: f64, b: f64, w: f64| (a - b).abs() <= w / 1000.0;
    assert!(w.key(key("Home")));
    let (x, view) = (w.model.points[i][0], w.model.x_view);
    assert!(near(x, view.lo, view.width()), "{x} vs {}", view.lo);
    assert!(w.key(key("End")));
    let (x, view) = (w.model.points[i][0], w.model.x_view);
    assert!(near(x, view.hi, view.width()), "{x} vs {}", view.hi);
}
