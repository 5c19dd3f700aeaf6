//! The linear-algebra widgets with extreme but valid input: huge, tiny, singular and nearly
//! singular values all render (narrow and wide, both themes) without a panic or a hang.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::viz::registry::AnyWidget;
use mathsight::viz::theme::Theme;

const CASES: &[(&str, &[(&str, &str)])] = &[
    ("linear-system", &[("a", "1,1;1,1.000000001"), ("b", "2,3")]),
    (
        "linear-system",
        &[("a", "1e9,-1e9;1e-9,1"), ("b", "1e9,-1e9")],
    ),
    ("linear-system", &[("a", "0,0;0,0"), ("b", "0,1")]),
    ("linear-system", &[("a", "0,0;0,0"), ("b", "0,0")]),
    (
        "linear-system",
        &[("a", "0,0,0;0,0,0;0,0,0"), ("b", "0,0,0")],
    ),
    (
        "linear-system",
        &[("a", "1,2,3;2,4,6;3,6,9"), ("b", "1,2,3"), ("step", "30")],
    ),
    (
        "linear-system",
        &[("a", "1,2,3;2,4,6;3,6,9"), ("b", "1,2,4"), ("pitch", "89")],
    ),
    (
        "linear-system",
        &[
            ("a", "1e-9,0,0;0,1e9,0;0,0,1"),
            ("b", "1e9,1e-9,-1e9"),
            ("yaw", "-180"),
        ],
    ),
    ("least-squares", &[("points", "0,0;1e9,1e9;-1e9,5")]),
    (
        "least-squares",
        &[("points", "0,0;1e-9,1;2e-9,0;3e-9,1"), ("model", "cubic")],
    ),
    ("least-squares", &[("points", "0,5;1,5;2,5")]),
    (
        "least-squares",
        &[
            ("n", "60"),
            ("model", "quadratic"),
            ("show-squares", "false"),
        ],
    ),
    ("matrix-transform", &[("a", "0,0;0,0")]),
    ("matrix-transform", &[("a", "1e9,1;1,1e-9")]),
    (
        "matrix-transform",
        &[("a", "1e-9,0;0,1e-9"), ("shape", "circle")],
    ),
    ("matrix-transform", &[("a", "1,1;0,1")]),
];

#[test]
fn extreme_inputs_render() {
    for (widget, options) in CASES {
        let mut w = AnyWidget::with_options(widget, options.iter().copied())
            .unwrap_or_else(|e| panic!("{widget} {options:?}: {e}"));
        for (width, theme) in [(360.0, Theme::DARK), (700.0, Theme::LIGHT)] {
            let svg = w
                .to_svg(width, 2.0, theme)
                .unwrap_or_else(|e| panic!("{widget} {options:?}: {e}"));
            assert!(
                svg.len() < 2_000_000,
                "{widget} {options:?}: {} bytes",
                svg.len()
            );
        }
        let state = w.as_widget().state().to_json();
        assert!(!state.contains("NaN"), "{widget} {options:?}: {state}");
    }
}
