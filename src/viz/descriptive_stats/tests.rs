use super::*;
use crate::viz::registry::AnyWidget;
use crate::viz::theme::Theme;
use crate::viz::widget::Widget;

fn num(w: &DescriptiveStats, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

/// A widget drawn once at 640 CSS px, so pointer events can find the plots.
fn drawn(options: &[(&str, &str)]) -> AnyWidget {
    let mut w = AnyWidget::with_options(NAME, options.iter().copied()).unwrap();
    w.to_svg(640.0, 1.0, Theme::LIGHT).unwrap();
    w
}

#[test]
fn defaults_build_and_report_state() {
    let w = DescriptiveStats::new();
    assert_eq!(w.values().len(), 30);
    let s = w.state();
    for key in ["mean", "median", "variance", "std", "q1", "q3"] {
        assert!(s.field(key).and_then(Json::as_f64).is_some(), "{key}");
    }
    assert!(w.summary().q1 <= w.summary().median && w.summary().median <= w.summary().q3);
}

#[test]
fn explicit_data_gives_numpy_values() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "3.1, 4.2; 2.8 5.9,4.2, 3.7, 12.5, 4.8, 3.3, 4.0")
        .unwrap();
    // numpy.mean(x) = 4.85; numpy.var(x, ddof=1) = 8.020555555555555;
    // numpy.percentile(x, [25, 75]) = [3.4, 4.65] for the same x as in math::descriptive.
    assert!((num(&w, "mean") - 4.85).abs() < 1e-12);
    assert!((num(&w, "variance") - 8.020555555555555).abs() < 1e-12);
    assert!((num(&w, "q1") - 3.4).abs() < 1e-12);
    assert!((num(&w, "q3") - 4.65).abs() < 1e-12);
    assert_eq!(w.state().field("mode"), Some(&Json::nums([4.2])));
    // A pasted column: one value a line.
    w.set_option("data", "1\n2\r\n3\n").unwrap();
    assert_eq!(w.values(), &[1.0, 2.0, 3.0]);
}

#[test]
fn bad_data_is_named_and_keeps_the_last_good_state() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "1, 2, 3").unwrap();
    let good = w.state();
    for (raw, message) in [
        ("1, abc, 3", "data: entry 2 \"abc\" is not a number"),
        (
            "1, NaN",
            "data: entry 2 \"NaN\" must be finite and within ±1e9",
        ),
        (
            "1, inf",
            "data: entry 2 \"inf\" must be finite and within ±1e9",
        ),
        (
            "1e300, 2",
            "data: entry 1 \"1e300\" must be finite and within ±1e9",
        ),
        (" , ; ", "data: at least one value is needed"),
    ] {
        let e = w.set_option("data", raw).unwrap_err();
        assert_eq!(e.message, message);
        assert_eq!(w.state(), good, "after {raw}");
    }
    let many = vec!["1"; 1001].join(",");
    assert_eq!(
        w.set_option("data", &many).unwrap_err().message,
        "data: at most 1000 values are accepted"
    );
    assert!(w.set_option("bin-width", "-1").is_err());
}

#[test]
fn one_value_and_constant_data_are_explained() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "5").unwrap();
    assert_eq!(w.state().field("variance"), Some(&Json::Null));
    assert!(w.message().unwrap().text.contains("n − 1 = 0"));
    w.set_option("data", "2, 2, 2").unwrap();
    assert_eq!(num(&w, "variance"), 0.0);
    assert!(w
        .message()
        .unwrap()
        .text
        .contains("every measure of spread is 0"));
}

#[test]
fn dragging_a_point_far_out_moves_the_mean_not_the_median() {
    let mut aw = drawn(&[("data", "1, 2, 3, 4, 5")]);
    let plot = aw
        .as_widget()
        .plots()
        .into_iter()
        .find(|p| p.id == "points")
        .unwrap();
    let t = plot.transform;
    // The stacked dots sit near the bottom of the points plot.
    let y = (t.rect.y + t.rect.height) as f64 - 8.0;
    let from = [t.to_px([5.0, 0.0])[0], y];
    let w = aw.as_widget_mut();
    assert!(w.pointer(Pointer::Down(from)));
    let before = w.state();
    assert!(w.pointer(Pointer::Move([t.to_px([t.x.hi, 0.0])[0], y])));
    w.pointer(Pointer::Up([0.0, 0.0]));
    let after = w.state();
    let get = |s: &Json, k: &str| s.field(k).and_then(Json::as_f64).unwrap();
    assert!(get(&after, "mean") > get(&before, "mean") + 0.1);
    assert_eq!(get(&after, "median"), 3.0);
    assert_eq!(get(&after, "q1"), 2.0);
}

#[test]
fn clicking_empty_space_adds_a_point_and_delete_removes_it() {
    let mut aw = drawn(&[("data", "1, 2, 3, 4, 5")]);
    let t = aw.as_widget().plots()[1].transform;
    let w = aw.as_widget_mut();
    // Above the dots, inside the points plot: empty space.
    let at = [
        t.to_px([2.5, 0.0])[0],
        (t.rect.y + t.rect.height / 2) as f64,
    ];
    assert!(w.pointer(Pointer::Down(at)));
    w.pointer(Pointer::Up(at));
    assert_eq!(w.state().field("n").and_then(Json::as_f64), Some(6.0));
    assert!(w.key(Key {
        key: "Delete",
        shift: false
    }));
    assert_eq!(w.state().field("n").and_then(Json::as_f64), Some(5.0));
}

#[test]
fn keys_select_move_add_and_remove() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "1, 2, 3").unwrap();
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: false
    }));
    assert_eq!(w.selected(), Some(1), "the first selection is the median");
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: true
    }));
    assert!(w.values()[1] > 2.0);
    assert!(w.key(Key {
        key: "+",
        shift: false
    }));
    assert_eq!(w.values().len(), 4);
    assert!(w.key(Key {
        key: "Delete",
        shift: false
    }));
    assert!(w.key(Key {
        key: "Delete",
        shift: false
    }));
    assert!(w.key(Key {
        key: "Delete",
        shift: false
    }));
    assert_eq!(w.values().len(), 1);
    assert!(w.key(Key {
        key: "Delete",
        shift: false
    }));
    assert_eq!(w.values().len(), 1, "the last value stays");
    assert!(w.message().unwrap().text.contains("At least one value"));
}

#[test]
fn shape_and_resample_switch_to_generated_data() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "1, 2").unwrap();
    w.set_option("shape", "skewed").unwrap();
    assert_eq!(w.values().len(), 30);
    assert!(w.summary().mean > w.summary().median);
    let before = w.values().to_vec();
    assert!(w.action("resample"));
    assert_ne!(w.values(), before.as_slice());
    assert_eq!(w.options().int("seed"), 8);
}

#[test]
fn bin_width_option_sets_the_histogram() {
    let mut w = DescriptiveStats::new();
    w.set_option("data", "1, 2, 2.5, 3, 9").unwrap();
    w.set_option("bin-width", "2").unwrap();
    assert_eq!(num(&w, "bin_width"), 2.0);
    assert_eq!(w.histogram().counts.iter().sum::<usize>(), 5);
    w.set_option("bin-width", "0").unwrap();
    assert!(num(&w, "bin_width") > 0.0);
}
