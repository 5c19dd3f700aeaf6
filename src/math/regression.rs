//! Fitting y = m·x + c by least squares: the cost J(m, c), its gradient and Hessian, and the
//! closed-form minimum, all from sufficient statistics.
//!
//! With x̄, ȳ the means and Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ), Syy = Σ(y − ȳ)² the centred
//! sums over n points, the mean squared error splits exactly into
//!
//! J(m, c) = (1/n)·Σ(y − (m·x + c))² = (Syy − 2m·Sxy + m²·Sxx)/n + d², with d = ȳ − m·x̄ − c,
//!
//! so one evaluation costs O(1) whatever n is (a whole cost field costs O(pixels)), and the
//! centred form avoids the cancellation of raw sums such as Σx² − n·x̄².

use super::error::{MathError, MAX_COORDINATE};
use super::Objective2;

/// The sufficient statistics of a data set for the line-fitting cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFit {
    /// Number of points.
    pub n: usize,
    /// Mean of x.
    pub mean_x: f64,
    /// Mean of y.
    pub mean_y: f64,
    /// Σ(x − x̄)².
    pub sxx: f64,
    /// Σ(x − x̄)(y − ȳ).
    pub sxy: f64,
    /// Σ(y − ȳ)².
    pub syy: f64,
}

impl LineFit {
    /// The statistics of `points`, each `[x, y]`.
    ///
    /// Needs at least two points, finite coordinates within ±1e9, and two distinct x values.
    pub fn new(points: &[[f64; 2]]) -> Result<Self, MathError> {
        validate_points(points)?;
        if points.len() < 2 {
            return Err(MathError::TooFewPoints {
                needed: 2,
                got: points.len(),
            });
        }
        let n = points.len();
        let nf = n as f64;
        let mean_x = points.iter().map(|p| p[0]).sum::<f64>() / nf;
        let mean_y = points.iter().map(|p| p[1]).sum::<f64>() / nf;
        let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
        for p in points {
            let (dx, dy) = (p[0] - mean_x, p[1] - mean_y);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        // Relative to the spread of x, a zero Sxx means every x is the same value.
        let scale = points.iter().map(|p| p[0].abs()).fold(0.0, f64::max);
        if sxx <= (f64::EPSILON * scale).powi(2) * nf {
            return Err(MathError::ConstantX {
                value: points.first().map_or(0.0, |p| p[0]),
            });
        }
        Ok(LineFit {
            n,
            mean_x,
            mean_y,
            sxx,
            sxy,
            syy,
        })
    }

    /// The cost J(m, c) = (1/n)·Σ(y − (m·x + c))².
    #[inline(always)]
    pub fn cost(&self, m: f64, c: f64) -> f64 {
        let d = self.mean_y - m * self.mean_x - c;
        (self.syy - 2.0 * m * self.sxy + m * m * self.sxx) / self.n as f64 + d * d
    }

    /// The gradient [∂J/∂m, ∂J/∂c] = [(2/n)(m·Sxx − Sxy) − 2x̄·d, −2d], d = ȳ − m·x̄ − c.
    #[inline(always)]
    pub fn gradient(&self, m: f64, c: f64) -> [f64; 2] {
        let d = self.mean_y - m * self.mean_x - c;
        [
            2.0 * (m * self.sxx - self.sxy) / self.n as f64 - 2.0 * self.mean_x * d,
            -2.0 * d,
        ]
    }

    /// The (constant) Hessian of J: (2/n)·[[Σx², Σx], [Σx, n]], written with centred sums.
    pub fn hessian(&self) -> [[f64; 2]; 2] {
        let mxx = 2.0 * (self.sxx / self.n as f64 + self.mean_x * self.mean_x);
        let mxc = 2.0 * self.mean_x;
        [[mxx, mxc], [mxc, 2.0]]
    }

    /// The eigenvalues of the Hessian, largest first: L (the gradient's Lipschitz constant) and
    /// μ (the strong-convexity constant). Their ratio is the condition number of the descent.
    pub fn hessian_eigenvalues(&self) -> [f64; 2] {
        let [[a, b], [_, d]] = self.hessian();
        let mid = 0.5 * (a + d);
        let radius = (0.5 * (a - d)).hypot(b);
        // The smaller root as det/λmax avoids cancellation when the two differ greatly.
        let largest = mid + radius;
        [largest, (a * d - b * b) / largest]
    }

    /// The largest learning rate for which gradient descent on J converges: 2/L.
    ///
    /// On a quadratic, one step multiplies the error along the Hessian's eigenvector for λ by
    /// (1 − α·λ); every factor has magnitude below 1 exactly when α < 2/λmax.
    pub fn stable_learning_rate_bound(&self) -> f64 {
        2.0 / self.hessian_eigenvalues()[0]
    }

    /// The least-squares line: m* = Sxy/Sxx, c* = ȳ − m*·x̄.
    pub fn least_squares(&self) -> [f64; 2] {
        let m = self.sxy / self.sxx;
        [m, self.mean_y - m * self.mean_x]
    }

    /// The smallest cost, J(m*, c*) = (Syy − Sxy²/Sxx)/n, never negative.
    pub fn min_cost(&self) -> f64 {
        ((self.syy - self.sxy * self.sxy / self.sxx) / self.n as f64).max(0.0)
    }

    /// The statistics of the standardised data, x' = (x − x̄)/s with s = √(Sxx/n): what
    /// "feature scaling" gives. The cost surface in (m', c) is then round in m'.
    pub fn standardised(&self) -> LineFit {
        let s2 = self.sxx / self.n as f64;
        LineFit {
            mean_x: 0.0,
            sxx: self.n as f64,
            sxy: self.sxy / s2.sqrt(),
            ..*self
        }
    }
}

impl Objective2 for LineFit {
    #[inline(always)]
    fn value(&self, theta: [f64; 2]) -> f64 {
        self.cost(theta[0], theta[1])
    }
    #[inline(always)]
    fn gradient(&self, theta: [f64; 2]) -> [f64; 2] {
        LineFit::gradient(self, theta[0], theta[1])
    }
}

/// Checks that every coordinate is finite and within ±[`MAX_COORDINATE`].
pub fn validate_points(points: &[[f64; 2]]) -> Result<(), MathError> {
    for (i, p) in points.iter().enumerate() {
        for (coordinate, value) in [("x", p[0]), ("y", p[1])] {
            if !value.is_finite() || value.abs() > MAX_COORDINATE {
                return Err(MathError::BadPoint {
                    index: i + 1,
                    coordinate,
                    value,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTS: [[f64; 2]; 5] = [[1.0, 2.0], [2.0, 2.9], [3.0, 4.2], [4.0, 4.8], [5.0, 6.1]];

    fn naive_cost(points: &[[f64; 2]], m: f64, c: f64) -> f64 {
        points
            .iter()
            .map(|p| (p[1] - m * p[0] - c).powi(2))
            .sum::<f64>()
            / points.len() as f64
    }

    #[test]
    fn cost_matches_the_definition() {
        let fit = LineFit::new(&POINTS).unwrap();
        for (m, c) in [(0.0, 0.0), (1.0, 1.0), (-2.0, 3.5), (0.98, 1.0)] {
            let expected = naive_cost(&POINTS, m, c);
            assert!((fit.cost(m, c) - expected).abs() < 1e-12 * (1.0 + expected));
        }
    }

    #[test]
    fn least_squares_reference() {
        // numpy.polyfit([1, 2, 3, 4, 5], [2, 2.9, 4.2, 4.8, 6.1], 1) = [1.01, 0.97]
        let [m, c] = LineFit::new(&POINTS).unwrap().least_squares();
        assert!((m - 1.01).abs() < 1e-12, "m = {m}");
        assert!((c - 0.97).abs() < 1e-12, "c = {c}");
    }

    #[test]
    fn hessian_eigenvalues_reference() {
        // For x = 1..5: Hessian = (2/5)·[[55, 15], [15, 5]] = [[22, 6], [6, 2]];
        // numpy.linalg.eigvalsh([[22., 6], [6, 2]]) = [0.33809621, 23.66190379].
        let [l, mu] = LineFit::new(&POINTS).unwrap().hessian_eigenvalues();
        assert!((l - 23.661_903_79).abs() < 1e-8, "L = {l}");
        assert!((mu - 0.338_096_21).abs() < 1e-8, "mu = {mu}");
    }

    #[test]
    fn invalid_data_is_named() {
        assert_eq!(
            LineFit::new(&[[1.0, 2.0]]).unwrap_err().to_string(),
            "at least 2 data points are needed, got 1"
        );
        assert!(matches!(
            LineFit::new(&[[3.0, 1.0], [3.0, 2.0], [3.0, 5.0]]),
            Err(MathError::ConstantX { value }) if value == 3.0
        ));
        assert_eq!(
            LineFit::new(&[[1.0, 2.0], [2.0, f64::INFINITY]])
                .unwrap_err()
                .to_string(),
            "y of point 2 must be finite and within ±1e9, got inf"
        );
    }

    #[test]
    fn standardising_keeps_the_minimum_cost() {
        let fit = LineFit::new(&POINTS).unwrap();
        let scaled = fit.standardised();
        let [m, c] = scaled.least_squares();
        assert!((scaled.cost(m, c) - fit.min_cost()).abs() < 1e-12);
        let [l, mu] = scaled.hessian_eigenvalues();
        assert!((l - 2.0).abs() < 1e-12 && (mu - 2.0).abs() < 1e-12);
    }
}
