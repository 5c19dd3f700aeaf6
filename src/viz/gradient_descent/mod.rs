//! `gradient-descent`: fitting y = m·x + c by gradient descent, seen twice — the data with the
//! current line, and the cost J(m, c) as a field with the descent path on it.
//!
//! State = options + the number of steps taken. Everything drawn is recomputed from those, so
//! the same options, seed and step give the same picture.

mod arithmetic;
mod code;
mod draw;
mod formula;
mod surface3d;

use crate::math::descent::{Descent, Divergence, Status};
use crate::math::minibatch::BatchCost;
use crate::math::regression::LineFit;
use crate::math::sample;
use crate::math::ClampTo;
use crate::viz::clock::StepClock;
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::Field;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{format_points, OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "gradient-descent";

/// Generated data has x uniform on this interval.
pub const SAMPLE_X_RANGE: (f64, f64) = (0.0, 4.0);

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "points",
        kind: OptionKind::Points,
        default: "",
        doc: "data points \"x,y;x,y;…\"; empty means generated data (n, slope, intercept, noise, seed)",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 2, max: 500 },
        default: "12",
        doc: "number of generated points",
    },
    OptionSpec {
        name: "slope",
        kind: OptionKind::Float { min: -100.0, max: 100.0, log: false },
        default: "1.5",
        doc: "slope of the line the generated points scatter around",
    },
    OptionSpec {
        name: "intercept",
        kind: OptionKind::Float { min: -1000.0, max: 1000.0, log: false },
        default: "1",
        doc: "intercept of the line the generated points scatter around",
    },
    OptionSpec {
        name: "noise",
        kind: OptionKind::Float { min: 0.0, max: 100.0, log: false },
        default: "0.7",
        doc: "standard deviation of the generated points around their line",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "7",
        doc: "seed of the generated points: the same seed gives the same data",
    },
    OptionSpec {
        name: "learning-rate",
        kind: OptionKind::Float { min: 0.0001, max: 10.0, log: true },
        default: "0.1",
        doc: "learning rate α: each step moves (m, c) by −α·∇J",
    },
    OptionSpec {
        name: "start-m",
        kind: OptionKind::Float { min: -1e6, max: 1e6, log: false },
        default: "0",
        doc: "slope m where the descent starts",
    },
    OptionSpec {
        name: "start-c",
        kind: OptionKind::Float { min: -1e6, max: 1e6, log: false },
        default: "0",
        doc: "intercept c where the descent starts",
    },
    OptionSpec {
        name: "steps",
        kind: OptionKind::Int { min: 0, max: 100_000 },
        default: "0",
        doc: "steps already taken when the widget loads or is reset",
    },
    OptionSpec {
        name: "speed",
        kind: OptionKind::Float { min: 1.0, max: 240.0, log: true },
        default: "30",
        doc: "steps per second while playing",
    },
    OptionSpec {
        name: "show-residuals",
        kind: OptionKind::Bool,
        default: "true",
        doc: "draw each point's residual y − (m·x + c) as a segment",
    },
    OptionSpec {
        name: "scale-x",
        kind: OptionKind::Bool,
        default: "false",
        doc: "feature scaling: fit y = m·x′ + c on the standardised x′ = (x − x̄)/s",
    },
    OptionSpec {
        name: "batch-size",
        kind: OptionKind::Int { min: 0, max: 500 },
        default: "0",
        doc: "points per gradient: 0 means all (batch descent), 1 is stochastic, more is mini-batch",
    },
    OptionSpec {
        name: "batch-seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "1",
        doc: "seed of the mini-batches, so a noisy path is reproducible",
    },
    OptionSpec {
        name: "view",
        kind: OptionKind::Choice(&["contour", "surface", "both"]),
        default: "contour",
        doc: "the view of the cost: contours seen from above, the surface in 3-D, or both side by side",
    },
    OptionSpec {
        name: "azimuth",
        kind: OptionKind::Float { min: -180.0, max: 180.0, log: false },
        default: "-35",
        doc: "the 3-D view's turn about the vertical axis, in degrees",
    },
    OptionSpec {
        name: "elevation",
        kind: OptionKind::Float { min: 5.0, max: 89.0, log: false },
        default: "35",
        doc: "the 3-D view's tilt above the horizon, in degrees",
    },
    OptionSpec {
        name: "show-arithmetic",
        kind: OptionKind::Bool,
        default: "false",
        doc: "show the arithmetic of the current step: residuals, sums, gradient and update",
    },
];

/// The most steps counted when comparing raw and scaled x ("steps to converge").
pub const COMPARE_STEPS: usize = 20_000;

/// What a pointer is dragging, or the keyboard moving.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drag {
    /// The start of the descent, on the cost plot.
    Start,
    /// Data point `i`, on the data plot.
    Point(usize),
    /// The 3-D view, turned from the pointer's last position (device px).
    Turn([f64; 2]),
}

/// The plotted ranges: data on the left, (m, c) on the right.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Views {
    x: Span,
    y: Span,
    m: Span,
    c: Span,
}

/// How a full-batch descent from the start ends, for the raw-versus-scaled comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// Converged after this many steps.
    Converged(usize),
    /// Diverged at this step.
    Diverged(usize),
    /// Still running after [`COMPARE_STEPS`] steps.
    Unfinished,
}

impl Outcome {
    /// How the full-batch descent on `fit` from `start` at `learning_rate` ends within
    /// [`COMPARE_STEPS`] steps.
    ///
    /// Below the stable bound 2/L every component of the error along the Hessian's
    /// eigenvectors shrinks at each step, so a run that has converged can neither rise nor blow
    /// up afterwards: it stops there instead of taking the remaining steps (a redraw computes
    /// two of these at every change of the start).
    pub fn of(
        fit: &LineFit,
        start: [f64; 2],
        learning_rate: f64,
    ) -> Result<Self, crate::math::MathError> {
        let stable = learning_rate < fit.stable_learning_rate_bound() * (1.0 - 1e-9);
        let mut d = Descent::new(fit, start, learning_rate)?.without_history();
        while d.steps() < COMPARE_STEPS && d.step(fit) {
            if stable && d.converged_at().is_some() {
                break;
            }
        }
        Ok(match (d.status(), d.converged_at()) {
            (Status::Diverged { step, .. }, _) => Outcome::Diverged(step),
            (_, Some(k)) => Outcome::Converged(k),
            _ => Outcome::Unfinished,
        })
    }

    fn text(&self) -> String {
        match self {
            Outcome::Converged(k) => format!("{k} steps"),
            Outcome::Diverged(k) => format!("diverges at step {k}"),
            Outcome::Unfinished => format!("> {COMPARE_STEPS} steps"),
        }
    }

    fn to_json(self) -> Json {
        match self {
            Outcome::Converged(k) => Json::Num(k as f64),
            _ => Json::Null,
        }
    }
}

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    /// The data as given (or generated).
    points: Vec<[f64; 2]>,
    /// The data the line is fitted to: the points, with x standardised when scaling.
    used: Vec<[f64; 2]>,
    /// (x̄, s) of the standardisation x′ = (x − x̄)/s, when scaling.
    scale: Option<(f64, f64)>,
    fit: LineFit,
    cost: BatchCost,
    views: Views,
    /// Full-batch descents from the start on raw and on scaled x.
    outcomes: [Outcome; 2],
}

/// The gradient-descent widget.
#[derive(Debug, Clone)]
pub struct GradientDescent {
    options: OptionSet,
    model: Model,
    descent: Descent,
    playing: bool,
    clock: StepClock,
    drag: Option<Drag>,
    frozen_views: Option<Views>,
    plots: Vec<PlotInfo>,
    locked_start: bool,
    locked_points: bool,
    coarse_pointer: bool,
    /// The handle the keyboard moves, and whether the keyboard is in use (then it is ringed).
    selected: Drag,
    keyboard: bool,
    field: Option<(FieldKey, std::rc::Rc<Field>)>,
    field_version: u64,
}

/// What a cached cost field depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldKey {
    rect: crate::viz::geometry::PixelRect,
    m: Span,
    c: Span,
    fit: LineFit,
    dark: bool,
}

impl Default for GradientDescent {
    fn default() -> Self {
        Self::new()
    }
}

impl GradientDescent {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let (model, descent) = build(&options, None, 0).expect("the default options are valid");
        let mut widget = GradientDescent {
            options,
            model,
            descent,
            playing: false,
            clock: StepClock::default(),
            drag: None,
            frozen_views: None,
            plots: Vec::new(),
            locked_start: false,
            locked_points: false,
            coarse_pointer: false,
            selected: Drag::Start,
            keyboard: false,
            field: None,
            field_version: 0,
        };
        widget.reset();
        widget
    }

    /// Rebuilds from `options`, keeping `steps` steps; on error nothing changes.
    fn rebuild(&mut self, options: OptionSet, steps: usize) -> Result<(), OptionError> {
        let (model, descent) = build(&options, self.frozen_views, steps)?;
        self.options = options;
        self.model = model;
        self.descent = descent;
        Ok(())
    }

    fn set_start(&mut self, m: f64, c: f64) -> bool {
        let (rm, rc) = (
            round_to_view(m, self.model.views.m),
            round_to_view(c, self.model.views.c),
        );
        let mut options = self.options.clone();
        let ok = options
            .set("start-m", &crate::math::float_text::plain(rm))
            .is_ok()
            && options
                .set("start-c", &crate::math::float_text::plain(rc))
                .is_ok();
        ok && self.rebuild(options, 0).is_ok()
    }

    fn move_point(&mut self, i: usize, p: [f64; 2]) -> bool {
        let mut points = self.model.points.clone();
        let Some(slot) = points.get_mut(i) else {
            return false;
        };
        // The data plot shows x′ when scaling; the option holds the raw x.
        let x = match self.model.scale {
            Some((mean, sd)) => p[0] * sd + mean,
            None => p[0],
        };
        let unit = self.model.scale.map_or(1.0, |(_, sd)| sd);
        *slot = [
            round_to_view(x, Span::new(0.0, self.model.views.x.width() * unit)),
            round_to_view(p[1], self.model.views.y),
        ];
        let mut options = self.options.clone();
        let steps = self.descent.steps();
        options.set("points", &format_points(&points)).is_ok()
            && self.rebuild(options, steps).is_ok()
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    /// The trajectory so far.
    pub fn descent(&self) -> &Descent {
        &self.descent
    }

    /// The data points in use (explicit or generated).
    pub fn points(&self) -> &[[f64; 2]] {
        &self.model.points
    }

    /// The sufficient statistics of the data.
    pub fn fit(&self) -> &LineFit {
        &self.model.fit
    }

    fn divergence_text(&self) -> Option<String> {
        let Status::Diverged { step, reason } = self.descent.status() else {
            return None;
        };
        let bound = self.model.fit.stable_learning_rate_bound();
        let what = match reason {
            Divergence::Grew { from, to } => {
                format!("the cost grew from {} to {}", sig(from, 3), sig(to, 3))
            }
            Divergence::NonFinite => "the numbers overflowed".to_string(),
        };
        Some(format!(
            "Diverged at step {step}: {what}. The learning rate {} is above the stability bound 2/L = {}, so every step overshoots the valley by more than it corrects. Choose α below {}.",
            sig(self.descent.learning_rate(), 3),
            sig(bound, 3),
            sig(bound, 3)
        ))
    }
}

/// Rounds `v` to about a thousandth of the view's width, so URLs stay short.
fn round_to_view(v: f64, view: Span) -> f64 {
    let unit = 10f64.powf((view.width() / 1000.0).log10().floor());
    if unit.is_finite() && unit > 0.0 {
        ((v / unit).round() * unit * 1e12).round() / 1e12
    } else {
        v
    }
}

/// The points, statistics, views and a descent of `steps` steps for `options`.
fn build(
    options: &OptionSet,
    frozen: Option<Views>,
    steps: usize,
) -> Result<(Model, Descent), OptionError> {
    let explicit = options.points("points");
    let points = if explicit.is_empty() {
        sample::noisy_line(
            options.int("n").max(2) as usize,
            options.float("slope"),
            options.float("intercept"),
            options.float("noise"),
            SAMPLE_X_RANGE,
            options.int("seed") as u64,
        )
    } else {
        explicit.to_vec()
    };
    let data_error = |e: crate::math::MathError| OptionError {
        option: "points".to_string(),
        message: format!("points: {e}"),
    };
    let raw_fit = LineFit::new(&points).map_err(data_error)?;
    let sd = (raw_fit.sxx / raw_fit.n as f64).sqrt();
    let scale = options.flag("scale-x").then_some((raw_fit.mean_x, sd));
    let used: Vec<[f64; 2]> = match scale {
        Some((mean, sd)) => points.iter().map(|p| [(p[0] - mean) / sd, p[1]]).collect(),
        None => points.clone(),
    };
    let fit = LineFit::new(&used).map_err(data_error)?;
    let start = [options.float("start-m"), options.float("start-c")];
    let learning_rate = options.float("learning-rate");
    let lr_error = |e: crate::math::MathError| OptionError {
        option: "learning-rate".to_string(),
        message: e.to_string(),
    };
    let cost = BatchCost::new(
        fit,
        used.clone(),
        options.int("batch-size").max(0) as usize,
        options.int("batch-seed") as u64,
    );
    let mut descent = Descent::new(&cost, start, learning_rate).map_err(lr_error)?;
    if !cost.is_full() {
        descent = descent.without_rise_test();
    }
    descent.run(&cost, steps);
    let outcome = |f: &LineFit| Outcome::of(f, start, learning_rate).map_err(lr_error);
    let outcomes = [outcome(&raw_fit)?, outcome(&raw_fit.standardised())?];
    let views = frozen.unwrap_or_else(|| views_for(&used, &fit));
    Ok((
        Model {
            points,
            used,
            scale,
            fit,
            cost,
            views,
            outcomes,
        },
        descent,
    ))
}

/// Views that depend on the data only (not on the start), so a shared URL reproduces them:
/// the data's bounding box, and (m, c) around the least-squares point wide enough to hold the
/// origin and a typical slope and intercept.
fn views_for(points: &[[f64; 2]], fit: &LineFit) -> Views {
    let [m_star, c_star] = fit.least_squares();
    let n = fit.n as f64;
    let sd_x = (fit.sxx / n).sqrt();
    let sd_y = (fit.syy / n).sqrt();
    let typical_slope = if sd_x > 0.0 { sd_y / sd_x } else { 1.0 };
    let hm = (1.4 * m_star.abs()).max(1.2 * typical_slope).max(1e-6);
    let hc = (1.4 * c_star.abs())
        .max(1.2 * sd_y.max(fit.mean_y.abs() * 0.25))
        .max(1e-6);
    let x = Span::covering(points.iter().map(|p| p[0]).chain([0.0]), 0.08);
    let y = Span::covering(points.iter().map(|p| p[1]).chain([0.0]), 0.08);
    Views {
        x,
        y,
        m: Span::around(m_star, hm),
        c: Span::around(c_star, hc),
    }
}

impl Widget for GradientDescent {
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
            _ => self.descent.steps(),
        };
        self.rebuild(options, steps)
    }

    fn step(&mut self, n: u32) {
        self.descent.run(&self.model.cost, n as usize);
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
        let now = self.descent.current();
        let fit = &self.model.fit;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("m", Json::Num(now.theta[0])),
            ("c", Json::Num(now.theta[1])),
            ("cost", Json::Num(now.value)),
            ("gradient", Json::nums(now.gradient)),
            ("step", Json::Num(self.descent.steps() as f64)),
            ("status", Json::str(self.descent.status().as_str())),
            ("learning_rate", Json::Num(self.descent.learning_rate())),
            (
                "learning_rate_bound",
                Json::Num(fit.stable_learning_rate_bound()),
            ),
            ("least_squares", Json::nums(fit.least_squares())),
            ("min_cost", Json::Num(fit.min_cost())),
            (
                "points",
                Json::Arr(self.model.points.iter().map(|p| Json::nums(*p)).collect()),
            ),
            (
                "converged_at",
                self.descent
                    .converged_at()
                    .map_or(Json::Null, |k| Json::Num(k as f64)),
            ),
            (
                "divergence",
                self.divergence_text().map_or(Json::Null, Json::Str),
            ),
            ("playing", Json::Bool(self.playing)),
            ("scaled", Json::Bool(self.model.scale.is_some())),
            ("view", Json::str(self.options.choice("view"))),
            (
                "steps_to_converge",
                Json::obj([
                    ("raw", self.model.outcomes[0].to_json()),
                    ("scaled", self.model.outcomes[1].to_json()),
                ]),
            ),
            (
                "batch",
                Json::nums(
                    self.model
                        .cost
                        .batch(self.descent.steps() as u64)
                        .into_iter()
                        .map(|i| i as f64),
                ),
            ),
        ])
    }

    fn formula(&self) -> Option<Json> {
        Some(self.line_formula())
    }

    fn details(&self) -> Option<Json> {
        self.options
            .flag("show-arithmetic")
            .then(|| self.arithmetic())
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
                title: "Step continuously until converged or diverged",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the start",
            },
            Control::Slider {
                option: "learning-rate",
                label: "Learning rate α",
                marker: Some((
                    self.model.fit.stable_learning_rate_bound(),
                    format!(
                        "2/L = {}",
                        sig(self.model.fit.stable_learning_rate_bound(), 3)
                    ),
                )),
            },
            Control::Toggle {
                option: "show-residuals",
                label: "Residuals",
            },
            Control::Select {
                option: "view",
                label: "View",
            },
            Control::Toggle {
                option: "scale-x",
                label: "Scale x",
            },
            Control::Input {
                option: "batch-size",
                label: "Batch size (0 = all)",
            },
            Control::Input {
                option: "batch-seed",
                label: "Batch seed",
            },
            Control::Toggle {
                option: "show-arithmetic",
                label: "Show the arithmetic",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let now = self.descent.current();
        let r = |id, label, value: String| Readout { id, label, value };
        vec![
            r("step", "step", self.descent.steps().to_string()),
            r("m", "m", sig(now.theta[0], 4)),
            r("c", "c", sig(now.theta[1], 4)),
            r("cost", "J(m, c)", sig(now.value, 4)),
            r("dj-dm", "∂J/∂m", sig(now.gradient[0], 4)),
            r("dj-dc", "∂J/∂c", sig(now.gradient[1], 4)),
            r(
                "status",
                "status",
                self.descent.status().as_str().to_string(),
            ),
            r(
                "converge",
                "steps to converge",
                format!(
                    "raw x {} · scaled x {}",
                    self.model.outcomes[0].text(),
                    self.model.outcomes[1].text()
                ),
            ),
        ]
    }

    fn message(&self) -> Option<Message> {
        if let Some(text) = self.divergence_text() {
            return Some(Message {
                level: Level::Warning,
                text,
            });
        }
        let [l, _] = self.model.fit.hessian_eigenvalues();
        let alpha = self.descent.learning_rate();
        let bound = 2.0 / l;
        if alpha >= bound {
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "α = {} is above the stability bound 2/L = {}: the steps will overshoot and grow.",
                    sig(alpha, 3),
                    sig(bound, 3)
                ),
            });
        }
        if self.descent.status() == Status::Converged {
            let [m, c] = self.model.fit.least_squares();
            return Some(Message {
                level: Level::Info,
                text: format!(
                    "Converged after {} steps: the gradient is ≈ 0, and (m, c) ≈ ({}, {}) is the least-squares line.",
                    self.descent.converged_at().unwrap_or(self.descent.steps()),
                    sig(m, 4),
                    sig(c, 4)
                ),
            });
        }
        if alpha > 1.0 / l {
            return Some(Message {
                level: Level::Info,
                text: format!(
                    "α = {} is above 1/L = {}: each step overshoots across the valley and zigzags, yet the zigzag shrinks because α < 2/L.",
                    sig(alpha, 3),
                    sig(1.0 / l, 3)
                ),
            });
        }
        None
    }

    fn describe(&self) -> String {
        let its = self.descent.iterates();
        let now = self.descent.current();
        let trend = match self.descent.status() {
            Status::Converged => "converged",
            Status::Diverged { .. } => "diverged",
            Status::Running => match its.len().checked_sub(2).and_then(|i| its.get(i)) {
                Some(prev) if now.value < prev.value => "falling",
                Some(_) => "rising",
                None => "at the start",
            },
        };
        let selection = match (self.keyboard, self.selected) {
            (true, Drag::Point(i)) => self
                .model
                .points
                .get(i)
                .map(|p| {
                    format!(
                        "; point {} selected at ({}, {})",
                        i + 1,
                        sig(p[0], 3),
                        sig(p[1], 3)
                    )
                })
                .unwrap_or_default(),
            (true, Drag::Start) => {
                let [m, c] = self.start();
                format!("; start selected at m = {}, c = {}", sig(m, 3), sig(c, 3))
            }
            (true, Drag::Turn(_)) => format!(
                "; 3-D view selected, turned {}° and tilted {}°",
                sig(self.options.float("azimuth"), 3),
                sig(self.options.float("elevation"), 3)
            ),
            _ => String::new(),
        };
        format!(
            "Step {}: m = {}, c = {}, cost {}, {}{}",
            self.descent.steps(),
            sig(now.theta[0], 3),
            sig(now.theta[1], 3),
            sig(now.value, 3),
            trend,
            selection
        )
    }

    fn lockable(&self) -> &'static [&'static str] {
        &["start", "points"]
    }

    fn set_locks(&mut self, locks: &[&str]) {
        self.locked_start = locks.contains(&"start");
        self.locked_points = locks.contains(&"points");
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                self.keyboard = false;
                if let Some(t) = self.plot("surface").map(|p| p.transform) {
                    if t.rect.contains(px) {
                        self.drag = Some(Drag::Turn(px));
                        return false;
                    }
                }
                if let Some(t) = self.plot("cost").map(|p| p.transform) {
                    if t.rect.contains(px) && !self.locked_start {
                        self.drag = Some(Drag::Start);
                        self.frozen_views = Some(self.model.views);
                        let [m, c] = t.to_data(px);
                        return self.set_start(m, c);
                    }
                }
                if let Some(t) = self.plot("data").map(|p| p.transform) {
                    if self.locked_points {
                        return false;
                    }
                    let reach = if self.coarse_pointer { 24.0 } else { 14.0 };
                    let radius = reach * self.plot("data").map_or(1.0, |p| p.scale);
                    let nearest = self
                        .model
                        .used
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let q = t.to_px(*p);
                            (i, (q[0] - px[0]).hypot(q[1] - px[1]))
                        })
                        .min_by(|a, b| a.1.total_cmp(&b.1));
                    if let Some((i, d)) = nearest {
                        if d <= radius {
                            self.drag = Some(Drag::Point(i));
                            self.frozen_views = Some(self.model.views);
                            return false;
                        }
                    }
                }
                false
            }
            Pointer::Move(px) => match self.drag {
                Some(Drag::Turn(last)) => {
                    self.drag = Some(Drag::Turn(px));
                    let scale = self.plot("surface").map_or(1.0, |p| p.scale);
                    let (dx, dy) = ((px[0] - last[0]) / scale, (px[1] - last[1]) / scale);
                    self.turn(-0.5 * dx, 0.5 * dy)
                }
                Some(Drag::Start) => match self.plot("cost").map(|p| p.transform) {
                    Some(t) => {
                        let q = [
                            px[0].clamp_to(t.rect.x as f64, (t.rect.x + t.rect.width) as f64),
                            px[1].clamp_to(t.rect.y as f64, (t.rect.y + t.rect.height) as f64),
                        ];
                        let [m, c] = t.to_data(q);
                        self.set_start(m, c)
                    }
                    None => false,
                },
                Some(Drag::Point(i)) => match self.plot("data").map(|p| p.transform) {
                    Some(t) => {
                        let [x, y] = t.to_data(px);
                        let p = [x.clamp_to(t.x.lo, t.x.hi), y.clamp_to(t.y.lo, t.y.hi)];
                        self.move_point(i, p)
                    }
                    None => false,
                },
                None => false,
            },
            Pointer::Up(_) | Pointer::Cancel => {
                let was_dragging = self.drag.take().is_some();
                if self.frozen_views.take().is_some() {
                    let steps = self.descent.steps();
                    let options = self.options.clone();
                    let _ = self.rebuild(options, steps);
                }
                was_dragging
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        if matches!(self.selected, Drag::Turn(_)) && self.options.choice("view") != "both" {
            // The 3-D view was selected in the side-by-side view, which has since been left.
            self.selected = Drag::Start;
        }
        let turns = match self.options.choice("view") {
            "surface" => true,
            "both" => matches!(self.selected, Drag::Turn(_)),
            _ => false,
        };
        if turns {
            let by = if key.shift { 15.0 } else { 5.0 };
            let turned = match key.key {
                "ArrowLeft" => Some(self.turn(by, 0.0)),
                "ArrowRight" => Some(self.turn(-by, 0.0)),
                "ArrowUp" => Some(self.turn(0.0, by)),
                "ArrowDown" => Some(self.turn(0.0, -by)),
                _ => None,
            };
            if let Some(changed) = turned {
                self.keyboard = true;
                return changed;
            }
        }
        let fraction = if key.shift { 0.1 } else { 0.02 };
        let handled = match key.key {
            "PageDown" => self.select_next(1),
            "PageUp" => self.select_next(-1),
            "ArrowLeft" => self.nudge(-fraction, 0.0),
            "ArrowRight" => self.nudge(fraction, 0.0),
            "ArrowUp" => self.nudge(0.0, fraction),
            "ArrowDown" => self.nudge(0.0, -fraction),
            "Home" => self.nudge(-1.0, 0.0),
            "End" => self.nudge(1.0, 0.0),
            "Enter" | " " | "s" => self.action("step"),
            "p" => self.action("play"),
            "r" => self.action("reset"),
            _ => false,
        };
        if handled {
            self.keyboard = true;
        }
        handled
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn share_steps(&self) -> Option<(&'static str, u64)> {
        Some(("steps", self.descent.steps() as u64))
    }

    fn key_help(&self) -> &'static str {
        "Page Up and Page Down choose the start or a data point, the arrow keys move it (Shift: further; Home and End: to the left and right edges); Enter steps, P plays or pauses, R resets. In the 3-D view the arrow keys turn the surface."
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        let t = self.plot("cost")?.transform;
        let start = self.start();
        t.contains(start).then(|| t.to_px(start))
    }

    fn set_coarse_pointer(&mut self, coarse: bool) {
        self.coarse_pointer = coarse;
    }

    fn table(&self) -> Option<Table> {
        let [m, c] = self.descent.current().theta;
        Some(Table {
            caption: format!(
                "Data points, the line y = {}·x + {} at step {}, and residuals",
                sig(m, 4),
                sig(c, 4),
                self.descent.steps()
            ),
            headers: vec!["x", "y", "m·x + c", "residual y − (m·x + c)"],
            rows: self
                .model
                .points
                .iter()
                .map(|p| {
                    let fit = m * p[0] + c;
                    vec![sig(p[0], 4), sig(p[1], 4), sig(fit, 4), sig(p[1] - fit, 4)]
                })
                .collect(),
        })
    }

    fn set_playing(&mut self, playing: bool) {
        self.playing = playing && !matches!(self.descent.status(), Status::Diverged { .. });
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
        if self.descent.status() != Status::Running {
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

impl GradientDescent {
    /// Moves the keyboard's selection to the next (or previous) unlocked handle: the start,
    /// then each data point.
    fn select_next(&mut self, direction: i64) -> bool {
        let n = self.model.points.len() as i64;
        // With both cost views, the 3-D view is one more thing the arrows can move (turn).
        let turnable = self.options.choice("view") == "both";
        let handles = n + 1 + i64::from(turnable);
        let index = |d: Drag| match d {
            Drag::Point(i) => i as i64 + 1,
            Drag::Start => 0,
            Drag::Turn(_) => n + 1,
        };
        let mut k = index(self.selected);
        for _ in 0..handles {
            k = (k + direction).rem_euclid(handles);
            let candidate = match k {
                0 => Drag::Start,
                k if k <= n => Drag::Point((k - 1) as usize),
                _ => Drag::Turn([0.0, 0.0]),
            };
            let locked = match candidate {
                Drag::Point(_) => self.locked_points,
                Drag::Start => self.locked_start,
                Drag::Turn(_) => false,
            };
            if !locked {
                self.selected = candidate;
                return true;
            }
        }
        false
    }

    /// Moves the selected handle by fractions of its plot's width and height (±1 reaches the
    /// edge from anywhere, clamped to the plot).
    fn nudge(&mut self, fx: f64, fy: f64) -> bool {
        let views = self.model.views;
        match self.selected {
            Drag::Start if !self.locked_start => {
                let [m, c] = self.start();
                let m = (m + fx * views.m.width()).clamp_to(views.m.lo, views.m.hi);
                let c = (c + fy * views.c.width()).clamp_to(views.c.lo, views.c.hi);
                self.set_start(m, c)
            }
            Drag::Point(i) if !self.locked_points => {
                let Some(p) = self.model.points.get(i).copied() else {
                    return false;
                };
                let x = (p[0] + fx * views.x.width()).clamp_to(views.x.lo, views.x.hi);
                let y = (p[1] + fy * views.y.width()).clamp_to(views.y.lo, views.y.hi);
                self.move_point(i, [x, y])
            }
            _ => false,
        }
    }

    /// The keyboard's selection in data coordinates and its plot, when the keyboard is in use.
    fn keyboard_focus(&self) -> Option<(&'static str, [f64; 2])> {
        if !self.keyboard {
            return None;
        }
        match self.selected {
            Drag::Point(i) => self.model.points.get(i).map(|p| ("data", *p)),
            Drag::Start => Some(("cost", self.start())),
            Drag::Turn(_) => None,
        }
    }

    /// Turns the 3-D view by `azimuth` and `elevation` degrees (azimuth wraps, elevation is
    /// clamped to its range); true if it moved.
    fn turn(&mut self, azimuth: f64, elevation: f64) -> bool {
        let a = self.options.float("azimuth") + azimuth;
        let a = (a + 180.0).rem_euclid(360.0) - 180.0;
        let e = (self.options.float("elevation") + elevation).clamp_to(5.0, 89.0);
        let round = |v: f64| (v * 10.0).round() / 10.0;
        let mut options = self.options.clone();
        let ok = options
            .set("azimuth", &crate::math::float_text::plain(round(a)))
            .is_ok()
            && options
                .set("elevation", &crate::math::float_text::plain(round(e)))
                .is_ok();
        let changed = ok && options != self.options;
        if changed {
            // Turning changes nothing but the view, so the descent is kept as it is.
            self.options = options;
        }
        changed
    }

    fn start(&self) -> [f64; 2] {
        self.descent
            .iterates()
            .first()
            .map_or([0.0, 0.0], |i| i.theta)
    }
}

#[cfg(test)]
mod tests;
