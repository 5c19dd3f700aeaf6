//! Where a drawing command can leave ink: a box in device pixels that holds every pixel it may
//! touch, anti-aliasing, line joins and glyph overhangs included.
//!
//! Why: a moving frame repaints the upper canvas of [`super::layers`], and clearing a whole
//! canvas is not free. In software rendering it costs about as much as filling it: 2.1 ms for
//! a 2100 × 1400 canvas at DPR 2 in headless Chromium, more than the rest of many frames.
//! What the last frame drew there is usually far smaller, so the upper canvas is cleared only
//! in the [`areas`] of the commands painted on it.
//!
//! The boxes are deliberately generous (a stroke is padded by its miter, text by half its
//! size): clearing a few pixels too many costs little, one too few leaves a trail.

use super::display::{Command, TextMeasure, TextStyle};
use crate::math::ClampTo;

/// A box of device pixels: `x0 ≤ x < x1`, `y0 ≤ y < y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub y0: i32,
    /// Right edge (exclusive).
    pub x1: i32,
    /// Bottom edge (exclusive).
    pub y1: i32,
}

impl Area {
    /// The box around `points`, grown by `pad` pixels on every side; `None` without points.
    pub fn around(points: impl IntoIterator<Item = (i32, i32)>, pad: i32) -> Option<Area> {
        let mut points = points.into_iter();
        let (x, y) = points.next()?;
        let tight = points.fold(
            Area {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            },
            |a, (x, y)| Area {
                x0: a.x0.min(x),
                y0: a.y0.min(y),
                x1: a.x1.max(x),
                y1: a.y1.max(y),
            },
        );
        Some(Area {
            x0: tight.x0.saturating_sub(pad),
            y0: tight.y0.saturating_sub(pad),
            x1: tight.x1.saturating_add(pad).saturating_add(1),
            y1: tight.y1.saturating_add(pad).saturating_add(1),
        })
    }

    /// The smallest box holding both.
    pub fn union(self, other: Area) -> Area {
        Area {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// How many pixels it covers.
    pub fn pixels(&self) -> i64 {
        (i64::from(self.x1) - i64::from(self.x0)).max(0)
            * (i64::from(self.y1) - i64::from(self.y0)).max(0)
    }

    /// Whether it holds every pixel of `other`.
    pub fn contains(&self, other: &Area) -> bool {
        self.x0 <= other.x0 && self.y0 <= other.y0 && self.x1 >= other.x1 && self.y1 >= other.y1
    }
}

/// The canvas's miter limit (its default, which `web::context2d` keeps): a sharp join of a
/// stroke `w` wide may reach `MITER_LIMIT × w / 2` beyond its vertex.
const MITER_LIMIT: i32 = 10;

/// Anti-aliasing's reach beyond a shape's edge, with a pixel to spare.
const SOFT_EDGE: i32 = 2;

/// The area `command` can touch, or `None` when it draws nothing.
pub fn extent(command: &Command, measure: &dyn TextMeasure) -> Option<Area> {
    let stroke = |w: u32| i32::try_from(w).unwrap_or(i32::MAX / 4);
    match command {
        Command::Pixel(p, _) => Area::around([*p], 1),
        Command::Line(a, b, _, w) => Area::around([*a, *b], stroke(*w) + SOFT_EDGE),
        Command::Rect(a, b, _, w, fill) => {
            let pad = if *fill {
                SOFT_EDGE
            } else {
                stroke(*w) + SOFT_EDGE
            };
            Area::around([*a, *b], pad)
        }
        Command::Path(points, _, w) => Area::around(
            points.iter().copied(),
            (MITER_LIMIT / 2).saturating_mul(stroke(*w)) + SOFT_EDGE,
        ),
        Command::Polygon(points, _) => Area::around(points.iter().copied(), SOFT_EDGE),
        Command::Circle(centre, r, _, w, _) => {
            Area::around([*centre], stroke(*r).saturating_add(stroke(*w)) + SOFT_EDGE)
        }
        Command::Text(text, style, at) => text_extent(text, style, *at, measure),
        Command::Field(field) => {
            let r = field.rect;
            Area::around([(r.x, r.y), (r.x + r.width, r.y + r.height)], 1)
        }
        Command::Still => None,
    }
}

/// Text's box: its measured width and its size around the anchor, turned with it, grown by half
/// the size for ascenders, descenders, accents and slanted glyphs.
fn text_extent(
    text: &str,
    style: &TextStyle,
    (x, y): (i32, i32),
    measure: &dyn TextMeasure,
) -> Option<Area> {
    if text.is_empty() || style.color.3 == 0.0 {
        return None;
    }
    let (w, _) = measure.measure(text, &style.family, style.size, style.style.into());
    let w = i32::try_from(w).unwrap_or(i32::MAX / 4);
    let s = style.size.ceil().clamp_to(0.0, f64::from(i32::MAX / 4)) as i32;
    // Left, centre or right of the anchor; top, middle or bottom.
    let (left, right) = match style.anchor.0 {
        0 => (0, w),
        1 => (-w / 2 - 1, w / 2 + 1),
        _ => (-w, 0),
    };
    let (top, bottom) = match style.anchor.1 {
        0 => (0, s),
        1 => (-s / 2 - 1, s / 2 + 1),
        _ => (-s, 0),
    };
    // A quarter turn clockwise on the canvas (y down) takes (u, v) to (−v, u).
    let corners = [(left, top), (right, bottom)].map(|(mut u, mut v)| {
        for _ in 0..style.quarter_turns % 4 {
            (u, v) = (-v, u);
        }
        (x.saturating_add(u), y.saturating_add(v))
    });
    Area::around(corners, s / 2 + SOFT_EDGE)
}

/// Pushes onto `out` boxes that together hold every pixel `command` can touch: its
/// [`extent`], except that a line or a path is boxed a piece at a time along its course (a
/// curve across a chart inks a band, not the chart) and a filled polygon a band of rows at a
/// time, from where its edges cross each band (its interior lies between them).
pub fn pieces(command: &Command, measure: &dyn TextMeasure, out: &mut Vec<Area>) {
    let stroke = |w: u32| i32::try_from(w).unwrap_or(i32::MAX / 4);
    match command {
        Command::Line(a, b, _, w) => segment(*a, *b, stroke(*w) + SOFT_EDGE, out),
        Command::Path(points, _, w) if points.len() > 1 => {
            let pad = stroke(*w) + SOFT_EDGE;
            let join = (MITER_LIMIT / 2).saturating_mul(stroke(*w)) + SOFT_EDGE;
            for pair in points.windows(2) {
                if let [a, b] = pair {
                    segment(*a, *b, pad, out);
                }
            }
            // A join's miter, where the path turns.
            let turns = points.get(1..points.len() - 1).unwrap_or_default();
            out.extend(turns.iter().filter_map(|p| Area::around([*p], join)));
        }
        Command::Polygon(points, _) if points.len() > 2 => bands(points, out),
        _ => out.extend(extent(command, measure)),
    }
}

/// A straight stroke from `a` to `b`, padded by `pad`: one box when it runs along an axis,
/// else a box for each stretch of at most a tile along it.
fn segment(a: (i32, i32), b: (i32, i32), pad: i32, out: &mut Vec<Area>) {
    let (dx, dy) = (
        f64::from(b.0) - f64::from(a.0),
        f64::from(b.1) - f64::from(a.1),
    );
    let n = (dx.abs().max(dy.abs()) / f64::from(TILE)).ceil();
    if a.0 == b.0 || a.1 == b.1 || !(1.0..=f64::from(1 << 12)).contains(&n) {
        out.extend(Area::around([a, b], pad));
        return;
    }
    let at = |k: f64| {
        let t = k / n;
        (
            a.0.saturating_add((dx * t).round() as i32),
            a.1.saturating_add((dy * t).round() as i32),
        )
    };
    let mut from = a;
    for k in 1..=n as i32 {
        let to = if f64::from(k) == n {
            b
        } else {
            at(f64::from(k))
        };
        out.extend(Area::around([from, to], pad + 1));
        from = to;
    }
}

/// A filled polygon, a band of [`TILE`] rows at a time: between the leftmost and rightmost
/// point where its edges pass within [`SOFT_EDGE`] of the band.
fn bands(points: &[(i32, i32)], out: &mut Vec<Area>) {
    let Some(bounds) = Area::around(points.iter().copied(), SOFT_EDGE) else {
        return;
    };
    let first = bounds.y0.div_euclid(TILE);
    let last = (bounds.y1 - 1).div_euclid(TILE);
    if last - first > 1 << 12 {
        out.push(bounds);
        return;
    }
    let edges = points.iter().zip(points.iter().cycle().skip(1));
    let mut spans: Vec<(f64, f64)> =
        vec![(f64::INFINITY, f64::NEG_INFINITY); (last - first + 1) as usize];
    for (&(x0, y0), &(x1, y1)) in edges {
        let (x0, y0, x1, y1) = (f64::from(x0), f64::from(y0), f64::from(x1), f64::from(y1));
        let x_at = |y: f64| {
            if y1 == y0 {
                x0
            } else {
                x0 + (x1 - x0) * (y - y0) / (y1 - y0)
            }
        };
        let (lo, hi) = (y0.min(y1), y0.max(y1));
        let pad = f64::from(SOFT_EDGE);
        // The bands within reach of the edge.
        let band = |y: f64| (y.floor() as i32).div_euclid(TILE) - first;
        let (k0, k1) = (
            band(lo - pad).max(0) as usize,
            band(hi + pad).max(0) as usize,
        );
        for (k, span) in spans.iter_mut().enumerate().take(k1 + 1).skip(k0) {
            let top = f64::from((first + k as i32) * TILE) - pad;
            let bottom = top + f64::from(TILE) + 2.0 * pad;
            let (from, to) = (lo.max(top), hi.min(bottom));
            if from > to {
                continue;
            }
            for x in [x_at(from), x_at(to)] {
                *span = (span.0.min(x), span.1.max(x));
            }
        }
    }
    for (k, (x0, x1)) in spans.into_iter().enumerate() {
        if x0 > x1 {
            continue;
        }
        let top = (first + k as i32) * TILE;
        out.push(Area {
            x0: (x0.floor() as i32 - SOFT_EDGE).max(bounds.x0),
            y0: top.max(bounds.y0),
            x1: (x1.ceil() as i32 + SOFT_EDGE + 1).min(bounds.x1),
            y1: (top + TILE).min(bounds.y1),
        });
    }
}

/// The side of the square tiles, in device pixels, that [`areas`] clears whole.
pub const TILE: i32 = 32;

/// More tiles than this (a command far off the canvas) and the one box around all is cleared.
const MAX_TILES: i64 = 1 << 16;

/// The areas `commands` can touch: every tile of a [`TILE`]-pixel grid that any command's
/// extent reaches, as rectangles (runs of tiles along a row, joined with the same runs in the
/// rows below). Crossing strokes stay two bands, not the square around them, and a few hundred
/// labels spread over three panels stay within their own rows of tiles.
pub fn areas(commands: &[Command], measure: &dyn TextMeasure) -> Vec<Area> {
    let mut extents: Vec<Area> = Vec::new();
    for c in commands {
        pieces(c, measure, &mut extents);
    }
    let Some(bounds) = extents.iter().copied().reduce(Area::union) else {
        return Vec::new();
    };
    // The grid lies on multiples of a tile, so that a polygon's bands of rows fall in its rows.
    let (gx, gy) = (
        bounds.x0.div_euclid(TILE).saturating_mul(TILE),
        bounds.y0.div_euclid(TILE).saturating_mul(TILE),
    );
    let tiles = |from: i32, to: i32| {
        ((i64::from(to) - i64::from(from) + i64::from(TILE) - 1) / i64::from(TILE)).max(1)
    };
    let (cols, rows) = (tiles(gx, bounds.x1), tiles(gy, bounds.y1));
    if cols * rows > MAX_TILES {
        return vec![bounds];
    }
    let (cols, rows) = (cols as usize, rows as usize);
    let tile_of =
        |from: i32, at: i32| ((i64::from(at) - i64::from(from)) / i64::from(TILE)) as usize;
    let mut inked = vec![false; cols * rows];
    for e in extents.iter().filter(|e| e.x0 < e.x1 && e.y0 < e.y1) {
        for row in tile_of(gy, e.y0)..=tile_of(gy, e.y1 - 1).min(rows - 1) {
            inked
                [row * cols + tile_of(gx, e.x0)..=row * cols + tile_of(gx, e.x1 - 1).min(cols - 1)]
                .fill(true);
        }
    }
    // A tile's edge, within the bounds.
    let edge = |from: i32, tiles: usize, start: i32, end: i32| {
        i32::try_from(i64::from(from) + i64::from(TILE) * tiles as i64)
            .map_or(end, |x| x.clamp(start, end))
    };
    let mut out: Vec<Area> = Vec::new();
    // The runs of the row above, as (first tile, past the last, index in `out`).
    let mut above: Vec<(usize, usize, usize)> = Vec::new();
    for row in 0..rows {
        let mut here = Vec::new();
        let line = &inked[row * cols..(row + 1) * cols];
        let mut col = 0;
        while col < cols {
            if !line[col] {
                col += 1;
                continue;
            }
            let start = col;
            while col < cols && line[col] {
                col += 1;
            }
            let y1 = edge(gy, row + 1, bounds.y0, bounds.y1);
            let index = match above.iter().find(|r| r.0 == start && r.1 == col) {
                Some(&(_, _, i)) => {
                    out[i].y1 = y1;
                    i
                }
                None => {
                    out.push(Area {
                        x0: edge(gx, start, bounds.x0, bounds.x1),
                        y0: edge(gy, row, bounds.y0, bounds.y1),
                        x1: edge(gx, col, bounds.x0, bounds.x1),
                        y1,
                    });
                    out.len() - 1
                }
            };
            here.push((start, col, index));
        }
        above = here;
    }
    out
}

/// proptest runs natively only (it is a native dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::viz::display::{EstimatedText, FontStyleKind};
    use proptest::prelude::*;

    const INK: (u8, u8, u8, f64) = (0, 0, 0, 1.0);

    fn text(anchor: (u8, u8), quarter_turns: u8) -> Command {
        Command::Text(
            "label".to_string(),
            TextStyle {
                family: "sans-serif".to_string(),
                size: 20.0,
                style: FontStyleKind::Normal,
                color: INK,
                anchor,
                quarter_turns,
            },
            (500, 300),
        )
    }

    #[test]
    fn strokes_are_padded_by_their_width_and_miter() {
        let line = extent(&Command::Line((10, 20), (110, 20), INK, 4), &EstimatedText).unwrap();
        assert_eq!(
            line,
            Area {
                x0: 4,
                y0: 14,
                x1: 117,
                y1: 27
            }
        );
        let path = Command::Path(vec![(100, 100), (150, 50), (200, 100)], INK, 4);
        let area = extent(&path, &EstimatedText).unwrap();
        // A sharp join of a 4 px stroke reaches up to 20 px beyond its vertex.
        assert!(area.y0 <= 50 - 20 && area.x0 <= 100 - 20 && area.x1 > 200 + 20);
    }

    #[test]
    fn text_is_boxed_on_the_side_of_its_anchor_and_turns_with_it() {
        let m = EstimatedText;
        // "label" at 20 px: 55 px wide (0.55 em a character), 20 tall; padded by 10 + 2.
        let left_top = extent(&text((0, 0), 0), &m).unwrap();
        assert_eq!(
            left_top,
            Area {
                x0: 488,
                y0: 288,
                x1: 568,
                y1: 333
            }
        );
        let right_bottom = extent(&text((2, 2), 0), &m).unwrap();
        assert_eq!(
            right_bottom,
            Area {
                x0: 433,
                y0: 268,
                x1: 513,
                y1: 313
            }
        );
        let centred = extent(&text((1, 1), 0), &m).unwrap();
        assert!(centred.contains(&Area {
            x0: 472,
            y0: 290,
            x1: 528,
            y1: 310
        }));
        // A quarter turn clockwise: the text runs down from the anchor, its top to the right.
        let turned = extent(&text((0, 0), 1), &m).unwrap();
        assert_eq!(
            turned,
            Area {
                x0: 468,
                y0: 288,
                x1: 513,
                y1: 368
            }
        );
        // Three quarter turns: it runs up, its top to the left.
        let up = extent(&text((0, 0), 3), &m).unwrap();
        assert_eq!(
            up,
            Area {
                x0: 488,
                y0: 233,
                x1: 533,
                y1: 313
            }
        );
    }

    #[test]
    fn nothing_drawn_has_no_area() {
        assert_eq!(extent(&Command::Still, &EstimatedText), None);
        assert_eq!(extent(&Command::Path(vec![], INK, 2), &EstimatedText), None);
        let Command::Text(t, mut style, at) = text((0, 0), 0) else {
            unreachable!()
        };
        style.color.3 = 0.0;
        assert_eq!(extent(&Command::Text(t, style, at), &EstimatedText), None);
    }

    #[test]
    fn crossing_strokes_are_cleared_as_two_bands_not_the_square_around_them() {
        let across = Command::Line((0, 500), (1000, 500), INK, 2);
        let down = Command::Line((500, 0), (500, 1000), INK, 2);
        let list = areas(&[across, down], &EstimatedText);
        let cleared: i64 = list.iter().map(Area::pixels).sum();
        // Two bands of one or two tiles, each about 1,000 px long.
        assert!(cleared <= 4 * 1009 * TILE as i64, "{cleared} px cleared");
        assert!(list.len() <= 4, "{list:?}");
    }

    #[test]
    fn nothing_to_clear_without_ink_and_one_box_for_a_command_far_away() {
        assert_eq!(areas(&[Command::Still], &EstimatedText), vec![]);
        let far = [
            Command::Pixel((0, 0), INK),
            Command::Pixel((i32::MAX / 2, i32::MAX / 2), INK),
        ];
        assert_eq!(areas(&far, &EstimatedText).len(), 1);
    }

    #[test]
    fn a_curve_across_a_chart_and_the_area_under_it_are_cleared_along_their_course() {
        let curve: Vec<(i32, i32)> = (0..=100)
            .map(|i| {
                (
                    100 + 10 * i,
                    500 - (400.0 * (-((f64::from(i) - 50.0) / 15.0).powi(2)).exp()) as i32,
                )
            })
            .collect();
        let mut under = curve.clone();
        under.extend([(1100, 500), (100, 500)]);
        let box_pixels = 1000 * 400;
        for command in [Command::Path(curve, INK, 4), Command::Polygon(under, INK)] {
            let cleared: i64 = areas(std::slice::from_ref(&command), &EstimatedText)
                .iter()
                .map(Area::pixels)
                .sum();
            assert!(
                cleared < box_pixels / 2,
                "{cleared} px cleared for {command:?}"
            );
        }
    }

    fn command() -> impl Strategy<Value = Command> {
        let point = || (-50..700i32, -50..500i32);
        prop_oneof![
            (point(), point(), 1..6u32).prop_map(|(a, b, w)| Command::Line(a, b, INK, w)),
            (point(), 0..40u32, 1..4u32).prop_map(|(c, r, w)| Command::Circle(c, r, INK, w, false)),
            proptest::collection::vec(point(), 1..6).prop_map(|p| Command::Path(p, INK, 2)),
            proptest::collection::vec(point(), 3..7).prop_map(|p| Command::Polygon(p, INK)),
            (point(), 0..3u8, 0..3u8, 0..4u8).prop_map(|(at, h, v, q)| {
                let Command::Text(t, mut style, _) = text((h, v), q) else {
                    unreachable!()
                };
                style.size = 12.0;
                Command::Text(t, style, at)
            }),
        ]
    }

    proptest! {
        #[test]
        fn the_areas_cover_every_pixel_of_every_piece_and_do_not_overlap(
            commands in proptest::collection::vec(command(), 0..40)
        ) {
            let list = areas(&commands, &EstimatedText);
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    let apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
                    prop_assert!(apart, "{a:?} overlaps {b:?}");
                }
            }
            let mut boxes = Vec::new();
            for c in &commands {
                pieces(c, &EstimatedText, &mut boxes);
            }
            for e in boxes {
                for y in (e.y0..e.y1).step_by(3).chain([e.y1 - 1]) {
                    for x in (e.x0..e.x1).step_by(3).chain([e.x1 - 1]) {
                        let inside = |a: &Area| a.x0 <= x && x < a.x1 && a.y0 <= y && y < a.y1;
                        prop_assert!(list.iter().any(inside), "({x}, {y}) of {e:?} is not cleared");
                    }
                }
            }
        }
        #[test]
        fn a_stroke_is_covered_wherever_its_pen_reaches(
            points in proptest::collection::vec((-50..700i32, -50..500i32), 2..8),
            w in 1..7u32,
        ) {
            let mut boxes = Vec::new();
            pieces(&Command::Path(points.clone(), INK, w), &EstimatedText, &mut boxes);
            let reach = f64::from(w) / 2.0 + 1.0;
            for pair in points.windows(2) {
                let [(ax, ay), (bx, by)] = [pair[0], pair[1]].map(|(x, y)| (f64::from(x), f64::from(y)));
                let len = (bx - ax).hypot(by - ay).max(1e-9);
                let (nx, ny) = (-(by - ay) / len, (bx - ax) / len);
                for k in 0..=40 {
                    let t = f64::from(k) / 40.0;
                    for off in [-reach, 0.0, reach] {
                        let (x, y) = (ax + (bx - ax) * t + nx * off, ay + (by - ay) * t + ny * off);
                        let (x, y) = (x.floor() as i32, y.floor() as i32);
                        let inside = |a: &Area| a.x0 <= x && x < a.x1 && a.y0 <= y && y < a.y1;
                        prop_assert!(boxes.iter().any(inside), "({x}, {y}) of {points:?} is not boxed");
                    }
                }
            }
        }

        #[test]
        fn a_filled_polygon_is_covered_inside(
            points in proptest::collection::vec((-50..700i32, -50..500i32), 3..8),
        ) {
            let mut boxes = Vec::new();
            pieces(&Command::Polygon(points.clone(), INK), &EstimatedText, &mut boxes);
            let inside_polygon = |x: f64, y: f64| {
                let mut odd = false;
                for (a, b) in points.iter().zip(points.iter().cycle().skip(1)) {
                    let [(ax, ay), (bx, by)] = [*a, *b].map(|(x, y)| (f64::from(x), f64::from(y)));
                    if (ay > y) != (by > y) && x < ax + (bx - ax) * (y - ay) / (by - ay) {
                        odd = !odd;
                    }
                }
                odd
            };
            for y in (-50..500).step_by(4) {
                for x in (-50..700).step_by(4) {
                    if inside_polygon(f64::from(x) + 0.5, f64::from(y) + 0.5) {
                        let inside = |a: &Area| a.x0 <= x && x < a.x1 && a.y0 <= y && y < a.y1;
                        prop_assert!(boxes.iter().any(inside), "({x}, {y}) inside {points:?} is not boxed");
                    }
                }
            }
        }
    }
}
