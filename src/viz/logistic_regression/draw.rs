//! Drawing the logistic-regression widget: the probability field with the decision boundary
//! and the points, the log-loss against the step, and ‖w‖ against the step.

use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{FieldKey, LogisticRegression};
use crate::math::logistic::Training;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::curves::polyline;
use crate::viz::display::{FieldRecorder, Recorder};
use crate::viz::field::{colour_bands, Field};
use crate::viz::geometry::{Span, Transform};
use crate::viz::theme::{mix, Theme};
use crate::viz::widget::{Frame, PlotInfo};

/// Probability bands of the field (contours at p = 0.1, 0.2, …, 0.9).
const P_BANDS: usize = 10;

/// The most vertices of a curve.
const MAX_VERTICES: usize = 2_000;

/// The colours of class 0 and class 1.
fn class_colours(theme: &Theme) -> [RGBColor; 2] {
    [theme.points, theme.accent]
}

/// Bands one row of the probability field, where z = `start` + `slope`·col: a pixel's band is
/// how many of the `cuts` its z reaches. Along a row z is linear in the column, so the row is
/// at most ten runs of one band, found from where z meets each cut. A NaN z reaches no cut, as
/// σ(NaN) gives band 0. Out of line, like every field's per-row work (`viz::field`).
#[inline(never)]
fn logit_band_row(chunk: &mut [u8], start: f64, slope: f64, cuts: &[f64]) {
    let band_at = |z: f64| cuts.partition_point(|&cut| z >= cut) as u8;
    let z_at = |col: usize| start + slope * col as f64;
    let mut col = 0;
    while col < chunk.len() {
        let band = band_at(z_at(col));
        // The run of this band ends where z meets the next cut up (or down).
        let next_cut = if slope > 0.0 {
            cuts.get(band as usize)
        } else if slope < 0.0 {
            (band as usize).checked_sub(1).and_then(|k| cuts.get(k))
        } else {
            None
        };
        let mut end = match next_cut {
            Some(&cut) => {
                let at = ((cut - start) / slope).floor();
                if at.is_finite() {
                    (at.max(col as f64) as usize)
                        .saturating_add(1)
                        .min(chunk.len())
                } else {
                    chunk.len()
                }
            }
            None => chunk.len(),
        };
        // The division may land a column early or late: settle on the exact pixels.
        while end > col + 1 && band_at(z_at(end - 1)) != band {
            end -= 1;
        }
        while end < chunk.len() && band_at(z_at(end)) == band {
            end += 1;
        }
        chunk[col..end].fill(band);
        col = end;
    }
}

/// The probability field: band k holds p in [k/10, (k+1)/10), coloured from class 0's colour
/// through the background to class 1's; band edges are drawn darker as contour lines.
fn probability_field(t: &Transform, theme: &Theme, theta: [f64; 3], version: u64) -> Field {
    let rect = t.rect;
    let (w, h) = (rect.width.max(0) as usize, rect.height.max(0) as usize);
    let [c0, c1] = class_colours(theme);
    let colours: Vec<RGBColor> = (0..P_BANDS)
        .map(|k| {
            let p = (k as f64 + 0.5) / P_BANDS as f64;
            let (towards, amount) = if p < 0.5 {
                (c0, 0.5 - p)
            } else {
                (c1, p - 0.5)
            };
            mix(theme.background, towards, 0.75 * amount)
        })
        .collect();
    let lines: Vec<RGBColor> = colours.iter().map(|c| mix(*c, theme.text, 0.25)).collect();
    let dx = t.x.width() / w.max(1) as f64;
    let dy = t.y.width() / h.max(1) as f64;
    // p = σ(z) is in band k when z lies between the logits of k/10 and (k+1)/10, so a pixel's
    // band is how many of those nine cuts its z reaches: no exponential per pixel (the field is
    // recomputed at every step of the training).
    let cuts: Vec<f64> = (1..P_BANDS)
        .map(|k| {
            let p = k as f64 / P_BANDS as f64;
            (p / (1.0 - p)).ln()
        })
        .collect();
    let mut bands = vec![0u8; w * h];
    for (row, chunk) in bands.chunks_mut(w.max(1)).enumerate() {
        let y = t.y.hi - (row as f64 + 0.5) * dy;
        // z at column `col` is start + slope·col.
        let start = theta[0] * (t.x.lo + 0.5 * dx) + theta[1] * y + theta[2];
        logit_band_row(chunk, start, theta[0] * dx, &cuts);
    }
    let rgba = colour_bands(&bands, w, &colours, &lines);
    Field {
        rect,
        rgba,
        bands,
        colours: colours.iter().map(|c| (c.0, c.1, c.2)).collect(),
        version,
    }
}

impl LogisticRegression {
    /// Draws all three panels; see [`crate::viz::widget::Widget::draw`].
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
        let (data_area, loss_area, norm_area) = if wide {
            let (left, right) = root.split_horizontally((w as f64 * 0.56).round() as u32);
            let (top, bottom) = right.split_vertically(h / 2);
            (left, top, bottom)
        } else {
            let (top, rest) = root.split_vertically((h as f64 * 0.5).round() as u32);
            let (middle, bottom) = rest.split_vertically((h as f64 * 0.25).round() as u32);
            (top, middle, bottom)
        };
        let data_t = draw_axes(
            &data_area,
            frame,
            &Axes {
                caption: "p(class 1) = σ(w₁·x + w₂·y + b)",
                x: self.model.x,
                y: self.model.y,
                x_label: "x",
                y_label: "y",
                grid: false,
            },
        )?;
        self.put_field(frame, &data_t, fields);
        self.draw_boundary(root, frame, &data_t)?;
        self.draw_points(root, frame, &data_t)?;
        let history = self.model.trainer.history();
        let losses: Vec<f64> = history.iter().map(|s| s.loss).collect();
        let norms: Vec<f64> = history
            .iter()
            .map(|s| s.theta[0].hypot(s.theta[1]))
            .collect();
        let loss_t = curve(
            root,
            &loss_area,
            frame,
            "Log-loss against the step",
            "log-loss",
            &losses,
        )?;
        let norm_t = curve(
            root,
            &norm_area,
            frame,
            "Size of the weights ‖w‖",
            "‖w‖",
            &norms,
        )?;
        self.plots = vec![
            PlotInfo {
                id: "data",
                transform: data_t,
                scale: frame.scale,
            },
            PlotInfo {
                id: "loss",
                transform: loss_t,
                scale: frame.scale,
            },
            PlotInfo {
                id: "weights",
                transform: norm_t,
                scale: frame.scale,
            },
        ];
        Ok(())
    }

    fn put_field(&mut self, frame: &Frame, t: &Transform, fields: &mut FieldRecorder) {
        let key = FieldKey {
            rect: t.rect,
            x: t.x,
            y: t.y,
            theta: self.theta(),
            dark: frame.theme.dark,
        };
        if !matches!(&self.field, Some((k, _)) if *k == key) {
            self.field_version += 1;
            let field = probability_field(t, &frame.theme, self.theta(), self.field_version);
            self.field = Some((key, Rc::new(field)));
        }
        if let Some((_, field)) = &self.field {
            fields.put(Rc::clone(field));
        }
    }

    /// The line w₁·x + w₂·y + b = 0 and the weight vector w as an arrow off it.
    fn draw_boundary<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let [w1, w2, b] = self.theta();
        let (x, y) = (t.x, t.y);
        let ends = if w2.abs() >= w1.abs() && w2 != 0.0 {
            [[x.lo, -(w1 * x.lo + b) / w2], [x.hi, -(w1 * x.hi + b) / w2]]
        } else if w1 != 0.0 {
            [[-(w2 * y.lo + b) / w1, y.lo], [-(w2 * y.hi + b) / w1, y.hi]]
        } else {
            return Ok(());
        };
        if !ends.iter().flatten().all(|v| v.is_finite()) {
            return Ok(());
        }
        let style = ShapeStyle::from(&frame.theme.text).stroke_width(stroke(frame, 2.5));
        chart::segment(root, t, ends[0], ends[1], style, None)?;
        // The arrow: from the boundary point nearest the view's centre, along w (pixel space).
        let centre = [0.5 * (x.lo + x.hi), 0.5 * (y.lo + y.hi)];
        let norm2 = w1 * w1 + w2 * w2;
        let k = (w1 * centre[0] + w2 * centre[1] + b) / norm2;
        let foot = [centre[0] - k * w1, centre[1] - k * w2];
        if t.contains(foot) {
            let p = t.to_px(foot);
            // The direction in which z grows fastest on screen: the boundary's normal in pixels,
            // so the arrow stands at right angles to the line whatever the axes' scales.
            let d = [
                w1 * x.width() / t.rect.width as f64,
                -w2 * y.width() / t.rect.height as f64,
            ];
            let len = d[0].hypot(d[1]);
            if len > 0.0 && len.is_finite() {
                let l = 34.0 * frame.scale;
                let tip = [p[0] + d[0] / len * l, p[1] + d[1] / len * l];
                chart::arrow(
                    root,
                    p,
                    tip,
                    8.0 * frame.scale,
                    ShapeStyle::from(&frame.theme.text).stroke_width(stroke(frame, 2.0)),
                )?;
                chart::label(
                    root,
                    frame,
                    "w",
                    [tip[0] + 4.0 * frame.scale, tip[1]],
                    (HPos::Left, VPos::Center),
                    12.0,
                    &frame.theme.text,
                )?;
            }
        }
        Ok(())
    }

    /// Class 0 as discs, class 1 as squares (shape as well as colour), and the keyboard cursor.
    fn draw_points<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let s = frame.scale;
        let colours = class_colours(&frame.theme);
        let ring = ShapeStyle::from(&frame.theme.background).stroke_width(stroke(frame, 1.0));
        for p in &self.model.points {
            if !t.contains(p.x) {
                continue;
            }
            let [x, y] = t.to_px(p.x);
            let colour = colours[p.class.min(1) as usize];
            if p.class == 0 {
                chart::disc(
                    root,
                    [x, y],
                    4.5 * s,
                    &colour,
                    &frame.theme.background,
                    stroke(frame, 1.0),
                )?;
            } else {
                let r = 4.0 * s;
                let corners = [
                    ((x - r).round() as i32, (y - r).round() as i32),
                    ((x + r).round() as i32, (y + r).round() as i32),
                ];
                root.draw(&Rectangle::new(corners, colour.filled()))
                    .map_err(|e| e.to_string())?;
                root.draw(&Rectangle::new(corners, ring))
                    .map_err(|e| e.to_string())?;
            }
        }
        if let Some(c) = self.cursor {
            let [x, y] = t.to_px(c);
            let arm = 8.0 * s;
            let style = ShapeStyle::from(&frame.theme.text).stroke_width(stroke(frame, 1.5));
            for (a, b) in [((x - arm, y), (x + arm, y)), ((x, y - arm), (x, y + arm))] {
                root.draw(&PathElement::new(
                    vec![
                        (a.0.round() as i32, a.1.round() as i32),
                        (b.0.round() as i32, b.1.round() as i32),
                    ],
                    style,
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        if let Training::Diverged(_) = self.model.trainer.status() {
            chart::label(
                root,
                frame,
                "diverged",
                [t.rect.x as f64 + 6.0 * s, t.rect.y as f64 + 5.0 * s],
                (HPos::Left, VPos::Top),
                12.0,
                &frame.theme.warning,
            )?;
        }
        Ok(())
    }
}

/// A value against the step on linear axes from 0; returns the plot's transform.
fn curve(
    root: &DrawingArea<Recorder, Shift>,
    area: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    caption: &str,
    y_label: &str,
    values: &[f64],
) -> Result<Transform, String> {
    let top = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let steps = values.len().saturating_sub(1).max(10);
    let t = draw_axes(
        area,
        frame,
        &Axes {
            caption,
            x: Span::new(0.0, steps as f64),
            y: Span::new(0.0, if top > 0.0 { top * 1.08 } else { 1.0 }),
            x_label: "step",
            y_label,
            grid: true,
        },
    )?;
    let style = ShapeStyle::from(&frame.theme.accent).stroke_width(stroke(frame, 2.0));
    let every = values.len().div_ceil(MAX_VERTICES).max(1);
    let n = values.len();
    let vertices = values
        .iter()
        .enumerate()
        .filter(|(k, _)| k % every == 0 || k + 1 == n)
        .map(|(k, v)| [k as f64, *v]);
    polyline(root, &t, vertices, style, 1.0)?;
    // The current value, marked: before the first step it is the only one.
    if let Some(&last) = values.last().filter(|v| v.is_finite()) {
        let at = [(n - 1) as f64, last];
        if t.contains(at) {
            chart::disc(
                root,
                t.to_px(at),
                3.5 * frame.scale,
                &frame.theme.accent,
                &frame.theme.background,
                stroke(frame, 1.0),
            )?;
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::logistic::sigmoid;
    use crate::viz::geometry::{PixelRect, Span};

    /// Each pixel's band is ⌊10·σ(z)⌋ (at most 9) at the pixel's centre, as the cuts promise.
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
        for theta in [
            [1.3, -0.7, 0.2],
            [40.0, 25.0, -3.0],
            [0.0, 0.0, 0.3],
            [f64::NAN, 1.0, 0.0],
        ] {
            let field = probability_field(&t, &Theme::for_dark(false), theta, 1);
            let mut checked = 0;
            for row in 0..90 {
                for col in 0..120 {
                    let [x, y] = t.to_data([col as f64 + 0.5, row as f64 + 0.5]);
                    let z = theta[0] * x + theta[1] * y + theta[2];
                    // Pixels a rounding away from a cut (z = logit(k/10)) may fall either side.
                    let near_cut = (1..10).any(|k| {
                        let p = f64::from(k) / 10.0;
                        (z - (p / (1.0 - p)).ln()).abs() < 1e-9
                    });
                    if near_cut {
                        continue;
                    }
                    let scaled = 10.0 * sigmoid(z);
                    let expected = if scaled.is_nan() {
                        0
                    } else {
                        (scaled as u8).min(9)
                    };
                    assert_eq!(
                        field.bands[row * 120 + col],
                        expected,
                        "θ = {theta:?} at ({col}, {row})"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 10_000, "θ = {theta:?}: {checked} pixels checked");
        }
    }
}
