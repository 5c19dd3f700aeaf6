//! `bayes-update`: a belief about an unknown quantity, updated observation by observation —
//! the rate θ of a Bernoulli process under a Beta prior, or the mean μ of a normal with known σ
//! under a normal prior. The posterior is drawn with the previous one ghosted and its 95 %
//! equal-tailed credible interval shaded.
//!
//! State = options: the counts (or the observed values) are options, so a shared URL carries
//! them; simulation draws from a generator seeded by `seed` and the number of observations so
//! far, so the same options and clicks give the same data.

mod code;
mod draw;
mod formula;
mod model;
mod table;

use crate::math::bayes::BetaBernoulli;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "bayes-update";

const fn float(min: f64, max: f64, log: bool) -> OptionKind {
    OptionKind::Float { min, max, log }
}

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "model",
        kind: OptionKind::Choice(&["beta-bernoulli", "normal-normal"]),
        default: "beta-bernoulli",
        doc: "what is unknown: a success rate (Beta prior) or a mean with known σ (normal prior)",
    },
    OptionSpec {
        name: "prior-alpha",
        kind: float(0.1, 1000.0, true),
        default: "2",
        doc: "α of the Beta prior: prior successes, roughly",
    },
    OptionSpec {
        name: "prior-beta",
        kind: float(0.1, 1000.0, true),
        default: "2",
        doc: "β of the Beta prior: prior failures, roughly",
    },
    OptionSpec {
        name: "successes",
        kind: OptionKind::Int {
            min: 0,
            max: 100_000,
        },
        default: "0",
        doc: "successes observed",
    },
    OptionSpec {
        name: "failures",
        kind: OptionKind::Int {
            min: 0,
            max: 100_000,
        },
        default: "0",
        doc: "failures observed",
    },
    OptionSpec {
        name: "true-rate",
        kind: float(0.0, 1.0, false),
        default: "0.7",
        doc: "the rate simulated observations are drawn with (hidden from the model)",
    },
    OptionSpec {
        name: "prior-mean",
        kind: float(-100.0, 100.0, false),
        default: "0",
        doc: "μ₀, the prior mean of the unknown mean (normal-normal)",
    },
    OptionSpec {
        name: "prior-sd",
        kind: float(0.01, 100.0, true),
        default: "2",
        doc: "τ₀, the prior standard deviation of the unknown mean (normal-normal)",
    },
    OptionSpec {
        name: "sigma",
        kind: float(0.01, 100.0, true),
        default: "1",
        doc: "σ, the known standard deviation of each observation (normal-normal)",
    },
    OptionSpec {
        name: "true-mean",
        kind: float(-100.0, 100.0, false),
        default: "1.5",
        doc: "the mean simulated observations are drawn with (normal-normal)",
    },
    OptionSpec {
        name: "data",
        kind: OptionKind::Text { max_chars: 40_000 },
        default: "",
        doc: "observed values \"x, x, …\" (normal-normal), at most 2000",
    },
    OptionSpec {
        name: "simulate",
        kind: OptionKind::Int { min: 1, max: 1000 },
        default: "10",
        doc: "how many observations the Simulate button draws",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int {
            min: 0,
            max: 4_294_967_295,
        },
        default: "3",
        doc: "seed of the simulated observations",
    },
];

/// A posterior as the picture needs it: Beta(α, β) or N(mean, sd²).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Belief {
    Beta(f64, f64),
    Normal(f64, f64),
}

/// The Bayesian-updating widget.
#[derive(Debug, Clone)]
pub struct BayesUpdate {
    options: OptionSet,
    data: Vec<f64>,
    /// The posterior before the last observation, drawn as a ghost.
    previous: Option<Belief>,
    dragging: bool,
    plots: Vec<PlotInfo>,
}

impl Default for BayesUpdate {
    fn default() -> Self {
        Self::new()
    }
}

impl BayesUpdate {
    /// The widget at its default options.
    pub fn new() -> Self {
        BayesUpdate {
            options: OptionSet::new(OPTIONS),
            data: Vec::new(),
            previous: None,
            dragging: false,
            plots: Vec::new(),
        }
    }

    fn normal_model(&self) -> bool {
        self.options.choice("model") == "normal-normal"
    }

    /// The Beta–Bernoulli model (valid whenever the options are).
    pub fn beta_bernoulli(&self) -> Option<BetaBernoulli> {
        model::beta_bernoulli(&self.options).ok()
    }

    /// The current posterior.
    fn belief(&self) -> Belief {
        if self.normal_model() {
            let (m, s) = model::normal_normal(&self.options)
                .map(|m| m.posterior(&self.data))
                .unwrap_or((0.0, 1.0));
            Belief::Normal(m, s)
        } else {
            let p = self.beta_bernoulli().map(|m| m.posterior());
            p.map_or(Belief::Beta(1.0, 1.0), |b| {
                Belief::Beta(b.alpha(), b.beta())
            })
        }
    }

    /// The prior, as a belief.
    fn prior(&self) -> Belief {
        if self.normal_model() {
            Belief::Normal(
                self.options.float("prior-mean"),
                self.options.float("prior-sd"),
            )
        } else {
            Belief::Beta(
                self.options.float("prior-alpha"),
                self.options.float("prior-beta"),
            )
        }
    }

    /// Replaces the options if they are consistent; on error nothing changes.
    fn apply(&mut self, options: OptionSet) -> Result<(), OptionError> {
        model::beta_bernoulli(&options)?;
        model::normal_normal(&options)?;
        let data = model::parse_data(options.text("data"))?;
        self.data = data;
        self.options = options;
        Ok(())
    }

    /// Applies option changes as one observation step: the current posterior becomes the ghost.
    fn observe(&mut self, pairs: &[(&str, String)]) -> bool {
        let before = self.belief();
        let mut options = self.options.clone();
        for (name, raw) in pairs {
            if options.set(name, raw).is_err() {
                return false;
            }
        }
        let ok = self.apply(options).is_ok();
        if ok {
            self.previous = Some(before);
        }
        ok
    }

    fn observations(&self) -> usize {
        if self.normal_model() {
            self.data.len()
        } else {
            (self.options.int("successes") + self.options.int("failures")) as usize
        }
    }

    /// Simulates `n` observations from the true rate or mean.
    fn simulate(&mut self, n: usize) -> bool {
        let seed = self.options.int("seed");
        let done = self.observations();
        if self.normal_model() {
            let room = model::MAX_DATA.saturating_sub(self.data.len());
            let draws = model::simulate_normal(
                self.options.float("true-mean"),
                self.options.float("sigma"),
                n.min(room),
                seed,
                done,
            );
            if draws.is_empty() {
                return false;
            }
            let mut data = self.data.clone();
            data.extend(draws);
            self.observe(&[("data", model::format_data(&data))])
        } else {
            let (s, f) = model::simulate_bernoulli(self.options.float("true-rate"), n, seed, done);
            self.observe(&[
                ("successes", (self.options.int("successes") + s).to_string()),
                ("failures", (self.options.int("failures") + f).to_string()),
            ])
        }
    }

    fn count(&mut self, which: &str) -> bool {
        if self.normal_model() {
            return false;
        }
        let next = self.options.int(which) + 1;
        self.observe(&[(which, next.to_string())])
    }

    fn truth_name(&self) -> &'static str {
        if self.normal_model() {
            "true-mean"
        } else {
            "true-rate"
        }
    }

    fn set_truth(&mut self, value: f64) -> bool {
        let (lo, hi) = if self.normal_model() {
            (-100.0, 100.0)
        } else {
            (0.0, 1.0)
        };
        let v = ((value.clamp_to(lo, hi)) * 1000.0).round() / 1000.0;
        let mut options = self.options.clone();
        options
            .set(self.truth_name(), &crate::math::float_text::plain(v))
            .is_ok()
            && self.apply(options).is_ok()
    }

    /// (mean, 95 % interval, mode) of the current posterior.
    fn summary(&self) -> (f64, [f64; 2], Option<f64>) {
        match self.belief() {
            Belief::Normal(m, s) => (m, model::normal_interval(m, s), Some(m)),
            Belief::Beta(..) => match self.beta_bernoulli() {
                Some(bb) => {
                    let post = bb.posterior();
                    let ci = bb.credible_interval(0.95).unwrap_or([f64::NAN; 2]);
                    (post.mean(), ci, post.mode())
                }
                None => (f64::NAN, [f64::NAN; 2], None),
            },
        }
    }
}

impl Widget for BayesUpdate {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        self.apply(options)?;
        self.previous = None;
        Ok(())
    }

    fn step(&mut self, n: u32) {
        if n > 0 {
            self.simulate(n as usize);
        }
    }

    fn reset(&mut self) {
        self.previous = None;
        self.dragging = false;
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "success" => self.count("successes"),
            "failure" => self.count("failures"),
            "simulate" | "step" => self.simulate(self.options.int("simulate").max(1) as usize),
            "clear" => {
                let mut options = self.options.clone();
                let cleared = options.set("successes", "0").is_ok()
                    && options.set("failures", "0").is_ok()
                    && options.set("data", "").is_ok();
                cleared && self.apply(options).is_ok() && {
                    self.previous = None;
                    true
                }
            }
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let (mean, ci, mode) = self.summary();
        let mut state = Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("model", Json::str(self.options.choice("model"))),
            ("observations", Json::Num(self.observations() as f64)),
            ("step", Json::Num(self.observations() as f64)),
            ("posterior_mean", Json::Num(mean)),
            ("posterior_mode", mode.map_or(Json::Null, Json::Num)),
            ("credible_interval", Json::nums(ci)),
        ]);
        match self.belief() {
            Belief::Beta(a, b) => {
                state.insert("posterior_alpha", Json::Num(a));
                state.insert("posterior_beta", Json::Num(b));
                state.insert("predictive_success", Json::Num(mean));
                state.insert("successes", Json::Num(self.options.int("successes") as f64));
                state.insert("failures", Json::Num(self.options.int("failures") as f64));
            }
            Belief::Normal(_, sd) => {
                state.insert("posterior_sd", Json::Num(sd));
                state.insert("data", Json::nums(self.data.iter().copied()));
            }
        }
        state
    }

    fn controls(&self) -> Vec<Control> {
        let mut controls = vec![Control::Select {
            option: "model",
            label: "Model",
        }];
        if self.normal_model() {
            controls.extend([
                Control::Slider {
                    option: "prior-mean",
                    label: "prior mean μ₀",
                    marker: None,
                },
                Control::Slider {
                    option: "prior-sd",
                    label: "prior sd τ₀",
                    marker: None,
                },
                Control::Slider {
                    option: "sigma",
                    label: "known σ",
                    marker: None,
                },
                Control::Slider {
                    option: "true-mean",
                    label: "true mean",
                    marker: None,
                },
            ]);
        } else {
            controls.extend([
                Control::Button {
                    action: "success",
                    label: "Observe success",
                    title: "Add one observed success",
                },
                Control::Button {
                    action: "failure",
                    label: "Observe failure",
                    title: "Add one observed failure",
                },
                Control::Slider {
                    option: "prior-alpha",
                    label: "prior α",
                    marker: None,
                },
                Control::Slider {
                    option: "prior-beta",
                    label: "prior β",
                    marker: None,
                },
                Control::Slider {
                    option: "true-rate",
                    label: "true rate",
                    marker: None,
                },
            ]);
        }
        controls.extend([
            Control::Button {
                action: "simulate",
                label: "Simulate",
                title: "Draw observations from the true value (as many as the n field says)",
            },
            Control::Input {
                option: "simulate",
                label: "n",
            },
            Control::Button {
                action: "clear",
                label: "Clear data",
                title: "Forget every observation: back to the prior",
            },
        ]);
        controls
    }

    fn readouts(&self) -> Vec<Readout> {
        let (mean, ci, mode) = self.summary();
        let interval = format!("[{}, {}]", sig(ci[0], 3), sig(ci[1], 3));
        let mut r = vec![Readout {
            id: "observations",
            label: "observations",
            value: self.observations().to_string(),
        }];
        match self.belief() {
            Belief::Beta(a, b) => r.extend([
                Readout {
                    id: "posterior",
                    label: "posterior",
                    value: format!("Beta({}, {})", sig(a, 4), sig(b, 4)),
                },
                Readout {
                    id: "mean",
                    label: "mean",
                    value: sig(mean, 4),
                },
                Readout {
                    id: "mode",
                    label: "mode",
                    value: mode.map_or("none".to_string(), |m| sig(m, 4)),
                },
                Readout {
                    id: "interval",
                    label: "95 % interval",
                    value: interval,
                },
                Readout {
                    id: "predictive",
                    label: "P(next success)",
                    value: sig(mean, 4),
                },
            ]),
            Belief::Normal(m, s) => r.extend([
                Readout {
                    id: "posterior",
                    label: "posterior",
                    value: format!("N({}, {}²)", sig(m, 4), sig(s, 3)),
                },
                Readout {
                    id: "interval",
                    label: "95 % interval",
                    value: interval,
                },
            ]),
        }
        r
    }

    fn message(&self) -> Option<Message> {
        let (mean, ci, _) = self.summary();
        let text = match self.belief() {
            Belief::Beta(a, b) => {
                let (s, f) = (self.options.int("successes"), self.options.int("failures"));
                let mode = if a > 1.0 && b > 1.0 {
                    String::new()
                } else {
                    " The posterior has no interior mode: its density is highest at an end."
                        .to_string()
                };
                format!(
                    "After {s} successes and {f} failures the belief about the rate is Beta({}, {}): mean {}, and θ lies in [{}, {}] with 95 % probability.{mode}",
                    sig(a, 4),
                    sig(b, 4),
                    sig(mean, 3),
                    sig(ci[0], 3),
                    sig(ci[1], 3)
                )
            }
            Belief::Normal(m, s) => format!(
                "After {} observations the belief about the mean is N({}, {}²): it lies in [{}, {}] with 95 % probability.",
                self.data.len(),
                sig(m, 4),
                sig(s, 3),
                sig(ci[0], 3),
                sig(ci[1], 3)
            ),
        };
        Some(Message {
            level: Level::Info,
            text,
        })
    }

    fn describe(&self) -> String {
        let (mean, ci, _) = self.summary();
        format!(
            "{} observations; posterior mean {}, 95 % interval {} to {}. Keys: s success, f failure, Enter simulates, left and right arrows move the true value.",
            self.observations(),
            sig(mean, 3),
            sig(ci[0], 3),
            sig(ci[1], 3)
        )
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn formula(&self) -> Option<Json> {
        Some(self.update_formula())
    }

    fn key_help(&self) -> &'static str {
        "s adds a success, f a failure, Enter simulates; left and right arrows move the true value (Shift: further; Home and End: to the ends of the axis)."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.5).clamp_to(260.0, 460.0)
        } else {
            (width_css * 0.9).clamp_to(240.0, 420.0)
        }
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        let Some(t) = self.plots.first().map(|p| p.transform) else {
            return false;
        };
        match event {
            Pointer::Down(px) if t.rect.contains(px) => {
                self.dragging = true;
                self.set_truth(t.to_data(px)[0])
            }
            Pointer::Move(px) if self.dragging => self.set_truth(t.to_data(px)[0]),
            Pointer::Up(_) | Pointer::Cancel => std::mem::take(&mut self.dragging),
            _ => false,
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let width = self.plots.first().map_or(1.0, |p| p.transform.x.width());
        let d = width * if key.shift { 0.1 } else { 0.01 };
        let truth = self.options.float(self.truth_name());
        match key.key {
            "ArrowLeft" => self.set_truth(truth - d),
            "ArrowRight" => self.set_truth(truth + d),
            "Home" => self.set_truth(self.plots.first().map_or(0.0, |p| p.transform.x.lo)),
            "End" => self.set_truth(self.plots.first().map_or(1.0, |p| p.transform.x.hi)),
            "s" => self.action("success"),
            "f" => self.action("failure"),
            "Enter" | " " => self.action("simulate"),
            _ => false,
        }
    }

    fn set_playing(&mut self, _playing: bool) {}

    fn playing(&self) -> bool {
        false
    }

    fn tick(&mut self, _now_ms: f64) -> bool {
        false
    }

    fn plots(&self) -> Vec<PlotInfo> {
        self.plots.clone()
    }

    fn draw(
        &mut self,
        root: &plotters::drawing::DrawingArea<
            crate::viz::display::Recorder,
            plotters::coord::Shift,
        >,
        frame: &Frame,
        _fields: &mut crate::viz::display::FieldRecorder,
    ) -> Result<(), String> {
        self.draw_all(root, frame)
    }
}

#[cfg(test)]
mod tests;
