//! Drawing the regression-statistics widget: the data with the fitted line and its confidence
//! band, and the residuals against x.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{RegressionStats, BAND_LEVEL};
use crate::viz::annotate::backed_label;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::Transform;
use crate::viz::widget::{Frame, PlotInfo};

type Area = DrawingArea<Recorder, Shift>;

/// Samples along the band's edges.
const BAND_POINTS: usize = 80;

impl RegressionStats {
    /// Draws both panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(&mut self, root: &Area, frame: &Frame) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        let (left, right) = if frame.width_css() >= 560.0 {
            root.split_horizontally(w / 2)
        } else {
            root.split_vertically(h / 2)
        };
        let m = &self.model;
        let data_t = draw_axes(
            &left,
            frame,
            &Axes {
                caption: "Data, least-squares line and 95 % band",
                x: m.x_view,
                y: m.y_view,
                x_label: m.table.header.as_ref().map_or("x", |h| h[0].as_str()),
                y_label: m.table.header.as_ref().map_or("y", |h| h[1].as_str()),
                grid: true,
            },
        )?;
        let resid_t = draw_axes(
            &right,
            frame,
            &Axes {
                caption: "Residuals y − ŷ",
                x: m.x_view,
                y: m.r_view,
                x_label: m.table.header.as_ref().map_or("x", |h| h[0].as_str()),
                y_label: "residual",
                grid: true,
            },
        )?;
        self.draw_data(root, frame, &data_t)?;
        self.draw_residuals(root, frame, &resid_t)?;
        self.plots = vec![
            PlotInfo {
                id: "data",
                transform: data_t,
                scale: frame.scale,
            },
            PlotInfo {
                id: "residuals",
                transform: resid_t,
                scale: frame.scale,
            },
        ];
        Ok(())
    }

    fn draw_data(&self, root: &Area, frame: &Frame, t: &Transform) -> Result<(), String> {
        let theme = &frame.theme;
        let o = &self.model.ols;
        let (x0, x1) = (t.x.lo, t.x.hi);
        // The band: upper edge left to right, lower edge back, clamped to the plot.
        let band = o.band(BAND_LEVEL).ok();
        let edge = |sign: f64, i: usize| {
            let x = x0 + (x1 - x0) * i as f64 / BAND_POINTS as f64;
            let h = band.map_or(0.0, |b| b.half_width(x));
            let y = (o.predict(x) + sign * h).clamp_to(t.y.lo, t.y.hi);
            t.to_backend([x, y])
        };
        let mut band: Vec<(i32, i32)> = (0..=BAND_POINTS).map(|i| edge(1.0, i)).collect();
        band.extend((0..=BAND_POINTS).rev().map(|i| edge(-1.0, i)));
        root.draw(&Polygon::new(band, theme.reference.mix(0.18).filled()))
            .map_err(|e| e.to_string())?;
        let line = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 2.5));
        chart::segment(
            root,
            t,
            [x0, o.predict(x0)],
            [x1, o.predict(x1)],
            line,
            None,
        )?;
        let resid = ShapeStyle::from(&theme.residual).stroke_width(stroke(frame, 1.0));
        for p in &self.model.points {
            chart::segment(root, t, *p, [p[0], o.predict(p[0])], resid, None)?;
        }
        let k = frame.scale;
        let label = format!(
            "ŷ = {} + {}·x, R² = {}",
            sig(o.intercept, 3),
            sig(o.slope, 3),
            sig(o.r_squared, 3)
        );
        // The label first: the points stay visible on top of its background patch.
        backed_label(
            root,
            frame,
            &label,
            [t.rect.x as f64 + 4.0 * k, t.rect.y as f64 + 3.0 * k],
            (HPos::Left, VPos::Top),
            &theme.reference,
        )?;
        self.draw_points(root, frame, t, &|p| p)
    }

    fn draw_residuals(&self, root: &Area, frame: &Frame, t: &Transform) -> Result<(), String> {
        let theme = &frame.theme;
        let o = self.model.ols;
        let zero = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 1.5));
        chart::segment(root, t, [t.x.lo, 0.0], [t.x.hi, 0.0], zero, None)?;
        let s = o.residual_se;
        let band = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0));
        for y in [-2.0 * s, 2.0 * s] {
            chart::segment(
                root,
                t,
                [t.x.lo, y],
                [t.x.hi, y],
                band,
                Some(4.0 * frame.scale),
            )?;
        }
        let stem = ShapeStyle::from(&theme.residual).stroke_width(stroke(frame, 1.0));
        for p in &self.model.points {
            let r = p[1] - o.predict(p[0]);
            chart::segment(root, t, [p[0], 0.0], [p[0], r], stem, None)?;
        }
        let k = frame.scale;
        backed_label(
            root,
            frame,
            &format!("±2s, s = {}", sig(s, 3)),
            [
                (t.rect.x + t.rect.width) as f64 - 4.0 * k,
                t.rect.y as f64 + 3.0 * k,
            ],
            (HPos::Right, VPos::Top),
            &theme.muted,
        )?;
        self.draw_points(root, frame, t, &|p| [p[0], p[1] - o.predict(p[0])])
    }

    /// The points, mapped by `at` into the plot's data space; the selected one ringed.
    fn draw_points(
        &self,
        root: &Area,
        frame: &Frame,
        t: &Transform,
        at: &dyn Fn([f64; 2]) -> [f64; 2],
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let k = frame.scale;
        for (i, p) in self.model.points.iter().enumerate() {
            let q = at(*p);
            if !t.contains(q) {
                continue;
            }
            let selected = Some(i) == self.selected;
            let (fill, ring, r) = if selected {
                (&theme.accent, &theme.text, 5.5 * k)
            } else {
                (&theme.points, &theme.background, 4.0 * k)
            };
            chart::disc(root, t.to_px(q), r, fill, ring, stroke(frame, 1.0))?;
        }
        Ok(())
    }
}
