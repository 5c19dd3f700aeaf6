//! `least-squares`: every data point is one equation θ·[xᵈ, …, x, 1] = y. Two points and a
//! line make a square system solved exactly; more points make an overdetermined one, solved
//! in the least-squares sense: residuals drawn as segments and as squares whose total area is
//! the cost, the normal equations AᵀA·θ = Aᵀy written out with numbers, and the projection of
//! y onto the column space of A.
//!
//! State = options (the points or a seed, the model). Dragging a point (or moving it with the
//! arrow keys) makes the data explicit, so a shared URL keeps it.

mod code;
mod draw;
mod formula;

use crate::math::least_squares::PolyFit;
use crate::math::linear_system::SENSITIVE_CONDITION;
use crate::math::sample;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{format_points, OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "least-squares";

/// The models offered, by degree.
pub const MODELS: &[&str] = &["line", "quadratic", "cubic"];

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "points",
        kind: OptionKind::Points,
        default: "",
        doc: "data points \"x,y;x,y;…\"; empty means generated data (n, seed)",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 2, max: 60 },
        default: "8",
        doc: "number of generated points",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int {
            min: 0,
            max: 4_294_967_295,
        },
        default: "3",
        doc: "seed of the generated points: the same seed gives the same data",
    },
    OptionSpec {
        name: "model",
        kind: OptionKind::Choice(MODELS),
        default: "line",
        doc: "the model: a line m·x + c, or a polynomial of degree 2 or 3",
    },
    OptionSpec {
        name: "show-squares",
        kind: OptionKind::Bool,
        default: "true",
        doc: "draw each residual's square: their total area is the residual sum of squares",
    },
];

/// The least-squares widget.
#[derive(Debug, Clone)]
pub struct LeastSquares {
    options: OptionSet,
    points: Vec<[f64; 2]>,
    fit: PolyFit,
    views: (Span, Span),
    frozen: Option<(Span, Span)>,
    drag: Option<usize>,
    selected: usize,
    plots: Vec<PlotInfo>,
}

impl Default for LeastSquares {
    fn default() -> Self {
        Self::new()
    }
}

fn degree_of(model: &str) -> usize {
    MODELS.iter().position(|m| *m == model).map_or(1, |k| k + 1)
}

fn data_for(options: &OptionSet) -> Vec<[f64; 2]> {
    let explicit = options.points("points");
    if explicit.is_empty() {
        sample::noisy_line(
            options.int("n").max(2) as usize,
            0.9,
            1.0,
            0.8,
            (0.0, 6.0),
            options.int("seed") as u64,
        )
    } else {
        explicit.to_vec()
    }
}

fn views_for(points: &[[f64; 2]]) -> (Span, Span) {
    (
        Span::covering(points.iter().map(|p| p[0]).chain([0.0]), 0.1),
        Span::covering(points.iter().map(|p| p[1]).chain([0.0]), 0.15),
    )
}

impl LeastSquares {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        let points = data_for(&options);
        // Generated data has distinct x values, so this fits; a unit test builds the defaults.
        let fit = PolyFit::new(&points, 1).unwrap_or_else(|_| empty_fit());
        let views = views_for(&points);
        LeastSquares {
            options,
            points,
            fit,
            views,
            frozen: None,
            drag: None,
            selected: 0,
            plots: Vec::new(),
        }
    }

    /// The fit of the current points.
    pub fn fit(&self) -> &PolyFit {
        &self.fit
    }

    /// The points in use (explicit or generated).
    pub fn points(&self) -> &[[f64; 2]] {
        &self.points
    }

    fn rebuild(&mut self, options: OptionSet, changed: &str) -> Result<(), OptionError> {
        let points = data_for(&options);
        let fit =
            PolyFit::new(&points, degree_of(options.choice("model"))).map_err(|e| OptionError {
                option: changed.to_string(),
                message: format!("{changed}: {e}"),
            })?;
        self.views = self.frozen.unwrap_or_else(|| views_for(&points));
        self.selected = self.selected.min(points.len().saturating_sub(1));
        self.points = points;
        self.fit = fit;
        self.options = options;
        Ok(())
    }

    fn move_point(&mut self, i: usize, p: [f64; 2]) -> bool {
        let mut points = self.points.clone();
        let round = |v: f64, s: Span| {
            let unit = 10f64.powf((s.width() / 500.0).log10().floor());
            ((v / unit).round() * unit * 1e9).round() / 1e9
        };
        let Some(slot) = points.get_mut(i) else {
            return false;
        };
        *slot = [round(p[0], self.views.0), round(p[1], self.views.1)];
        let mut options = self.options.clone();
        options.set("points", &format_points(&points)).is_ok()
            && self.rebuild(options, "points").is_ok()
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    /// The model with its fitted numbers: "y = 1.05·x + 1.16".
    pub fn equation(&self) -> String {
        let c = &self.fit.coefficients;
        let d = self.fit.degree;
        let mut s = String::from("y =");
        for (k, v) in c.iter().enumerate() {
            let power = d - k;
            let mag = sig(v.abs(), 4);
            let term = match power {
                0 => mag,
                1 => format!("{mag}·x"),
                p => format!("{mag}·x{}", if p == 2 { "²" } else { "³" }),
            };
            let sign = if *v < 0.0 { "−" } else { "+" };
            if k == 0 {
                s = format!("{s} {}{term}", if *v < 0.0 { "−" } else { "" });
            } else {
                s = format!("{s} {sign} {term}");
            }
        }
        s
    }

    /// The coefficients' names: m, c for a line; a, b, c, d otherwise.
    pub fn coefficient_names(&self) -> &'static [&'static str] {
        match self.fit.degree {
            1 => &["m", "c"],
            2 => &["a", "b", "c"],
            _ => &["a", "b", "c", "d"],
        }
    }
}

/// A placeholder fit (never shown: the default data always fits).
fn empty_fit() -> PolyFit {
    PolyFit {
        degree: 1,
        coefficients: vec![0.0, 0.0],
        fitted: Vec::new(),
        residuals: Vec::new(),
        rss: 0.0,
        tss: 0.0,
        normal_matrix: Vec::new(),
        normal_rhs: Vec::new(),
        norm_y: 0.0,
        norm_fitted: 0.0,
        condition_number: f64::INFINITY,
    }
}

impl Widget for LeastSquares {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        self.rebuild(options, name)
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        let options = self.options.clone();
        if self.rebuild(options, "points").is_err() {
            // The current options were valid when set, so this does not happen.
        }
    }

    fn state(&self) -> Json {
        let f = &self.fit;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("model", Json::str(self.options.choice("model"))),
            ("degree", Json::Num(f.degree as f64)),
            ("coefficients", Json::nums(f.coefficients.iter().copied())),
            ("rss", Json::Num(f.rss)),
            ("r_squared", Json::Num(f.r_squared())),
            ("exact_solve", Json::Bool(f.is_exact_solve())),
            ("residuals", Json::nums(f.residuals.iter().copied())),
            (
                "normal_matrix",
                Json::Arr(
                    f.normal_matrix
                        .iter()
                        .map(|r| Json::nums(r.iter().copied()))
                        .collect(),
                ),
            ),
            ("normal_rhs", Json::nums(f.normal_rhs.iter().copied())),
            ("condition_number", Json::Num(f.condition_number)),
            (
                "points",
                Json::Arr(self.points.iter().map(|p| Json::nums(*p)).collect()),
            ),
            ("selected_point", Json::Num(self.selected as f64)),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Select {
                option: "model",
                label: "Model",
            },
            Control::Toggle {
                option: "show-squares",
                label: "Squares",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the data the options describe",
            },
            Control::Input {
                option: "points",
                label: "Points",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let r = |id, label, value: String| Readout { id, label, value };
        let f = &self.fit;
        vec![
            r("fit", "fit", self.equation()),
            r("rss", "RSS", sig(f.rss, 4)),
            r("r-squared", "R²", sig(f.r_squared(), 4)),
            r("condition", "κ(A)", sig(f.condition_number, 4)),
        ]
    }

    fn message(&self) -> Option<Message> {
        let f = &self.fit;
        let n = self.points.len();
        let p = f.degree + 1;
        let text = if f.is_exact_solve() {
            format!("{n} points and {p} unknowns: a square system with one exact solution, so every residual is 0.")
        } else {
            format!(
                "{n} equations, {p} unknowns: no θ satisfies them all, so θ minimises the sum of squared residuals (RSS = {}). It solves the normal equations AᵀA·θ = Aᵀy.",
                sig(f.rss, 4)
            )
        };
        let text = if f.degree == 1 {
            let [m, c] = [
                f.coefficients.first().copied().unwrap_or(0.0),
                f.coefficients.get(1).copied().unwrap_or(0.0),
            ];
            format!(
                "{text} Gradient descent on the same points (<mathsight-gradient-descent>) converges to this same line, m = {}, c = {}: its cost J is RSS/n.",
                sig(m, 4),
                sig(c, 4)
            )
        } else {
            text
        };
        if f.condition_number > SENSITIVE_CONDITION {
            // κ(AᵀA) = κ(A)²: solving the normal equations in floating point would lose about
            // 2·log₁₀ κ(A) of the 16 digits; the QR factorisation used here loses about half.
            return Some(Message {
                level: Level::Warning,
                text: format!(
                    "The condition number κ(A) = {} is above 1e8: the columns of A are nearly dependent (x is far from 0 or its values are close together), so a tiny change in the points moves θ a lot. Solving AᵀA·θ = Aᵀy directly would square κ and lose every digit; θ here comes from a QR factorisation of A. {text}",
                    sig(f.condition_number, 3)
                ),
            });
        }
        Some(Message {
            level: Level::Info,
            text,
        })
    }

    fn describe(&self) -> String {
        format!(
            "{} points, fit {}, RSS {}, R² {}",
            self.points.len(),
            self.equation(),
            sig(self.fit.rss, 3),
            sig(self.fit.r_squared(), 3)
        )
    }

    fn key_help(&self) -> &'static str {
        "n selects the next point, the arrow keys move it (Shift for larger steps; Home and End to the left and right edges)."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.56).clamp_to(360.0, 600.0)
        } else {
            // The panel below: text, one row per unknown, and the projection picture.
            width_css * 0.9 + 300.0 + 17.0 * (self.fit.degree + 1) as f64
        }
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn formula(&self) -> Option<Json> {
        Some(self.fit_formula())
    }

    fn table(&self) -> Option<Table> {
        let s = |v: f64| crate::viz::format::sig(v, 4);
        Some(Table {
            caption: "Each point is one equation; its residual is what the fit leaves over"
                .to_string(),
            headers: vec!["x", "y", "residual"],
            rows: self
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let r = self.fit.residuals.get(i).copied().unwrap_or(f64::NAN);
                    vec![s(p[0]), s(p[1]), s(r)]
                })
                .collect(),
        })
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        let t = self.plot("data")?.transform;
        self.points
            .iter()
            .find(|p| t.contains(**p))
            .map(|p| t.to_px(*p))
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(info) = self.plot("data").cloned() else {
                    return false;
                };
                let t = info.transform;
                let nearest = self
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let q = t.to_px(*p);
                        (i, (q[0] - px[0]).hypot(q[1] - px[1]))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                match nearest {
                    Some((i, d)) if d <= 14.0 * info.scale => {
                        self.drag = Some(i);
                        self.frozen = Some(self.views);
                        let changed = self.selected != i;
                        self.selected = i;
                        changed
                    }
                    _ => false,
                }
            }
            Pointer::Move(px) => match (self.drag, self.plot("data").map(|p| p.transform)) {
                (Some(i), Some(t)) => {
                    let [x, y] = t.to_data(px);
                    self.move_point(i, [x.clamp_to(t.x.lo, t.x.hi), y.clamp_to(t.y.lo, t.y.hi)])
                }
                _ => false,
            },
            Pointer::Up(_) | Pointer::Cancel => {
                let was = self.drag.take().is_some();
                if self.frozen.take().is_some() {
                    self.views = views_for(&self.points);
                }
                was
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let count = self.points.len().max(1);
        let i = self.selected.min(count - 1);
        let at = self.points.get(i).copied().unwrap_or([0.0, 0.0]);
        let f = if key.shift { 0.1 } else { 0.02 };
        let (dx, dy) = (self.views.0.width() * f, self.views.1.width() * f);
        match key.key {
            "n" | "]" => {
                self.selected = (i + 1) % count;
                true
            }
            "[" => {
                self.selected = (i + count - 1) % count;
                true
            }
            "ArrowLeft" => self.move_point(i, [at[0] - dx, at[1]]),
            "ArrowRight" => self.move_point(i, [at[0] + dx, at[1]]),
            "ArrowUp" => self.move_point(i, [at[0], at[1] + dy]),
            "ArrowDown" => self.move_point(i, [at[0], at[1] - dy]),
            // To the left or right edge of the view (a moved point is already the options' own,
            // so a reset would not bring it back).
            "Home" => self.move_point(i, [self.views.0.lo, at[1]]),
            "End" => self.move_point(i, [self.views.0.hi, at[1]]),
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
