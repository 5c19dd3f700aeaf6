//! The browser boundary: `#[wasm_bindgen]` exports over plain Rust widgets.
//!
//! Architecture Invariant: every export returns a value or `Result<_, JsError>`; nothing is
//! meant to panic across the boundary. Should a panic happen anyway, [`panic`] records its
//! message, the shell shows it in place of the widget and rebuilds the widget from its last
//! good options (a trapped object is never reused).
//!
//! Conventions: positions passed in are device pixels (CSS px × devicePixelRatio); the shell
//! sizes the canvas backing store to CSS size × devicePixelRatio before calling `draw`.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

#[cfg(feature = "bench")]
mod bench;
mod canvas;
mod context2d;
mod panic;

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::viz::boundary;
use crate::viz::json::Json;
use crate::viz::layers::Layers;
use crate::viz::registry::{catalogue as widget_catalogue, AnyWidget};
use crate::viz::theme::Theme;
use crate::viz::widget::{Frame, Key, Level};

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use canvas::CanvasText;

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
}

/// Every widget with its option table, as JSON: `[{name, options: [...]}]`.
#[wasm_bindgen]
pub fn catalogue() -> String {
    widget_catalogue().to_json()
}

/// The message of the last panic, if one happened (then the object that panicked is broken).
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    panic::last_message()
}

/// How many [`WidgetHandle`]s exist (created and not yet freed).
static LIVE_HANDLES: AtomicU32 = AtomicU32::new(0);

/// How many widget handles exist now: created and not yet freed. `make soak` checks that
/// removing elements brings it back down (a handle trapped by a panic is never freed).
#[wasm_bindgen(js_name = liveHandles)]
pub fn live_handles() -> u32 {
    LIVE_HANDLES.load(Ordering::Relaxed)
}

/// One live widget, owned by one custom element.
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: AnyWidget,
    image: Option<(u64, HtmlCanvasElement)>,
    layers: Layers,
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        LIVE_HANDLES.fetch_sub(1, Ordering::Relaxed);
    }
}

fn js_error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

#[wasm_bindgen]
impl WidgetHandle {
    /// The widget called `name`, at its default options.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str) -> Result<WidgetHandle, JsError> {
        let widget = AnyWidget::create(name).map_err(|e| js_error(e.message))?;
        LIVE_HANDLES.fetch_add(1, Ordering::Relaxed);
        Ok(WidgetHandle {
            widget,
            image: None,
            layers: Layers::default(),
        })
    }

    /// The widget's name.
    pub fn name(&self) -> String {
        self.widget.as_widget().name().to_string()
    }

    /// Sets one option from text; a bad value is an error naming the option and its range, and
    /// the widget keeps its last good state.
    #[wasm_bindgen(js_name = setOption)]
    pub fn set_option(&mut self, name: &str, value: &str) -> Result<(), JsError> {
        self.widget
            .as_widget_mut()
            .set_option(name, value)
            .map_err(|e| js_error(e.message))
    }

    /// Advances `n` steps (at most a million in one call).
    pub fn step(&mut self, n: u32) {
        self.widget
            .as_widget_mut()
            .step(boundary::steps_per_call(n));
    }

    /// Returns to the state the options describe.
    pub fn reset(&mut self) {
        self.widget.as_widget_mut().reset();
    }

    /// Runs a control's action; false if the widget has no such action.
    pub fn action(&mut self, name: &str) -> bool {
        self.widget.as_widget_mut().action(name)
    }

    /// The state as JSON.
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> String {
        self.widget.as_widget().state().to_json()
    }

    /// The widget's worked detail (see `Widget::details`) as JSON, or `null`.
    #[wasm_bindgen(js_name = detailsJson)]
    pub fn details_json(&self) -> String {
        self.widget
            .as_widget()
            .details()
            .map_or_else(|| "null".to_string(), |d| d.to_json())
    }

    /// The options that differ from their defaults, as a JSON object of text values.
    #[wasm_bindgen(js_name = changedOptionsJson)]
    pub fn changed_options_json(&self) -> String {
        Json::obj(
            self.widget
                .as_widget()
                .options()
                .changed_pairs()
                .map(|(k, v)| (k, Json::str(v))),
        )
        .to_json()
    }

    /// What a shared link carries: the changed options, with the step count written into the
    /// widget's steps option so the link reproduces this view.
    #[wasm_bindgen(js_name = shareOptionsJson)]
    pub fn share_options_json(&self) -> String {
        let w = self.widget.as_widget();
        let mut pairs: Vec<(String, Json)> = w
            .options()
            .changed_pairs()
            .map(|(k, v)| (k.to_string(), Json::str(v)))
            .collect();
        if let Some((name, steps)) = w.share_steps() {
            pairs.retain(|(k, _)| k != name);
            if steps > 0 {
                pairs.push((name.to_string(), Json::str(steps.to_string())));
            }
        }
        Json::Obj(pairs).to_json()
    }

    /// The controls to build, as JSON.
    #[wasm_bindgen(js_name = controlsJson)]
    pub fn controls_json(&self) -> String {
        Json::Arr(
            self.widget
                .as_widget()
                .controls()
                .iter()
                .map(|c| c.to_json())
                .collect(),
        )
        .to_json()
    }

    /// The live numbers, as JSON `[{id, label, value}]`.
    #[wasm_bindgen(js_name = readoutsJson)]
    pub fn readouts_json(&self) -> String {
        Json::Arr(
            self.widget
                .as_widget()
                .readouts()
                .into_iter()
                .map(|r| {
                    Json::obj([
                        ("id", Json::str(r.id)),
                        ("label", Json::str(r.label)),
                        ("value", Json::Str(r.value)),
                    ])
                })
                .collect(),
        )
        .to_json()
    }

    /// The widget's message as JSON `{level, text}`, or `null`.
    #[wasm_bindgen(js_name = messageJson)]
    pub fn message_json(&self) -> String {
        match self.widget.as_widget().message() {
            Some(m) => Json::obj([
                (
                    "level",
                    Json::str(match m.level {
                        Level::Info => "info",
                        Level::Warning => "warning",
                        Level::Error => "error",
                    }),
                ),
                ("text", Json::Str(m.text)),
            ])
            .to_json(),
            None => "null".to_string(),
        }
    }

    /// What the keys do on the focused canvas (empty: the shell's default wording).
    #[wasm_bindgen(js_name = keyHelp)]
    pub fn key_help(&self) -> String {
        self.widget.as_widget().key_help().to_string()
    }

    /// The widget's formula as a MathML tree in JSON (see `viz::mathml`), or `null`.
    #[wasm_bindgen(js_name = formulaJson)]
    pub fn formula_json(&self) -> String {
        self.widget
            .as_widget()
            .formula()
            .map_or_else(|| "null".to_string(), |f| f.to_json())
    }

    /// The state in words, for the live region.
    pub fn describe(&self) -> String {
        self.widget.as_widget().describe()
    }

    /// The plots of the last drawing as JSON, in CSS pixels.
    #[wasm_bindgen(js_name = plotsJson)]
    pub fn plots_json(&self) -> String {
        Json::Arr(
            self.widget
                .as_widget()
                .plots()
                .iter()
                .map(|p| p.to_json())
                .collect(),
        )
        .to_json()
    }

    /// The canvas height in CSS pixels for a width in CSS pixels.
    #[wasm_bindgen(js_name = heightForWidth)]
    pub fn height_for_width(&self, width_css: f64) -> f64 {
        self.widget
            .as_widget()
            .height_for_width(boundary::layout_width_css(width_css))
    }

    /// A pointer event: `kind` is "down", "move", "up" or "cancel"; position in device pixels.
    /// Returns whether the state changed.
    pub fn pointer(&mut self, kind: &str, x_px: f64, y_px: f64) -> bool {
        match boundary::pointer_event(kind, x_px, y_px) {
            Some(event) => self.widget.as_widget_mut().pointer(event),
            None => false,
        }
    }

    /// A key press on the canvas; returns whether it was handled.
    pub fn key(&mut self, key: &str, shift: bool) -> bool {
        self.widget.as_widget_mut().key(Key { key, shift })
    }

    /// Starts or stops the animation.
    #[wasm_bindgen(js_name = setPlaying)]
    pub fn set_playing(&mut self, playing: bool) {
        self.widget.as_widget_mut().set_playing(playing);
    }

    /// Whether the widget is animating.
    pub fn playing(&self) -> bool {
        self.widget.as_widget().playing()
    }

    /// Advances the animation to `now_ms` (the shell's clock); true if the state changed.
    pub fn tick(&mut self, now_ms: f64) -> bool {
        self.widget.as_widget_mut().tick(now_ms)
    }

    /// Draws on `canvas`, whose backing store the shell has sized to CSS size × `dpr`.
    /// `colours` overrides theme colours: "accent=#rrggbb;background=#rrggbb;…" (may be empty).
    pub fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        dpr: f64,
        dark: bool,
        colours: &str,
    ) -> Result<(), JsError> {
        self.paint(canvas, None, dpr, dark, colours).map(|_| ())
    }

    /// Draws one frame of an animation or interaction: what did not change since the last
    /// frame stays on `base`, a canvas of the same size under `canvas` (see
    /// [`crate::viz::layers`]). Returns whether `base` holds part of the picture; after
    /// [`WidgetHandle::draw`] it never does.
    #[wasm_bindgen(js_name = drawLayers)]
    pub fn draw_layers(
        &mut self,
        canvas: &HtmlCanvasElement,
        base: &HtmlCanvasElement,
        dpr: f64,
        dark: bool,
        colours: &str,
    ) -> Result<bool, JsError> {
        self.paint(canvas, Some(base), dpr, dark, colours)
    }

    fn paint(
        &mut self,
        canvas: &HtmlCanvasElement,
        base: Option<&HtmlCanvasElement>,
        dpr: f64,
        dark: bool,
        colours: &str,
    ) -> Result<bool, JsError> {
        let frame = Frame {
            width_px: canvas.width(),
            height_px: canvas.height(),
            scale: boundary::draw_scale(dpr),
            theme: Theme::for_dark(dark).with_overrides(colours),
        };
        if !boundary::canvas_size(frame.width_px, frame.height_px).map_err(js_error)? {
            return Ok(self.layers.base_in_use());
        }
        let context = canvas::context(canvas).map_err(js_error)?;
        let measure = Rc::new(CanvasText {
            context: context.clone(),
        });
        let commands = self
            .widget
            .record(&frame, measure.clone())
            .map_err(js_error)?;
        canvas::paint(
            canvas::Target {
                canvas,
                base,
                layers: &mut self.layers,
                field: &mut self.image,
                measure: &*measure,
            },
            commands,
        )
        .map_err(js_error)?;
        Ok(self.layers.base_in_use())
    }

    /// Locks interactions named in `locks` (comma-separated, e.g. "start,points").
    #[wasm_bindgen(js_name = setLocks)]
    pub fn set_locks(&mut self, locks: &str) {
        self.widget
            .as_widget_mut()
            .set_locks(&boundary::lock_names(locks));
    }

    /// Tells the widget whether the pointer is coarse (a finger), so hit areas grow.
    #[wasm_bindgen(js_name = setCoarsePointer)]
    pub fn set_coarse_pointer(&mut self, coarse: bool) {
        self.widget.as_widget_mut().set_coarse_pointer(coarse);
    }

    /// The widget's NumPy/SciPy program for its current state, or `undefined`.
    pub fn code(&self) -> Option<String> {
        self.widget.as_widget().code()
    }

    /// Where a drag does something, `[x, y]` in CSS pixels of the canvas, or `undefined`.
    #[wasm_bindgen(js_name = dragHint)]
    pub fn drag_hint(&self) -> Option<Vec<f64>> {
        let w = self.widget.as_widget();
        let scale = w.plots().first().map_or(1.0, |p| p.scale);
        w.drag_hint().map(|p| vec![p[0] / scale, p[1] / scale])
    }

    /// The plotted numbers as JSON `{caption, headers, rows}`, or `null`.
    #[wasm_bindgen(js_name = tableJson)]
    pub fn table_json(&self) -> String {
        self.widget
            .as_widget()
            .table()
            .map_or_else(|| "null".to_string(), |t| t.to_json().to_json())
    }

    /// The names a teacher's link may lock, as a JSON array.
    #[wasm_bindgen(js_name = lockableJson)]
    pub fn lockable_json(&self) -> String {
        Json::Arr(
            self.widget
                .as_widget()
                .lockable()
                .iter()
                .map(|n| Json::str(*n))
                .collect(),
        )
        .to_json()
    }

    /// Panics on purpose, so an end-to-end test can prove that the shell shows the failure and
    /// rebuilds the widget from its last good state. Nothing else calls it.
    #[wasm_bindgen(js_name = panicForTest)]
    pub fn panic_for_test(&mut self) {
        panic!("a panic requested by a test");
    }

    /// The current view as an SVG document (same drawing code, plotters' SVG backend).
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&mut self, width_css: f64, dark: bool) -> Result<String, JsError> {
        self.widget
            .to_svg(
                boundary::export_width_css(width_css),
                1.0,
                Theme::for_dark(dark),
            )
            .map_err(js_error)
    }
}
