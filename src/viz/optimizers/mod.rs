//! `optimizers`: a race of first-order optimizers on one surface from one start — gradient
//! descent, momentum, Nesterov, AdaGrad, RMSProp and Adam — drawn as coloured paths over the
//! surface's contours, with each one's value against the step beside it.
//!
//! State = options + the race's step count. Everything drawn is recomputed from those, so the
//! same options and step give the same picture.

mod code;
mod draw;
mod formula;
mod options;
mod table;

pub use options::OPTIONS;

use crate::math::descent::Status;
use crate::math::optimizers::Method;
use crate::math::race::Run;
use crate::math::regression::LineFit;
use crate::math::sample;
use crate::math::sorting::order_by;
use crate::math::surfaces::Surface;
use crate::math::ClampTo;
use crate::math::Objective2;
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
pub const NAME: &str = "optimizers";

/// The most steps a race takes (each run keeps its whole trajectory).
pub const MAX_STEPS: usize = 10_000;

/// One racer: the option that enables it, its name, and its id in readouts and state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Racer {
    /// The id ("gd", "adam"), also the prefix of its hyperparameter options.
    pub id: &'static str,
    /// The boolean option that enters it in the race.
    pub option: &'static str,
    /// Its name for people.
    pub label: &'static str,
}

/// The six optimizers, in the order they are drawn and listed.
pub const RACERS: [Racer; 6] = [
    Racer {
        id: "gd",
        option: "gradient-descent",
        label: "Gradient descent",
    },
    Racer {
        id: "momentum",
        option: "momentum",
        label: "Momentum",
    },
    Racer {
        id: "nesterov",
        option: "nesterov",
        label: "Nesterov",
    },
    Racer {
        id: "adagrad",
        option: "adagrad",
        label: "AdaGrad",
    },
    Racer {
        id: "rmsprop",
        option: "rmsprop",
        label: "RMSProp",
    },
    Racer {
        id: "adam",
        option: "adam",
        label: "Adam",
    },
];

/// The data behind the "regression" surface: the gradient-descent widget's default data
/// (12 points around y = 1.5·x + 1, noise 0.7, seed 7).
fn regression_points() -> Vec<[f64; 2]> {
    sample::noisy_line(12, 1.5, 1.0, 0.7, (0.0, 4.0), 7)
}

/// The cost of fitting a line to [`regression_points`].
fn regression_fit() -> Result<LineFit, crate::math::MathError> {
    LineFit::new(&regression_points())
}

/// The surface an option value names.
fn surface_named(name: &str) -> Result<Surface, OptionError> {
    Ok(match name {
        "regression" => Surface::Regression(regression_fit().map_err(|e| OptionError {
            option: "surface".to_string(),
            message: format!("surface: {e}"),
        })?),
        "bowl" => Surface::Bowl,
        "valley" => Surface::Valley,
        "rosenbrock" => Surface::Rosenbrock,
        "saddle" => Surface::Saddle,
        "himmelblau" => Surface::Himmelblau,
        _ => Surface::Plateau,
    })
}

/// The method `racer` runs with the hyperparameters in `options`.
fn method_for(racer: &Racer, o: &OptionSet) -> Method {
    let eps = o.float("epsilon");
    match racer.id {
        "gd" => Method::GradientDescent {
            learning_rate: o.float("gd-learning-rate"),
        },
        "momentum" => Method::Momentum {
            learning_rate: o.float("momentum-learning-rate"),
            beta: o.float("momentum-beta"),
        },
        "nesterov" => Method::Nesterov {
            learning_rate: o.float("nesterov-learning-rate"),
            beta: o.float("nesterov-beta"),
        },
        "adagrad" => Method::AdaGrad {
            learning_rate: o.float("adagrad-learning-rate"),
            epsilon: eps,
        },
        "rmsprop" => Method::RmsProp {
            learning_rate: o.float("rmsprop-learning-rate"),
            beta: o.float("rmsprop-beta"),
            epsilon: eps,
        },
        _ => Method::Adam {
            learning_rate: o.float("adam-learning-rate"),
            beta1: o.float("adam-beta1"),
            beta2: o.float("adam-beta2"),
            epsilon: eps,
        },
    }
}

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Race {
    surface: Surface,
    /// The racing optimizers, with their index in [`RACERS`].
    runs: Vec<(usize, Run)>,
    steps: usize,
    /// The lowest value of any minimum, f*.
    min_value: f64,
}

fn build(options: &OptionSet, steps: usize) -> Result<Race, OptionError> {
    let surface = surface_named(options.choice("surface"))?;
    let start = [options.float("start-x"), options.float("start-y")];
    let mut runs = Vec::new();
    for (i, racer) in RACERS.iter().enumerate() {
        if !options.flag(racer.option) {
            continue;
        }
        let run =
            Run::new(method_for(racer, options), surface, start).map_err(|e| OptionError {
                option: racer.option.to_string(),
                message: format!("{}: {e}", racer.option),
            })?;
        runs.push((i, run));
    }
    let min_value = surface
        .minima()
        .iter()
        .map(|m| surface.value(*m))
        .fold(f64::INFINITY, f64::min);
    let mut race = Race {
        surface,
        runs,
        steps: 0,
        min_value,
    };
    race.advance(steps.min(MAX_STEPS));
    Ok(race)
}

impl Race {
    fn advance(&mut self, n: usize) {
        let n = n.min(MAX_STEPS - self.steps.min(MAX_STEPS));
        for (_, run) in &mut self.runs {
            run.run(n);
        }
        self.steps += n;
    }

    fn finished(&self) -> bool {
        self.steps >= MAX_STEPS || self.runs.iter().all(|(_, r)| r.status() != Status::Running)
    }
}

/// What a cached field depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldKey {
    rect: crate::viz::geometry::PixelRect,
    x: Span,
    y: Span,
    surface: &'static str,
    dark: bool,
}

/// The optimizers widget.
#[derive(Debug, Clone)]
pub struct Optimizers {
    options: OptionSet,
    race: Race,
    playing: bool,
    clock: StepClock,
    dragging: bool,
    plots: Vec<PlotInfo>,
    field: Option<(FieldKey, std::rc::Rc<Field>)>,
    field_version: u64,
}

impl Default for Optimizers {
    fn default() -> Self {
        Self::new()
    }
}

impl Optimizers {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let race = build(&options, 0).expect("the default options are valid");
        Optimizers {
            options,
            race,
            playing: false,
            clock: StepClock::default(),
            dragging: false,
            plots: Vec::new(),
            field: None,
            field_version: 0,
        }
    }

    fn rebuild(&mut self, options: OptionSet, steps: usize) -> Result<(), OptionError> {
        let race = build(&options, steps)?;
        self.options = options;
        self.race = race;
        Ok(())
    }

    /// The surface raced on.
    pub fn surface(&self) -> &Surface {
        &self.race.surface
    }

    /// The racing optimizers' runs, each with its [`Racer`].
    pub fn runs(&self) -> impl Iterator<Item = (&'static Racer, &Run)> {
        self.race
            .runs
            .iter()
            .filter_map(|(i, r)| RACERS.get(*i).map(|racer| (racer, r)))
    }

    /// The race's step count.
    pub fn steps(&self) -> usize {
        self.race.steps
    }

    /// The start shared by every run.
    pub fn start(&self) -> [f64; 2] {
        [self.options.float("start-x"), self.options.float("start-y")]
    }

    fn domain(&self) -> (Span, Span) {
        let (x, y) = self.race.surface.domain();
        (Span::new(x[0], x[1]), Span::new(y[0], y[1]))
    }

    fn set_start(&mut self, p: [f64; 2]) -> bool {
        let (xs, ys) = self.domain();
        let round = |v: f64, s: Span| {
            let unit = 10f64.powf((s.width() / 1000.0).log10().floor());
            ((v.clamp_to(s.lo, s.hi) / unit).round() * unit * 1e12).round() / 1e12
        };
        let mut options = self.options.clone();
        let ok = options
            .set("start-x", &crate::math::float_text::plain(round(p[0], xs)))
            .is_ok()
            && options
                .set("start-y", &crate::math::float_text::plain(round(p[1], ys)))
                .is_ok();
        ok && self.rebuild(options, 0).is_ok()
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    fn diverged(&self) -> Vec<&'static Racer> {
        self.runs()
            .filter(|(_, r)| matches!(r.status(), Status::Diverged { .. }))
            .map(|(racer, _)| racer)
            .collect()
    }
}

/// The optimizer's memory in words: velocity for the momentum methods, the squared-gradient
/// sum or average for the adaptive ones, both moments for Adam.
fn memory_text(run: &Run) -> String {
    let p = run.current();
    let m = &p.memory;
    let pair = |v: [f64; 2]| format!("({}, {})", sig(v[0], 3), sig(v[1], 3));
    match run.method() {
        Method::GradientDescent { .. } => format!("∇f {}", pair(p.gradient)),
        Method::Momentum { .. } => format!("velocity z {}", pair(m.velocity)),
        Method::Nesterov { .. } => format!("velocity v {}", pair(m.velocity)),
        Method::AdaGrad { .. } => format!("Σg² {}", pair(m.squared_gradient)),
        Method::RmsProp { .. } => format!("avg g² {}", pair(m.squared_gradient)),
        Method::Adam { .. } => format!(
            "m {}, v {}",
            pair(m.mean_gradient),
            pair(m.squared_gradient)
        ),
    }
}

fn memory_json(run: &Run) -> Json {
    let m = run.current().memory;
    match run.method() {
        Method::GradientDescent { .. } => Json::obj(Vec::<(&str, Json)>::new()),
        Method::Momentum { .. } | Method::Nesterov { .. } => {
            Json::obj([("velocity", Json::nums(m.velocity))])
        }
        Method::AdaGrad { .. } | Method::RmsProp { .. } => {
            Json::obj([("squared_gradient", Json::nums(m.squared_gradient))])
        }
        Method::Adam { .. } => Json::obj([
            ("mean_gradient", Json::nums(m.mean_gradient)),
            ("squared_gradient", Json::nums(m.squared_gradient)),
            ("t", Json::Num(m.t as f64)),
        ]),
    }
}

impl Widget for Optimizers {
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
            // A new surface starts from its own start, so the race shows its character.
            "surface" => {
                let start = surface_named(options.choice("surface"))?.default_start();
                options.set("start-x", &crate::math::float_text::plain(start[0]))?;
                options.set("start-y", &crate::math::float_text::plain(start[1]))?;
                0
            }
            "start-x" | "start-y" => 0,
            _ => self.race.steps,
        };
        self.rebuild(options, steps)
    }

    fn step(&mut self, n: u32) {
        self.race.advance(n as usize);
    }

    fn share_steps(&self) -> Option<(&'static str, u64)> {
        Some(("steps", self.steps() as u64))
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
        let optimizers = self
            .runs()
            .map(|(racer, run)| {
                let p = run.current();
                Json::obj([
                    ("id", Json::str(racer.id)),
                    ("name", Json::str(racer.label)),
                    ("position", Json::nums(p.theta)),
                    ("value", Json::Num(p.value)),
                    ("gradient", Json::nums(p.gradient)),
                    ("step", Json::Num(run.steps() as f64)),
                    ("status", Json::str(run.status().as_str())),
                    ("distance_to_minimum", Json::Num(run.distance_to_minimum())),
                    ("learning_rate", Json::Num(run.method().learning_rate())),
                    ("memory", memory_json(run)),
                ])
            })
            .collect();
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("surface", Json::str(self.race.surface.id())),
            ("start", Json::nums(self.start())),
            ("step", Json::Num(self.race.steps as f64)),
            (
                "minima",
                Json::Arr(
                    self.race
                        .surface
                        .minima()
                        .into_iter()
                        .map(Json::nums)
                        .collect(),
                ),
            ),
            ("optimizers", Json::Arr(optimizers)),
            ("playing", Json::Bool(self.playing)),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        let mut controls = vec![
            Control::Button {
                action: "step",
                label: "Step",
                title: "Every optimizer takes one step",
            },
            Control::Button {
                action: "play",
                label: if self.playing { "Pause" } else { "Play" },
                title: "Race until every optimizer has converged or diverged",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the start",
            },
            Control::Select {
                option: "surface",
                label: "Surface",
            },
        ];
        for racer in &RACERS {
            controls.push(Control::Toggle {
                option: racer.option,
                label: racer.label,
            });
        }
        for (option, label) in [
            ("gd-learning-rate", "GD α"),
            ("momentum-learning-rate", "Momentum α"),
            ("momentum-beta", "Momentum β"),
            ("nesterov-learning-rate", "Nesterov α"),
            ("nesterov-beta", "Nesterov β"),
            ("adagrad-learning-rate", "AdaGrad α"),
            ("rmsprop-learning-rate", "RMSProp α"),
            ("rmsprop-beta", "RMSProp β"),
            ("adam-learning-rate", "Adam α"),
            ("adam-beta1", "Adam β₁"),
            ("adam-beta2", "Adam β₂"),
        ] {
            controls.push(Control::Slider {
                option,
                label,
                marker: None,
            });
        }
        controls.push(Control::Input {
            option: "epsilon",
            label: "ε",
        });
        controls
    }

    fn readouts(&self) -> Vec<Readout> {
        let mut out = vec![Readout {
            id: "step",
            label: "step",
            value: self.race.steps.to_string(),
        }];
        for (i, racer) in RACERS.iter().enumerate() {
            let value = match self.race.runs.iter().find(|(k, _)| *k == i) {
                Some((_, run)) => format!(
                    "f {} · {} from a minimum · {} · {}",
                    sig(run.current().value, 4),
                    sig(run.distance_to_minimum(), 3),
                    run.status().as_str(),
                    memory_text(run)
                ),
                None => "not racing".to_string(),
            };
            out.push(Readout {
                id: racer.id,
                label: racer.label,
                value,
            });
        }
        out
    }

    fn message(&self) -> Option<Message> {
        if self.race.runs.is_empty() {
            return Some(Message {
                level: Level::Info,
                text: "No optimizer is racing: tick at least one.".to_string(),
            });
        }
        let diverged = self.diverged();
        if !diverged.is_empty() {
            let names: Vec<&str> = diverged.iter().map(|r| r.label).collect();
            let text = match names.as_slice() {
                [one] => format!(
                    "{one} diverged: its steps grew instead of shrinking, so it was stopped before any number overflowed. Lower its learning rate α — this surface is curved more steeply than α can follow."
                ),
                [first @ .., last] => format!(
                    "{} and {last} diverged: their steps grew instead of shrinking, so they were stopped before any number overflowed. Lower their learning rates α — this surface is curved more steeply than those α can follow.",
                    first.join(", ")
                ),
                [] => String::new(),
            };
            return Some(Message {
                level: Level::Warning,
                text,
            });
        }
        if self.race.steps >= MAX_STEPS {
            let moving: Vec<&str> = self
                .runs()
                .filter(|(_, r)| r.status() == Status::Running)
                .map(|(racer, _)| racer.label)
                .collect();
            return Some(Message {
                level: Level::Info,
                text: format!(
                    "The race stops at {MAX_STEPS} steps. Still moving: {}. With a constant α an adaptive method keeps stepping about α across the floor of a valley, and plain descent crawls where the surface is flat.",
                    moving.join(", ")
                ),
            });
        }
        if self.race.finished() {
            let runs: Vec<(&Racer, usize)> = self.runs().map(|(r, run)| (r, run.steps())).collect();
            let steps: Vec<f64> = runs.iter().map(|d| d.1 as f64).collect();
            let done: Vec<(&Racer, usize)> = order_by(&steps)
                .into_iter()
                .filter_map(|i| runs.get(i).copied())
                .collect();
            let order: Vec<String> = done
                .iter()
                .map(|(r, s)| format!("{} ({s})", r.label))
                .collect();
            return Some(Message {
                level: Level::Info,
                text: format!("All converged. Steps to converge: {}.", order.join(", ")),
            });
        }
        None
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .runs()
            .map(|(racer, run)| {
                format!(
                    "{} {} at value {}",
                    racer.label,
                    run.status().as_str(),
                    sig(run.current().value, 3)
                )
            })
            .collect();
        format!(
            "Step {} on the {} surface: {}",
            self.race.steps,
            self.race.surface.id(),
            parts.join("; ")
        )
    }

    fn formula(&self) -> Option<Json> {
        Some(self.race_formula())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn key_help(&self) -> &'static str {
        "Arrow keys move the shared start (Shift: further), Home and End to the left and right edges; Enter steps, P plays or pauses, R resets."
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
            Pointer::Down(px) => match self.plot("surface").map(|p| p.transform) {
                Some(t) if t.rect.contains(px) => {
                    self.dragging = true;
                    self.playing = false;
                    self.set_start(t.to_data(px))
                }
                _ => false,
            },
            Pointer::Move(px) if self.dragging => match self.plot("surface").map(|p| p.transform) {
                Some(t) => self.set_start(t.to_data(px)),
                None => false,
            },
            Pointer::Move(_) => false,
            Pointer::Up(_) | Pointer::Cancel => std::mem::take(&mut self.dragging),
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let (xs, ys) = self.domain();
        let fraction = if key.shift { 0.1 } else { 0.02 };
        let (dx, dy) = (xs.width() * fraction, ys.width() * fraction);
        let [x, y] = self.start();
        match key.key {
            "ArrowLeft" => self.set_start([x - dx, y]),
            "ArrowRight" => self.set_start([x + dx, y]),
            "ArrowUp" => self.set_start([x, y + dy]),
            "ArrowDown" => self.set_start([x, y - dy]),
            "Enter" | " " | "s" => self.action("step"),
            "p" => self.action("play"),
            "Home" => self.set_start([xs.lo, y]),
            "End" => self.set_start([xs.hi, y]),
            "r" => self.action("reset"),
            _ => false,
        }
    }

    fn set_playing(&mut self, playing: bool) {
        self.playing = playing && !self.race.finished();
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
        if self.race.finished() {
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
