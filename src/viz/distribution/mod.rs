//! `distribution`: one probability distribution of ten families, its PMF or PDF (or CDF), the
//! probability P(a ≤ X ≤ b) shaded and given as a number, and seeded samples drawn as a
//! histogram against it, with sample mean and variance beside the true ones.
//!
//! State = options. The plotted range depends on the distribution only, so dragging a and b
//! never moves the axes, and a shared URL reproduces the view.

mod code;
mod draw;
mod model;
mod table;

use crate::math::distributions::Distribution as Dist;
use crate::math::sorting::sort_floats;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::mathml::{mi, mn, mo, mrow};
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "distribution";

/// The families, as the `family` option spells them.
pub const FAMILIES: &[&str] = &[
    "bernoulli",
    "binomial",
    "poisson",
    "geometric",
    "uniform",
    "normal",
    "exponential",
    "student-t",
    "chi-squared",
    "beta",
];

const fn float(min: f64, max: f64, log: bool) -> OptionKind {
    OptionKind::Float { min, max, log }
}

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "family",
        kind: OptionKind::Choice(FAMILIES),
        default: "normal",
        doc: "the distribution's family; each reads only its own parameters",
    },
    OptionSpec {
        name: "p",
        kind: float(0.0, 1.0, false),
        default: "0.3",
        doc: "success probability (bernoulli, binomial; geometric needs p > 0)",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 0, max: 1000 },
        default: "10",
        doc: "number of trials (binomial)",
    },
    OptionSpec {
        name: "lambda",
        kind: float(0.01, 100.0, true),
        default: "2",
        doc: "λ: the mean (poisson) or the rate (exponential)",
    },
    OptionSpec {
        name: "low",
        kind: float(-50.0, 50.0, false),
        default: "0",
        doc: "lower end (uniform)",
    },
    OptionSpec {
        name: "high",
        kind: float(-50.0, 50.0, false),
        default: "1",
        doc: "upper end, > low (uniform)",
    },
    OptionSpec {
        name: "mu",
        kind: float(-50.0, 50.0, false),
        default: "0",
        doc: "μ, the mean (normal)",
    },
    OptionSpec {
        name: "sigma",
        kind: float(0.01, 100.0, true),
        default: "1",
        doc: "σ, the standard deviation (normal)",
    },
    OptionSpec {
        name: "df",
        kind: float(0.1, 1000.0, true),
        default: "5",
        doc: "degrees of freedom (student-t, chi-squared)",
    },
    OptionSpec {
        name: "alpha",
        kind: float(0.05, 1000.0, true),
        default: "2",
        doc: "α (beta)",
    },
    OptionSpec {
        name: "beta",
        kind: float(0.05, 1000.0, true),
        default: "5",
        doc: "β (beta)",
    },
    OptionSpec {
        name: "a",
        kind: float(-1e6, 1e6, false),
        default: "-1",
        doc: "lower bound of the shaded interval (included for discrete families)",
    },
    OptionSpec {
        name: "b",
        kind: float(-1e6, 1e6, false),
        default: "1",
        doc: "upper bound of the shaded interval (included for discrete families)",
    },
    OptionSpec {
        name: "view",
        kind: OptionKind::Choice(&["pdf", "cdf"]),
        default: "pdf",
        doc: "show the PMF/PDF or the CDF",
    },
    OptionSpec {
        name: "samples",
        kind: OptionKind::Int {
            min: 0,
            max: 20_000,
        },
        default: "500",
        doc: "how many seeded samples to draw as a histogram (0 for none)",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int {
            min: 0,
            max: 4_294_967_295,
        },
        default: "1",
        doc: "seed of the samples: the same seed gives the same samples",
    },
];

/// Which interval end a pointer is dragging.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    A,
    B,
}

/// The distribution widget.
#[derive(Debug, Clone)]
pub struct DistributionWidget {
    options: OptionSet,
    dist: Dist,
    view: Span,
    /// The seeded samples, in increasing order.
    samples: Vec<f64>,
    drag: Option<End>,
    plots: Vec<PlotInfo>,
}

impl Default for DistributionWidget {
    fn default() -> Self {
        Self::new()
    }
}

impl DistributionWidget {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // The defaults form a valid normal distribution (a unit test checks); the standard
        // normal stands in should that ever break.
        let dist = model::distribution(&options)
            .unwrap_or(Dist::from(crate::math::distributions::Normal::STANDARD));
        let mut w = DistributionWidget {
            view: model::x_range(&dist),
            samples: Vec::new(),
            options,
            dist,
            drag: None,
            plots: Vec::new(),
        };
        w.resample();
        w
    }

    /// The distribution shown.
    pub fn distribution(&self) -> &Dist {
        &self.dist
    }

    fn resample(&mut self) {
        self.samples = model::samples(
            &self.dist,
            self.options.int("samples").max(0) as usize,
            self.options.int("seed") as u64,
        );
        // Sorted once here, so the empirical CDF needs no sort per frame.
        sort_floats(&mut self.samples);
    }

    /// Replaces the options if they describe a valid distribution; on error nothing changes.
    fn apply(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let dist = model::distribution(&options)?;
        let resample = dist != self.dist
            || options.int("samples") != self.options.int("samples")
            || options.int("seed") != self.options.int("seed");
        self.view = model::x_range(&dist);
        self.dist = dist;
        self.options = options;
        if resample {
            self.resample();
        }
        Ok(())
    }

    fn ends(&self) -> (f64, f64) {
        (self.options.float("a"), self.options.float("b"))
    }

    /// P(a ≤ X ≤ b).
    pub fn probability(&self) -> f64 {
        let (a, b) = self.ends();
        self.dist.interval_probability(a, b)
    }

    /// Moves one end to `x` (whole numbers for a discrete family, else rounded to a thousandth
    /// of the view).
    fn move_end(&mut self, end: End, x: f64) -> bool {
        let x = x.clamp_to(self.view.lo, self.view.hi);
        let x = if self.dist.is_discrete() {
            x.round()
        } else {
            let unit = 10f64.powf((self.view.width() / 1000.0).log10().floor());
            ((x / unit).round() * unit * 1e9).round() / 1e9
        };
        let mut options = self.options.clone();
        let name = if end == End::A { "a" } else { "b" };
        options
            .set(name, &crate::math::float_text::plain(x))
            .is_ok()
            && self.apply(options).is_ok()
    }

    fn key_step(&self, shift: bool) -> f64 {
        if self.dist.is_discrete() {
            if shift {
                5.0
            } else {
                1.0
            }
        } else {
            self.view.width() * if shift { 0.1 } else { 0.01 }
        }
    }

    fn interval_text(&self) -> String {
        let (a, b) = self.ends();
        format!("P({} ≤ X ≤ {})", sig(a, 4), sig(b, 4))
    }
}

impl Widget for DistributionWidget {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        self.apply(options)
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        self.drag = None;
        self.resample();
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "resample" => {
                let mut options = self.options.clone();
                let next = (self.options.int("seed") + 1) % 4_294_967_296;
                options.set("seed", &next.to_string()).is_ok() && self.apply(options).is_ok()
            }
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let (a, b) = self.ends();
        let moments = model::sample_moments(&self.samples);
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("family", Json::str(self.options.choice("family"))),
            ("discrete", Json::Bool(self.dist.is_discrete())),
            ("a", Json::Num(a)),
            ("b", Json::Num(b)),
            ("probability", Json::Num(self.probability())),
            // Undefined moments (Student's t with ν ≤ 1 has no mean, ν ≤ 2 no variance) are
            // null, as SciPy's NaN becomes in the program's JSON.
            ("mean", Json::finite(self.dist.mean())),
            ("variance", Json::finite(self.dist.variance())),
            ("sample_count", Json::Num(self.samples.len() as f64)),
            (
                "sample_mean",
                moments.map_or(Json::Null, |m| Json::Num(m.0)),
            ),
            (
                "sample_variance",
                moments.map_or(Json::Null, |m| Json::Num(m.1)),
            ),
            ("x_range", Json::nums([self.view.lo, self.view.hi])),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        let mut controls = vec![
            Control::Select {
                option: "family",
                label: "Family",
            },
            Control::Select {
                option: "view",
                label: "Show",
            },
        ];
        for name in model::parameters(self.options.choice("family")) {
            let label = match *name {
                "p" => "p",
                "n" => "n",
                "lambda" => "λ",
                "low" => "low",
                "high" => "high",
                "mu" => "μ",
                "sigma" => "σ",
                "df" => "df",
                "alpha" => "α",
                _ => "β",
            };
            controls.push(Control::Slider {
                option: name,
                label,
                marker: None,
            });
        }
        controls.extend([
            Control::Input {
                option: "a",
                label: "a",
            },
            Control::Input {
                option: "b",
                label: "b",
            },
            Control::Input {
                option: "samples",
                label: "Samples",
            },
            Control::Button {
                action: "resample",
                label: "New samples",
                title: "Draw new samples (the next seed)",
            },
        ]);
        controls
    }

    fn readouts(&self) -> Vec<Readout> {
        let moments = model::sample_moments(&self.samples);
        let undefined = |x: f64| {
            if x.is_nan() {
                "undefined".to_string()
            } else if x.is_infinite() {
                "∞".to_string()
            } else {
                sig(x, 4)
            }
        };
        vec![
            Readout {
                id: "probability",
                label: "P(a ≤ X ≤ b)",
                value: sig(self.probability(), 4),
            },
            Readout {
                id: "mean",
                label: "mean",
                value: undefined(self.dist.mean()),
            },
            Readout {
                id: "variance",
                label: "variance",
                value: undefined(self.dist.variance()),
            },
            Readout {
                id: "sample-mean",
                label: "sample mean",
                value: moments.map_or("—".to_string(), |m| sig(m.0, 4)),
            },
            Readout {
                id: "sample-variance",
                label: "sample variance",
                value: moments.map_or("—".to_string(), |m| sig(m.1, 4)),
            },
        ]
    }

    fn message(&self) -> Option<Message> {
        let (a, b) = self.ends();
        if a > b {
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "a = {} is above b = {}: the interval is empty, so its probability is 0. Drag a left of b.",
                    sig(a, 4),
                    sig(b, 4)
                ),
            });
        }
        let mean = self.dist.mean();
        let variance = self.dist.variance();
        if mean.is_nan() {
            return Some(Message {
                level: Level::Info,
                text: "With df ≤ 1 the mean does not exist: the tails are so heavy that sample means never settle — resample and watch them jump.".to_string(),
            });
        }
        if variance.is_infinite() {
            return Some(Message {
                level: Level::Info,
                text: "With 1 < df ≤ 2 the variance is infinite: sample variances keep growing with more samples.".to_string(),
            });
        }
        let discrete = if self.dist.is_discrete() {
            " (both ends included)"
        } else {
            ""
        };
        Some(Message {
            level: Level::Info,
            text: format!(
                "{} = {}{discrete} for {}.",
                self.interval_text(),
                sig(self.probability(), 4),
                model::family_formula(&self.options)
            ),
        })
    }

    fn describe(&self) -> String {
        format!(
            "{}: {} = {}, mean {}, variance {}. Left and right arrows move a, up and down move b.",
            model::family_formula(&self.options),
            self.interval_text(),
            sig(self.probability(), 3),
            sig(self.dist.mean(), 3),
            sig(self.dist.variance(), 3)
        )
    }

    fn formula(&self) -> Option<Json> {
        let (a, b) = self.ends();
        let f = |x: f64| mrow([mi("F"), mo("("), mn(&sig(x, 4)), mo(")")]);
        let below = if self.dist.is_discrete() {
            a.ceil() - 1.0
        } else {
            a
        };
        Some(mrow([
            mi("P"),
            mo("("),
            mn(&sig(a, 4)),
            mo("≤"),
            mi("X"),
            mo("≤"),
            mn(&sig(b, 4)),
            mo(")"),
            mo("="),
            f(b),
            mo("−"),
            f(below),
            mo("="),
            mn(&sig(self.probability(), 4)),
        ]))
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn key_help(&self) -> &'static str {
        "Left and right arrows move a, down and up move b (Shift for larger steps), Home moves a to the left end and End b to the right end; Enter draws new samples."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.5).clamp_to(260.0, 480.0)
        } else {
            (width_css * 0.85).clamp_to(240.0, 420.0)
        }
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        let Some(info) = self.plots.first() else {
            return false;
        };
        let (t, scale) = (info.transform, info.scale);
        match event {
            Pointer::Down(px) => {
                if !t.rect.contains(px) {
                    return false;
                }
                let (a, b) = self.ends();
                let x = t.to_data(px)[0];
                let (pa, pb) = (t.to_px([a, 0.0])[0], t.to_px([b, 0.0])[0]);
                let (da, db) = ((px[0] - pa).abs(), (px[0] - pb).abs());
                let end = if da <= 12.0 * scale && da <= db {
                    End::A
                } else if db <= 12.0 * scale {
                    End::B
                } else if (x - a).abs() <= (x - b).abs() {
                    End::A
                } else {
                    End::B
                };
                self.drag = Some(end);
                self.move_end(end, x)
            }
            Pointer::Move(px) => match self.drag {
                Some(end) => self.move_end(end, t.to_data(px)[0]),
                None => false,
            },
            Pointer::Up(_) | Pointer::Cancel => self.drag.take().is_some(),
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let d = self.key_step(key.shift);
        let (a, b) = self.ends();
        match key.key {
            "ArrowLeft" => self.move_end(End::A, a - d),
            "ArrowRight" => self.move_end(End::A, a + d),
            "ArrowDown" => self.move_end(End::B, b - d),
            "ArrowUp" => self.move_end(End::B, b + d),
            "Home" => self.move_end(End::A, self.view.lo),
            "End" => self.move_end(End::B, self.view.hi),
            "Enter" | " " | "s" => self.action("resample"),
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
