//! No input breaks a widget: every widget kind, driven through everything the browser boundary
//! exports (`web::WidgetHandle`: options, steps, actions, keys, pointer events, play and ticks,
//! locks, coarse pointers, drawing at any size, ratio and colours, SVG export, layout and every
//! getter), with extreme and random values — NaN, ±∞, ±1e308, subnormals, empty, huge and
//! random strings, random bytes — either rejects a value with a short message and keeps its
//! state, or accepts it, and never panics, in 5,000 cases per widget. Numbers and words pass
//! through `viz::boundary` exactly as the wasm exports pass them.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use mathsight::viz::boundary;
use mathsight::viz::display::EstimatedText;
use mathsight::viz::registry::{AnyWidget, KINDS};
use mathsight::viz::theme::Theme;
use mathsight::viz::widget::{Frame, Key};
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
        Just("<".repeat(200_000)),
    ]
}

/// Numbers JavaScript may pass: special values, subnormals, the extremes, anything at all.
fn extreme() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e308,
            -1e308,
            f64::MAX,
            f64::MIN,
            0.0,
            -0.0,
            5e-324,
            -5e-324,
            2.2250738585072014e-308,
            f64::EPSILON,
            -1.0,
        ]),
        any::<f64>(),
        -2000.0..2000.0f64,
    ]
}

/// Words JavaScript may pass as a name (a key, an action, a pointer kind, a lock list).
fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "ArrowLeft",
            "ArrowRight",
            "ArrowUp",
            "ArrowDown",
            "PageUp",
            "PageDown",
            "Home",
            "End",
            "Enter",
            "Backspace",
            "Delete",
            " ",
            "p",
            "r",
            "s",
            "f",
            "n",
            "c",
            "0",
            "1",
            "+",
            "-",
            "]",
            "[",
            "Escape",
            "x",
            "step",
            "play",
            "reset",
            "observe",
            "simulate",
            "down",
            "move",
            "up",
            "cancel",
            "start",
            "points",
            "start,points",
            "",
        ])
        .prop_map(str::to_string),
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..32)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// One thing a reader or a host page might do, as the wasm exports receive it.
#[derive(Debug, Clone)]
enum Op {
    Set(usize, String),
    SetUnknown(String, String),
    Step(u32),
    Reset,
    Action(String),
    Key(String, bool),
    Pointer(String, f64, f64),
    Play(bool),
    Tick(f64),
    Draw(u32, f64, bool, String),
    Svg(f64, bool),
    HeightForWidth(f64),
    Locks(String),
    Coarse(bool),
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..64, values()).prop_map(|(i, v)| Op::Set(i, v)),
        1 => (prop_oneof!["[a-z-]{0,12}".boxed(), any::<String>().boxed()], values())
            .prop_map(|(k, v)| Op::SetUnknown(k, v)),
        2 => prop_oneof![18 => 0u32..60, 1 => Just(u32::MAX), 1 => any::<u32>()].prop_map(Op::Step),
        1 => Just(Op::Reset),
        1 => words().prop_map(Op::Action),
        2 => (words(), any::<bool>()).prop_map(|(k, s)| Op::Key(k, s)),
        2 => (
            prop_oneof![
                prop::sample::select(vec!["down", "move", "up", "cancel"]).prop_map(str::to_string),
                words()
            ],
            prop_oneof![3 => -50.0..1200.0f64, 1 => extreme()],
            prop_oneof![3 => -50.0..900.0f64, 1 => extreme()],
        )
            .prop_map(|(k, x, y)| Op::Pointer(k, x, y)),
        1 => any::<bool>().prop_map(Op::Play),
        1 => prop_oneof![extreme(), 0.0..1e7f64].prop_map(Op::Tick),
        1 => (
            prop_oneof![3 => 100u32..900, 1 => Just(0u32), 1 => Just(u32::MAX), 1 => any::<u32>()],
            prop_oneof![3 => prop::sample::select(vec![1.0, 1.5, 2.0, 3.0]), 1 => extreme()],
            any::<bool>(),
            prop_oneof![
                Just(String::new()),
                Just("accent=#ff0000;background=#000;text=#fff".to_string()),
                words()
            ],
        )
            .prop_map(|(w, dpr, dark, colours)| Op::Draw(w, dpr, dark, colours)),
        // Exports up to 900 px wide and the non-finite widths (wider ones, up to the 4000 px
        // cap, take long to write: they are checked once per widget below).
        1 => (
            prop_oneof![
                200.0..900.0f64,
                prop::sample::select(vec![f64::NAN, f64::NEG_INFINITY, -1e308, 5e-324, 0.0])
            ],
            any::<bool>()
        )
            .prop_map(|(w, dark)| Op::Svg(w, dark)),
        1 => extreme().prop_map(Op::HeightForWidth),
        1 => words().prop_map(Op::Locks),
        1 => any::<bool>().prop_map(Op::Coarse),
    ]
}

/// Draws as `WidgetHandle::draw` does: a canvas of `width_px` (its height from the layout, as
/// the shell sizes it) at ratio `dpr`, colours overridden by `colours`.
fn draw_like_the_handle(w: &mut AnyWidget, width_px: u32, dpr: f64, dark: bool, colours: &str) {
    let scale = boundary::draw_scale(dpr);
    let width_css = f64::from(width_px) / scale;
    let height_px = (w
        .as_widget()
        .height_for_width(boundary::layout_width_css(width_css))
        * scale)
        .clamp(0.0, f64::from(u32::MAX)) as u32;
    let frame = Frame {
        width_px,
        height_px,
        scale,
        theme: if dark { Theme::DARK } else { Theme::LIGHT }.with_overrides(colours),
    };
    match boundary::canvas_size(frame.width_px, frame.height_px) {
        Ok(false) => {}
        Ok(true) => {
            let commands = w
                .record(&frame, Rc::new(EstimatedText))
                .expect("drawing never fails");
            assert!(!commands.is_empty(), "a drawing draws something");
        }
        Err(message) => assert!(message.contains("canvas size") && message.len() < 200),
    }
}

/// Every getter the boundary exports, checked for well-formed output.
fn read_everything(w: &AnyWidget) {
    let widget = w.as_widget();
    let json = widget.state().to_json();
    assert!(json.starts_with('{') && json.ends_with('}'));
    let _ = (widget.readouts(), widget.message(), widget.describe());
    let _ = (
        widget.controls(),
        widget.table(),
        widget.formula(),
        widget.details(),
    );
    let _ = (
        widget.code(),
        widget.key_help(),
        widget.lockable(),
        widget.share_steps(),
    );
    let _ = (widget.plots(), widget.playing(), widget.name());
    let _ = widget.options().changed_pairs().count();
    if let Some([x, y]) = widget.drag_hint() {
        assert!(x.is_finite() && y.is_finite(), "drag hint {x}, {y}");
    }
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
            Op::Step(n) => w.as_widget_mut().step(boundary::steps_per_call(*n)),
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
                if let Some(event) = boundary::pointer_event(kind, *x, *y) {
                    w.as_widget_mut().pointer(event);
                }
            }
            Op::Play(on) => w.as_widget_mut().set_playing(*on),
            Op::Tick(t) => {
                w.as_widget_mut().tick(*t);
            }
            Op::Draw(width, dpr, dark, colours) => {
                draw_like_the_handle(&mut w, *width, *dpr, *dark, colours)
            }
            Op::Svg(width, dark) => {
                let theme = if *dark { Theme::DARK } else { Theme::LIGHT };
                let svg = w
                    .to_svg(boundary::export_width_css(*width), 1.0, theme)
                    .expect("an export never fails");
                assert!(svg.starts_with("<svg"));
            }
            Op::HeightForWidth(width) => {
                let h = w
                    .as_widget()
                    .height_for_width(boundary::layout_width_css(*width));
                assert!(h.is_finite() && h > 0.0, "height {h}");
            }
            Op::Locks(locks) => w.as_widget_mut().set_locks(&boundary::lock_names(locks)),
            Op::Coarse(coarse) => w.as_widget_mut().set_coarse_pointer(*coarse),
        }
        read_everything(&w);
    }
    draw_like_the_handle(&mut w, 640, 1.0, false, "");
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

/// `new WidgetHandle(name)` with any name: an error naming the widgets, never a panic.
#[test]
fn any_widget_name_is_an_error_or_a_widget() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 5_000,
        ..ProptestConfig::default()
    });
    let result = runner.run(&prop_oneof![words(), values()], |name| {
        match AnyWidget::create(&name) {
            Ok(w) => prop_assert_eq!(w.as_widget().name(), name.as_str()),
            Err(e) => {
                prop_assert!(e.message.contains("gradient-descent") && e.message.len() < 600);
            }
        }
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
}

/// The most steps one call may ask for finishes promptly for every widget, and the state
/// stays finite.
#[test]
fn a_million_steps_in_one_call_finish() {
    for kind in KINDS {
        let mut w = AnyWidget::create(kind.name).unwrap();
        let t0 = std::time::Instant::now();
        w.as_widget_mut().step(boundary::steps_per_call(u32::MAX));
        let took = t0.elapsed();
        assert!(took.as_secs_f64() < 5.0, "{}: {took:?}", kind.name);
        read_everything(&w);
        draw_like_the_handle(&mut w, 640, 1.0, false, "");
    }
}

/// `toSvg` at the widest and at non-finite widths, once per widget (the property test above
/// keeps to narrower exports, which are quicker to write).
#[test]
fn exports_at_extreme_widths() {
    for kind in KINDS {
        let mut w = AnyWidget::create(kind.name).unwrap();
        for width in [f64::MAX, f64::INFINITY, f64::NAN, 1e308] {
            let svg = w
                .to_svg(boundary::export_width_css(width), 1.0, Theme::LIGHT)
                .expect("an export never fails");
            assert!(svg.starts_with("<svg"), "{}", kind.name);
        }
    }
}
