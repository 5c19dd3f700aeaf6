//! Drawing the hypothesis-test widget: the null and alternative distributions with α, p and β
//! as areas; power against n; simulated p-values; the posterior of the mean.

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{format_p, pct, HypothesisTest, Model};
use crate::math::hypothesis::{Alternative, Test};
use crate::viz::annotate::backed_label;
use crate::viz::chart::{self, draw_axes, stroke, Axes};
use crate::viz::display::Recorder;
use crate::viz::format::sig;
use crate::viz::geometry::{Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::{Frame, PlotInfo};

type Area = DrawingArea<Recorder, Shift>;

/// Device pixels between samples along a curve: close enough that the sampled curve stays
/// within the path tolerance of the true one at a density's peak, at any pixel ratio (160
/// samples across the plot strayed further at a pixel ratio of 2).
const CURVE_STEP_PX: f64 = 3.0;

/// The largest |statistic| the null plot shows; a statistic beyond is marked at the edge.
const MAX_STAT_VIEW: f64 = 10.0;

/// Bins of the simulated p-values' histograms.
const P_BINS: usize = 20;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// The curve y = f(x) over [a, b] as pixel points, clipped to the plot.
fn curve(t: &Transform, a: f64, b: f64, f: &dyn Fn(f64) -> f64) -> Vec<(i32, i32)> {
    let (a, b) = (a.max(t.x.lo), b.min(t.x.hi));
    if b <= a || b.is_nan() || a.is_nan() {
        return Vec::new();
    }
    let span_px = (t.to_px([b, 0.0])[0] - t.to_px([a, 0.0])[0]).abs();
    let n = (span_px / CURVE_STEP_PX).ceil().clamp_to(8.0, 4000.0) as usize;
    (0..=n)
        .map(|i| {
            let x = a + (b - a) * i as f64 / n as f64;
            let y = f(x).clamp_to(t.y.lo, t.y.hi);
            t.to_backend([x, if y.is_finite() { y } else { t.y.lo }])
        })
        .collect()
}

/// Fills the area under y = f(x) over [a, b].
fn fill_under(
    root: &Area,
    t: &Transform,
    a: f64,
    b: f64,
    fill: ShapeStyle,
    f: &dyn Fn(f64) -> f64,
) -> Result<(), String> {
    let mut pts = curve(t, a, b, f);
    if pts.len() < 2 {
        return Ok(());
    }
    let (a, b) = (a.max(t.x.lo), b.min(t.x.hi));
    pts.push(t.to_backend([b, t.y.lo.max(0.0)]));
    pts.push(t.to_backend([a, t.y.lo.max(0.0)]));
    root.draw(&Polygon::new(pts, fill)).map_err(err)
}

fn path(root: &Area, pts: Vec<(i32, i32)>, style: ShapeStyle) -> Result<(), String> {
    if pts.len() < 2 {
        return Ok(());
    }
    root.draw(&PathElement::new(pts, style)).map_err(err)
}

fn vline(
    root: &Area,
    t: &Transform,
    x: f64,
    style: ShapeStyle,
    dash: Option<f64>,
) -> Result<(), String> {
    chart::segment(root, t, [x, t.y.lo], [x, t.y.hi], style, dash)
}

fn text(
    root: &Area,
    frame: &Frame,
    s: &str,
    at: [f64; 2],
    anchor: (HPos, VPos),
    colour: &RGBColor,
) -> Result<(), String> {
    backed_label(root, frame, s, at, anchor, colour)
}

/// Anchors a label at pixel x inside the plot: to the right of x, or to its left near the
/// right edge.
fn side_anchor(t: &Transform, x_px: f64, frame: &Frame, chars: usize) -> (f64, HPos) {
    let width = 0.55 * 11.0 * frame.scale * chars as f64;
    if x_px + 4.0 * frame.scale + width <= (t.rect.x + t.rect.width) as f64 {
        (x_px + 4.0 * frame.scale, HPos::Left)
    } else {
        (x_px - 4.0 * frame.scale, HPos::Right)
    }
}

impl HypothesisTest {
    /// Draws all four panels; see [`crate::viz::widget::Widget::draw`].
    pub(super) fn draw_all(&mut self, root: &Area, frame: &Frame) -> Result<(), String> {
        root.fill(&frame.theme.background).map_err(err)?;
        let (w, h) = root.dim_in_pixel();
        let wide = frame.width_css() >= 640.0;
        let panels: Vec<Area> = if wide {
            let (top, bottom) = root.split_vertically(h / 2);
            let (a, b) = top.split_horizontally(w / 2);
            let (c, d) = bottom.split_horizontally(w / 2);
            vec![a, b, c, d]
        } else {
            // Stacked, the null distribution gets the most height: its three rows of labels
            // (statistic and p, power, the critical values) sit above its curves.
            // (Cut one after another: plotters' split_by_breakpoints sorts the cuts with a
            // quicksort of its own, 3.5 KB of wasm.)
            let at = |share: f64| (h as f64 * share).round() as i32;
            let (a, rest) = root.split_vertically(at(0.31));
            let (b, rest) = rest.split_vertically(at(0.54) - at(0.31));
            let (c, d) = rest.split_vertically(at(0.77) - at(0.54));
            vec![a, b, c, d]
        };
        let [pa, pb, pc, pd] = [&panels[0], &panels[1], &panels[2], &panels[3]];
        // What α leaves alone first — three panels' axes and the whole posterior panel — then
        // the power panel's axes (its caption names α) and the rest: the keys and drags, which
        // mostly move α, then repaint only what follows while they go on (see `viz::layers`).
        let null_t = self.null_axes(pa, frame)?;
        let sim_t = self.simulation_axes(pc, frame)?;
        let post_t = self.posterior_axes(pd, frame)?;
        self.draw_posterior(root, &post_t, frame)?;
        let power_t = self.power_axes(pb, frame)?;
        self.draw_null(root, &null_t, frame)?;
        self.draw_power(root, &power_t, frame)?;
        self.draw_simulation(root, &sim_t, frame)?;
        self.plots = [
            ("null", null_t),
            ("power", power_t),
            ("simulation", sim_t),
            ("posterior", post_t),
        ]
        .into_iter()
        .map(|(id, transform)| PlotInfo {
            id,
            transform,
            scale: frame.scale,
        })
        .collect();
        Ok(())
    }

    fn null_axes(&self, area: &Area, frame: &Frame) -> Result<Transform, String> {
        let m = &self.model;
        let null = m.outcome.null;
        let shift = m.shift();
        let stat = m.outcome.statistic;
        let half = (4.5_f64)
            .max(shift.abs() + 3.5)
            .max(stat.abs() + 0.8)
            .min(MAX_STAT_VIEW);
        let peak = null.density(0.0);
        let name = if m.test == Test::Z { "z" } else { "t" };
        let caption = match m.outcome.df {
            Some(df) => format!(
                "Null distribution of {name} (df = {}), α, p and power",
                sig(df, 3)
            ),
            None => "Null distribution of z, α, p and power".to_string(),
        };
        // Three label rows (statistic, H₁, α) sit in the plot's top 46 px; the curves stay below.
        let factor = if frame.width_css() >= 640.0 {
            1.55
        } else {
            1.8
        };
        let height = chart::plot_height(area, frame, &caption)?;
        let top = chart::top_with_room(peak, factor, height, 46.0 * frame.scale);
        draw_axes(
            area,
            frame,
            &Axes {
                caption: &caption,
                x: Span::new(-half, half),
                y: Span::new(0.0, top),
                x_label: name,
                y_label: "density",
                grid: false,
            },
        )
    }

    fn draw_null(&self, root: &Area, t: &Transform, frame: &Frame) -> Result<(), String> {
        let m = &self.model;
        let theme = &frame.theme;
        let k = frame.scale;
        let null = m.outcome.null;
        let shift = m.shift();
        let stat = m.outcome.statistic;
        let half = t.x.hi;
        let name = if m.test == Test::Z { "z" } else { "t" };
        let t = *t;
        let (lo, hi) = m.bounds;
        let null_pdf = |x: f64| null.density(x);
        let alt_pdf = |x: f64| null.density(x - shift);
        // β: the alternative's mass inside the acceptance region.
        fill_under(root, &t, lo, hi, theme.accent.mix(0.18).filled(), &alt_pdf)?;
        // α: the null's mass in the rejection region.
        let alpha_fill = theme.warning.mix(0.4).filled();
        fill_under(root, &t, t.x.lo, lo, alpha_fill, &null_pdf)?;
        fill_under(root, &t, hi, t.x.hi, alpha_fill, &null_pdf)?;
        // p: the null's mass beyond the observed statistic.
        let p_fill = theme.points.mix(0.45).filled();
        match m.alternative {
            Alternative::Greater => fill_under(root, &t, stat, t.x.hi, p_fill, &null_pdf)?,
            Alternative::Less => fill_under(root, &t, t.x.lo, stat, p_fill, &null_pdf)?,
            Alternative::TwoSided => {
                fill_under(root, &t, stat.abs(), t.x.hi, p_fill, &null_pdf)?;
                fill_under(root, &t, t.x.lo, -stat.abs(), p_fill, &null_pdf)?;
            }
        }
        path(
            root,
            curve(&t, t.x.lo, t.x.hi, &alt_pdf),
            ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 1.5)),
        )?;
        path(
            root,
            curve(&t, t.x.lo, t.x.hi, &null_pdf),
            ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 2.0)),
        )?;
        let warn = ShapeStyle::from(&theme.warning).stroke_width(stroke(frame, 2.0));
        let top = t.rect.y as f64;
        for (bound, right) in [(lo, false), (hi, true)] {
            if bound.is_finite() && t.x.contains(bound) {
                vline(root, &t, bound, warn, Some(5.0 * k))?;
                let x = t.to_px([bound, 0.0])[0];
                let label = if m.alternative == Alternative::TwoSided {
                    format!("α/2 = {}", sig(m.alpha / 2.0, 2))
                } else {
                    format!("α = {}", sig(m.alpha, 2))
                };
                let at = if right { x + 4.0 * k } else { x - 4.0 * k };
                let h = if right { HPos::Left } else { HPos::Right };
                text(
                    root,
                    frame,
                    &label,
                    [at, top + 30.0 * k],
                    (h, VPos::Top),
                    &theme.warning,
                )?;
            }
        }
        // The observed statistic.
        let shown = stat.clamp_to(t.x.lo, t.x.hi);
        let xs = t.to_px([shown, 0.0])[0];
        let ink = ShapeStyle::from(&theme.points).stroke_width(stroke(frame, 2.5));
        vline(root, &t, shown, ink, None)?;
        let label = format!(
            "{name} = {}{}, p = {}",
            sig(stat, 3),
            if stat.abs() > half {
                " (off the scale)"
            } else {
                ""
            },
            format_p(m.outcome.p_value)
        );
        let (x, h) = side_anchor(&t, xs, frame, label.chars().count());
        text(
            root,
            frame,
            &label,
            [x, top + 3.0 * k],
            (h, VPos::Top),
            &theme.points,
        )?;
        // The alternative's centre, with power.
        let label = format!("H₁ (d = {}): power {}", sig(m.effect, 2), sig(m.power, 2));
        if t.x.contains(shift) {
            let xa = t.to_px([shift, 0.0])[0];
            let (x, h) = side_anchor(&t, xa, frame, label.chars().count());
            text(
                root,
                frame,
                &label,
                [x, top + 16.0 * k],
                (h, VPos::Top),
                &theme.accent,
            )?;
        }
        Ok(())
    }

    fn power_axes(&self, area: &Area, frame: &Frame) -> Result<Transform, String> {
        let m = &self.model;
        let n_max = m.power_curve.last().map_or(40.0, |p| p[0]);
        let group = if m.test == Test::Welch {
            "n per group"
        } else {
            "n"
        };
        draw_axes(
            area,
            frame,
            &Axes {
                caption: &format!(
                    "Power against {group} (d = {}, α = {})",
                    sig(m.effect, 2),
                    sig(m.alpha, 2)
                ),
                x: Span::new(0.0, n_max),
                y: Span::new(0.0, 1.05),
                x_label: group,
                y_label: "power",
                grid: true,
            },
        )
    }

    fn draw_power(&self, root: &Area, t: &Transform, frame: &Frame) -> Result<(), String> {
        let m = &self.model;
        let theme = &frame.theme;
        let k = frame.scale;
        let t = *t;
        let n_max = t.x.hi;
        let guide = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0));
        chart::segment(root, &t, [0.0, 0.8], [n_max, 0.8], guide, Some(4.0 * k))?;
        chart::segment(
            root,
            &t,
            [0.0, m.alpha],
            [n_max, m.alpha],
            ShapeStyle::from(&theme.warning).stroke_width(stroke(frame, 1.0)),
            Some(4.0 * k),
        )?;
        let pts: Vec<(i32, i32)> = m.power_curve.iter().map(|p| t.to_backend(*p)).collect();
        path(
            root,
            pts,
            ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 2.0)),
        )?;
        let n = m.a.n as f64;
        if t.x.contains(n) {
            let p = t.to_px([n, m.power]);
            chart::disc(
                root,
                p,
                5.0 * k,
                &theme.accent,
                &theme.background,
                stroke(frame, 1.5),
            )?;
            // Up and left of the point, above the rising curve, where it fits; else down and
            // right, under it. Straight below, it met the α line's label in a short panel.
            let label = format!("n = {}: {}", m.a.n, sig(m.power, 2));
            let width = 0.55 * 11.0 * k * label.chars().count() as f64;
            let (at, anchor) = if p[0] - 6.0 * k - width >= t.rect.x as f64 {
                (
                    [p[0] - 6.0 * k, p[1] - 4.0 * k],
                    (HPos::Right, VPos::Bottom),
                )
            } else {
                ([p[0] + 6.0 * k, p[1] + 4.0 * k], (HPos::Left, VPos::Top))
            };
            text(root, frame, &label, at, anchor, &theme.accent)?;
        }
        let x = t.rect.x as f64 + 4.0 * k;
        text(
            root,
            frame,
            "0.8",
            [x, t.to_px([0.0, 0.8])[1] - 2.0 * k],
            (HPos::Left, VPos::Bottom),
            &theme.muted,
        )?;
        // At the right end: the curve starts at α on the left, and its label's backing would
        // hide it there.
        let right = (t.rect.x + t.rect.width) as f64 - 4.0 * k;
        text(
            root,
            frame,
            "α (power when d = 0)",
            [right, t.to_px([0.0, m.alpha])[1] - 2.0 * k],
            (HPos::Right, VPos::Bottom),
            &theme.warning,
        )?;
        Ok(())
    }

    /// The simulated p-values under H₀ and under H₁ as densities on [0, 1] in
    /// [`P_BINS`] bins: a uniform histogram sits at 1.
    fn p_histograms(&self) -> (Vec<f64>, Vec<f64>) {
        let hist = |ps: &[f64]| -> Vec<f64> {
            let mut counts = [0.0; P_BINS];
            for &p in ps {
                let i = ((p * P_BINS as f64).floor() as usize).min(P_BINS - 1);
                counts[i] += 1.0;
            }
            let total = ps.len().max(1) as f64;
            counts.iter().map(|c| c * P_BINS as f64 / total).collect()
        };
        (hist(&self.model.sim_h0), hist(&self.model.sim_h1))
    }

    fn simulation_axes(&self, area: &Area, frame: &Frame) -> Result<Transform, String> {
        let m = &self.model;
        let (h0, h1) = self.p_histograms();
        let top = h0
            .iter()
            .chain(&h1)
            .fold(2.0_f64, |a, &b| a.max(b))
            .min(40.0);
        // Two label rows (the shares under H₀ and H₁) sit in the plot's top 33 px.
        let caption = format!("p-values of {} simulated experiments", m.sim_h0.len());
        let height = chart::plot_height(area, frame, &caption)?;
        let top = chart::top_with_room(top, 1.25, height, 33.0 * frame.scale);
        draw_axes(
            area,
            frame,
            &Axes {
                caption: &caption,
                x: Span::new(0.0, 1.0),
                y: Span::new(0.0, top),
                x_label: "p-value",
                y_label: "density",
                grid: true,
            },
        )
    }

    fn draw_simulation(&self, root: &Area, t: &Transform, frame: &Frame) -> Result<(), String> {
        let m = &self.model;
        let theme = &frame.theme;
        let k = frame.scale;
        let t = *t;
        let bins = P_BINS;
        let (h0, h1) = self.p_histograms();
        let top = t.y.hi;
        let h0_fill = mix(theme.background, theme.muted, 0.35);
        for (i, (&a, &b)) in h0.iter().zip(&h1).enumerate() {
            let x0 = i as f64 / bins as f64;
            let x1 = (i + 1) as f64 / bins as f64;
            let r0 = [t.to_backend([x0, 0.0]), t.to_backend([x1, a.min(top)])];
            root.draw(&Rectangle::new(r0, h0_fill.filled()))
                .map_err(err)?;
            let r1 = [t.to_backend([x0, 0.0]), t.to_backend([x1, b.min(top)])];
            root.draw(&Rectangle::new(
                r1,
                ShapeStyle::from(&theme.accent).stroke_width(stroke(frame, 1.5)),
            ))
            .map_err(err)?;
        }
        chart::segment(
            root,
            &t,
            [0.0, 1.0],
            [1.0, 1.0],
            ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.0)),
            Some(4.0 * k),
        )?;
        vline(
            root,
            &t,
            m.alpha,
            ShapeStyle::from(&theme.warning).stroke_width(stroke(frame, 2.0)),
            None,
        )?;
        let right = (t.rect.x + t.rect.width) as f64 - 4.0 * k;
        let y0 = t.rect.y as f64 + 3.0 * k;
        text(
            root,
            frame,
            &format!(
                "H₀ true: {} have p ≤ α (expected {})",
                pct(Model::share_below(&m.sim_h0, m.alpha)),
                pct(m.alpha)
            ),
            [right, y0],
            (HPos::Right, VPos::Top),
            &theme.muted,
        )?;
        text(
            root,
            frame,
            &format!(
                "H₁ true (d = {}): {} have p ≤ α",
                sig(m.effect, 2),
                pct(Model::share_below(&m.sim_h1, m.alpha))
            ),
            [right, y0 + 14.0 * k],
            (HPos::Right, VPos::Top),
            &theme.accent,
        )?;
        text(
            root,
            frame,
            "uniform",
            [right, t.to_px([0.0, 1.0])[1] - 2.0 * k],
            (HPos::Right, VPos::Bottom),
            &theme.text,
        )?;
        Ok(())
    }

    /// The quantity the posterior is of.
    fn posterior_of(&self) -> &'static str {
        if self.model.test == Test::Welch {
            "μ_A − μ_B"
        } else {
            "μ"
        }
    }

    fn posterior_axes(&self, area: &Area, frame: &Frame) -> Result<Transform, String> {
        let m = &self.model;
        let post = m.posterior;
        let v = m.null_value;
        let spread = 4.5 * post.scale;
        let x = Span::covering([post.centre - spread, post.centre + spread, v], 0.05);
        let peak = post.pdf(post.centre);
        let what = self.posterior_of();
        let prior_name = if m.prior.is_some() {
            "normal prior"
        } else {
            "flat prior"
        };
        let caption = format!("Posterior of {what} ({prior_name})");
        // Two label rows (posterior mass, one-sided p) sit in the plot's top 33 px.
        let factor = if frame.width_css() >= 640.0 { 1.6 } else { 2.0 };
        let height = chart::plot_height(area, frame, &caption)?;
        let top = chart::top_with_room(peak, factor, height, 33.0 * frame.scale);
        draw_axes(
            area,
            frame,
            &Axes {
                caption: &caption,
                x,
                y: Span::new(0.0, top),
                x_label: what,
                y_label: "density",
                grid: false,
            },
        )
    }

    fn draw_posterior(&self, root: &Area, t: &Transform, frame: &Frame) -> Result<(), String> {
        let m = &self.model;
        let theme = &frame.theme;
        let k = frame.scale;
        let t = *t;
        let post = m.posterior;
        let v = m.null_value;
        let what = self.posterior_of();
        let h0_side_left = match m.alternative {
            Alternative::Greater => true,
            Alternative::Less => false,
            Alternative::TwoSided => post.cdf(v) <= post.sf(v),
        };
        let fill = theme.reference.mix(0.35).filled();
        let pdf = |x: f64| post.pdf(x);
        if h0_side_left {
            fill_under(root, &t, t.x.lo, v, fill, &pdf)?;
        } else {
            fill_under(root, &t, v, t.x.hi, fill, &pdf)?;
        }
        if let Some((pm, psd)) = m.prior {
            let prior = |x: f64| {
                (-0.5 * ((x - pm) / psd).powi(2)).exp()
                    / (psd * (2.0 * std::f64::consts::PI).sqrt())
            };
            let style = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.5));
            path(root, curve(&t, t.x.lo, t.x.hi, &prior), style)?;
        }
        path(
            root,
            curve(&t, t.x.lo, t.x.hi, &pdf),
            ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 2.0)),
        )?;
        vline(
            root,
            &t,
            v,
            ShapeStyle::from(&theme.text).stroke_width(stroke(frame, 1.5)),
            Some(4.0 * k),
        )?;
        let side = if h0_side_left { "≤" } else { "≥" };
        let label = format!(
            "P({what} {side} {} | data) = {}",
            sig(v, 4),
            format_p(m.posterior_h0())
        );
        let top = t.rect.y as f64 + 3.0 * k;
        let right = (t.rect.x + t.rect.width) as f64 - 4.0 * k;
        text(
            root,
            frame,
            &label,
            [right, top],
            (HPos::Right, VPos::Top),
            &theme.reference,
        )?;
        let p_label = format!(
            "one-sided p = {}",
            format_p(match m.alternative {
                Alternative::TwoSided => m.outcome.p_value / 2.0,
                _ => m.outcome.p_value,
            })
        );
        text(
            root,
            frame,
            &p_label,
            [right, top + 14.0 * k],
            (HPos::Right, VPos::Top),
            &theme.points,
        )?;
        Ok(())
    }
}
