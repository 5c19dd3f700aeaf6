//! Drawing the matrix-transform widget: the transformed grid, the unit square's image coloured
//! by the sign of det A, the shape and its image, the basis-vector images with their handles,
//! and the eigenvector lines.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::MatrixTransform;
use crate::math::matrix2::{apply, det, eigen, is_singular, Eigen};
use crate::math::sorting::order_by;
use crate::viz::annotate::{backed_label, label_box};
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::{boxes_meet, segment_meets_box, Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

/// The house: a closed outline in the unit square's neighbourhood.
const HOUSE: [[f64; 2]; 7] = [
    [0.2, 0.0],
    [0.8, 0.0],
    [0.8, 0.6],
    [0.5, 0.95],
    [0.2, 0.6],
    [0.2, 0.0],
    [0.8, 0.6],
];

/// A label waiting to be drawn: text, pixel position, anchor, colour.
type Note = (String, [f64; 2], (HPos, VPos), RGBColor);

impl MatrixTransform {
    /// Draws the picture; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        root.fill(&theme.background).map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        // The plane is square, so that angles and areas show true; the panel goes beside it
        // in a wide widget and below it in a tall one.
        let side = w.min(h);
        let (area, panel) = if w >= h {
            root.split_horizontally(side)
        } else {
            root.split_vertically(side)
        };
        let span = Span::around(0.0, self.half);
        let t = draw_axes(
            &area,
            frame,
            &Axes {
                caption: "The plane after A: grid, unit square, shape",
                x: span,
                y: span,
                x_label: "x",
                y_label: "y",
                grid: false,
            },
        )?;
        let m = self.m;
        // The integer lattice (every `unit`-th line of it for a wide view) and its image, far
        // enough out to cover the view after a shear; at most 25 lines each way.
        let unit = lattice_unit(self.half);
        let n = (3.0 * self.half / unit).ceil().min(12.0) as i32;
        let far = n as f64 * unit;
        // The original grid, faint; then its image.
        let faint = ShapeStyle::from(&theme.grid).stroke_width(stroke(frame, 1.0));
        let image = ShapeStyle::from(&mix(theme.points, theme.background, 0.7))
            .stroke_width(stroke(frame, 1.0));
        for k in -n..=n {
            let k = k as f64 * unit;
            chart::segment(root, &t, [k, -far], [k, far], faint, None)?;
            chart::segment(root, &t, [-far, k], [far, k], faint, None)?;
        }
        for k in -n..=n {
            let k = k as f64 * unit;
            chart::segment(
                root,
                &t,
                apply(&m, [k, -far]),
                apply(&m, [k, far]),
                image,
                None,
            )?;
            chart::segment(
                root,
                &t,
                apply(&m, [-far, k]),
                apply(&m, [far, k]),
                image,
                None,
            )?;
        }
        // Labels drawn after every line.
        let mut notes: Vec<Note> = Vec::new();
        // The unit square's image: its signed area is det A.
        let d = det(&m);
        let singular = is_singular(&m);
        let fill = if d >= 0.0 { theme.points } else { theme.accent };
        let corners: Vec<(i32, i32)> = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]
            .iter()
            .map(|c| t.to_backend(clamp_to(&t, apply(&m, *c))))
            .collect();
        if !singular {
            root.draw(&Polygon::new(corners, fill.mix(0.25).filled()))
                .map_err(|e| e.to_string())?;
        } else {
            // The column space: everything lands on this line.
            let dir = if m[0][0].hypot(m[1][0]) >= m[0][1].hypot(m[1][1]) {
                [m[0][0], m[1][0]]
            } else {
                [m[0][1], m[1][1]]
            };
            let len = dir[0].hypot(dir[1]);
            if len > 0.0 {
                let k = 4.0 * self.half / len;
                let style = ShapeStyle::from(&theme.warning).stroke_width(stroke(frame, 3.0));
                chart::segment(
                    root,
                    &t,
                    [-k * dir[0], -k * dir[1]],
                    [k * dir[0], k * dir[1]],
                    style,
                    None,
                )?;
            }
        }
        // Eigenvector lines: A maps each onto itself, stretched by λ. Their labels are placed
        // once the columns' are known.
        let mut eigen_labels: Vec<(String, [f64; 2])> = Vec::new();
        if self.options.flag("show-eigenvectors") {
            if let Eigen::Real { values, vectors } = eigen(&m) {
                let style = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 1.5));
                let count = if (values[0] - values[1]).abs() <= 1e-12 * (1.0 + values[0].abs())
                    && vectors[0] == vectors[1]
                {
                    1
                } else {
                    2
                };
                for (l, v) in values.iter().zip(vectors).take(count) {
                    let k = 4.0 * self.half;
                    chart::segment(
                        root,
                        &t,
                        [-k * v[0], -k * v[1]],
                        [k * v[0], k * v[1]],
                        style,
                        Some(6.0 * frame.scale),
                    )?;
                    eigen_labels.push((format!("λ = {}", sig(*l, 3)), v));
                }
            }
        }
        // The shape and its image.
        let shape: Vec<[f64; 2]> = if self.options.choice("shape") == "circle" {
            // 48 steps of 7.5° by rotation, so no sine or cosine is needed at run time.
            let (c, sn) = (0.991_444_861_373_810_4, 0.130_526_192_220_051_57);
            let mut v = [0.45, 0.0];
            (0..=48)
                .map(|_| {
                    let p = [0.5 + v[0], 0.5 + v[1]];
                    v = [c * v[0] - sn * v[1], sn * v[0] + c * v[1]];
                    p
                })
                .collect()
        } else {
            HOUSE.to_vec()
        };
        let before = ShapeStyle::from(&mix(theme.text, theme.background, 0.6))
            .stroke_width(stroke(frame, 1.5));
        let after = ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 2.5));
        for pair in shape.windows(2) {
            if let [a, b] = pair {
                chart::segment(root, &t, *a, *b, before, Some(4.0 * frame.scale))?;
                chart::segment(root, &t, apply(&m, *a), apply(&m, *b), after, None)?;
            }
        }
        // The basis vectors' images, with handles at their tips.
        let origin = t.to_px([0.0, 0.0]);
        let mut handles: Vec<([f64; 2], RGBColor, bool)> = Vec::new();
        for (j, (name, colour)) in [("A·e₁", theme.accent), ("A·e₂", theme.points)]
            .iter()
            .enumerate()
        {
            let tip = [m[0][j], m[1][j]];
            let p = t.to_px(clamp_to(&t, tip));
            chart::arrow(
                root,
                origin,
                p,
                10.0 * frame.scale,
                ShapeStyle::from(colour).stroke_width(stroke(frame, 3.0)),
            )?;
            handles.push((p, *colour, j == self.selected));
            // Beside the tip, on the side away from the other column: outside the
            // parallelogram they span, off the arrow itself.
            let other = [m[0][1 - j], m[1][1 - j]];
            let uu = tip[0] * tip[0] + tip[1] * tip[1];
            let along = if uu > 0.0 {
                (other[0] * tip[0] + other[1] * tip[1]) / uu
            } else {
                0.0
            };
            let away = [along * tip[0] - other[0], along * tip[1] - other[1]];
            let text = format!("{name} = ({}, {})", sig(tip[0], 3), sig(tip[1], 3));
            let (at, anchor) = beside(&t, frame, &text, p, away);
            notes.push((text, at, anchor, *colour));
        }
        // Each eigenvalue along its line, at the first of a few spots out from the origin (either
        // way) where its patch is inside the plot and clear of the labels and handles so far.
        for (text, v) in eigen_labels {
            let anchor = (HPos::Left, VPos::Bottom);
            let r = 8.0 * frame.scale;
            let taken: Vec<[f64; 4]> = notes
                .iter()
                .map(|(text, at, anchor, _)| label_box(frame, text, *at, *anchor))
                .chain(
                    handles
                        .iter()
                        .map(|(p, _, _)| [p[0] - r, p[1] - r, p[0] + r, p[1] + r]),
                )
                .collect();
            let spots = [0.8, -0.8, 0.6, -0.6, 0.4, -0.4]
                .map(|f| t.to_px([v[0] * self.half * f, v[1] * self.half * f]));
            let clear = |at: &[f64; 2]| {
                let b = label_box(frame, &text, *at, anchor);
                t.rect.holds_box(b) && !taken.iter().any(|o| boxes_meet(*o, b))
            };
            let at = spots
                .iter()
                .find(|at| clear(at))
                .or_else(|| {
                    spots
                        .iter()
                        .find(|at| t.rect.holds_box(label_box(frame, &text, **at, anchor)))
                })
                .copied()
                .unwrap_or(spots[0]);
            notes.push((text, at, anchor, theme.reference));
        }
        // det A labels the square's image, in a place clear of the shape and the arrows.
        if !singular {
            let text = format!("det = {}", sig(d, 3));
            let image = |a: [f64; 2]| t.to_px(apply(&m, a));
            let mut lines: Vec<[[f64; 2]; 2]> = shape
                .windows(2)
                .map(|ab| [image(ab[0]), image(ab[1])])
                .collect();
            // The square's own edges (the arrows are two of them): the label is wholly
            // inside the square's image or wholly outside it, never across its edge.
            let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
            lines.extend(square.windows(2).map(|ab| [image(ab[0]), image(ab[1])]));
            let taken: Vec<[f64; 4]> = notes
                .iter()
                .map(|(text, at, anchor, _)| label_box(frame, text, *at, *anchor))
                .collect();
            if let Some(at) = det_spot(&t, frame, &text, &m, &lines, &taken) {
                notes.push((text, at, (HPos::Center, VPos::Center), theme.text));
            }
        }
        // Labels after every line, each on a patch of background, so no line crosses them.
        for (text, at, anchor, colour) in &notes {
            backed_label(root, frame, text, *at, *anchor, colour)?;
        }
        // The handles last: no label may hide what can be dragged.
        for (p, colour, selected) in handles {
            chart::disc(
                root,
                p,
                6.0 * frame.scale,
                &theme.background,
                &colour,
                stroke(frame, 2.5),
            )?;
            if selected {
                root.draw(&Circle::new(
                    (p[0].round() as i32, p[1].round() as i32),
                    (11.0 * frame.scale).round() as i32,
                    ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.0)),
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        self.plots = vec![PlotInfo {
            id: "plane",
            transform: t,
            scale: frame.scale,
        }];
        let (panel_w, panel_h) = panel.dim_in_pixel();
        if panel_w > 200 && f64::from(panel_h) >= 150.0 * frame.scale {
            self.draw_panel(&panel, frame)?;
        }
        Ok(())
    }

    /// The matrix with its columns coloured like the arrows, and what det A and the
    /// eigenvalues say.
    fn draw_panel(&self, area: &DrawingArea<Recorder, Shift>, frame: &Frame) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let m = self.m;
        let x = 16.0 * s;
        let mut y = 16.0 * s;
        chart::label(
            area,
            frame,
            "A =",
            [x, y + 10.0 * s],
            (HPos::Left, VPos::Center),
            14.0,
            &theme.text,
        )?;
        for (j, colour) in [theme.accent, theme.points].iter().enumerate() {
            for (i, row) in m.iter().enumerate() {
                let v = row.get(j).copied().unwrap_or(0.0);
                chart::label(
                    area,
                    frame,
                    &sig(v, 3),
                    [x + (80.0 + 56.0 * j as f64) * s, y + 20.0 * s * i as f64],
                    (HPos::Right, VPos::Top),
                    14.0,
                    colour,
                )?;
            }
        }
        y += 52.0 * s;
        let d = det(&m);
        let lines = [
            ("Columns: where e₁ and e₂ land.".to_string(), theme.muted),
            (format!("det A = {} = signed area", sig(d, 4)), theme.text),
            (
                match self.orientation() {
                    "preserved" => "orientation kept (blue square)".to_string(),
                    "reversed" => "orientation flipped (orange square)".to_string(),
                    _ => "the plane collapses onto a line".to_string(),
                },
                if is_singular(&m) {
                    theme.warning
                } else {
                    theme.text
                },
            ),
            (
                match eigen(&m) {
                    Eigen::Real { values, .. } => format!(
                        "eigenvalues {} and {}",
                        sig(values[0], 3),
                        sig(values[1], 3)
                    ),
                    Eigen::Complex { .. } => "no real eigenvector: A rotates".to_string(),
                },
                theme.reference,
            ),
        ];
        for (text, colour) in lines {
            chart::label(
                area,
                frame,
                &text,
                [x, y],
                (HPos::Left, VPos::Top),
                12.0,
                &colour,
            )?;
            y += 18.0 * s;
        }
        Ok(())
    }
}

/// 1 for views up to ±4; otherwise a 1-2-5 number near a quarter of the half-width.
fn lattice_unit(half: f64) -> f64 {
    if !(half.is_finite() && half > 4.0) {
        return 1.0;
    }
    let p = 10f64.powf((half / 4.0).log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|&c| c >= half / 4.0)
        .unwrap_or(10.0 * p)
}

/// Where a label goes beside the pixel position `at`: 10 px off it diagonally, towards the data
/// direction `dir` (y up), with the matching anchor; slid back along x when the estimated text
/// would leave the plot.
fn beside(
    t: &Transform,
    frame: &Frame,
    text: &str,
    at: [f64; 2],
    dir: [f64; 2],
) -> ([f64; 2], (HPos, VPos)) {
    let k = frame.scale;
    let width = 0.55 * 11.0 * k * text.chars().count() as f64 + 4.0 * k;
    let (left_edge, right_edge) = (t.rect.x as f64, (t.rect.x + t.rect.width) as f64);
    let right = dir[0] >= 0.0;
    let x = if right {
        (at[0] + 10.0 * k).min(right_edge - width)
    } else {
        (at[0] - 10.0 * k).max(left_edge + width)
    };
    let up = dir[1] >= 0.0;
    (
        [x, at[1] + if up { -8.0 } else { 8.0 } * k],
        (
            if right { HPos::Left } else { HPos::Right },
            if up { VPos::Bottom } else { VPos::Top },
        ),
    )
}

/// Where the centred det label goes: the centre of the unit square's image if its patch is
/// clear, else the clear point of a 9 × 9 grid over the square nearest the centre, else just
/// outside the square's image: past its far corner A·(1, 1), its edges' middles, its other
/// corners. Clear means inside the plot, off every line in `lines` (pixel segments) and off
/// every box in `taken`. When nowhere is clear: the centre if it is in view, else None.
fn det_spot(
    t: &Transform,
    frame: &Frame,
    text: &str,
    m: &[[f64; 2]; 2],
    lines: &[[[f64; 2]; 2]],
    taken: &[[f64; 4]],
) -> Option<[f64; 2]> {
    let anchor = (HPos::Center, VPos::Center);
    let (left, top) = (t.rect.x as f64, t.rect.y as f64);
    let (right, bottom) = (left + t.rect.width as f64, top + t.rect.height as f64);
    let clear = |at: [f64; 2]| {
        let b = label_box(frame, text, at, anchor);
        // Lines are 2.5 px wide at most: half of that, and a pixel of air.
        let pad = 2.5 * frame.scale;
        let wide = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
        t.rect.holds_box(b)
            && !lines.iter().any(|[p, q]| segment_meets_box(*p, *q, wide))
            && !taken.iter().any(|o| boxes_meet(*o, b))
    };
    let grid: Vec<[f64; 2]> = (0..9)
        .flat_map(|i| (0..9).map(move |j| [0.1 * i as f64 + 0.1, 0.1 * j as f64 + 0.1]))
        .collect();
    let from_centre: Vec<f64> = grid
        .iter()
        .map(|p| (p[0] - 0.5).powi(2) + (p[1] - 0.5).powi(2))
        .collect();
    let centre = t.to_px(apply(m, [0.5, 0.5]));
    let inside = order_by(&from_centre)
        .into_iter()
        .map(|k| t.to_px(apply(m, grid[k])));
    // Just outside the square's image, past a point of its edge, away from the centre: the
    // patch's nearest side 3 px beyond it (then pulled into the plot). The far corner first,
    // then the edges' middles, then the other corners.
    let b = label_box(frame, text, [0.0, 0.0], anchor);
    let past = |edge: [f64; 2]| {
        let p = t.to_px(apply(m, edge));
        let out = [p[0] - centre[0], p[1] - centre[1]];
        let len = out[0].hypot(out[1]);
        (len > 0.0).then(|| {
            let u = [out[0] / len, out[1] / len];
            // How far the patch reaches along u from its centre, then the gap.
            let reach =
                0.5 * (u[0].abs() * (b[2] - b[0]) + u[1].abs() * (b[3] - b[1])) + 3.0 * frame.scale;
            // Pulled into the plot if it would stick out.
            let (half_w, half_h) = (0.5 * (b[2] - b[0]), 0.5 * (b[3] - b[1]));
            [
                (p[0] + u[0] * reach).clamp_to(left + half_w, (right - half_w).max(left + half_w)),
                (p[1] + u[1] * reach).clamp_to(top + half_h, (bottom - half_h).max(top + half_h)),
            ]
        })
    };
    let edge = [
        [1.0, 1.0],
        [0.5, 1.0],
        [1.0, 0.5],
        [0.5, 0.0],
        [0.0, 0.5],
        [1.0, 0.0],
        [0.0, 1.0],
        [0.0, 0.0],
    ];
    inside
        .chain(edge.into_iter().filter_map(past))
        .find(|at| clear(*at))
        .or_else(|| t.contains(apply(m, [0.5, 0.5])).then_some(centre))
}

/// `p` pulled into the plotted ranges (so a far tip still shows, at the edge).
fn clamp_to(t: &Transform, p: [f64; 2]) -> [f64; 2] {
    [p[0].clamp_to(t.x.lo, t.x.hi), p[1].clamp_to(t.y.lo, t.y.hi)]
}
