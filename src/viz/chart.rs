//! Shared drawing pieces: framed axes with ticks and labels, arrows, markers, dashed lines —
//! all through plotters, all sized in device pixels from a [`Frame`].

use crate::math::ClampTo;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format::sig;
use super::geometry::{PixelRect, Span, Transform};
use super::widget::Frame;

/// What one set of axes shows.
#[derive(Debug, Clone, Copy)]
pub struct Axes<'a> {
    /// The caption above the plot.
    pub caption: &'a str,
    /// Data range along x.
    pub x: Span,
    /// Data range along y.
    pub y: Span,
    /// The x axis's name.
    pub x_label: &'a str,
    /// The y axis's name.
    pub y_label: &'a str,
    /// Whether to draw grid lines (off when a field covers the plot).
    pub grid: bool,
}

/// Draws framed axes with ticks, tick labels and axis names on `area`; returns the transform of
/// the plotting rectangle inside them.
///
/// Layout, in CSS pixels scaled by the frame: a margin of 6 (14 on the right), the caption
/// (13 px; where that is too wide, down to 11 px, else on two lines, each down to 9 px) centred
/// on top, a band of 50 for the y tick labels and the y axis's name (turned a
/// quarter anticlockwise) on the left, one of 38 for the x tick labels and name below. Ticks
/// are [`ticks`]: 6 per axis, 4 when the area is under 300 px wide, and along y at most one
/// for every 22 px of the plot's height (at least 2); grid lines at them when
/// `axes.grid`. Under a caption reaching over the y tick labels, a tick label at the plot's top
/// edge moves the plot 6 lower.
pub fn draw_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    axes: &Axes<'_>,
) -> Result<Transform, String> {
    axes_with(area, frame, axes, true)
}

/// [`draw_axes`] with a scale along x only: the y axis is a bare line (a strip of points).
pub fn draw_x_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    axes: &Axes<'_>,
) -> Result<Transform, String> {
    axes_with(area, frame, axes, false)
}

/// [`draw_axes`], with ticks along y only if `y_scale`.
fn axes_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    axes: &Axes<'_>,
    y_scale: bool,
) -> Result<Transform, String> {
    let theme = &frame.theme;
    let w = area.dim_in_pixel().0 as i32;
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let font = |size: f64, colour: &RGBColor| {
        (FontFamily::SansSerif, frame.font(size))
            .into_font()
            .color(colour)
    };

    // The caption, inside the margins; the plot below it, right of and above the label bands.
    let (left, right) = (frame.px(6.0), w - frame.px(14.0));
    let Rows {
        top,
        pad,
        mut plot_top,
        plot_bottom,
        caption,
        over_ticks,
    } = rows(area, frame, axes.caption)?;
    let style = font(caption.size, &theme.text).pos(Pos::new(HPos::Center, VPos::Top));
    let lines = match caption.split {
        Some(i) => halves(axes.caption, i),
        None => [axes.caption, ""],
    };
    for (line, y) in lines.into_iter().zip([top + pad, top + pad + caption.line]) {
        if !line.is_empty() {
            area.draw(&Text::new(
                line,
                (left + (right - left) / 2, y),
                style.clone(),
            ))
            .map_err(err)?;
        }
    }
    let max_ticks = if (w as f64) / frame.scale < 300.0 {
        4
    } else {
        6
    };
    let x_ticks = ticks(axes.x, max_ticks);
    // Along y, no more than one label every 22 CSS px of the plot's height: a short plot (a
    // stacked panel on a phone) gets fewer, so that its labels do not run into each other.
    let tall = f64::from(plot_bottom - plot_top) / frame.scale;
    let y_max = ((tall / 22.0) as usize).clamp(2, max_ticks);
    let y_ticks = if y_scale {
        ticks(axes.y, y_max)
    } else {
        Vec::new()
    };
    // A tick label at (or within 3 % of) the plot's top stands half its height above it: under
    // a caption reaching over the labels' band, the plot starts lower to keep them apart.
    if over_ticks
        && y_ticks
            .last()
            .is_some_and(|&v| axes.y.hi - v <= 0.03 * axes.y.width())
    {
        plot_top += frame.px(6.0);
    }
    let plot_left = left + frame.px(50.0);
    let (base_x, base_y) = area.get_base_pixel();
    let t = Transform {
        rect: PixelRect {
            x: base_x + plot_left,
            y: base_y + plot_top,
            width: (right - plot_left).max(0),
            height: (plot_bottom - plot_top).max(0),
        },
        x: axes.x,
        y: axes.y,
    };
    // Pixel positions along each axis, relative to `area`.
    let at_x = |v: f64| (t.to_px([v, axes.y.lo])[0].round() as i32) - base_x;
    let at_y = |v: f64| (t.to_px([axes.x.lo, v])[1].round() as i32) - base_y;

    let line = |a: (i32, i32), b: (i32, i32), style: ShapeStyle| {
        area.draw(&PathElement::new(vec![a, b], style)).map_err(err)
    };
    if axes.grid {
        let grid = ShapeStyle::from(&theme.grid).stroke_width(stroke(frame, 1.0));
        for &v in &x_ticks {
            line((at_x(v), plot_top), (at_x(v), plot_bottom), grid)?;
        }
        for &v in &y_ticks {
            line((plot_left, at_y(v)), (right, at_y(v)), grid)?;
        }
    }

    // The axes along the plot's bottom and left edges, just outside it, with outward ticks and
    // their labels (a tick is a whole multiple of its spacing, so the one at zero is exactly 0).
    let axis = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0));
    let tick = frame.px(4.0);
    let label_gap = 2 * tick;
    let label_style = font(11.0, &theme.muted);
    line((plot_left, plot_bottom), (right, plot_bottom), axis)?;
    line(
        (plot_left - 1, plot_top),
        (plot_left - 1, plot_bottom),
        axis,
    )?;
    for &v in &x_ticks {
        let x = at_x(v);
        line((x, plot_bottom), (x, plot_bottom + tick), axis)?;
        area.draw(&Text::new(
            sig(v, 3),
            (x, plot_bottom + label_gap),
            label_style.pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
    }
    for &v in &y_ticks {
        let y = at_y(v);
        line((plot_left - 1 - tick, y), (plot_left - 1, y), axis)?;
        area.draw(&Text::new(
            sig(v, 3),
            (plot_left - label_gap, y),
            label_style.pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
    }

    // The axes' names: x centred at the bottom of its band, y turned and centred on the left.
    let name_style = font(12.0, &theme.text);
    area.draw(&Text::new(
        axes.x_label.to_string(),
        ((plot_left + right) / 2, plot_bottom + frame.px(38.0)),
        name_style.pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))
    .map_err(err)?;
    area.draw(&Text::new(
        axes.y_label.to_string(),
        (left, (plot_top + plot_bottom) / 2),
        name_style
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(err)?;
    Ok(t)
}

/// Where [`draw_axes`] puts things down `area`, in device pixels from its top.
struct Rows {
    /// The top margin, where the caption's band starts.
    top: i32,
    /// The space above and below the caption.
    pad: i32,
    /// The plot's top and bottom edges.
    plot_top: i32,
    plot_bottom: i32,
    /// How the caption is set.
    caption: Caption,
    /// Whether the caption reaches over the y tick labels' band.
    over_ticks: bool,
}

/// How a caption fits between the margins: at 13 CSS px on one line where it can; else on one
/// line down to 11 px; else broken at the space that leaves the wider line narrowest, each line
/// as large as fits (down to 9 px: a longer caption is the widget's to shorten).
struct Caption {
    /// The font size in CSS pixels.
    size: f64,
    /// The byte index of the space where the second line starts after, if two lines.
    split: Option<usize>,
    /// One line's height in device pixels.
    line: i32,
}

/// The rows of [`draw_axes`]'s layout under `caption` (measured by the backend).
fn rows<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    caption: &str,
) -> Result<Rows, String> {
    let (w, h) = area.dim_in_pixel();
    let room = f64::from((w as i32 - frame.px(20.0)).max(1));
    let measure = |text: &str, size: f64| measure_text(area, frame, text, size);
    let (width, _) = measure(caption, 13.0)?;
    // The size, the break, and the wider line's width at 13 px.
    let (size, split, wider) = if width <= room {
        (13.0, None, width)
    } else if width * 11.0 / 13.0 <= room {
        (13.0 * room / width, None, width)
    } else {
        let mut best: Option<(usize, f64)> = None;
        for (i, _) in caption.match_indices(' ') {
            let [a, b] = halves(caption, i);
            let wider = measure(a, 13.0)?.0.max(measure(b, 13.0)?.0);
            if best.is_none_or(|(_, b)| wider < b) {
                best = Some((i, wider));
            }
        }
        match best {
            Some((i, wider)) => ((13.0 * room / wider).clamp_to(9.0, 13.0), Some(i), wider),
            None => (11.0, None, width),
        }
    };
    let line = measure(caption, size)?.1;
    let lines = if split.is_some() { 2 } else { 1 };
    let pad = (line / 2).min(5);
    let top = frame.px(6.0);
    Ok(Rows {
        top,
        pad,
        plot_top: top + 2 * pad + lines * line,
        over_ticks: wider * size / 13.0 > room - f64::from(2 * frame.px(50.0)),
        plot_bottom: h as i32 - frame.px(6.0) - frame.px(38.0),
        caption: Caption { size, split, line },
    })
}

/// `text` before and after the one-byte separator at byte `at` (by `get`: slicing with `[]`
/// brings in its panic's formatting, 4 KB of wasm).
fn halves(text: &str, at: usize) -> [&str; 2] {
    [
        text.get(..at).unwrap_or_default(),
        text.get(at + 1..).unwrap_or_default(),
    ]
}

/// The width and height in device pixels of `text` in the theme's font at `size` CSS pixels,
/// as the backend measures it (in a browser, as the canvas draws it).
#[inline(never)]
pub fn measure_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    text: &str,
    size: f64,
) -> Result<(f64, i32), String> {
    let style = (FontFamily::SansSerif, frame.font(size))
        .into_font()
        .color(&frame.theme.text);
    area.estimate_text_size(text, &style)
        .map(|(w, h)| (f64::from(w), h as i32))
        .map_err(|e| e.to_string())
}

/// The height in device pixels of the plot [`draw_axes`] will leave in `area` under `caption`.
pub fn plot_height<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    caption: &str,
) -> Result<f64, String> {
    let r = rows(area, frame, caption)?;
    Ok(f64::from((r.plot_bottom - r.plot_top).max(0)))
}

/// The top of a y range from 0 for data reaching `peak`: `peak × factor`, or higher where the
/// plot (`height` device pixels) is short, so that the top `reserved` pixels, where labels sit,
/// stay clear of the data. At most 6 × `peak`, for a plot hardly taller than its labels.
///
/// ```
/// use mathsight::viz::chart::top_with_room;
/// assert_eq!(top_with_room(0.4, 1.5, 300.0, 60.0), 0.4 * 1.5); // room enough already
/// assert_eq!(top_with_room(1.0, 1.5, 100.0, 60.0), 2.5); // the peak stays 60 px below the top
/// assert_eq!(top_with_room(1.0, 1.5, 50.0, 60.0), 6.0);
/// ```
pub fn top_with_room(peak: f64, factor: f64, height: f64, reserved: f64) -> f64 {
    let room = height - reserved;
    let needed = if room > 0.0 {
        height / room
    } else {
        f64::INFINITY
    };
    peak * factor.max(needed).min(6.0)
}

/// Round values in `span` (inclusive) for an axis, evenly spaced by 1, 2 or 5 times a power of
/// ten: the finest such spacing that gives at most `max`, unless that leaves a single one; then
/// the next finer, for two or more (at most `max` + 2). Empty for an empty or non-finite span.
///
/// ```
/// use mathsight::viz::chart::ticks;
/// use mathsight::viz::geometry::Span;
/// assert_eq!(ticks(Span::new(-1.0, 1.0), 6), [-1.0, -0.5, 0.0, 0.5, 1.0]);
/// assert_eq!(ticks(Span::new(0.0, 30.0), 4), [0.0, 10.0, 20.0, 30.0]);
/// assert_eq!(ticks(Span::new(0.1, 0.9), 4), [0.2, 0.4, 0.6, 0.8]); // not [0.5] alone
/// ```
pub fn ticks(span: Span, max: usize) -> Vec<f64> {
    let (lo, hi) = (span.lo, span.hi);
    if !(lo.is_finite() && hi.is_finite() && hi > lo && max > 0) {
        return Vec::new();
    }
    let count = |step: f64| (hi / step).floor() - (lo / step).ceil() + 1.0;
    // (hi − lo) / 10^e is in [max, 10·max), so 10^(e + 1) always fits. A step is m · 10^p with
    // a whole m, so that a tick k · m · 10^p is computed from whole numbers in one rounding.
    let e = ((hi - lo) / max as f64).log10().floor() as i32;
    let value = |whole: f64, p: i32| {
        if (-22..0).contains(&p) {
            whole / 10f64.powi(-p) // 10^-p is exact: one rounding
        } else {
            whole * 10f64.powf(f64::from(p))
        }
    };
    let steps = [(5.0, e - 1), (1.0, e), (2.0, e), (5.0, e), (1.0, e + 1)];
    let fits = steps
        .iter()
        .position(|&(m, p)| count(value(m, p)) <= max as f64)
        .unwrap_or(steps.len() - 1);
    let single = |i: usize| steps.get(i).is_some_and(|&(m, p)| count(value(m, p)) < 2.0);
    let chosen = if single(fits) {
        fits.saturating_sub(1)
    } else {
        fits
    };
    let (m, p) = steps.get(chosen).copied().unwrap_or((1.0, e + 1));
    let step = value(m, p);
    let first = (lo / step).ceil();
    let n = count(step).clamp_to(0.0, max as f64 + 2.0) as usize;
    (0..n).map(|k| value((first + k as f64) * m, p)).collect()
}

/// A line width of `css` CSS pixels, at least one device pixel.
pub fn stroke(frame: &Frame, css: f64) -> u32 {
    frame.px(css).max(1) as u32
}

/// Draws the data segment a–b, clipped to the plot, solid or dashed.
pub fn segment<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    t: &Transform,
    a: [f64; 2],
    b: [f64; 2],
    style: ShapeStyle,
    dash_px: Option<f64>,
) -> Result<(), String> {
    let Some((a, b)) = t.clip(a, b) else {
        return Ok(());
    };
    let (pa, pb) = (t.to_px(a), t.to_px(b));
    let pieces: Vec<([f64; 2], [f64; 2])> = match dash_px {
        None => vec![(pa, pb)],
        Some(dash) => {
            let len = (pb[0] - pa[0]).hypot(pb[1] - pa[1]);
            let count = (len / (2.0 * dash)).ceil().max(1.0) as usize;
            (0..count)
                .map(|k| {
                    let t0 = (2 * k) as f64 * dash / len.max(1e-9);
                    let t1 = (t0 + dash / len.max(1e-9)).min(1.0);
                    let at = |t: f64| [pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])];
                    (at(t0.min(1.0)), at(t1))
                })
                .collect()
        }
    };
    for (p, q) in pieces {
        let path = vec![
            (p[0].round() as i32, p[1].round() as i32),
            (q[0].round() as i32, q[1].round() as i32),
        ];
        root.draw(&PathElement::new(path, style))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Draws an arrow from pixel `from` to pixel `to` with a filled head `head` pixels long.
pub fn arrow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    from: [f64; 2],
    to: [f64; 2],
    head: f64,
    style: ShapeStyle,
) -> Result<(), String> {
    let d = [to[0] - from[0], to[1] - from[1]];
    let len = d[0].hypot(d[1]);
    if !(len.is_finite() && len > 1.0) {
        return Ok(());
    }
    let u = [d[0] / len, d[1] / len];
    let base = [to[0] - u[0] * head, to[1] - u[1] * head];
    let n = [-u[1] * head * 0.45, u[0] * head * 0.45];
    let p = |v: [f64; 2]| (v[0].round() as i32, v[1].round() as i32);
    root.draw(&PathElement::new(vec![p(from), p(base)], style))
        .map_err(|e| e.to_string())?;
    root.draw(&Polygon::new(
        vec![
            p(to),
            p([base[0] + n[0], base[1] + n[1]]),
            p([base[0] - n[0], base[1] - n[1]]),
        ],
        style.color.filled(),
    ))
    .map_err(|e| e.to_string())?;
    Ok(())
}

/// Draws `text` at a pixel position with the given anchor, size in CSS px and colour.
pub fn label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    text: &str,
    at: [f64; 2],
    anchor: (HPos, VPos),
    size_css: f64,
    colour: &RGBColor,
) -> Result<(), String> {
    let style = (FontFamily::SansSerif, frame.font(size_css))
        .into_font()
        .color(colour)
        .pos(Pos::new(anchor.0, anchor.1));
    root.draw(&Text::new(
        text.to_string(),
        (at[0].round() as i32, at[1].round() as i32),
        style,
    ))
    .map_err(|e| e.to_string())
}

/// Draws a filled disc with a ring in `ring` colour (markers stay visible on any background).
pub fn disc<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: [f64; 2],
    radius: f64,
    fill: &RGBColor,
    ring: &RGBColor,
    ring_width: u32,
) -> Result<(), String> {
    let c = (at[0].round() as i32, at[1].round() as i32);
    let r = radius.round().max(1.0) as i32;
    root.draw(&Circle::new(c, r, fill.filled()))
        .map_err(|e| e.to_string())?;
    root.draw(&Circle::new(
        c,
        r,
        ShapeStyle::from(ring).stroke_width(ring_width),
    ))
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_of_degenerate_spans_are_none() {
        assert!(ticks(Span { lo: 1.0, hi: 1.0 }, 6).is_empty());
        assert!(ticks(
            Span {
                lo: 0.0,
                hi: f64::NAN
            },
            6
        )
        .is_empty());
        assert!(ticks(
            Span {
                lo: 0.0,
                hi: f64::INFINITY
            },
            6
        )
        .is_empty());
        assert!(ticks(Span { lo: 0.0, hi: 1.0 }, 0).is_empty());
        assert_eq!(
            ticks(
                Span {
                    lo: 0.0,
                    hi: 1e-310
                },
                6
            )
            .len(),
            6
        );
        assert_eq!(ticks(Span::new(0.0, 3e300), 4), [0.0, 1e300, 2e300, 3e300]);
    }

    /// A tick is a whole multiple of its spacing, so the one at zero is exactly +0: its label
    /// reads "0", not "5.55e-17" or "-0".
    #[test]
    fn the_tick_at_zero_is_exactly_zero() {
        for (lo, hi, max) in [
            (-0.5, 0.5, 10),
            (-0.37, 0.93, 6),
            (-3.0, 17.0, 4),
            (-1e-7, 3e-7, 6),
        ] {
            let zero = ticks(Span::new(lo, hi), max)
                .into_iter()
                .find(|v| v.abs() < 1e-300);
            assert_eq!(zero.map(f64::to_bits), Some(0), "{lo}..{hi}");
        }
    }

    /// The caption's text commands, drawn by [`draw_axes`] on an area `width` CSS px wide
    /// at DPR 2 (text measured at 0.55 em a character), and the plot's top edge.
    fn caption_of(caption: &str, width: u32) -> (Vec<(String, f64, i32)>, i32) {
        use crate::viz::display::{self, Command, EstimatedText};
        use crate::viz::theme::Theme;
        use std::rc::Rc;
        let frame = Frame {
            width_px: 2 * width,
            height_px: 600,
            scale: 2.0,
            theme: Theme::LIGHT,
        };
        let mut top = 0;
        let axes = Axes {
            caption,
            x: Span::new(0.0, 1.0),
            y: Span::new(0.0, 1.0),
            x_label: "x",
            y_label: "y",
            grid: false,
        };
        let commands = display::record(
            (frame.width_px, 600),
            2.0,
            Rc::new(EstimatedText),
            |root, _| {
                top = draw_axes(root, &frame, &axes)?.rect.y;
                Ok(())
            },
        )
        .unwrap();
        let lines = commands
            .into_iter()
            .filter_map(|c| match c {
                Command::Text(text, style, (_, y)) if style.size > 2.0 * 12.5 - 8.0 && y < top => {
                    Some((text, style.size / 2.0, y))
                }
                _ => None,
            })
            .collect();
        (lines, top)
    }

    /// A caption that fits stays whole at 13 px; one a little too wide shrinks; a long one
    /// breaks at a space into two lines that each fit, and the plot starts below both.
    #[test]
    fn captions_fit_the_width() {
        let short = "Cost against the step";
        let (lines, _) = caption_of(short, 320);
        // Below the 6 px margin (12 device px) and a pad of 5 device px.
        assert_eq!(lines, [(short.to_string(), 13.0, 12 + 5)]);

        // 46 characters: 329 px at 13 px, 300 at the room of a 320 px area.
        let a_bit_wide = "Normal(μ = 0, σ = 1): PDF and sample histogram";
        let (lines, _) = caption_of(a_bit_wide, 320);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].1 < 13.0 && lines[0].1 >= 11.0, "{lines:?}");
        assert!(0.55 * lines[0].1 * 46.0 <= 300.0, "{lines:?}");

        let long = "Belief about the rate θ: prior, previous and current posterior";
        let (lines, top) = caption_of(long, 320);
        let texts: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Belief about the rate θ: prior,",
                "previous and current posterior"
            ]
        );
        for (text, size, _) in &lines {
            assert!(
                0.55 * size * text.chars().count() as f64 <= 300.0,
                "{lines:?}"
            );
        }
        assert!(
            lines[1].2 > lines[0].2 && top > lines[1].2,
            "{lines:?}, plot at {top}"
        );
    }

    /// A short plot gets at most one y tick label every 22 CSS px, and still two; a tall one
    /// the usual 6 at most.
    #[test]
    fn y_tick_labels_keep_apart_in_a_short_plot() {
        use crate::viz::display::{self, Command, EstimatedText};
        use crate::viz::theme::Theme;
        use std::rc::Rc;
        for (height, most) in [(110, 2), (140, 3), (600, 6)] {
            let frame = Frame {
                width_px: 2 * 600,
                height_px: 2 * height,
                scale: 2.0,
                theme: Theme::LIGHT,
            };
            let axes = Axes {
                caption: "Power",
                x: Span::new(0.0, 1.0),
                y: Span::new(0.0, 1.05),
                x_label: "n",
                y_label: "power",
                grid: false,
            };
            let mut rect = None;
            let commands = display::record(
                (frame.width_px, frame.height_px),
                2.0,
                Rc::new(EstimatedText),
                |root, _| {
                    rect = Some(draw_axes(root, &frame, &axes)?.rect);
                    Ok(())
                },
            )
            .unwrap();
            let rect = rect.unwrap();
            // The y tick labels: right-aligned, left of the plot, within its height.
            let ys: Vec<i32> = commands
                .iter()
                .filter_map(|c| match c {
                    Command::Text(_, style, (x, y))
                        if *x < rect.x
                            && (rect.y..=rect.y + rect.height).contains(y)
                            && style.quarter_turns == 0 =>
                    {
                        Some(*y)
                    }
                    _ => None,
                })
                .collect();
            let tall_css = f64::from(rect.height) / 2.0;
            assert!(
                ys.len() >= 2 && ys.len() <= most && ys.len() as f64 <= (tall_css / 22.0).max(2.0),
                "{height} px: {} labels over {tall_css} px",
                ys.len()
            );
            for pair in ys.windows(2) {
                assert!((pair[0] - pair[1]).abs() >= 2 * 14, "{height} px: {ys:?}");
            }
        }
    }

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// At least 2 ticks (for a `max` of 4 or more, as the axes ask), inside the span,
            /// evenly spaced by 1, 2 or 5 × 10^k; more than `max` only when `max` would leave one.
            #[test]
            fn ticks_are_few_round_and_inside(
                offset in -1e3..1e3f64,
                width_exp in -6.0..7.0f64,
                max in 4usize..10,
            ) {
                // Anywhere within a thousand widths of zero (a span far narrower than its
                // distance from zero is beyond what doubles can space evenly).
                let width = 10f64.powf(width_exp);
                let span = Span { lo: offset * width, hi: (offset + 1.0) * width };
                let t = ticks(span, max);
                prop_assert!((2..=max + 2).contains(&t.len()), "{} ticks: {:?}", t.len(), t);
                // The spacing, found from two neighbours and made exact.
                let raw = t[1] - t[0];
                let power = 10f64.powf(raw.log10().floor());
                let m = [1.0, 2.0, 5.0, 10.0].into_iter().find(|m| (raw / power - m).abs() < 1e-6 * m);
                prop_assert!(m.is_some(), "spacing {raw}");
                let step = m.unwrap_or(1.0) * power;
                for (k, v) in t.iter().enumerate() {
                    prop_assert!(*v >= span.lo - 1e-9 * step && *v <= span.hi + 1e-9 * step, "{v} outside {span:?}");
                    prop_assert!((v - (t[0] + k as f64 * step)).abs() < 1e-6 * step + 1e-12 * v.abs());
                    let k = v / step;
                    prop_assert!((k - k.round()).abs() < 1e-9 * k.abs().max(1.0), "{v} is not a multiple of {step}");
                }
            }
        }
    }
}
