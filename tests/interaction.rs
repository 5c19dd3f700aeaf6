//! Every widget under random interaction (issue 3's quality bar): any sequence of option
//! changes — valid, out of range, NaN, infinite, huge or malformed — pointer events, keys,
//! steps and drawings leaves it drawable, with finite state numbers or null, and never panics.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::viz::json::Json;
use mathsight::viz::options::OptionKind;
use mathsight::viz::registry::{AnyWidget, KINDS};
use mathsight::viz::theme::Theme;
use mathsight::viz::widget::{Key, Pointer};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Act {
    /// Option `spec` (index into the table, modulo its length) set to raw text `raw`.
    Set(usize, String),
    Down(f64, f64),
    Move(f64, f64),
    Up(f64, f64),
    Key(&'static str, bool),
    Step(u32),
    Action(&'static str),
    Reset,
}

fn raw() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("-1e308".to_string()),
        Just("".to_string()),
        Just("1,2;3".to_string()),
        Just("0,0,1;1,1,0;2,0,1".to_string()),
        Just("0,1;1,2;2,2.5".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        Just("false".to_string()),
        Just("surface".to_string()),
        Just("rosenbrock".to_string()),
        Just("1".to_string()),
        (-1e3..1e3f64).prop_map(|v| format!("{v}")),
        (0.0..1.0f64).prop_map(|v| format!("{v}")),
    ]
}

fn act() -> impl Strategy<Value = Act> {
    let px = || -100.0..1500.0f64;
    prop_oneof![
        (0..40usize, raw()).prop_map(|(i, r)| Act::Set(i, r)),
        (px(), px()).prop_map(|(x, y)| Act::Down(x, y)),
        (px(), px()).prop_map(|(x, y)| Act::Move(x, y)),
        (px(), px()).prop_map(|(x, y)| Act::Up(x, y)),
        (
            prop::sample::select(vec![
                "ArrowLeft",
                "ArrowRight",
                "ArrowUp",
                "ArrowDown",
                "Enter",
                "0",
                "1",
                "p",
                "Home"
            ]),
            any::<bool>()
        )
            .prop_map(|(k, s)| Act::Key(k, s)),
        (0..400u32).prop_map(Act::Step),
        prop::sample::select(vec!["step", "play", "reset", "nothing"]).prop_map(Act::Action),
        Just(Act::Reset),
    ]
}

/// Whether every number in `value` is finite. Text is the user's own (a label may well read
/// "NaN"); a number the widget could not compute must be `null`, never NaN or ±∞.
fn numbers_finite(value: &Json) -> bool {
    match value {
        Json::Num(x) => x.is_finite(),
        Json::Arr(items) => items.iter().all(numbers_finite),
        Json::Obj(pairs) => pairs.iter().all(|(_, v)| numbers_finite(v)),
        Json::Null | Json::Bool(_) | Json::Str(_) => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_interaction_never_breaks_a_widget(kind in 0..KINDS.len(), acts in prop::collection::vec(act(), 1..25)) {
        let k = &KINDS[kind];
        let mut any = AnyWidget::create(k.name).unwrap();
        any.to_svg(640.0, 2.0, Theme::LIGHT).unwrap();
        for a in acts {
            let w = any.as_widget_mut();
            match a {
                Act::Set(i, raw) => {
                    let spec = &k.options[i % k.options.len()];
                    let raw = match spec.kind {
                        OptionKind::Choice(words) => words.get(raw.len() % words.len()).map_or(raw.clone(), |w| w.to_string()),
                        _ => raw,
                    };
                    let before = w.state();
                    if w.set_option(spec.name, &raw).is_err() {
                        prop_assert_eq!(w.state(), before, "a bad {}={:?} changed the state", spec.name, raw);
                    }
                }
                Act::Down(x, y) => { w.pointer(Pointer::Down([x, y])); }
                Act::Move(x, y) => { w.pointer(Pointer::Move([x, y])); }
                Act::Up(x, y) => { w.pointer(Pointer::Up([x, y])); }
                Act::Key(key, shift) => { w.key(Key { key, shift }); }
                Act::Step(n) => w.step(n),
                Act::Action(name) => { w.action(name); }
                Act::Reset => w.reset(),
            }
            let svg = any.to_svg(360.0, 1.0, Theme::DARK);
            prop_assert!(svg.is_ok(), "{}: {:?}", k.name, svg.err());
            let state = any.as_widget().state();
            prop_assert!(numbers_finite(&state), "{}: a non-finite number in {}", k.name, state.to_json());
        }
    }
}
