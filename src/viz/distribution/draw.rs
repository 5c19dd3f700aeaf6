//! Drawing the distribution widget: the PMF/PDF with the interval shaded and the sample
//! histogram, or the CDF with the interval's probability as a band; a and b as handles.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::DistributionWidget;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::geometry::{Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

/// Histogram bins across the view, for a continuous family.
const BINS: usize = 40;

impl DistributionWidget {
    /// Draws the plot; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let cdf = self.options.choice("view") == "cdf";
        let family = super::model::family_formula(&self.options);
        let caption = format!(
            "{family}: {}",
            match (cdf, self.dist.is_discrete()) {
                (true, _) => "CDF F(x) = P(X ≤ x)",
                (false, true) => "PMF P(X = k) and sample shares",
                (false, false) => "PDF and sample histogram",
            }
        );
        let y = if cdf {
            Span::new(0.0, 1.05)
        } else {
            Span::new(0.0, self.density_top())
        };
        let t = draw_axes(
            root,
            frame,
            &Axes {
                caption: &caption,
                x: self.view,
                y,
                x_label: "x",
                y_label: if cdf {
                    "F(x)"
                } else if self.dist.is_discrete() {
                    "P(X = k)"
                } else {
                    "density"
                },
                grid: true,
            },
        )?;
        if cdf {
            self.draw_cdf(root, frame, &t)?;
        } else if self.dist.is_discrete() {
            self.draw_pmf(root, frame, &t)?;
        } else {
            self.draw_pdf(root, frame, &t)?;
        }
        self.draw_handles(root, frame, &t)?;
        self.plots = vec![PlotInfo {
            id: "density",
            transform: t,
            scale: frame.scale,
        }];
        Ok(())
    }

    /// The top of the density axis: the largest density (ignoring the spike a density may have
    /// at a support end) or histogram bar, plus headroom.
    fn density_top(&self) -> f64 {
        let v = self.view;
        let top = if self.dist.is_discrete() {
            let (lo, hi) = (v.lo.ceil() as i64, v.hi.floor() as i64);
            (lo..=hi)
                .map(|k| self.dist.density(k as f64))
                .chain(self.sample_shares().into_iter().map(|(_, s)| s))
                .fold(0.0, f64::max)
        } else {
            let n = 400;
            (n / 50..n - n / 50)
                .map(|i| {
                    self.dist
                        .density(v.lo + (i as f64 + 0.5) / n as f64 * v.width())
                })
                .filter(|d| d.is_finite())
                .chain(self.histogram().into_iter().map(|(_, _, h)| h))
                .fold(0.0, f64::max)
        };
        if top.is_finite() && top > 0.0 {
            top * 1.12
        } else {
            1.0
        }
    }

    /// Continuous histogram: (left, right, density height) per bin over the view.
    fn histogram(&self) -> Vec<(f64, f64, f64)> {
        if self.samples.is_empty() || self.dist.is_discrete() {
            return Vec::new();
        }
        let v = self.view;
        let width = v.width() / BINS as f64;
        let mut counts = [0usize; BINS];
        for x in &self.samples {
            let i = ((x - v.lo) / width).floor();
            if i >= 0.0 && i < BINS as f64 {
                counts[i as usize] += 1;
            }
        }
        let n = self.samples.len() as f64;
        counts
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                // Each edge computed one way, so that neighbouring bars share it to the pixel.
                let edge = |k: usize| v.lo + k as f64 * width;
                (edge(i), edge(i + 1), c as f64 / (n * width))
            })
            .collect()
    }

    /// Discrete sample shares: (k, share of samples equal to k) for k in the view.
    fn sample_shares(&self) -> Vec<(f64, f64)> {
        if self.samples.is_empty() || !self.dist.is_discrete() {
            return Vec::new();
        }
        let (lo, hi) = (self.view.lo.ceil(), self.view.hi.floor());
        let mut counts = vec![0usize; (hi - lo + 1.0).max(0.0) as usize];
        for x in &self.samples {
            let i = x - lo;
            if i >= 0.0 && x <= &hi {
                if let Some(c) = counts.get_mut(i as usize) {
                    *c += 1;
                }
            }
        }
        let n = self.samples.len() as f64;
        counts
            .iter()
            .enumerate()
            .map(|(i, &c)| (lo + i as f64, c as f64 / n))
            .collect()
    }

    fn draw_pdf<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let (a, b) = (self.options.float("a"), self.options.float("b"));
        let step = t.x.width() / (t.rect.width.max(2) as f64 / 2.0);
        let clamp_y = |d: f64| if d.is_finite() { d.min(t.y.hi) } else { t.y.hi };
        let xs: Vec<f64> = (0..=(t.x.width() / step) as usize)
            .map(|i| t.x.lo + i as f64 * step)
            .chain([t.x.hi])
            .collect();
        // The interval's area.
        let (lo, hi) = (a.max(t.x.lo), b.min(t.x.hi));
        if lo < hi {
            let mut poly = vec![t.to_backend([lo, 0.0])];
            poly.extend(
                [lo].into_iter()
                    .chain(xs.iter().copied().filter(|&x| x > lo && x < hi))
                    .chain([hi])
                    .map(|x| t.to_backend([x, clamp_y(self.dist.density(x))])),
            );
            poly.push(t.to_backend([hi, 0.0]));
            root.draw(&Polygon::new(
                poly,
                mix(theme.background, theme.accent, 0.28).filled(),
            ))
            .map_err(|e| e.to_string())?;
        }
        // The histogram as outlines, so the shading shows through.
        let outline = ShapeStyle::from(&theme.points).stroke_width(stroke(frame, 1.0));
        for (l, r, h) in self.histogram() {
            if h > 0.0 {
                root.draw(&Rectangle::new(
                    [t.to_backend([l, clamp_y(h)]), t.to_backend([r, 0.0])],
                    outline,
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        // The density.
        let curve: Vec<(i32, i32)> = xs
            .iter()
            .map(|&x| t.to_backend([x, clamp_y(self.dist.density(x))]))
            .collect();
        root.draw(&PathElement::new(
            curve,
            ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.5)),
        ))
        .map_err(|e| e.to_string())
    }

    fn draw_pmf<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let (a, b) = (self.options.float("a"), self.options.float("b"));
        let (lo, hi) = (t.x.lo.ceil() as i64, t.x.hi.floor() as i64);
        let count = (hi - lo + 1).max(1) as f64;
        // Bars at most 0.8 wide, at least 1 px apart.
        let px_per_unit = t.rect.width as f64 / t.x.width();
        let half = (0.4f64).min(0.5 - 1.0 / px_per_unit.max(1e-9)).max(0.05);
        let outline = ShapeStyle::from(&theme.points).stroke_width(stroke(frame, 1.5));
        let shares = self.sample_shares();
        for k in lo..=hi {
            let x = k as f64;
            let p = self.dist.density(x).min(t.y.hi);
            let inside = x >= a.ceil() && x <= b.floor();
            let colour = if inside {
                theme.accent
            } else {
                mix(theme.background, theme.muted, 0.45)
            };
            if p > 0.0 {
                root.draw(&Rectangle::new(
                    [t.to_backend([x - half, p]), t.to_backend([x + half, 0.0])],
                    colour.filled(),
                ))
                .map_err(|e| e.to_string())?;
            }
            if count <= 60.0 {
                if let Some(&(_, s)) = shares.iter().find(|(kk, _)| *kk == x) {
                    if s > 0.0 {
                        let w = half * 0.6;
                        root.draw(&Rectangle::new(
                            [
                                t.to_backend([x - w, s.min(t.y.hi)]),
                                t.to_backend([x + w, 0.0]),
                            ],
                            outline,
                        ))
                        .map_err(|e| e.to_string())?;
                    }
                }
            }
        }
        Ok(())
    }

    fn draw_cdf<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let (a, b) = (self.options.float("a"), self.options.float("b"));
        // The band between F(a⁻) and F(b): its height is P(a ≤ X ≤ b).
        let below = if self.dist.is_discrete() {
            a.ceil() - 1.0
        } else {
            a
        };
        let (fa, fb) = (self.dist.cdf(below), self.dist.cdf(b));
        if a <= b && fb > fa {
            root.draw(&Rectangle::new(
                [t.to_backend([t.x.lo, fb]), t.to_backend([t.x.hi, fa])],
                mix(theme.background, theme.accent, 0.22).filled(),
            ))
            .map_err(|e| e.to_string())?;
            let dash = Some(5.0 * frame.scale);
            let style = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 1.0));
            chart::segment(root, t, [t.x.lo, fa], [t.x.hi, fa], style, dash)?;
            chart::segment(root, t, [t.x.lo, fb], [t.x.hi, fb], style, dash)?;
        }
        // The empirical CDF of the samples, thinned to at most 600 steps.
        if !self.samples.is_empty() {
            let sorted = &self.samples;
            let n = sorted.len();
            let stride = n.div_ceil(600).max(1);
            let mut path = vec![t.to_backend([t.x.lo, 0.0])];
            let mut last_y = 0.0;
            for i in (0..n).step_by(stride).chain([n - 1]) {
                let x = sorted[i].clamp_to(t.x.lo, t.x.hi);
                path.push(t.to_backend([x, last_y]));
                last_y = (i + 1) as f64 / n as f64;
                path.push(t.to_backend([x, last_y]));
            }
            path.push(t.to_backend([t.x.hi, last_y]));
            root.draw(&PathElement::new(
                path,
                ShapeStyle::from(&theme.points).stroke_width(stroke(frame, 1.0)),
            ))
            .map_err(|e| e.to_string())?;
        }
        let style = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.5));
        if self.dist.is_discrete() {
            let (lo, hi) = (t.x.lo.ceil() as i64, t.x.hi.floor() as i64);
            let mut x = t.x.lo;
            for k in lo..=hi + 1 {
                let next = (k as f64).min(t.x.hi);
                let y = self.dist.cdf(x);
                chart::segment(root, t, [x, y], [next, y], style, None)?;
                x = next;
            }
        } else {
            let steps = (t.rect.width / 2).max(2);
            let curve: Vec<(i32, i32)> = (0..=steps)
                .map(|i| {
                    let x = t.x.lo + i as f64 / steps as f64 * t.x.width();
                    t.to_backend([x, self.dist.cdf(x)])
                })
                .collect();
            root.draw(&PathElement::new(curve, style))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The interval's ends as vertical lines with labelled handles.
    fn draw_handles<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        for (name, x) in [
            ("a", self.options.float("a")),
            ("b", self.options.float("b")),
        ] {
            if !t.x.contains(x) {
                // Off the plot: an arrow at the edge says where.
                let edge = if x < t.x.lo { t.x.lo } else { t.x.hi };
                let [px, py] = t.to_px([edge, t.y.hi]);
                let dir = if x < t.x.lo { -1.0 } else { 1.0 };
                chart::arrow(
                    root,
                    [px - dir * 18.0 * s, py + 10.0 * s],
                    [px - dir * 2.0 * s, py + 10.0 * s],
                    7.0 * s,
                    ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.5)),
                )?;
                chart::label(
                    root,
                    frame,
                    name,
                    [px - dir * 24.0 * s, py + 10.0 * s],
                    (
                        if dir < 0.0 { HPos::Left } else { HPos::Right },
                        VPos::Center,
                    ),
                    12.0,
                    &theme.text,
                )?;
                continue;
            }
            chart::segment(
                root,
                t,
                [x, t.y.lo],
                [x, t.y.hi],
                ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.5)),
                None,
            )?;
            let [px, py] = t.to_px([x, t.y.lo]);
            chart::disc(
                root,
                [px, py - 9.0 * s],
                7.0 * s,
                &theme.background,
                &theme.text,
                stroke(frame, 2.0),
            )?;
            chart::label(
                root,
                frame,
                name,
                [px, py - 9.0 * s],
                (HPos::Center, VPos::Center),
                11.0,
                &theme.text,
            )?;
        }
        Ok(())
    }
}
