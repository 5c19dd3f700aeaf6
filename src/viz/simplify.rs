//! Fewer vertices for the same picture: Ramer–Douglas–Peucker simplification of a pixel
//! polyline (Douglas & Peucker 1973).
//!
//! A thick anti-aliased stroke costs the browser time in proportion to its vertices, and the
//! paths a widget draws (a descent's history, a loss curve, a density sampled every pixel) have
//! many more vertices than the picture needs. Every path the [`super::display::Recorder`]
//! records goes through [`simplify`] with [`tolerance_px`], so no vertex is dropped that would
//! move the stroke by more than [`TOLERANCE_CSS_PX`] CSS pixels: less than a line's width.
//!
//! Conventions: coordinates are device pixels, as everywhere in `viz`; distances are to the
//! *segment* between the kept vertices (not the infinite line through them), so a path that
//! turns back on itself keeps its turning point.

/// How far (CSS pixels) a dropped vertex may be from the simplified path: 0.75 device pixels
/// at a pixel ratio of 2. A fixed 0.75 device pixels drew curves twice as coarse at a ratio of
/// 1 (a density's narrow peak showed as a point), and finer than needed at 3.
pub const TOLERANCE_CSS_PX: f64 = 0.375;

/// The tolerance in device pixels at `scale` device pixels per CSS pixel: [`TOLERANCE_CSS_PX`]
/// CSS pixels, but never below [`MIN_TOLERANCE_PX`] (so 0.5 at a ratio of 1).
pub fn tolerance_px(scale: f64) -> f64 {
    (TOLERANCE_CSS_PX * scale).max(MIN_TOLERANCE_PX)
}

/// The least tolerance, device pixels: vertices are whole pixels, so a smooth curve's vertices
/// stray up to half a pixel from it, and a finer tolerance keeps that rounding as wobble.
pub const MIN_TOLERANCE_PX: f64 = 0.5;

/// The tolerance at a pixel ratio of 2, in device pixels: what the tests below use.
#[cfg(test)]
const TOLERANCE_PX: f64 = 0.75;

/// The vertices of `points` to keep: the first, the last, and every vertex whose removal would
/// leave a vertex farther than `tolerance` from the polyline. The result is a subsequence of
/// `points`; paths of fewer than three vertices are returned as they are.
pub fn simplify(points: &[(i32, i32)], tolerance: f64) -> Vec<(i32, i32)> {
    points
        .iter()
        .zip(keep_mask(points, tolerance))
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// Which vertices [`simplify`] keeps, one flag per vertex.
fn keep_mask(points: &[(i32, i32)], tolerance: f64) -> Vec<bool> {
    let n = points.len();
    let mut keep = vec![n < 3; n];
    if n < 3 {
        return keep;
    }
    keep[0] = true;
    keep[n - 1] = true;
    // Spans still to check, as (first, last) indices; an explicit stack, so no recursion depth.
    let mut spans = vec![(0, n - 1)];
    while let Some((a, b)) = spans.pop() {
        if b <= a + 1 {
            continue;
        }
        let (pa, pb) = (points[a], points[b]);
        // Squared distances: the same order and the same test, without a square root per vertex.
        let (mut far, mut worst) = (a, -1.0);
        for (i, &p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = squared_distance_to_segment(p, pa, pb);
            if d > worst {
                (far, worst) = (i, d);
            }
        }
        if worst > tolerance * tolerance {
            keep[far] = true;
            spans.push((a, far));
            spans.push((far, b));
        }
    }
    keep
}

/// The distance from `p` to the segment from `a` to `b`.
pub fn distance_to_segment(p: (i32, i32), a: (i32, i32), b: (i32, i32)) -> f64 {
    squared_distance_to_segment(p, a, b).sqrt()
}

/// The square of [`distance_to_segment`].
fn squared_distance_to_segment(p: (i32, i32), a: (i32, i32), b: (i32, i32)) -> f64 {
    let [px, py, ax, ay, bx, by] = [p.0, p.1, a.0, a.1, b.0, b.1].map(f64::from);
    let (dx, dy) = (bx - ax, by - ay);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((px - ax) * dx + (py - ay) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (px - ax - t * dx, py - ay - t * dy);
    ex * ex + ey * ey
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_run_keeps_only_its_ends() {
        let line: Vec<_> = (0..100).map(|i| (i, 2 * i)).collect();
        assert_eq!(simplify(&line, TOLERANCE_PX), vec![(0, 0), (99, 198)]);
    }

    #[test]
    fn corners_and_turning_points_stay() {
        let corner = [(0, 0), (5, 0), (10, 0), (10, 5), (10, 10)];
        assert_eq!(
            simplify(&corner, TOLERANCE_PX),
            vec![(0, 0), (10, 0), (10, 10)]
        );
        // Out and back along one line: the far end is 10 px from the segment between the ends.
        let back = [(0, 0), (5, 0), (10, 0), (5, 0), (1, 0)];
        assert_eq!(simplify(&back, TOLERANCE_PX), vec![(0, 0), (10, 0), (1, 0)]);
    }

    #[test]
    fn the_tolerance_is_in_css_pixels_above_the_rounding() {
        assert_eq!(tolerance_px(2.0), TOLERANCE_PX);
        assert_eq!(tolerance_px(3.0), 1.125);
        assert_eq!(tolerance_px(1.0), MIN_TOLERANCE_PX);
    }

    #[test]
    fn short_paths_are_untouched() {
        assert_eq!(simplify(&[], 1.0), vec![]);
        assert_eq!(simplify(&[(3, 4)], 1.0), vec![(3, 4)]);
        assert_eq!(simplify(&[(3, 4), (3, 4)], 1.0), vec![(3, 4), (3, 4)]);
    }

    #[test]
    fn a_sampled_curve_loses_most_of_its_vertices() {
        // A density drawn every pixel across 800 px: smooth, so a few dozen vertices suffice.
        let curve: Vec<_> = (0..800)
            .map(|i| {
                let x = (f64::from(i) - 400.0) / 100.0;
                (i, (600.0 - 500.0 * (-x * x / 2.0).exp()).round() as i32)
            })
            .collect();
        let kept = simplify(&curve, TOLERANCE_PX);
        assert!(kept.len() < 100, "{} vertices kept", kept.len());
    }

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// The ends are kept, and every dropped vertex lies within the tolerance of the segment
            /// between the kept vertices on either side of it.
            #[test]
            fn dropped_vertices_stay_within_tolerance(
                points in prop::collection::vec((-500i32..500, -500i32..500), 0..200),
                tolerance in 0.0f64..5.0,
            ) {
                let keep = keep_mask(&points, tolerance);
                let kept: Vec<usize> = (0..points.len()).filter(|&i| keep[i]).collect();
                prop_assert_eq!(kept.first().copied(), (!points.is_empty()).then_some(0));
                prop_assert_eq!(kept.last().copied(), points.len().checked_sub(1));
                for w in kept.windows(2) {
                    for p in &points[w[0] + 1..w[1]] {
                        let d = distance_to_segment(*p, points[w[0]], points[w[1]]);
                        prop_assert!(d <= tolerance + 1e-9, "{:?} is {} px off", p, d);
                    }
                }
                let simplified: Vec<_> = kept.iter().map(|&i| points[i]).collect();
                prop_assert_eq!(simplify(&points, tolerance), simplified);
            }
        }
    }
}
