//! Logistic regression on two features, trained by gradient descent step by step.
//!
//! The model is p(x) = σ(w₁·x₁ + w₂·x₂ + b) with σ(z) = 1/(1 + e^(−z)); the loss is the mean
//! log-loss L = (1/n)·Σ [−y·ln p − (1 − y)·ln(1 − p)], computed per point as
//! max(z, 0) − y·z + ln(1 + e^(−|z|)) so it never overflows; its gradient is
//! ∂L/∂(w₁, w₂, b) = (1/n)·Σ (p − y)·(x₁, x₂, 1).
//!
//! The loss's gradient is Lipschitz with L ≤ λmax((1/4n)·Σ x̃x̃ᵀ), x̃ = (x₁, x₂, 1), so descent
//! is stable for α < 2/L. When the classes can be split by a line, no finite weights minimise
//! the loss: scaling w and b up always lowers it, and the weights grow without bound.

use super::error::{MathError, MAX_COORDINATE};
use super::rng::SplitMix64;

/// One labelled point: features and class (0 or 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Labelled {
    /// The features (x₁, x₂).
    pub x: [f64; 2],
    /// The class, 0 or 1.
    pub class: u8,
}

/// The parameters θ = (w₁, w₂, b).
pub type Params = [f64; 3];

/// σ(z) = 1/(1 + e^(−z)), computed without overflow for either sign of z.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// z = w₁·x₁ + w₂·x₂ + b.
pub fn score(theta: &Params, x: [f64; 2]) -> f64 {
    theta[0] * x[0] + theta[1] * x[1] + theta[2]
}

/// Checks the data: at least two points, coordinates finite within ±1e9, classes 0 or 1.
pub fn validate(points: &[Labelled]) -> Result<(), MathError> {
    for (i, p) in points.iter().enumerate() {
        for (coordinate, value) in [("x", p.x[0]), ("y", p.x[1])] {
            if !value.is_finite() || value.abs() > MAX_COORDINATE {
                return Err(MathError::BadPoint {
                    index: i + 1,
                    coordinate,
                    value,
                });
            }
        }
        if p.class > 1 {
            return Err(MathError::OutOfRange {
                parameter: "class",
                value: p.class as f64,
                expected: "0 or 1",
            });
        }
    }
    if points.len() < 2 {
        return Err(MathError::TooFewPoints {
            needed: 2,
            got: points.len(),
        });
    }
    Ok(())
}

/// The mean log-loss at θ.
pub fn loss(points: &[Labelled], theta: &Params) -> f64 {
    let n = points.len().max(1) as f64;
    points
        .iter()
        .map(|p| {
            let z = score(theta, p.x);
            z.max(0.0) - p.class as f64 * z + (-z.abs()).exp().ln_1p()
        })
        .sum::<f64>()
        / n
}

/// The gradient of the mean log-loss at θ: (1/n)·Σ (p − y)·(x₁, x₂, 1).
pub fn gradient(points: &[Labelled], theta: &Params) -> Params {
    let n = points.len().max(1) as f64;
    let mut g = [0.0; 3];
    for p in points {
        let e = sigmoid(score(theta, p.x)) - p.class as f64;
        g[0] += e * p.x[0];
        g[1] += e * p.x[1];
        g[2] += e;
    }
    g.map(|v| v / n)
}

/// An upper bound on the gradient's Lipschitz constant, λmax((1/4n)·Σ x̃x̃ᵀ), by power
/// iteration on the 3×3 matrix (which is positive semi-definite).
pub fn lipschitz_bound(points: &[Labelled]) -> f64 {
    let n = points.len().max(1) as f64;
    let mut a = [[0.0; 3]; 3];
    for p in points {
        let v = [p.x[0], p.x[1], 1.0];
        for (row, vi) in a.iter_mut().zip(v) {
            for (cell, vj) in row.iter_mut().zip(v) {
                *cell += vi * vj / (4.0 * n);
            }
        }
    }
    let mut v = [1.0, 0.7, 0.4];
    let mut lambda = 0.0;
    for _ in 0..100 {
        let w: Vec<f64> = a
            .iter()
            .map(|row| row.iter().zip(&v).map(|(r, x)| r * x).sum())
            .collect();
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        if !(norm > 0.0 && norm.is_finite()) {
            return 0.0;
        }
        lambda = norm;
        for (vi, wi) in v.iter_mut().zip(&w) {
            *vi = wi / norm;
        }
    }
    lambda
}

/// Whether θ classifies every point correctly with a positive margin (y·z > 0 for y = ±1):
/// the data is then separated by the line w·x + b = 0.
pub fn separates(points: &[Labelled], theta: &Params) -> bool {
    !points.is_empty()
        && points.iter().all(|p| {
            let z = score(theta, p.x);
            if p.class == 1 {
                z > 0.0
            } else {
                z < 0.0
            }
        })
}

/// The share of points classified correctly (p ≥ 0.5 means class 1).
pub fn accuracy(points: &[Labelled], theta: &Params) -> f64 {
    let right = points
        .iter()
        .filter(|p| (score(theta, p.x) >= 0.0) == (p.class == 1))
        .count();
    right as f64 / points.len().max(1) as f64
}

/// `n` points in two classes, alternating, each scattered with unit normal noise around its
/// centre: the centres lie `separation` apart along the direction 30° above the x axis.
pub fn two_classes(n: usize, separation: f64, seed: u64) -> Vec<Labelled> {
    let mut rng = SplitMix64::new(seed);
    let (s, c) = super::trig::sin_cos(30f64.to_radians());
    (0..n)
        .map(|i| {
            let class = (i % 2) as u8;
            let side = if class == 1 { 0.5 } else { -0.5 } * separation;
            Labelled {
                x: [side * c + rng.normal(), side * s + rng.normal()],
                class,
            }
        })
        .collect()
}

/// How a training run stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Training {
    /// Still lowering the loss.
    Running,
    /// The gradient is negligible.
    Converged,
    /// Stopped at this step: the loss rose for [`RISING_STEPS`] steps in a row, or on
    /// [`UNSTABLE_RISES`] of the last [`WINDOW`] steps (it bounces instead of falling), or
    /// stopped being finite.
    Diverged(usize),
}

/// Consecutive rising steps taken as divergence.
pub const RISING_STEPS: usize = 8;

/// The window, in steps, in which [`UNSTABLE_RISES`] rises are divergence.
pub const WINDOW: usize = 40;

/// Rises within the last [`WINDOW`] steps taken as divergence. The log-loss's gradient is
/// bounded, so a too-large α rarely blows up: the loss bounces around instead of falling.
pub const UNSTABLE_RISES: usize = 12;

/// One step of a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainStep {
    /// θ.
    pub theta: Params,
    /// L(θ).
    pub loss: f64,
    /// ∇L(θ).
    pub gradient: Params,
}

/// Gradient descent on the log-loss, with its history.
#[derive(Debug, Clone)]
pub struct Trainer {
    learning_rate: f64,
    first: TrainStep,
    history: Vec<TrainStep>,
    status: Training,
    rising: usize,
    tolerance: f64,
}

impl Trainer {
    /// A run from θ = 0 with learning rate α.
    pub fn new(points: &[Labelled], learning_rate: f64) -> Result<Trainer, MathError> {
        validate(points)?;
        if !(learning_rate.is_finite() && learning_rate > 0.0) {
            return Err(MathError::OutOfRange {
                parameter: "learning rate",
                value: learning_rate,
                expected: "finite and > 0",
            });
        }
        let theta = [0.0; 3];
        let g = gradient(points, &theta);
        let first = TrainStep {
            theta,
            loss: loss(points, &theta),
            gradient: g,
        };
        Ok(Trainer {
            learning_rate,
            first,
            history: vec![first],
            status: Training::Running,
            rising: 0,
            tolerance: 1e-7 * (1.0 + norm3(&g)),
        })
    }

    /// Takes up to `n` steps θ ← θ − α·∇L(θ); stops at divergence or convergence.
    pub fn run(&mut self, points: &[Labelled], n: usize) {
        for _ in 0..n {
            if self.status != Training::Running {
                break;
            }
            let now = *self.current();
            let mut theta = now.theta;
            for (t, g) in theta.iter_mut().zip(now.gradient) {
                *t -= self.learning_rate * g;
            }
            let next = TrainStep {
                theta,
                loss: loss(points, &theta),
                gradient: gradient(points, &theta),
            };
            let step = self.history.len();
            let finite =
                next.loss.is_finite() && theta.iter().chain(&next.gradient).all(|v| v.is_finite());
            if !finite {
                self.status = Training::Diverged(step);
                break;
            }
            self.rising = if next.loss > now.loss * (1.0 + 1e-12) {
                self.rising + 1
            } else {
                0
            };
            self.history.push(next);
            let from = self.history.len().saturating_sub(WINDOW + 1);
            let recent = self.history.get(from..).unwrap_or_default();
            let rises = recent
                .windows(2)
                .filter(|w| matches!(w, [a, b] if b.loss > a.loss * (1.0 + 1e-12)))
                .count();
            if self.rising >= RISING_STEPS || rises >= UNSTABLE_RISES {
                self.status = Training::Diverged(step);
            } else if norm3(&next.gradient) <= self.tolerance {
                self.status = Training::Converged;
            }
        }
    }

    /// The latest step.
    pub fn current(&self) -> &TrainStep {
        // A run always holds its start, so `last` always finds one.
        self.history.last().unwrap_or(&self.first)
    }

    /// Every step from the start.
    pub fn history(&self) -> &[TrainStep] {
        &self.history
    }

    /// Steps taken.
    pub fn steps(&self) -> usize {
        self.history.len() - 1
    }

    /// How the run stands.
    pub fn status(&self) -> Training {
        self.status
    }
}

/// ‖v‖ for a 3-vector.
pub fn norm3(v: &Params) -> f64 {
    v[0].hypot(v[1]).hypot(v[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Vec<Labelled> {
        [
            ([0.0, 0.0], 0),
            ([1.0, 0.5], 0),
            ([2.0, 1.0], 1),
            ([0.5, 2.0], 1),
            ([1.5, 1.5], 0),
            ([3.0, 2.5], 1),
        ]
        .into_iter()
        .map(|(x, class)| Labelled { x, class })
        .collect()
    }

    #[test]
    fn loss_and_gradient_match_scipy() {
        // X = [[0,0],[1,.5],[2,1],[.5,2],[1.5,1.5],[3,2.5]]; y = [0,0,1,1,0,1];
        // w = [0.3, -0.2]; b = 0.1; z = X @ w + b; p = scipy.special.expit(z)
        // np.mean(np.logaddexp(0, z) - y * z) = 0.6906337234284478
        // np.r_[X.T @ (p - y), (p - y).sum()] / 6
        //   = [-0.1231184997537076, -0.2109610036244136, 0.06151450370605947]
        let theta = [0.3, -0.2, 0.1];
        assert!((loss(&data(), &theta) - 0.6906337234284478).abs() < 1e-14);
        let g = gradient(&data(), &theta);
        let want = [
            -0.1231184997537076,
            -0.2109610036244136,
            0.06151450370605947,
        ];
        for (got, want) in g.iter().zip(want) {
            assert!((got - want).abs() < 1e-15, "{g:?}");
        }
    }

    #[test]
    fn training_reaches_the_scipy_minimum() {
        // scipy.optimize.minimize(lambda t: np.mean(np.logaddexp(0, X @ t[:2] + t[2]) - y * (X @ t[:2] + t[2])),
        //     np.zeros(3), method='BFGS', options={'gtol': 1e-10}).x
        //   = [1.2500459797719998, 2.6585590882829395, -5.061654306493672]
        let mut t = Trainer::new(&data(), 1.0).unwrap();
        t.run(&data(), 200_000);
        assert_eq!(t.status(), Training::Converged);
        let theta = t.current().theta;
        let want = [1.2500459797719998, 2.6585590882829395, -5.061654306493672];
        for (got, want) in theta.iter().zip(want) {
            assert!((got - want).abs() < 1e-3, "{theta:?}");
        }
    }

    #[test]
    fn sigmoid_never_overflows() {
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(0.0), 0.5);
        // A huge score costs its size, not an overflow: point (1, 0.5) of class 0 at w₁ = 1e6.
        let l = loss(&data(), &[1e6, 0.0, 0.0]);
        assert!(l.is_finite() && l > 1e5, "{l}");
    }

    #[test]
    fn bad_data_is_named() {
        let e = Trainer::new(&data()[..1], 0.1).unwrap_err();
        assert_eq!(e.to_string(), "at least 2 data points are needed, got 1");
        let mut bad = data();
        bad[2].x[1] = f64::INFINITY;
        let e = Trainer::new(&bad, 0.1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "y of point 3 must be finite and within ±1e9, got inf"
        );
    }
}
