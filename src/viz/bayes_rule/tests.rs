use super::*;
use crate::viz::widget::Widget;

fn num(w: &BayesRule, key: &str) -> f64 {
    w.state()
        .field(key)
        .and_then(Json::as_f64)
        .unwrap_or(f64::NAN)
}

#[test]
fn default_story_halves_the_doubt() {
    // P(B) = 0.8·0.2 + 0.2·0.8 = 0.32; P(A|B) = 0.16/0.32 = 0.5.
    let w = BayesRule::new();
    assert!((num(&w, "evidence") - 0.32).abs() < 1e-15);
    assert!((num(&w, "posterior") - 0.5).abs() < 1e-15);
    let nf = w.state().field("natural_frequencies").cloned().unwrap();
    assert_eq!(nf.field("a_and_b").and_then(Json::as_f64), Some(160.0));
    assert_eq!(nf.field("b").and_then(Json::as_f64), Some(320.0));
}

#[test]
fn observing_again_makes_the_posterior_the_next_prior() {
    let mut w = BayesRule::new();
    assert!(w.action("observe"));
    assert!((num(&w, "prior") - 0.5).abs() < 1e-15);
    // 0.8·0.5/(0.8·0.5 + 0.2·0.5) = 0.8.
    assert!((num(&w, "posterior") - 0.8).abs() < 1e-15);
    assert_eq!(w.history().len(), 2);
    w.reset();
    assert_eq!(w.history().len(), 1);
    assert!((num(&w, "prior") - 0.2).abs() < 1e-15);
}

#[test]
fn the_medical_story_sets_every_number() {
    let mut w = BayesRule::new();
    w.set_option("story", "medical-test").unwrap();
    // 0.9·0.01/(0.9·0.01 + 0.09·0.99) = 90/981.
    assert!((num(&w, "posterior") - 90.0 / 981.0).abs() < 1e-15);
    assert_eq!(
        w.state().field("label_b"),
        Some(&Json::str("tests positive"))
    );
}

#[test]
fn bad_input_is_refused_and_the_state_kept() {
    let mut w = BayesRule::new();
    let good = w.state();
    for (name, raw, message) in [
        (
            "prior",
            "1.5",
            "prior must be a number from 0 to 1, got \"1.5\"",
        ),
        (
            "likelihood",
            "NaN",
            "likelihood must be a number from 0 to 1, got \"NaN\"",
        ),
        (
            "false-positive",
            "-inf",
            "false-positive must be a number from 0 to 1, got \"-inf\"",
        ),
        (
            "story",
            "dragons",
            "story must be one of friends, medical-test, got \"dragons\"",
        ),
        (
            "observations",
            "51",
            "observations must be a whole number from 0 to 50, got \"51\"",
        ),
    ] {
        assert_eq!(w.set_option(name, raw).unwrap_err().message, message);
    }
    assert_eq!(w.state(), good);
}

#[test]
fn impossible_evidence_is_explained_not_divided_by() {
    let mut w = BayesRule::new();
    w.set_option("prior", "0").unwrap();
    w.set_option("false-positive", "0").unwrap();
    assert_eq!(w.state().field("posterior"), Some(&Json::Null));
    assert!(!w.action("observe"));
    let m = w.message().unwrap();
    assert_eq!(m.level, Level::Warning);
    assert!(m.text.starts_with("P(B) = 0"), "{}", m.text);
}

#[test]
fn keys_move_each_handle() {
    let mut w = BayesRule::new();
    assert!(w.key(Key {
        key: "ArrowRight",
        shift: true
    }));
    assert!((num(&w, "prior") - 0.3).abs() < 1e-12);
    assert!(w.key(Key {
        key: "ArrowDown",
        shift: false
    }));
    assert!((num(&w, "likelihood") - 0.79).abs() < 1e-12);
    assert!(w.key(Key {
        key: "PageUp",
        shift: false
    }));
    assert!((num(&w, "false_positive") - 0.21).abs() < 1e-12);
    assert!(w.key(Key {
        key: "Enter",
        shift: false
    }));
    assert_eq!(num(&w, "observations"), 1.0);
}
