//! `regression-stats`: ordinary least squares with the statistics a report needs — the fitted
//! line with a 95 % confidence band, R², standard errors, the slope's t and p, and the residual
//! plot — on seeded data, on points, or on a table pasted by the reader.
//!
//! State = options. Data comes from `csv` if it is not empty, else `points`, else the seeded
//! generator. Dragging a point writes the data into `points` (and clears `csv`).

mod code;
mod draw;
mod formula;

use crate::math::ols::Ols;
use crate::math::sample;
use crate::math::sorting::order_by;
use crate::math::table::{parse_table, RowError, Table, MAX_ROWS};
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::hypothesis_test::format_p;
use crate::viz::json::Json;
use crate::viz::options::{format_points, OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table as DataTable, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "regression-stats";

/// Generated data has x uniform on this interval.
pub const SAMPLE_X_RANGE: (f64, f64) = (0.0, 10.0);

/// The confidence level of the band.
pub const BAND_LEVEL: f64 = 0.95;

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 3, max: 500 },
        default: "20",
        doc: "number of generated points",
    },
    OptionSpec {
        name: "slope",
        kind: OptionKind::Float { min: -100.0, max: 100.0, log: false },
        default: "0.6",
        doc: "slope the generated points scatter around",
    },
    OptionSpec {
        name: "intercept",
        kind: OptionKind::Float { min: -1000.0, max: 1000.0, log: false },
        default: "2",
        doc: "intercept the generated points scatter around",
    },
    OptionSpec {
        name: "noise",
        kind: OptionKind::Float { min: 0.0, max: 100.0, log: false },
        default: "1.5",
        doc: "standard deviation of the generated points around their line",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "3",
        doc: "seed of the generated points",
    },
    OptionSpec {
        name: "points",
        kind: OptionKind::Points,
        default: "",
        doc: "data points \"x,y;x,y;…\" (as in least-squares); empty means generated data",
    },
    OptionSpec {
        name: "csv",
        kind: OptionKind::Lines { max_chars: 100_000 },
        default: "",
        doc: "a pasted two-column table (CSV, semicolons, tabs or spaces; header optional; at most 1000 rows); bad rows are named and skipped",
    },
];

/// What the data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Generated,
    Points,
    Csv,
}

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    points: Vec<[f64; 2]>,
    ols: Ols,
    source: Source,
    table: Table,
    x_view: Span,
    y_view: Span,
    r_view: Span,
}

/// The regression-statistics widget.
#[derive(Debug, Clone)]
pub struct RegressionStats {
    options: OptionSet,
    model: Model,
    selected: Option<usize>,
    drag: Option<usize>,
    frozen: Option<(Span, Span, Span)>,
    plots: Vec<PlotInfo>,
}

impl Default for RegressionStats {
    fn default() -> Self {
        Self::new()
    }
}

fn option_error(option: &str, message: String) -> OptionError {
    OptionError {
        option: option.to_string(),
        message,
    }
}

/// The first few row errors as one sentence.
fn row_errors_text(errors: &[RowError]) -> String {
    let shown: Vec<String> = errors.iter().take(4).map(|e| e.to_string()).collect();
    let more = errors.len().saturating_sub(4);
    if more > 0 {
        format!("{}; and {more} more", shown.join("; "))
    } else {
        shown.join("; ")
    }
}

fn build(options: &OptionSet, frozen: Option<(Span, Span, Span)>) -> Result<Model, OptionError> {
    let csv = options.text("csv");
    let (points, source, table) = if !csv.trim().is_empty() {
        let table = parse_table(csv);
        if table.points.is_empty() {
            let why = if table.errors.is_empty() {
                "no data rows".to_string()
            } else {
                row_errors_text(&table.errors)
            };
            return Err(option_error("csv", format!("csv: no usable rows ({why})")));
        }
        (table.points.clone(), Source::Csv, table)
    } else if !options.points("points").is_empty() {
        (
            options.points("points").to_vec(),
            Source::Points,
            Table::default(),
        )
    } else {
        let pts = sample::noisy_line(
            options.int("n").max(3) as usize,
            options.float("slope"),
            options.float("intercept"),
            options.float("noise"),
            SAMPLE_X_RANGE,
            options.int("seed") as u64,
        );
        (pts, Source::Generated, Table::default())
    };
    let which = match source {
        Source::Csv => "csv",
        Source::Points => "points",
        Source::Generated => "noise",
    };
    let ols = Ols::new(&points).map_err(|e| option_error(which, format!("{which}: {e}")))?;
    let (x_view, y_view, r_view) = frozen.unwrap_or_else(|| {
        let x = Span::covering(points.iter().map(|p| p[0]), 0.08);
        let mut ys: Vec<f64> = points.iter().map(|p| p[1]).collect();
        let band = ols.band(BAND_LEVEL).ok();
        for xe in [x.lo, x.hi] {
            let h = band.map_or(0.0, |b| b.half_width(xe));
            ys.push(ols.predict(xe) + h);
            ys.push(ols.predict(xe) - h);
        }
        let y = Span::covering(ys, 0.08);
        let r = points
            .iter()
            .map(|p| (p[1] - ols.predict(p[0])).abs())
            .fold(ols.residual_se * 2.0, f64::max)
            * 1.15;
        (x, y, Span::around(0.0, r))
    });
    Ok(Model {
        points,
        ols,
        source,
        table,
        x_view,
        y_view,
        r_view,
    })
}

/// Rounds `v` to about a thousandth of the view's width, so the data text stays short.
fn round_to_view(v: f64, view: Span) -> f64 {
    let unit = 10f64.powf((view.width() / 1000.0).log10().floor());
    if unit.is_finite() && unit > 0.0 {
        ((v / unit).round() * unit * 1e12).round() / 1e12
    } else {
        v
    }
}

impl RegressionStats {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let model = build(&options, None).expect("the default options are valid");
        RegressionStats {
            options,
            model,
            selected: None,
            drag: None,
            frozen: None,
            plots: Vec::new(),
        }
    }

    /// The fit.
    pub fn ols(&self) -> &Ols {
        &self.model.ols
    }

    /// The points in use.
    pub fn points(&self) -> &[[f64; 2]] {
        &self.model.points
    }

    fn rebuild(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let model = build(&options, self.frozen)?;
        self.options = options;
        self.model = model;
        if self.selected.is_some_and(|i| i >= self.model.points.len()) {
            self.selected = None;
        }
        Ok(())
    }

    fn move_point(&mut self, i: usize, p: [f64; 2]) -> bool {
        let mut points = self.model.points.clone();
        let Some(slot) = points.get_mut(i) else {
            return false;
        };
        *slot = [
            round_to_view(p[0], self.model.x_view),
            round_to_view(p[1], self.model.y_view),
        ];
        let mut options = self.options.clone();
        options.set("csv", "").is_ok()
            && options.set("points", &format_points(&points)).is_ok()
            && self.rebuild(options).is_ok()
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    fn select_step(&mut self, forward: bool) -> bool {
        let n = self.model.points.len();
        if n == 0 {
            return false;
        }
        let xs: Vec<f64> = self.model.points.iter().map(|p| p[0]).collect();
        let order = order_by(&xs);
        let pos = self
            .selected
            .and_then(|s| order.iter().position(|&i| i == s));
        let next = match pos {
            None => 0,
            Some(k) if forward => (k + 1) % n,
            Some(k) => (k + n - 1) % n,
        };
        self.selected = order.get(next).copied();
        true
    }
}

impl Widget for RegressionStats {
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
        // Generator options mean generated data; points replace a pasted table.
        match name {
            "n" | "slope" | "intercept" | "noise" | "seed" => {
                options.set("csv", "")?;
                options.set("points", "")?;
            }
            "points" => options.set("csv", "")?,
            _ => {}
        }
        self.rebuild(options)
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        self.drag = None;
        self.frozen = None;
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn state(&self) -> Json {
        let o = &self.model.ols;
        let t = &self.model.table;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("n", Json::Num(o.fit.n as f64)),
            ("slope", Json::Num(o.slope)),
            ("intercept", Json::Num(o.intercept)),
            ("r_squared", Json::Num(o.r_squared)),
            ("slope_stderr", Json::Num(o.slope_stderr)),
            ("intercept_stderr", Json::Num(o.intercept_stderr)),
            ("slope_t", Json::Num(o.slope_t)),
            ("slope_p_value", Json::Num(o.slope_p_value)),
            ("slope_p_value_text", Json::str(format_p(o.slope_p_value))),
            ("df", Json::Num(o.df)),
            ("residual_se", Json::Num(o.residual_se)),
            (
                "source",
                Json::str(match self.model.source {
                    Source::Generated => "generated",
                    Source::Points => "points",
                    Source::Csv => "csv",
                }),
            ),
            (
                "header",
                t.header.as_ref().map_or(Json::Null, |h| {
                    Json::Arr(h.iter().map(|s| Json::str(s.clone())).collect())
                }),
            ),
            (
                "rejected_rows",
                Json::Arr(
                    t.errors
                        .iter()
                        .map(|e| {
                            Json::obj([
                                ("line", Json::Num(e.line as f64)),
                                (
                                    "column",
                                    e.column.map_or(Json::Null, |c| Json::Num(c as f64)),
                                ),
                                ("reason", Json::str(e.reason.clone())),
                            ])
                        })
                        .collect(),
                ),
            ),
            ("dropped_rows", Json::Num(t.dropped as f64)),
            (
                "points",
                Json::Arr(self.model.points.iter().map(|p| Json::nums(*p)).collect()),
            ),
            (
                "selected",
                self.selected.map_or(Json::Null, |i| Json::Num(i as f64)),
            ),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Slider {
                option: "noise",
                label: "Noise",
                marker: None,
            },
            Control::TextArea {
                option: "csv",
                label:
                    "Paste two columns x, y (CSV or spaces; header optional; at most 1000 rows and 100000 bytes; Ctrl+Enter applies)",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let o = &self.model.ols;
        let r = |id, label, value: String| Readout { id, label, value };
        vec![
            r("n", "n", o.fit.n.to_string()),
            r(
                "slope",
                "slope",
                format!("{} ± {}", sig(o.slope, 4), sig(o.slope_stderr, 3)),
            ),
            r(
                "intercept",
                "intercept",
                format!("{} ± {}", sig(o.intercept, 4), sig(o.intercept_stderr, 3)),
            ),
            r("r-squared", "R²", sig(o.r_squared, 4)),
            r("slope-t", "t (slope)", sig(o.slope_t, 4)),
            r("df", "df", sig(o.df, 4)),
            r("slope-p", "p (slope = 0)", format_p(o.slope_p_value)),
            r("residual-se", "residual SE", sig(o.residual_se, 4)),
        ]
    }

    fn message(&self) -> Option<Message> {
        let t = &self.model.table;
        if !t.errors.is_empty() || t.dropped > 0 {
            let mut text = format!("Using {} good rows.", self.model.points.len());
            if !t.errors.is_empty() {
                text.push_str(&format!(
                    " Skipped {} row{}: {}.",
                    t.errors.len(),
                    if t.errors.len() == 1 { "" } else { "s" },
                    row_errors_text(&t.errors)
                ));
            }
            if t.dropped > 0 {
                text.push_str(&format!(
                    " Only the first {MAX_ROWS} rows are used; {} more were left out.",
                    t.dropped
                ));
            }
            return Some(Message {
                level: Level::Warning,
                text,
            });
        }
        let o = &self.model.ols;
        Some(Message {
            level: Level::Info,
            text: format!(
                "The slope {} has standard error {}, so t = {} on {} degrees of freedom and p = {}: the chance of a slope at least this far from 0 if x and y were unrelated. R² = {}: the line accounts for {} % of the variance of y. The band is a 95 % confidence interval for the mean of y at each x — narrowest at the mean of x.",
                sig(o.slope, 3),
                sig(o.slope_stderr, 3),
                sig(o.slope_t, 3),
                sig(o.df, 3),
                format_p(o.slope_p_value),
                sig(o.r_squared, 3),
                sig(100.0 * o.r_squared, 3)
            ),
        })
    }

    fn describe(&self) -> String {
        let o = &self.model.ols;
        format!(
            "{} points: slope {} (SE {}), intercept {}, R² {}, p {}",
            o.fit.n,
            sig(o.slope, 3),
            sig(o.slope_stderr, 3),
            sig(o.intercept, 3),
            sig(o.r_squared, 3),
            format_p(o.slope_p_value)
        )
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.5).clamp_to(280.0, 560.0)
        } else {
            2.0 * (width_css * 0.8).clamp_to(220.0, 440.0)
        }
    }

    fn formula(&self) -> Option<Json> {
        Some(self.line_formula())
    }

    fn table(&self) -> Option<DataTable> {
        let ols = &self.model.ols;
        let fit = |x: f64| ols.intercept + ols.slope * x;
        Some(DataTable {
            caption: format!(
                "Data points, the fitted line ŷ = {} + {}·x, and residuals",
                crate::viz::format::sig(ols.intercept, 4),
                crate::viz::format::sig(ols.slope, 4)
            ),
            headers: vec!["x", "y", "ŷ", "residual y − ŷ"],
            rows: self
                .model
                .points
                .iter()
                .map(|p| {
                    let s = |v: f64| crate::viz::format::sig(v, 4);
                    vec![s(p[0]), s(p[1]), s(fit(p[0])), s(p[1] - fit(p[0]))]
                })
                .collect(),
        })
    }

    fn key_help(&self) -> &'static str {
        "Page Up and Page Down (or n and p) choose a point, the arrow keys move it (Shift: further; Home and End: to the left and right edges), Escape lets it go."
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        let t = self.plot("data")?.transform;
        self.model
            .points
            .iter()
            .find(|p| t.contains(**p))
            .map(|p| t.to_px(*p))
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(plot) = self.plot("data").cloned() else {
                    return false;
                };
                let t = plot.transform;
                let nearest = self
                    .model
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let q = t.to_px(*p);
                        (i, (q[0] - px[0]).hypot(q[1] - px[1]))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                match nearest {
                    Some((i, d)) if d <= 14.0 * plot.scale => {
                        self.drag = Some(i);
                        self.selected = Some(i);
                        let m = &self.model;
                        self.frozen = Some((m.x_view, m.y_view, m.r_view));
                        true
                    }
                    _ => false,
                }
            }
            Pointer::Move(px) => {
                let (Some(i), Some(t)) = (self.drag, self.plot("data").map(|p| p.transform)) else {
                    return false;
                };
                let [x, y] = t.to_data(px);
                self.move_point(i, [x.clamp_to(t.x.lo, t.x.hi), y.clamp_to(t.y.lo, t.y.hi)])
            }
            Pointer::Up(_) | Pointer::Cancel => {
                let was = self.drag.take().is_some();
                if self.frozen.take().is_some() {
                    let options = self.options.clone();
                    let _ = self.rebuild(options);
                }
                was
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let fraction = if key.shift { 0.1 } else { 0.01 };
        let (dx, dy) = (
            self.model.x_view.width() * fraction,
            self.model.y_view.width() * fraction,
        );
        let moves = match key.key {
            "ArrowLeft" => Some([-dx, 0.0]),
            "ArrowRight" => Some([dx, 0.0]),
            "ArrowUp" => Some([0.0, dy]),
            "ArrowDown" => Some([0.0, -dy]),
            // To the left or right edge of the frame: the clamp below stops it there.
            "Home" => Some([f64::NEG_INFINITY, 0.0]),
            "End" => Some([f64::INFINITY, 0.0]),
            _ => None,
        };
        if let Some([ddx, ddy]) = moves {
            if self.selected.is_none() {
                self.select_step(true);
            }
            let Some(i) = self.selected else {
                return false;
            };
            let Some(p) = self.model.points.get(i).copied() else {
                return false;
            };
            // Keys move a point within a still frame: the views stay put until the next option
            // change or pointer release, so nothing else on the plot jumps.
            let m = &self.model;
            let (x, y) = (m.x_view, m.y_view);
            self.frozen.get_or_insert((m.x_view, m.y_view, m.r_view));
            let to = [
                (p[0] + ddx).clamp_to(x.lo, x.hi),
                (p[1] + ddy).clamp_to(y.lo, y.hi),
            ];
            return self.move_point(i, to);
        }
        match key.key {
            "PageDown" | "n" | "]" => self.select_step(true),
            "PageUp" | "p" | "[" => self.select_step(false),
            "Escape" => {
                self.selected = None;
                true
            }
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
