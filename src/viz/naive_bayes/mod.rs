//! `naive-bayes`: two classes of points in the plane, Gaussian Naive Bayes fitted to them, its
//! decision regions and P(A | x) drawn as pixels, each feature's class densities on the margins
//! (what the independence assumption keeps), P(class | point) at the probe, and a toggle to the
//! full-covariance Gaussian classifier to show what independence costs.
//!
//! State = options (the points of each class, or seeded data) + the probe position.

mod code;
mod draw;
mod formula;
mod table;

use crate::math::naive_bayes::{Covariance, TwoClassGaussian};
use crate::math::rng::SplitMix64;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{format_points, OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "naive-bayes";

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "points-a",
        kind: OptionKind::Points,
        default: "",
        doc: "class A's points \"x,y;x,y;…\"; empty means seeded points",
    },
    OptionSpec {
        name: "points-b",
        kind: OptionKind::Points,
        default: "",
        doc: "class B's points \"x,y;x,y;…\"; empty means seeded points",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 2, max: 300 },
        default: "40",
        doc: "points per class in the seeded data",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int {
            min: 0,
            max: 4_294_967_295,
        },
        default: "5",
        doc: "seed of the generated data (class B's features are correlated)",
    },
    OptionSpec {
        name: "class",
        kind: OptionKind::Choice(&["a", "b"]),
        default: "a",
        doc: "the class a click (or Enter) adds a point to",
    },
    OptionSpec {
        name: "full-covariance",
        kind: OptionKind::Bool,
        default: "false",
        doc: "show the full-covariance Gaussian classifier instead of Naive Bayes",
    },
];

/// The seeded data: A around (−1, 0.5) with independent features; B around (1.2, −0.2) with
/// correlation 0.85, which Naive Bayes cannot see.
fn generated(n: usize, seed: u64) -> (Vec<[f64; 2]>, Vec<[f64; 2]>) {
    let mut rng = SplitMix64::new(seed);
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let a = (0..n)
        .map(|_| {
            [
                round(-1.0 + 0.7 * rng.normal()),
                round(0.5 + 1.0 * rng.normal()),
            ]
        })
        .collect();
    let b = (0..n)
        .map(|_| {
            let (u, v) = (rng.normal(), rng.normal());
            let rho: f64 = 0.85;
            [
                round(1.2 + 1.1 * u),
                round(-0.2 + 1.1 * (rho * u + (1.0 - rho * rho).sqrt() * v)),
            ]
        })
        .collect();
    (a, b)
}

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    a: Vec<[f64; 2]>,
    b: Vec<[f64; 2]>,
    fit: TwoClassGaussian,
    x: Span,
    y: Span,
}

fn build(options: &OptionSet) -> Result<Model, OptionError> {
    let (pa, pb) = (options.points("points-a"), options.points("points-b"));
    let (ga, gb) = generated(options.int("n").max(2) as usize, options.int("seed") as u64);
    let a = if pa.is_empty() { ga } else { pa.to_vec() };
    let b = if pb.is_empty() { gb } else { pb.to_vec() };
    let named = |option: &str, class: &str, e: crate::math::MathError| OptionError {
        option: option.to_string(),
        message: format!("{option}: class {class}: {e}"),
    };
    crate::math::naive_bayes::validate_class(&a).map_err(|e| named("points-a", "A", e))?;
    let fit = TwoClassGaussian::fit(&a, &b).map_err(|e| named("points-b", "B", e))?;
    let all = || a.iter().chain(&b);
    let x = Span::covering(all().map(|p| p[0]), 0.12);
    let y = Span::covering(all().map(|p| p[1]), 0.12);
    Ok(Model { a, b, fit, x, y })
}

/// The Naive Bayes widget.
#[derive(Debug, Clone)]
pub struct NaiveBayes {
    options: OptionSet,
    model: Model,
    probe: [f64; 2],
    frozen: Option<(Span, Span)>,
    plots: Vec<PlotInfo>,
    field: Option<(draw::FieldKey, std::rc::Rc<crate::viz::field::Field>)>,
    field_version: u64,
}

impl Default for NaiveBayes {
    fn default() -> Self {
        Self::new()
    }
}

impl NaiveBayes {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        let (a, b) = generated(40, 5);
        // The seeded defaults always fit (a unit test checks); this is only a drawable fallback.
        let model = build(&options).unwrap_or_else(|_| Model {
            fit: TwoClassGaussian::fit(&a, &b).unwrap_or(TwoClassGaussian {
                a: FALLBACK,
                b: FALLBACK,
            }),
            a,
            b,
            x: Span::new(-3.0, 3.0),
            y: Span::new(-3.0, 3.0),
        });
        let probe = [
            (model.x.lo + model.x.hi) / 2.0,
            (model.y.lo + model.y.hi) / 2.0,
        ];
        NaiveBayes {
            options,
            model,
            probe,
            frozen: None,
            plots: Vec::new(),
            field: None,
            field_version: 0,
        }
    }

    fn kind(&self) -> Covariance {
        if self.options.flag("full-covariance") {
            Covariance::Full
        } else {
            Covariance::Diagonal
        }
    }

    /// The fitted model.
    pub fn fit(&self) -> &TwoClassGaussian {
        &self.model.fit
    }

    fn apply(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let mut model = build(&options)?;
        if let Some((x, y)) = self.frozen {
            model.x = x;
            model.y = y;
        }
        self.model = model;
        self.options = options;
        Ok(())
    }

    /// Adds a point of the selected class at `p` (the data becomes explicit).
    fn add_point(&mut self, p: [f64; 2]) -> bool {
        let round = |v: f64, s: Span| {
            let unit = 10f64.powf((s.width() / 1000.0).log10().floor());
            ((v / unit).round() * unit * 1e9).round() / 1e9
        };
        let p = [round(p[0], self.model.x), round(p[1], self.model.y)];
        let (mut a, mut b) = (self.model.a.clone(), self.model.b.clone());
        let class_a = self.options.choice("class") == "a";
        if class_a { &mut a } else { &mut b }.push(p);
        let mut options = self.options.clone();
        // Keep the view while points are added, so the plane does not jump under the cursor.
        self.frozen = Some((self.model.x, self.model.y));
        options.set("points-a", &format_points(&a)).is_ok()
            && options.set("points-b", &format_points(&b)).is_ok()
            && self.apply(options).is_ok()
    }

    fn set_probe(&mut self, p: [f64; 2]) -> bool {
        let p = [
            p[0].clamp_to(self.model.x.lo, self.model.x.hi),
            p[1].clamp_to(self.model.y.lo, self.model.y.hi),
        ];
        let changed = p != self.probe;
        self.probe = p;
        changed
    }

    fn probe_probability(&self, kind: Covariance) -> f64 {
        self.model.fit.probability_a(self.probe, kind)
    }
}

/// A unit Gaussian, only for the unreachable fallback above.
const FALLBACK: crate::math::naive_bayes::ClassFit = crate::math::naive_bayes::ClassFit {
    prior: 0.5,
    mean: [0.0, 0.0],
    covariance: [[1.0, 0.0], [0.0, 1.0]],
};

impl Widget for NaiveBayes {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        self.frozen = None;
        self.apply(options)
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        self.frozen = None;
        let options = self.options.clone();
        let _ = self.apply(options);
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "toggle-class" => {
                let next = if self.options.choice("class") == "a" {
                    "b"
                } else {
                    "a"
                };
                self.set_option("class", next).is_ok()
            }
            "clear" => {
                let mut options = self.options.clone();
                options.set("points-a", "").is_ok() && options.set("points-b", "").is_ok() && {
                    self.frozen = None;
                    self.apply(options).is_ok()
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
        let fit = &self.model.fit;
        let class = |c: &crate::math::naive_bayes::ClassFit, n: usize| {
            Json::obj([
                ("count", Json::Num(n as f64)),
                ("prior", Json::Num(c.prior)),
                ("mean", Json::nums(c.mean)),
                (
                    "variance",
                    Json::nums([c.covariance[0][0], c.covariance[1][1]]),
                ),
                ("correlation", Json::Num(c.correlation())),
            ])
        };
        let (a, b) = (&self.model.a, &self.model.b);
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            (
                "classifier",
                Json::str(if self.kind() == Covariance::Full {
                    "full-covariance"
                } else {
                    "naive-bayes"
                }),
            ),
            ("class_a", class(&fit.a, a.len())),
            ("class_b", class(&fit.b, b.len())),
            ("probe", Json::nums(self.probe)),
            (
                "probe_probability_a",
                Json::Num(self.probe_probability(self.kind())),
            ),
            (
                "probe_probability_a_naive",
                Json::Num(self.probe_probability(Covariance::Diagonal)),
            ),
            (
                "probe_probability_a_full",
                Json::Num(self.probe_probability(Covariance::Full)),
            ),
            (
                "accuracy_naive",
                Json::Num(fit.accuracy(a, b, Covariance::Diagonal)),
            ),
            (
                "accuracy_full",
                Json::Num(fit.accuracy(a, b, Covariance::Full)),
            ),
            (
                "points_a",
                Json::Arr(a.iter().map(|p| Json::nums(*p)).collect()),
            ),
            (
                "points_b",
                Json::Arr(b.iter().map(|p| Json::nums(*p)).collect()),
            ),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Select {
                option: "class",
                label: "Click adds class",
            },
            Control::Toggle {
                option: "full-covariance",
                label: "Full covariance (no independence)",
            },
            Control::Button {
                action: "clear",
                label: "Seeded data",
                title: "Forget the clicked points and use the seeded data",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let (a, b) = (&self.model.a, &self.model.b);
        let fit = &self.model.fit;
        let p = self.probe_probability(self.kind());
        vec![
            Readout {
                id: "probe-a",
                label: "P(A | probe)",
                value: sig(p, 3),
            },
            Readout {
                id: "probe-b",
                label: "P(B | probe)",
                value: sig(1.0 - p, 3),
            },
            Readout {
                id: "accuracy-naive",
                label: "accuracy, naive",
                value: format!(
                    "{} %",
                    sig(100.0 * fit.accuracy(a, b, Covariance::Diagonal), 3)
                ),
            },
            Readout {
                id: "accuracy-full",
                label: "accuracy, full",
                value: format!("{} %", sig(100.0 * fit.accuracy(a, b, Covariance::Full), 3)),
            },
        ]
    }

    fn message(&self) -> Option<Message> {
        let fit = &self.model.fit;
        let (ra, rb) = (fit.a.correlation(), fit.b.correlation());
        let strongest = if ra.abs() > rb.abs() {
            ("A", ra)
        } else {
            ("B", rb)
        };
        let text = if self.kind() == Covariance::Full {
            format!(
                "Full covariance: each class is a tilted ellipse (correlation {} in class {}), and the boundary bends to follow it.",
                sig(strongest.1, 2),
                strongest.0
            )
        } else if strongest.1.abs() > 0.3 {
            format!(
                "Naive Bayes treats x and y as independent within each class, so its ellipses stay upright — but class {}'s features have correlation {}. Turn on full covariance to see what that costs.",
                strongest.0,
                sig(strongest.1, 2)
            )
        } else {
            "Naive Bayes: P(A | x, y) ∝ P(A)·p(x | A)·p(y | A), each factor one of the curves on the margins.".to_string()
        };
        Some(Message {
            level: Level::Info,
            text,
        })
    }

    fn describe(&self) -> String {
        format!(
            "Probe at ({}, {}): P(A) = {}. Arrow keys move the probe, Enter adds a point of class {} there, c switches the class.",
            sig(self.probe[0], 3),
            sig(self.probe[1], 3),
            sig(self.probe_probability(self.kind()), 3),
            if self.options.choice("class") == "b" {
                "B"
            } else {
                "A"
            }
        )
    }

    fn formula(&self) -> Option<Json> {
        Some(self.rule_formula())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn key_help(&self) -> &'static str {
        "Arrow keys move the probe (Shift: further; Home and End: to the left and right edges), Enter adds a point there, c switches the class."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        (width_css * 0.78).clamp_to(300.0, 620.0)
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        let Some(t) = self.plots.first().map(|p| p.transform) else {
            return false;
        };
        match event {
            Pointer::Down(px) if t.rect.contains(px) => {
                let p = t.to_data(px);
                self.set_probe(p);
                self.add_point(p)
            }
            Pointer::Move(px) if t.rect.contains(px) => self.set_probe(t.to_data(px)),
            _ => false,
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let f = if key.shift { 0.1 } else { 0.02 };
        let (dx, dy) = (self.model.x.width() * f, self.model.y.width() * f);
        let [x, y] = self.probe;
        match key.key {
            "ArrowLeft" => self.set_probe([x - dx, y]),
            "ArrowRight" => self.set_probe([x + dx, y]),
            "ArrowUp" => self.set_probe([x, y + dy]),
            "ArrowDown" => self.set_probe([x, y - dy]),
            "Home" => self.set_probe([self.model.x.lo, y]),
            "End" => self.set_probe([self.model.x.hi, y]),
            "Enter" | " " => self.add_point(self.probe),
            "c" => self.action("toggle-class"),
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
        fields: &mut crate::viz::display::FieldRecorder,
    ) -> Result<(), String> {
        self.draw_all(root, frame, fields)
    }
}

#[cfg(test)]
mod tests;
