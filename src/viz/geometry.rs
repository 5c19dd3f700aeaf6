//! Pixel ↔ data mapping and clipping.
//!
//! Conventions: data space has y up; the canvas has y down, origin at the top left. All pixel
//! quantities in `viz` are *device* pixels (CSS px × devicePixelRatio); a drawing's `scale`
//! is that ratio, and every line width, font size and margin is multiplied by it.

/// A rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixelRect {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width (≥ 0).
    pub width: i32,
    /// Height (≥ 0).
    pub height: i32,
}

impl PixelRect {
    /// Whether the pixel position lies inside (edges included).
    pub fn contains(&self, px: [f64; 2]) -> bool {
        px[0] >= self.x as f64
            && px[0] <= (self.x + self.width) as f64
            && px[1] >= self.y as f64
            && px[1] <= (self.y + self.height) as f64
    }

    /// Whether the box `[left, top, right, bottom]` lies wholly inside (edges included).
    pub fn holds_box(&self, bx: [f64; 4]) -> bool {
        self.contains([bx[0], bx[1]]) && self.contains([bx[2], bx[3]])
    }
}

/// A closed interval [lo, hi] of data values, lo < hi.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Lower end.
    pub lo: f64,
    /// Upper end.
    pub hi: f64,
}

impl Span {
    /// The span from `lo` to `hi`, widened to a unit width around their middle if degenerate.
    pub fn new(lo: f64, hi: f64) -> Span {
        if hi > lo && (hi - lo).is_finite() {
            Span { lo, hi }
        } else {
            let mid = if lo.is_finite() { lo } else { 0.0 };
            Span {
                lo: mid - 0.5,
                hi: mid + 0.5,
            }
        }
    }

    /// The span `centre ± half_width`.
    pub fn around(centre: f64, half_width: f64) -> Span {
        Span::new(centre - half_width, centre + half_width)
    }

    /// The smallest span containing every value, padded by `pad` of its width on each side.
    pub fn covering(values: impl IntoIterator<Item = f64>, pad: f64) -> Span {
        let (lo, hi) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        let s = Span::new(lo, hi);
        let w = s.hi - s.lo;
        Span::new(s.lo - pad * w, s.hi + pad * w)
    }

    /// Its width, hi − lo.
    pub fn width(&self) -> f64 {
        self.hi - self.lo
    }

    /// Whether `v` lies inside.
    pub fn contains(&self, v: f64) -> bool {
        v >= self.lo && v <= self.hi
    }
}

/// The affine map between a data rectangle and the pixel rectangle of one plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// The plot's pixel rectangle.
    pub rect: PixelRect,
    /// Data range along x (left to right).
    pub x: Span,
    /// Data range along y (bottom to top).
    pub y: Span,
}

impl Transform {
    /// Data → device pixels (fractional).
    pub fn to_px(&self, p: [f64; 2]) -> [f64; 2] {
        let r = &self.rect;
        [
            r.x as f64 + (p[0] - self.x.lo) / self.x.width() * r.width as f64,
            (r.y + r.height) as f64 - (p[1] - self.y.lo) / self.y.width() * r.height as f64,
        ]
    }

    /// Data → device pixels, rounded for the backend.
    pub fn to_backend(&self, p: [f64; 2]) -> (i32, i32) {
        let [x, y] = self.to_px(p);
        (x.round() as i32, y.round() as i32)
    }

    /// Device pixels → data.
    pub fn to_data(&self, px: [f64; 2]) -> [f64; 2] {
        let r = &self.rect;
        [
            self.x.lo + (px[0] - r.x as f64) / (r.width.max(1) as f64) * self.x.width(),
            self.y.lo
                + ((r.y + r.height) as f64 - px[1]) / (r.height.max(1) as f64) * self.y.width(),
        ]
    }

    /// Whether the data point lies inside the plotted ranges.
    pub fn contains(&self, p: [f64; 2]) -> bool {
        self.x.contains(p[0]) && self.y.contains(p[1])
    }

    /// Clips the data segment a–b to the plotted ranges (Liang–Barsky); None if it misses.
    pub fn clip(&self, a: [f64; 2], b: [f64; 2]) -> Option<([f64; 2], [f64; 2])> {
        clip_segment(a, b, self.x, self.y)
    }
}

/// Whether the boxes `[left, top, right, bottom]` share more than an edge.
///
/// ```
/// use mathsight::viz::geometry::boxes_meet;
/// assert!(boxes_meet([0.0, 0.0, 10.0, 10.0], [9.0, 9.0, 20.0, 20.0]));
/// assert!(!boxes_meet([0.0, 0.0, 10.0, 10.0], [10.0, 0.0, 20.0, 10.0])); // an edge only
/// assert!(!boxes_meet([0.0, 0.0, 10.0, 10.0], [0.0, 11.0, 10.0, 20.0]));
/// ```
pub fn boxes_meet(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether the pixel segment a–b touches the box `[left, top, right, bottom]`.
pub fn segment_meets_box(a: [f64; 2], b: [f64; 2], bx: [f64; 4]) -> bool {
    clip_segment(a, b, Span::new(bx[0], bx[2]), Span::new(bx[1], bx[3])).is_some()
}

/// Clips the segment a–b to the box x × y (Liang & Barsky, "A new concept and method for line
/// clipping", ACM TOG 3(1), 1984). Returns None when no part of it lies in the box.
pub fn clip_segment(a: [f64; 2], b: [f64; 2], x: Span, y: Span) -> Option<([f64; 2], [f64; 2])> {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    let checks = [
        (-d[0], a[0] - x.lo),
        (d[0], x.hi - a[0]),
        (-d[1], a[1] - y.lo),
        (d[1], y.hi - a[1]),
    ];
    for (p, q) in checks {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 || !t0.is_finite() || !t1.is_finite() {
        return None;
    }
    let at = |t: f64| [a[0] + t * d[0], a[1] + t * d[1]];
    Some((at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit() -> Transform {
        Transform {
            rect: PixelRect {
                x: 10,
                y: 20,
                width: 100,
                height: 50,
            },
            x: Span::new(0.0, 1.0),
            y: Span::new(-1.0, 1.0),
        }
    }

    #[test]
    fn maps_both_ways() {
        let t = unit();
        assert_eq!(t.to_px([0.0, -1.0]), [10.0, 70.0]);
        assert_eq!(t.to_px([1.0, 1.0]), [110.0, 20.0]);
        let p = [0.3, 0.25];
        let back = t.to_data(t.to_px(p));
        assert!((back[0] - p[0]).abs() < 1e-12 && (back[1] - p[1]).abs() < 1e-12);
    }

    #[test]
    fn clips_segments() {
        let t = unit();
        let (a, b) = t.clip([-1.0, 0.0], [2.0, 0.0]).unwrap();
        assert_eq!((a, b), ([0.0, 0.0], [1.0, 0.0]));
        assert!(t.clip([2.0, 2.0], [3.0, 3.0]).is_none());
        assert_eq!(
            t.clip([0.5, 0.5], [0.6, 0.5]),
            Some(([0.5, 0.5], [0.6, 0.5]))
        );
    }

    #[test]
    fn degenerate_spans_widen() {
        assert_eq!(Span::new(2.0, 2.0), Span { lo: 1.5, hi: 2.5 });
        assert!((Span::covering([f64::NAN], 0.1).width() - 1.2).abs() < 1e-12);
    }
}
