//! Drawing the least-squares widget: the data with the fit, residuals and their squares; the
//! normal equations with numbers; and the projection of y onto the column space of A.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::LeastSquares;
use crate::math::least_squares::evaluate;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::Transform;
use crate::viz::widget::{Frame, PlotInfo};

/// Curve samples across the plot.
const SAMPLES: usize = 160;

impl LeastSquares {
    /// Draws the data panel and the text panel; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        let wide = frame.width_css() >= 560.0;
        let (left, right) = if wide {
            root.split_horizontally(w * 11 / 20)
        } else {
            root.split_vertically((w as f64 * 0.9).round() as u32)
        };
        let _ = h;
        let t = draw_axes(
            &left,
            frame,
            &Axes {
                caption: "Each point is an equation θ·(x-terms) = y",
                x: self.views.0,
                y: self.views.1,
                x_label: "x",
                y_label: "y",
                grid: true,
            },
        )?;
        self.draw_data(root, frame, &t)?;
        self.plots = vec![PlotInfo {
            id: "data",
            transform: t,
            scale: frame.scale,
        }];
        self.draw_panel(&right, frame)
    }

    fn draw_data(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let c = &self.fit.coefficients;
        // Squares first (under everything): side |r| in the y direction's pixels, so their
        // areas compare like r².
        if self.options.flag("show-squares") {
            let px_per_y = t.rect.height as f64 / t.y.width();
            for (p, r) in self.points.iter().zip(&self.fit.residuals) {
                let side = r.abs() * px_per_y;
                if side < 1.0 || !t.contains(*p) {
                    continue;
                }
                let a = t.to_px(*p);
                let b = t.to_px([p[0], p[1] - r]);
                let right_edge = (t.rect.x + t.rect.width) as f64;
                let dir = if a[0] + side <= right_edge { 1.0 } else { -1.0 };
                let x1 = (a[0] + dir * side).clamp_to(t.rect.x as f64, right_edge);
                let (top, bottom) = (
                    a[1].min(b[1]).max(t.rect.y as f64),
                    a[1].max(b[1]).min((t.rect.y + t.rect.height) as f64),
                );
                let corners = [(a[0], top), (x1, top), (x1, bottom), (a[0], bottom)];
                let pts: Vec<(i32, i32)> = corners
                    .iter()
                    .map(|(x, y)| (x.round() as i32, y.round() as i32))
                    .collect();
                root.draw(&Polygon::new(pts, theme.residual.mix(0.25).filled()))
                    .map_err(|e| e.to_string())?;
            }
        }
        let style = ShapeStyle::from(&theme.residual).stroke_width(stroke(frame, 1.5));
        for (p, fy) in self.points.iter().zip(&self.fit.fitted) {
            chart::segment(root, t, *p, [p[0], *fy], style, None)?;
        }
        // The fitted curve, sampled and clipped piece by piece.
        let curve = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.5));
        let at = |k: usize| {
            let x = t.x.lo + t.x.width() * k as f64 / SAMPLES as f64;
            [x, evaluate(c, x)]
        };
        for k in 0..SAMPLES {
            chart::segment(root, t, at(k), at(k + 1), curve, None)?;
        }
        for (i, p) in self.points.iter().enumerate() {
            if !t.contains(*p) {
                continue;
            }
            let q = t.to_px(*p);
            chart::disc(
                root,
                q,
                4.5 * s,
                &theme.points,
                &theme.background,
                stroke(frame, 1.0),
            )?;
            if i == self.selected {
                root.draw(&Circle::new(
                    (q[0].round() as i32, q[1].round() as i32),
                    (9.0 * s).round() as i32,
                    ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.0)),
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }

    fn draw_panel(&self, area: &DrawingArea<Recorder, Shift>, frame: &Frame) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let (w, h) = area.dim_in_pixel();
        let x = 14.0 * s;
        let mut y = 12.0 * s;
        let f = &self.fit;
        let p = f.degree + 1;
        let n = self.points.len();
        let line = |text: &str, size: f64, colour: &RGBColor, y: &mut f64| -> Result<(), String> {
            chart::label(
                area,
                frame,
                text,
                [x, *y],
                (HPos::Left, VPos::Top),
                size,
                colour,
            )?;
            *y += (size + 5.0) * s;
            Ok(())
        };
        let head = if f.is_exact_solve() {
            format!("{n} equations, {p} unknowns: an exact solve")
        } else {
            format!("{n} equations, {p} unknowns: least squares")
        };
        line(&head, 13.0, &theme.text, &mut y)?;
        line("Normal equations AᵀA·θ = Aᵀy:", 12.0, &theme.muted, &mut y)?;
        // AᵀA | Aᵀy as a grid.
        let cell = ((w as f64 / s - 40.0) / (p as f64 + 1.4)).clamp_to(44.0, 74.0) * s;
        let top = y;
        for (row, rhs) in f.normal_matrix.iter().zip(&f.normal_rhs) {
            for (j, v) in row.iter().chain([rhs]).enumerate() {
                let gap = if j == p { 10.0 * s } else { 0.0 };
                let right = x + (j as f64 + 1.0) * cell + gap;
                chart::label(
                    area,
                    frame,
                    &sig(*v, 4),
                    [right - 6.0 * s, y],
                    (HPos::Right, VPos::Top),
                    12.0,
                    &theme.text,
                )?;
            }
            y += 17.0 * s;
        }
        let bar = (x + p as f64 * cell + 4.0 * s).round() as i32;
        area.draw(&PathElement::new(
            vec![
                (bar, (top - 2.0 * s).round() as i32),
                (bar, (y - 3.0 * s).round() as i32),
            ],
            ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0)),
        ))
        .map_err(|e| e.to_string())?;
        y += 6.0 * s;
        let names = self.coefficient_names();
        let theta = names
            .iter()
            .zip(&f.coefficients)
            .map(|(k, v)| format!("{k} = {}", sig(*v, 4)))
            .collect::<Vec<_>>()
            .join(", ");
        line(
            &format!("Solved by QR: {theta}"),
            12.0,
            &theme.accent,
            &mut y,
        )?;
        line(
            &format!("RSS = Σ residual² = {} (the squares' area)", sig(f.rss, 4)),
            12.0,
            &theme.text,
            &mut y,
        )?;
        line(
            &format!("R² = {}", sig(f.r_squared(), 4)),
            12.0,
            &theme.text,
            &mut y,
        )?;
        // The projection picture, in the room that is left.
        let room = h as f64 - y - 10.0 * s;
        if room > 90.0 * s && f.tss > 0.0 {
            let height = room.min(150.0 * s);
            self.draw_projection(
                area,
                frame,
                [x, y + 6.0 * s],
                [w as f64 - 2.0 * x, height - 6.0 * s],
            )?;
        }
        Ok(())
    }

    /// y, its projection ŷ = A·θ onto the column space of A, and the residual r ⟂ it, all
    /// measured from the mean ȳ (the column of ones lies in the column space, so centring
    /// keeps the right angle): a right triangle with sides √TSS, √(TSS − RSS) and √RSS, whose
    /// angle φ has cos²φ = R².
    fn draw_projection(
        &self,
        area: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        at: [f64; 2],
        size: [f64; 2],
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let f = &self.fit;
        chart::label(
            area,
            frame,
            &format!(
                "y projected onto col(A), from ȳ: cos²φ = R² = {}",
                sig(f.r_squared(), 3)
            ),
            at,
            (HPos::Left, VPos::Top),
            11.0,
            &theme.muted,
        )?;
        let top = at[1] + 20.0 * s;
        let height = size[1] - 20.0 * s;
        let width = size[0].min(2.4 * height);
        // The plane as a parallelogram along the bottom.
        let base_y = top + height * 0.8;
        let skew = height * 0.22;
        let plane: Vec<(i32, i32)> = [
            (at[0], base_y + skew * 0.5),
            (at[0] + width * 0.8, base_y + skew * 0.5),
            (at[0] + width, base_y - skew * 0.5),
            (at[0] + width * 0.2, base_y - skew * 0.5),
        ]
        .iter()
        .map(|(a, b)| (a.round() as i32, b.round() as i32))
        .collect();
        area.draw(&Polygon::new(plane, theme.points.mix(0.12).filled()))
            .map_err(|e| e.to_string())?;
        chart::label(
            area,
            frame,
            "col(A)",
            [at[0] + 4.0 * s, base_y + skew * 0.5 + 3.0 * s],
            (HPos::Left, VPos::Top),
            11.0,
            &theme.points,
        )?;
        let cos = f.r_squared().clamp_to(0.0, 1.0).sqrt();
        let sin = (1.0 - cos * cos).max(0.0).sqrt();
        let origin = [at[0] + width * 0.12, base_y];
        let len = (width * 0.62).min(height * 0.72 / sin.max(0.05));
        let yhat = [origin[0] + len * cos, origin[1]];
        let ytip = [origin[0] + len * cos, origin[1] - len * sin];
        let arrow = |from: [f64; 2], to: [f64; 2], colour: &RGBColor| {
            chart::arrow(
                area,
                from,
                to,
                8.0 * s,
                ShapeStyle::from(colour).stroke_width(stroke(frame, 2.0)),
            )
        };
        arrow(origin, ytip, &theme.text)?;
        arrow(origin, yhat, &theme.accent)?;
        if len * sin > 2.0 * s {
            area.draw(&PathElement::new(
                vec![
                    (yhat[0].round() as i32, yhat[1].round() as i32),
                    (ytip[0].round() as i32, ytip[1].round() as i32),
                ],
                ShapeStyle::from(&theme.residual).stroke_width(stroke(frame, 2.0)),
            ))
            .map_err(|e| e.to_string())?;
            // The right angle between r and the plane.
            let k = 7.0 * s;
            area.draw(&PathElement::new(
                vec![
                    ((yhat[0] - k).round() as i32, yhat[1].round() as i32),
                    ((yhat[0] - k).round() as i32, (yhat[1] - k).round() as i32),
                    (yhat[0].round() as i32, (yhat[1] - k).round() as i32),
                ],
                ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0)),
            ))
            .map_err(|e| e.to_string())?;
        }
        chart::label(
            area,
            frame,
            &format!("y − ȳ (‖·‖² = TSS = {})", sig(f.tss, 3)),
            [ytip[0], ytip[1] - 6.0 * s],
            (HPos::Right, VPos::Bottom),
            11.0,
            &theme.text,
        )?;
        chart::label(
            area,
            frame,
            "ŷ = Aθ",
            [yhat[0] + 6.0 * s, yhat[1] + 3.0 * s],
            (HPos::Left, VPos::Top),
            11.0,
            &theme.accent,
        )?;

        // Right of r's middle, but clear of ŷ's label below when r is short; where it would
        // run out of the area, below ŷ's label instead.
        let text = format!("r = y − ŷ, ‖r‖² = {}", sig(f.rss, 3));
        let text_width = chart::measure_text(area, frame, &text, 11.0)?.0;
        let x = yhat[0] + 6.0 * s;
        let (at, anchor) = if x + text_width <= at[0] + size[0] {
            let y = ((yhat[1] + ytip[1]) / 2.0).min(yhat[1] - 10.0 * s);
            ([x, y], (HPos::Left, VPos::Center))
        } else {
            (
                [at[0] + size[0], yhat[1] + 18.0 * s],
                (HPos::Right, VPos::Top),
            )
        };
        chart::label(area, frame, &text, at, anchor, 11.0, &theme.muted)?;
        Ok(())
    }
}
