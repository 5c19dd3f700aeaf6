//! Drawing the Naive Bayes widget: P(A | x, y) as pixels with the decision boundary, the two
//! classes' points and ellipses, each feature's class densities on the top and right margins,
//! and the probe.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::NaiveBayes;
use crate::math::naive_bayes::{ClassFit, Covariance, LogOddsB, TwoClassGaussian};
use crate::viz::annotate::{backed_label, label_box};
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::Field;
use crate::viz::format::sig;
use crate::viz::geometry::{PixelRect, Span, Transform};
use crate::viz::theme::{mix, Theme};
use crate::viz::widget::{Frame, PlotInfo};

/// Probability bands of the field: P(A | x) in tenths, so the boundary ½ is a band edge.
const BANDS: u8 = 10;

/// What a cached probability field depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct FieldKey {
    rect: PixelRect,
    x: Span,
    y: Span,
    fit: TwoClassGaussian,
    full: bool,
    dark: bool,
}

/// The colour of each band: class B's colour at P(A) = 0 through the background to A's at 1.
fn band_colours(theme: &Theme) -> Vec<RGBColor> {
    (0..BANDS)
        .map(|k| {
            let t = (k as f64 + 0.5) / BANDS as f64;
            if t >= 0.5 {
                mix(theme.background, theme.accent, 0.08 + 0.5 * (t - 0.5))
            } else {
                mix(theme.background, theme.points, 0.08 + 0.5 * (0.5 - t))
            }
        })
        .collect()
}

// The per-row work is out of line, like every field's (`viz::field`): it reaches the browser's
// optimised tier within the first field.

/// The log odds of B where P(A | x) crosses k/BANDS, k = 1 … BANDS − 1 (decreasing): P(A | x)
/// = 1/(1 + e^d) ≥ k/BANDS exactly when d ≤ ln(BANDS/k − 1).
fn band_cuts() -> Vec<f64> {
    (1..BANDS)
        .map(|k| (f64::from(BANDS) / f64::from(k) - 1.0).ln())
        .collect()
}

/// Bands P(A | x) along one row of pixels at height `y`: band k holds P in [k/10, (k+1)/10),
/// found by comparing the log odds with `cuts`, so no exponential per pixel (NaN gives ½).
#[inline(never)]
fn probability_band_row(chunk: &mut [u8], t: &Transform, y: f64, odds: &LogOddsB, cuts: &[f64]) {
    let w = chunk.len().max(1) as f64;
    for (col, band) in chunk.iter_mut().enumerate() {
        let x = t.x.lo + (col as f64 + 0.5) / w * t.x.width();
        let d = odds.at([x, y]);
        *band = if d.is_nan() {
            BANDS / 2
        } else {
            cuts.partition_point(|&cut| d <= cut) as u8
        };
    }
}

/// Colours one row of pixels from its bands and the row below's: a pixel next to the other
/// side of ½ is in `boundary`, one next to another band in `edges`, the rest in `colours`.
#[inline(never)]
fn boundary_colour_row(
    out: &mut [u8],
    row: &[u8],
    below: &[u8],
    colours: &[RGBColor],
    edges: &[RGBColor],
    boundary: RGBColor,
) {
    let half = BANDS / 2;
    let last = colours.len().min(edges.len()).saturating_sub(1);
    let n = row.len().min(below.len()).min(out.len() / 4);
    for i in 0..n {
        let (b, d) = (row[i], below[i]);
        let r = row[(i + 1).min(n - 1)];
        let k = (b as usize).min(last);
        let c = if (r >= half) != (b >= half) || (d >= half) != (b >= half) {
            boundary
        } else if r != b || d != b {
            edges[k]
        } else {
            colours[k]
        };
        out[4 * i..4 * i + 3].copy_from_slice(&[c.0, c.1, c.2]);
    }
}

/// P(A | x) at every pixel of `t`, banded; band edges darkened, the boundary ½ in text colour.
fn probability_field(t: &Transform, theme: &Theme, version: u64, odds: &LogOddsB) -> Field {
    let rect = t.rect;
    let (w, h) = (rect.width.max(0) as usize, rect.height.max(0) as usize);
    let cuts = band_cuts();
    let mut bands = vec![0u8; w * h];
    for (row, chunk) in bands.chunks_mut(w.max(1)).enumerate() {
        let y = t.y.hi - (row as f64 + 0.5) / h.max(1) as f64 * t.y.width();
        probability_band_row(chunk, t, y, odds, &cuts);
    }
    let colours = band_colours(theme);
    let edges: Vec<RGBColor> = colours.iter().map(|c| mix(*c, theme.text, 0.18)).collect();
    let mut rgba = vec![255u8; w * h * 4];
    let rows: Vec<&[u8]> = bands.chunks(w.max(1)).collect();
    for (k, out) in rgba.chunks_mut(4 * w.max(1)).enumerate() {
        let below = rows.get(k + 1).unwrap_or(&rows[k]);
        boundary_colour_row(out, rows[k], below, &colours, &edges, theme.text);
    }
    Field {
        rect,
        rgba,
        bands,
        colours: colours.iter().map(|c| (c.0, c.1, c.2)).collect(),
        version,
    }
}

/// Points of the ellipse (x − μ)ᵀ Σ⁻¹ (x − μ) = k², with Σ diagonal or full.
fn ellipse(c: &ClassFit, k: f64, kind: Covariance) -> Vec<[f64; 2]> {
    let [[a, off], [_, b]] = c.covariance;
    let off = if kind == Covariance::Full { off } else { 0.0 };
    // Eigen-decomposition of the symmetric 2 × 2 matrix.
    let mid = (a + b) / 2.0;
    let rad = (((a - b) / 2.0).powi(2) + off * off).sqrt();
    let (l1, l2) = (mid + rad, (mid - rad).max(0.0));
    let angle = 0.5 * (2.0 * off).atan2(a - b);
    let (sin, cos) = crate::math::trig::sin_cos(angle);
    (0..=64)
        .map(|i| {
            let t = i as f64 / 64.0 * std::f64::consts::TAU;
            let (u, v) = (
                k * l1.sqrt() * crate::math::trig::cos(t),
                k * l2.sqrt() * crate::math::trig::sin(t),
            );
            [c.mean[0] + u * cos - v * sin, c.mean[1] + u * sin + v * cos]
        })
        .collect()
}

impl NaiveBayes {
    /// Draws everything; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        fields: &mut FieldRecorder,
    ) -> Result<(), String> {
        let theme = frame.theme;
        root.fill(&theme.background).map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        let top_h = ((h as f64) * 0.2).max(frame.px(56.0) as f64) as u32;
        let right_w = ((w as f64) * 0.18).max(frame.px(52.0) as f64) as u32;
        let (top, bottom) = root.split_vertically(top_h);
        let (main, right) = bottom.split_horizontally(w.saturating_sub(right_w));
        let full = self.kind() == Covariance::Full;
        let t = draw_axes(
            &main,
            frame,
            &Axes {
                caption: if full {
                    "P(A | x, y), full covariance"
                } else {
                    "P(A | x, y), Naive Bayes"
                },
                x: self.model.x,
                y: self.model.y,
                x_label: "x",
                y_label: "y",
                grid: false,
            },
        )?;
        self.put_field(frame, &t, fields);
        self.draw_classes(root, frame, &t)?;
        self.draw_margins(root, frame, &t, &top, &right)?;
        self.draw_probe(root, frame, &t)?;
        self.plots = vec![PlotInfo {
            id: "plane",
            transform: t,
            scale: frame.scale,
        }];
        Ok(())
    }

    fn put_field(&mut self, frame: &Frame, t: &Transform, fields: &mut FieldRecorder) {
        let key = FieldKey {
            rect: t.rect,
            x: t.x,
            y: t.y,
            fit: self.model.fit,
            full: self.kind() == Covariance::Full,
            dark: frame.theme.dark,
        };
        if !matches!(&self.field, Some((k, _)) if *k == key) {
            self.field_version += 1;
            let (fit, kind) = (self.model.fit, self.kind());
            let field =
                probability_field(t, &frame.theme, self.field_version, &fit.log_odds_b(kind));
            self.field = Some((key, Rc::new(field)));
        }
        if let Some((_, field)) = &self.field {
            fields.put(Rc::clone(field));
        }
    }

    fn draw_classes<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let kind = self.kind();
        for (fit, colour) in [
            (&self.model.fit.a, theme.accent),
            (&self.model.fit.b, theme.points),
        ] {
            for k in [1.0, 2.0] {
                let style = ShapeStyle::from(&colour).stroke_width(stroke(frame, 1.5));
                for pair in ellipse(fit, k, kind).windows(2) {
                    chart::segment(root, t, pair[0], pair[1], style, None)?;
                }
            }
        }
        for p in self.model.a.iter().filter(|p| t.contains(**p)) {
            chart::disc(
                root,
                t.to_px(*p),
                4.0 * s,
                &theme.accent,
                &theme.background,
                stroke(frame, 1.0),
            )?;
        }
        for p in self.model.b.iter().filter(|p| t.contains(**p)) {
            let [x, y] = t.to_px(*p);
            let r = 3.8 * s;
            let corners = [
                ((x - r).round() as i32, (y - r).round() as i32),
                ((x + r).round() as i32, (y + r).round() as i32),
            ];
            root.draw(&Rectangle::new(corners, theme.points.filled()))
                .map_err(|e| e.to_string())?;
            root.draw(&Rectangle::new(
                corners,
                ShapeStyle::from(&theme.background).stroke_width(stroke(frame, 1.0)),
            ))
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Each feature's class densities: x along the top, y along the right.
    fn draw_margins<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
        top: &DrawingArea<DB, Shift>,
        right: &DrawingArea<DB, Shift>,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let fit = &self.model.fit;
        let (top_x, top_y) = top.get_base_pixel();
        let (_, top_h) = top.dim_in_pixel();
        let (right_x, _) = right.get_base_pixel();
        let (right_w, _) = right.dim_in_pixel();
        // The top strip: baseline just above the plot, height to the strip's top.
        let base_y = (top_y + top_h as i32) as f64 - 4.0 * s;
        let height = top_h as f64 - 22.0 * s;
        let base_x = right_x as f64 + 6.0 * s;
        let width = right_w as f64 - 16.0 * s;
        let steps = 120;
        let peak = |i: usize, span: Span| {
            (0..=steps)
                .flat_map(|k| {
                    let v = span.lo + k as f64 / steps as f64 * span.width();
                    [fit.a.marginal_density(i, v), fit.b.marginal_density(i, v)]
                })
                .filter(|d| d.is_finite())
                .fold(0.0, f64::max)
        };
        let (peak_x, peak_y) = (peak(0, t.x), peak(1, t.y));
        for (class, colour) in [(&fit.a, theme.accent), (&fit.b, theme.points)] {
            let style = ShapeStyle::from(&colour).stroke_width(stroke(frame, 2.0));
            let along_x: Vec<(i32, i32)> = (0..=steps)
                .map(|k| {
                    let v = t.x.lo + k as f64 / steps as f64 * t.x.width();
                    let d = class.marginal_density(0, v) / peak_x;
                    (
                        t.to_px([v, 0.0])[0].round() as i32,
                        (base_y - d * height).round() as i32,
                    )
                })
                .collect();
            root.draw(&PathElement::new(along_x, style))
                .map_err(|e| e.to_string())?;
            let along_y: Vec<(i32, i32)> = (0..=steps)
                .map(|k| {
                    let v = t.y.lo + k as f64 / steps as f64 * t.y.width();
                    let d = class.marginal_density(1, v) / peak_y;
                    (
                        (base_x + d * width).round() as i32,
                        t.to_px([0.0, v])[1].round() as i32,
                    )
                })
                .collect();
            root.draw(&PathElement::new(along_y, style))
                .map_err(|e| e.to_string())?;
        }
        let axis = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0));
        let line = |a: (f64, f64), b: (f64, f64)| {
            root.draw(&PathElement::new(
                vec![
                    (a.0.round() as i32, a.1.round() as i32),
                    (b.0.round() as i32, b.1.round() as i32),
                ],
                axis,
            ))
            .map_err(|e| e.to_string())
        };
        line(
            (t.rect.x as f64, base_y),
            ((t.rect.x + t.rect.width) as f64, base_y),
        )?;
        line(
            (base_x, t.rect.y as f64),
            (base_x, (t.rect.y + t.rect.height) as f64),
        )?;
        chart::label(
            root,
            frame,
            "p(x | A), p(x | B): Naive Bayes multiplies these…",
            [
                t.rect.x as f64,
                top_x as f64 * 0.0 + top_y as f64 + 10.0 * s,
            ],
            (HPos::Left, VPos::Center),
            11.0,
            &theme.text,
        )?;
        chart::label(
            root,
            frame,
            "…by p(y | class)",
            [
                (right_x as f64 + right_w as f64 - 4.0 * s),
                t.rect.y as f64 - 10.0 * s,
            ],
            (HPos::Right, VPos::Center),
            11.0,
            &theme.text,
        )
    }

    fn draw_probe<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let [x, y] = t.to_px(self.probe);
        root.draw(&Circle::new(
            (x.round() as i32, y.round() as i32),
            (7.0 * s).round() as i32,
            ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 2.0)),
        ))
        .map_err(|e| e.to_string())?;
        let p = self.probe_probability(self.kind());
        let text = format!("P(A) = {}", sig(p, 2));
        // Beside the probe, on a patch of background; of the eight places around it that fit in
        // the plot, the one hiding the fewest points (in this order when tied: toward the
        // plot's middle, away from it, above, below, then the corners).
        let gap = 11.0 * s;
        let (dx, toward, back) = if x > (t.rect.x + t.rect.width / 2) as f64 {
            (-gap, HPos::Right, HPos::Left)
        } else {
            (gap, HPos::Left, HPos::Right)
        };
        let d = 0.75 * gap;
        let sides = [
            ([x + dx, y], (toward, VPos::Center)),
            ([x - dx, y], (back, VPos::Center)),
            ([x, y - gap], (HPos::Center, VPos::Bottom)),
            ([x, y + gap], (HPos::Center, VPos::Top)),
            ([x + d, y - d], (HPos::Left, VPos::Bottom)),
            ([x - d, y - d], (HPos::Right, VPos::Bottom)),
            ([x + d, y + d], (HPos::Left, VPos::Top)),
            ([x - d, y + d], (HPos::Right, VPos::Top)),
        ];
        let (left, top) = (t.rect.x as f64, t.rect.y as f64);
        let (right, bottom) = (left + t.rect.width as f64, top + t.rect.height as f64);
        // A marker is about 4 px in radius: a point within that of the patch is (partly) hidden.
        let r = 4.0 * s;
        let hidden = |b: [f64; 4]| {
            self.model
                .a
                .iter()
                .chain(&self.model.b)
                .map(|q| t.to_px(*q))
                .filter(|q| {
                    q[0] > b[0] - r && q[0] < b[2] + r && q[1] > b[1] - r && q[1] < b[3] + r
                })
                .count()
        };
        let (at, anchor) = sides
            .iter()
            .map(|&(at, anchor)| (at, anchor, label_box(frame, &text, at, anchor)))
            .filter(|(_, _, b)| b[0] >= left && b[2] <= right && b[1] >= top && b[3] <= bottom)
            .min_by_key(|(_, _, b)| hidden(*b))
            .map_or(sides[0], |(at, anchor, _)| (at, anchor));
        backed_label(root, frame, &text, at, anchor, &theme.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_probability_at_each_pixel() {
        let t = Transform {
            rect: PixelRect {
                x: 0,
                y: 0,
                width: 120,
                height: 90,
            },
            x: Span::new(-3.0, 3.0),
            y: Span::new(-2.0, 2.0),
        };
        let fits = [
            TwoClassGaussian::fit(
                &[[-1.0, 0.0], [0.0, 1.0], [-2.0, 0.5]],
                &[[1.0, 0.0], [2.0, -1.0]],
            ),
            TwoClassGaussian::fit(
                &[[0.0, 0.0], [0.1, 0.1], [0.2, 0.0]],
                &[[-2.0, 1.5], [2.5, -1.0], [1.0, 2.0]],
            ),
            // Far from the plot: the densities underflow, the log odds do not.
            TwoClassGaussian::fit(&[[1e5, 3e4], [1e5 + 1.0, 3e4]], &[[-1e5, 0.0], [-1e5, 1.0]]),
        ];
        for fit in fits {
            let fit = fit.unwrap();
            for kind in [Covariance::Diagonal, Covariance::Full] {
                let field =
                    probability_field(&t, &Theme::for_dark(false), 1, &fit.log_odds_b(kind));
                let mut checked = 0;
                for row in 0..90 {
                    for col in 0..120 {
                        let x = t.to_data([col as f64 + 0.5, row as f64 + 0.5]);
                        let p = fit.probability_a(x, kind);
                        // Pixels a rounding away from a band edge may fall either side.
                        if (1..10).any(|k| (10.0 * p - f64::from(k)).abs() < 1e-9) {
                            continue;
                        }
                        let expected = ((10.0 * p) as u8).min(9);
                        assert_eq!(
                            field.bands[row * 120 + col],
                            expected,
                            "{kind:?} at ({col}, {row})"
                        );
                        checked += 1;
                    }
                }
                assert!(checked > 10_000, "{kind:?}: {checked} pixels checked");
            }
        }
    }
}
