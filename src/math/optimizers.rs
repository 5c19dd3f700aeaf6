//! First-order optimizers on a function of two variables, each exactly as published: plain
//! gradient descent, heavy-ball momentum, Nesterov's accelerated gradient, AdaGrad, RMSProp and
//! Adam.
//!
//! An optimizer is a [`Method`] (which rule, with its hyperparameters) and a [`Memory`] (what the
//! rule carries from step to step: a velocity, running averages of the gradient and of its
//! square). [`Method::step`] is a pure function from (θ, memory) to (θ', memory'), so a test can
//! check any one step against an independent computation. Vectors are per-coordinate: g² means
//! [g₀², g₁²] and division is element-wise.

use super::error::MathError;
use super::Objective2;

/// Which update rule, with its hyperparameters. α is the learning rate in every rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// θ ← θ − α·∇f(θ) (Cauchy 1847).
    GradientDescent {
        /// α.
        learning_rate: f64,
    },
    /// Heavy-ball momentum (Polyak 1964), in the form of Goh, "Why Momentum Really Works",
    /// Distill 2017: z ← β·z + ∇f(θ), θ ← θ − α·z. With β = 0 it is plain descent.
    Momentum {
        /// α.
        learning_rate: f64,
        /// β, how much of the previous velocity is kept.
        beta: f64,
    },
    /// Nesterov's accelerated gradient as written by Sutskever, Martens, Dahl & Hinton, "On the
    /// importance of initialization and momentum in deep learning", ICML 2013, eq. (3)–(4):
    /// v ← β·v − α·∇f(θ + β·v), θ ← θ + v. The gradient is taken at the look-ahead point.
    Nesterov {
        /// α.
        learning_rate: f64,
        /// β.
        beta: f64,
    },
    /// AdaGrad (Duchi, Hazan & Singer, JMLR 12, 2011, the diagonal version):
    /// G ← G + g², θ ← θ − α·g/(√G + ε).
    AdaGrad {
        /// α.
        learning_rate: f64,
        /// ε, keeps the division finite.
        epsilon: f64,
    },
    /// RMSProp (Tieleman & Hinton, Coursera "Neural networks for machine learning", lecture
    /// 6.5, 2012): E ← β·E + (1 − β)·g², θ ← θ − α·g/(√E + ε).
    RmsProp {
        /// α.
        learning_rate: f64,
        /// β, the decay of the running average of g².
        beta: f64,
        /// ε.
        epsilon: f64,
    },
    /// Adam (Kingma & Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1):
    /// m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
    /// θ ← θ − α·m̂/(√v̂ + ε).
    Adam {
        /// α.
        learning_rate: f64,
        /// β₁, the decay of the first-moment average.
        beta1: f64,
        /// β₂, the decay of the second-moment average.
        beta2: f64,
        /// ε.
        epsilon: f64,
    },
}

/// What an optimizer carries from one step to the next. Unused fields stay zero.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Memory {
    /// Momentum's z or Nesterov's v: the velocity.
    pub velocity: [f64; 2],
    /// Adam's m: the running average of the gradient.
    pub mean_gradient: [f64; 2],
    /// AdaGrad's G (a sum), RMSProp's E or Adam's v (running averages): of the squared gradient.
    pub squared_gradient: [f64; 2],
    /// Steps taken, t.
    pub t: u64,
}

fn check(
    parameter: &'static str,
    value: f64,
    ok: bool,
    expected: &'static str,
) -> Result<(), MathError> {
    if ok && value.is_finite() {
        Ok(())
    } else {
        Err(MathError::OutOfRange {
            parameter,
            value,
            expected,
        })
    }
}

fn map2(a: [f64; 2], b: [f64; 2], f: impl Fn(f64, f64) -> f64) -> [f64; 2] {
    [f(a[0], b[0]), f(a[1], b[1])]
}

impl Method {
    /// The method's short name: "gd", "momentum", "nesterov", "adagrad", "rmsprop" or "adam".
    pub fn id(&self) -> &'static str {
        match self {
            Method::GradientDescent { .. } => "gd",
            Method::Momentum { .. } => "momentum",
            Method::Nesterov { .. } => "nesterov",
            Method::AdaGrad { .. } => "adagrad",
            Method::RmsProp { .. } => "rmsprop",
            Method::Adam { .. } => "adam",
        }
    }

    /// The learning rate α.
    pub fn learning_rate(&self) -> f64 {
        match *self {
            Method::GradientDescent { learning_rate }
            | Method::Momentum { learning_rate, .. }
            | Method::Nesterov { learning_rate, .. }
            | Method::AdaGrad { learning_rate, .. }
            | Method::RmsProp { learning_rate, .. }
            | Method::Adam { learning_rate, .. } => learning_rate,
        }
    }

    /// Checks the hyperparameters: α > 0, β and β₁ in [0, 1), β₂ in (0, 1), ε ≥ 0, all finite.
    pub fn validate(&self) -> Result<(), MathError> {
        let lr = self.learning_rate();
        check("learning rate", lr, lr > 0.0, "finite and > 0")?;
        let beta = |b: f64| check("beta", b, (0.0..1.0).contains(&b), "in [0, 1)");
        let eps = |e: f64| check("epsilon", e, e >= 0.0, "finite and >= 0");
        match *self {
            Method::GradientDescent { .. } => Ok(()),
            Method::Momentum { beta: b, .. } | Method::Nesterov { beta: b, .. } => beta(b),
            Method::AdaGrad { epsilon, .. } => eps(epsilon),
            Method::RmsProp {
                beta: b, epsilon, ..
            } => beta(b).and(eps(epsilon)),
            Method::Adam {
                beta1,
                beta2,
                epsilon,
                ..
            } => {
                check("beta1", beta1, (0.0..1.0).contains(&beta1), "in [0, 1)")?;
                check("beta2", beta2, beta2 > 0.0 && beta2 < 1.0, "in (0, 1)")?;
                eps(epsilon)
            }
        }
    }

    /// One step from θ with `memory`: the new θ and memory. The gradient is evaluated once (at
    /// θ, or for Nesterov at the look-ahead point θ + β·v).
    pub fn step(
        &self,
        f: &impl Objective2,
        theta: [f64; 2],
        memory: &Memory,
    ) -> ([f64; 2], Memory) {
        let mut next = *memory;
        next.t = memory.t + 1;
        let theta = match *self {
            Method::GradientDescent { learning_rate } => {
                let g = f.gradient(theta);
                map2(theta, g, |t, g| t - learning_rate * g)
            }
            Method::Momentum {
                learning_rate,
                beta,
            } => {
                let g = f.gradient(theta);
                next.velocity = map2(memory.velocity, g, |z, g| beta * z + g);
                map2(theta, next.velocity, |t, z| t - learning_rate * z)
            }
            Method::Nesterov {
                learning_rate,
                beta,
            } => {
                let ahead = map2(theta, memory.velocity, |t, v| t + beta * v);
                let g = f.gradient(ahead);
                next.velocity = map2(memory.velocity, g, |v, g| beta * v - learning_rate * g);
                map2(theta, next.velocity, |t, v| t + v)
            }
            Method::AdaGrad {
                learning_rate,
                epsilon,
            } => {
                let g = f.gradient(theta);
                next.squared_gradient = map2(memory.squared_gradient, g, |s, g| s + g * g);
                let scaled = map2(g, next.squared_gradient, |g, s| g / (s.sqrt() + epsilon));
                map2(theta, scaled, |t, d| t - learning_rate * d)
            }
            Method::RmsProp {
                learning_rate,
                beta,
                epsilon,
            } => {
                let g = f.gradient(theta);
                next.squared_gradient = map2(memory.squared_gradient, g, |s, g| {
                    beta * s + (1.0 - beta) * g * g
                });
                let scaled = map2(g, next.squared_gradient, |g, s| g / (s.sqrt() + epsilon));
                map2(theta, scaled, |t, d| t - learning_rate * d)
            }
            Method::Adam {
                learning_rate,
                beta1,
                beta2,
                epsilon,
            } => {
                let g = f.gradient(theta);
                next.mean_gradient = map2(memory.mean_gradient, g, |m, g| {
                    beta1 * m + (1.0 - beta1) * g
                });
                next.squared_gradient = map2(memory.squared_gradient, g, |v, g| {
                    beta2 * v + (1.0 - beta2) * g * g
                });
                let t = next.t.min(i32::MAX as u64) as i32;
                let (c1, c2) = (1.0 - beta1.powi(t), 1.0 - beta2.powi(t));
                let scaled = map2(next.mean_gradient, next.squared_gradient, |m, v| {
                    (m / c1) / ((v / c2).sqrt() + epsilon)
                });
                map2(theta, scaled, |t, d| t - learning_rate * d)
            }
        };
        (theta, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f(x, y) = x² + 10·y².
    struct Bowl;
    impl Objective2 for Bowl {
        fn value(&self, t: [f64; 2]) -> f64 {
            t[0] * t[0] + 10.0 * t[1] * t[1]
        }
        fn gradient(&self, t: [f64; 2]) -> [f64; 2] {
            [2.0 * t[0], 20.0 * t[1]]
        }
    }

    #[test]
    fn gradient_descent_by_hand() {
        let m = Method::GradientDescent {
            learning_rate: 0.05,
        };
        let (theta, memory) = m.step(&Bowl, [1.0, 1.0], &Memory::default());
        assert_eq!(theta, [0.9, 0.0]);
        assert_eq!(memory.t, 1);
    }

    #[test]
    fn adam_first_step_is_the_learning_rate_per_coordinate() {
        let m = Method::Adam {
            learning_rate: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 0.0,
        };
        let (theta, _) = m.step(&Bowl, [1.0, -1.0], &Memory::default());
        assert!((theta[0] - 0.9).abs() < 1e-12 && (theta[1] + 0.9).abs() < 1e-12);
    }

    #[test]
    fn bad_hyperparameters_are_named() {
        let e = Method::Momentum {
            learning_rate: 0.1,
            beta: 1.0,
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "beta must be in [0, 1), got 1");
        let e = Method::GradientDescent {
            learning_rate: f64::NAN,
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "learning rate must be finite and > 0, got NaN"
        );
        let e = Method::Adam {
            learning_rate: 0.1,
            beta1: 0.9,
            beta2: 0.0,
            epsilon: 1e-8,
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.to_string(), "beta2 must be in (0, 1), got 0");
    }
}
