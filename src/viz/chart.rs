//! Shared drawing pieces: framed axes with ticks and labels, arrows, markers, dashed lines —
//! all through plotters, all sized in device pixels from a [`Frame`].

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
pub fn draw_axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    axes: &Axes<'_>,
) -> Result<Transform, String> {
    let theme = &frame.theme;
    let narrow = area.dim_in_pixel().0 as f64 / frame.scale < 300.0;
    let mut chart = ChartBuilder::on(area)
        .caption(
            axes.caption,
            (FontFamily::SansSerif, frame.font(13.0))
                .into_font()
                .color(&theme.text),
        )
        .margin(frame.px(6.0))
        .margin_right(frame.px(14.0))
        .x_label_area_size(frame.px(38.0))
        .y_label_area_size(frame.px(50.0))
        .build_cartesian_2d(axes.x.lo..axes.x.hi, axes.y.lo..axes.y.hi)
        .map_err(|e| e.to_string())?;
    // A tick within rounding noise of zero (−0.5 + 5 × 0.1 = 5.55e-17) reads "0".
    let tick = |v: f64, span: Span| {
        sig(
            if v.abs() < 1e-9 * span.width() {
                0.0
            } else {
                v
            },
            3,
        )
    };
    let x_formatter = |v: &f64| tick(*v, axes.x);
    let y_formatter = |v: &f64| tick(*v, axes.y);
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(if narrow { 4 } else { 6 })
        .y_labels(if narrow { 4 } else { 6 })
        .x_label_formatter(&x_formatter)
        .y_label_formatter(&y_formatter)
        .label_style(
            (FontFamily::SansSerif, frame.font(11.0))
                .into_font()
                .color(&theme.muted),
        )
        .axis_desc_style(
            (FontFamily::SansSerif, frame.font(12.0))
                .into_font()
                .color(&theme.text),
        )
        .x_desc(axes.x_label)
        .y_desc(axes.y_label)
        .axis_style(ShapeStyle::from(&theme.muted).stroke_width(frame.px(1.0).max(1) as u32))
        .set_all_tick_mark_size(frame.px(4.0))
        .bold_line_style(ShapeStyle::from(&theme.grid).stroke_width(frame.px(1.0).max(1) as u32))
        .light_line_style(TRANSPARENT);
    if !axes.grid {
        mesh.disable_mesh();
    }
    mesh.draw().map_err(|e| e.to_string())?;
    // Pixel ranges of a drawing area are absolute: relative to the root backend.
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    Ok(Transform {
        rect: PixelRect {
            x: xs.start,
            y: ys.start,
            width: xs.end - xs.start,
            height: ys.end - ys.start,
        },
        x: axes.x,
        y: axes.y,
    })
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
