//! The 3-D view of the cost: J(m, c) as a shaded mesh of quads, projected orthographically and
//! painted back to front (the painter's algorithm), with the descent path lifted onto it.
//!
//! Conventions: the mesh spans the contour view's (m, c) ranges, mapped to [−1, 1]²; height is
//! the cost mapped to [0, 1] between J* and the highest corner (clamped above). The camera turns
//! by `azimuth` about the vertical axis and tilts by `elevation` above the horizon; screen y is
//! down.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::GradientDescent;
use crate::math::sorting::order_by;
use crate::viz::chart::{self, stroke};
use crate::viz::field::{band_colours, band_of};
use crate::viz::geometry::{PixelRect, Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::Frame;

/// Quads along each side of the mesh.
pub const MESH: usize = 28;

/// The largest height drawn, as a multiple of the mesh's half-width.
const HEIGHT: f64 = 1.1;

/// An orthographic camera looking at the unit box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Turn about the vertical axis, in degrees.
    pub azimuth_deg: f64,
    /// Tilt above the horizon, in degrees.
    pub elevation_deg: f64,
    /// Where the box's centre lands, in device pixels.
    pub centre: [f64; 2],
    /// Device pixels per unit.
    pub scale: f64,
}

impl Camera {
    /// The screen position of world point (x, y, z) (z up) and its nearness to the viewer.
    pub fn project(&self, p: [f64; 3]) -> ([f64; 2], f64) {
        let (sa, ca) = crate::math::trig::sin_cos(self.azimuth_deg.to_radians());
        let (se, ce) = crate::math::trig::sin_cos(self.elevation_deg.to_radians());
        // Turn about z, then tilt about the screen's horizontal axis.
        let x = ca * p[0] - sa * p[1];
        let y = sa * p[0] + ca * p[1];
        // The viewer sits in front (towards −y) and above: screen-up is (0, sin e, cos e) and
        // the direction towards the viewer (0, −cos e, sin e).
        let up = se * y + ce * p[2];
        let nearness = se * p[2] - ce * y;
        (
            [
                self.centre[0] + self.scale * x,
                self.centre[1] - self.scale * up,
            ],
            nearness,
        )
    }
}

impl GradientDescent {
    /// The mesh's height at (m, c): the cost mapped to [0, HEIGHT].
    fn height(&self, m: f64, c: f64, lo: f64, hi: f64) -> f64 {
        let t = ((self.model.fit.cost(m, c) - lo) / (hi - lo)).clamp_to(0.0, 1.0);
        if t.is_finite() {
            t * HEIGHT
        } else {
            HEIGHT
        }
    }

    /// Draws the 3-D view into `rect`; returns a transform covering it (for pointer hits).
    pub(super) fn draw_surface<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        rect: PixelRect,
    ) -> Result<Transform, String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let views = self.model.views;
        let (m_span, c_span) = (views.m, views.c);
        let fit = self.model.fit;
        let lo = fit.min_cost();
        let hi = [
            (m_span.lo, c_span.lo),
            (m_span.lo, c_span.hi),
            (m_span.hi, c_span.lo),
            (m_span.hi, c_span.hi),
        ]
        .iter()
        .map(|&(m, c)| fit.cost(m, c))
        .fold(lo, f64::max);
        let camera = Camera {
            azimuth_deg: self.options.float("azimuth"),
            elevation_deg: self.options.float("elevation"),
            centre: [
                rect.x as f64 + 0.5 * rect.width as f64,
                rect.y as f64 + 0.56 * rect.height as f64,
            ],
            scale: 0.3 * (rect.width.min(rect.height) as f64),
        };
        let to_world = |m: f64, c: f64| {
            [
                2.0 * (m - m_span.lo) / m_span.width() - 1.0,
                2.0 * (c - c_span.lo) / c_span.width() - 1.0,
                self.height(m, c, lo, hi) - 0.5 * HEIGHT,
            ]
        };
        let at = |i: usize, j: usize| {
            let m = m_span.lo + m_span.width() * i as f64 / MESH as f64;
            let c = c_span.lo + c_span.width() * j as f64 / MESH as f64;
            (m, c)
        };
        // Quads with their depth, painted far to near.
        let mut quads = Vec::with_capacity(MESH * MESH);
        for i in 0..MESH {
            for j in 0..MESH {
                let corners = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
                let mut depth = 0.0;
                let mut pts = Vec::with_capacity(4);
                for (m, c) in corners {
                    let (p, d) = camera.project(to_world(m, c));
                    depth += d;
                    pts.push((p[0].round() as i32, p[1].round() as i32));
                }
                let (mc, cc) = at(i, j);
                let (mc, cc) = (
                    mc + 0.5 * m_span.width() / MESH as f64,
                    cc + 0.5 * c_span.width() / MESH as f64,
                );
                quads.push((depth, pts, fit.cost(mc, cc)));
            }
        }
        let depths: Vec<f64> = quads.iter().map(|q| q.0).collect();
        let colours = band_colours(theme);
        for (_, pts, v) in order_by(&depths).into_iter().filter_map(|i| quads.get(i)) {
            let band = band_of(*v, lo, hi) as usize;
            let fill = colours[band.min(colours.len() - 1)];
            root.draw(&Polygon::new(pts.clone(), fill.filled()))
                .map_err(|e| e.to_string())?;
            let mut ring = pts.clone();
            ring.push(pts[0]);
            root.draw(&PathElement::new(
                ring,
                ShapeStyle::from(&mix(fill, theme.text, 0.3)).stroke_width(1),
            ))
            .map_err(|e| e.to_string())?;
        }
        // The path, lifted a little above the surface so it is not buried in it.
        let lift = 0.02;
        let its = self.descent.iterates();
        let path_px: Vec<(i32, i32)> = its
            .iter()
            .filter(|it| m_span.contains(it.theta[0]) && c_span.contains(it.theta[1]))
            .map(|it| {
                let mut w = to_world(it.theta[0], it.theta[1]);
                w[2] += lift;
                let (p, _) = camera.project(w);
                (p[0].round() as i32, p[1].round() as i32)
            })
            .collect();
        if path_px.len() > 1 {
            root.draw(&PathElement::new(
                path_px.clone(),
                ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.0)),
            ))
            .map_err(|e| e.to_string())?;
        }
        let best = fit.least_squares();
        let (pb, _) = camera.project(to_world(best[0], best[1]));
        chart::disc(
            root,
            pb,
            4.0 * s,
            &theme.reference,
            &theme.background,
            stroke(frame, 1.0),
        )?;
        if let Some(&(x, y)) = path_px.last() {
            chart::disc(
                root,
                [x as f64, y as f64],
                5.5 * s,
                &theme.accent,
                &theme.background,
                stroke(frame, 1.5),
            )?;
        }
        // Axis names along two edges of the base.
        let base = |m: f64, c: f64| camera.project([m, c, -0.5 * HEIGHT]).0;
        let edge_m = base(0.0, -1.35);
        let edge_c = base(-1.4, 0.0);
        chart::label(
            root,
            frame,
            "slope m",
            edge_m,
            (
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Center,
            ),
            12.0,
            &theme.text,
        )?;
        chart::label(
            root,
            frame,
            "intercept c",
            edge_c,
            (
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Center,
            ),
            12.0,
            &theme.text,
        )?;
        chart::label(
            root,
            frame,
            "Cost J(m, c) in 3-D: drag to turn",
            [
                rect.x as f64 + 0.5 * rect.width as f64,
                rect.y as f64 + 4.0 * s,
            ],
            (
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Top,
            ),
            13.0,
            &theme.text,
        )?;
        Ok(Transform {
            rect,
            x: Span::new(0.0, 1.0),
            y: Span::new(0.0, 1.0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_camera_turns_and_tilts() {
        let cam = Camera {
            azimuth_deg: 0.0,
            elevation_deg: 90.0,
            centre: [100.0, 100.0],
            scale: 10.0,
        };
        // From straight above, +y (far) is up the screen and z does not move a point.
        let (p, _) = cam.project([0.0, 1.0, 0.0]);
        assert!(
            (p[0] - 100.0).abs() < 1e-9 && (p[1] - 90.0).abs() < 1e-9,
            "{p:?}"
        );
        let (q, _) = cam.project([0.0, 1.0, 5.0]);
        assert!((q[1] - p[1]).abs() < 1e-9);
        // From the horizon, z is up the screen, and nearer points (−y) have larger depth.
        let side = Camera {
            elevation_deg: 0.0,
            ..cam
        };
        let (up, _) = side.project([0.0, 0.0, 1.0]);
        assert!((up[1] - 90.0).abs() < 1e-9);
        let (_, near) = side.project([0.0, -1.0, 0.0]);
        let (_, far) = side.project([0.0, 1.0, 0.0]);
        assert!(near > far);
        // A quarter turn maps +x onto +y.
        let turned = Camera {
            azimuth_deg: 90.0,
            elevation_deg: 90.0,
            ..cam
        };
        let (a, _) = turned.project([1.0, 0.0, 0.0]);
        assert!(
            (a[1] - 90.0).abs() < 1e-9 && (a[0] - 100.0).abs() < 1e-9,
            "{a:?}"
        );
    }
}
