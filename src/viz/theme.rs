//! Colours for light and dark pages. Text and key marks keep a contrast of at least 4.5:1
//! against the background (WCAG 2.1, 1.4.3 and 1.4.11).

use crate::math::ClampTo;
use plotters::style::RGBColor;

/// The colours one drawing uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Whether this is the dark theme.
    pub dark: bool,
    /// Page and plot background.
    pub background: RGBColor,
    /// Labels and captions.
    pub text: RGBColor,
    /// Axes, ticks and secondary text.
    pub muted: RGBColor,
    /// Light grid lines.
    pub grid: RGBColor,
    /// The moving thing: the current line, the descent path.
    pub accent: RGBColor,
    /// Data points.
    pub points: RGBColor,
    /// The reference answer: the least-squares line, the minimum.
    pub reference: RGBColor,
    /// Residual segments.
    pub residual: RGBColor,
    /// Field colour at its lowest value.
    pub field_low: RGBColor,
    /// Field colour at its highest value.
    pub field_high: RGBColor,
    /// Warnings drawn on the canvas.
    pub warning: RGBColor,
}

impl Theme {
    /// The light theme.
    pub const LIGHT: Theme = Theme {
        dark: false,
        background: RGBColor(255, 255, 255),
        text: RGBColor(28, 32, 40),
        muted: RGBColor(88, 96, 110),
        grid: RGBColor(230, 233, 238),
        accent: RGBColor(196, 64, 0),
        points: RGBColor(31, 84, 160),
        reference: RGBColor(20, 110, 70),
        residual: RGBColor(150, 160, 175),
        field_low: RGBColor(250, 251, 253),
        field_high: RGBColor(98, 142, 200),
        warning: RGBColor(176, 0, 32),
    };

    /// The dark theme.
    pub const DARK: Theme = Theme {
        dark: true,
        background: RGBColor(22, 25, 31),
        text: RGBColor(230, 233, 238),
        muted: RGBColor(165, 172, 184),
        grid: RGBColor(48, 53, 62),
        accent: RGBColor(255, 150, 70),
        points: RGBColor(120, 180, 255),
        reference: RGBColor(110, 210, 150),
        residual: RGBColor(110, 118, 132),
        field_low: RGBColor(24, 28, 36),
        field_high: RGBColor(44, 92, 150),
        warning: RGBColor(255, 120, 130),
    };

    /// The theme for a page that prefers dark or light.
    pub fn for_dark(dark: bool) -> Theme {
        if dark {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }
}

impl Theme {
    /// This theme with colours replaced from text such as
    /// `"background=#16191f;text=#e6e9ee;accent=#ff9646"` (keys: background, text, muted,
    /// accent, points). Unknown keys and malformed colours are ignored.
    pub fn with_overrides(mut self, overrides: &str) -> Theme {
        for pair in overrides.split(';') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let Some(colour) = parse_hex(value.trim()) else {
                continue;
            };
            match key.trim() {
                "background" => self.background = colour,
                "text" => self.text = colour,
                "muted" => self.muted = colour,
                "accent" => self.accent = colour,
                "points" => self.points = colour,
                _ => {}
            }
        }
        self
    }
}

/// Parses `#rrggbb` or `#rgb`.
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let hex = s.strip_prefix('#')?;
    let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
    match hex.len() {
        6 => Some(RGBColor(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        3 => Some(RGBColor(
            digit(0, 1)? * 17,
            digit(1, 1)? * 17,
            digit(2, 1)? * 17,
        )),
        _ => None,
    }
}

/// Linear interpolation between two colours, t in [0, 1].
pub fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp_to(0.0, 1.0);
    let f = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance and contrast ratio as defined in WCAG 2.1.
    fn luminance(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn overrides_replace_only_valid_colours() {
        let t = Theme::LIGHT.with_overrides("accent=#102030; text=#abc; bogus=#fff; points=red");
        assert_eq!(t.accent, RGBColor(0x10, 0x20, 0x30));
        assert_eq!(t.text, RGBColor(0xaa, 0xbb, 0xcc));
        assert_eq!(t.points, Theme::LIGHT.points);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#gg0000"), None);
    }

    #[test]
    fn text_and_key_marks_have_contrast() {
        for t in [Theme::LIGHT, Theme::DARK] {
            for (name, c) in [
                ("text", t.text),
                ("muted", t.muted),
                ("accent", t.accent),
                ("points", t.points),
                ("reference", t.reference),
                ("warning", t.warning),
            ] {
                let r = contrast(c, t.background);
                assert!(r >= 4.5, "{name} in dark={} has contrast {r:.2}", t.dark);
            }
        }
    }
}
