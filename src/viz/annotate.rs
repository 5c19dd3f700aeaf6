//! Annotation helpers shared by the widgets: labels on a patch of background (so
//! marker lines beneath do not cross the text) and dashed pixel lines.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::chart;
use super::display::Recorder;
use super::widget::Frame;

/// Draws 11 px `text` at a pixel position over a patch of the background colour; nothing for a
/// non-finite position. The patch is as wide as the backend measures the text, plus 2 px each
/// side: in a browser the text's real width, so that it hides no more of the chart than it must.
pub fn backed_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    text: &str,
    at: [f64; 2],
    anchor: (HPos, VPos),
    colour: &RGBColor,
) -> Result<(), String> {
    if !at.iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    let style = (FontFamily::SansSerif, frame.font(11.0))
        .into_font()
        .color(colour);
    let width = match root.estimate_text_size(text, &style) {
        Ok((w, _)) => f64::from(w),
        Err(_) => estimated_width(frame, text),
    };
    let [x0, y0, x1, y1] = patch(frame, width, at, anchor);
    let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    root.draw(&Rectangle::new(
        [p(x0, y0), p(x1, y1)],
        frame.theme.background.filled(),
    ))
    .map_err(|e| e.to_string())?;
    chart::label(root, frame, text, at, anchor, 11.0, colour)
}

/// The pixel box `[left, top, right, bottom]` of the patch [`backed_label`] puts behind
/// `text` at `at` at most, for placing labels before drawing: its width estimated at 0.55 em a
/// character (no narrower than most fonts draw it), plus 2 px each side, 13 px tall (times the
/// scale).
pub fn label_box(frame: &Frame, text: &str, at: [f64; 2], anchor: (HPos, VPos)) -> [f64; 4] {
    patch(frame, estimated_width(frame, text), at, anchor)
}

/// The width in pixels of 11 px `text` at 0.55 em a character.
fn estimated_width(frame: &Frame, text: &str) -> f64 {
    0.55 * 11.0 * frame.scale * text.chars().count() as f64
}

/// The patch behind text `width` pixels wide at `at`: 2 px more each side, 13 px tall.
fn patch(frame: &Frame, width: f64, at: [f64; 2], anchor: (HPos, VPos)) -> [f64; 4] {
    let k = frame.scale;
    let w = width + 4.0 * k;
    let h = 13.0 * k;
    let x0 = match anchor.0 {
        HPos::Left => at[0] - 2.0 * k,
        HPos::Right => at[0] - w + 2.0 * k,
        HPos::Center => at[0] - w / 2.0,
    };
    let y0 = match anchor.1 {
        VPos::Top => at[1] - 1.0 * k,
        VPos::Bottom => at[1] - h + 1.0 * k,
        VPos::Center => at[1] - h / 2.0,
    };
    [x0, y0, x0 + w, y0 + h]
}

/// A dashed line between two pixel positions, dashes `dash` pixels long.
pub fn dashed_px(
    root: &DrawingArea<Recorder, Shift>,
    a: [f64; 2],
    b: [f64; 2],
    dash: f64,
    style: ShapeStyle,
) -> Result<(), String> {
    let len = (b[0] - a[0]).hypot(b[1] - a[1]);
    if !(len.is_finite() && len > 0.0 && dash > 0.0) {
        return Ok(());
    }
    let count = (len / (2.0 * dash)).ceil() as usize;
    let p = |v: [f64; 2]| (v[0].round() as i32, v[1].round() as i32);
    for i in 0..count {
        let t0 = (2 * i) as f64 * dash / len;
        let t1 = (t0 + dash / len).min(1.0);
        let at = |t: f64| [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        root.draw(&PathElement::new(vec![p(at(t0)), p(at(t1))], style))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
