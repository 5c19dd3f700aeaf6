use super::*;
use crate::viz::widget::Widget;

#[test]
fn defaults_have_real_eigenvectors_and_positive_area() {
    let w = MatrixTransform::new();
    let s = w.state();
    assert_eq!(s.field("det").and_then(Json::as_f64), Some(3.0));
    assert_eq!(s.field("orientation"), Some(&Json::str("preserved")));
    // numpy.linalg.eig([[2,1],[1,2]])[0] → [3., 1.]
    assert_eq!(s.field("eigenvalues"), Some(&Json::nums([3.0, 1.0])));
}

#[test]
fn keys_move_the_basis_images_and_flip_orientation() {
    let mut w = MatrixTransform::new();
    w.set_option("a", "1,0;0,1").unwrap();
    assert!(w.key(Key {
        key: "n",
        shift: false
    }));
    for _ in 0..4 {
        assert!(w.key(Key {
            key: "ArrowDown",
            shift: true
        }));
    }
    // e2 now lands on (0, -1): a reflection.
    assert_eq!(w.matrix(), [[1.0, 0.0], [0.0, -1.0]]);
    assert_eq!(w.orientation(), "reversed");
    assert!(w.message().unwrap().text.contains("flips orientation"));
}

#[test]
fn a_singular_matrix_collapses_and_says_why() {
    let mut w = MatrixTransform::new();
    w.set_option("a", "1,2;2,4").unwrap();
    assert_eq!(w.orientation(), "collapsed");
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(
        m.text
            .contains("no solution when b is off that line, and infinitely many"),
        "{}",
        m.text
    );
    w.set_option("a", "0,-1;1,0").unwrap();
    assert_eq!(
        w.state().field("eigenvalues"),
        Some(&Json::Null),
        "a rotation has no real eigenvector"
    );
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let mut w = MatrixTransform::new();
    let good = w.state();
    for (raw, message) in [
        (
            "1,2;3",
            "a: row 2 has 1 entries but row 1 has 2; every row needs the same number",
        ),
        (
            "1,2,3;4,5,6;7,8,9",
            "a: must be 2×2 (a map of the plane), got 3 rows of 3 entries",
        ),
        (
            "1,NaN;0,1",
            "a: row 1, column 2 must be finite, got \"NaN\"",
        ),
        (
            "1,2;1e300,1",
            "a: row 2, column 1 must be within ±1e9, got \"1e300\"",
        ),
    ] {
        assert_eq!(w.set_option("a", raw).unwrap_err().message, message);
        assert_eq!(w.state(), good);
    }
}

#[test]
fn huge_entries_draw_a_bounded_picture() {
    let mut w = MatrixTransform::new();
    w.set_option("a", "1e9,-1e9;1e9,1e9").unwrap();
    let mut any = crate::viz::registry::AnyWidget::create(NAME).unwrap();
    any.as_widget_mut()
        .set_option("a", "1e9,-1e9;1e9,1e9")
        .unwrap();
    let svg = any
        .to_svg(640.0, 1.0, crate::viz::theme::Theme::LIGHT)
        .unwrap();
    assert!(svg.len() < 200_000, "{} bytes", svg.len());
    assert_eq!(w.orientation(), "preserved");
}

#[test]
fn the_det_label_keeps_off_the_shapes_outline() {
    use crate::viz::display::{Command, EstimatedText};
    use crate::viz::geometry::segment_meets_box;
    use crate::viz::registry::AnyWidget;
    use crate::viz::theme::Theme;
    use crate::viz::widget::Frame;
    use std::rc::Rc;

    let ink = Theme::LIGHT.text;
    for (a, shape, width) in [
        ("2,1;1,2", "house", 1100.0),
        ("1,0;0,1", "house", 1100.0),
        ("2,0;0,2", "house", 1100.0),
        ("1,1;0,1", "house", 1100.0),
        ("3,1;1,2", "house", 1100.0),
        ("0.5,-1;1,0.5", "house", 1100.0),
        ("2,1;1,2", "circle", 1100.0),
        ("1,1.5;0.5,-1", "circle", 360.0),
        ("2,1;1,2", "house", 360.0),
    ] {
        let mut w =
            AnyWidget::with_options("matrix-transform", [("a", a), ("shape", shape)]).unwrap();
        let frame = Frame {
            width_px: width as u32,
            height_px: w.as_widget().height_for_width(width).round() as u32,
            scale: 1.0,
            theme: Theme::LIGHT,
        };
        let commands = w.record(&frame, Rc::new(EstimatedText)).unwrap();
        // The shape's image: lines in the text colour, 2.5 px wide.
        let outline: Vec<[[f64; 2]; 2]> = commands
            .iter()
            .filter_map(|c| match c {
                Command::Line(p, q, (r, g, b, _), 3) if (*r, *g, *b) == (ink.0, ink.1, ink.2) => {
                    Some([[p.0 as f64, p.1 as f64], [q.0 as f64, q.1 as f64]])
                }
                Command::Path(points, (r, g, b, _), 3)
                    if (*r, *g, *b) == (ink.0, ink.1, ink.2) && points.len() == 2 =>
                {
                    let (p, q) = (points[0], points[1]);
                    Some([[p.0 as f64, p.1 as f64], [q.0 as f64, q.1 as f64]])
                }
                _ => None,
            })
            .collect();
        assert!(
            outline.len() >= 6,
            "{a} {shape} {width}: {} outline lines",
            outline.len()
        );
        let (text, at) = commands
            .iter()
            .find_map(|c| match c {
                Command::Text(t, _, at) if t.starts_with("det = ") => Some((t.clone(), *at)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{a} {shape} {width}: no det label"));
        // The patch behind a centred 11 px label (see annotate::label_box).
        let half_w = (0.55 * 11.0 * text.chars().count() as f64 + 4.0) / 2.0;
        let b = [
            at.0 as f64 - half_w,
            at.1 as f64 - 6.5,
            at.0 as f64 + half_w,
            at.1 as f64 + 6.5,
        ];
        for [p, q] in &outline {
            assert!(
                !segment_meets_box(*p, *q, b),
                "{a} {shape} {width}: {text} at {at:?} is on the outline {p:?}–{q:?}"
            );
        }
    }
}

#[test]
fn the_plane_is_square_in_a_tall_widget_too() {
    use crate::viz::display::{self, EstimatedText};
    use crate::viz::theme::Theme;
    use crate::viz::widget::Frame;
    use std::rc::Rc;

    // The shell's boxes: 2 : 1 when wide, 1 : 1.7 when narrow (mathsight.css).
    for (width, height, scale) in [(1100, 550, 1.0), (390, 663, 2.0), (320, 544, 3.0)] {
        let mut w = MatrixTransform::new();
        let frame = Frame {
            width_px: (f64::from(width) * scale) as u32,
            height_px: (f64::from(height) * scale) as u32,
            scale,
            theme: Theme::LIGHT,
        };
        display::record(
            (frame.width_px, frame.height_px),
            frame.scale,
            Rc::new(EstimatedText),
            |root, fields| w.draw(root, &frame, fields),
        )
        .unwrap();
        let t = w.plots()[0].transform;
        // One data unit is as long across as up: the axes show the same span.
        let (across, up) = (
            f64::from(t.rect.width) / t.x.width(),
            f64::from(t.rect.height) / t.y.width(),
        );
        assert!(
            (across / up - 1.0).abs() < 0.05,
            "{width} × {height}: {across:.1} px a unit across, {up:.1} up"
        );
    }
}
