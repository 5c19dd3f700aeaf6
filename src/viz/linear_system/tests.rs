use super::*;
use crate::viz::widget::Widget;

fn num(s: &Json, key: &str) -> f64 {
    s.field(key).and_then(Json::as_f64).unwrap_or(f64::NAN)
}

#[test]
fn defaults_tell_the_story() {
    let w = LinearSystem::new();
    let s = w.state();
    assert_eq!(s.field("kind"), Some(&Json::str("unique")));
    assert_eq!(s.field("x"), Some(&Json::nums([0.0, 9.0])));
    assert_eq!(num(&s, "rank"), 2.0);
    assert_eq!(num(&s, "rank_augmented"), 2.0);
    // numpy.linalg.cond([[2,1],[4,3]]) → 14.933034373659224
    assert!((num(&s, "condition_number") - 14.933034373659224).abs() < 1e-9);
    let Some(Json::Arr(steps)) = s.field("steps") else {
        panic!("steps missing")
    };
    assert_eq!(
        steps.first(),
        Some(&Json::str("R2 ← R2 − 2·R1: eliminates x from R2"))
    );
    assert_eq!(w.handles.len(), 4);
}

#[test]
fn stepping_moves_the_lines_not_the_solution() {
    let mut w = LinearSystem::new();
    let x = w.state().field("x").cloned();
    w.step(1);
    assert_eq!(w.shown(), 1);
    assert_eq!(w.stage_text()[1], ["0", "1", "9"]);
    assert_eq!(w.state().field("x").cloned(), x);
    w.step(10);
    assert_eq!(w.shown(), 3, "stops after the last operation");
    assert_eq!(w.stage_text(), [["1", "0", "0"], ["0", "1", "9"]]);
    assert!(w.action("back"));
    assert_eq!(w.shown(), 2);
    w.reset();
    assert_eq!(w.shown(), 0);
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let mut w = LinearSystem::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "a",
            "1,2;3",
            "a: row 2 has 1 entries but row 1 has 2; every row needs the same number",
        ),
        (
            "a",
            "1,2;3,NaN",
            "a: row 2, column 2 must be finite, got \"NaN\"",
        ),
        (
            "a",
            "1,2;x,4",
            "a: row 2, column 1 must be a number (like 3, -1/2 or 0.25), got \"x\"",
        ),
        (
            "a",
            "1,2,3,4;1,2,3,4;1,2,3,4;1,2,3,4",
            "a: must have 2 or 3 rows (a 2×2 or 3×3 system), got 4",
        ),
        (
            "a",
            "1,2,3;4,5,6",
            "a: must be square: 2 rows need 2 entries each, got 3",
        ),
        (
            "b",
            "1,2,3",
            "b: must have 2 entries, one per row of a, got 3",
        ),
        ("b", "1,inf", "b: row 2 must be finite, got \"inf\""),
        ("b", "1,1e12", "b: row 2 must be within ±1e9, got \"1e12\""),
        (
            "step",
            "-1",
            "step must be a whole number from 0 to 30, got \"-1\"",
        ),
    ] {
        let e = w.set_option(name, raw).unwrap_err();
        assert_eq!(e.message, message, "{name}={raw}");
        assert_eq!(w.state(), good, "after {name}={raw}");
    }
}

#[test]
fn a_new_size_carries_b_along() {
    let mut w = LinearSystem::new();
    w.set_option("a", "1,0,0;0,1,0;0,0,1").unwrap();
    assert_eq!(w.options().text("b"), "9,27,0");
    assert_eq!(w.state().field("x"), Some(&Json::nums([9.0, 27.0, 0.0])));
    w.set_option("a", "1,1;1,-1").unwrap();
    assert_eq!(w.options().text("b"), "9,27");
}

#[test]
fn fractions_are_shown_exactly() {
    let mut w = LinearSystem::new();
    w.set_option("a", "2,0;0,3").unwrap();
    w.set_option("b", "3,1").unwrap();
    assert_eq!(w.solution_words(), "x = 3/2, y = 1/3");
    w.set_option("b", "3.0,1").unwrap();
    assert_eq!(w.solution_words(), "x = 1.5, y = 0.3333");
}

#[test]
fn parallel_coincident_and_sensitive_systems_say_so() {
    let mut w = LinearSystem::new();
    w.set_option("a", "1,2;2,4").unwrap();
    w.set_option("b", "3,7").unwrap();
    let s = w.state();
    assert_eq!(s.field("kind"), Some(&Json::str("none")));
    assert_eq!(s.field("x"), Some(&Json::Null));
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(
        m.text.contains("parallel") && m.text.contains("row 2 reading 0 = 1"),
        "{}",
        m.text
    );
    w.set_option("b", "3,6").unwrap();
    assert_eq!(w.state().field("kind"), Some(&Json::str("infinite")));
    assert_eq!(w.solution_words(), "x = 3 − 2t, y = t");
    assert!(w.message().unwrap().text.contains("the lines coincide"));
    w.set_option("a", "1,1;1,1.000000001").unwrap();
    w.set_option("b", "2,2.000000001").unwrap();
    assert!(w.message().unwrap().text.contains("above 1e8"));
}

#[test]
fn keys_move_a_handle_and_keep_whole_numbers() {
    let mut w = LinearSystem::new();
    // The default view's grid unit is 0.5.
    assert_eq!(w.view.unit, 0.5);
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    let a = w.options().text("a").to_string();
    let b = w.options().text("b").to_string();
    assert_ne!((a.as_str(), b.as_str()), ("2,1;4,3", "9,27"));
    assert!(a.split([',', ';']).all(|v| v.parse::<i64>().is_ok()), "{a}");
    assert!(b.split(',').all(|v| v.parse::<i64>().is_ok()), "{b}");
    // Both handles lie on the new first line.
    let row = &w.system().a[0];
    for h in &w.handles[0..2] {
        let lhs = row[0] * h[0] + row[1] * h[1];
        assert!((lhs - w.system().b[0]).abs() < 1e-9, "{h:?} off the line");
    }
    assert!(w.key(Key {
        key: "n",
        shift: false
    }));
    assert_eq!(w.selected, 1);
    assert!(w.key(Key {
        key: "Enter",
        shift: false
    }));
    assert_eq!(w.shown(), 1);
    assert!(w.key(Key {
        key: "Backspace",
        shift: false
    }));
    assert_eq!(w.shown(), 0);
}

#[test]
fn arrow_keys_turn_the_planes() {
    let mut w = LinearSystem::new();
    w.set_option("a", "2,1,-1;-3,-1,2;-2,1,2").unwrap();
    w.set_option("b", "8,-11,-3").unwrap();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert_eq!(w.options().float("yaw"), 40.0);
    assert!(w.key(Key {
        key: "ArrowUp",
        shift: true
    }));
    assert_eq!(w.options().float("pitch"), 35.0);
    assert_eq!(
        w.state().field("x_exact"),
        Some(&Json::Arr(vec![
            Json::str("2"),
            Json::str("3"),
            Json::str("-1")
        ]))
    );
}

#[test]
fn lines_through_grid_points_have_whole_coefficients() {
    assert_eq!(
        line_through([0.0, 9.0], [4.0, 1.0], 0.5, [2.0, 1.0]),
        Some([2, 1, 9])
    );
    assert_eq!(
        line_through([0.5, 0.0], [0.5, 2.0], 0.5, [1.0, 0.0]),
        Some([2, 0, 1])
    );
    assert_eq!(line_through([1.0, 1.0], [1.0, 1.0], 0.5, [1.0, 0.0]), None);
    assert_eq!(nice_up(0.4), 0.5);
    assert_eq!(nice_up(7.3), 10.0);
}

#[test]
fn overflowing_fractions_fall_back_to_floating_point() {
    let mut w = LinearSystem::new();
    w.set_option("a", "1/999999937,2/999999929,3/999999893;5/999999883,7/999999797,11/999999761;13/999999757,17/999999751,19/999999739").unwrap();
    w.set_option("b", "1,2,3").unwrap();
    let s = w.state();
    assert_eq!(
        s.field("exact"),
        Some(&Json::Bool(false)),
        "i128 overflowed, so floats were used"
    );
    assert!(matches!(s.field("kind"), Some(Json::Str(_))));
    let svg = crate::viz::registry::AnyWidget::with_options(
        NAME,
        [("a", "1e9,1;1,1e-9"), ("b", "1e9,-1e9")],
    )
    .unwrap()
    .to_svg(640.0, 1.0, crate::viz::theme::Theme::LIGHT);
    assert!(svg.is_ok());
}

/// Issue 4: three planes with no common point, and three coincident planes (a solution plane
/// with two parameters), are classified by rank and said.
#[test]
fn planes_without_a_common_point_or_with_a_common_plane_say_so() {
    let mut w = LinearSystem::new();
    w.set_option("a", "1,1,1;1,2,3;2,3,4").unwrap();
    w.set_option("b", "6,14,21").unwrap();
    let s = w.state();
    assert_eq!(s.field("kind"), Some(&Json::str("none")));
    assert_eq!(s.field("x"), Some(&Json::Null));
    assert_eq!((num(&s, "rank"), num(&s, "rank_augmented")), (2.0, 3.0));
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(m.text.contains("no point lies on all three"), "{}", m.text);
    w.set_option("a", "1,1,1;2,2,2;-1,-1,-1").unwrap();
    w.set_option("b", "2,4,-2").unwrap();
    let s = w.state();
    assert_eq!(s.field("kind"), Some(&Json::str("infinite")));
    assert_eq!((num(&s, "rank"), num(&s, "rank_augmented")), (1.0, 1.0));
    assert_eq!(w.solution_words(), "x = 2 − s − t, y = s, z = t");
    assert!(w
        .message()
        .unwrap()
        .text
        .contains("the planes coincide: every point of the plane is a solution"));
}
