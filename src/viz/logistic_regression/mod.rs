//! `logistic-regression`: two classes of points in the plane, a logistic model trained by
//! gradient descent step by step — the probability field, the decision boundary, the log-loss
//! and the size of the weights against the step, and the weights and their gradients in
//! numbers. Clicks add points; perfect separation and divergence are explained.
//!
//! State = options + the number of steps taken; everything drawn is recomputed from those.

mod code;
mod draw;
mod formula;
mod options;
mod table;

pub use options::{format_labelled, parse_labelled, OPTIONS};

use crate::math::logistic::{self, Labelled, Trainer, Training};
use crate::math::ClampTo;
use crate::viz::clock::StepClock;
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::Field;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{OptionError, OptionSet};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "logistic-regression";

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    points: Vec<Labelled>,
    trainer: Trainer,
    x: Span,
    y: Span,
    bound: f64,
}

fn option_error(option: &str, message: String) -> OptionError {
    OptionError {
        option: option.to_string(),
        message,
    }
}

fn build(options: &OptionSet, steps: usize) -> Result<Model, OptionError> {
    let explicit = parse_labelled(options.text("points"))
        .map_err(|m| option_error("points", format!("points: {m}")))?;
    let points = if explicit.is_empty() && options.text("points").trim().is_empty() {
        logistic::two_classes(
            options.int("n").max(4) as usize,
            options.float("separation"),
            options.int("seed") as u64,
        )
    } else {
        explicit
    };
    let mut trainer = Trainer::new(&points, options.float("learning-rate")).map_err(|e| {
        let option = if e.to_string().starts_with("learning rate") {
            "learning-rate"
        } else {
            "points"
        };
        option_error(option, format!("{option}: {e}"))
    })?;
    trainer.run(&points, steps);
    let x = Span::covering(points.iter().map(|p| p.x[0]), 0.12);
    let y = Span::covering(points.iter().map(|p| p.x[1]), 0.12);
    let l = logistic::lipschitz_bound(&points);
    let bound = if l > 0.0 { 2.0 / l } else { f64::INFINITY };
    Ok(Model {
        points,
        trainer,
        x,
        y,
        bound,
    })
}

/// What a cached probability field depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldKey {
    rect: crate::viz::geometry::PixelRect,
    x: Span,
    y: Span,
    theta: [f64; 3],
    dark: bool,
}

/// The logistic-regression widget.
#[derive(Debug, Clone)]
pub struct LogisticRegression {
    options: OptionSet,
    model: Model,
    playing: bool,
    clock: StepClock,
    cursor: Option<[f64; 2]>,
    plots: Vec<PlotInfo>,
    field: Option<(FieldKey, std::rc::Rc<Field>)>,
    field_version: u64,
}

impl Default for LogisticRegression {
    fn default() -> Self {
        Self::new()
    }
}

impl LogisticRegression {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let model = build(&options, 0).expect("the default options are valid");
        LogisticRegression {
            options,
            model,
            playing: false,
            clock: StepClock::default(),
            cursor: None,
            plots: Vec::new(),
            field: None,
            field_version: 0,
        }
    }

    fn rebuild(&mut self, options: OptionSet, steps: usize) -> Result<(), OptionError> {
        self.model = build(&options, steps)?;
        self.options = options;
        Ok(())
    }

    /// The data in use.
    pub fn points(&self) -> &[Labelled] {
        &self.model.points
    }

    /// The training run.
    pub fn trainer(&self) -> &Trainer {
        &self.model.trainer
    }

    fn theta(&self) -> [f64; 3] {
        self.model.trainer.current().theta
    }

    /// Whether the current line separates the classes.
    fn separated(&self) -> bool {
        logistic::separates(&self.model.points, &self.theta())
    }

    /// Adds a point of the `add-class` class (or `class`) at `p`, keeping the step count.
    fn add_point(&mut self, p: [f64; 2], class: Option<u8>) -> bool {
        let class = class.unwrap_or(if self.options.choice("add-class") == "0" {
            0
        } else {
            1
        });
        let round = |v: f64, s: Span| {
            let unit = 10f64.powf((s.width() / 1000.0).log10().floor());
            ((v / unit).round() * unit * 1e12).round() / 1e12
        };
        let mut points = self.model.points.clone();
        points.push(Labelled {
            x: [round(p[0], self.model.x), round(p[1], self.model.y)],
            class,
        });
        let mut options = self.options.clone();
        let steps = self.model.trainer.steps();
        options.set("points", &format_labelled(&points)).is_ok()
            && self.rebuild(options, steps).is_ok()
    }

    fn status_text(&self) -> &'static str {
        match self.model.trainer.status() {
            Training::Running => "running",
            Training::Converged => "converged",
            Training::Diverged(_) => "diverged",
        }
    }
}

impl Widget for LogisticRegression {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        let steps = match name {
            "steps" => options.int("steps").max(0) as usize,
            _ => self.model.trainer.steps(),
        };
        self.rebuild(options, steps)
    }

    fn step(&mut self, n: u32) {
        self.model.trainer.run(&self.model.points, n as usize);
    }

    fn share_steps(&self) -> Option<(&'static str, u64)> {
        Some(("steps", self.model.trainer.steps() as u64))
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn reset(&mut self) {
        let steps = self.options.int("steps").max(0) as usize;
        let options = self.options.clone();
        if self.rebuild(options, steps).is_err() {
            // The current options were valid when set, so this does not happen.
        }
        self.playing = false;
        self.clock.restart();
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "step" => {
                self.playing = false;
                self.step(1);
                true
            }
            "reset" => {
                self.reset();
                true
            }
            "play" => {
                let playing = self.playing;
                self.set_playing(!playing);
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let now = self.model.trainer.current();
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("w", Json::nums([now.theta[0], now.theta[1]])),
            ("b", Json::Num(now.theta[2])),
            ("loss", Json::Num(now.loss)),
            ("gradient", Json::nums(now.gradient)),
            ("step", Json::Num(self.model.trainer.steps() as f64)),
            ("status", Json::str(self.status_text())),
            ("separated", Json::Bool(self.separated())),
            (
                "accuracy",
                Json::Num(logistic::accuracy(&self.model.points, &now.theta)),
            ),
            ("weight_norm", Json::Num(now.theta[0].hypot(now.theta[1]))),
            (
                "learning_rate",
                Json::Num(self.options.float("learning-rate")),
            ),
            ("learning_rate_bound", Json::Num(self.model.bound)),
            (
                "points",
                Json::Arr(
                    self.model
                        .points
                        .iter()
                        .map(|p| Json::nums([p.x[0], p.x[1], p.class as f64]))
                        .collect(),
                ),
            ),
            ("playing", Json::Bool(self.playing)),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Button {
                action: "step",
                label: "Step",
                title: "Take one gradient-descent step",
            },
            Control::Button {
                action: "play",
                label: if self.playing { "Pause" } else { "Play" },
                title: "Train continuously",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to w = 0, b = 0",
            },
            Control::Slider {
                option: "learning-rate",
                label: "Learning rate α",
                marker: self.model.bound.is_finite().then(|| {
                    (
                        self.model.bound,
                        format!("2/L = {}", sig(self.model.bound, 3)),
                    )
                }),
            },
            Control::Slider {
                option: "separation",
                label: "Separation",
                marker: None,
            },
            Control::Select {
                option: "add-class",
                label: "A click adds class",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let now = self.model.trainer.current();
        let r = |id, label, value: String| Readout { id, label, value };
        vec![
            r("step", "step", self.model.trainer.steps().to_string()),
            r("w1", "w₁", sig(now.theta[0], 4)),
            r("w2", "w₂", sig(now.theta[1], 4)),
            r("b", "b", sig(now.theta[2], 4)),
            r("dl-dw1", "∂L/∂w₁", sig(now.gradient[0], 3)),
            r("dl-dw2", "∂L/∂w₂", sig(now.gradient[1], 3)),
            r("dl-db", "∂L/∂b", sig(now.gradient[2], 3)),
            r("loss", "log-loss", sig(now.loss, 4)),
            r(
                "accuracy",
                "accuracy",
                format!(
                    "{}%",
                    sig(
                        100.0 * logistic::accuracy(&self.model.points, &now.theta),
                        3
                    )
                ),
            ),
            r("status", "status", self.status_text().to_string()),
        ]
    }

    fn message(&self) -> Option<Message> {
        let now = self.model.trainer.current();
        let alpha = self.options.float("learning-rate");
        if let Training::Diverged(step) = self.model.trainer.status() {
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "Diverged at step {step}: the log-loss kept rising instead of falling. α = {} is above the stability bound 2/L = {}, so each step overshoots the valley of the loss and lands higher up its other side. Choose α below {}.",
                    sig(alpha, 3),
                    sig(self.model.bound, 3),
                    sig(self.model.bound, 3)
                ),
            });
        }
        if self.model.trainer.steps() > 0 && self.separated() {
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "Perfectly separated: the line puts every point on its own side. No finite weights minimise the log-loss now — doubling w and b always lowers it — so the weights grow without bound (‖w‖ = {}) and the probabilities harden towards 0 and 1. In practice regularisation or early stopping ends this.",
                    sig(now.theta[0].hypot(now.theta[1]), 3)
                ),
            });
        }
        if self.model.trainer.status() == Training::Converged {
            return Some(Message {
                level: Level::Info,
                text: format!(
                    "Converged after {} steps: the gradient is ≈ 0 at log-loss {}.",
                    self.model.trainer.steps(),
                    sig(now.loss, 4)
                ),
            });
        }
        if alpha >= self.model.bound {
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "α = {} is above the stability bound 2/L = {}: the steps may overshoot and grow.",
                    sig(alpha, 3),
                    sig(self.model.bound, 3)
                ),
            });
        }
        None
    }

    fn describe(&self) -> String {
        let now = self.model.trainer.current();
        format!(
            "Step {}: w = ({}, {}), b = {}, log-loss {}, {}% of points classified correctly, {}",
            self.model.trainer.steps(),
            sig(now.theta[0], 3),
            sig(now.theta[1], 3),
            sig(now.theta[2], 3),
            sig(now.loss, 3),
            sig(
                100.0 * logistic::accuracy(&self.model.points, &now.theta),
                3
            ),
            self.status_text()
        )
    }

    fn formula(&self) -> Option<Json> {
        Some(self.model_formula())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn key_help(&self) -> &'static str {
        "Arrow keys move a cursor (Shift: further), Home and End to the left and right edges, 0 or 1 adds a point of that class there; Enter steps, P plays or pauses, R resets."
    }

    /// The house layout: half as tall as wide, or 1.7 times as tall when the panels stack.
    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            width_css * 0.5
        } else {
            width_css * 1.7
        }
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => match self.plots.iter().find(|p| p.id == "data") {
                Some(plot) if plot.transform.rect.contains(px) => {
                    let p = plot.transform.to_data(px);
                    self.add_point(p, None)
                }
                _ => false,
            },
            _ => false,
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let (x, y) = (self.model.x, self.model.y);
        let fraction = if key.shift { 0.1 } else { 0.03 };
        let at = self
            .cursor
            .unwrap_or([0.5 * (x.lo + x.hi), 0.5 * (y.lo + y.hi)]);
        let mut moved = |dx: f64, dy: f64| {
            self.cursor = Some([
                (at[0] + dx * x.width()).clamp_to(x.lo, x.hi),
                (at[1] + dy * y.width()).clamp_to(y.lo, y.hi),
            ]);
            true
        };
        match key.key {
            "ArrowLeft" => moved(-fraction, 0.0),
            "ArrowRight" => moved(fraction, 0.0),
            "ArrowUp" => moved(0.0, fraction),
            "ArrowDown" => moved(0.0, -fraction),
            "0" => self.add_point(at, Some(0)),
            "1" => self.add_point(at, Some(1)),
            "Enter" | " " | "s" => self.action("step"),
            "p" => self.action("play"),
            "Home" => moved(-1.0, 0.0),
            "End" => moved(1.0, 0.0),
            "r" => self.action("reset"),
            _ => false,
        }
    }

    fn set_playing(&mut self, playing: bool) {
        self.playing = playing && self.model.trainer.status() == Training::Running;
        self.clock.restart();
    }

    fn playing(&self) -> bool {
        self.playing
    }

    fn tick(&mut self, now_ms: f64) -> bool {
        if !self.playing {
            return false;
        }
        let due = self.clock.due(now_ms, self.options.float("speed"));
        if due == 0 {
            return false;
        }
        self.step(due);
        if self.model.trainer.status() != Training::Running || self.model.trainer.steps() >= 100_000
        {
            self.playing = false;
        }
        true
    }

    fn plots(&self) -> Vec<PlotInfo> {
        self.plots.clone()
    }

    fn draw(
        &mut self,
        root: &plotters::drawing::DrawingArea<Recorder, plotters::coord::Shift>,
        frame: &Frame,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        self.draw_all(root, frame, fields)
    }
}

#[cfg(test)]
mod tests;
