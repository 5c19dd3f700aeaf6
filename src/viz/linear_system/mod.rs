//! `linear-system`: a 2×2 or 3×3 system A·x = b seen as lines (or planes) that meet at the
//! solution, and Gaussian elimination stepped through as row operations that move the lines
//! while the solution stays put.
//!
//! State = options (`a`, `b`, `step`, and the 3-D view's `yaw` and `pitch`) + the step shown.
//! Dragging a line's handle rewrites its row of `a` and `b` with whole numbers, so exact
//! fractions survive editing by hand.

mod code;
mod draw;
mod formula;
mod space;
mod table;

use crate::math::elimination::UNKNOWNS;
use crate::math::linear_system::{parse_system, Kind, System};
use crate::math::matrix_text::parse_matrix;
use crate::math::ClampTo;
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::format::sig;
use crate::viz::geometry::Span;
use crate::viz::json::Json;
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "linear-system";

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "a",
        kind: OptionKind::Text { max_chars: 300 },
        default: "2,1;4,3",
        doc: "the matrix A: rows separated by ;, entries by , (2×2 or 3×3; whole numbers and fractions stay exact)",
    },
    OptionSpec {
        name: "b",
        kind: OptionKind::Text { max_chars: 120 },
        default: "9,27",
        doc: "the right-hand side b, one entry per row of A",
    },
    OptionSpec {
        name: "step",
        kind: OptionKind::Int { min: 0, max: 30 },
        default: "0",
        doc: "row operations already applied when the widget loads or is reset (at most all of them)",
    },
    OptionSpec {
        name: "yaw",
        kind: OptionKind::Float { min: -180.0, max: 180.0, log: false },
        default: "35",
        doc: "3-D view: turn about the vertical axis, in degrees",
    },
    OptionSpec {
        name: "pitch",
        kind: OptionKind::Float { min: -89.0, max: 89.0, log: false },
        default: "20",
        doc: "3-D view: tilt, in degrees (positive looks from above)",
    },
];

/// What a pointer is doing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drag {
    /// Moving handle `handle` (line = handle / 2) of a 2-D line.
    Handle(usize),
    /// Turning the 3-D view: where the pointer went down (device px) and the angles then, so
    /// rounding to whole degrees does not accumulate.
    Rotate([f64; 2], f64, f64),
}

/// The data window of the 2-D picture, or the box of the 3-D one.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    /// Centre of the window (x, y, z).
    centre: [f64; 3],
    /// Half of its width.
    half: f64,
    /// Grid unit that dragged handles snap to.
    unit: f64,
}

impl View {
    fn span(&self, axis: usize) -> Span {
        let c = self.centre.get(axis).copied().unwrap_or(0.0);
        Span::around(c, self.half)
    }
}

/// The linear-system widget.
#[derive(Debug, Clone)]
pub struct LinearSystem {
    options: OptionSet,
    system: System,
    view: View,
    frozen_view: Option<View>,
    shown: usize,
    /// Two handles per 2-D line, in data coordinates.
    handles: Vec<[f64; 2]>,
    selected: usize,
    drag: Option<Drag>,
    plots: Vec<PlotInfo>,
}

impl Default for LinearSystem {
    fn default() -> Self {
        Self::new()
    }
}

/// A "nice" number ≥ `v`: 1, 2 or 5 times a power of ten.
fn nice_up(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|&c| c >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * p)
}

fn view_for(system: &System) -> View {
    let c: Vec<f64> = (0..3)
        .map(|i| {
            system
                .centre
                .get(i)
                .copied()
                .filter(|v| v.is_finite())
                .unwrap_or(0.0)
        })
        .collect();
    let reach = c.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let coord = |i: usize| c.get(i).copied().unwrap_or(0.0);
    if system.n() == 2 {
        // Halfway between the origin and the solution, wide enough to show both.
        let half = nice_up((0.7 * reach + 1.0).max(6.0));
        let unit = nice_up(half / 25.0);
        let snap = |v: f64| (v / unit).round() * unit;
        View {
            centre: [snap(coord(0) * 0.5), snap(coord(1) * 0.5), 0.0],
            half,
            unit,
        }
    } else {
        // A box around the solution (or the closest compromise).
        let half = nice_up((0.25 * reach).max(4.0));
        let unit = nice_up(half / 25.0);
        let snap = |v: f64| (v / unit).round() * unit;
        View {
            centre: [snap(coord(0)), snap(coord(1)), snap(coord(2))],
            half,
            unit,
        }
    }
}

/// Two points on the line p·x + q·y = r, symmetric about the point of it nearest `anchor`
/// (the solution, so the handles never hide it).
fn default_handles(
    row: &[f64],
    rhs: f64,
    view: &View,
    anchor: [f64; 2],
    line: usize,
) -> [[f64; 2]; 2] {
    let (p, q) = (
        row.first().copied().unwrap_or(0.0),
        row.get(1).copied().unwrap_or(0.0),
    );
    let nn = p * p + q * q;
    let [cx, cy] = anchor;
    if nn == 0.0 || !nn.is_finite() {
        return [[cx - view.half * 0.5, cy], [cx + view.half * 0.5, cy]];
    }
    let t = (p * cx + q * cy - rhs) / nn;
    let foot = [cx - t * p, cy - t * q];
    let len = nn.sqrt();
    // Each line's handles sit at a different distance, so coincident lines keep both visible.
    let reach = view.half * (0.5 - 0.15 * line as f64);
    let d = [-q / len * reach, p / len * reach];
    // Order the handles left to right (bottom to top for vertical lines).
    let (a, b) = (
        [foot[0] - d[0], foot[1] - d[1]],
        [foot[0] + d[0], foot[1] + d[1]],
    );
    if (a[0], a[1]) <= (b[0], b[1]) {
        [a, b]
    } else {
        [b, a]
    }
}

/// The entries of "9,27" (or "9;27") as trimmed text.
fn split_entries(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.min(i64::MAX as u64) as i64
}

/// Whole-number coefficients (p, q, r) of the line through `f` and `g`, both on the grid of
/// `unit` (a 1-2-5 number), oriented like `like` (so a row does not flip its signs).
fn line_through(f: [f64; 2], g: [f64; 2], unit: f64, like: [f64; 2]) -> Option<[i64; 3]> {
    // unit = num/den exactly for 1-2-5 numbers (0.5 = 5/10, 20 = 20/1).
    let (num, den) = if unit >= 1.0 {
        (unit.round() as i64, 1_i64)
    } else {
        let den = 10f64.powf((-unit.log10()).ceil()).round() as i64;
        ((unit * den as f64).round() as i64, den)
    };
    let k = |v: f64| (v / unit).round() as i64;
    let (fi, fj, gi, gj) = (k(f[0]), k(f[1]), k(g[0]), k(g[1]));
    let p = gj.checked_sub(fj)?;
    let q = fi.checked_sub(gi)?;
    if p == 0 && q == 0 {
        return None;
    }
    // r = unit·(p·fi + q·fj); times den to clear the denominator.
    let r = num.checked_mul(p.checked_mul(fi)?.checked_add(q.checked_mul(fj)?)?)?;
    let (p, q) = (p.checked_mul(den)?, q.checked_mul(den)?);
    let g = gcd(gcd(p, q), r).max(1);
    let sign = if p as f64 * like[0] + q as f64 * like[1] < 0.0 {
        -1
    } else {
        1
    };
    Some([sign * p / g, sign * q / g, sign * r / g])
}

impl LinearSystem {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        let system = System::from_text("2,1;4,3", "9,27").unwrap_or_else(|_| {
            // The literal above is valid; a unit test builds the defaults.
            System::new(&[], &[])
        });
        let view = view_for(&system);
        let mut w = LinearSystem {
            options,
            system,
            view,
            frozen_view: None,
            shown: 0,
            handles: Vec::new(),
            selected: 0,
            drag: None,
            plots: Vec::new(),
        };
        w.reset();
        w
    }

    /// The system as currently validated.
    pub fn system(&self) -> &System {
        &self.system
    }

    /// How many row operations are applied in the picture.
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// The augmented matrix after the shown steps.
    fn stage(&self) -> &[Vec<f64>] {
        let st = &self.system.elimination.stages;
        st.get(self.shown).or(st.last()).map_or(&[], Vec::as_slice)
    }

    fn stage_text(&self) -> &[Vec<String>] {
        let st = &self.system.elimination.stage_text;
        st.get(self.shown).or(st.last()).map_or(&[], Vec::as_slice)
    }

    fn step_count(&self) -> usize {
        self.system.elimination.steps.len()
    }

    /// Rebuilds from `options`; on error nothing changes.
    fn rebuild(
        &mut self,
        options: OptionSet,
        shown: usize,
        keep_handles: bool,
    ) -> Result<(), OptionError> {
        let system =
            System::from_text(options.text("a"), options.text("b")).map_err(|e| OptionError {
                option: e.name.to_string(),
                message: e.to_string(),
            })?;
        self.view = self.frozen_view.unwrap_or_else(|| view_for(&system));
        self.system = system;
        self.options = options;
        self.shown = shown.min(self.step_count());
        if !keep_handles || self.handles.len() != 2 * self.system.n() {
            self.reset_handles();
        }
        Ok(())
    }

    fn reset_handles(&mut self) {
        let anchor = match (self.system.kind, &self.system.elimination.solution) {
            (Kind::Unique, Some(x)) => [
                x.first().copied().unwrap_or(0.0),
                x.get(1).copied().unwrap_or(0.0),
            ],
            _ => [self.view.centre[0], self.view.centre[1]],
        };
        self.handles = if self.system.n() == 2 {
            self.system
                .a
                .iter()
                .zip(&self.system.b)
                .enumerate()
                .flat_map(|(i, (row, rhs))| default_handles(row, *rhs, &self.view, anchor, i))
                .collect()
        } else {
            Vec::new()
        };
        self.selected = self.selected.min(self.handles.len().saturating_sub(1));
    }

    /// Moves handle `h` to `to` (snapped to the grid); its partner is snapped too, and the line
    /// through both becomes row h/2 of the system, in whole numbers.
    fn move_handle(&mut self, h: usize, to: [f64; 2]) -> bool {
        let line = h / 2;
        let partner = h ^ 1;
        let unit = self.view.unit;
        let snap = |p: [f64; 2]| [(p[0] / unit).round() * unit, (p[1] / unit).round() * unit];
        let (Some(&other), Some(row)) = (self.handles.get(partner), self.system.a.get(line)) else {
            return false;
        };
        let (moved, fixed) = (snap(to), snap(other));
        let like = [
            row.first().copied().unwrap_or(1.0),
            row.get(1).copied().unwrap_or(0.0),
        ];
        let Some([p, q, r]) = line_through(fixed, moved, unit, like) else {
            return false;
        };
        let mut rhs: Vec<String> = split_entries(self.options.text("b"));
        let mut texts: Vec<Vec<String>> = self
            .options
            .text("a")
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .map(split_entries)
            .collect();
        if let Some(r_text) = texts.get_mut(line) {
            *r_text = vec![p.to_string(), q.to_string()];
        }
        if let Some(slot) = rhs.get_mut(line) {
            *slot = r.to_string();
        }
        let a_text = texts
            .iter()
            .map(|r| r.join(","))
            .collect::<Vec<_>>()
            .join(";");
        let mut options = self.options.clone();
        if options.set("a", &a_text).is_err() || options.set("b", &rhs.join(",")).is_err() {
            return false;
        }
        let shown = self.shown;
        if self.rebuild(options, shown, true).is_err() {
            return false;
        }
        if let Some(slot) = self.handles.get_mut(h) {
            *slot = moved;
        }
        if let Some(slot) = self.handles.get_mut(partner) {
            *slot = fixed;
        }
        true
    }

    fn set_view_angles(&mut self, yaw: f64, pitch: f64) -> bool {
        let wrap = |a: f64| ((a + 180.0).rem_euclid(360.0) - 180.0).round();
        let mut options = self.options.clone();
        let ok = options
            .set("yaw", &crate::math::float_text::plain(wrap(yaw)))
            .is_ok()
            && options
                .set(
                    "pitch",
                    &crate::math::float_text::plain(pitch.clamp_to(-89.0, 89.0).round()),
                )
                .is_ok();
        if ok && options != self.options {
            self.options = options;
            return true;
        }
        false
    }

    fn plot(&self, id: &str) -> Option<&PlotInfo> {
        self.plots.iter().find(|p| p.id == id)
    }

    /// The solution in words: "x = 0, y = 9", or the line/plane with its parameters.
    pub fn solution_words(&self) -> String {
        let e = &self.system.elimination;
        let names = UNKNOWNS;
        match (self.system.kind, &e.solution_text) {
            (Kind::Unique, Some(x)) => x
                .iter()
                .zip(names)
                .map(|(v, n)| format!("{n} = {v}"))
                .collect::<Vec<_>>()
                .join(", "),
            (Kind::Infinite, Some(x)) => {
                let params = ["s", "t"];
                let dirs = &e.null_space;
                let free: Vec<usize> = (0..self.system.n())
                    .filter(|j| !e.pivot_columns.contains(j))
                    .collect();
                (0..self.system.n())
                    .zip(names)
                    .map(|(j, n)| {
                        if let Some(k) = free.iter().position(|&f| f == j) {
                            return format!(
                                "{n} = {}",
                                params.get(k + 2 - free.len().min(2)).unwrap_or(&"t")
                            );
                        }
                        let mut s = x.get(j).cloned().unwrap_or_default();
                        for (k, d) in dirs.iter().enumerate() {
                            let c = d.get(j).copied().unwrap_or(0.0);
                            if c != 0.0 {
                                let p = params.get(k + 2 - dirs.len().min(2)).unwrap_or(&"t");
                                let mag = sig(c.abs(), 4);
                                let term = if mag == "1" {
                                    p.to_string()
                                } else {
                                    format!("{mag}{p}")
                                };
                                s = if s == "0" {
                                    if c < 0.0 {
                                        format!("−{term}")
                                    } else {
                                        term
                                    }
                                } else {
                                    format!("{s} {} {term}", if c < 0.0 { "−" } else { "+" })
                                };
                            }
                        }
                        format!("{n} = {s}")
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            _ => "no solution".to_string(),
        }
    }

    /// The first row of the reduced system that reads 0 = c with c ≠ 0 (counted from 1).
    fn contradiction_row(&self) -> Option<(usize, String)> {
        let n = self.system.n();
        let last = self.system.elimination.stages.last()?;
        let text = self.system.elimination.stage_text.last()?;
        last.iter().enumerate().find_map(|(i, row)| {
            let lhs_zero = row
                .iter()
                .take(n)
                .all(|v| v.abs() <= 1e-9 * (1.0 + row.iter().fold(0.0_f64, |m, v| m.max(v.abs()))));
            let rhs = row.get(n).copied().unwrap_or(0.0);
            (lhs_zero && rhs.abs() > 0.0 && rhs.is_finite()).then(|| {
                (
                    i + 1,
                    text.get(i)
                        .and_then(|r| r.get(n))
                        .cloned()
                        .unwrap_or_default(),
                )
            })
        })
    }
}

impl Widget for LinearSystem {
    fn name(&self) -> &'static str {
        NAME
    }

    fn options(&self) -> &OptionSet {
        &self.options
    }

    fn set_option(&mut self, name: &str, raw: &str) -> Result<(), OptionError> {
        let mut options = self.options.clone();
        options.set(name, raw)?;
        if name == "a" {
            // A new size carries b along (padded with 0 or cut), so "a" can change size alone.
            if let Ok(rows) = parse_matrix("a", options.text("a")) {
                let mut rhs = split_entries(options.text("b"));
                if rhs.len() != rows.len() && (2..=3).contains(&rows.len()) {
                    rhs.resize(rows.len(), "0".to_string());
                    options.set("b", &rhs.join(","))?;
                }
            }
        }
        if matches!(name, "a" | "b") {
            // Validate before anything changes, so the message names the row and column.
            parse_system(options.text("a"), options.text("b")).map_err(|e| OptionError {
                option: e.name.to_string(),
                message: e.to_string(),
            })?;
        }
        let shown = if name == "step" {
            options.int("step").max(0) as usize
        } else {
            self.shown
        };
        let keep = !matches!(name, "a" | "b");
        self.rebuild(options, shown, keep)
    }

    fn step(&mut self, n: u32) {
        self.shown = (self.shown + n as usize).min(self.step_count());
    }

    fn share_steps(&self) -> Option<(&'static str, u64)> {
        Some(("step", self.shown as u64))
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn reset(&mut self) {
        let shown = self.options.int("step").max(0) as usize;
        let options = self.options.clone();
        if self.rebuild(options, shown, false).is_err() {
            // The current options were valid when set, so this does not happen.
        }
    }

    fn action(&mut self, action: &str) -> bool {
        match action {
            "step" => {
                self.step(1);
                true
            }
            "back" => {
                self.shown = self.shown.saturating_sub(1);
                true
            }
            "reset" => {
                self.reset();
                true
            }
            "end" => {
                self.shown = self.step_count();
                true
            }
            _ => false,
        }
    }

    fn state(&self) -> Json {
        let e = &self.system.elimination;
        let kind = self.system.kind;
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            ("kind", Json::str(kind.as_str())),
            (
                "x",
                e.solution
                    .as_ref()
                    .map_or(Json::Null, |x| Json::nums(x.iter().copied())),
            ),
            (
                "x_exact",
                match (&e.solution_text, e.exact) {
                    (Some(t), true) => Json::Arr(t.iter().map(|s| Json::str(s.as_str())).collect()),
                    _ => Json::Null,
                },
            ),
            ("rank", Json::Num(e.rank as f64)),
            ("rank_augmented", Json::Num(e.rank_augmented as f64)),
            // ∞ for a singular A: JSON has no infinity, so it is null there (as NumPy's
            // program prints None).
            (
                "condition_number",
                Some(self.system.condition_number)
                    .filter(|c| c.is_finite())
                    .map_or(Json::Null, Json::Num),
            ),
            ("sensitive", Json::Bool(self.system.sensitive())),
            ("exact", Json::Bool(e.exact)),
            (
                "steps",
                Json::Arr(e.steps.iter().map(|s| Json::str(s.text.as_str())).collect()),
            ),
            ("step", Json::Num(self.shown as f64)),
            ("step_count", Json::Num(self.step_count() as f64)),
            (
                "matrix",
                Json::Arr(
                    self.stage_text()
                        .iter()
                        .map(|r| Json::Arr(r.iter().map(|s| Json::str(s.as_str())).collect()))
                        .collect(),
                ),
            ),
            (
                "directions",
                Json::Arr(
                    e.null_space
                        .iter()
                        .map(|d| Json::nums(d.iter().copied()))
                        .collect(),
                ),
            ),
            ("solution", Json::str(self.solution_words())),
            (
                "handles",
                Json::Arr(self.handles.iter().map(|h| Json::nums(*h)).collect()),
            ),
            ("selected_handle", Json::Num(self.selected as f64)),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Button {
                action: "back",
                label: "◀ Back",
                title: "Undo the last row operation",
            },
            Control::Button {
                action: "step",
                label: "Step ▶",
                title: "Apply the next row operation",
            },
            Control::Button {
                action: "end",
                label: "Solve",
                title: "Apply every row operation",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the original system",
            },
            Control::Input {
                option: "a",
                label: "A",
            },
            Control::Input {
                option: "b",
                label: "b",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let e = &self.system.elimination;
        let r = |id, label, value: String| Readout { id, label, value };
        let cond = self.system.condition_number;
        vec![
            r(
                "step",
                "step",
                format!("{} / {}", self.shown, self.step_count()),
            ),
            r(
                "kind",
                "solutions",
                match self.system.kind {
                    Kind::Unique => "one".to_string(),
                    Kind::None => "none".to_string(),
                    Kind::Infinite => "infinitely many".to_string(),
                },
            ),
            r("solution", "x", self.solution_words()),
            r(
                "rank",
                "rank A, rank [A|b]",
                format!("{}, {}", e.rank, e.rank_augmented),
            ),
            r(
                "condition",
                "κ(A)",
                if cond.is_finite() {
                    sig(cond, 4)
                } else {
                    "∞".to_string()
                },
            ),
            r(
                "arithmetic",
                "arithmetic",
                if e.exact {
                    "exact fractions"
                } else {
                    "floating point"
                }
                .to_string(),
            ),
        ]
    }

    fn message(&self) -> Option<Message> {
        let n = self.system.n();
        let things = if n == 2 { "lines" } else { "planes" };
        match self.system.kind {
            Kind::None => {
                let row = self.contradiction_row().map_or(String::new(), |(i, c)| format!(" Elimination leaves row {i} reading 0 = {c}."));
                Some(Message {
                    level: Level::Warning,
                    text: format!(
                        "No solution: the {things} have no point in common ({}). rank A = {} < rank [A|b] = {}, so the equations contradict each other.{row}",
                        if n == 2 { "they are parallel" } else { "no point lies on all three" },
                        self.system.elimination.rank,
                        self.system.elimination.rank_augmented
                    ),
                })
            }
            Kind::Infinite => {
                let free = n - self.system.elimination.rank;
                let shape = match (n, free) {
                    (2, 1) => "the lines coincide: every point of the line is a solution",
                    (3, 1) => "the planes share a line: every point of it is a solution",
                    (3, 2) => "the planes coincide: every point of the plane is a solution",
                    _ => "every equation reads 0 = 0: every point is a solution",
                };
                Some(Message {
                    level: Level::Info,
                    text: format!("Infinitely many solutions: {shape} ({}), one parameter per free unknown (rank A = rank [A|b] = {} < {n}).", self.solution_words(), self.system.elimination.rank),
                })
            }
            Kind::Unique if self.system.sensitive() => Some(Message {
                level: Level::Warning,
                text: format!(
                    "The condition number κ(A) = {} is above 1e8: the {things} are nearly parallel, so a tiny change in A or b moves the solution a lot. Treat the answer as sensitive.",
                    sig(self.system.condition_number, 3)
                ),
            }),
            Kind::Unique => Some(Message {
                level: Level::Info,
                text: format!(
                    "One solution: {}. Each row operation moves the {things}, never the point where they meet.",
                    self.solution_words()
                ),
            }),
        }
    }

    fn describe(&self) -> String {
        let e = &self.system.elimination;
        let op = match self.shown.checked_sub(1).and_then(|k| e.steps.get(k)) {
            Some(s) => format!("Step {} of {}: {}.", self.shown, self.step_count(), s.text),
            None => format!(
                "The original system, {} row operations to go.",
                self.step_count()
            ),
        };
        let kind = match self.system.kind {
            Kind::Unique => format!("One solution, {}.", self.solution_words()),
            Kind::None => "No solution.".to_string(),
            Kind::Infinite => format!("Infinitely many solutions, {}.", self.solution_words()),
        };
        format!("{op} {kind}")
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn formula(&self) -> Option<Json> {
        Some(self.equations())
    }

    fn key_help(&self) -> &'static str {
        "Enter steps forward, Backspace steps back, Home resets. With two unknowns, n selects a line's handle and the arrow keys move it; with three, the arrow keys turn the view."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.56).clamp_to(300.0, 600.0)
        } else {
            // The panel below needs a row of text per equation.
            width_css + if self.system.n() == 2 { 215.0 } else { 250.0 }
        }
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        let t = self.plot("system")?.transform;
        self.handles
            .iter()
            .find(|h| t.contains(**h))
            .map(|h| t.to_px(*h))
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        let three_d = self.system.n() == 3;
        match event {
            Pointer::Down(px) => {
                let Some(info) = self.plot("system").cloned() else {
                    return false;
                };
                if three_d {
                    if info.transform.rect.contains(px) {
                        self.drag = Some(Drag::Rotate(
                            px,
                            self.options.float("yaw"),
                            self.options.float("pitch"),
                        ));
                    }
                    return false;
                }
                let t = info.transform;
                let radius = 16.0 * info.scale;
                let nearest = self
                    .handles
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        let q = t.to_px(*h);
                        (i, (q[0] - px[0]).hypot(q[1] - px[1]))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                if let Some((i, d)) = nearest {
                    if d <= radius {
                        self.drag = Some(Drag::Handle(i));
                        self.frozen_view = Some(self.view);
                        let changed = self.selected != i;
                        self.selected = i;
                        return changed;
                    }
                }
                false
            }
            Pointer::Move(px) => match self.drag {
                Some(Drag::Handle(i)) => match self.plot("system").map(|p| p.transform) {
                    Some(t) => {
                        let [x, y] = t.to_data(px);
                        self.move_handle(
                            i,
                            [x.clamp_to(t.x.lo, t.x.hi), y.clamp_to(t.y.lo, t.y.hi)],
                        )
                    }
                    None => false,
                },
                Some(Drag::Rotate(start, yaw, pitch)) => {
                    // Half a degree per CSS pixel.
                    let scale = self.plot("system").map_or(1.0, |p| p.scale);
                    let (dx, dy) = ((px[0] - start[0]) / scale, (px[1] - start[1]) / scale);
                    self.set_view_angles(yaw - dx * 0.5, pitch + dy * 0.5)
                }
                None => false,
            },
            Pointer::Up(_) | Pointer::Cancel => {
                let was = self.drag.take().is_some();
                if self.frozen_view.take().is_some() {
                    let handles = self.handles.clone();
                    self.view = view_for(&self.system);
                    self.handles = handles;
                }
                was
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        match key.key {
            "Enter" | " " | "PageDown" | "." => return self.action("step"),
            "Backspace" | "PageUp" | "," => return self.action("back"),
            "End" => return self.action("end"),
            "Home" => return self.action("reset"),
            _ => {}
        }
        if self.system.n() == 3 {
            let d = if key.shift { 15.0 } else { 5.0 };
            let (yaw, pitch) = (self.options.float("yaw"), self.options.float("pitch"));
            return match key.key {
                "ArrowLeft" => self.set_view_angles(yaw - d, pitch),
                "ArrowRight" => self.set_view_angles(yaw + d, pitch),
                "ArrowUp" => self.set_view_angles(yaw, pitch + d),
                "ArrowDown" => self.set_view_angles(yaw, pitch - d),
                _ => false,
            };
        }
        let count = self.handles.len().max(1);
        let u = self.view.unit * if key.shift { 5.0 } else { 1.0 };
        let h = self.selected;
        let at = self.handles.get(h).copied().unwrap_or([0.0, 0.0]);
        let snapped = |v: f64| (v / self.view.unit).round() * self.view.unit;
        let base = [snapped(at[0]), snapped(at[1])];
        match key.key {
            "Tab" => false,
            "n" | "]" => {
                self.selected = (h + 1) % count;
                true
            }
            "[" => {
                self.selected = (h + count - 1) % count;
                true
            }
            "ArrowLeft" => self.move_handle(h, [base[0] - u, base[1]]),
            "ArrowRight" => self.move_handle(h, [base[0] + u, base[1]]),
            "ArrowUp" => self.move_handle(h, [base[0], base[1] + u]),
            "ArrowDown" => self.move_handle(h, [base[0], base[1] - u]),
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
        root: &plotters::drawing::DrawingArea<Recorder, plotters::coord::Shift>,
        frame: &Frame,
        _fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        self.draw_all(root, frame)
    }
}

#[cfg(test)]
mod tests;
