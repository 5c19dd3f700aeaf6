//! A plotters backend on a canvas's 2-D context that sets the context's state — stroke and
//! fill colour, line width, font, text alignment — only when it differs from what the
//! context already holds.
//!
//! Each state setter crosses from wasm to JavaScript with a string the browser must decode
//! and parse; plotters-canvas sets every one of them before every line, shape and label, and
//! formats a colour and a font string for each. A picture is mostly runs of the same style
//! (grid lines, tick labels, a curve's pieces), so here the strings are made and sent only at
//! a change. What is drawn is the same as plotters-canvas draws: horizontal and vertical lines
//! half a pixel off the grid (crisp one-pixel strokes), text by `fillText` with the same font
//! string, turned text about its anchor.
//!
//! Conventions: the backend is made for one replay; it assumes nothing about the context's
//! state before its first command (a resized canvas resets it), and leaves the state it set.

use crate::math::float_text::Float;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use web_sys::CanvasRenderingContext2d;

use crate::viz::display::FontStyleKind;

/// The one failure a canvas call reports (a non-finite argument, which recorded integer
/// coordinates never are).
#[derive(Debug)]
pub struct CanvasError(&'static str);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for CanvasError {}

/// A colour as compared: red, green, blue and the bits of alpha.
type ColorKey = (u8, u8, u8, u64);

/// A font as compared: its style, the bits of its size, its family.
type FontKey = (FontStyleKind, u64, String);

/// A canvas context and what its drawing state is known to be.
pub struct Context2d<'a> {
    context: &'a CanvasRenderingContext2d,
    size: (u32, u32),
    stroke: Option<ColorKey>,
    fill: Option<ColorKey>,
    line_width: Option<u32>,
    font: Option<FontKey>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

impl<'a> Context2d<'a> {
    /// A backend drawing on `context`, whose canvas is `size` device pixels.
    pub fn new(context: &'a CanvasRenderingContext2d, size: (u32, u32)) -> Self {
        Context2d {
            context,
            size,
            stroke: None,
            fill: None,
            line_width: None,
            font: None,
            align: None,
            baseline: None,
        }
    }

    fn set_stroke(&mut self, color: BackendColor, width: u32) {
        let key = color_key(color);
        if self.stroke != Some(key) {
            self.context.set_stroke_style_str(&css_color(color));
            self.stroke = Some(key);
        }
        if self.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    fn set_fill(&mut self, color: BackendColor) {
        let key = color_key(color);
        if self.fill != Some(key) {
            self.context.set_fill_style_str(&css_color(color));
            self.fill = Some(key);
        }
    }

    fn set_text<S: BackendTextStyle>(&mut self, style: &S) {
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.baseline = Some(baseline);
        }
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align != Some(align) {
            self.context.set_text_align(align);
            self.align = Some(align);
        }
        self.set_fill(style.color());
        let family = style.family();
        let (kind, size) = (style.style(), style.size());
        let code = FontStyleKind::from(kind);
        let same = matches!(&self.font, Some((k, s, f)) if *k == code && *s == size.to_bits() && f == family.as_str());
        if !same {
            // The string plotters-canvas set, and `CanvasText` measures with.
            let font = format!("{} {}px {}", kind.as_str(), Float(size), family.as_str());
            self.context.set_font(&font);
            self.font = Some((code, size.to_bits(), family.as_str().to_string()));
        }
    }
}

impl Context2d<'_> {
    /// Begins a new path through `points`.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
    }
}

fn color_key(c: BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// `#rrggbb` for an opaque colour (the shortest string to send and parse), else `rgba(…)`.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        let mut s = String::with_capacity(7);
        s.push('#');
        for v in [r, g, b] {
            for digit in [v >> 4, v & 15] {
                s.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
            }
        }
        s
    } else {
        format!("rgba({r},{g},{b},{})", Float(c.alpha))
    }
}

/// Horizontal and vertical lines moved half a pixel, onto pixel centres.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

fn failed<T>(_: T) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError("the canvas refused a drawing call"))
}

impl DrawingBackend for Context2d<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        self.context
            .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.set_stroke(style.color(), style.stroke_width());
        self.context.begin_path();
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let w = f64::from(bottom_right.0 - upper_left.0);
        let h = f64::from(bottom_right.1 - upper_left.1);
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(style.color(), style.stroke_width());
        self.trace(path);
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(style.color());
        self.trace(path);
        self.context.close_path();
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_stroke(style.color(), style.stroke_width());
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(failed)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // Set before any `save`, so that `restore` returns to the state recorded here.
        self.set_text(style);
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.5,
            FontTransform::Rotate180 => 1.0,
            FontTransform::Rotate270 => 1.5,
        } * std::f64::consts::PI;
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        if turn == 0.0 {
            return self.context.fill_text(text, x, y).map_err(failed);
        }
        self.context.save();
        let drawn = self
            .context
            .translate(x, y)
            .and_then(|()| self.context.rotate(turn))
            .and_then(|()| self.context.fill_text(text, 0.0, 0.0));
        self.context.restore();
        drawn.map_err(failed)
    }
}
