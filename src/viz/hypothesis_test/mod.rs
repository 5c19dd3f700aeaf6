//! `hypothesis-test`: a z, t or Welch test made visible — the null distribution with the α
//! rejection region and the p-value as tail areas, the alternative for a chosen effect size with
//! β and power, power against n, p-values of many simulated experiments under H₀ and H₁, and the
//! Bayesian posterior of the mean beside the p-value.
//!
//! State = options. Dragging the critical value sets α; dragging the alternative sets the effect
//! size; the arrow keys do both.

mod code;
mod draw;
mod formula;
mod table;

use crate::math::hypothesis::{
    posterior, power_at_n, rejection_bounds, rejection_probability, run, shift_for_effect,
    simulate, Alternative, Outcome, Posterior, Sample, Test,
};
use crate::math::ClampTo;
use crate::viz::descriptive_stats::parse_values;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "hypothesis-test";

/// The most normal draws one simulation makes; fewer experiments run for large samples.
pub const MAX_SIMULATED_DRAWS: usize = 400_000;

/// p-values below this are shown as "< 1e-16".
pub const SMALLEST_SHOWN_P: f64 = 1e-16;

const fn float(
    name: &'static str,
    min: f64,
    max: f64,
    default: &'static str,
    doc: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        kind: OptionKind::Float {
            min,
            max,
            log: false,
        },
        default,
        doc,
    }
}

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "test",
        kind: OptionKind::Choice(&["z", "t", "welch"]),
        default: "t",
        doc: "z: one sample, σ known (σ = sd); t: one sample; welch: two samples, unequal variances, H₀: equal means",
    },
    OptionSpec {
        name: "alternative",
        kind: OptionKind::Choice(&["two-sided", "less", "greater"]),
        default: "two-sided",
        doc: "the alternative hypothesis: μ ≠ μ₀, μ < μ₀ or μ > μ₀ (for welch: μ_A vs μ_B)",
    },
    float("mean", -1e9, 1e9, "5.8", "sample mean (used when data is empty)"),
    float("sd", 0.0, 1e9, "2", "sample SD; for the z test the known σ (always used by z)"),
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 1, max: 100_000 },
        default: "25",
        doc: "sample size (used when data is empty)",
    },
    float("mean-b", -1e9, 1e9, "5", "second sample's mean (welch, when data-b is empty)"),
    float("sd-b", 0.0, 1e9, "2", "second sample's SD (welch, when data-b is empty)"),
    OptionSpec {
        name: "n-b",
        kind: OptionKind::Int { min: 1, max: 100_000 },
        default: "25",
        doc: "second sample's size (welch, when data-b is empty)",
    },
    OptionSpec {
        name: "data",
        kind: OptionKind::Lines { max_chars: 20_000 },
        default: "",
        doc: "the sample's values \"3.1, 4.2, …\"; overrides mean, sd (except for z) and n",
    },
    OptionSpec {
        name: "data-b",
        kind: OptionKind::Lines { max_chars: 20_000 },
        default: "",
        doc: "the second sample's values (welch); overrides mean-b, sd-b and n-b",
    },
    float("mu0", -1e9, 1e9, "5", "μ₀, the mean under the null hypothesis (one-sample tests)"),
    OptionSpec {
        name: "alpha",
        kind: OptionKind::Float { min: 0.0001, max: 0.5, log: true },
        default: "0.05",
        doc: "significance level α: the chance of rejecting a true H₀",
    },
    float("effect", -3.0, 3.0, "0.5", "true effect size d (in SDs) for the power panel and the H₁ simulation"),
    OptionSpec {
        name: "prior",
        kind: OptionKind::Choice(&["flat", "normal"]),
        default: "flat",
        doc: "prior of the mean for the posterior panel",
    },
    float("prior-mean", -1e9, 1e9, "5", "mean of the normal prior"),
    OptionSpec {
        name: "prior-sd",
        kind: OptionKind::Float { min: 1e-6, max: 1e9, log: true },
        default: "1",
        doc: "SD of the normal prior",
    },
    OptionSpec {
        name: "experiments",
        kind: OptionKind::Int { min: 100, max: 5_000 },
        default: "1000",
        doc: "simulated experiments under H₀ and under H₁",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "1",
        doc: "seed of the simulations",
    },
];

/// What a simulation depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SimKey {
    test: Test,
    alternative: Alternative,
    a: Sample,
    b: Option<Sample>,
    mu0: f64,
    effect: f64,
    experiments: usize,
    seed: u64,
}

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    test: Test,
    alternative: Alternative,
    a: Sample,
    b: Option<Sample>,
    mu0: f64,
    alpha: f64,
    effect: f64,
    outcome: Outcome,
    bounds: (f64, f64),
    /// δ per unit of effect size.
    shift_per_d: f64,
    power: f64,
    posterior: Posterior,
    prior: Option<(f64, f64)>,
    /// The parameter's value under H₀ (μ₀, or 0 for a difference).
    null_value: f64,
    sim_key: SimKey,
    sim_h0: Vec<f64>,
    sim_h1: Vec<f64>,
    power_curve: Vec<[f64; 2]>,
}

impl Model {
    fn reject(&self) -> bool {
        let t = self.outcome.statistic;
        t < self.bounds.0 || t > self.bounds.1
    }

    fn shift(&self) -> f64 {
        self.effect * self.shift_per_d
    }

    /// The posterior probability of the side of H₀ the alternative argues against.
    fn posterior_h0(&self) -> f64 {
        let v = self.null_value;
        match self.alternative {
            Alternative::Greater => self.posterior.cdf(v),
            Alternative::Less => self.posterior.sf(v),
            Alternative::TwoSided => self.posterior.cdf(v).min(self.posterior.sf(v)),
        }
    }

    fn share_below(ps: &[f64], alpha: f64) -> f64 {
        if ps.is_empty() {
            return f64::NAN;
        }
        ps.iter().filter(|&&p| p <= alpha).count() as f64 / ps.len() as f64
    }
}

/// The hypothesis-test widget.
#[derive(Debug, Clone)]
pub struct HypothesisTest {
    options: OptionSet,
    model: Model,
    drag: Option<Drag>,
    plots: Vec<PlotInfo>,
}

/// What a pointer is dragging on the null-distribution plot.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drag {
    /// The critical value (sets α).
    Critical,
    /// The alternative's centre (sets the effect size).
    Alternative,
}

impl Default for HypothesisTest {
    fn default() -> Self {
        Self::new()
    }
}

/// A p-value as text: three significant digits, or "< 1e-16" (never 0).
pub fn format_p(p: f64) -> String {
    if p < SMALLEST_SHOWN_P {
        "< 1e-16".to_string()
    } else {
        sig(p, 3)
    }
}

fn option_error(option: &str, message: String) -> OptionError {
    OptionError {
        option: option.to_string(),
        message,
    }
}

/// The sample from `data` if given, else from its summary options.
fn sample_from(
    options: &OptionSet,
    data: &str,
    mean: &str,
    sd: &str,
    n: &str,
) -> Result<Sample, OptionError> {
    let text = options.text(data);
    if text.trim().is_empty() {
        return Sample::new(
            options.float(mean),
            options.float(sd),
            options.int(n).max(1) as usize,
        )
        .map_err(|e| option_error(mean, format!("{mean}: {e}")));
    }
    let values = parse_values(text).map_err(|e| option_error(data, format!("{data}: {e}")))?;
    if values.is_empty() {
        return Err(option_error(
            data,
            format!("{data}: at least one value is needed"),
        ));
    }
    Sample::from_values(&values).map_err(|e| option_error(data, format!("{data}: {e}")))
}

fn build(options: &OptionSet, previous: Option<&Model>) -> Result<Model, OptionError> {
    let test = match options.choice("test") {
        "z" => Test::Z,
        "welch" => Test::Welch,
        _ => Test::T,
    };
    let alternative = match options.choice("alternative") {
        "less" => Alternative::Less,
        "greater" => Alternative::Greater,
        _ => Alternative::TwoSided,
    };
    let mut a = sample_from(options, "data", "mean", "sd", "n")?;
    let from_data = !options.text("data").trim().is_empty();
    if test == Test::Z {
        a.sd = options.float("sd");
    }
    let b = if test == Test::Welch {
        Some(sample_from(options, "data-b", "mean-b", "sd-b", "n-b")?)
    } else {
        // The second sample's values are checked while unused too, so a bad value is refused
        // when it is given, not later when the test becomes Welch.
        parse_values(options.text("data-b"))
            .map_err(|e| option_error("data-b", format!("data-b: {e}")))?;
        None
    };
    let mu0 = options.float("mu0");
    let alpha = options.float("alpha");
    let effect = options.float("effect");
    // Explain the two ways a test is undefined in the reader's terms before computing.
    let source = if from_data { "data" } else { "n" };
    let needed = if test == Test::Z { 1 } else { 2 };
    for (s, name) in [(Some(a), source), (b, "n-b")] {
        if let Some(s) = s {
            if s.n < needed {
                return Err(option_error(
                    name,
                    format!(
                        "{name}: the {} test needs at least {needed} values, got {}",
                        options.choice("test"),
                        s.n
                    ),
                ));
            }
        }
    }
    if test != Test::Welch && a.sd <= 0.0 {
        let message = if test == Test::Z {
            "sd: the z test needs a known σ > 0, got 0".to_string()
        } else if from_data {
            "data: all values are equal, so the sample SD is 0 and t is undefined".to_string()
        } else {
            "sd: the t test needs sd > 0, got 0".to_string()
        };
        return Err(option_error(if from_data { "data" } else { "sd" }, message));
    }
    let outcome = run(test, &a, b.as_ref(), mu0, alternative)
        .map_err(|e| option_error("data", format!("the test cannot be computed: {e}")))?;
    let bounds = rejection_bounds(&outcome.null, alpha, alternative)
        .map_err(|e| option_error("alpha", e.to_string()))?;
    let shift_per_d = shift_for_effect(test, &a, b.as_ref(), 1.0);
    let power = rejection_probability(&outcome.null, bounds, effect * shift_per_d);
    let null_value = if test == Test::Welch { 0.0 } else { mu0 };
    let prior = (options.choice("prior") == "normal")
        .then(|| (options.float("prior-mean"), options.float("prior-sd")));
    let posterior = posterior(&outcome, null_value + outcome.estimate, prior)
        .map_err(|e| option_error("prior-sd", e.to_string()))?;
    let per_experiment = a.n + b.map_or(0, |b| b.n);
    let experiments = (options.int("experiments").max(1) as usize)
        .min(MAX_SIMULATED_DRAWS / per_experiment.max(1))
        .max(1);
    let sim_key = SimKey {
        test,
        alternative,
        a,
        b,
        mu0,
        effect,
        experiments,
        seed: options.int("seed") as u64,
    };
    // H₀'s simulation does not depend on the effect size: dragging it re-runs only H₁'s.
    let seed = sim_key.seed;
    let without_effect = |k: SimKey| SimKey { effect: 0.0, ..k };
    let sim_h0 = match previous.filter(|m| without_effect(m.sim_key) == without_effect(sim_key)) {
        Some(m) => m.sim_h0.clone(),
        None => simulate(
            test,
            alternative,
            &a,
            b.as_ref(),
            mu0,
            0.0,
            experiments,
            seed,
        ),
    };
    let sim_h1 = match previous.filter(|m| m.sim_key == sim_key) {
        Some(m) => m.sim_h1.clone(),
        None => simulate(
            test,
            alternative,
            &a,
            b.as_ref(),
            mu0,
            effect,
            experiments,
            seed ^ 0x5EED,
        ),
    };
    let n_max = (2 * a.n).clamp(40, 2000);
    let step = (n_max / 200).max(1);
    let power_curve = (2..=n_max)
        .step_by(step)
        .filter_map(|n| {
            power_at_n(test, &a, b.as_ref(), n, effect, alpha, alternative)
                .ok()
                .map(|p| [n as f64, p])
        })
        .collect();
    Ok(Model {
        test,
        alternative,
        a,
        b,
        mu0,
        alpha,
        effect,
        outcome,
        bounds,
        shift_per_d,
        power,
        posterior,
        prior,
        null_value,
        sim_key,
        sim_h0,
        sim_h1,
        power_curve,
    })
}

impl HypothesisTest {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let model = build(&options, None).expect("the default options are valid");
        HypothesisTest {
            options,
            model,
            drag: None,
            plots: Vec::new(),
        }
    }

    fn rebuild(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let model = build(&options, Some(&self.model))?;
        self.options = options;
        self.model = model;
        Ok(())
    }

    /// Sets one option from a number rounded to `digits` significant digits; false if refused.
    fn set_number(&mut self, name: &str, value: f64, digits: usize) -> bool {
        let mut options = self.options.clone();
        options.set(name, &sig(value, digits)).is_ok() && self.rebuild(options).is_ok()
    }

    /// The α whose critical value lies at statistic `c`.
    fn alpha_at(&self, c: f64) -> f64 {
        let null = &self.model.outcome.null;
        match self.model.alternative {
            Alternative::Greater => null.sf(c),
            Alternative::Less => null.cdf(c),
            Alternative::TwoSided => 2.0 * null.sf(c.abs()),
        }
    }

    fn set_alpha(&mut self, alpha: f64) -> bool {
        self.set_number("alpha", alpha.clamp_to(0.0001, 0.5), 2)
    }

    fn set_effect(&mut self, d: f64) -> bool {
        let d = (d * 100.0).round() / 100.0;
        self.set_number("effect", d.clamp_to(-3.0, 3.0), 3)
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    /// The critical value nearest to statistic `x` (the one a drag grabs).
    fn nearest_bound(&self, x: f64) -> f64 {
        let (lo, hi) = self.model.bounds;
        match (lo.is_finite(), hi.is_finite()) {
            (true, true) => {
                if (x - lo).abs() < (x - hi).abs() {
                    lo
                } else {
                    hi
                }
            }
            (true, false) => lo,
            _ => hi,
        }
    }

    fn readout_statistic_name(&self) -> &'static str {
        if self.model.test == Test::Z {
            "z"
        } else {
            "t"
        }
    }

    fn reading(&self) -> String {
        let m = &self.model;
        let o = &m.outcome;
        let name = self.readout_statistic_name();
        let p = format_p(o.p_value);
        let (h0, tail) = match (m.test, m.alternative) {
            (Test::Welch, Alternative::TwoSided) => (
                "μ_A = μ_B".to_string(),
                "at least as far from 0 (either way) as",
            ),
            (Test::Welch, Alternative::Greater) => {
                ("μ_A = μ_B".to_string(), "at least as large as")
            }
            (Test::Welch, Alternative::Less) => ("μ_A = μ_B".to_string(), "at least as small as"),
            (_, Alternative::TwoSided) => (
                format!("μ = {}", sig(m.mu0, 4)),
                "at least as far from 0 (either way) as",
            ),
            (_, Alternative::Greater) => (format!("μ = {}", sig(m.mu0, 4)), "at least as large as"),
            (_, Alternative::Less) => (format!("μ = {}", sig(m.mu0, 4)), "at least as small as"),
        };
        let decision = if m.reject() {
            format!("p ≤ α = {}, so H₀ is rejected at this level — which does not say how large or important the effect is.", sig(m.alpha, 3))
        } else {
            format!("p > α = {}, so H₀ is not rejected — which does not show that H₀ is true; with power {} a real effect of d = {} would be missed {} of the time.", sig(m.alpha, 3), sig(m.power, 2), sig(m.effect, 2), pct(1.0 - m.power))
        };
        format!(
            "p = {p}: if H₀ ({h0}) were true, a {name} {tail} {} would turn up in {} of experiments like this one. {decision} p is not the probability that H₀ is true; the posterior beside it is such a probability, and it depends on the prior.",
            sig(o.statistic, 3),
            if o.p_value < SMALLEST_SHOWN_P { "fewer than 1e-14 %".to_string() } else { pct(o.p_value) },
        )
    }
}

/// A probability as a percentage with about two significant digits.
fn pct(p: f64) -> String {
    format!("{} %", sig(100.0 * p, 2))
}

impl Widget for HypothesisTest {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        self.rebuild(options)
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        self.drag = None;
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "simulate" => {
                let seed = (self.options.int("seed") + 1) % 4_294_967_296;
                let mut options = self.options.clone();
                options.set("seed", &seed.to_string()).is_ok() && self.rebuild(options).is_ok()
            }
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let m = &self.model;
        let o = &m.outcome;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("test", Json::str(self.options.choice("test"))),
            ("alternative", Json::str(self.options.choice("alternative"))),
            ("statistic", Json::Num(o.statistic)),
            ("df", o.df.map_or(Json::Null, Json::Num)),
            ("p_value", Json::Num(o.p_value)),
            ("p_value_text", Json::str(format_p(o.p_value))),
            ("alpha", Json::Num(m.alpha)),
            ("reject", Json::Bool(m.reject())),
            ("critical_lo", Json::finite(m.bounds.0)),
            ("critical_hi", Json::finite(m.bounds.1)),
            ("estimate", Json::Num(o.estimate)),
            ("standard_error", Json::Num(o.standard_error)),
            ("mean", Json::Num(m.a.mean)),
            ("sd", Json::Num(m.a.sd)),
            ("n", Json::Num(m.a.n as f64)),
            (
                "sample_b",
                m.b.map_or(Json::Null, |b| {
                    Json::obj([
                        ("mean", Json::Num(b.mean)),
                        ("sd", Json::Num(b.sd)),
                        ("n", Json::Num(b.n as f64)),
                    ])
                }),
            ),
            ("effect", Json::Num(m.effect)),
            ("shift", Json::Num(m.shift())),
            ("power", Json::Num(m.power)),
            ("beta", Json::Num(1.0 - m.power)),
            ("posterior_mean", Json::Num(m.posterior.centre)),
            ("posterior_sd_scale", Json::Num(m.posterior.scale)),
            ("posterior_prob_h0", Json::Num(m.posterior_h0())),
            ("experiments", Json::Num(m.sim_h0.len() as f64)),
            (
                "sim_h0_below_alpha",
                Json::Num(Model::share_below(&m.sim_h0, m.alpha)),
            ),
            (
                "sim_h1_below_alpha",
                Json::Num(Model::share_below(&m.sim_h1, m.alpha)),
            ),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Select {
                option: "test",
                label: "Test",
            },
            Control::Select {
                option: "alternative",
                label: "Alternative",
            },
            Control::Slider {
                option: "alpha",
                label: "α",
                marker: None,
            },
            Control::Slider {
                option: "effect",
                label: "Effect size d",
                marker: None,
            },
            Control::Select {
                option: "prior",
                label: "Prior",
            },
            Control::TextArea {
                option: "data",
                label: "Data (commas, spaces or one value a line; Ctrl+Enter applies)",
            },
            Control::TextArea {
                option: "data-b",
                label: "Data B (welch)",
            },
            Control::Button {
                action: "simulate",
                label: "New simulation",
                title: "Run the simulated experiments again with the next seed",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let m = &self.model;
        let o = &m.outcome;
        let r = |id, label, value: String| Readout { id, label, value };
        let stat_label = if m.test == Test::Z { "z" } else { "t" };
        vec![
            r("statistic", stat_label, sig(o.statistic, 4)),
            r("df", "df", o.df.map_or("— (z)".to_string(), |d| sig(d, 4))),
            r("p-value", "p-value", format_p(o.p_value)),
            r(
                "decision",
                "decision",
                if m.reject() {
                    format!("reject H₀ at α = {}", sig(m.alpha, 3))
                } else {
                    format!("do not reject H₀ at α = {}", sig(m.alpha, 3))
                },
            ),
            r("power", "power 1 − β", sig(m.power, 3)),
            r("beta", "β", sig(1.0 - m.power, 3)),
            r(
                "posterior",
                "posterior P(H₀ side)",
                format_p(m.posterior_h0()),
            ),
            r(
                "simulated",
                "simulated share p ≤ α (H₀ / H₁)",
                format!(
                    "{} / {}",
                    pct(Model::share_below(&m.sim_h0, m.alpha)),
                    pct(Model::share_below(&m.sim_h1, m.alpha))
                ),
            ),
        ]
    }

    fn message(&self) -> Option<Message> {
        Some(Message {
            level: Level::Info,
            text: self.reading(),
        })
    }

    fn describe(&self) -> String {
        let m = &self.model;
        format!(
            "{} = {}, p = {}, α = {}: {}; power {}",
            self.readout_statistic_name(),
            sig(m.outcome.statistic, 3),
            format_p(m.outcome.p_value),
            sig(m.alpha, 3),
            if m.reject() {
                "reject H₀"
            } else {
                "do not reject H₀"
            },
            sig(m.power, 2)
        )
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn formula(&self) -> Option<Json> {
        Some(self.statistic_formula())
    }

    fn key_help(&self) -> &'static str {
        "Left and right arrows move the critical value (α; Shift: further; Home and End: largest and smallest α), up and down change the effect size (Page Up and Page Down: its ends); s runs a new simulation."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 640.0 {
            (width_css * 0.72).clamp_to(440.0, 860.0)
        } else {
            4.0 * (width_css * 0.72).clamp_to(220.0, 360.0)
        }
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(plot) = self.plot("null").cloned() else {
                    return false;
                };
                let t = plot.transform;
                if !t.rect.contains(px) {
                    return false;
                }
                let x = t.to_data(px)[0];
                let bound = self.nearest_bound(x);
                let bound_px = t.to_px([bound, 0.0])[0];
                if (bound_px - px[0]).abs() <= 14.0 * plot.scale {
                    self.drag = Some(Drag::Critical);
                    return false;
                }
                self.drag = Some(Drag::Alternative);
                self.pointer(Pointer::Move(px))
            }
            Pointer::Move(px) => {
                let Some(t) = self.plot("null").map(|p| p.transform) else {
                    return false;
                };
                let x = t.to_data(px)[0].clamp_to(t.x.lo, t.x.hi);
                match self.drag {
                    Some(Drag::Critical) => {
                        let alpha = self.alpha_at(x);
                        self.set_alpha(alpha)
                    }
                    Some(Drag::Alternative) if self.model.shift_per_d.abs() > 0.0 => {
                        let d = x / self.model.shift_per_d;
                        self.set_effect(d)
                    }
                    _ => false,
                }
            }
            Pointer::Up(_) | Pointer::Cancel => self.drag.take().is_some(),
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let factor = if key.shift { 2.0 } else { 1.25 };
        let step = if key.shift { 0.25 } else { 0.05 };
        let (alpha, effect) = (self.model.alpha, self.model.effect);
        match key.key {
            // The critical value moves outwards (smaller α) to the right for an upper tail.
            "ArrowRight" => self.set_alpha(alpha / factor),
            "ArrowLeft" => self.set_alpha(alpha * factor),
            "ArrowUp" => self.set_effect(effect + step),
            "ArrowDown" => self.set_effect(effect - step),
            // The critical value to its innermost (largest α) or outermost (smallest α) place.
            "Home" => self.set_alpha(0.5),
            "End" => self.set_alpha(0.0001),
            "PageUp" => self.set_effect(3.0),
            "PageDown" => self.set_effect(-3.0),
            "s" => self.action("simulate"),
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
