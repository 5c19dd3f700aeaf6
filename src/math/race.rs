//! One optimizer's run on a surface: its trajectory, the optimizer's memory at every step, and
//! how it stands ("running", "converged", "diverged"). A race is several runs from one start.
//!
//! Convergence: within [`CONVERGED_DISTANCE`] × the domain's diagonal of a known minimum, with a
//! last step shorter than that too. Divergence: a non-finite value, gradient or position, or a
//! position farther than [`DIVERGED_DISTANCE`] × the diagonal from the domain's centre. A run
//! that diverges stops and stores nothing non-finite.

use super::descent::Status;
use super::error::MathError;
use super::optimizers::{Memory, Method};
use super::surfaces::Surface;
use super::Objective2;

/// Converged when this close (relative to the domain's diagonal) to a minimum, and moving less.
pub const CONVERGED_DISTANCE: f64 = 1e-5;

/// Diverged when this far (relative to the domain's diagonal) from the domain's centre.
pub const DIVERGED_DISTANCE: f64 = 1e3;

/// One point of a run: where it is, the value there, and the optimizer's memory after the step
/// that arrived there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RacePoint {
    /// θ.
    pub theta: [f64; 2],
    /// f(θ).
    pub value: f64,
    /// ∇f(θ).
    pub gradient: [f64; 2],
    /// The optimizer's memory after arriving here (zero at the start).
    pub memory: Memory,
}

/// One optimizer's run.
#[derive(Debug, Clone)]
pub struct Run {
    method: Method,
    surface: Surface,
    first: RacePoint,
    points: Vec<RacePoint>,
    status: Status,
    diagonal: f64,
    centre: [f64; 2],
}

impl Run {
    /// A run of `method` on `surface` from `start`.
    pub fn new(method: Method, surface: Surface, start: [f64; 2]) -> Result<Run, MathError> {
        method.validate()?;
        for (parameter, value) in [("start x", start[0]), ("start y", start[1])] {
            if !value.is_finite() {
                return Err(MathError::OutOfRange {
                    parameter,
                    value,
                    expected: "a finite number",
                });
            }
        }
        let ([x0, x1], [y0, y1]) = surface.domain();
        let first = RacePoint {
            theta: start,
            value: surface.value(start),
            gradient: surface.gradient(start),
            memory: Memory::default(),
        };
        let mut run = Run {
            method,
            surface,
            first,
            points: vec![first],
            status: Status::Running,
            diagonal: (x1 - x0).hypot(y1 - y0),
            centre: [0.5 * (x0 + x1), 0.5 * (y0 + y1)],
        };
        if !run.finite(&first) {
            run.status = Status::Diverged {
                step: 0,
                reason: super::descent::Divergence::NonFinite,
            };
        } else if run.near_minimum(start) && norm(first.gradient) == 0.0 {
            run.status = Status::Converged;
        }
        Ok(run)
    }

    fn finite(&self, p: &RacePoint) -> bool {
        p.value.is_finite() && p.theta.iter().chain(&p.gradient).all(|v| v.is_finite())
    }

    fn near_minimum(&self, theta: [f64; 2]) -> bool {
        self.surface.distance_to_minimum(theta) <= CONVERGED_DISTANCE * self.diagonal
    }

    /// Takes up to `n` steps; stops at divergence or convergence.
    pub fn run(&mut self, n: usize) {
        for _ in 0..n {
            if !self.step() {
                break;
            }
        }
    }

    /// Takes one step; false (changing nothing) once converged or diverged.
    pub fn step(&mut self) -> bool {
        if self.status != Status::Running {
            return false;
        }
        let now = *self.current();
        let (theta, memory) = self.method.step(&self.surface, now.theta, &now.memory);
        let next = RacePoint {
            theta,
            value: self.surface.value(theta),
            gradient: self.surface.gradient(theta),
            memory,
        };
        let step = self.points.len();
        let far = (theta[0] - self.centre[0]).hypot(theta[1] - self.centre[1])
            > DIVERGED_DISTANCE * self.diagonal;
        let memory_finite = [
            memory.velocity,
            memory.mean_gradient,
            memory.squared_gradient,
        ]
        .iter()
        .flatten()
        .all(|v| v.is_finite());
        if !self.finite(&next) || !memory_finite {
            self.status = Status::Diverged {
                step,
                reason: super::descent::Divergence::NonFinite,
            };
            return false;
        }
        if far {
            self.status = Status::Diverged {
                step,
                reason: super::descent::Divergence::Grew {
                    from: self.points.first().map_or(now.value, |p| p.value),
                    to: next.value,
                },
            };
        } else {
            let moved = (theta[0] - now.theta[0]).hypot(theta[1] - now.theta[1]);
            if self.near_minimum(theta) && moved <= CONVERGED_DISTANCE * self.diagonal {
                self.status = Status::Converged;
            }
        }
        self.points.push(next);
        true
    }

    /// The latest point.
    pub fn current(&self) -> &RacePoint {
        // A run always holds its start, so `last` always finds one.
        self.points.last().unwrap_or(&self.first)
    }

    /// Every point from the start.
    pub fn points(&self) -> &[RacePoint] {
        &self.points
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.points.len() - 1
    }

    /// How the run stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The method it runs.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The distance from the current point to the nearest minimum.
    pub fn distance_to_minimum(&self) -> f64 {
        self.surface.distance_to_minimum(self.current().theta)
    }
}

fn norm(v: [f64; 2]) -> f64 {
    v[0].hypot(v[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_descent_converges_on_the_bowl() {
        let m = Method::GradientDescent { learning_rate: 0.1 };
        let mut r = Run::new(m, Surface::Bowl, [-2.4, 2.0]).unwrap();
        r.run(10_000);
        assert_eq!(r.status(), Status::Converged);
        assert!(r.steps() < 100, "{} steps", r.steps());
        assert!(r.distance_to_minimum() < 1e-3);
        assert!(!r.step());
    }

    #[test]
    fn too_large_a_rate_diverges_without_nan() {
        let m = Method::GradientDescent {
            learning_rate: 0.02,
        };
        let mut r = Run::new(m, Surface::Rosenbrock, [-1.5, 2.5]).unwrap();
        r.run(10_000);
        assert!(
            matches!(r.status(), Status::Diverged { .. }),
            "{:?}",
            r.status()
        );
        assert!(r.points().iter().all(|p| p.value.is_finite()));
    }

    #[test]
    fn bad_start_is_named() {
        let m = Method::GradientDescent { learning_rate: 0.1 };
        let e = Run::new(m, Surface::Bowl, [f64::NAN, 0.0]).unwrap_err();
        assert_eq!(e.to_string(), "start x must be a finite number, got NaN");
    }
}
