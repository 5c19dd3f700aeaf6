//! Drawing the descriptive-statistics widget: the histogram with the centre and spread marked
//! above, the points and the box plot below, both on one value axis.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::DescriptiveStats;
use crate::math::sorting::order_by;
use crate::viz::annotate::{backed_label, dashed_px};
use crate::viz::chart::{self, draw_axes, draw_x_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::{Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

/// Bars fill at most this share of the histogram's height; the rest holds the annotations.
const BAR_SHARE: f64 = 0.5;

/// The point markers' radius in CSS px.
const POINT_RADIUS: f64 = 4.5;

/// Draws `text` at `at`, or nothing for a non-finite position.
fn text(
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    s: &str,
    at: [f64; 2],
    anchor: (HPos, VPos),
    colour: &RGBColor,
) -> Result<(), String> {
    if at.iter().all(|v| v.is_finite()) {
        chart::label(root, frame, s, at, anchor, 11.0, colour)
    } else {
        Ok(())
    }
}

/// A straight pixel line.
fn line(
    root: &DrawingArea<Recorder, Shift>,
    a: [f64; 2],
    b: [f64; 2],
    style: ShapeStyle,
) -> Result<(), String> {
    let p = |v: [f64; 2]| (v[0].round() as i32, v[1].round() as i32);
    root.draw(&PathElement::new(vec![p(a), p(b)], style))
        .map_err(|e| e.to_string())
}

/// A horizontal bracket from x0 to x1 (pixels) at height y with end ticks.
fn bracket(
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    x: [f64; 2],
    y: f64,
    style: ShapeStyle,
) -> Result<(), String> {
    let tick = 4.0 * frame.scale;
    line(root, [x[0], y], [x[1], y], style)?;
    line(root, [x[0], y - tick], [x[0], y + tick], style)?;
    line(root, [x[1], y - tick], [x[1], y + tick], style)
}

/// Axes for the points panel: a value axis with ticks, no vertical scale.
fn strip_axes(
    area: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    caption: &str,
    x: Span,
) -> Result<Transform, String> {
    draw_x_axes(
        area,
        frame,
        &Axes {
            caption,
            x,
            y: Span::new(0.0, 1.0),
            x_label: "value",
            y_label: "",
            grid: false,
        },
    )
}

impl DescriptiveStats {
    /// Draws both panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let (_, h) = root.dim_in_pixel();
        let (top, bottom) = root.split_vertically((h as f64 * 0.56).round() as u32);
        let x = self.model.x_view;
        let top_count = (self.model.histogram.max_count().max(1) as f64) / BAR_SHARE;
        let ht = draw_axes(
            &top,
            frame,
            &Axes {
                caption: "Histogram with mean, median, mode and SD",
                x,
                y: Span::new(0.0, top_count),
                x_label: "value",
                y_label: "count",
                grid: true,
            },
        )?;
        let pt = strip_axes(
            &bottom,
            frame,
            "Points (drag; click to add) and box plot",
            x,
        )?;
        self.draw_bars(root, frame, &ht)?;
        self.draw_box(root, frame, &pt)?;
        self.draw_centre(root, frame, &ht, &pt)?;
        self.draw_spread(root, frame, &ht)?;
        self.draw_box_labels(root, frame, &pt)?;
        self.draw_points(root, frame, &pt)?;
        self.plots = vec![
            PlotInfo {
                id: "histogram",
                transform: ht,
                scale: frame.scale,
            },
            PlotInfo {
                id: "points",
                transform: pt,
                scale: frame.scale,
            },
        ];
        Ok(())
    }

    fn draw_bars(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let fill = mix(theme.background, theme.points, 0.3);
        let edge = ShapeStyle::from(&theme.points).stroke_width(stroke(frame, 1.0));
        let h = &self.model.histogram;
        for (k, &count) in h.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let [a, b] = h.edges(k);
            let (a, b) = (a.max(t.x.lo), b.min(t.x.hi));
            if a >= b {
                continue;
            }
            let p0 = t.to_backend([a, 0.0]);
            let p1 = t.to_backend([b, count as f64]);
            root.draw(&Rectangle::new([p0, p1], fill.filled()))
                .map_err(|e| e.to_string())?;
            root.draw(&Rectangle::new([p0, p1], edge))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The sample and population SD as brackets around the mean, with s² and σ² named.
    fn draw_spread(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = &self.model.summary;
        let k = frame.scale;
        let top = t.rect.y as f64;
        let clamp_x = |v: f64| {
            let p = t.to_px([v, 0.0])[0];
            p.clamp_to(t.rect.x as f64, (t.rect.x + t.rect.width) as f64)
        };
        let centre = clamp_x(s.mean);
        let rows: [(Option<f64>, String, RGBColor, f64); 2] = [
            (
                s.sample_std(),
                match (s.sample_std(), s.sample_variance) {
                    (Some(sd), Some(v)) => {
                        format!("mean ± s: s = {}, s² = {} (÷ n−1)", sig(sd, 3), sig(v, 3))
                    }
                    _ => "s undefined for n = 1".to_string(),
                },
                theme.accent,
                20.0,
            ),
            (
                Some(s.population_std()),
                format!(
                    "mean ± σ: σ = {}, σ² = {} (÷ n)",
                    sig(s.population_std(), 3),
                    sig(s.population_variance, 3)
                ),
                theme.muted,
                44.0,
            ),
        ];
        for (sd, label, colour, row) in rows {
            let y_label = top + row * k;
            let y_line = y_label + 16.0 * k;
            let style = ShapeStyle::from(&colour).stroke_width(stroke(frame, 1.5));
            if let Some(sd) = sd {
                bracket(
                    root,
                    frame,
                    [clamp_x(s.mean - sd), clamp_x(s.mean + sd)],
                    y_line,
                    style,
                )?;
            }
            let half = 0.5 * 0.55 * 11.0 * k * label.chars().count() as f64;
            let lo = t.rect.x as f64 + half + 2.0 * k;
            let hi = (t.rect.x + t.rect.width) as f64 - half - 2.0 * k;
            let x = if lo <= hi {
                centre.clamp_to(lo, hi)
            } else {
                centre
            };
            // The mean and median lines start just above the first row: no stub of them shows
            // between the row above and this label.
            root.draw(&Rectangle::new(
                [
                    (
                        (x - half - 2.0 * k).round() as i32,
                        (y_label - 3.0 * k).round() as i32,
                    ),
                    ((x + half + 2.0 * k).round() as i32, y_label.round() as i32),
                ],
                theme.background.filled(),
            ))
            .map_err(|e| e.to_string())?;
            backed_label(
                root,
                frame,
                &label,
                [x, y_label],
                (HPos::Center, VPos::Top),
                &colour,
            )?;
        }
        // Modes: a small triangle on the axis under each repeated value that occurs most.
        let fill = theme.text.filled();
        for (i, &m) in s.modes.iter().enumerate() {
            if !t.x.contains(m) {
                continue;
            }
            let [x, _] = t.to_px([m, 0.0]);
            let y = (t.rect.y + t.rect.height) as f64;
            let a = 5.0 * k;
            let p = |v: [f64; 2]| (v[0].round() as i32, v[1].round() as i32);
            root.draw(&Polygon::new(
                vec![p([x, y - 1.6 * a]), p([x - a, y]), p([x + a, y])],
                fill,
            ))
            .map_err(|e| e.to_string())?;
            if i == 0 {
                text(
                    root,
                    frame,
                    "mode",
                    [x + a + 2.0 * k, y - 2.0 * k],
                    (HPos::Left, VPos::Bottom),
                    &theme.text,
                )?;
            }
        }
        Ok(())
    }

    /// The mean and median as vertical lines through both panels, labelled at the top.
    fn draw_centre(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        ht: &Transform,
        pt: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = &self.model.summary;
        let k = frame.scale;
        let label_y = ht.rect.y as f64 + 3.0 * k;
        let bottom = (pt.rect.y + pt.rect.height) as f64;
        let mean_right = s.mean >= s.median;
        for (value, name, colour, dash, right) in [
            (s.median, "median", theme.reference, true, !mean_right),
            (s.mean, "mean", theme.accent, false, mean_right),
        ] {
            if !ht.x.contains(value) {
                continue;
            }
            let x = ht.to_px([value, 0.0])[0];
            let style = ShapeStyle::from(&colour).stroke_width(stroke(frame, 2.0));
            for (y0, y1) in [
                (label_y + 14.0 * k, (ht.rect.y + ht.rect.height) as f64),
                (pt.rect.y as f64, bottom),
            ] {
                if y0 < y1 {
                    if dash {
                        dashed_px(root, [x, y0], [x, y1], 5.0 * k, style)?;
                    } else {
                        line(root, [x, y0], [x, y1], style)?;
                    }
                }
            }
            let (at, anchor) = if right {
                ([x + 4.0 * k, label_y], (HPos::Left, VPos::Top))
            } else {
                ([x - 4.0 * k, label_y], (HPos::Right, VPos::Top))
            };
            text(
                root,
                frame,
                &format!("{name} {}", sig(value, 4)),
                at,
                anchor,
                &colour,
            )?;
        }
        Ok(())
    }

    /// The box plot: box from Q1 to Q3, median bar, Tukey whiskers, IQR bracket.
    fn draw_box(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = &self.model.summary;
        let k = frame.scale;
        let top = t.rect.y as f64;
        let px = |v: f64| {
            t.to_px([v, 0.0])[0].clamp_to(t.rect.x as f64, (t.rect.x + t.rect.width) as f64)
        };
        let (box_top, box_bottom) = (top + 22.0 * k, top + 44.0 * k);
        let mid = 0.5 * (box_top + box_bottom);
        let ink = ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.5));
        let [w0, w1] = s.whiskers();
        line(root, [px(w0), mid], [px(s.q1), mid], ink)?;
        line(root, [px(s.q3), mid], [px(w1), mid], ink)?;
        for w in [w0, w1] {
            line(root, [px(w), mid - 6.0 * k], [px(w), mid + 6.0 * k], ink)?;
        }
        // Values beyond the whiskers: Tukey's outliers, as rings on the box plot's line.
        for &v in s.sorted.iter().filter(|&&v| v < w0 || v > w1) {
            if t.x.contains(v) {
                root.draw(&Circle::new(
                    (px(v).round() as i32, mid.round() as i32),
                    (3.5 * k).round() as i32,
                    ink,
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        let fill = mix(theme.background, theme.reference, 0.15);
        let rect = [corner(px(s.q1), box_top), corner(px(s.q3), box_bottom)];
        root.draw(&Rectangle::new(rect, fill.filled()))
            .map_err(|e| e.to_string())?;
        root.draw(&Rectangle::new(rect, ink))
            .map_err(|e| e.to_string())?;
        Ok(())
    }

    /// The box plot's labels: the IQR bracket and the quartiles, over the centre lines.
    fn draw_box_labels(
        &self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = &self.model.summary;
        let k = frame.scale;
        let top = t.rect.y as f64;
        let px = |v: f64| {
            t.to_px([v, 0.0])[0].clamp_to(t.rect.x as f64, (t.rect.x + t.rect.width) as f64)
        };
        let box_bottom = top + 44.0 * k;
        bracket(
            root,
            frame,
            [px(s.q1), px(s.q3)],
            top + 15.0 * k,
            ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 1.5)),
        )?;
        let iqr = format!("IQR = {}", sig(s.iqr(), 3));
        let half = 0.5 * 0.55 * 11.0 * k * iqr.chars().count() as f64;
        let centre = 0.5 * (px(s.q1) + px(s.q3));
        let lo = t.rect.x as f64 + half;
        let hi = (t.rect.x + t.rect.width) as f64 - half;
        let x = if lo <= hi {
            centre.clamp_to(lo, hi)
        } else {
            centre
        };
        backed_label(
            root,
            frame,
            &iqr,
            [x, top + 1.0 * k],
            (HPos::Center, VPos::Top),
            &theme.reference,
        )?;
        backed_label(
            root,
            frame,
            &format!("Q1 {}", sig(s.q1, 4)),
            [px(s.q1) - 3.0 * k, box_bottom + 3.0 * k],
            (HPos::Right, VPos::Top),
            &theme.text,
        )?;
        backed_label(
            root,
            frame,
            &format!("Q3 {}", sig(s.q3, 4)),
            [px(s.q3) + 3.0 * k, box_bottom + 3.0 * k],
            (HPos::Left, VPos::Top),
            &theme.text,
        )
    }

    /// The values as stacked dots (a dot plot), the selected one ringed; remembers where each
    /// was drawn for hit tests.
    fn draw_points(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let k = frame.scale;
        let r = POINT_RADIUS * k;
        let base = (t.rect.y + t.rect.height) as f64 - r - 3.0 * k;
        let ceiling = t.rect.y as f64 + 62.0 * k + r;
        let xs: Vec<f64> = self
            .model
            .values
            .iter()
            .map(|&v| t.to_px([v, 0.0])[0])
            .collect();
        let order = order_by(&xs);
        // Greedy stacking: each dot takes the lowest level where it does not touch another.
        let mut level_end: Vec<f64> = Vec::new();
        let mut levels = vec![0usize; xs.len()];
        for &i in &order {
            let slot = level_end.iter().position(|&end| xs[i] - end >= 2.0 * r + k);
            let level = slot.unwrap_or(level_end.len());
            if level == level_end.len() {
                level_end.push(xs[i]);
            } else {
                level_end[level] = xs[i];
            }
            levels[i] = level;
        }
        let highest = levels.iter().copied().max().unwrap_or(0).max(1) as f64;
        let dy = (2.0 * r + k).min((base - ceiling).max(0.0) / highest);
        self.point_px = xs
            .iter()
            .zip(&levels)
            .map(|(&x, &level)| [x, base - level as f64 * dy])
            .collect();
        for (i, p) in self.point_px.iter().enumerate() {
            if !t.rect.contains(*p) || Some(i) == self.selected {
                continue;
            }
            chart::disc(
                root,
                *p,
                r,
                &theme.points,
                &theme.background,
                stroke(frame, 1.0),
            )?;
        }
        if let Some(p) = self.selected.and_then(|i| self.point_px.get(i)) {
            chart::disc(
                root,
                *p,
                r + k,
                &theme.accent,
                &theme.text,
                stroke(frame, 2.0),
            )?;
        }
        Ok(())
    }
}
