//! No input breaks a widget: every widget kind, driven through its whole interface with extreme
//! and random option values (NaN, ±∞, ±1e308, subnormals, empty, huge and random strings),
//! random steps, keys, pointer events and ticks, either rejects a value with a short message
//! and keeps its state, or accepts it — and never panics, in 5,000 cases per widget.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mathsight::viz::display::EstimatedText;
use mathsight::viz::registry::{AnyWidget, KINDS};
use mathsight::viz::theme::Theme;
use mathsight::viz::widget::{Frame, Key, Pointer};
use proptest::prelude::*;

/// Option values worth trying: special numbers, odd text, and anything at all.
fn values() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "NaN",
            "nan",
            "inf",
            "-inf",
            "infinity",
            "1e308",
            "-1e308",
            "1e309",
            "0",
            "-0",
            "5e-324",
            "2.2250738585072014e-308",
            "",
            " ",
            "true",
            "false",
            "1,2",
            "1,2;3,4",
            "0,0;0,0",
            "1,1;1,2;1,3",
            "2,1;4,3",
            "9,27",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "\"'><",
            "-1",
            "1",
            "0.5",
            "2",
            "3",
            "100",
            "1e6",
            "-1e6",
        ])
        .prop_map(str::to_string),
        "[0-9eE.+-]{0,12}",
        "[-0-9.,; ]{0,40}",
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..64)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        Just("9".repeat(20_000)),
    ]
}

/// One thing a reader or a host page might do.
#[derive(Debug, Clone)]
enum Op {
    Set(usize, String),
    SetUnknown(String, String),
    Step(u32),
    Reset,
    Action(String),
    Key(String, bool),
    Pointer(u8, f64, f64),
    Tick(f64),
    Draw(f64, f64),
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..64, values()).prop_map(|(i, v)| Op::Set(i, v)),
        1 => ("[a-z-]{0,12}", values()).prop_map(|(k, v)| Op::SetUnknown(k, v)),
        2 => (0u32..60).prop_map(Op::Step),
        1 => Just(Op::Reset),
        1 => prop::sample::select(vec!["step", "play", "reset", "observe", "simulate", "", "nope"])
            .prop_map(|s| Op::Action(s.to_string())),
        2 => (
            prop::sample::select(vec![
                "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home",
                "End", "Enter", " ", "p", "r", "s", "+", "-", "Escape", "x",
            ]),
            any::<bool>()
        )
            .prop_map(|(k, s)| Op::Key(k.to_string(), s)),
        2 => (0u8..4, -50.0..1200.0f64, -50.0..900.0f64).prop_map(|(k, x, y)| Op::Pointer(k, x, y)),
        1 => prop_oneof![Just(f64::NAN), Just(f64::INFINITY), 0.0..1e7f64].prop_map(Op::Tick),
        1 => (150.0..1100.0f64, prop::sample::select(vec![1.0, 1.5, 2.0, 3.0])).prop_map(|(w, s)| Op::Draw(w, s)),
    ]
}

fn draw(w: &mut AnyWidget, width_css: f64, scale: f64) {
    let height_css = w.as_widget().height_for_width(width_css);
    let frame = Frame {
        width_px: (width_css * scale) as u32,
        height_px: (height_css * scale) as u32,
        scale,
        theme: Theme::LIGHT,
    };
    let commands = w
        .record(&frame, Rc::new(EstimatedText))
        .expect("drawing never fails");
    assert!(!commands.is_empty(), "a drawing draws something");
}

fn run(kind_index: usize, ops: &[Op]) {
    let kind = &KINDS[kind_index];
    let mut w = AnyWidget::create(kind.name).unwrap();
    for op in ops {
        match op {
            Op::Set(i, value) => {
                let spec = &kind.options[i % kind.options.len()];
                // Compared as JSON text: NaN fields are never equal as numbers.
                let before = w.as_widget().state().to_json();
                if let Err(e) = w.as_widget_mut().set_option(spec.name, value) {
                    assert!(
                        !e.message.is_empty() && e.message.len() < 600,
                        "{}",
                        e.message
                    );
                    let after = w.as_widget().state().to_json();
                    assert!(after == before, "a rejected value changes nothing");
                }
            }
            Op::SetUnknown(k, v) => {
                if kind.options.iter().all(|s| s.name != k) {
                    assert!(w.as_widget_mut().set_option(k, v).is_err());
                }
            }
            Op::Step(n) => w.as_widget_mut().step(*n),
            Op::Reset => w.as_widget_mut().reset(),
            Op::Action(a) => {
                w.as_widget_mut().action(a);
            }
            Op::Key(k, shift) => {
                w.as_widget_mut().key(Key {
                    key: k,
                    shift: *shift,
                });
            }
            Op::Pointer(kind, x, y) => {
                let p = [*x, *y];
                let event = match kind {
                    0 => Pointer::Down(p),
                    1 => Pointer::Move(p),
                    2 => Pointer::Up(p),
                    _ => Pointer::Cancel,
                };
                w.as_widget_mut().pointer(event);
            }
            Op::Tick(t) => {
                w.as_widget_mut().set_playing(true);
                w.as_widget_mut().tick(*t);
            }
            Op::Draw(width, scale) => draw(&mut w, *width, *scale),
        }
        let json = w.as_widget().state().to_json();
        assert!(json.starts_with('{') && json.ends_with('}'));
        let _ = (
            w.as_widget().readouts(),
            w.as_widget().message(),
            w.as_widget().describe(),
        );
        let _ = (w.as_widget().controls(), w.as_widget().table());
    }
    draw(&mut w, 640.0, 1.0);
}

/// Every kind gets its own run of 5,000 cases, each a sequence of one to five operations.
#[test]
fn every_kind_gets_five_thousand_cases() {
    for (i, kind) in KINDS.iter().enumerate() {
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 5_000,
            ..ProptestConfig::default()
        });
        let result = runner.run(&prop::collection::vec(ops(), 1..6), |ops| {
            run(i, &ops);
            Ok(())
        });
        assert!(result.is_ok(), "{}: {result:?}", kind.name);
    }
}
