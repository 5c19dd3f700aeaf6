//! Drawing the Bayesian-updating widget: prior, previous posterior (ghost) and posterior
//! densities, the 95 % credible interval shaded, the true value, and the observed values.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{BayesUpdate, Belief};
use crate::math::distributions::{Beta, Distribution, Normal};
use crate::viz::annotate;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::geometry::{boxes_meet, Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

impl Belief {
    /// Its density (NaN where it has none), the distribution made once for every x asked
    /// about: a Beta's normalising constant is three log-gamma functions.
    fn density(&self) -> impl Fn(f64) -> f64 {
        let d = match *self {
            Belief::Beta(a, b) => Beta::new(a, b).ok().map(Distribution::Beta),
            Belief::Normal(m, s) => Normal::new(m, s).ok().map(Distribution::Normal),
        };
        move |x| d.map_or(f64::NAN, |d| d.density(x))
    }
}

impl BayesUpdate {
    /// The plotted range of the unknown: [0, 1] for a rate; for a mean, the prior's ±3.5 τ₀,
    /// the data and the posterior's ±4 sd (never the true mean, so dragging it keeps the axes).
    fn view(&self) -> Span {
        match (self.prior(), self.belief()) {
            (Belief::Normal(m0, s0), Belief::Normal(m, s)) => Span::covering(
                [m0 - 3.5 * s0, m0 + 3.5 * s0, m - 4.0 * s, m + 4.0 * s]
                    .into_iter()
                    .chain(self.data.iter().copied()),
                0.04,
            ),
            _ => Span::new(0.0, 1.0),
        }
    }

    /// Draws the plot; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(
        &mut self,
        root: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        root.fill(&theme.background).map_err(|e| e.to_string())?;
        let x = self.view();
        let beliefs: Vec<Belief> = [Some(self.prior()), self.previous, Some(self.belief())]
            .into_iter()
            .flatten()
            .collect();
        let n = 300;
        let densities: Vec<_> = beliefs.iter().map(Belief::density).collect();
        let top = (n / 50..n - n / 50)
            .flat_map(|i| {
                let v = x.lo + (i as f64 + 0.5) / n as f64 * x.width();
                densities.iter().map(move |f| f(v))
            })
            .filter(|d| d.is_finite())
            .fold(0.0, f64::max);
        let y = Span::new(0.0, if top > 0.0 { top * 1.15 } else { 1.0 });
        let normal = self.normal_model();
        let t = draw_axes(
            root,
            frame,
            &Axes {
                caption: if normal {
                    "Belief about the mean μ: prior, previous and current posterior"
                } else {
                    "Belief about the rate θ: prior, previous and current posterior"
                },
                x,
                y,
                x_label: if normal { "μ" } else { "θ" },
                y_label: "density",
                grid: true,
            },
        )?;
        let (_, ci, _) = self.summary();
        self.shade_interval(root, frame, &t, ci)?;
        let curve = |belief: Belief, colour: RGBColor, width: f64, dash: Option<f64>| {
            self.curve(root, frame, &t, belief, colour, width, dash)
        };
        curve(self.prior(), theme.muted, 1.5, Some(3.0))?;
        if let Some(previous) = self.previous {
            curve(
                previous,
                mix(theme.background, theme.points, 0.7),
                2.0,
                Some(6.0),
            )?;
        }
        curve(self.belief(), theme.accent, 2.5, None)?;
        self.draw_truth(root, frame, &t)?;
        self.draw_data(root, frame, &t)?;
        self.legend(root, frame, &t)?;
        self.plots = vec![PlotInfo {
            id: "posterior",
            transform: t,
            scale: frame.scale,
        }];
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn curve<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
        belief: Belief,
        colour: RGBColor,
        width: f64,
        dash: Option<f64>,
    ) -> Result<(), String> {
        let steps = (t.rect.width / 2).max(2) as usize;
        let density = belief.density();
        let points: Vec<[f64; 2]> = (0..=steps)
            .map(|i| {
                let x = t.x.lo + i as f64 / steps as f64 * t.x.width();
                let d = density(x);
                [x, if d.is_finite() { d.min(t.y.hi) } else { t.y.hi }]
            })
            .collect();
        let style = ShapeStyle::from(&colour).stroke_width(stroke(frame, width));
        match dash {
            None => root
                .draw(&PathElement::new(
                    points.iter().map(|p| t.to_backend(*p)).collect::<Vec<_>>(),
                    style,
                ))
                .map_err(|e| e.to_string()),
            Some(d) => {
                // Dashes along the curve: every other run of about `d` CSS px.
                let mut on = true;
                let mut run = 0.0;
                let mut piece = Vec::new();
                for pair in points.windows(2) {
                    let (a, b) = (t.to_px(pair[0]), t.to_px(pair[1]));
                    run += (b[0] - a[0]).hypot(b[1] - a[1]);
                    if on {
                        piece.push(t.to_backend(pair[0]));
                    }
                    if run >= d * frame.scale {
                        if on {
                            piece.push(t.to_backend(pair[1]));
                            root.draw(&PathElement::new(std::mem::take(&mut piece), style))
                                .map_err(|e| e.to_string())?;
                        }
                        on = !on;
                        run = 0.0;
                    }
                }
                if piece.len() > 1 {
                    root.draw(&PathElement::new(piece, style))
                        .map_err(|e| e.to_string())?;
                }
                Ok(())
            }
        }
    }

    fn shade_interval<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
        ci: [f64; 2],
    ) -> Result<(), String> {
        let (lo, hi) = (ci[0].max(t.x.lo), ci[1].min(t.x.hi));
        if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) {
            return Ok(());
        }
        let density = self.belief().density();
        let steps = ((t.to_px([hi, 0.0])[0] - t.to_px([lo, 0.0])[0]) / 2.0).max(2.0) as usize;
        let mut poly = vec![t.to_backend([lo, 0.0])];
        poly.extend((0..=steps).map(|i| {
            let x = lo + i as f64 / steps as f64 * (hi - lo);
            let d = density(x);
            t.to_backend([x, if d.is_finite() { d.min(t.y.hi) } else { t.y.hi }])
        }));
        poly.push(t.to_backend([hi, 0.0]));
        root.draw(&Polygon::new(
            poly,
            mix(frame.theme.background, frame.theme.accent, 0.25).filled(),
        ))
        .map_err(|e| e.to_string())
    }

    /// The true value as a dashed line (the handle readers drag), or an arrow at the edge.
    fn draw_truth<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let truth = self.options.float(self.truth_name());
        let x = truth.clamp_to(t.x.lo, t.x.hi);
        let style = ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 2.0));
        chart::segment(root, t, [x, t.y.lo], [x, t.y.hi], style, Some(5.0 * s))?;
        let (text, at, anchor) = self.truth_label(frame, t);
        chart::label(root, frame, text, at, anchor, 11.0, &theme.reference)
    }

    /// The true value's label: beside the top of its line, on the side away from the legend
    /// (which sits on the side of the plot the line is not on), or the other side where it
    /// would run out of the plot.
    fn truth_label(&self, frame: &Frame, t: &Transform) -> (&'static str, [f64; 2], (HPos, VPos)) {
        let s = frame.scale;
        let [px, py] = self.truth_top(t);
        let text = if self.normal_model() {
            "true mean (drag)"
        } else {
            "true rate (drag)"
        };
        let width = 0.55 * 11.0 * s * text.chars().count() as f64;
        let (left, right) = (t.rect.x as f64, (t.rect.x + t.rect.width) as f64);
        let towards_right = if self.legend_left(t, px) {
            px + 5.0 * s + width <= right
        } else {
            px - 5.0 * s - width < left
        };
        let at_y = py + 8.0 * s;
        if towards_right {
            (text, [px + 5.0 * s, at_y], (HPos::Left, VPos::Top))
        } else {
            (text, [px - 5.0 * s, at_y], (HPos::Right, VPos::Top))
        }
    }

    /// The top of the true value's line, in pixels (at the plot's edge when the value is
    /// off the scale).
    fn truth_top(&self, t: &Transform) -> [f64; 2] {
        let truth = self.options.float(self.truth_name());
        t.to_px([truth.clamp_to(t.x.lo, t.x.hi), t.y.hi])
    }

    /// Whether the legend goes on the left: when the true value's line is in the right half.
    fn legend_left(&self, t: &Transform, px: f64) -> bool {
        px > t.rect.x as f64 + t.rect.width as f64 / 2.0
    }

    /// Observed values as discs just above the axis, in three staggered rows.
    fn draw_data<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        if !self.normal_model() {
            return Ok(());
        }
        let s = frame.scale;
        let base = (t.rect.y + t.rect.height) as f64;
        for (i, x) in self.data.iter().enumerate() {
            if !t.x.contains(*x) {
                continue;
            }
            let px = t.to_px([*x, 0.0])[0];
            let row = (i % 3) as f64;
            chart::disc(
                root,
                [px, base - (6.0 + 6.0 * row) * s],
                3.0 * s,
                &frame.theme.points,
                &frame.theme.background,
                stroke(frame, 0.75),
            )?;
        }
        Ok(())
    }

    fn legend<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        frame: &Frame,
        t: &Transform,
    ) -> Result<(), String> {
        let theme = &frame.theme;
        let s = frame.scale;
        let mut entries = vec![("prior (dotted)", theme.muted)];
        if self.previous.is_some() {
            entries.push(("previous (dashed)", theme.points));
        }
        entries.push(("posterior, 95 % shaded", theme.accent));
        // Opposite the true value's line, and a row lower where its label would still meet
        // the first entry.
        let (truth, at, anchor) = self.truth_label(frame, t);
        let line = self.truth_top(t)[0];
        let truth_box = annotate::label_box(frame, truth, at, anchor);
        let widest = entries
            .iter()
            .map(|(text, _)| 0.55 * 11.0 * s * text.chars().count() as f64)
            .fold(0.0, f64::max);
        let (x, h, x0, x1) = if self.legend_left(t, line) {
            let x = t.rect.x as f64 + 6.0 * s;
            (x, HPos::Left, x, x + widest)
        } else {
            let x = (t.rect.x + t.rect.width) as f64 - 6.0 * s;
            (x, HPos::Right, x - widest, x)
        };
        let mut y = t.rect.y as f64 + 22.0 * s;
        if boxes_meet(truth_box, [x0, y - 7.0 * s, x1, y + 7.0 * s]) {
            y = truth_box[3] + 9.0 * s;
        }
        for (text, colour) in entries {
            chart::label(root, frame, text, [x, y], (h, VPos::Center), 11.0, &colour)?;
            y += 15.0 * s;
        }
        Ok(())
    }
}
