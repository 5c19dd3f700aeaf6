//! Test surfaces for optimizers: each a function of two variables with its gradient, its known
//! minima, the box where its features lie, and a start that shows them.
//!
//! The formulas are the standard ones (Rosenbrock 1960; Himmelblau, "Applied nonlinear
//! programming", 1972), unscaled, so a learning rate that works on one surface may diverge on
//! another — which is part of what a race shows.

use super::regression::LineFit;
use super::Objective2;

/// A surface to race optimizers on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Surface {
    /// The regression cost J(m, c) of a data set (see [`LineFit`]).
    Regression(LineFit),
    /// f = x² + y²: round, so every direction is alike.
    Bowl,
    /// f = 0.1·x² + 8·y²: an ill-conditioned valley (curvatures 0.2 and 16, condition 80).
    Valley,
    /// f = (1 − x)² + 100·(y − x²)²: a curved, narrow valley; minimum at (1, 1).
    Rosenbrock,
    /// f = x² + y⁴/4 − y²/2: a saddle at the origin between minima at (0, ±1).
    Saddle,
    /// f = (x² + y − 11)² + (x + y² − 7)²: four minima, all with f = 0.
    Himmelblau,
    /// f = 1 − exp(−(x² + y²)/2): a well in a plateau where the gradient all but vanishes.
    Plateau,
}

/// The minima of Himmelblau's function other than (3, 2), from
/// `scipy.optimize.minimize(H, s, jac=G, method='BFGS', options={'gtol': 1e-14})` started at
/// (−2.8, 3.1), (−3.8, −3.3) and (3.6, −1.8) (scipy 1.x).
pub const HIMMELBLAU_MINIMA: [[f64; 2]; 4] = [
    [3.0, 2.0],
    [-2.805_118_086_952_745, 3.131_312_518_250_573],
    [-3.779_310_253_377_747, -3.283_185_991_286_169],
    [3.584_428_340_330_491_7, -1.848_126_526_964_403_6],
];

impl Surface {
    /// The surface's short name, as the widget's `surface` option spells it.
    pub fn id(&self) -> &'static str {
        match self {
            Surface::Regression(_) => "regression",
            Surface::Bowl => "bowl",
            Surface::Valley => "valley",
            Surface::Rosenbrock => "rosenbrock",
            Surface::Saddle => "saddle",
            Surface::Himmelblau => "himmelblau",
            Surface::Plateau => "plateau",
        }
    }

    /// The formula in words, for captions.
    pub fn formula(&self) -> &'static str {
        match self {
            Surface::Regression(_) => "J(m, c) = mean of (y − m·x − c)²",
            Surface::Bowl => "f = x² + y²",
            Surface::Valley => "f = 0.1·x² + 8·y²",
            Surface::Rosenbrock => "f = (1 − x)² + 100·(y − x²)²",
            Surface::Saddle => "f = x² + y⁴/4 − y²/2",
            Surface::Himmelblau => "f = (x² + y − 11)² + (x + y² − 7)²",
            Surface::Plateau => "f = 1 − exp(−(x² + y²)/2)",
        }
    }

    /// Every local minimum (for the regression cost, the least-squares point).
    pub fn minima(&self) -> Vec<[f64; 2]> {
        match self {
            Surface::Regression(fit) => vec![fit.least_squares()],
            Surface::Bowl | Surface::Valley | Surface::Plateau => vec![[0.0, 0.0]],
            Surface::Rosenbrock => vec![[1.0, 1.0]],
            Surface::Saddle => vec![[0.0, 1.0], [0.0, -1.0]],
            Surface::Himmelblau => HIMMELBLAU_MINIMA.to_vec(),
        }
    }

    /// The box `[x_lo, x_hi], [y_lo, y_hi]` that shows the surface's features.
    pub fn domain(&self) -> ([f64; 2], [f64; 2]) {
        match self {
            Surface::Regression(fit) => {
                let [m, c] = fit.least_squares();
                let hm = (1.4 * m.abs()).max(2.0);
                let hc = (1.4 * c.abs()).max(2.0);
                ([m - hm, m + hm], [c - hc, c + hc])
            }
            Surface::Bowl => ([-3.0, 3.0], [-3.0, 3.0]),
            Surface::Valley => ([-5.0, 5.0], [-2.0, 2.0]),
            Surface::Rosenbrock => ([-2.0, 2.0], [-1.0, 3.0]),
            Surface::Saddle => ([-2.0, 2.0], [-2.0, 2.0]),
            Surface::Himmelblau => ([-5.0, 5.0], [-5.0, 5.0]),
            Surface::Plateau => ([-5.0, 5.0], [-5.0, 5.0]),
        }
    }

    /// A start that shows the surface's character.
    pub fn default_start(&self) -> [f64; 2] {
        match self {
            Surface::Regression(_) => [0.0, 0.0],
            Surface::Bowl => [-2.4, 2.0],
            Surface::Valley => [-4.5, 1.5],
            Surface::Rosenbrock => [-1.5, 2.5],
            Surface::Saddle => [-1.8, 0.05],
            Surface::Himmelblau => [-0.5, -0.5],
            Surface::Plateau => [-3.0, 2.5],
        }
    }

    /// The distance from θ to the nearest minimum.
    pub fn distance_to_minimum(&self, theta: [f64; 2]) -> f64 {
        self.minima()
            .iter()
            .map(|m| (theta[0] - m[0]).hypot(theta[1] - m[1]))
            .fold(f64::INFINITY, f64::min)
    }
}

impl Objective2 for Surface {
    fn value(&self, t: [f64; 2]) -> f64 {
        let [x, y] = t;
        match self {
            Surface::Regression(fit) => fit.cost(x, y),
            Surface::Bowl => x * x + y * y,
            Surface::Valley => 0.1 * x * x + 8.0 * y * y,
            Surface::Rosenbrock => (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2),
            Surface::Saddle => x * x + 0.25 * y.powi(4) - 0.5 * y * y,
            Surface::Himmelblau => (x * x + y - 11.0).powi(2) + (x + y * y - 7.0).powi(2),
            Surface::Plateau => 1.0 - (-(x * x + y * y) / 2.0).exp(),
        }
    }

    fn gradient(&self, t: [f64; 2]) -> [f64; 2] {
        let [x, y] = t;
        match self {
            Surface::Regression(fit) => fit.gradient(x, y),
            Surface::Bowl => [2.0 * x, 2.0 * y],
            Surface::Valley => [0.2 * x, 16.0 * y],
            Surface::Rosenbrock => [
                -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
                200.0 * (y - x * x),
            ],
            Surface::Saddle => [2.0 * x, y.powi(3) - y],
            Surface::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b]
            }
            Surface::Plateau => {
                let e = (-(x * x + y * y) / 2.0).exp();
                [x * e, y * e]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Surface; 6] = [
        Surface::Bowl,
        Surface::Valley,
        Surface::Rosenbrock,
        Surface::Saddle,
        Surface::Himmelblau,
        Surface::Plateau,
    ];

    #[test]
    fn gradients_vanish_at_the_minima_and_match_finite_differences() {
        for s in ALL {
            for m in s.minima() {
                let g = s.gradient(m);
                assert!(g[0].hypot(g[1]) < 1e-9, "{}: ∇f{m:?} = {g:?}", s.id());
            }
            for p in [[0.3, -0.7], [1.1, 0.4], [-1.6, 1.9]] {
                let h = 1e-6;
                let g = s.gradient(p);
                let dx = (s.value([p[0] + h, p[1]]) - s.value([p[0] - h, p[1]])) / (2.0 * h);
                let dy = (s.value([p[0], p[1] + h]) - s.value([p[0], p[1] - h])) / (2.0 * h);
                let tol = 1e-6 * (1.0 + g[0].abs() + g[1].abs());
                assert!(
                    (g[0] - dx).abs() < tol && (g[1] - dy).abs() < tol,
                    "{}",
                    s.id()
                );
            }
        }
    }

    #[test]
    fn reference_values() {
        // scipy.optimize.rosen([-1.5, 2.5]) = 12.5 and rosen_der([-1.5, 2.5]) = [145., 50.].
        assert_eq!(Surface::Rosenbrock.value([-1.5, 2.5]), 12.5);
        assert_eq!(Surface::Rosenbrock.gradient([-1.5, 2.5]), [145.0, 50.0]);
        // Himmelblau's minima have f = 0 to rounding.
        for m in HIMMELBLAU_MINIMA {
            assert!(Surface::Himmelblau.value(m) < 1e-20);
        }
        assert_eq!(
            Surface::Saddle.distance_to_minimum([0.0, 0.9]),
            0.09999999999999998
        );
    }

    #[test]
    fn starts_lie_in_their_domains() {
        for s in ALL {
            let ([x0, x1], [y0, y1]) = s.domain();
            let [x, y] = s.default_start();
            assert!(x0 < x && x < x1 && y0 < y && y < y1, "{}", s.id());
        }
    }
}
