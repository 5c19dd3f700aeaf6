//! Drawing the gradient-descent widget: the data panel and the cost panel.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use std::rc::Rc;

use super::{FieldKey, GradientDescent};
use crate::math::descent::Status;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::curves::{draw_log_gap, polyline, Curve};
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::banded_field;
use crate::viz::geometry::{PixelRect, Transform};
use crate::viz::widget::{Frame, PlotInfo};

/// The most path vertices drawn; longer paths are thinned to vertices a pixel apart.
const MAX_PATH_VERTICES: usize = 4_000;

impl GradientDescent {
    /// Draws both panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        let theme = frame.theme;
        root.fill(&theme.background).map_err(|e| e.to_string())?;
        let view = self.options.choice("view");
        let panels = layout(root, frame.width_css() >= 560.0, view);
        let views = self.model.views;

        let data_t = draw_axes(
            &panels.data,
            frame,
            &Axes {
                caption: if self.model.scale.is_some() {
                    "Data, x scaled: y = m·x′ + c"
                } else {
                    "Data and the line y = m·x + c"
                },
                x: views.x,
                y: views.y,
                x_label: if self.model.scale.is_some() {
                    "x′ = (x − x̄)/s"
                } else {
                    "x"
                },
                y_label: "y",
                grid: true,
            },
        )?;
        let mut cost_plots = Vec::with_capacity(2);
        if let Some(area) = &panels.contour {
            let cost_t = draw_axes(
                area,
                frame,
                &Axes {
                    caption: "Cost J(m, c) and the descent path",
                    x: views.m,
                    y: views.c,
                    x_label: "slope m",
                    y_label: "intercept c",
                    grid: false,
                },
            )?;
            self.put_cost_field(frame, &cost_t, fields)?;
            self.draw_path(root, frame, &cost_t)?;
            cost_plots.push(("cost", cost_t));
        }
        if let Some(area) = &panels.surface {
            let (xs, ys) = area.get_pixel_range();
            let rect = PixelRect {
                x: xs.start,
                y: ys.start,
                width: xs.end - xs.start,
                height: ys.end - ys.start,
            };
            cost_plots.push(("surface", self.draw_surface(root, frame, rect)?));
        }
        self.draw_data(root, frame, &data_t)?;
        let values: Vec<f64> = self.descent.iterates().iter().map(|i| i.value).collect();
        let loss_t = draw_log_gap(
            &panels.strip,
            root,
            frame,
            "Cost against the step",
            &[Curve {
                values: &values,
                colour: theme.accent,
                sets_range: !matches!(self.descent.status(), Status::Diverged { .. }),
            }],
            self.model.fit.min_cost(),
        )?;
        if let Some((plot, at)) = self.keyboard_focus() {
            let t = match cost_plots.iter().find(|(id, _)| *id == plot) {
                Some((_, t)) => t,
                None => &data_t,
            };
            if t.contains(at) {
                let [x, y] = t.to_px(at);
                let r = 11.0 * frame.scale;
                root.draw(&Rectangle::new(
                    [
                        ((x - r).round() as i32, (y - r).round() as i32),
                        ((x + r).round() as i32, (y + r).round() as i32),
                    ],
                    ShapeStyle::from(&frame.theme.text).stroke_width(stroke(frame, 2.0)),
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        let plot = |id, transform| PlotInfo {
            id,
            transform,
            scale: frame.scale,
        };
        self.plots = std::iter::once(plot("data", data_t))
            .chain(cost_plots.into_iter().map(|(id, t)| plot(id, t)))
            .chain(std::iter::once(plot("loss", loss_t)))
            .collect();
        Ok(())
    }
}

/// Where each panel goes.
struct Panels<DB: DrawingBackend> {
    data: DrawingArea<DB, Shift>,
    contour: Option<DrawingArea<DB, Shift>>,
    surface: Option<DrawingArea<DB, Shift>>,
    strip: DrawingArea<DB, Shift>,
}

/// The panels' places. Wide: the data over the cost-against-step strip on the left, the cost
/// (contours or 3-D) on the right; with both cost views, three columns — data and strip, the
/// contours, the surface. Narrow: everything stacked.
fn layout<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, wide: bool, view: &str) -> Panels<DB> {
    let (w, h) = root.dim_in_pixel();
    let both = view == "both";
    // One cost view goes where `view` says.
    let one = |area| {
        if view == "surface" {
            (None, Some(area))
        } else {
            (Some(area), None)
        }
    };
    let at = |fraction: f64, of: u32| (of as f64 * fraction).round() as u32;
    if wide {
        let (column, rest) = root.split_horizontally(if both { at(1.0 / 3.0, w) } else { w / 2 });
        let (data, strip) = column.split_vertically(at(0.62, h));
        let (contour, surface) = if both {
            let (contour, surface) = rest.split_horizontally(rest.dim_in_pixel().0 / 2);
            (Some(contour), Some(surface))
        } else {
            one(rest)
        };
        return Panels {
            data,
            contour,
            surface,
            strip,
        };
    }
    if both {
        let (data, rest) = root.split_vertically(at(0.26, h));
        let (contour, rest) = rest.split_vertically(at(0.28, h));
        let (surface, strip) = rest.split_vertically(at(0.28, h));
        return Panels {
            data,
            contour: Some(contour),
            surface: Some(surface),
            strip,
        };
    }
    let (data, rest) = root.split_vertically(at(0.36, h));
    let (cost, strip) = rest.split_vertically(at(0.36, h));
    let (contour, surface) = one(cost);
    Panels {
        data,
        contour,
        surface,
        strip,
    }
}

impl GradientDescent {
    fn put_cost_field(
        &mut self,
        frame: &Frame,
        t: &Transform,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        let key = FieldKey {
            rect: t.rect,
            m: t.x,
            c: t.y,
            fit: self.model.fit,
            dark: frame.theme.dark,
        };
        let fresh = matches!(&self.field, Some((k, _)) if *k == key);
        if !fresh {
            let fit = self.model.fit;
            let lo = fit.min_cost();
            let hi = [
                (t.x.lo, t.y.lo),
                (t.x.lo, t.y.hi),
                (t.x.hi, t.y.lo),
                (t.x.hi, t.y.hi),
            ]
            .iter()
            .map(|&(m, c)| fit.cost(m, c))
            .fold(lo, f64::max);
            self.field_version += 1;
            let field = banded_field(t, lo, hi, &frame.theme, self.field_version, |m, c| {
                fit.cost(m, c)
            });
            self.field = Some((key, Rc::new(field)));
        }
        if let Some((_, field)) = &self.field {
            fields.put(Rc::clone(field));
        }
        Ok(())
    }

    fn draw_data<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let [m, c] = self.descent.current().theta;
        let [ms, cs] = self.model.fit.least_squares();
        let (x0, x1) = (t.x.lo, t.x.hi);
        if self.options.flag("show-residuals") {
            let style = ShapeStyle::from(&theme.residual).stroke_width(stroke(frame, 1.5));
            for p in &self.model.used {
                chart::segment(root, t, *p, [p[0], m * p[0] + c], style, None)?;
            }
        }
        let reference = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 1.5));
        chart::segment(
            root,
            t,
            [x0, ms * x0 + cs],
            [x1, ms * x1 + cs],
            reference,
            Some(6.0 * frame.scale),
        )?;
        let current = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.5));
        chart::segment(root, t, [x0, m * x0 + c], [x1, m * x1 + c], current, None)?;
        for p in &self.model.used {
            if t.contains(*p) {
                chart::disc(
                    root,
                    t.to_px(*p),
                    4.5 * frame.scale,
                    &theme.points,
                    &theme.background,
                    stroke(frame, 1.0),
                )?;
            }
        }
        Ok(())
    }

    fn draw_path<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        // The minimum.
        let best = self.model.fit.least_squares();
        if t.contains(best) {
            let [x, y] = t.to_px(best);
            let arm = 6.0 * s;
            let style = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 2.0));
            for (dx, dy) in [(arm, arm), (arm, -arm)] {
                let a = ((x - dx).round() as i32, (y - dy).round() as i32);
                let b = ((x + dx).round() as i32, (y + dy).round() as i32);
                root.draw(&PathElement::new(vec![a, b], style))
                    .map_err(|e| e.to_string())?;
            }
            chart::label(
                root,
                frame,
                "min",
                [x + arm + 3.0 * s, y + arm],
                (HPos::Left, VPos::Top),
                11.0,
                &theme.reference,
            )?;
        }
        // The path, thinned to vertices at least a pixel apart, clipped to the plot.
        let its = self.descent.iterates();
        let min_gap = (its.len() as f64 / MAX_PATH_VERTICES as f64).max(1.0);
        let path_style = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.0));
        polyline(root, t, its.iter().map(|i| i.theta), path_style, min_gap)?;
        // Vertices of the last few steps, so individual steps are visible.
        for it in its.iter().rev().take(60).skip(1) {
            if t.contains(it.theta) {
                chart::disc(
                    root,
                    t.to_px(it.theta),
                    2.2 * s,
                    &theme.accent,
                    &theme.accent,
                    1,
                )?;
            }
        }
        // The start as a ring.
        if let Some(first) = its.first() {
            if t.contains(first.theta) {
                let [x, y] = t.to_px(first.theta);
                root.draw(&Circle::new(
                    (x.round() as i32, y.round() as i32),
                    (6.0 * s).round() as i32,
                    ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.0)),
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        let now = self.descent.current();
        if t.contains(now.theta) {
            let p = t.to_px(now.theta);
            // −∇J in pixel space (y flips), drawn with a fixed on-screen length.
            let g = now.gradient;
            let d = [
                -g[0] / t.x.width() * t.rect.width as f64,
                g[1] / t.y.width() * t.rect.height as f64,
            ];
            let len = d[0].hypot(d[1]);
            if self.descent.status() != Status::Converged && len > 0.0 && len.is_finite() {
                let l = 38.0 * s;
                let tip = [p[0] + d[0] / len * l, p[1] + d[1] / len * l];
                chart::arrow(
                    root,
                    p,
                    tip,
                    8.0 * s,
                    ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 2.0)),
                )?;
                chart::label(
                    root,
                    frame,
                    "−∇J",
                    [tip[0] + 4.0 * s, tip[1]],
                    (HPos::Left, VPos::Center),
                    12.0,
                    &theme.text,
                )?;
            }
            chart::disc(
                root,
                p,
                5.5 * s,
                &theme.accent,
                &theme.background,
                stroke(frame, 1.5),
            )?;
        }
        Ok(())
    }
}
