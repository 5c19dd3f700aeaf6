//! The regression cost with mini-batch gradients: stochastic (batch of one) and mini-batch
//! gradient descent, reproducible from a seed.
//!
//! The value is always the full cost J(m, c), so a plot of it shows the true progress; the
//! gradient at step k is the gradient of the mean squared error over batch k only,
//! ∂/∂m = −(2/b)·Σ x·r, ∂/∂c = −(2/b)·Σ r with r = y − (m·x + c) over the b points of the batch.
//! Batch k is b distinct points drawn by a partial Fisher–Yates shuffle from a [`SplitMix64`]
//! seeded by (seed, k), so the same seed gives the same batches on every platform.
//!
//! A descent asks for one gradient per step, in order; this objective counts the requests
//! (a [`Cell`]), so request k gets batch k.

use std::cell::Cell;

use super::regression::LineFit;
use super::rng::SplitMix64;
use super::Objective2;

/// The regression cost whose gradients come from mini-batches.
#[derive(Debug, Clone)]
pub struct BatchCost {
    fit: LineFit,
    points: Vec<[f64; 2]>,
    batch_size: usize,
    seed: u64,
    calls: Cell<u64>,
}

impl BatchCost {
    /// The cost of `points` (summarised by `fit`), with batches of `batch_size` points (0, or
    /// at least the number of points, means every point: plain gradient descent).
    pub fn new(fit: LineFit, points: Vec<[f64; 2]>, batch_size: usize, seed: u64) -> BatchCost {
        BatchCost {
            fit,
            points,
            batch_size,
            seed,
            calls: Cell::new(0),
        }
    }

    /// Whether gradients use every point.
    pub fn is_full(&self) -> bool {
        self.batch_size == 0 || self.batch_size >= self.points.len()
    }

    /// The indices of the points in batch `k`, in the order drawn (every index when full).
    pub fn batch(&self, k: u64) -> Vec<usize> {
        let n = self.points.len();
        let mut order: Vec<usize> = (0..n).collect();
        if self.is_full() {
            return order;
        }
        let mut rng = SplitMix64::new(self.seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for i in 0..self.batch_size {
            let j = i + ((rng.uniform() * (n - i) as f64) as usize).min(n - i - 1);
            order.swap(i, j);
        }
        order.truncate(self.batch_size);
        order
    }

    /// The gradient over the points with indices `batch`, at θ = [m, c].
    pub fn batch_gradient(&self, batch: &[usize], theta: [f64; 2]) -> [f64; 2] {
        let (mut gm, mut gc) = (0.0, 0.0);
        for p in batch.iter().filter_map(|&i| self.points.get(i)) {
            let r = p[1] - (theta[0] * p[0] + theta[1]);
            gm += p[0] * r;
            gc += r;
        }
        let b = batch.len().max(1) as f64;
        [-2.0 * gm / b, -2.0 * gc / b]
    }

    /// The points.
    pub fn points(&self) -> &[[f64; 2]] {
        &self.points
    }
}

impl Objective2 for BatchCost {
    fn value(&self, theta: [f64; 2]) -> f64 {
        self.fit.cost(theta[0], theta[1])
    }

    fn gradient(&self, theta: [f64; 2]) -> [f64; 2] {
        let k = self.calls.get();
        self.calls.set(k + 1);
        if self.is_full() {
            self.fit.gradient(theta[0], theta[1])
        } else {
            self.batch_gradient(&self.batch(k), theta)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Vec<[f64; 2]> {
        vec![[0.0, 1.0], [1.0, 2.5], [2.0, 2.9], [3.0, 4.8], [4.0, 5.1]]
    }

    #[test]
    fn full_batch_is_the_exact_gradient() {
        let points = data();
        let fit = LineFit::new(&points).unwrap();
        let cost = BatchCost::new(fit, points, 0, 1);
        let all: Vec<usize> = (0..5).collect();
        let g = cost.batch_gradient(&all, [0.5, 0.2]);
        let exact = fit.gradient(0.5, 0.2);
        assert!((g[0] - exact[0]).abs() < 1e-12 && (g[1] - exact[1]).abs() < 1e-12);
        assert_eq!(cost.gradient([0.5, 0.2]), exact);
    }

    #[test]
    fn batches_are_distinct_seeded_and_reproducible() {
        let points = data();
        let fit = LineFit::new(&points).unwrap();
        let a = BatchCost::new(fit, points.clone(), 2, 9);
        let b = BatchCost::new(fit, points, 2, 9);
        for k in 0..50 {
            let batch = a.batch(k);
            assert_eq!(batch.len(), 2);
            assert_ne!(batch[0], batch[1]);
            assert!(batch.iter().all(|&i| i < 5));
            assert_eq!(batch, b.batch(k));
        }
        assert_ne!(
            (0..10).map(|k| a.batch(k)).collect::<Vec<_>>(),
            (10..20).map(|k| a.batch(k)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn one_point_gradient_by_hand() {
        let points = data();
        let fit = LineFit::new(&points).unwrap();
        let cost = BatchCost::new(fit, points, 1, 3);
        // Point (2, 2.9) at m = 1, c = 0: r = 0.9, so ∂/∂m = −2·2·0.9 = −3.6, ∂/∂c = −1.8.
        let g = cost.batch_gradient(&[2], [1.0, 0.0]);
        assert!((g[0] + 3.6).abs() < 1e-12 && (g[1] + 1.8).abs() < 1e-12);
    }
}
