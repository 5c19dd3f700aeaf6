//! Value-against-step plots on a log scale: log₁₀(f − f*) for one or more runs, so linear
//! convergence shows as a straight line and its slope is the rate.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart::{self, draw_axes, stroke, Axes};
use super::display::Recorder;
use super::geometry::{Span, Transform};
use super::widget::Frame;

/// Gaps below this are drawn at it: the floor of the log scale.
pub const LOG_FLOOR: f64 = 1e-12;

/// The most vertices drawn per curve; longer ones are thinned evenly.
pub const MAX_VERTICES: usize = 2_000;

/// One run's values, one per step from step 0.
#[derive(Debug, Clone, Copy)]
pub struct Curve<'a> {
    /// f at each step.
    pub values: &'a [f64],
    /// Its colour.
    pub colour: RGBColor,
    /// Whether its values set the vertical range (false for a run that diverged: it leaves
    /// through the top instead of squashing the others).
    pub sets_range: bool,
}

/// Draws the data polyline through `points`, clipped to the plot, as few path elements as the
/// clipping allows (one per stretch inside the plot): a long path costs one stroke, not one per
/// segment. Vertices closer than `min_gap_px` to the last one drawn are skipped (the last
/// vertex is always kept).
pub fn polyline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    t: &Transform,
    points: impl IntoIterator<Item = [f64; 2]>,
    style: ShapeStyle,
    min_gap_px: f64,
) -> Result<(), String> {
    let px = |p: [f64; 2]| {
        let q = t.to_px(p);
        (q[0].round() as i32, q[1].round() as i32)
    };
    let mut run: Vec<(i32, i32)> = Vec::new();
    let flush = |run: &mut Vec<(i32, i32)>| -> Result<(), String> {
        if run.len() > 1 {
            root.draw(&PathElement::new(std::mem::take(run), style))
                .map_err(|e| e.to_string())?;
        }
        run.clear();
        Ok(())
    };
    let mut points = points.into_iter().peekable();
    let Some(mut last) = points.next() else {
        return Ok(());
    };
    let mut last_px = t.to_px(last);
    while let Some(p) = points.next() {
        let q = t.to_px(p);
        let is_last = points.peek().is_none();
        let (dx, dy) = (q[0] - last_px[0], q[1] - last_px[1]);
        if min_gap_px > 0.0 && dx * dx + dy * dy < min_gap_px * min_gap_px && !is_last {
            continue;
        }
        match t.clip(last, p) {
            Some((a, b)) => {
                let (pa, pb) = (px(a), px(b));
                if run.last() != Some(&pa) {
                    flush(&mut run)?;
                    run.push(pa);
                }
                run.push(pb);
                if b != p {
                    flush(&mut run)?;
                }
            }
            None => flush(&mut run)?,
        }
        last = p;
        last_px = q;
    }
    flush(&mut run)
}

/// log₁₀(v − f*), floored at [`LOG_FLOOR`].
pub fn log_gap(v: f64, min_value: f64) -> f64 {
    (v - min_value).max(LOG_FLOOR).log10()
}

/// Draws framed axes on `area` and every curve as log₁₀(f − f*) against the step (drawn on
/// `root`, whose coordinates are absolute); returns the plot's transform.
pub fn draw_log_gap(
    area: &DrawingArea<Recorder, Shift>,
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    caption: &str,
    curves: &[Curve<'_>],
    min_value: f64,
) -> Result<Transform, String> {
    let t = log_gap_axes(area, frame, caption, curves, min_value)?;
    draw_log_gap_curves(root, frame, &t, curves, min_value)?;
    Ok(t)
}

/// The step axis's end for a run of `steps` steps: the next of 10, 15, 20, 30, 40, 50, 60, 80,
/// 100, 150, … at or above it. The axes then stay put for many steps of an animation (and can
/// stay on its still layer) while the curves fill at least 60 % of the width.
pub fn step_axis_end(steps: usize) -> f64 {
    let steps = steps.max(10) as f64;
    let decade = 10f64.powf(steps.log10().floor());
    [1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(|m| m * decade)
        .find(|&end| end >= steps)
        .unwrap_or(steps)
}

/// Draws the framed axes of [`draw_log_gap`] on `area`; returns the plot's transform.
pub fn log_gap_axes(
    area: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    caption: &str,
    curves: &[Curve<'_>],
    min_value: f64,
) -> Result<Transform, String> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut steps = 0;
    for curve in curves {
        steps = steps.max(curve.values.len().saturating_sub(1));
        let shown = if curve.sets_range {
            curve.values
        } else {
            &curve.values[..curve.values.len().min(1)]
        };
        for v in shown {
            let g = log_gap(*v, min_value);
            if g.is_finite() {
                lo = lo.min(g);
                hi = hi.max(g);
            }
        }
    }
    if !(lo.is_finite() && hi.is_finite()) {
        (lo, hi) = (LOG_FLOOR.log10(), 1.0);
    }
    let y = Span::new(lo.floor(), hi.ceil().max(lo.floor() + 1.0));
    let x = Span::new(0.0, step_axis_end(steps));
    draw_axes(
        area,
        frame,
        &Axes {
            caption,
            x,
            y,
            x_label: "step",
            y_label: "log₁₀(f − f*)",
            grid: true,
        },
    )
}

/// Draws every curve of [`draw_log_gap`] in the plot `t` (on `root`, whose coordinates are
/// absolute), each with a dot at its latest value.
pub fn draw_log_gap_curves(
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    t: &Transform,
    curves: &[Curve<'_>],
    min_value: f64,
) -> Result<(), String> {
    for curve in curves {
        let style = ShapeStyle::from(&curve.colour).stroke_width(stroke(frame, 2.0));
        let n = curve.values.len();
        let every = n.div_ceil(MAX_VERTICES).max(1);
        let vertices = curve
            .values
            .iter()
            .enumerate()
            .filter(|(k, _)| k % every == 0 || k + 1 == n)
            .map(|(k, v)| [k as f64, log_gap(*v, min_value)]);
        polyline(root, t, vertices, style, 1.0)?;
        draw_log_gap_dot(root, frame, t, curve, min_value)?;
    }
    Ok(())
}

/// Draws the steps `range` of `curve` as in [`draw_log_gap_curves`], without its dot: one
/// piece of a curve drawn in pieces ([`super::pieces`]).
pub fn draw_log_gap_piece(
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    t: &Transform,
    curve: &Curve<'_>,
    range: std::ops::Range<usize>,
    min_value: f64,
) -> Result<(), String> {
    let style = ShapeStyle::from(&curve.colour).stroke_width(stroke(frame, 2.0));
    let start = range.start;
    let values = curve.values.get(range).unwrap_or_default();
    let vertices = values
        .iter()
        .enumerate()
        .map(|(k, v)| [(start + k) as f64, log_gap(*v, min_value)]);
    polyline(root, t, vertices, style, 1.0)
}

/// The dot at a curve's latest value, so a run at step 0 shows where it starts.
pub fn draw_log_gap_dot(
    root: &DrawingArea<Recorder, Shift>,
    frame: &Frame,
    t: &Transform,
    curve: &Curve<'_>,
    min_value: f64,
) -> Result<(), String> {
    let n = curve.values.len();
    if let Some(v) = curve.values.last() {
        let q = [(n - 1) as f64, log_gap(*v, min_value)];
        if t.contains(q) {
            chart::disc(
                root,
                t.to_px(q),
                3.0 * frame.scale,
                &curve.colour,
                &curve.colour,
                1,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::display::{self, Command, EstimatedText};
    use crate::viz::geometry::PixelRect;
    use std::rc::Rc;

    #[test]
    fn the_step_axis_ends_on_a_round_number_ahead_of_the_run() {
        let ends: Vec<f64> = [0, 10, 11, 16, 99, 100, 101, 151, 801, 4_001]
            .into_iter()
            .map(step_axis_end)
            .collect();
        assert_eq!(
            ends,
            [10.0, 10.0, 15.0, 20.0, 100.0, 100.0, 150.0, 200.0, 1000.0, 5000.0]
        );
        for steps in 10..5_000 {
            let end = step_axis_end(steps);
            assert!(
                end >= steps as f64 && steps as f64 >= 0.6 * end,
                "{steps} → {end}"
            );
        }
    }

    /// The path elements `polyline` records for `points` in a 100 × 100 plot of [0, 1]².
    fn paths(points: &[[f64; 2]]) -> usize {
        let t = Transform {
            rect: PixelRect {
                x: 0,
                y: 0,
                width: 100,
                height: 100,
            },
            x: Span::new(0.0, 1.0),
            y: Span::new(0.0, 1.0),
        };
        let commands = display::record((100, 100), 2.0, Rc::new(EstimatedText), |root, _| {
            polyline(
                root,
                &t,
                points.iter().copied(),
                ShapeStyle::from(&BLACK),
                0.0,
            )
        })
        .unwrap();
        commands
            .iter()
            .filter(|c| matches!(c, Command::Path(..) | Command::Line(..)))
            .count()
    }

    #[test]
    fn a_path_inside_the_plot_is_one_stroke_and_leaving_splits_it() {
        assert_eq!(paths(&[[0.1, 0.1], [0.2, 0.3], [0.4, 0.2], [0.5, 0.5]]), 1);
        assert_eq!(
            paths(&[[0.1, 0.1], [0.5, 0.5], [1.5, 0.5], [0.5, 0.6], [0.2, 0.2]]),
            2
        );
        assert_eq!(paths(&[[1.5, 1.5], [2.0, 2.0]]), 0);
        assert_eq!(paths(&[]), 0);
    }

    #[test]
    fn gaps_are_floored() {
        assert_eq!(log_gap(1.0, 0.0), 0.0);
        assert_eq!(log_gap(0.0, 0.0), -12.0);
        assert_eq!(log_gap(-5.0, 0.0), -12.0);
        assert!((log_gap(101.0, 1.0) - 2.0).abs() < 1e-15);
    }
}
