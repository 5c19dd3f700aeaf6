//! Drawing the optimizers widget: the surface's contours with every path on them, and each
//! optimizer's value against the step, with a legend.

use std::ops::Range;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{FieldKey, Optimizers, RACERS};
use crate::math::descent::Status;
use crate::math::race::Run;
use crate::math::surfaces::Surface;
use crate::math::Objective2;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::curves::{draw_log_gap_dot, draw_log_gap_piece, log_gap_axes, polyline, Curve};
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::banded_field;
use crate::viz::geometry::Transform;
use crate::viz::pieces::pieces;
use crate::viz::widget::{Frame, PlotInfo};

/// The value panel's caption.
const VALUES_CAPTION: &str = "log₁₀(f − f*) against the step";

/// The two plots and the value curves drawn on one of them.
struct Panels<'a> {
    surface: &'a Transform,
    values: &'a Transform,
    curves: &'a [Curve<'a>],
}

/// Each racer's colour (in [`RACERS`] order) on a light and on a dark page: distinct hues, each
/// with at least 3:1 contrast against the field's palest and darkest band.
const COLOURS: [(RGBColor, RGBColor); 6] = [
    (RGBColor(196, 64, 0), RGBColor(255, 150, 70)),
    (RGBColor(20, 40, 110), RGBColor(150, 200, 255)),
    (RGBColor(125, 35, 165), RGBColor(215, 160, 255)),
    (RGBColor(0, 112, 100), RGBColor(90, 220, 200)),
    (RGBColor(180, 20, 95), RGBColor(255, 125, 185)),
    (RGBColor(40, 110, 20), RGBColor(160, 230, 120)),
];

/// The colour of racer `index` in `frame`'s theme.
pub fn colour(index: usize, frame: &Frame) -> RGBColor {
    let (light, dark) = COLOURS[index % COLOURS.len()];
    if frame.theme.dark {
        dark
    } else {
        light
    }
}

/// Values transformed so that [`banded_field`]'s square-root banding gives evenly spaced rings
/// on a bowl and logarithmically spaced rings on the steep surfaces.
fn shade(surface: &Surface, v: f64, min_value: f64) -> f64 {
    let d = (v - min_value).max(0.0);
    match surface {
        Surface::Rosenbrock | Surface::Himmelblau => d.ln_1p().powi(2),
        _ => d,
    }
}

impl Optimizers {
    /// Draws both panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        let wide = frame.width_css() >= 560.0;
        let (left, right) = if wide {
            root.split_horizontally((w as f64 * 0.58).round() as u32)
        } else {
            let top = (h as f64 * 0.55).round() as u32;
            root.split_vertically(top.min(h))
        };
        // Stacked, the legend gets a strip of its own under the values' plot: inside it, in a
        // plot that narrow, it hid the slower racers' curves.
        let (right, strip) = if wide {
            (right, None)
        } else {
            let (_, rh) = right.dim_in_pixel();
            let rows = self.race.runs.len().div_ceil(2) as f64;
            let band = ((rows * 15.0 + 6.0) * frame.scale).round() as u32;
            let (plot, strip) = right.split_vertically(rh.saturating_sub(band));
            (plot, Some(strip))
        };
        let (xs, ys) = self.domain();
        let regression = matches!(self.race.surface, Surface::Regression(_));
        let surface_t = draw_axes(
            &left,
            frame,
            &Axes {
                caption: self.race.surface.formula(),
                x: xs,
                y: ys,
                x_label: if regression { "slope m" } else { "x" },
                y_label: if regression { "intercept c" } else { "y" },
                grid: false,
            },
        )?;
        self.put_field(frame, &surface_t, fields)?;
        self.draw_minima(root, frame, &surface_t)?;
        // Everything that stays still while the race runs is drawn first, then the paths'
        // settled pieces in the order they settled, so that all of it can stay on the
        // animation's still layer (see `viz::layers` and `viz::pieces`); then, after the mark
        // that says so, what moves.
        let values = self.values();
        let curves = self.curves(&values, frame);
        let loss_t = log_gap_axes(&right, frame, VALUES_CAPTION, &curves, self.race.min_value)?;
        self.draw_start(root, frame, &surface_t)?;
        let panels = Panels {
            surface: &surface_t,
            values: &loss_t,
            curves: &curves,
        };
        let mut tails = Vec::with_capacity(self.race.runs.len());
        let mut settled = Vec::with_capacity(self.race.runs.len());
        for (_, run) in &self.race.runs {
            let finished = run.status() != Status::Running;
            let (list, tail) = pieces(run.points().len(), finished);
            settled.push(list.into_iter().peekable());
            tails.push(tail);
        }
        // Merged by the step each piece ends at: racers step together, so this is the order
        // in which they settled.
        while let Some(k) = (0..settled.len())
            .filter_map(|k| settled[k].peek().map(|r| (r.end, k)))
            .min()
            .map(|(_, k)| k)
        {
            if let Some(range) = settled[k].next() {
                self.draw_piece(root, frame, &panels, k, range)?;
            }
        }
        fields.still();
        for (k, tail) in tails.into_iter().enumerate() {
            let len = self.race.runs[k].1.points().len();
            self.draw_piece(root, frame, &panels, k, tail..len)?;
        }
        let s = frame.scale;
        chart::label(
            root,
            frame,
            &format!("step {}", self.race.steps),
            [
                surface_t.rect.x as f64 + 6.0 * s,
                surface_t.rect.y as f64 + 5.0 * s,
            ],
            (HPos::Left, VPos::Top),
            12.0,
            &frame.theme.text,
        )?;
        for (k, (i, run)) in self.race.runs.iter().enumerate() {
            draw_marker(root, frame, &surface_t, run, colour(*i, frame), k)?;
            draw_log_gap_dot(root, frame, &loss_t, &curves[k], self.race.min_value)?;
        }
        match &strip {
            Some(strip) => {
                let (x, y) = strip.get_base_pixel();
                let (w, _) = strip.dim_in_pixel();
                // Two columns under the plot, from the left of the y axis's band.
                let s = frame.scale;
                let columns = [
                    x as f64 + 12.0 * s,
                    x as f64 + 12.0 * s + f64::from(w) / 2.0,
                ];
                self.draw_legend(root, frame, columns, y as f64, 2, false)?;
            }
            None => {
                let s = frame.scale;
                let x0 = (loss_t.rect.x + loss_t.rect.width) as f64 - 122.0 * s;
                let y0 = loss_t.rect.y as f64 + 4.0 * s;
                self.draw_legend(root, frame, [x0, x0], y0, 1, true)?;
            }
        }
        self.plots = vec![
            PlotInfo {
                id: "surface",
                transform: surface_t,
                scale: frame.scale,
            },
            PlotInfo {
                id: "values",
                transform: loss_t,
                scale: frame.scale,
            },
        ];
        Ok(())
    }

    fn put_field(
        &mut self,
        frame: &Frame,
        t: &Transform,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        let key = FieldKey {
            rect: t.rect,
            x: t.x,
            y: t.y,
            surface: self.race.surface.id(),
            dark: frame.theme.dark,
        };
        if !matches!(&self.field, Some((k, _)) if *k == key) {
            let surface = self.race.surface;
            let min_value = self.race.min_value;
            // The top band: the largest value on a coarse grid over the plot.
            let mut hi: f64 = 0.0;
            for i in 0..=16 {
                for j in 0..=16 {
                    let p = [
                        t.x.lo + t.x.width() * i as f64 / 16.0,
                        t.y.lo + t.y.width() * j as f64 / 16.0,
                    ];
                    let v = shade(&surface, surface.value(p), min_value);
                    if v.is_finite() {
                        hi = hi.max(v);
                    }
                }
            }
            self.field_version += 1;
            let field = banded_field(
                t,
                0.0,
                hi.max(1e-12),
                &frame.theme,
                self.field_version,
                |x, y| shade(&surface, surface.value([x, y]), min_value),
            );
            self.field = Some((key, Rc::new(field)));
        }
        if let Some((_, field)) = &self.field {
            fields.put(Rc::clone(field));
        }
        Ok(())
    }

    fn draw_minima<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let arm = 5.0 * frame.scale;
        let style = ShapeStyle::from(&frame.theme.reference).stroke_width(stroke(frame, 2.0));
        for m in self.race.surface.minima() {
            if !t.contains(m) {
                continue;
            }
            let [x, y] = t.to_px(m);
            for (dx, dy) in [(arm, arm), (arm, -arm)] {
                let a = ((x - dx).round() as i32, (y - dy).round() as i32);
                let b = ((x + dx).round() as i32, (y + dy).round() as i32);
                root.draw(&PathElement::new(vec![a, b], style))
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }

    fn draw_start<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let start = self.start();
        if !t.contains(start) {
            return Ok(());
        }
        let [x, y] = t.to_px(start);
        root.draw(&Circle::new(
            (x.round() as i32, y.round() as i32),
            (7.0 * frame.scale).round() as i32,
            ShapeStyle::from(&frame.theme.text).stroke_width(stroke(frame, 2.0)),
        ))
        .map_err(|e| e.to_string())
    }

    /// Each racer's value at every step so far.
    fn values(&self) -> Vec<Vec<f64>> {
        self.race
            .runs
            .iter()
            .map(|(_, run)| run.points().iter().map(|p| p.value).collect())
            .collect()
    }

    /// The value-against-step curves: a diverged racer does not stretch the scale.
    fn curves<'a>(&self, values: &'a [Vec<f64>], frame: &Frame) -> Vec<Curve<'a>> {
        self.race
            .runs
            .iter()
            .zip(values)
            .map(|((i, run), v)| Curve {
                values: v,
                colour: colour(*i, frame),
                sets_range: !matches!(run.status(), Status::Diverged { .. }),
            })
            .collect()
    }

    /// The steps `range` of racer `k`: its path on the surface and its value curve.
    fn draw_piece(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        panels: &Panels<'_>,
        k: usize,
        range: Range<usize>,
    ) -> Result<(), String> {
        let Some(curve) = panels.curves.get(k) else {
            return Ok(());
        };
        let points = self.race.runs[k]
            .1
            .points()
            .get(range.clone())
            .unwrap_or_default();
        let style = ShapeStyle::from(&curve.colour).stroke_width(stroke(frame, 2.0));
        polyline(
            root,
            panels.surface,
            points.iter().map(|p| p.theta),
            style,
            1.0,
        )?;
        draw_log_gap_piece(
            root,
            frame,
            panels.values,
            curve,
            range,
            self.race.min_value,
        )
    }

    /// The legend: a line of each racer's colour and its name (✓ converged, ✗ diverged), in
    /// `columns` columns starting at the x positions in `x`, rows from `y0` down; on a patch of
    /// the background, 118 px wide, when `backed` (it sits on a plot then).
    fn draw_legend<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        x: [f64; 2],
        y0: f64,
        columns: usize,
        backed: bool,
    ) -> Result<(), String> {
        let s = frame.scale;
        let line_h = 15.0 * s;
        let rows = self.race.runs.len().div_ceil(columns.max(1));
        if rows == 0 {
            return Ok(());
        }
        if backed {
            let x0 = x[0];
            root.draw(&Rectangle::new(
                [
                    (x0.round() as i32, y0.round() as i32),
                    (
                        (x0 + 118.0 * s).round() as i32,
                        (y0 + rows as f64 * line_h + 6.0 * s).round() as i32,
                    ),
                ],
                ShapeStyle::from(frame.theme.background.mix(0.8)).filled(),
            ))
            .map_err(|e| e.to_string())?;
        }
        for (k, (i, run)) in self.race.runs.iter().enumerate() {
            let (row, x0) = (k % rows, x[(k / rows).min(1)]);
            let y = y0 + 3.0 * s + (row as f64 + 0.5) * line_h;
            let c = colour(*i, frame);
            root.draw(&PathElement::new(
                vec![
                    ((x0 + 5.0 * s).round() as i32, y.round() as i32),
                    ((x0 + 19.0 * s).round() as i32, y.round() as i32),
                ],
                ShapeStyle::from(&c).stroke_width(stroke(frame, 3.0)),
            ))
            .map_err(|e| e.to_string())?;
            let mark = match run.status() {
                Status::Running => "",
                Status::Converged => " ✓",
                Status::Diverged { .. } => " ✗",
            };
            let name = RACERS.get(*i).map_or("", |r| r.label);
            chart::label(
                root,
                frame,
                &format!("{name}{mark}"),
                [x0 + 24.0 * s, y],
                (HPos::Left, VPos::Center),
                11.0,
                &frame.theme.text,
            )?;
        }
        Ok(())
    }
}

/// One optimizer's current point on the surface; a diverged run is marked where it was last
/// seen inside the plot.
fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    t: &Transform,
    run: &Run,
    colour: RGBColor,
    order: usize,
) -> Result<(), String> {
    let s = frame.scale;
    let now = run.current().theta;
    if t.contains(now) {
        // Discs of equal size would hide each other at a shared start: later racers are smaller.
        let radius = (5.5 - 0.4 * order as f64) * s;
        chart::disc(
            root,
            t.to_px(now),
            radius,
            &colour,
            &frame.theme.background,
            stroke(frame, 1.5),
        )?;
    }
    if matches!(run.status(), Status::Diverged { .. }) {
        if let Some(p) = run.points().iter().rev().find(|p| t.contains(p.theta)) {
            chart::label(
                root,
                frame,
                "✗",
                t.to_px(p.theta),
                (HPos::Center, VPos::Center),
                16.0,
                &colour,
            )?;
        }
    }
    Ok(())
}
