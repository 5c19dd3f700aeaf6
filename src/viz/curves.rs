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
    let x = Span::new(0.0, steps.max(10) as f64);
    let t = draw_axes(
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
    )?;
    for curve in curves {
        let style = ShapeStyle::from(&curve.colour).stroke_width(stroke(frame, 2.0));
        let n = curve.values.len();
        let every = n.div_ceil(MAX_VERTICES).max(1);
        let mut last: Option<[f64; 2]> = None;
        for (k, v) in curve.values.iter().enumerate() {
            if k % every != 0 && k + 1 != n {
                continue;
            }
            let q = [k as f64, log_gap(*v, min_value)];
            if let Some(a) = last {
                chart::segment(root, &t, a, q, style, None)?;
            }
            last = Some(q);
        }
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_floored() {
        assert_eq!(log_gap(1.0, 0.0), 0.0);
        assert_eq!(log_gap(0.0, 0.0), -12.0);
        assert_eq!(log_gap(-5.0, 0.0), -12.0);
        assert!((log_gap(101.0, 1.0) - 2.0).abs() < 1e-15);
    }
}
