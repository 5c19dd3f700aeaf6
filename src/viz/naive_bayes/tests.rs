use super::*;
use crate::viz::widget::Widget;

fn num(w: &NaiveBayes, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

#[test]
fn seeded_data_fits_and_full_covariance_does_at_least_as_well() {
    let w = NaiveBayes::new();
    let naive = num(&w, "accuracy_naive");
    let full = num(&w, "accuracy_full");
    assert!(naive > 0.7 && full >= naive - 0.05, "{naive} {full}");
    // Class B is generated with correlation 0.85.
    let rho = w.fit().b.correlation();
    assert!(rho > 0.6, "{rho}");
}

#[test]
fn clicking_adds_a_point_of_the_selected_class() {
    let mut w = NaiveBayes::new();
    let before = w.fit().a.prior;
    assert!(w.add_point([0.0, 0.0]));
    let s = w.state();
    let count = |c: &str| {
        s.field(c)
            .and_then(|o| o.field("count"))
            .and_then(Json::as_f64)
    };
    assert_eq!(count("class_a"), Some(41.0));
    assert!(w.fit().a.prior > before);
    assert!(w.action("toggle-class"));
    assert!(w.add_point([2.0, 2.0]));
    let s = w.state();
    assert_eq!(
        s.field("class_b")
            .and_then(|o| o.field("count"))
            .and_then(Json::as_f64),
        Some(41.0)
    );
    assert_eq!(w.options().points("points-a").len(), 41);
    assert_ne!(w.options().points("points-b").len(), 0);
}

#[test]
fn the_probe_reads_the_posterior_and_keys_move_it() {
    let mut w = NaiveBayes::new();
    let mean_a = w.fit().a.mean;
    w.set_probe(mean_a);
    assert!(num(&w, "probe_probability_a") > 0.5);
    let before = w.probe;
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: false
    }));
    assert!(w.probe[0] > before[0]);
    assert!(w.key(Key {
        key: "Enter",
        shift: false
    }));
    assert_eq!(w.options().points("points-a").len(), 41);
}

#[test]
fn bad_points_are_named_and_the_state_kept() {
    let mut w = NaiveBayes::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "points-a",
            "1,2",
            "points-a: class A: at least 2 data points are needed, got 1",
        ),
        (
            "points-b",
            "0,0",
            "points-b: class B: at least 2 data points are needed, got 1",
        ),
        (
            "points-a",
            "1,2;3,1e300",
            "points-a: class A: y of point 2 must be finite and within ±1e9, got 1e300",
        ),
        (
            "points-a",
            "1,2;3,NaN",
            "points-a: entry 2 \"3,NaN\" must be two finite numbers x,y",
        ),
        ("class", "c", "class must be one of a, b, got \"c\""),
    ] {
        assert_eq!(w.set_option(name, raw).unwrap_err().message, message);
    }
    assert_eq!(w.state(), good);
    w.set_option("points-a", "0,0;1,1;2,0").unwrap();
    assert!(num(&w, "accuracy_naive").is_finite());
}

#[test]
fn home_and_end_move_the_probe_to_the_side_edges() {
    let mut w = NaiveBayes::new();
    let key = |key| Key { key, shift: false };
    assert!(w.key(key("Home")));
    assert_eq!(w.probe[0], w.model.x.lo);
    assert!(w.key(key("End")));
    assert_eq!(w.probe[0], w.model.x.hi);
}

#[test]
fn the_probe_label_hides_as_few_points_as_it_can() {
    use crate::viz::display::{self, Command, EstimatedText};
    use crate::viz::theme::Theme;
    use crate::viz::widget::Frame;
    use std::rc::Rc;

    // The seeded data's probe sits among both classes. The label always went on the side
    // toward the plot's middle, where it hid 3 points at 1100 px and 9 at 390 px; the best of
    // the eight places around the probe hides 1 and 3.
    for (width, fewest) in [(1100.0, 1), (390.0, 3)] {
        let mut w = NaiveBayes::new();
        let frame = Frame {
            width_px: width as u32,
            height_px: w.height_for_width(width).round() as u32,
            scale: 1.0,
            theme: Theme::LIGHT,
        };
        let commands = display::record(
            (frame.width_px, frame.height_px),
            frame.scale,
            Rc::new(EstimatedText),
            |root, fields| w.draw(root, &frame, fields),
        )
        .unwrap();
        let t = w.plots()[0].transform;
        let label = commands
            .iter()
            .position(|c| matches!(c, Command::Text(s, _, _) if s.starts_with("P(A) = ")))
            .expect("a probe label");
        // The label's patch is the rectangle drawn just before it.
        let Command::Rect(a, b, _, _, true) = &commands[label - 1] else {
            panic!("no patch before the label: {:?}", commands[label - 1]);
        };
        let hidden: Vec<[f64; 2]> = w
            .model
            .a
            .iter()
            .chain(&w.model.b)
            .map(|p| t.to_px(*p))
            .filter(|q| {
                q[0] > f64::from(a.0) - 4.0
                    && q[0] < f64::from(b.0) + 4.0
                    && q[1] > f64::from(a.1) - 4.0
                    && q[1] < f64::from(b.1) + 4.0
            })
            .collect();
        assert!(
            hidden.len() <= fewest,
            "{width}: the label hides {hidden:?}"
        );
    }
}
