//! `matrix-transform`: a 2×2 matrix A applied to the whole plane — its grid, a shape, the unit
//! square. Drag where the basis vectors land (the columns of A); the determinant is the signed
//! area of the unit square's image (its colour flips with orientation); a singular A squashes
//! the plane onto a line, and the widget says what that means for A·x = b; real eigenvectors
//! are drawn as the lines A maps onto themselves.
//!
//! State = options (`a`, `shape`, `show-eigenvectors`).

mod code;
mod draw;
mod formula;
mod table;

use crate::math::matrix2::{det, eigen, is_singular, Eigen, Matrix2};
use crate::math::matrix_text::parse_matrix;
use crate::math::ClampTo;
use crate::viz::format::sig;
use crate::viz::json::Json;
use crate::viz::options::{OptionError, OptionKind, OptionSet, OptionSpec};
use crate::viz::widget::{
    Control, Frame, Key, Level, Message, PlotInfo, Pointer, Readout, Table, Widget,
};

/// The widget's name in every layer.
pub const NAME: &str = "matrix-transform";

/// The shapes offered.
pub const SHAPES: &[&str] = &["house", "circle"];

/// The option table.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "a",
        kind: OptionKind::Text { max_chars: 120 },
        default: "2,1;1,2",
        doc: "the 2×2 matrix A, rows separated by ; and entries by , (entries within ±1e9)",
    },
    OptionSpec {
        name: "shape",
        kind: OptionKind::Choice(SHAPES),
        default: "house",
        doc: "the shape drawn with its image",
    },
    OptionSpec {
        name: "show-eigenvectors",
        kind: OptionKind::Bool,
        default: "true",
        doc: "draw the real eigenvector lines (directions A only stretches)",
    },
];

/// Where basis-vector tips snap to while dragged or moved by keys.
const SNAP: f64 = 0.1;

/// The matrix-transform widget.
#[derive(Debug, Clone)]
pub struct MatrixTransform {
    options: OptionSet,
    m: Matrix2,
    half: f64,
    frozen_half: Option<f64>,
    drag: Option<usize>,
    selected: usize,
    plots: Vec<PlotInfo>,
}

impl Default for MatrixTransform {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads a 2×2 matrix; errors name the row and column.
fn parse2(text: &str) -> Result<Matrix2, OptionError> {
    let err = |message: String| OptionError {
        option: "a".to_string(),
        message,
    };
    let rows = parse_matrix("a", text).map_err(|e| err(e.to_string()))?;
    let cols = rows.first().map_or(0, Vec::len);
    if rows.len() != 2 || cols != 2 {
        return Err(err(format!(
            "a: must be 2×2 (a map of the plane), got {} rows of {cols} entries",
            rows.len()
        )));
    }
    let at = |i: usize, j: usize| {
        rows.get(i)
            .and_then(|r| r.get(j))
            .map_or(0.0, |e| e.to_f64())
    };
    Ok([[at(0, 0), at(0, 1)], [at(1, 0), at(1, 1)]])
}

/// Half-width of the square view: room for the images of the unit square and basis vectors.
fn half_for(m: &Matrix2) -> f64 {
    let reach = [[1.0, 1.0], [1.0, -1.0], [1.0, 0.0], [0.0, 1.0]]
        .iter()
        .map(|v| {
            let w = crate::math::matrix2::apply(m, *v);
            w[0].abs().max(w[1].abs())
        })
        .fold(0.0_f64, f64::max);
    (1.3 * reach).max(3.0).ceil()
}

fn round_snap(v: f64) -> f64 {
    ((v / SNAP).round() * SNAP * 1e9).round() / 1e9
}

impl MatrixTransform {
    /// The widget at its default options.
    pub fn new() -> Self {
        let options = OptionSet::new(OPTIONS);
        let m = parse2(options.text("a")).unwrap_or([[1.0, 0.0], [0.0, 1.0]]);
        MatrixTransform {
            options,
            half: half_for(&m),
            m,
            frozen_half: None,
            drag: None,
            selected: 0,
            plots: Vec::new(),
        }
    }

    /// The matrix.
    pub fn matrix(&self) -> Matrix2 {
        self.m
    }

    fn rebuild(&mut self, options: OptionSet) -> Result<(), OptionError> {
        let m = parse2(options.text("a"))?;
        self.half = self.frozen_half.unwrap_or_else(|| half_for(&m));
        self.m = m;
        self.options = options;
        Ok(())
    }

    /// Sets column `j` (the image of e_{j+1}) to `v`, snapped to the grid.
    fn set_column(&mut self, j: usize, v: [f64; 2]) -> bool {
        let mut m = self.m;
        let (x, y) = (round_snap(v[0]), round_snap(v[1]));
        let [top, bottom] = &mut m;
        match (top.get_mut(j), bottom.get_mut(j)) {
            (Some(a), Some(c)) => {
                *a = x;
                *c = y;
            }
            _ => return false,
        }
        let text = format!(
            "{},{};{},{}",
            crate::math::float_text::Float(m[0][0]),
            crate::math::float_text::Float(m[0][1]),
            crate::math::float_text::Float(m[1][0]),
            crate::math::float_text::Float(m[1][1])
        );
        let mut options = self.options.clone();
        options.set("a", &text).is_ok() && self.rebuild(options).is_ok()
    }

    fn plot(&self) -> Option<&PlotInfo> {
        self.plots.first()
    }

    /// "preserved", "reversed" or "collapsed".
    pub fn orientation(&self) -> &'static str {
        if is_singular(&self.m) {
            "collapsed"
        } else if det(&self.m) > 0.0 {
            "preserved"
        } else {
            "reversed"
        }
    }
}

impl Widget for MatrixTransform {
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

    fn step(&mut self, _n: u32) {}

    fn reset(&mut self) {
        let options = self.options.clone();
        if self.rebuild(options).is_err() {
            // The current options were valid when set, so this does not happen.
        }
    }

    fn state(&self) -> Json {
        let m = self.m;
        let (values, vectors) = match eigen(&m) {
            Eigen::Real { values, vectors } => (
                Json::nums(values),
                Json::Arr(vectors.iter().map(|v| Json::nums(*v)).collect()),
            ),
            Eigen::Complex { .. } => (Json::Null, Json::Null),
        };
        Json::obj([
            ("widget", Json::str(NAME)),
            ("options", self.options.to_json()),
            (
                "matrix",
                Json::Arr(m.iter().map(|r| Json::nums(*r)).collect()),
            ),
            (
                "columns",
                Json::Arr(vec![
                    Json::nums([m[0][0], m[1][0]]),
                    Json::nums([m[0][1], m[1][1]]),
                ]),
            ),
            ("det", Json::Num(det(&m))),
            ("orientation", Json::str(self.orientation())),
            ("singular", Json::Bool(is_singular(&m))),
            ("eigenvalues", values),
            ("eigenvectors", vectors),
            ("selected_vector", Json::Num(self.selected as f64)),
        ])
    }

    fn controls(&self) -> Vec<Control> {
        vec![
            Control::Input {
                option: "a",
                label: "A",
            },
            Control::Select {
                option: "shape",
                label: "Shape",
            },
            Control::Toggle {
                option: "show-eigenvectors",
                label: "Eigenvectors",
            },
            Control::Button {
                action: "reset",
                label: "Reset",
                title: "Back to the matrix the options describe",
            },
        ]
    }

    fn readouts(&self) -> Vec<Readout> {
        let r = |id, label, value: String| Readout { id, label, value };
        let eig = match eigen(&self.m) {
            Eigen::Real { values, .. } => format!("{}, {}", sig(values[0], 4), sig(values[1], 4)),
            Eigen::Complex { re, im } => {
                format!("{} ± {}i (no real direction)", sig(re, 4), sig(im, 4))
            }
        };
        vec![
            r("det", "det A", sig(det(&self.m), 4)),
            r("orientation", "orientation", self.orientation().to_string()),
            r("eigenvalues", "eigenvalues", eig),
        ]
    }

    fn message(&self) -> Option<Message> {
        let m = self.m;
        if is_singular(&m) {
            let zero = m.iter().flatten().all(|v| *v == 0.0);
            let text = if zero {
                "A = 0 sends every point to the origin. A·x = b has no solution unless b = 0, and then every x solves it.".to_string()
            } else {
                "det A = 0: A squashes the whole plane onto a line (its column space), so different x land on the same point. A·x = b has no solution when b is off that line, and infinitely many when b is on it (add any x from the null space).".to_string()
            };
            return Some(Message {
                level: Level::Warning,
                text,
            });
        }
        let d = det(&m);
        Some(Message {
            level: Level::Info,
            text: format!(
                "det A = {}: A scales every area by {} and {} orientation. A·x = b has exactly one solution for every b.",
                sig(d, 4),
                sig(d.abs(), 4),
                if d > 0.0 { "keeps" } else { "flips" }
            ),
        })
    }

    fn describe(&self) -> String {
        let m = self.m;
        format!(
            "A maps e1 to ({}, {}) and e2 to ({}, {}); det A = {}, orientation {}",
            sig(m[0][0], 3),
            sig(m[1][0], 3),
            sig(m[0][1], 3),
            sig(m[1][1], 3),
            sig(det(&m), 3),
            self.orientation()
        )
    }

    fn code(&self) -> Option<String> {
        Some(self.python())
    }

    fn table(&self) -> Option<Table> {
        Some(self.data_table())
    }

    fn formula(&self) -> Option<Json> {
        Some(self.det_formula())
    }

    fn key_help(&self) -> &'static str {
        "n selects the image of e1 or e2, the arrow keys move it (Shift for larger steps), Home and End to the left and right edges; R resets."
    }

    fn height_for_width(&self, width_css: f64) -> f64 {
        if width_css >= 560.0 {
            (width_css * 0.6).clamp_to(320.0, 620.0)
        } else {
            width_css + 20.0
        }
    }

    fn drag_hint(&self) -> Option<[f64; 2]> {
        let t = self.plot()?.transform;
        let tip = [self.m[0][0], self.m[1][0]];
        t.contains(tip).then(|| t.to_px(tip))
    }

    fn pointer(&mut self, event: Pointer) -> bool {
        match event {
            Pointer::Down(px) => {
                let Some(info) = self.plot().cloned() else {
                    return false;
                };
                let t = info.transform;
                let tips = [[self.m[0][0], self.m[1][0]], [self.m[0][1], self.m[1][1]]];
                let nearest = tips
                    .iter()
                    .enumerate()
                    .map(|(j, v)| {
                        let q = t.to_px(*v);
                        (j, (q[0] - px[0]).hypot(q[1] - px[1]))
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                match nearest {
                    Some((j, d)) if d <= 16.0 * info.scale => {
                        self.drag = Some(j);
                        self.frozen_half = Some(self.half);
                        let changed = self.selected != j;
                        self.selected = j;
                        changed
                    }
                    _ => false,
                }
            }
            Pointer::Move(px) => match (self.drag, self.plot().map(|p| p.transform)) {
                (Some(j), Some(t)) => {
                    let [x, y] = t.to_data(px);
                    self.set_column(j, [x.clamp_to(t.x.lo, t.x.hi), y.clamp_to(t.y.lo, t.y.hi)])
                }
                _ => false,
            },
            Pointer::Up(_) | Pointer::Cancel => {
                let was = self.drag.take().is_some();
                if self.frozen_half.take().is_some() {
                    self.half = half_for(&self.m);
                }
                was
            }
        }
    }

    fn key(&mut self, key: Key<'_>) -> bool {
        let j = self.selected.min(1);
        let v = [self.m[0][j], self.m[1][j]];
        let d = if key.shift { 5.0 * SNAP } else { SNAP };
        match key.key {
            "n" | "]" | "[" => {
                self.selected = 1 - j;
                true
            }
            "ArrowLeft" => self.set_column(j, [v[0] - d, v[1]]),
            "ArrowRight" => self.set_column(j, [v[0] + d, v[1]]),
            "ArrowUp" => self.set_column(j, [v[0], v[1] + d]),
            "ArrowDown" => self.set_column(j, [v[0], v[1] - d]),
            "Home" | "End" => match self.plot().map(|p| p.transform.x) {
                Some(xs) => {
                    self.set_column(j, [if key.key == "Home" { xs.lo } else { xs.hi }, v[1]])
                }
                None => false,
            },
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
