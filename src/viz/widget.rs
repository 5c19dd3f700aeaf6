//! The contract every widget follows, whatever it shows.
//!
//! A widget is plain Rust: options in, state out, pointer and key events in device pixels,
//! drawing through plotters into a display list that any backend replays. The web layer and the native CLI drive it the same way,
//! so everything here is testable natively.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::display::{FieldRecorder, Recorder};
use super::json::Json;
use super::options::{OptionError, OptionSet};
use super::theme::Theme;

/// What a pointer did, at a position in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pointer {
    /// Pressed (mouse button, finger, pen).
    Down([f64; 2]),
    /// Moved, pressed or not.
    Move([f64; 2]),
    /// Released.
    Up([f64; 2]),
    /// Left the canvas or was cancelled.
    Cancel,
}

/// A key press on the focused canvas, by its DOM `key` name ("ArrowLeft", "Home", "Enter", …).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Key<'a> {
    /// The DOM key name.
    pub key: &'a str,
    /// Whether Shift was held (larger steps).
    pub shift: bool,
}

/// How serious a widget message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Neutral information.
    Info,
    /// Something the reader should notice (divergence, ill-conditioning).
    Warning,
    /// Input that was rejected.
    Error,
}

/// A sentence the widget wants shown beside its drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Its seriousness.
    pub level: Level,
    /// The text, plain (never HTML).
    pub text: String,
}

/// One labelled number shown live beside the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Readout {
    /// A stable id, for tests and styling ("m", "dj-dm").
    pub id: &'static str,
    /// The label ("∂J/∂m").
    pub label: &'static str,
    /// The formatted value.
    pub value: String,
}

/// The plotted numbers as a table, for readers who cannot see the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub headers: Vec<&'static str>,
    /// Rows of formatted cells, one per header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as JSON `{caption, headers, rows}`.
    pub fn to_json(&self) -> Json {
        Json::obj([
            ("caption", Json::str(self.caption.clone())),
            (
                "headers",
                Json::Arr(self.headers.iter().map(|h| Json::str(*h)).collect()),
            ),
            (
                "rows",
                Json::Arr(
                    self.rows
                        .iter()
                        .map(|r| Json::Arr(r.iter().map(|c| Json::str(c.clone())).collect()))
                        .collect(),
                ),
            ),
        ])
    }
}

/// A control the shell builds for the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// A button that runs an action: "step", "play", "reset" or a widget-specific one.
    Button {
        /// The action's name, passed back to [`Widget::action`].
        action: &'static str,
        /// The button's text.
        label: &'static str,
        /// A longer description for the tooltip and screen readers.
        title: &'static str,
    },
    /// A slider for a number option.
    Slider {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
        /// A value to mark on the track, with its label (e.g. the stability bound 2/L).
        marker: Option<(f64, String)>,
    },
    /// A checkbox for a flag option.
    Toggle {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
    },
    /// A drop-down list for a choice option (its words are the choices).
    Select {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
    },
    /// A slider for a number option over a range the widget chooses (e.g. from its data)
    /// instead of the option's whole valid range; `log` asks for a logarithmic track.
    SliderRange {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
        /// The track's left end.
        min: f64,
        /// The track's right end.
        max: f64,
        /// Whether the track is logarithmic.
        log: bool,
        /// The value the track shows (the one in effect, e.g. an automatic choice).
        value: f64,
    },
    /// A multi-line text area (pasted CSV), applied when it loses focus or on Ctrl+Enter.
    TextArea {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
    },
    /// A text field for any option, applied on Enter or when it loses focus.
    Input {
        /// The option it sets.
        option: &'static str,
        /// Its visible label.
        label: &'static str,
    },
}

impl Control {
    /// The control as JSON for the shell.
    pub fn to_json(&self) -> Json {
        match self {
            Control::Button {
                action,
                label,
                title,
            } => Json::obj([
                ("kind", Json::str("button")),
                ("action", Json::str(*action)),
                ("label", Json::str(*label)),
                ("title", Json::str(*title)),
            ]),
            Control::Slider {
                option,
                label,
                marker,
            } => {
                let mut o = Json::obj([
                    ("kind", Json::str("slider")),
                    ("option", Json::str(*option)),
                    ("label", Json::str(*label)),
                ]);
                if let Some((value, text)) = marker {
                    o.insert(
                        "marker",
                        Json::obj([("value", Json::Num(*value)), ("label", Json::str(text))]),
                    );
                }
                o
            }
            Control::Toggle { option, label } => Json::obj([
                ("kind", Json::str("toggle")),
                ("option", Json::str(*option)),
                ("label", Json::str(*label)),
            ]),
            Control::Select { option, label } => Json::obj([
                ("kind", Json::str("select")),
                ("option", Json::str(*option)),
                ("label", Json::str(*label)),
            ]),
            Control::SliderRange {
                option,
                label,
                min,
                max,
                log,
                value,
            } => Json::obj([
                ("kind", Json::str("slider")),
                ("option", Json::str(*option)),
                ("label", Json::str(*label)),
                ("min", Json::Num(*min)),
                ("max", Json::Num(*max)),
                ("log", Json::Bool(*log)),
                ("value", Json::Num(*value)),
            ]),
            Control::TextArea { option, label } => Json::obj([
                ("kind", Json::str("textarea")),
                ("option", Json::str(*option)),
                ("label", Json::str(*label)),
            ]),
            Control::Input { option, label } => Json::obj([
                ("kind", Json::str("input")),
                ("option", Json::str(*option)),
                ("label", Json::str(*label)),
            ]),
        }
    }
}

/// A plot's placement from the last drawing, in CSS pixels, with its data ranges: lets a host
/// page or a test click at a data position.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotInfo {
    /// A stable id ("data", "cost").
    pub id: &'static str,
    /// The transform, in device pixels.
    pub transform: super::geometry::Transform,
    /// Device pixels per CSS pixel when it was drawn.
    pub scale: f64,
}

impl PlotInfo {
    /// The plot as JSON in CSS pixels: `{id, x, y, width, height, x_range, y_range}`.
    pub fn to_json(&self) -> Json {
        let r = self.transform.rect;
        let css = |v: i32| Json::Num(v as f64 / self.scale);
        Json::obj([
            ("id", Json::str(self.id)),
            ("x", css(r.x)),
            ("y", css(r.y)),
            ("width", css(r.width)),
            ("height", css(r.height)),
            (
                "x_range",
                Json::nums([self.transform.x.lo, self.transform.x.hi]),
            ),
            (
                "y_range",
                Json::nums([self.transform.y.lo, self.transform.y.hi]),
            ),
        ])
    }
}

/// How a drawing is made: its size in device pixels, the device-pixel ratio, and colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width in device pixels.
    pub width_px: u32,
    /// Height in device pixels.
    pub height_px: u32,
    /// Device pixels per CSS pixel; every size in the drawing is multiplied by it.
    pub scale: f64,
    /// The colours.
    pub theme: Theme,
}

impl Frame {
    /// The width in CSS pixels.
    pub fn width_css(&self) -> f64 {
        self.width_px as f64 / self.scale
    }

    /// A length of `css` CSS pixels in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// A font size of `css` CSS pixels, as plotters wants it.
    pub fn font(&self, css: f64) -> f64 {
        css * self.scale
    }
}

/// Below this width (CSS px) a widget stacks its panels.
pub const NARROW_BELOW_CSS: f64 = 560.0;

/// Height ÷ width of the canvas when wide (panels side by side).
pub const WIDE_RATIO: f64 = 0.5;

/// Height ÷ width of the canvas when narrow (panels stacked).
pub const NARROW_RATIO: f64 = 1.7;

/// The house layout: a fixed aspect ratio, [`WIDE_RATIO`] from [`NARROW_BELOW_CSS`] up and
/// [`NARROW_RATIO`] below. `www/mathsight.css` reserves the same box (an e2e test checks), so
/// nothing shifts when the widget starts.
pub fn standard_height(width_css: f64) -> f64 {
    if width_css >= NARROW_BELOW_CSS {
        width_css * WIDE_RATIO
    } else {
        width_css * NARROW_RATIO
    }
}

/// Everything a widget does, independent of where it is shown.
pub trait Widget {
    /// The widget's kebab-case name, the same in every layer ("gradient-descent").
    fn name(&self) -> &'static str;

    /// The current options (always valid).
    fn options(&self) -> &OptionSet;

    /// Sets one option from raw text. On error the widget keeps its last good state.
    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError>;

    /// Advances `n` steps (as far as the widget can go).
    fn step(&mut self, n: u32);

    /// Returns to the state its options describe.
    fn reset(&mut self);

    /// Runs a control's action ("step", "play", "reset", …); false if unknown.
    fn action(&mut self, action: &str) -> bool {
        match action {
            "step" => {
                self.step(1);
                true
            }
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    /// The whole state as plain data: options and results, snake_case keys.
    fn state(&self) -> Json;

    /// The controls the shell should build, current markers included.
    fn controls(&self) -> Vec<Control>;

    /// The numbers to show live.
    fn readouts(&self) -> Vec<Readout>;

    /// A sentence to show beside the drawing, if any.
    fn message(&self) -> Option<Message>;

    /// The state in words, for a screen reader's live region.
    fn describe(&self) -> String;

    /// The canvas height in CSS pixels for a given width: by default the house layout,
    /// [`standard_height`], which the shell reserves in CSS before the wasm arrives.
    fn height_for_width(&self, width_css: f64) -> f64 {
        standard_height(width_css)
    }

    /// Names of the things a teacher's link may lock (e.g. "start", "points"): interactions
    /// the widget then refuses. By default, none.
    fn lockable(&self) -> &'static [&'static str] {
        &[]
    }

    /// Locks the named interactions (from [`Widget::lockable`]); unknown names are ignored.
    fn set_locks(&mut self, _locks: &[&str]) {}

    /// A point (device pixels, from the last drawing) where a pointer drag does something —
    /// a draggable handle — for tests and hints. By default none.
    fn drag_hint(&self) -> Option<[f64; 2]> {
        None
    }

    /// Whether the pointer is coarse (a finger): hit areas grow. By default ignored.
    fn set_coarse_pointer(&mut self, _coarse: bool) {}

    /// A short NumPy/SciPy program that recomputes what the widget shows, with its data
    /// inlined; its last line prints a JSON object of `state` fields (see [`super::code`]).
    fn code(&self) -> Option<String> {
        None
    }

    /// The plotted numbers as a table, if the widget has one.
    fn table(&self) -> Option<Table> {
        None
    }

    /// A pointer event; true if the state changed.
    fn pointer(&mut self, event: Pointer) -> bool;

    /// A key press on the canvas; true if handled.
    fn key(&mut self, key: Key<'_>) -> bool;

    /// Starts or stops the animation.
    fn set_playing(&mut self, playing: bool);

    /// Whether it is animating.
    fn playing(&self) -> bool;

    /// Advances the animation to time `now_ms` (from the shell's clock); true if it changed.
    fn tick(&mut self, now_ms: f64) -> bool;

    /// Where the plots were at the last drawing.
    fn plots(&self) -> Vec<PlotInfo>;

    /// Draws the whole widget into a display list (`root` is `frame.width_px × frame.height_px`);
    /// fields go to `fields`. See [`super::display`].
    fn draw(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        fields: &mut FieldRecorder,
    ) -> Result<(), String>;
}
