//! The canvas side of drawing: text measured by the canvas itself, and the display list
//! replayed onto the canvas ([`Context2d`]) — on one canvas, or while moving split between a static
//! base canvas and the canvas above it ([`crate::viz::layers`]) — with fields copied in from a
//! cached offscreen canvas.
//!
//! Plotters measures text on wasm by inserting a styled `<span>` into the page — slow, and
//! blocked by a strict `style-src` policy. [`CanvasText`] measures with `measureText` on the
//! widget's own context instead, and caches the answers.

use crate::math::float_text::Float;
use std::cell::RefCell;
use std::fmt::Write;

use plotters_backend::FontStyle;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::viz::display::{self, Command, FontStyleKind, TextMeasure};
use crate::viz::field::Field;
use crate::viz::layers::{Layers, Paint};
use crate::viz::text_sizes::TextSizes;

use super::context2d::Context2d;

thread_local! {
    /// Text sizes already measured, keyed by the font string, a NUL and the text.
    static TEXT_SIZES: RefCell<TextSizes> = const { RefCell::new(TextSizes::new()) };
    /// The key being looked up, kept to be written over: a hit allocates nothing.
    static KEY: RefCell<Key> = const { RefCell::new(Key { font: None, text: String::new() }) };
}

/// The lookup key, and the font its first part was written for.
struct Key {
    font: Option<(FontStyleKind, u64, String)>,
    text: String,
}

/// Text measured by a canvas context.
pub struct CanvasText {
    /// The context whose `measureText` is used.
    pub context: CanvasRenderingContext2d,
}

impl TextMeasure for CanvasText {
    fn measure(&self, text: &str, family: &str, size: f64, style: FontStyle) -> (u32, u32) {
        KEY.with(|key| {
            let mut key = key.borrow_mut();
            let Key { font, text: buffer } = &mut *key;
            let same = matches!(font, Some((s, z, f)) if *s == FontStyleKind::from(style) && *z == size.to_bits() && f == family);
            if !same {
                buffer.clear();
                // The font string the canvas backend draws with.
                let _ = write!(buffer, "{} {}px {}\0", style.as_str(), Float(size), family);
                *font = Some((style.into(), size.to_bits(), family.to_string()));
            }
            let font_len = buffer.find('\0').unwrap_or(buffer.len());
            buffer.truncate(font_len + 1);
            buffer.push_str(text);
            if let Some(found) = TEXT_SIZES.with(|c| c.borrow().get(buffer)) {
                return found;
            }
            self.context.set_font(buffer.get(..font_len).unwrap_or_default());
            let width = self
                .context
                .measure_text(text)
                .map(|m| m.width())
                .unwrap_or(0.55 * size * text.chars().count() as f64);
            let measured = (width.ceil().max(0.0) as u32, size.ceil().max(0.0) as u32);
            TEXT_SIZES.with(|c| c.borrow_mut().put(buffer, measured));
            measured
        })
    }
}

/// The 2-D context of `canvas`.
pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| "this canvas has no 2d context".to_string())
}

/// Where a display list is painted, and what is kept between frames.
pub struct Target<'a> {
    /// The canvas the reader sees and touches; it holds the whole picture unless moving.
    pub canvas: &'a HtmlCanvasElement,
    /// While animating or interacting: the canvas of the same size under it, for the static
    /// layer.
    pub base: Option<&'a HtmlCanvasElement>,
    /// What the two canvases hold.
    pub layers: &'a mut Layers,
    /// The field's pixels, uploaded once per version.
    pub field: &'a mut Option<(u64, HtmlCanvasElement)>,
    /// How text is measured, to know where it was drawn.
    pub measure: &'a dyn TextMeasure,
}

/// Replays `commands` onto the target's canvases, as [`Layers::plan`] decides. A field is
/// uploaded once per version into an offscreen canvas (`putImageData`) and then copied with
/// `drawImage` on every frame: a GPU-side copy, instead of re-uploading megabytes of pixels.
pub fn paint(target: Target<'_>, commands: Vec<Command>) -> Result<(), String> {
    let Target {
        canvas,
        base,
        layers,
        field,
        measure,
    } = target;
    let plan = match base {
        Some(_) => layers.plan(&commands, true),
        None => Paint::Whole,
    };
    let (split, kept) = match plan {
        Paint::Whole => (0, 0),
        Paint::Layered { base, kept } => (base.min(commands.len()), kept.min(base)),
    };
    let (below, above) = commands.split_at(split);
    if let Some(base) = base {
        let base_context = context(base)?;
        if split > 0 && kept == 0 || split == 0 && layers.base_in_use() {
            clear(base, &base_context);
        }
        if let Some(new) = below.get(kept..).filter(|new| !new.is_empty()) {
            replay_on(base, &base_context, new, field)?;
        }
    }
    let top = context(canvas)?;
    if split > 0 {
        // Only where the last moving frame drew, when that is all the upper canvas holds.
        match layers.upper_ink() {
            Some(ink) => {
                for a in ink {
                    let (w, h) = (a.x1 - a.x0, a.y1 - a.y0);
                    top.clear_rect(a.x0.into(), a.y0.into(), w.into(), h.into());
                }
            }
            None => clear(canvas, &top),
        }
    }
    replay_on(canvas, &top, above, field)?;
    layers.painted(commands, plan, measure);
    Ok(())
}

fn clear(canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d) {
    context.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
}

fn replay_on(
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
    commands: &[Command],
    cache: &mut Option<(u64, HtmlCanvasElement)>,
) -> Result<(), String> {
    let mut backend = Context2d::new(context, (canvas.width(), canvas.height()));
    display::replay(commands, &mut backend, |_, field| {
        put_field(context, field, cache)
    })
}

fn put_field(
    context: &CanvasRenderingContext2d,
    field: &Field,
    cache: &mut Option<(u64, HtmlCanvasElement)>,
) -> Result<(), String> {
    let (w, h) = (
        field.rect.width.max(0) as u32,
        field.rect.height.max(0) as u32,
    );
    if w == 0 || h == 0 {
        return Ok(());
    }
    let fresh = matches!(cache, Some((v, _)) if *v == field.version);
    if !fresh {
        *cache = Some((field.version, field_canvas(field, w, h)?));
    }
    if let Some((_, image)) = cache.as_ref() {
        context
            .draw_image_with_html_canvas_element(image, field.rect.x as f64, field.rect.y as f64)
            .map_err(|_| "could not put the field on the canvas".to_string())?;
    }
    Ok(())
}

/// An offscreen canvas holding the field's pixels.
fn field_canvas(field: &Field, w: u32, h: u32) -> Result<HtmlCanvasElement, String> {
    let failed = |what: &str| format!("could not {what} for the field");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| failed("find the document"))?;
    let offscreen: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| failed("make a canvas"))?
        .dyn_into()
        .map_err(|_| failed("make a canvas"))?;
    offscreen.set_width(w);
    offscreen.set_height(h);
    let context: CanvasRenderingContext2d = offscreen
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| failed("draw"))?;
    // The image is a view of the pixels in wasm memory, not a copy: it is put on the canvas
    // (which copies it) at once, before anything can grow the memory and detach the view, and
    // never used again.
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&field.rgba), w, h)
        .map_err(|_| failed("make an image"))?;
    context
        .put_image_data(&image, 0.0, 0.0)
        .map_err(|_| failed("fill a canvas"))?;
    Ok(offscreen)
}
