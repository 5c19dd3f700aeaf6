//! A display list: widgets draw once, through plotters, into a [`Recorder`]; the list is then
//! replayed onto any plotters backend — the browser canvas, or SVG for export and snapshots.
//!
//! Why: every drawing routine is generic over `DrawingBackend`, so drawing straight to two
//! backends compiles it twice. Recording compiles it once, for the recorder, and only the small
//! [`replay`] loop is compiled per backend. It also makes the browser's SVG export and the
//! CLI's SVG the same bytes by construction (one list, one replay).
//!
//! Paths are recorded simplified ([`simplify`]): within a fraction of a CSS pixel of what was
//! drawn, with far fewer vertices for the browser to stroke.
//!
//! Fields are recorded as shared pixels ([`Command::Field`]); [`replay`] hands them to a
//! `put_field` callback so each backend puts them its own way.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

use super::field::Field;
use super::simplify::{simplify, tolerance_px};

/// Measures text for layout: the browser uses the canvas's `measureText`, native code an
/// estimate. Returns (width, height) in pixels.
pub trait TextMeasure {
    /// The size of `text` in `family` at `size` pixels.
    fn measure(&self, text: &str, family: &str, size: f64, style: FontStyle) -> (u32, u32);
}

/// An estimate that needs no font: 0.55 em a character, one em tall.
#[derive(Debug, Clone, Copy, Default)]
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn measure(&self, text: &str, _family: &str, size: f64, _style: FontStyle) -> (u32, u32) {
        let chars = text.chars().count() as f64;
        ((0.55 * size * chars).ceil() as u32, size.ceil() as u32)
    }
}

/// A recorded text style (plotters' borrowed style made owned).
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    /// Font family name ("sans-serif").
    pub family: String,
    /// Size in pixels.
    pub size: f64,
    /// Weight or slant.
    pub style: FontStyleKind,
    /// Fill colour as (r, g, b, alpha).
    pub color: (u8, u8, u8, f64),
    /// Anchor as (horizontal, vertical): 0 = left/top, 1 = centre, 2 = right/bottom.
    pub anchor: (u8, u8),
    /// Rotation in quarter turns clockwise.
    pub quarter_turns: u8,
}

/// plotters' `FontStyle`, comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontStyleKind {
    /// Upright.
    Normal,
    /// Oblique.
    Oblique,
    /// Italic.
    Italic,
    /// Bold.
    Bold,
}

/// One drawing operation, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A single pixel.
    Pixel((i32, i32), (u8, u8, u8, f64)),
    /// A straight line with a colour and width.
    Line((i32, i32), (i32, i32), (u8, u8, u8, f64), u32),
    /// A rectangle, filled or outlined.
    Rect((i32, i32), (i32, i32), (u8, u8, u8, f64), u32, bool),
    /// An open polyline.
    Path(Vec<(i32, i32)>, (u8, u8, u8, f64), u32),
    /// A filled polygon.
    Polygon(Vec<(i32, i32)>, (u8, u8, u8, f64)),
    /// A circle, filled or outlined.
    Circle((i32, i32), u32, (u8, u8, u8, f64), u32, bool),
    /// Text at an anchor point.
    Text(String, TextStyle, (i32, i32)),
    /// A field's pixels.
    Field(Rc<Field>),
    /// Draws nothing: the widget's word that what is drawn before it stays still while the
    /// picture animates (see [`super::layers`]).
    Still,
}

/// The recorder's error: recording cannot fail, but the trait needs a type.
#[derive(Debug)]
pub struct RecordError;

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("recording failed")
    }
}

impl std::error::Error for RecordError {}

type Shared = Rc<RefCell<Vec<Command>>>;

/// A plotters backend that records what is drawn.
pub struct Recorder {
    size: (u32, u32),
    /// How far (device pixels) a path's dropped vertices may stray; see [`simplify`].
    tolerance: f64,
    list: Shared,
    measure: Rc<dyn TextMeasure>,
}

/// Where a widget puts what plotters cannot draw while recording: fields, and the mark that
/// what it has drawn so far stays still.
pub struct FieldRecorder {
    list: Shared,
}

impl FieldRecorder {
    /// Records `field` at this point of the drawing.
    pub fn put(&mut self, field: Rc<Field>) {
        self.list.borrow_mut().push(Command::Field(field));
    }

    /// Marks what has been drawn so far as staying still while the picture animates: the
    /// animation's still layer may hold it, and holds nothing after the last such mark.
    pub fn still(&mut self) {
        self.list.borrow_mut().push(Command::Still);
    }
}

/// Records a drawing of `size` device pixels at `scale` device pixels per CSS pixel: `draw`
/// gets the root area and the field recorder; the commands come back in drawing order.
pub fn record(
    size: (u32, u32),
    scale: f64,
    measure: Rc<dyn TextMeasure>,
    draw: impl FnOnce(&DrawingArea<Recorder, Shift>, &mut FieldRecorder) -> Result<(), String>,
) -> Result<Vec<Command>, String> {
    let list: Shared = Rc::new(RefCell::new(Vec::new()));
    let recorder = Recorder {
        size,
        tolerance: tolerance_px(scale),
        list: Rc::clone(&list),
        measure,
    };
    let mut fields = FieldRecorder {
        list: Rc::clone(&list),
    };
    {
        let root = recorder.into_drawing_area();
        draw(&root, &mut fields)?;
    }
    let commands = list.borrow_mut().split_off(0);
    Ok(commands)
}

fn rgba(c: BackendColor) -> (u8, u8, u8, f64) {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
}

fn family_name(f: FontFamily<'_>) -> String {
    f.as_str().to_string()
}

impl Recorder {
    fn push(&self, c: Command) -> Result<(), DrawingErrorKind<RecordError>> {
        self.list.borrow_mut().push(c);
        Ok(())
    }
}

impl From<FontStyle> for FontStyleKind {
    fn from(s: FontStyle) -> Self {
        match s {
            FontStyle::Normal => FontStyleKind::Normal,
            FontStyle::Oblique => FontStyleKind::Oblique,
            FontStyle::Italic => FontStyleKind::Italic,
            FontStyle::Bold => FontStyleKind::Bold,
        }
    }
}

impl From<FontStyleKind> for FontStyle {
    fn from(k: FontStyleKind) -> Self {
        match k {
            FontStyleKind::Normal => FontStyle::Normal,
            FontStyleKind::Oblique => FontStyle::Oblique,
            FontStyleKind::Italic => FontStyle::Italic,
            FontStyleKind::Bold => FontStyle::Bold,
        }
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = RecordError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<RecordError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<RecordError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        self.push(Command::Pixel(point, rgba(color)))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        self.push(Command::Line(
            from,
            to,
            rgba(style.color()),
            style.stroke_width(),
        ))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        self.push(Command::Rect(
            upper_left,
            bottom_right,
            rgba(style.color()),
            style.stroke_width(),
            fill,
        ))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        self.push(Command::Path(
            simplify(&path, self.tolerance),
            rgba(style.color()),
            style.stroke_width(),
        ))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        self.push(Command::Polygon(
            vert.into_iter().collect(),
            rgba(style.color()),
        ))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        self.push(Command::Circle(
            center,
            radius,
            rgba(style.color()),
            style.stroke_width(),
            fill,
        ))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<RecordError>> {
        let anchor = style.anchor();
        let h = match anchor.h_pos {
            plotters_backend::text_anchor::HPos::Left => 0,
            plotters_backend::text_anchor::HPos::Center => 1,
            plotters_backend::text_anchor::HPos::Right => 2,
        };
        let v = match anchor.v_pos {
            plotters_backend::text_anchor::VPos::Top => 0,
            plotters_backend::text_anchor::VPos::Center => 1,
            plotters_backend::text_anchor::VPos::Bottom => 2,
        };
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        self.push(Command::Text(
            text.to_string(),
            TextStyle {
                family: family_name(style.family()),
                size: style.size(),
                style: style.style().into(),
                color: rgba(style.color()),
                anchor: (h, v),
                quarter_turns,
            },
            pos,
        ))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<RecordError>> {
        Ok(self
            .measure
            .measure(text, style.family().as_str(), style.size(), style.style()))
    }
}

/// A stroke for replay.
struct Stroke((u8, u8, u8, f64), u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        let (r, g, b, a) = self.0;
        BackendColor {
            alpha: a,
            rgb: (r, g, b),
        }
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

impl BackendTextStyle for TextStyle {
    type FontError = RecordError;

    fn color(&self) -> BackendColor {
        Stroke(self.color, 1).color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn transform(&self) -> FontTransform {
        match self.quarter_turns {
            1 => FontTransform::Rotate90,
            2 => FontTransform::Rotate180,
            3 => FontTransform::Rotate270,
            _ => FontTransform::None,
        }
    }

    fn style(&self) -> FontStyle {
        self.style.into()
    }

    fn anchor(&self) -> Pos {
        use plotters_backend::text_anchor::{HPos, VPos};
        let h = match self.anchor.0 {
            0 => HPos::Left,
            1 => HPos::Center,
            _ => HPos::Right,
        };
        let v = match self.anchor.1 {
            0 => VPos::Top,
            1 => VPos::Center,
            _ => VPos::Bottom,
        };
        Pos::new(h, v)
    }

    fn family(&self) -> FontFamily<'_> {
        match self.family.as_str() {
            "serif" => FontFamily::Serif,
            "sans-serif" => FontFamily::SansSerif,
            "monospace" => FontFamily::Monospace,
            name => FontFamily::Name(name),
        }
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), RecordError> {
        let (w, h) = EstimatedText.measure(text, &self.family, self.size, FontStyle::Normal);
        Ok(((0, 0), (w as i32, h as i32)))
    }

    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: DrawFunc,
    ) -> Result<Result<(), E>, RecordError> {
        // The backends replayed onto draw text themselves.
        Ok(Ok(()))
    }
}

/// Replays `commands` onto `backend`; fields go to `put_field`.
pub fn replay<DB: DrawingBackend>(
    commands: &[Command],
    backend: &mut DB,
    mut put_field: impl FnMut(&mut DB, &Field) -> Result<(), String>,
) -> Result<(), String> {
    let err = |e: DrawingErrorKind<DB::ErrorType>| e.to_string();
    for c in commands {
        match c {
            Command::Pixel(p, color) => backend
                .draw_pixel(*p, Stroke(*color, 1).color())
                .map_err(err)?,
            Command::Line(a, b, color, w) => backend
                .draw_line(*a, *b, &Stroke(*color, *w))
                .map_err(err)?,
            Command::Rect(a, b, color, w, fill) => backend
                .draw_rect(*a, *b, &Stroke(*color, *w), *fill)
                .map_err(err)?,
            Command::Path(points, color, w) => backend
                .draw_path(points.iter().copied(), &Stroke(*color, *w))
                .map_err(err)?,
            Command::Polygon(points, color) => backend
                .fill_polygon(points.iter().copied(), &Stroke(*color, 1))
                .map_err(err)?,
            Command::Circle(centre, r, color, w, fill) => backend
                .draw_circle(*centre, *r, &Stroke(*color, *w), *fill)
                .map_err(err)?,
            Command::Text(text, style, at) => backend.draw_text(text, style, *at).map_err(err)?,
            Command::Field(field) => put_field(backend, field)?,
            Command::Still => {}
        }
    }
    backend.present().map_err(err)
}
