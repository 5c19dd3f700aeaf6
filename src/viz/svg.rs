//! The SVG document of a drawing: a plotters backend that writes the markup plotters' own SVG
//! backend writes, byte for byte (the snapshots in `tests/snapshots/` hold it to that), with
//! its two decimal numbers (opacity, font size) written by [`Float`]. Plotters' backend writes
//! them with `{}`, which alone would bring the standard library's float formatting into every
//! wasm module (see [`crate::math::float_text`]).

use crate::math::float_text::Float;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use std::convert::Infallible;
use std::fmt::Write;

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

/// Writes an SVG document of `size` pixels; [`Svg::finish`] gives it.
pub struct Svg {
    out: String,
    size: (u32, u32),
    closed: bool,
}

impl Svg {
    pub fn new(size: (u32, u32)) -> Svg {
        let mut svg = Svg {
            out: String::new(),
            size,
            closed: false,
        };
        let (w, h) = (size.0.to_string(), size.1.to_string());
        svg.tag(
            "svg",
            &[
                ("width", &w),
                ("height", &h),
                ("viewBox", &format!("0 0 {w} {h}")),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
            false,
        );
        svg
    }

    /// The document, closed.
    pub fn finish(mut self) -> String {
        self.close();
        self.out
    }

    fn close(&mut self) {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
    }

    /// `<name a="v" …>` (or `…/>` when `empty`), each value escaped.
    fn tag(&mut self, name: &str, attrs: &[(&str, &str)], empty: bool) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push_str(if empty { "/>\n" } else { ">\n" });
    }

    /// An empty element, left out when its colour is transparent.
    fn shape(&mut self, name: &str, color: BackendColor, attrs: &[(&str, &str)]) -> Drawn {
        if color.alpha != 0.0 {
            self.tag(name, attrs, true);
        }
        Ok(())
    }
}

fn hex(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn opacity(color: BackendColor) -> String {
    Float(color.alpha).to_string()
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

/// `(fill, stroke)`: the colour on the one that applies, "none" on the other.
fn paint(color: BackendColor, fill: bool) -> (String, String) {
    if fill {
        (hex(color), "none".to_string())
    } else {
        ("none".to_string(), hex(color))
    }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

impl DrawingBackend for Svg {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.close();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        let (x, y) = (point.0.to_string(), point.1.to_string());
        self.shape(
            "rect",
            color,
            &[
                ("x", &x),
                ("y", &y),
                ("width", "1"),
                ("height", "1"),
                ("stroke", "none"),
                ("opacity", &opacity(color)),
                ("fill", &hex(color)),
            ],
        )
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        self.shape(
            "line",
            color,
            &[
                ("opacity", &opacity(color)),
                ("stroke", &hex(color)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("x1", &from.0.to_string()),
                ("y1", &from.1.to_string()),
                ("x2", &to.0.to_string()),
                ("y2", &to.1.to_string()),
            ],
        )
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        let (fill, stroke) = paint(color, fill);
        self.shape(
            "rect",
            color,
            &[
                ("x", &upper_left.0.to_string()),
                ("y", &upper_left.1.to_string()),
                ("width", &(bottom_right.0 - upper_left.0).to_string()),
                ("height", &(bottom_right.1 - upper_left.1).to_string()),
                ("opacity", &opacity(color)),
                ("fill", &fill),
                ("stroke", &stroke),
            ],
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        self.shape(
            "polyline",
            color,
            &[
                ("fill", "none"),
                ("opacity", &opacity(color)),
                ("stroke", &hex(color)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("points", &points(path)),
            ],
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let color = style.color();
        self.shape(
            "polygon",
            color,
            &[
                ("opacity", &opacity(color)),
                ("fill", &hex(color)),
                ("points", &points(path)),
            ],
        )
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let color = style.color();
        let (fill, stroke) = paint(color, fill);
        self.shape(
            "circle",
            color,
            &[
                ("cx", &center.0.to_string()),
                ("cy", &center.1.to_string()),
                ("r", &radius.to_string()),
                ("opacity", &opacity(color)),
                ("fill", &fill),
                ("stroke", &stroke),
                ("stroke-width", &style.stroke_width().to_string()),
            ],
        )
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (pos.0.to_string(), pos.1.to_string());
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let family = style.family();
        // Plotters' sizes are 1.24 times the CSS font size.
        let size = Float(style.size() / 1.24).to_string();
        let (opacity, fill) = (opacity(color), hex(color));
        let mut attrs: Vec<(&str, &str)> = vec![
            ("x", &x),
            ("y", &y),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", &size),
            ("opacity", &opacity),
            ("fill", &fill),
        ];
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => attrs.push(("font-weight", "bold")),
            FontStyle::Italic => attrs.push(("font-style", "italic")),
            FontStyle::Oblique => attrs.push(("font-style", "oblique")),
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => "90",
            FontTransform::Rotate180 => "180",
            FontTransform::Rotate270 => "270",
            _ => "",
        };
        let rotate = format!("rotate({degrees}, {x}, {y})");
        if !degrees.is_empty() {
            attrs.push(("transform", &rotate));
        }
        self.tag("text", &attrs, false);
        escape(&mut self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}
