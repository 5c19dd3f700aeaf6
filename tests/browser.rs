//! The bindings in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! a widget is created on a canvas, draws non-blank pixels, and bad options come back as
//! JavaScript errors with messages.
#![cfg(target_arch = "wasm32")]

use mathsight::viz::registry::{names, AnyWidget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

/// How many distinct colours the canvas shows, counting a sample of its pixels.
fn distinct_colours(canvas: &HtmlCanvasElement) -> usize {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let mut colours: Vec<[u8; 4]> = data
        .chunks_exact(4)
        .step_by(7)
        .map(|p| [p[0], p[1], p[2], p[3]])
        .collect();
    colours.sort_unstable();
    colours.dedup();
    colours.len()
}

#[wasm_bindgen_test]
fn every_widget_draws_non_blank_pixels() {
    for name in names() {
        let c = canvas(800, 400);
        let mut handle = mathsight::web::WidgetHandle::new(name).unwrap();
        handle.draw(&c, 1.0, false, "").unwrap();
        let n = distinct_colours(&c);
        assert!(n > 20, "{name} drew only {n} colours");
        // At DPR 2 the same widget fills a backing store twice the size.
        let c2 = canvas(1600, 800);
        handle.draw(&c2, 2.0, false, "").unwrap();
        assert!(distinct_colours(&c2) > 20);
        // Every widget reports where its plots were drawn.
        let plots = handle.plots_json();
        assert!(plots.starts_with("[{\"id\":"), "{name}: {plots}");
        if name == "gradient-descent" {
            assert!(plots.contains("\"id\":\"cost\""), "{plots}");
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_are_errors_with_messages() {
    let mut handle = mathsight::web::WidgetHandle::new("gradient-descent").unwrap();
    let before = handle.state_json();
    let err = handle.set_option("learning-rate", "-1").unwrap_err();
    let value: wasm_bindgen::JsValue = err.into();
    let message = js_sys::Reflect::get(&value, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        message,
        "learning-rate must be a number from 0.0001 to 10, got \"-1\""
    );
    assert_eq!(handle.state_json(), before, "a bad option changes nothing");
    assert!(mathsight::web::WidgetHandle::new("no-such-widget").is_err());
}

#[wasm_bindgen_test]
fn stepping_through_the_handle_changes_the_state() {
    let mut handle = mathsight::web::WidgetHandle::new("gradient-descent").unwrap();
    handle.step(3);
    assert!(handle.state_json().contains("\"step\":3"));
    // The same native widget agrees with the handle.
    let mut native = AnyWidget::create("gradient-descent").unwrap();
    native.as_widget_mut().step(3);
    assert_eq!(native.as_widget().state().to_json(), handle.state_json());
}
