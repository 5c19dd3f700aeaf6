//! `descriptive-stats`: one list of numbers as points on a number line, a histogram and a box
//! plot, with the mean, median, mode, variances, standard deviations, quartiles and IQR marked
//! and updating live while points are dragged, added and removed.
//!
//! State = options (the data, or the shape, size and seed of generated data, and the bin
//! width) + which point is selected. Every interaction writes the data back into the `data`
//! option, so a shared state reproduces the picture.

mod code;
mod draw;
mod formula;

use crate::math::decimal::parse_f64;
use crate::math::descriptive::{sample_shape, Histogram, Shape, Summary, MAX_VALUES};
use crate::math::error::MAX_COORDINATE;
use crate::math::sorting::{order_by, sort_floats};
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{quote, OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "descriptive-stats";

/// The shapes of generated data, as the `shape` option spells them.
pub const SHAPES: &[&str] = &["normal", "skewed", "bimodal", "outliers"];

/// The option table. `data` comes last: attributes are applied in table order, and setting
/// `shape`, `n` or `seed` switches to generated data.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "shape",
        kind: OptionKind::Choice(SHAPES),
        default: "normal",
        doc: "shape of generated data: normal, skewed (log-normal tail), bimodal, or outliers",
    },
    OptionSpec {
        name: "n",
        kind: OptionKind::Int { min: 1, max: 500 },
        default: "30",
        doc: "number of generated values",
    },
    OptionSpec {
        name: "seed",
        kind: OptionKind::Int { min: 0, max: 4_294_967_295 },
        default: "7",
        doc: "seed of the generated values: the same seed gives the same data",
    },
    OptionSpec {
        name: "bin-width",
        kind: OptionKind::Float { min: 0.0, max: 1e9, log: false },
        default: "0",
        doc: "histogram bin width; 0 chooses one by the Freedman–Diaconis rule",
    },
    OptionSpec {
        name: "data",
        kind: OptionKind::Lines { max_chars: 20_000 },
        default: "",
        doc: "the values, \"3.1, 4.2, …\" (commas, semicolons or spaces between, at most 1000); empty means generated data (shape, n, seed)",
    },
];

/// Everything derived from the options.
#[derive(Debug, Clone)]
struct Model {
    values: Vec<f64>,
    summary: Summary,
    histogram: Histogram,
    x_view: Span,
}

/// The descriptive-statistics widget.
#[derive(Debug, Clone)]
pub struct DescriptiveStats {
    options: OptionSet,
    model: Model,
    selected: Option<usize>,
    drag: Option<usize>,
    frozen_x: Option<Span>,
    note: Option<String>,
    plots: Vec<PlotInfo>,
    /// Each value's marker position in device pixels at the last drawing (for hit tests).
    point_px: Vec<[f64; 2]>,
}

impl Default for DescriptiveStats {
    fn default() -> Self {
        Self::new()
    }
}

/// Parses "3.1, 4.2; 5 6" into values; the message names the entry and the reason.
pub fn parse_values(text: &str) -> Result<Vec<f64>, String> {
    let mut values = Vec::new();
    let entries = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|e| !e.is_empty());
    for (i, entry) in entries.enumerate() {
        if values.len() == MAX_VALUES {
            return Err(format!("at most {MAX_VALUES} values are accepted"));
        }
        match parse_f64(entry) {
            Some(x) if x.is_finite() && x.abs() <= MAX_COORDINATE => values.push(x),
            Some(_) => {
                return Err(format!(
                    "entry {} {} must be finite and within ±1e9",
                    i + 1,
                    quote(entry)
                ))
            }
            None => return Err(format!("entry {} {} is not a number", i + 1, quote(entry))),
        }
    }
    Ok(values)
}

/// The values as option text: "3.1, 4.2, …", each the shortest text that reads back exactly.
pub fn format_values(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| crate::math::float_text::plain(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shape_of(word: &str) -> Shape {
    match word {
        "skewed" => Shape::Skewed,
        "bimodal" => Shape::Bimodal,
        "outliers" => Shape::Outliers,
        _ => Shape::Normal,
    }
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

/// The values, summary, histogram and view for `options`.
fn build(options: &OptionSet, frozen_x: Option<Span>) -> Result<Model, OptionError> {
    let data_error = |message: String| OptionError {
        option: "data".to_string(),
        message: format!("data: {message}"),
    };
    let text = options.text("data");
    let values = if text.trim().is_empty() {
        sample_shape(
            shape_of(options.choice("shape")),
            options.int("n").clamp(1, 500) as usize,
            options.int("seed") as u64,
        )
    } else {
        let values = parse_values(text).map_err(data_error)?;
        if values.is_empty() {
            return Err(data_error("at least one value is needed".to_string()));
        }
        values
    };
    let summary = Summary::new(&values).map_err(|e| data_error(e.to_string()))?;
    let requested = options.float("bin-width");
    let width = if requested > 0.0 {
        requested
    } else {
        summary.auto_bin_width()
    };
    let histogram = Histogram::new(&summary.sorted, width);
    let x_view = frozen_x.unwrap_or_else(|| {
        let last = histogram.edges(histogram.counts.len().saturating_sub(1))[1];
        Span::covering(
            values
                .iter()
                .copied()
                .chain([histogram.start, last, summary.mean - 1.2 * spread(&summary)])
                .chain([summary.mean + 1.2 * spread(&summary)]),
            0.04,
        )
    });
    Ok(Model {
        values,
        summary,
        histogram,
        x_view,
    })
}

/// The standard deviation to show: the sample one when defined, else the population one.
fn spread(summary: &Summary) -> f64 {
    summary
        .sample_std()
        .unwrap_or_else(|| summary.population_std())
}

impl DescriptiveStats {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        // A unit test builds the defaults, so this cannot fail at run time.
        let model = build(&options, None).expect("the default options are valid");
        DescriptiveStats {
            options,
            model,
            selected: None,
            drag: None,
            frozen_x: None,
            note: None,
            plots: Vec::new(),
            point_px: Vec::new(),
        }
    }

    /// The values in use (explicit or generated), in their order.
    pub fn values(&self) -> &[f64] {
        &self.model.values
    }

    /// The summary statistics of the values.
    pub fn summary(&self) -> &Summary {
        &self.model.summary
    }

    /// The histogram drawn.
    pub fn histogram(&self) -> &Histogram {
        &self.model.histogram
    }

    /// The index of the selected value, if any.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Rebuilds from `options`; on error nothing changes.
    fn rebuild(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let model = build(&options, self.frozen_x)?;
        self.options = options;
        self.model = model;
        if self.selected.is_some_and(|i| i >= self.model.values.len()) {
            self.selected = None;
        }
        Ok(())
    }

    /// Replaces the values (keeping the options otherwise); false if they were not accepted.
    fn set_values(&mut self, values: &[f64]) -> bool {
        let mut options = self.options.clone();
        options.set("data", &format_values(values)).is_ok() && self.rebuild(options).is_ok()
    }

    fn move_value(&mut self, i: usize, x: f64) -> bool {
        let mut values = self.model.values.clone();
        let Some(slot) = values.get_mut(i) else {
            return false;
        };
        *slot = round_to_view(x, self.model.x_view);
        self.set_values(&values)
    }

    fn add_value(&mut self, x: f64) -> bool {
        if self.model.values.len() >= MAX_VALUES {
            self.note = Some(format!("At most {MAX_VALUES} values; remove one first."));
            return false;
        }
        let mut values = self.model.values.clone();
        values.push(round_to_view(x, self.model.x_view));
        let ok = self.set_values(&values);
        if ok {
            self.selected = Some(values.len() - 1);
        }
        ok
    }

    fn remove_selected(&mut self) -> bool {
        let Some(i) = self.selected else {
            self.note = Some("Select a point first (arrow keys or a click).".to_string());
            return true;
        };
        if self.model.values.len() <= 1 {
            self.note = Some("At least one value must remain.".to_string());
            return true;
        }
        let mut values = self.model.values.clone();
        if i < values.len() {
            values.remove(i);
        }
        let ok = self.set_values(&values);
        if ok {
            self.selected = self.nearest_to(self.model.summary.median);
        }
        ok
    }

    /// The index of the value nearest to `x`.
    fn nearest_to(&self, x: f64) -> Option<usize> {
        self.model
            .values
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|(i, _)| i)
    }

    /// Selects the next larger (`up`) or smaller value, in sorted order (ties by index).
    fn select_step(&mut self, up: bool) -> bool {
        let order = order_by(&self.model.values);
        let next = match self
            .selected
            .and_then(|s| order.iter().position(|&i| i == s))
        {
            None => self.nearest_to(self.model.summary.median),
            Some(k) if up => order.get(k + 1).or(order.last()).copied(),
            Some(k) => order.get(k.saturating_sub(1)).copied(),
        };
        self.selected = next;
        true
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    /// The value under pixel `px` in the points plot, if a marker is within reach.
    fn hit(&self, px: [f64; 2]) -> Option<usize> {
        let scale = self.plot("points").map_or(1.0, |p| p.scale);
        let radius = 12.0 * scale;
        self.point_px
            .iter()
            .enumerate()
            .map(|(i, q)| (i, (q[0] - px[0]).hypot(q[1] - px[1])))
            .filter(|(_, d)| *d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// The bin width in effect.
    pub fn bin_width(&self) -> f64 {
        self.model.histogram.width
    }
}

/// A number list as JSON.
fn nums(values: &[f64]) -> Json {
    Json::nums(values.iter().copied())
}

impl Widget for DescriptiveStats {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        // Choosing how to generate data means using generated data.
        if matches!(name, "shape" | "n" | "seed") {
            options.set("data", "")?;
        }
        self.note = None;
        self.rebuild(options)
    }

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        self.drag = None;
        self.frozen_x = None;
        self.note = None;
        let options = self.options.clone();
        if self.rebuild(options).is_err() {
            // The current options were valid when set, so this does not happen.
        }
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "resample" => {
                let seed = (self.options.int("seed") + 1) % 4_294_967_296;
                let mut options = self.options.clone();
                let ok = options.set("seed", &seed.to_string()).is_ok()
                    && options.set("data", "").is_ok();
                self.selected = None;
                ok && self.rebuild(options).is_ok()
            }
            "remove" => self.remove_selected(),
            "reset" => {
                self.reset();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let s = &self.model.summary;
        let h = &self.model.histogram;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("values", nums(&self.model.values)),
            ("n", Json::Num(s.n as f64)),
            ("mean", Json::Num(s.mean)),
            ("median", Json::Num(s.median)),
            ("mode", nums(&s.modes)),
            ("mode_count", Json::Num(s.mode_count as f64)),
            ("variance", s.sample_variance.map_or(Json::Null, Json::Num)),
            ("std", s.sample_std().map_or(Json::Null, Json::Num)),
            ("population_variance", Json::Num(s.population_variance)),
            ("population_std", Json::Num(s.population_std())),
            ("q1", Json::Num(s.q1)),
            ("q3", Json::Num(s.q3)),
            ("iqr", Json::Num(s.iqr())),
            ("min", Json::Num(s.min())),
            ("max", Json::Num(s.max())),
            ("whiskers", nums(&s.whiskers())),
            (
                "quantile_method",
                Json::str("linear (numpy.percentile default, Hyndman–Fan type 7)"),
            ),
            ("bin_width", Json::Num(h.width)),
            ("bin_start", Json::Num(h.start)),
            ("bin_counts", Json::nums(h.counts.iter().map(|&c| c as f64))),
            (
                "selected",
                self.selected.map_or(Json::Null, |i| Json::Num(i as f64)),
            ),
        ])
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn controls(&self) -> Vec<Control> {
        let s = &self.model.summary;
        let range = (s.max() - s.min()).max(spread(s)).max(1e-9);
        vec![
            Control::Select {
                option: "shape",
                label: "Shape",
            },
            Control::Button {
                action: "resample",
                label: "New sample",
                title: "Draw a fresh seeded sample of the chosen shape",
            },
            Control::SliderRange {
                option: "bin-width",
                label: "Bin width",
                min: range / 100.0,
                max: range,
                log: true,
                value: self.model.histogram.width,
            },
            Control::TextArea {
                option: "data",
                label: "Data (commas, spaces or one value a line; Ctrl+Enter applies)",
            },
            Control::Button {
                action: "remove",
                label: "Remove point",
                title: "Remove the selected point (Delete key on the plot)",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the data the options describe",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let s = &self.model.summary;
        let r = |id, label, value: String| Readout { id, label, value };
        let mode = if s.modes.is_empty() {
            "none (no value repeats)".to_string()
        } else {
            let list: Vec<String> = s.modes.iter().take(4).map(|m| sig(*m, 4)).collect();
            let more = if s.modes.len() > 4 { ", …" } else { "" };
            format!("{}{more} (×{})", list.join(", "), s.mode_count)
        };
        let opt = |v: Option<f64>| v.map_or("undefined (n = 1)".to_string(), |v| sig(v, 4));
        vec![
            r("n", "n", s.n.to_string()),
            r("mean", "mean", sig(s.mean, 4)),
            r("median", "median", sig(s.median, 4)),
            r("mode", "mode", mode),
            r("variance", "sample variance s²", opt(s.sample_variance)),
            r("std", "sample SD s", opt(s.sample_std())),
            r(
                "population-variance",
                "population variance σ²",
                sig(s.population_variance, 4),
            ),
            r(
                "population-std",
                "population SD σ",
                sig(s.population_std(), 4),
            ),
            r("q1", "Q1", sig(s.q1, 4)),
            r("q3", "Q3", sig(s.q3, 4)),
            r("iqr", "IQR", sig(s.iqr(), 4)),
        ]
    }

    fn message(&self) -> Option<Message> {
        let s = &self.model.summary;
        let info = |text: String| {
            Some(Message {
                level: Level::Info,
                text,
            })
        };
        if let Some(note) = &self.note {
            return info(note.clone());
        }
        if s.n == 1 {
            return info("With one value the sample variance s² is undefined: it divides by n − 1 = 0. The population variance σ² is 0.".to_string());
        }
        if s.population_variance == 0.0 {
            return info(format!(
                "All {} values equal {}: the mean, median and mode coincide and every measure of spread is 0.",
                s.n,
                sig(s.mean, 4)
            ));
        }
        let sd = spread(s);
        if (s.mean - s.median).abs() > 0.2 * sd {
            let side = if s.mean > s.median { "right" } else { "left" };
            return info(format!(
                "The mean {} is pulled towards the long {side} tail; the median {} stays with the bulk of the data. Extreme values move the mean and the SD, not the median or the IQR.",
                sig(s.mean, 4),
                sig(s.median, 4)
            ));
        }
        None
    }

    fn describe(&self) -> String {
        let s = &self.model.summary;
        format!(
            "{} values: mean {}, median {}, sample SD {}, Q1 {}, Q3 {}{}",
            s.n,
            sig(s.mean, 3),
            sig(s.median, 3),
            s.sample_std()
                .map_or("undefined".to_string(), |v| sig(v, 3)),
            sig(s.q1, 3),
            sig(s.q3, 3),
            self.selected.and_then(|i| self.model.values.get(i)).map_or(
                String::new(),
                |v| format!("; selected value {}", sig(*v, 4))
            )
        )
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.62).clamp_to(360.0, 540.0)
        } else {
            (width_css * 1.2).clamp_to(400.0, 520.0)
        }
    }

    fn formula(&self) -> Option<Json> {
        Some(self.mean_formula())
    }

    fn table(&self) -> Option<Table> {
        let mut sorted = self.model.values.clone();
        sort_floats(&mut sorted);
        Some(Table {
            caption: format!("The {} values, in order", sorted.len()),
            headers: vec!["rank", "value"],
            rows: sorted
                .iter()
                .enumerate()
                .map(|(i, v)| vec![(i + 1).to_string(), crate::viz::format::sig(*v, 4)])
                .collect(),
        })
    }

    fn key_help(&self) -> &'static str {
        "Up and down (or Page Up and Page Down) select a value, left and right move it (Shift: further), Home and End to the ends of the line, Delete removes it, plus or a adds one, R resets."
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        self.point_px.first().copied()
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(t) = self.plot("points").map(|p| p.transform) else {
                    return false;
                };
                if !t.rect.contains(px) {
                    return false;
                }
                self.note = None;
                self.frozen_x = Some(self.model.x_view);
                if let Some(i) = self.hit(px) {
                    self.drag = Some(i);
                    self.selected = Some(i);
                    return true;
                }
                let x = t.to_data(px)[0];
                let added = self.add_value(x);
                if added {
                    self.drag = self.selected;
                }
                added
            }
            Pointer::Move(px) => {
                let (Some(i), Some(t)) = (self.drag, self.plot("points").map(|p| p.transform))
                else {
                    return false;
                };
                let x = t.to_data(px)[0].clamp_to(t.x.lo, t.x.hi);
                self.move_value(i, x)
            }
            Pointer::Up(_) | Pointer::Cancel => {
                let was_dragging = self.drag.take().is_some();
                if self.frozen_x.take().is_some() {
                    let options = self.options.clone();
                    let _ = self.rebuild(options);
                }
                was_dragging
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let fraction = if key.shift { 0.1 } else { 0.01 };
        let dx = self.model.x_view.width() * fraction;
        self.note = None;
        let selected_value = |w: &Self| w.selected.and_then(|i| w.model.values.get(i).copied());
        match key.key {
            "ArrowLeft" | "ArrowRight" => {
                if self.selected.is_none() {
                    self.select_step(true);
                }
                let sign = if key.key == "ArrowLeft" { -1.0 } else { 1.0 };
                match (self.selected, selected_value(self)) {
                    (Some(i), Some(v)) => self.move_value(i, v + sign * dx),
                    _ => false,
                }
            }
            "ArrowUp" | "PageUp" => self.select_step(true),
            "ArrowDown" | "PageDown" => self.select_step(false),
            "Delete" | "Backspace" | "-" => self.remove_selected(),
            "+" | "=" | "Insert" | "a" => {
                let at = selected_value(self).map_or(self.model.summary.median, |v| v + dx);
                self.add_value(at)
            }
            "Escape" => {
                self.selected = None;
                true
            }
            "Home" | "End" => {
                if self.selected.is_none() {
                    self.select_step(true);
                }
                let view = self.model.x_view;
                let to = if key.key == "Home" { view.lo } else { view.hi };
                match self.selected {
                    Some(i) => self.move_value(i, to),
                    None => false,
                }
            }
            "r" => self.action("reset"),
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
