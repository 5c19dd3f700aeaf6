//! Scalar fields (a cost surface, a density) as pixels: computed here into an RGBA buffer, then
//! put on the canvas in one call.
//!
//! This is the one fast path past plotters' drawing calls (drawing a field cell by cell through
//! a backend is ~1000× slower in the browser). Widgets record a field into the display list
//! ([`super::display::FieldRecorder`]); on replay the web canvas copies its pixels
//! (`putImageData`) and SVG gets the bands as merged rectangles ([`draw_coarse`]).
//!
//! A field is *banded*: its values are split into [`BANDS`] levels spaced so that a quadratic
//! bowl gets evenly spaced rings, and band edges are drawn darker as contour lines.

use plotters::prelude::*;

use super::geometry::{PixelRect, Transform};
use super::theme::{mix, Theme};

/// How many colour bands (and so contour levels) a field has.
pub const BANDS: u8 = 12;

/// An RGBA image covering one plot's pixel rectangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Where it goes, in device pixels.
    pub rect: PixelRect,
    /// Row-major RGBA, 4 bytes a pixel, `rect.width × rect.height` pixels.
    pub rgba: Vec<u8>,
    /// The band of each pixel (0 = lowest), row-major.
    pub bands: Vec<u8>,
    /// The colour of each band, lowest first.
    pub colours: Vec<(u8, u8, u8)>,
    /// Changes whenever the pixels change, so a backend can cache what it uploaded.
    pub version: u64,
}

/// Draws `field` through any plotters backend as rectangles `cell` pixels tall, merging runs of
/// one band along each row: compact enough for SVG.
pub fn draw_coarse<DB: DrawingBackend>(
    backend: &mut DB,
    field: &Field,
    cell: u32,
) -> Result<(), String> {
    let (w, h) = (
        field.rect.width.max(0) as usize,
        field.rect.height.max(0) as usize,
    );
    if field.bands.len() < w * h || field.colours.is_empty() {
        return Err("field bands do not cover the rectangle".to_string());
    }
    let cell = cell.max(1) as usize;
    let mut y = 0;
    while y < h {
        let row_h = cell.min(h - y);
        let sample_row = (y + row_h / 2).min(h - 1);
        let row = &field.bands[sample_row * w..(sample_row + 1) * w];
        let mut x = 0;
        while x < w {
            let band = row[x];
            let mut end = x + 1;
            while end < w && row[end] == band {
                end += 1;
            }
            let c = field.colours[(band as usize).min(field.colours.len() - 1)];
            let x0 = field.rect.x + x as i32;
            let y0 = field.rect.y + y as i32;
            backend
                .draw_rect(
                    (x0, y0),
                    (field.rect.x + end as i32, y0 + row_h as i32),
                    &RGBColor(c.0, c.1, c.2),
                    true,
                )
                .map_err(|e| e.to_string())?;
            x = end;
        }
        y += row_h;
    }
    Ok(())
}

/// The colour of each band, lowest first.
pub fn band_colours(theme: &Theme) -> Vec<RGBColor> {
    (0..BANDS)
        .map(|k| {
            mix(
                theme.field_low,
                theme.field_high,
                k as f64 / (BANDS - 1) as f64,
            )
        })
        .collect()
}

/// The band of value `v` in [lo, hi]: ⌊BANDS·√((v − lo)/(hi − lo))⌋, clamped. The square root
/// makes the rings of a quadratic evenly spaced.
#[inline(always)]
pub fn band_of(v: f64, lo: f64, hi: f64) -> u8 {
    let t = ((v - lo) / (hi - lo)).max(0.0);
    if !t.is_finite() || v.is_nan() {
        return BANDS - 1;
    }
    ((t.sqrt() * BANDS as f64) as u32).min(BANDS as u32 - 1) as u8
}

/// Samples `f` at the centre of every pixel of `transform`'s rectangle, bands the values
/// between `lo` and `hi`, and colours them, with band edges darkened as contour lines.
pub fn banded_field(
    transform: &Transform,
    lo: f64,
    hi: f64,
    theme: &Theme,
    version: u64,
    f: impl Fn(f64, f64) -> f64,
) -> Field {
    let rect = transform.rect;
    let (w, h) = (rect.width.max(0) as usize, rect.height.max(0) as usize);
    let mut bands = vec![0u8; w * h];
    let dx = transform.x.width() / w.max(1) as f64;
    let dy = transform.y.width() / h.max(1) as f64;
    for (row, chunk) in bands.chunks_mut(w.max(1)).enumerate() {
        let y = transform.y.hi - (row as f64 + 0.5) * dy;
        band_row(chunk, transform.x.lo, dx, y, lo, hi, &f);
    }
    let colours = band_colours(theme);
    let lines: Vec<RGBColor> = colours.iter().map(|c| mix(*c, theme.text, 0.28)).collect();
    let rgba = colour_bands(&bands, w, &colours, &lines);
    Field {
        rect,
        rgba,
        bands,
        colours: colours.iter().map(|c| (c.0, c.1, c.2)).collect(),
        version,
    }
}

/// RGBA pixels for `bands` (rows `w` wide): band `k` in `colours[k]`, and where a pixel's band
/// differs from its right or lower neighbour's, in `lines[k]`: contour lines.
pub fn colour_bands(bands: &[u8], w: usize, colours: &[RGBColor], lines: &[RGBColor]) -> Vec<u8> {
    let w = w.max(1);
    let mut rgba = vec![255u8; bands.len() * 4];
    let rows: Vec<&[u8]> = bands.chunks(w).collect();
    for (k, out) in rgba.chunks_mut(4 * w).enumerate() {
        let (row, below) = (rows[k], rows.get(k + 1).unwrap_or(&rows[k]));
        colour_row(out, row, below, colours, lines);
    }
    rgba
}

// The per-row work of every field is kept out of line, in functions named `…_row`: a browser's
// baseline wasm code runs a long loop inside one call at its slow tier throughout, while a
// function called row after row moves to the optimised tier within the first field. The first
// paint of a field is 2–3× faster for it. `#[inline(never)]` does not reach the wasm, and
// wasm-opt inlines a function with one caller: scripts/build.sh names every `viz` function whose
// name has `_row` to it as not to be inlined.

/// Bands `f(x₀ + (i + ½)·dx, y)` for every pixel `i` of one row.
#[inline(never)]
fn band_row<F: Fn(f64, f64) -> f64>(
    row: &mut [u8],
    x0: f64,
    dx: f64,
    y: f64,
    lo: f64,
    hi: f64,
    f: &F,
) {
    for (col, band) in row.iter_mut().enumerate() {
        *band = band_of(f(x0 + (col as f64 + 0.5) * dx, y), lo, hi);
    }
}

/// Colours one row of pixels (`out`, RGBA) from its bands and the bands of the row below
/// (the same row for the last), darkening band edges as contour lines.
#[inline(never)]
fn colour_row(out: &mut [u8], row: &[u8], below: &[u8], colours: &[RGBColor], lines: &[RGBColor]) {
    let last = colours.len().min(lines.len()).saturating_sub(1);
    // Plain indices: the shipped build is optimised for size, which leaves iterator adapters
    // (zip, chain) as calls per pixel.
    let n = row.len().min(below.len()).min(out.len() / 4);
    for i in 0..n {
        let (b, d) = (row[i], below[i]);
        let r = row[(i + 1).min(n - 1)];
        let palette = if r != b || d != b { lines } else { colours };
        if let Some(c) = palette.get((b as usize).min(last)) {
            out[4 * i] = c.0;
            out[4 * i + 1] = c.1;
            out[4 * i + 2] = c.2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::geometry::Span;

    #[test]
    fn bands_are_monotone_and_bounded() {
        let mut last = 0;
        for k in 0..=100 {
            let b = band_of(k as f64, 0.0, 100.0);
            assert!(b >= last && b < BANDS);
            last = b;
        }
        assert_eq!(band_of(-5.0, 0.0, 1.0), 0);
        assert_eq!(band_of(f64::NAN, 0.0, 1.0), BANDS - 1);
        assert_eq!(band_of(1e300, 0.0, 1.0), BANDS - 1);
    }

    #[test]
    fn field_covers_its_rectangle() {
        let t = Transform {
            rect: PixelRect {
                x: 5,
                y: 5,
                width: 40,
                height: 30,
            },
            x: Span::new(-1.0, 1.0),
            y: Span::new(-1.0, 1.0),
        };
        let f = banded_field(&t, 0.0, 2.0, &Theme::LIGHT, 1, |x, y| x * x + y * y);
        assert_eq!(f.rgba.len(), 40 * 30 * 4);
        // The centre is the lowest band, a corner the highest.
        assert_eq!(f.bands[15 * 40 + 20], 0);
        assert_eq!(f.bands[0], BANDS - 1);
    }

    #[test]
    fn band_edges_are_drawn_as_contour_lines() {
        let t = Transform {
            rect: PixelRect {
                x: 0,
                y: 0,
                width: 24,
                height: 10,
            },
            x: Span::new(0.0, 1.0),
            y: Span::new(0.0, 1.0),
        };
        // Bands change along x only (and along y in the bottom rows, where f jumps).
        let f = banded_field(&t, 0.0, 1.0, &Theme::LIGHT, 1, |x, y| {
            if y < 0.2 {
                1.0
            } else {
                x * x
            }
        });
        let colours = band_colours(&Theme::LIGHT);
        let lines: Vec<RGBColor> = colours
            .iter()
            .map(|c| mix(*c, Theme::LIGHT.text, 0.28))
            .collect();
        let w = 24;
        for row in 0..10 {
            for col in 0..w {
                let i = row * w + col;
                let b = f.bands[i];
                let right = if col + 1 < w { f.bands[i + 1] } else { b };
                let below = if row + 1 < 10 { f.bands[i + w] } else { b };
                let c = if right != b || below != b {
                    lines[b as usize]
                } else {
                    colours[b as usize]
                };
                assert_eq!(
                    &f.rgba[4 * i..4 * i + 4],
                    &[c.0, c.1, c.2, 255],
                    "pixel ({col}, {row})"
                );
            }
        }
        // The test means something: bands change along a row, and the bottom two rows are the
        // top band, so the row above them is contour wherever its own band is lower.
        assert!(f.bands[..w].windows(2).any(|p| p[0] != p[1]));
        assert!(f.bands[8 * w..].iter().all(|&b| b == BANDS - 1));
        assert_eq!(
            &f.rgba[4 * 7 * w..4 * 7 * w + 3],
            &[lines[0].0, lines[0].1, lines[0].2]
        );
    }
}
