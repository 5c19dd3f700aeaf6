//! The canvas backend: plotters-canvas with text measured by the canvas itself, and the pixel
//! fast path for fields.
//!
//! Plotters measures text on wasm by inserting a styled `<span>` into the page — slow, and
//! blocked by a strict `style-src` policy. [`MeasuredCanvas`] answers
//! `estimate_text_size` with `measureText` on the same context instead, and caches the answers.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::viz::field::{Field, FieldSink};

/// The error type of plotters-canvas (not exported by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

thread_local! {
    /// Text sizes already measured, keyed by font and text. Cleared when it grows large.
    static TEXT_SIZES: RefCell<HashMap<(String, String), (u32, u32)>> = RefCell::new(HashMap::new());
}

/// plotters-canvas, with text measured by the canvas.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuredCanvas {
    /// The backend for `canvas`, or None if it has no 2d context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(MeasuredCanvas { inner, context })
    }

    /// The 2d context it draws on.
    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.context
    }
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        // The same font string plotters-canvas draws with.
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        let key = (font, text.to_string());
        if let Some(size) = TEXT_SIZES.with(|c| c.borrow().get(&key).copied()) {
            return Ok(size);
        }
        self.context.set_font(&key.0);
        let width = self
            .context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.6 * style.size() * text.chars().count() as f64);
        let size = (
            width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        );
        TEXT_SIZES.with(|c| {
            let mut cache = c.borrow_mut();
            if cache.len() > 4_096 {
                cache.clear();
            }
            cache.insert(key, size);
        });
        Ok(size)
    }
}

/// The field fast path: copy the RGBA pixels with one `putImageData`, reusing the `ImageData`
/// while the field's version is unchanged.
pub struct CanvasFields<'a> {
    /// The context to draw on.
    pub context: CanvasRenderingContext2d,
    /// The last uploaded field: its version and image.
    pub cache: &'a mut Option<(u64, ImageData)>,
}

impl FieldSink<MeasuredCanvas> for CanvasFields<'_> {
    fn put(
        &mut self,
        _root: &DrawingArea<MeasuredCanvas, Shift>,
        field: &Field,
    ) -> Result<(), String> {
        let (w, h) = (
            field.rect.width.max(0) as u32,
            field.rect.height.max(0) as u32,
        );
        if w == 0 || h == 0 {
            return Ok(());
        }
        let fresh = matches!(self.cache, Some((v, _)) if *v == field.version);
        if !fresh {
            // Copy the pixels out of wasm memory: an ImageData made over a view of it would be
            // detached the next time the memory grows.
            let pixels = js_sys::Uint8ClampedArray::new_with_length(field.rgba.len() as u32);
            pixels.copy_from(&field.rgba);
            let image = ImageData::new_with_js_u8_clamped_array_and_sh(&pixels, w, h)
                .map_err(|_| "could not make an image of the field".to_string())?;
            *self.cache = Some((field.version, image));
        }
        if let Some((_, image)) = self.cache.as_ref() {
            self.context
                .put_image_data(image, field.rect.x as f64, field.rect.y as f64)
                .map_err(|_| "could not put the field on the canvas".to_string())?;
        }
        Ok(())
    }
}
