//! The 3-D picture of a 3×3 system: each equation is a plane, cut to a box around the solution
//! and drawn in an orthographic projection that the reader turns (yaw about the vertical z
//! axis, then pitch).
//!
//! Conventions: inside this module points are in box coordinates q = (p − centre)/half, so the
//! box is [−1, 1]³; the screen has u to the right and v up.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::row_colour;
use super::LinearSystem;
use crate::math::linear_system::Kind;
use crate::math::svd::ascending;
use crate::viz::chart::{self, stroke};
use crate::viz::display::Recorder;
use crate::viz::geometry::{PixelRect, Span, Transform};
use crate::viz::theme::mix;
use crate::viz::widget::Frame;

type V3 = [f64; 3];

fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn add(a: V3, b: V3, t: f64) -> V3 {
    [a[0] + t * b[0], a[1] + t * b[1], a[2] + t * b[2]]
}

/// An orthographic camera: yaw about z, then pitch about the screen's horizontal axis.
#[derive(Debug, Clone, Copy)]
pub(super) struct Camera {
    yaw: f64,
    pitch: f64,
    centre: [f64; 2],
    scale: f64,
}

impl Camera {
    /// Screen position (device px) and depth (larger is farther) of box point `q`.
    fn project(&self, q: V3) -> ([f64; 2], f64) {
        let (sy, cy) = sin_cos_degrees(self.yaw);
        let (sp, cp) = sin_cos_degrees(self.pitch);
        let x1 = q[0] * cy - q[1] * sy;
        let y1 = q[0] * sy + q[1] * cy;
        let v = q[2] * cp - y1 * sp;
        let depth = y1 * cp + q[2] * sp;
        (
            [
                self.centre[0] + self.scale * x1,
                self.centre[1] - self.scale * v,
            ],
            depth,
        )
    }

    fn px(&self, q: V3) -> (i32, i32) {
        let (p, _) = self.project(q);
        (p[0].round() as i32, p[1].round() as i32)
    }
}

/// (sin, cos) of an angle in degrees, from Taylor series on [−45°, 45°] after reducing by
/// quarter turns (error below 1e-9: plenty for drawing, and smaller wasm than libm's sin/cos).
fn sin_cos_degrees(deg: f64) -> (f64, f64) {
    let quarter = (deg / 90.0).round();
    let x = (deg - 90.0 * quarter).to_radians();
    let x2 = x * x;
    let s = x
        * (1.0
            - x2 / 6.0
                * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
    let c = 1.0
        - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
    match (quarter as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

const CORNERS: [V3; 8] = [
    [-1.0, -1.0, -1.0],
    [1.0, -1.0, -1.0],
    [-1.0, 1.0, -1.0],
    [1.0, 1.0, -1.0],
    [-1.0, -1.0, 1.0],
    [1.0, -1.0, 1.0],
    [-1.0, 1.0, 1.0],
    [1.0, 1.0, 1.0],
];

/// The box's twelve edges as pairs of corner indices (corners differing in one coordinate).
fn edges() -> Vec<(V3, V3)> {
    let mut out = Vec::new();
    for (i, a) in CORNERS.iter().enumerate() {
        for b in CORNERS.iter().skip(i + 1) {
            let differ = (0..3).filter(|&k| a.get(k) != b.get(k)).count();
            if differ == 1 {
                out.push((*a, *b));
            }
        }
    }
    out
}

/// The polygon where the plane n·q = d cuts the box, in order around it (empty if it misses).
pub(super) fn plane_in_box(n: V3, d: f64) -> Vec<V3> {
    let mut pts: Vec<V3> = Vec::new();
    for (a, b) in edges() {
        let denom = dot(n, [b[0] - a[0], b[1] - a[1], b[2] - a[2]]);
        if denom.abs() < 1e-12 {
            continue;
        }
        let t = (d - dot(n, a)) / denom;
        if (-1e-9..=1.0 + 1e-9).contains(&t) {
            let p = add(a, [b[0] - a[0], b[1] - a[1], b[2] - a[2]], t);
            if !pts
                .iter()
                .any(|q| (q[0] - p[0]).abs() + (q[1] - p[1]).abs() + (q[2] - p[2]).abs() < 1e-9)
            {
                pts.push(p);
            }
        }
    }
    if pts.len() < 3 {
        return Vec::new();
    }
    let k = pts.len() as f64;
    let c = pts.iter().fold([0.0; 3], |s, p| add(s, *p, 1.0 / k));
    let helper = if n[0].abs() < 0.9 * n[0].hypot(n[1]).hypot(n[2]) {
        [1.0, 0.0, 0.0]
    } else {
        [0.0, 1.0, 0.0]
    };
    let e1 = cross(n, helper);
    let e2 = cross(n, e1);
    let angles: Vec<f64> = pts
        .iter()
        .map(|r| {
            let v = [r[0] - c[0], r[1] - c[1], r[2] - c[2]];
            pseudo_angle(dot(v, e2), dot(v, e1))
        })
        .collect();
    let pts = ascending(&angles)
        .into_iter()
        .filter_map(|i| pts.get(i).copied())
        .collect();
    pts
}

/// A number that increases with the angle of (x, y) like `y.atan2(x)` does (so it sorts the
/// same), without trigonometry: in [−2, 2].
fn pseudo_angle(y: f64, x: f64) -> f64 {
    let p = x / (x.abs() + y.abs()).max(f64::MIN_POSITIVE);
    if y < 0.0 {
        p - 1.0
    } else {
        1.0 - p
    }
}

/// The part of the line p + t·d inside the box, if any (slab clipping).
pub(super) fn line_in_box(p: V3, d: V3) -> Option<(V3, V3)> {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for k in 0..3 {
        let (pk, dk) = (p.get(k).copied()?, d.get(k).copied()?);
        if dk.abs() < 1e-15 {
            if pk.abs() > 1.0 {
                return None;
            }
            continue;
        }
        let (a, b) = ((-1.0 - pk) / dk, (1.0 - pk) / dk);
        lo = lo.max(a.min(b));
        hi = hi.min(a.max(b));
    }
    (lo.is_finite() && hi.is_finite() && lo <= hi).then(|| (add(p, d, lo), add(p, d, hi)))
}

impl LinearSystem {
    /// A point of world space in box coordinates.
    fn to_box(&self, p: &[f64]) -> V3 {
        let c = self.view.centre;
        let h = self.view.half;
        [
            (p.first().copied().unwrap_or(0.0) - c[0]) / h,
            (p.get(1).copied().unwrap_or(0.0) - c[1]) / h,
            (p.get(2).copied().unwrap_or(0.0) - c[2]) / h,
        ]
    }

    /// Row (a₁, a₂, a₃ | r) as a plane n·q = d in box coordinates.
    fn plane(&self, row: &[f64]) -> Option<(V3, f64)> {
        let n = [
            row.first().copied()?,
            row.get(1).copied()?,
            row.get(2).copied()?,
        ];
        let r = row.get(3).copied()?;
        let len = dot(n, n).sqrt();
        if len.is_nan() || len <= 1e-12 * (1.0 + r.abs()) {
            return None;
        }
        let d = (r - dot(n, self.view.centre)) / self.view.half;
        Some(([n[0] / len, n[1] / len, n[2] / len], d / len))
    }

    pub(super) fn draw_space(
        &self,
        area: &DrawingArea<Recorder, Shift>,
        frame: &Frame,
    ) -> Result<Transform, String> {
        let theme = &frame.theme;
        let s = frame.scale;
        // The picture's area starts at the root's origin, so its coordinates are absolute too.
        let (x0, y0) = (0, 0);
        let (w, h) = area.dim_in_pixel();
        chart::label(
            area,
            frame,
            "Each equation is a plane (drag or arrow keys to turn)",
            [x0 as f64 + w as f64 / 2.0, y0 as f64 + 8.0 * s],
            (HPos::Center, VPos::Top),
            13.0,
            &theme.text,
        )?;
        let top = y0 as f64 + 30.0 * s;
        let side = (w as f64 - 12.0 * s)
            .min(h as f64 - 30.0 * s - 24.0 * s)
            .max(10.0);
        let rect = PixelRect {
            x: (x0 as f64 + (w as f64 - side) / 2.0).round() as i32,
            y: top.round() as i32,
            width: side.round() as i32,
            height: side.round() as i32,
        };
        let cam = Camera {
            yaw: self.options.float("yaw"),
            pitch: self.options.float("pitch"),
            centre: [rect.x as f64 + side / 2.0, rect.y as f64 + side / 2.0],
            scale: side / 2.0 / 1.8,
        };
        let thin = ShapeStyle::from(&theme.grid).stroke_width(stroke(frame, 1.0));
        for (a, b) in edges() {
            area.draw(&PathElement::new(vec![cam.px(a), cam.px(b)], thin))
                .map_err(|e| e.to_string())?;
        }
        // Axes through the box centre, labelled at their positive ends.
        for (k, name) in ["x", "y", "z"].iter().enumerate() {
            let mut e = [0.0; 3];
            if let Some(slot) = e.get_mut(k) {
                *slot = 1.0;
            }
            let axis = ShapeStyle::from(&theme.muted).stroke_width(stroke(frame, 1.0));
            chart::arrow(
                area,
                cam.project([-e[0], -e[1], -e[2]]).0,
                cam.project([1.15 * e[0], 1.15 * e[1], 1.15 * e[2]]).0,
                7.0 * s,
                axis,
            )?;
            let (p, _) = cam.project([1.28 * e[0], 1.28 * e[1], 1.28 * e[2]]);
            chart::label(
                area,
                frame,
                name,
                p,
                (HPos::Center, VPos::Center),
                13.0,
                &theme.text,
            )?;
        }
        // Planes, farthest first, translucent so the ones behind show through.
        let stage = self.stage();
        let changed = self.changed_rows();
        let planes: Vec<(usize, Vec<V3>, f64)> = stage
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let (n, d) = self.plane(row)?;
                let poly = plane_in_box(n, d);
                let k = poly.len().max(1) as f64;
                let depth = poly.iter().map(|q| cam.project(*q).1).sum::<f64>() / k;
                (!poly.is_empty()).then_some((i, poly, depth))
            })
            .collect();
        let depths: Vec<f64> = planes.iter().map(|p| -p.2).collect();
        let planes: Vec<&(usize, Vec<V3>, f64)> = ascending(&depths)
            .into_iter()
            .filter_map(|k| planes.get(k))
            .collect();
        for (i, poly, _) in planes {
            let colour = row_colour(theme, *i);
            let pts: Vec<(i32, i32)> = poly.iter().map(|q| cam.px(*q)).collect();
            area.draw(&Polygon::new(pts.clone(), colour.mix(0.22).filled()))
                .map_err(|e| e.to_string())?;
            let mut ring = pts;
            if let Some(first) = ring.first().copied() {
                ring.push(first);
            }
            let width = if changed.contains(i) { 3.0 } else { 1.5 };
            area.draw(&PathElement::new(
                ring,
                ShapeStyle::from(&colour).stroke_width(stroke(frame, width)),
            ))
            .map_err(|e| e.to_string())?;
        }
        // Where two planes meet: a line.
        let defined: Vec<(V3, f64)> = stage.iter().filter_map(|row| self.plane(row)).collect();
        let meet = ShapeStyle::from(&mix(theme.text, theme.background, 0.35))
            .stroke_width(stroke(frame, 1.0));
        for (i, (n1, d1)) in defined.iter().enumerate() {
            for (n2, d2) in defined.iter().skip(i + 1) {
                let dir = cross(*n1, *n2);
                let dd = dot(dir, dir);
                if dd < 1e-10 {
                    continue;
                }
                // The point of the line nearest the box centre:
                // (d₁·(n₂ × dir) + d₂·(dir × n₁)) / |dir|².
                let p = add(
                    add([0.0; 3], cross(*n2, dir), d1 / dd),
                    cross(dir, *n1),
                    d2 / dd,
                );
                if let Some((a, b)) = line_in_box(p, dir) {
                    area.draw(&PathElement::new(vec![cam.px(a), cam.px(b)], meet))
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        // The solutions.
        let e = &self.system.elimination;
        match (self.system.kind, &e.solution) {
            (Kind::Unique, Some(x)) => {
                let q = self.to_box(x);
                let (p, _) = cam.project(q);
                chart::disc(
                    area,
                    p,
                    5.5 * s,
                    &theme.text,
                    &theme.background,
                    stroke(frame, 1.5),
                )?;
                if let Some(t) = &e.solution_text {
                    super::draw::card_label(
                        area,
                        frame,
                        &format!("({})", t.join(", ")),
                        [p[0] + 9.0 * s, p[1] - 8.0 * s],
                        true,
                    )?;
                }
            }
            (Kind::Infinite, Some(x)) if e.null_space.len() == 1 => {
                if let Some(d) = e.null_space.first() {
                    let q = self.to_box(x);
                    let dir = [
                        d.first().copied().unwrap_or(0.0),
                        d.get(1).copied().unwrap_or(0.0),
                        d.get(2).copied().unwrap_or(0.0),
                    ];
                    if let Some((a, b)) = line_in_box(q, dir) {
                        let style =
                            ShapeStyle::from(&theme.reference).stroke_width(stroke(frame, 4.0));
                        area.draw(&PathElement::new(vec![cam.px(a), cam.px(b)], style))
                            .map_err(|e| e.to_string())?;
                    }
                }
            }
            _ => {}
        }
        let c = self.view.centre;
        let f = crate::viz::format::sig;
        chart::label(
            area,
            frame,
            &format!(
                "box: centre ({}, {}, {}), ±{}",
                f(c[0], 4),
                f(c[1], 4),
                f(c[2], 4),
                f(self.view.half, 3)
            ),
            [
                x0 as f64 + w as f64 / 2.0,
                (rect.y + rect.height) as f64 + 4.0 * s,
            ],
            (HPos::Center, VPos::Top),
            11.0,
            &theme.muted,
        )?;
        Ok(Transform {
            rect,
            x: Span::around(c[0], self.view.half),
            y: Span::around(c[1], self.view.half),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sines_and_cosines_in_degrees() {
        for deg in [
            -180.0, -135.0, -89.0, -30.0, 0.0, 17.0, 45.0, 90.0, 123.0, 179.0, 200.0,
        ] {
            let (s, c) = sin_cos_degrees(deg);
            let r = f64::to_radians(deg);
            assert!(
                (s - r.sin()).abs() < 1e-9 && (c - r.cos()).abs() < 1e-9,
                "{deg}"
            );
        }
    }

    #[test]
    fn a_plane_through_the_centre_cuts_a_square_or_hexagon() {
        assert_eq!(plane_in_box([0.0, 0.0, 1.0], 0.0).len(), 4);
        let k = 1.0 / 3f64.sqrt();
        assert_eq!(plane_in_box([k, k, k], 0.0).len(), 6);
        assert!(plane_in_box([0.0, 0.0, 1.0], 2.0).is_empty());
        let (a, b) = line_in_box([0.0; 3], [1.0, 0.0, 0.0]).unwrap();
        assert_eq!((a, b), ([-1.0, 0.0, 0.0], [1.0, 0.0, 0.0]));
        assert!(line_in_box([0.0, 2.0, 0.0], [1.0, 0.0, 0.0]).is_none());
    }
}
