//! What the browser boundary (`web::WidgetHandle`) does to the numbers and words JavaScript
//! hands it before a widget sees them: pure functions, so native property tests drive exactly
//! the code the wasm exports run (`tests/robustness.rs`).
//!
//! JavaScript can pass anything: NaN, ±∞, ±1e308, subnormals, any string. Every function here
//! turns that into something a widget can use, or says no.

use super::widget::Pointer;
use crate::math::ClampTo;

/// The widest canvas or export, in device pixels (browsers cap a canvas side near 32767).
pub const MAX_SIDE_PX: u32 = 16_384;

/// The largest canvas area drawn, in device pixels (a 4K screen at 2× is about 33 M).
pub const MAX_AREA_PX: u64 = 64 * 1024 * 1024;

/// The CSS width a layout question is asked for: finite widths clamped to 100–10000, anything
/// else 600.
pub fn layout_width_css(width_css: f64) -> f64 {
    if width_css.is_finite() {
        width_css.clamp_to(100.0, 10_000.0)
    } else {
        600.0
    }
}

/// The CSS width of an SVG export: finite widths clamped to 200–4000, anything else 640.
pub fn export_width_css(width_css: f64) -> f64 {
    if width_css.is_finite() {
        width_css.clamp_to(200.0, 4000.0)
    } else {
        640.0
    }
}

/// The device-pixel ratio a drawing uses: finite ratios clamped to 0.5–8, anything else 1.
pub fn draw_scale(dpr: f64) -> f64 {
    if dpr.is_finite() {
        dpr.clamp_to(0.5, 8.0)
    } else {
        1.0
    }
}

/// Whether a canvas of `width_px × height_px` is drawn: `Ok(false)` for an empty one (nothing
/// to do), an error naming the size for one beyond [`MAX_SIDE_PX`] or [`MAX_AREA_PX`].
pub fn canvas_size(width_px: u32, height_px: u32) -> Result<bool, String> {
    if width_px == 0 || height_px == 0 {
        return Ok(false);
    }
    if width_px > MAX_SIDE_PX
        || height_px > MAX_SIDE_PX
        || u64::from(width_px) * u64::from(height_px) > MAX_AREA_PX
    {
        return Err(format!(
            "canvas size must be at most {MAX_SIDE_PX} px a side and {MAX_AREA_PX} px in all, got {width_px} × {height_px}"
        ));
    }
    Ok(true)
}

/// A pointer event from its kind ("down", "move", "up"; anything else cancels) and position;
/// `None` when the position is not finite (it is then ignored).
pub fn pointer_event(kind: &str, x_px: f64, y_px: f64) -> Option<Pointer> {
    if !(x_px.is_finite() && y_px.is_finite()) {
        return None;
    }
    Some(match kind {
        "down" => Pointer::Down([x_px, y_px]),
        "move" => Pointer::Move([x_px, y_px]),
        "up" => Pointer::Up([x_px, y_px]),
        _ => Pointer::Cancel,
    })
}

/// The names in a comma-separated lock list, trimmed.
pub fn lock_names(locks: &str) -> Vec<&str> {
    locks.split(',').map(str::trim).collect()
}

/// The step count a host may ask for in one call: at most one million (the shell's own cap),
/// so no call can keep the page busy for long.
pub const MAX_STEPS_PER_CALL: u32 = 1_000_000;

/// `n` capped at [`MAX_STEPS_PER_CALL`].
pub fn steps_per_call(n: u32) -> u32 {
    n.min(MAX_STEPS_PER_CALL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extremes_become_usable_numbers() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(layout_width_css(x), 600.0);
            assert_eq!(export_width_css(x), 640.0);
            assert_eq!(draw_scale(x), 1.0);
            assert_eq!(pointer_event("down", x, 0.0), None);
        }
        assert_eq!(layout_width_css(1e308), 10_000.0);
        assert_eq!(layout_width_css(5e-324), 100.0);
        assert_eq!(export_width_css(-1e308), 200.0);
        assert_eq!(draw_scale(0.0), 0.5);
        assert_eq!(canvas_size(0, 10), Ok(false));
        assert_eq!(canvas_size(800, 400), Ok(true));
        assert!(canvas_size(u32::MAX, 1).is_err());
        assert!(canvas_size(16_000, 16_000).is_err());
        assert_eq!(pointer_event("?", 1.0, 2.0), Some(Pointer::Cancel));
        assert_eq!(lock_names(" start, points ,"), vec!["start", "points", ""]);
        assert_eq!(steps_per_call(u32::MAX), MAX_STEPS_PER_CALL);
    }
}
