//! The optimizers of issue 3: the first three steps of each against an independent numpy
//! computation, and the identities that define them as property tests.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::descent::Status;
use mathsight::math::optimizers::{Memory, Method};
use mathsight::math::race::Run;
use mathsight::math::regression::LineFit;
use mathsight::math::surfaces::Surface;
use mathsight::math::Objective2;
use proptest::prelude::*;

/// The first three iterates on Rosenbrock from (−1.5, 2.5), computed independently with numpy
/// and `scipy.optimize.rosen_der` (numpy 2, scipy 1.x) by this script:
///
/// ```text
/// def ref(kind, lr, b=0.9, b1=0.9, b2=0.999, eps=1e-8, start=(-1.5, 2.5), n=3):
///     th = np.array(start, float); v = np.zeros(2); s = np.zeros(2); m = np.zeros(2); out = []
///     for t in range(1, n + 1):
///         if kind == 'gd': th = th - lr * rosen_der(th)
///         elif kind == 'momentum': v = b * v + rosen_der(th); th = th - lr * v
///         elif kind == 'nesterov': v = b * v - lr * rosen_der(th + b * v); th = th + v
///         elif kind == 'adagrad': g = rosen_der(th); s = s + g * g; th = th - lr * g / (np.sqrt(s) + eps)
///         elif kind == 'rmsprop': g = rosen_der(th); s = b * s + (1 - b) * g * g; th = th - lr * g / (np.sqrt(s) + eps)
///         elif kind == 'adam':
///             g = rosen_der(th); m = b1 * m + (1 - b1) * g; s = b2 * s + (1 - b2) * g * g
///             th = th - lr * (m / (1 - b1 ** t)) / (np.sqrt(s / (1 - b2 ** t)) + eps)
///         out.append(th.tolist())
///     return out
/// ```
///
/// called as `ref('gd', 1e-3)`, `ref('momentum', 1e-3)`, `ref('nesterov', 1e-3)`,
/// `ref('adagrad', 0.1)`, `ref('rmsprop', 0.01)` and `ref('adam', 0.1)`.
#[test]
fn first_three_steps_match_numpy() {
    let eps = 1e-8;
    let cases: [(Method, [[f64; 2]; 3]); 6] = [
        (
            Method::GradientDescent {
                learning_rate: 1e-3,
            },
            [
                [-1.645, 2.45],
                [-1.4712455500000001, 2.501205],
                [-1.6644160010277325, 2.4338766936789606],
            ],
        ),
        (
            Method::Momentum {
                learning_rate: 1e-3,
                beta: 0.9,
            },
            [
                [-1.645, 2.45],
                [-1.6017455500000002, 2.456205],
                [-1.4875310434936415, 2.4836662613889606],
            ],
        ),
        (
            Method::Nesterov {
                learning_rate: 1e-3,
                beta: 0.9,
            },
            [
                [-1.645, 2.45],
                [-1.2391453424499999, 2.55448005],
                [-1.5289794811347, 2.27154158133672],
            ],
        ),
        (
            Method::AdaGrad {
                learning_rate: 0.1,
                epsilon: eps,
            },
            [
                [-1.5999999999931034, 2.40000000002],
                [-1.5404083942853408, 2.453905369643201],
                [-1.564518770939056, 2.4275641629008398],
            ],
        ),
        (
            Method::RmsProp {
                learning_rate: 0.01,
                beta: 0.9,
                epsilon: eps,
            },
            [
                [-1.5316227765947872, 2.468377223418316],
                [-1.5459632523694178, 2.453864480713007],
                [-1.553195629009518, 2.4461320479368176],
            ],
        ),
        (
            Method::Adam {
                learning_rate: 0.1,
                beta1: 0.9,
                beta2: 0.999,
                epsilon: eps,
            },
            [
                [-1.5999999999931034, 2.40000000002],
                [-1.6094406343073784, 2.383698322327621],
                [-1.5763826901615217, 2.409874401425813],
            ],
        ),
    ];
    for (method, expected) in cases {
        let mut run = Run::new(method, Surface::Rosenbrock, [-1.5, 2.5]).unwrap();
        run.run(3);
        for (k, want) in expected.iter().enumerate() {
            let got = run.points()[k + 1].theta;
            for i in 0..2 {
                assert!(
                    (got[i] - want[i]).abs() <= 1e-12 * (1.0 + want[i].abs()),
                    "{} step {}: {got:?} vs {want:?}",
                    method.id(),
                    k + 1
                );
            }
        }
    }
}

/// f(θ) = ½·θᵀAθ with A = [[a, b], [b, d]] positive definite.
#[derive(Debug, Clone, Copy)]
struct Quadratic {
    a: f64,
    b: f64,
    d: f64,
}

impl Quadratic {
    /// The largest eigenvalue of A: L, the gradient's Lipschitz constant.
    fn lipschitz(&self) -> f64 {
        0.5 * (self.a + self.d) + (0.5 * (self.a - self.d)).hypot(self.b)
    }
}

impl Objective2 for Quadratic {
    fn value(&self, t: [f64; 2]) -> f64 {
        0.5 * (self.a * t[0] * t[0] + 2.0 * self.b * t[0] * t[1] + self.d * t[1] * t[1])
    }
    fn gradient(&self, t: [f64; 2]) -> [f64; 2] {
        [self.a * t[0] + self.b * t[1], self.b * t[0] + self.d * t[1]]
    }
}

fn quadratic() -> impl Strategy<Value = Quadratic> {
    (0.05..20.0f64, -0.95..0.95f64, 0.05..20.0f64).prop_map(|(a, r, d)| Quadratic {
        a,
        b: r * (a * d).sqrt(),
        d,
    })
}

fn start() -> impl Strategy<Value = [f64; 2]> {
    (-10.0..10.0f64, -10.0..10.0f64).prop_map(|(x, y)| [x, y])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Below 2/L, gradient descent on a convex quadratic lowers the value on every step.
    #[test]
    fn descent_below_two_over_l_is_monotone(q in quadratic(), fraction in 0.05..0.99f64, t0 in start()) {
        let alpha = fraction * 2.0 / q.lipschitz();
        let method = Method::GradientDescent { learning_rate: alpha };
        let (mut theta, mut memory) = (t0, Memory::default());
        for _ in 0..200 {
            let before = q.value(theta);
            (theta, memory) = method.step(&q, theta, &memory);
            let after = q.value(theta);
            prop_assert!(after <= before + 1e-12 * before.abs().max(1e-300), "{} → {}", before, after);
        }
    }

    /// Momentum with β = 0 is plain gradient descent, step for step.
    #[test]
    fn momentum_with_zero_beta_is_descent(q in quadratic(), alpha in 0.001..0.1f64, t0 in start()) {
        let gd = Method::GradientDescent { learning_rate: alpha };
        let heavy = Method::Momentum { learning_rate: alpha, beta: 0.0 };
        let (mut a, mut ma) = (t0, Memory::default());
        let (mut b, mut mb) = (t0, Memory::default());
        for _ in 0..50 {
            (a, ma) = gd.step(&q, a, &ma);
            (b, mb) = heavy.step(&q, b, &mb);
            prop_assert_eq!(a, b);
        }
    }

    /// Adam's first step moves each coordinate by the learning rate (m̂ = g, v̂ = g²), up to ε.
    #[test]
    fn adam_first_step_is_the_learning_rate(q in quadratic(), alpha in 0.001..1.0f64, t0 in start()) {
        let g = q.gradient(t0);
        prop_assume!(g[0].abs() > 1e-3 && g[1].abs() > 1e-3);
        let adam = Method::Adam { learning_rate: alpha, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
        let (t1, _) = adam.step(&q, t0, &Memory::default());
        for i in 0..2 {
            let moved = (t1[i] - t0[i]).abs();
            prop_assert!((moved - alpha).abs() <= alpha * 1e-5, "coordinate {} moved {}", i, moved);
            prop_assert!((t1[i] - t0[i]) * g[i] < 0.0, "moved uphill");
        }
    }

    /// Above 2/L gradient descent on the regression cost is reported as diverged, and nothing
    /// it stored is NaN or infinite.
    #[test]
    fn divergence_is_reported_never_nan(slope in -3.0..3.0f64, fraction in 1.1..5.0f64, t0 in start()) {
        let points: Vec<[f64; 2]> = (0..8).map(|k| [k as f64 * 0.5, slope * k as f64 * 0.5 + (k % 3) as f64]).collect();
        let fit = LineFit::new(&points).unwrap();
        let [ms, cs] = fit.least_squares();
        prop_assume!((t0[0] - ms).hypot(t0[1] - cs) > 1e-2);
        let alpha = fraction * fit.stable_learning_rate_bound();
        let mut run = Run::new(Method::GradientDescent { learning_rate: alpha }, Surface::Regression(fit), t0).unwrap();
        run.run(100_000);
        prop_assert!(matches!(run.status(), Status::Diverged { .. }), "{:?}", run.status());
        prop_assert!(run.points().iter().all(|p| p.value.is_finite() && p.theta.iter().all(|v| v.is_finite())));
    }
}
