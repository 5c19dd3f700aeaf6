//! Drawing the linear-system widget: the picture (lines in 2-D, planes in [`super::space`]) and
//! the panel with the current row operation and augmented matrix.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::LinearSystem;
use crate::math::elimination::{Phase, RowOp};
use crate::math::linear_system::Kind;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::geometry::Transform;
use crate::viz::theme::{mix, Theme};
use crate::viz::widget::{Frame, PlotInfo};

/// The colour of row `i`'s line or plane.
pub(super) fn row_colour(theme: &Theme, i: usize) -> RGBColor {
    match i {
        0 => theme.accent,
        1 => theme.points,
        _ if theme.dark => RGBColor(200, 150, 255),
        _ => RGBColor(118, 52, 170),
    }
}

/// A 12 px label on a background-coloured card, so lines under it do not cross the text;
/// `at` is its bottom-left corner (bottom-right when `rightwards` is false).
pub(super) fn card_label(
    area: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    text: &str,
    at: [f64; 2],
    rightwards: bool,
) -> Result<(), String> {
    let s = frame.scale;
    // The same estimate as the SVG text layout: 0.55 em a character.
    let w = 0.55 * 12.0 * s * text.chars().count() as f64 + 6.0 * s;
    let x0 = if rightwards {
        at[0] - 3.0 * s
    } else {
        at[0] - w + 3.0 * s
    };
    let corners = [
        (x0, at[1] - 15.0 * s),
        (x0 + w, at[1] - 15.0 * s),
        (x0 + w, at[1] + 2.0 * s),
        (x0, at[1] + 2.0 * s),
    ];
    let pts: Vec<(i32, i32)> = corners
        .iter()
        .map(|(x, y)| (x.round() as i32, y.round() as i32))
        .collect();
    area.draw(&Polygon::new(
        pts,
        frame.theme.background.mix(0.85).filled(),
    ))
    .map_err(|e| e.to_string())?;
    chart::label(
        area,
        frame,
        text,
        at,
        (
            if rightwards { HPos::Left } else { HPos::Right },
            VPos::Bottom,
        ),
        12.0,
        &frame.theme.text,
    )
}

/// Splits `text` into lines of at most `max_chars` characters, at spaces.
pub(super) fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

impl LinearSystem {
    /// The rows the shown step changed (highlighted).
    pub(super) fn changed_rows(&self) -> Vec<usize> {
        let steps = &self.system.elimination.steps;
        match self
            .shown
            .checked_sub(1)
            .and_then(|k| steps.get(k))
            .map(|s| &s.op)
        {
            Some(RowOp::Swap(a, b)) => vec![*a, *b],
            Some(RowOp::Scale { row, .. }) => vec![*row],
            Some(RowOp::AddMultiple { target, .. }) => vec![*target],
            None => Vec::new(),
        }
    }

    /// Draws the picture and the panel; see [`crate::viz::widget::Widget::draw`].
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
            root.split_horizontally((h.min(w * 3 / 5)).max(1))
        } else {
            root.split_vertically(w.min(h))
        };
        let t = if self.system.n() == 2 {
            self.draw_lines(&left, frame)?
        } else {
            self.draw_space(&left, frame)?
        };
        self.plots = vec![PlotInfo {
            id: "system",
            transform: t,
            scale: frame.scale,
        }];
        self.draw_panel(&right, frame)
    }

    fn draw_lines(
        &self,
        area: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<Transform, String> {
        let theme = &frame.theme;
        let t = draw_axes(
            area,
            frame,
            &Axes {
                caption: "Each equation is a line",
                x: self.view.span(0),
                y: self.view.span(1),
                x_label: "x",
                y_label: "y",
                grid: true,
            },
        )?;
        let stage = self.stage();
        let original = self
            .system
            .elimination
            .stages
            .first()
            .cloned()
            .unwrap_or_default();
        let changed = self.changed_rows();
        let line_of = |row: &[f64]| -> Option<([f64; 2], [f64; 2])> {
            let (p, q, r) = (
                row.first().copied()?,
                row.get(1).copied()?,
                row.get(2).copied()?,
            );
            let scale = p.abs().max(q.abs());
            if scale.is_nan() || scale <= 1e-12 * (1.0 + r.abs()) {
                return None;
            }
            if q.abs() >= p.abs() {
                let (x0, x1) = (t.x.lo, t.x.hi);
                Some(([x0, (r - p * x0) / q], [x1, (r - p * x1) / q]))
            } else {
                let (y0, y1) = (t.y.lo, t.y.hi);
                Some(([(r - q * y0) / p, y0], [(r - q * y1) / p, y1]))
            }
        };
        // The solution line when the lines coincide, under everything.
        if self.system.kind == Kind::Infinite {
            if let (Some(x0), Some(d)) = (
                &self.system.elimination.solution,
                self.system.elimination.null_space.first(),
            ) {
                if let ([a, b], [u, v]) = (x0.as_slice(), d.as_slice()) {
                    let big = 4.0 * self.view.half / u.hypot(*v).max(1e-12);
                    let halo = ShapeStyle::from(&mix(theme.reference, theme.background, 0.55))
                        .stroke_width(stroke(frame, 9.0));
                    chart::segment(
                        area,
                        &t,
                        [a - big * u, b - big * v],
                        [a + big * u, b + big * v],
                        halo,
                        None,
                    )?;
                }
            }
        }
        // Where the lines started, dashed, once a step has moved them.
        if self.shown > 0 {
            for (i, row) in original.iter().enumerate() {
                if let Some((a, b)) = line_of(row) {
                    let faint = mix(row_colour(theme, i), theme.background, 0.55);
                    chart::segment(
                        area,
                        &t,
                        a,
                        b,
                        ShapeStyle::from(&faint).stroke_width(stroke(frame, 1.5)),
                        Some(5.0 * frame.scale),
                    )?;
                }
            }
        }
        for (i, row) in stage.iter().enumerate() {
            if let Some((a, b)) = line_of(row) {
                let width = if changed.contains(&i) { 4.0 } else { 2.5 };
                chart::segment(
                    area,
                    &t,
                    a,
                    b,
                    ShapeStyle::from(&row_colour(theme, i)).stroke_width(stroke(frame, width)),
                    None,
                )?;
            }
        }
        // Handles on the original lines: drag them (or select with n and move with arrows).
        for (k, hdl) in self.handles.iter().enumerate() {
            if !t.contains(*hdl) {
                continue;
            }
            let px = t.to_px(*hdl);
            let colour = row_colour(theme, k / 2);
            chart::disc(
                area,
                px,
                6.0 * frame.scale,
                &theme.background,
                &colour,
                stroke(frame, 2.5),
            )?;
            if k == self.selected {
                area.draw(&Circle::new(
                    (px[0].round() as i32, px[1].round() as i32),
                    (10.0 * frame.scale).round() as i32,
                    ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.0)),
                ))
                .map_err(|e| e.to_string())?;
            }
        }
        if let (Kind::Unique, Some(x), Some(text)) = (
            self.system.kind,
            &self.system.elimination.solution,
            &self.system.elimination.solution_text,
        ) {
            if let ([a, b], [ta, tb]) = (x.as_slice(), text.as_slice()) {
                if t.contains([*a, *b]) {
                    let p = t.to_px([*a, *b]);
                    chart::disc(
                        area,
                        p,
                        5.0 * frame.scale,
                        &theme.text,
                        &theme.background,
                        stroke(frame, 1.5),
                    )?;
                    // The diagonal farthest from every line through the point.
                    let dirs: Vec<[f64; 2]> = stage
                        .iter()
                        .filter_map(|row| {
                            let (pp, q) = (row.first().copied()?, row.get(1).copied()?);
                            let d = [t.to_px([*a - q, *b + pp]), p];
                            let v = [d[0][0] - p[0], d[0][1] - p[1]];
                            let n = v[0].hypot(v[1]);
                            (n > 0.0).then(|| [v[0] / n, v[1] / n])
                        })
                        .collect();
                    let score = |u: [f64; 2]| {
                        dirs.iter()
                            .map(|d| (u[0] * d[1] - u[1] * d[0]).abs())
                            .fold(1.0_f64, f64::min)
                    };
                    let best = [[1.0, -1.0], [-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]]
                        .into_iter()
                        .map(|u: [f64; 2]| {
                            [
                                u[0] * std::f64::consts::FRAC_1_SQRT_2,
                                u[1] * std::f64::consts::FRAC_1_SQRT_2,
                            ]
                        })
                        .max_by(|u, v| score(*u).total_cmp(&score(*v)))
                        .unwrap_or([
                            std::f64::consts::FRAC_1_SQRT_2,
                            -std::f64::consts::FRAC_1_SQRT_2,
                        ]);
                    let at = [
                        p[0] + best[0] * 12.0 * frame.scale,
                        p[1] + best[1] * 12.0 * frame.scale,
                    ];
                    chart::label(
                        area,
                        frame,
                        &format!("({ta}, {tb})"),
                        at,
                        (
                            if best[0] > 0.0 {
                                HPos::Left
                            } else {
                                HPos::Right
                            },
                            if best[1] > 0.0 {
                                VPos::Top
                            } else {
                                VPos::Bottom
                            },
                        ),
                        12.0,
                        &theme.text,
                    )?;
                }
            }
        }
        Ok(t)
    }

    fn draw_panel(&self, area: &DrawingArea<Recorder, Shift>, frame: &Frame) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        // Coordinates in a drawing area are relative to the area.
        let (w, _) = area.dim_in_pixel();
        let x = 14.0 * s;
        let mut y = 14.0 * s;
        let chars = ((w as f64 / s - 28.0) / 7.0).max(20.0) as usize;
        let e = &self.system.elimination;
        let count = e.steps.len();
        let title = match self.shown.checked_sub(1).and_then(|k| e.steps.get(k)) {
            None => format!("The system, before elimination ({count} row operations to go)"),
            Some(st) => format!(
                "Step {} of {count} · {}",
                self.shown,
                if st.phase == Phase::Forward {
                    "forward elimination"
                } else {
                    "back-substitution"
                }
            ),
        };
        for line in wrap(&title, chars) {
            chart::label(
                area,
                frame,
                &line,
                [x, y],
                (HPos::Left, VPos::Top),
                13.0,
                &theme.text,
            )?;
            y += 18.0 * s;
        }
        if let Some(st) = self.shown.checked_sub(1).and_then(|k| e.steps.get(k)) {
            for line in wrap(&st.text, chars) {
                chart::label(
                    area,
                    frame,
                    &line,
                    [x, y],
                    (HPos::Left, VPos::Top),
                    13.0,
                    &theme.accent,
                )?;
                y += 18.0 * s;
            }
        }
        y += 8.0 * s;
        // The augmented matrix [A | b], one coloured row label per line or plane.
        let text = self.stage_text();
        let n = self.system.n();
        let cell = ((w as f64 / s - 60.0) / (n as f64 + 1.3)).clamp_to(40.0, 76.0) * s;
        let changed = self.changed_rows();
        for (i, row) in text.iter().enumerate() {
            let colour = row_colour(theme, i);
            chart::label(
                area,
                frame,
                &format!("R{}", i + 1),
                [x, y],
                (HPos::Left, VPos::Top),
                13.0,
                &colour,
            )?;
            let weight = if changed.contains(&i) {
                &theme.accent
            } else {
                &theme.text
            };
            for (j, v) in row.iter().enumerate() {
                let gap = if j == n { 10.0 * s } else { 0.0 };
                let right = x + 30.0 * s + (j as f64 + 1.0) * cell + gap;
                chart::label(
                    area,
                    frame,
                    v,
                    [right - 6.0 * s, y],
                    (HPos::Right, VPos::Top),
                    13.0,
                    weight,
                )?;
            }
            y += 20.0 * s;
        }
        // The bar between A and b.
        let bar_x = (x + 30.0 * s + n as f64 * cell + 5.0 * s).round() as i32;
        let top = (y - 20.0 * s * text.len() as f64 - 2.0 * s).round() as i32;
        area.draw(&PathElement::new(
            vec![(bar_x, top), (bar_x, (y - 4.0 * s).round() as i32)],
            ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0)),
        ))
        .map_err(|e| e.to_string())?;
        y += 8.0 * s;
        let verdict = match self.system.kind {
            Kind::Unique => format!("One solution: {}", self.solution_words()),
            Kind::None => "No solution: the equations contradict each other".to_string(),
            Kind::Infinite => format!("Infinitely many: {}", self.solution_words()),
        };
        let cond = self.system.condition_number;
        let facts = format!(
            "rank A = {}, rank [A|b] = {}, κ(A) = {}{}",
            e.rank,
            e.rank_augmented,
            if cond.is_finite() {
                crate::viz::format::sig(cond, 3)
            } else {
                "∞".to_string()
            },
            if e.exact {
                ", exact fractions"
            } else {
                ", floating point"
            }
        );
        for (line, colour) in wrap(&verdict, chars)
            .into_iter()
            .map(|l| (l, theme.text))
            .chain(wrap(&facts, chars).into_iter().map(|l| (l, theme.muted)))
        {
            chart::label(
                area,
                frame,
                &line,
                [x, y],
                (HPos::Left, VPos::Top),
                12.0,
                &colour,
            )?;
            y += 17.0 * s;
        }
        if self.system.sensitive() {
            chart::label(
                area,
                frame,
                "Warning: κ > 1e8, the answer is sensitive",
                [x, y],
                (HPos::Left, VPos::Top),
                12.0,
                &theme.warning,
            )?;
        }
        Ok(())
    }
}
