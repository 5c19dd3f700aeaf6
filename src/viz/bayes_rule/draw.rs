//! Drawing the Bayes' rule widget: the unit square of everyone, the shaded region rearranged
//! into one bar, and the history of beliefs.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::BayesRule;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::{Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

impl BayesRule {
    /// Draws the three panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        root.fill(&frame.theme.background)
            .map_err(|e| e.to_string())?;
        let (w, h) = root.dim_in_pixel();
        let (square_area, bar_area, history_area) = if frame.width_css() >= 560.0 {
            let (left, right) = root.split_horizontally(w / 2);
            let (_, rh) = right.dim_in_pixel();
            let (bar, history) = right.split_vertically(rh * 2 / 5);
            (left, bar, history)
        } else {
            let (square, rest) = root.split_vertically(h * 9 / 20);
            let (_, rh) = rest.dim_in_pixel();
            let (bar, history) = rest.split_vertically(rh * 4 / 11);
            (square, bar, history)
        };
        let square = draw_axes(
            &square_area,
            frame,
            &Axes {
                caption: "Everyone: columns by A, shaded where B",
                x: Span::new(0.0, 1.0),
                y: Span::new(0.0, 1.0),
                x_label: "share for whom A (left of the divider)",
                y_label: "share for whom B",
                grid: false,
            },
        )?;
        self.draw_square(root, frame, &square)?;
        self.draw_bar(&bar_area, frame)?;
        let history = self.draw_history(root, &history_area, frame)?;
        self.plots = vec![
            PlotInfo {
                id: "square",
                transform: square,
                scale: frame.scale,
            },
            PlotInfo {
                id: "history",
                transform: history,
                scale: frame.scale,
            },
        ];
        Ok(())
    }

    fn draw_square<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let r = self.rule();
        let (p, l, fp) = (r.prior(), r.likelihood(), r.false_positive());
        let rect = |x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor| {
            root.draw(&Rectangle::new(
                [t.to_backend([x0, y1]), t.to_backend([x1, y0])],
                colour.filled(),
            ))
            .map_err(|e| e.to_string())
        };
        let not_b_a = mix(theme.background, theme.accent, 0.13);
        let not_b_not_a = mix(theme.background, theme.points, 0.10);
        rect(0.0, l, p, 1.0, not_b_a)?;
        rect(p, fp, 1.0, 1.0, not_b_not_a)?;
        rect(0.0, 0.0, p, l, theme.accent)?;
        rect(p, 0.0, 1.0, fp, theme.points)?;
        // Region names where they fit.
        let s = frame.scale;
        let name = |x0: f64, y0: f64, x1: f64, y1: f64, text: &str, colour: &RGBColor| {
            let (a, b) = (t.to_px([x0, y0]), t.to_px([x1, y1]));
            if (b[0] - a[0]).abs() >= 46.0 * s && (a[1] - b[1]).abs() >= 32.0 * s {
                chart::label(
                    root,
                    frame,
                    text,
                    [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0],
                    (HPos::Center, VPos::Center),
                    12.0,
                    colour,
                )
            } else {
                Ok(())
            }
        };
        name(0.0, 0.0, p, l, "A and B", &theme.background)?;
        name(p, 0.0, 1.0, fp, "not A, B", &theme.background)?;
        name(0.0, l, p, 1.0, "A, not B", &theme.text)?;
        name(p, fp, 1.0, 1.0, "neither", &theme.text)?;
        // The handles: the divider (prior) and the two B levels.
        let line = |a: [f64; 2], b: [f64; 2], colour: &RGBColor, width: f64| {
            chart::segment(
                root,
                t,
                a,
                b,
                ShapeStyle::from(colour).stroke_width(stroke(frame, width)),
                None,
            )
        };
        line([p, 0.0], [p, 1.0], &theme.text, 2.5)?;
        if p > 0.0 {
            line([0.0, l], [p, l], &theme.text, 1.5)?;
        }
        if p < 1.0 {
            line([p, fp], [1.0, fp], &theme.text, 1.5)?;
        }
        let handle = |at: [f64; 2]| {
            chart::disc(
                root,
                t.to_px(at),
                5.5 * s,
                &theme.background,
                &theme.text,
                stroke(frame, 2.0),
            )
        };
        handle([p, 0.5])?;
        if p > 0.0 {
            handle([p / 2.0, l])?;
        }
        if p < 1.0 {
            handle([(p + 1.0) / 2.0, fp])?;
        }
        Ok(())
    }

    /// The shaded region laid out as one bar: its A part over its whole is P(A|B).
    fn draw_bar<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let r = self.rule();
        let s = frame.scale;
        let (x0, y0) = area.get_base_pixel();
        let (w, h) = area.dim_in_pixel();
        let (x0, y0, w, h) = (x0 as f64, y0 as f64, w as f64, h as f64);
        let left = x0 + 14.0 * s;
        let right = x0 + w - 14.0 * s;
        let caption = if w / s >= 400.0 {
            "The shaded region B, rearranged: P(A|B) is its A share"
        } else {
            "Region B rearranged: P(A|B) is its A share"
        };
        chart::label(
            area,
            frame,
            caption,
            [w / 2.0, 14.0 * s],
            (HPos::Center, VPos::Center),
            13.0,
            &theme.text,
        )?;
        let top = y0 + 30.0 * s;
        let bottom = (y0 + h - 26.0 * s).max(top + 12.0 * s);
        let evidence = r.evidence();
        let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        if evidence <= 0.0 {
            area.draw(&Rectangle::new(
                [p(left - x0, top - y0), p(right - x0, bottom - y0)],
                ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0)),
            ))
            .map_err(|e| e.to_string())?;
            return chart::label(
                area,
                frame,
                "P(B) = 0: there is no shaded region",
                [w / 2.0, (top + bottom) / 2.0 - y0],
                (HPos::Center, VPos::Center),
                12.0,
                &theme.warning,
            );
        }
        let share = r.joint() / evidence;
        let split = left + share * (right - left);
        let rect = |a: f64, b: f64, colour: &RGBColor| {
            area.draw(&Rectangle::new(
                [p(a - x0, top - y0), p(b - x0, bottom - y0)],
                colour.filled(),
            ))
            .map_err(|e| e.to_string())
        };
        rect(left, split, &theme.accent)?;
        rect(split, right, &theme.points)?;
        let mid_y = (top + bottom) / 2.0 - y0;
        if split - left >= 60.0 * s {
            chart::label(
                area,
                frame,
                &format!("A: {}", sig(share, 3)),
                [(left + split) / 2.0 - x0, mid_y],
                (HPos::Center, VPos::Center),
                12.0,
                &theme.background,
            )?;
        }
        if right - split >= 60.0 * s {
            chart::label(
                area,
                frame,
                &format!("not A: {}", sig(1.0 - share, 3)),
                [(split + right) / 2.0 - x0, mid_y],
                (HPos::Center, VPos::Center),
                12.0,
                &theme.background,
            )?;
        }
        chart::label(
            area,
            frame,
            &format!(
                "P(A|B) = {} / {} = {}",
                sig(r.joint(), 3),
                sig(evidence, 3),
                sig(share, 3)
            ),
            [w / 2.0, bottom - y0 + 13.0 * s],
            (HPos::Center, VPos::Center),
            12.0,
            &theme.text,
        )
    }

    /// The history panel: axes on `area`, marks on `root` (transforms are in root pixels).
    fn draw_history<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        area: &DrawingArea<DB, Shift>,
        frame: &Frame,
    ) -> Result<Transform, String> {
        let theme = &frame.theme;
        let n = self.history.len().saturating_sub(1);
        let t = draw_axes(
            area,
            frame,
            &Axes {
                caption: "Belief in A after each observation of B",
                x: Span::new(-0.3, n.max(5) as f64 + 0.3),
                y: Span::new(0.0, 1.0),
                x_label: "observations",
                y_label: "P(A)",
                grid: true,
            },
        )?;
        let style = ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.0));
        let points: Vec<[f64; 2]> = self
            .history
            .iter()
            .enumerate()
            .map(|(k, &b)| [k as f64, b])
            .collect();
        for pair in points.windows(2) {
            chart::segment(root, &t, pair[0], pair[1], style, None)?;
        }
        for (k, point) in points.iter().enumerate() {
            let last = k + 1 == points.len();
            chart::disc(
                root,
                t.to_px(*point),
                if last { 5.0 } else { 3.5 } * frame.scale,
                &theme.accent,
                &theme.background,
                stroke(frame, 1.0),
            )?;
        }
        if let Some(post) = self.rule().posterior() {
            // The next belief, dashed: what observing B once more would give.
            let next = [points.len() as f64, post];
            if let Some(last) = points.last() {
                chart::segment(root, &t, *last, next, style, Some(4.0 * frame.scale))?;
            }
            chart::disc(
                root,
                t.to_px(next),
                3.5 * frame.scale,
                &theme.background,
                &theme.accent,
                stroke(frame, 1.5),
            )?;
        }
        Ok(t)
    }
}
