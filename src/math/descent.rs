//! Gradient descent on a function of two variables, with its whole trajectory and an honest
//! account of how it ended.
//!
//! The update is θₖ₊₁ = θₖ − α·∇f(θₖ). Divergence is detected by *growth*, before any value
//! overflows: the value rising on [`RISING_STEPS`] consecutive steps, or exceeding the starting
//! value by a factor of [`BLOW_UP_FACTOR`], or leaving the finite numbers. A run that diverges
//! stops there and says so; it never carries NaN forward.

use super::error::MathError;
use super::{norm2, Objective2};

/// Consecutive rising steps taken as evidence of divergence. Below the stability bound the
/// value of a convex quadratic falls on every step, so any sustained rise means α is too large.
pub const RISING_STEPS: usize = 8;

/// A value this many times the starting value (plus one) is divergence, however it got there.
pub const BLOW_UP_FACTOR: f64 = 1e12;

/// Converged when ‖∇f‖ ≤ this × (1 + ‖∇f(θ₀)‖): a relative test, so the scale of the data
/// does not decide how many steps "done" takes.
pub const GRADIENT_TOLERANCE: f64 = 1e-6;

/// One point of a trajectory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Iterate {
    /// The parameters θ.
    pub theta: [f64; 2],
    /// f(θ).
    pub value: f64,
    /// ∇f(θ).
    pub gradient: [f64; 2],
}

/// Why a descent was stopped as divergent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Divergence {
    /// The value rose on [`RISING_STEPS`] consecutive steps or blew up, from `from` to `to`.
    Grew {
        /// The value when the rise began.
        from: f64,
        /// The value when the descent was stopped.
        to: f64,
    },
    /// The next value or parameters would not be finite numbers.
    NonFinite,
}

/// How a descent stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    /// Still moving towards a minimum.
    Running,
    /// The gradient is negligible: at a minimum (or a flat point), to the tolerance.
    Converged,
    /// Stopped at step `step` because the iterates grow without bound.
    Diverged {
        /// The step at which divergence was detected.
        step: usize,
        /// What was seen.
        reason: Divergence,
    },
}

impl Status {
    /// The status as one lowercase word: "running", "converged" or "diverged".
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Running => "running",
            Status::Converged => "converged",
            Status::Diverged { .. } => "diverged",
        }
    }
}

/// A gradient-descent run: its learning rate, every iterate so far, and its status.
#[derive(Debug, Clone)]
pub struct Descent {
    learning_rate: f64,
    first: Iterate,
    /// Every iterate from the start, or only the start for a run [`Self::without_history`].
    iterates: Vec<Iterate>,
    latest: Iterate,
    steps: usize,
    converged_at: Option<usize>,
    history: bool,
    status: Status,
    rising: usize,
    rise_from: f64,
    tolerance: f64,
    rise_test: bool,
}

impl Descent {
    /// A run of `objective` from `start` with learning rate α = `learning_rate`.
    pub fn new(
        objective: &impl Objective2,
        start: [f64; 2],
        learning_rate: f64,
    ) -> Result<Self, MathError> {
        if !(learning_rate.is_finite() && learning_rate > 0.0) {
            return Err(MathError::OutOfRange {
                parameter: "learning rate",
                value: learning_rate,
                expected: "finite and > 0",
            });
        }
        for (parameter, value) in [("start m", start[0]), ("start c", start[1])] {
            if !value.is_finite() {
                return Err(MathError::OutOfRange {
                    parameter,
                    value,
                    expected: "a finite number",
                });
            }
        }
        let first = Iterate {
            theta: start,
            value: objective.value(start),
            gradient: objective.gradient(start),
        };
        let finite = first.value.is_finite() && first.gradient.iter().all(|g| g.is_finite());
        let tolerance = GRADIENT_TOLERANCE * (1.0 + norm2(first.gradient));
        let first_meets = norm2(first.gradient) <= tolerance;
        let status = if !finite {
            Status::Diverged {
                step: 0,
                reason: Divergence::NonFinite,
            }
        } else if norm2(first.gradient) <= tolerance * GRADIENT_TOLERANCE {
            Status::Converged
        } else {
            Status::Running
        };
        Ok(Descent {
            learning_rate,
            first,
            iterates: vec![first],
            latest: first,
            steps: 0,
            converged_at: (finite && first_meets).then_some(0),
            history: true,
            status,
            rising: 0,
            rise_from: first.value,
            tolerance,
            rise_test: true,
        })
    }

    /// The same run without the rising-value test: for stochastic gradients, whose cost
    /// legitimately rises now and then. Blow-up and non-finite values still stop it.
    pub fn without_rise_test(mut self) -> Self {
        self.rise_test = false;
        self
    }

    /// The same run keeping only its start and its latest iterate, for when only the outcome
    /// matters ([`Self::status`], [`Self::converged_at`]): thousands of steps then cost no
    /// memory. [`Self::iterates`] holds the start alone.
    pub fn without_history(mut self) -> Self {
        self.history = false;
        self
    }

    /// Takes up to `n` steps; stops early only at divergence.
    pub fn run(&mut self, objective: &impl Objective2, n: usize) {
        for _ in 0..n {
            if !self.step(objective) {
                break;
            }
        }
    }

    /// Takes one step θ ← θ − α·∇f(θ). Returns false, and changes nothing, once diverged.
    #[inline(always)]
    pub fn step(&mut self, objective: &impl Objective2) -> bool {
        if matches!(self.status, Status::Diverged { .. }) {
            return false;
        }
        let now = *self.current();
        let theta = [
            now.theta[0] - self.learning_rate * now.gradient[0],
            now.theta[1] - self.learning_rate * now.gradient[1],
        ];
        let next = Iterate {
            theta,
            value: objective.value(theta),
            gradient: objective.gradient(theta),
        };
        let step = self.steps + 1;
        let finite =
            next.value.is_finite() && theta.iter().chain(&next.gradient).all(|v| v.is_finite());
        if !finite {
            self.status = Status::Diverged {
                step,
                reason: Divergence::NonFinite,
            };
            return false;
        }
        let start_value = self.first.value;
        // Rises within rounding noise of the larger of the two values do not count.
        let noise = 1e-12 * start_value.max(now.value).abs();
        let converged = self.status == Status::Converged;
        if self.rise_test && next.value > now.value + noise && !converged {
            if self.rising == 0 {
                self.rise_from = now.value;
            }
            self.rising += 1;
        } else {
            self.rising = 0;
        }
        let blown_up = next.value > BLOW_UP_FACTOR * (1.0 + start_value);
        if self.history {
            self.iterates.push(next);
        }
        self.latest = next;
        self.steps = step;
        let meets_tolerance = norm2(next.gradient) <= self.tolerance;
        if meets_tolerance && self.converged_at.is_none() {
            self.converged_at = Some(step);
        }
        if self.rising >= RISING_STEPS || blown_up {
            self.status = Status::Diverged {
                step,
                reason: Divergence::Grew {
                    from: if blown_up {
                        start_value
                    } else {
                        self.rise_from
                    },
                    to: next.value,
                },
            };
        } else if meets_tolerance {
            self.status = Status::Converged;
        } else if self.status != Status::Converged {
            self.status = Status::Running;
        }
        true
    }

    /// The latest iterate.
    pub fn current(&self) -> &Iterate {
        &self.latest
    }

    /// Every iterate from the start (index 0) to the latest (only the start for a run
    /// [`Self::without_history`]).
    pub fn iterates(&self) -> &[Iterate] {
        &self.iterates
    }

    /// The number of steps taken.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// How the run stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The learning rate α.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The step (1-based count of steps taken) at which the run first met the convergence
    /// test, if it has.
    pub fn converged_at(&self) -> Option<usize> {
        self.converged_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f(x, y) = x² + 10·y², a bowl with L = 20.
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
    fn a_run_without_history_ends_as_the_full_run_does() {
        // Converging, slow, rising and blowing up: learning rates either side of 2/L = 0.1,
        // from several starts.
        for rate in [0.001, 0.05, 0.0999, 0.1, 0.1001, 0.12, 0.5, 30.0] {
            for start in [[1.0, 1.0], [-3.0, 0.0], [0.0, 1e-13], [1e150, 1e150]] {
                for steps in [0, 1, 7, 250, 20_000] {
                    let mut full = Descent::new(&Bowl, start, rate).unwrap();
                    let mut lean = Descent::new(&Bowl, start, rate).unwrap().without_history();
                    full.run(&Bowl, steps);
                    lean.run(&Bowl, steps);
                    let case = format!("α {rate}, start {start:?}, {steps} steps");
                    assert_eq!(lean.status(), full.status(), "{case}");
                    assert_eq!(lean.converged_at(), full.converged_at(), "{case}");
                    assert_eq!(lean.steps(), full.steps(), "{case}");
                    assert_eq!(lean.current(), full.current(), "{case}");
                    assert_eq!(lean.iterates().len(), 1, "{case}");
                    // The full run's first converging step, found by scanning its history.
                    let scanned = full
                        .iterates()
                        .iter()
                        .position(|i| norm2(i.gradient) <= full.tolerance);
                    assert_eq!(full.converged_at(), scanned, "{case}");
                }
            }
        }
    }

    #[test]
    fn first_steps_by_hand() {
        let mut d = Descent::new(&Bowl, [1.0, 1.0], 0.05).unwrap();
        d.run(&Bowl, 2);
        // θ₁ = (1 − 0.1, 1 − 1.0) = (0.9, 0); θ₂ = (0.81, 0).
        assert_eq!(d.iterates()[1].theta, [0.9, 0.0]);
        assert!((d.iterates()[2].theta[0] - 0.81).abs() < 1e-15);
        assert_eq!(d.steps(), 2);
        assert_eq!(d.status(), Status::Running);
    }

    #[test]
    fn converges_below_the_bound() {
        let mut d = Descent::new(&Bowl, [3.0, -2.0], 0.09).unwrap();
        d.run(&Bowl, 2000);
        assert_eq!(d.status(), Status::Converged);
        assert!(d.current().theta.iter().all(|t| t.abs() < 1e-5));
    }

    #[test]
    fn diverges_above_the_bound_without_nan() {
        // 2/L = 0.1; at α = 0.11 the y error is multiplied by −1.2 each step.
        let mut d = Descent::new(&Bowl, [1.0, 1.0], 0.11).unwrap();
        d.run(&Bowl, 10_000);
        let Status::Diverged { step, reason } = d.status() else {
            panic!("expected divergence, got {:?}", d.status());
        };
        assert!(step < 40, "detected late, at step {step}");
        assert!(matches!(reason, Divergence::Grew { from, to } if to > from));
        assert!(d.iterates().iter().all(|i| i.value.is_finite()));
        assert!(!d.step(&Bowl), "a diverged run takes no more steps");
    }

    #[test]
    fn rejects_bad_learning_rates() {
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            let e = Descent::new(&Bowl, [0.0, 0.0], lr).unwrap_err();
            assert!(e
                .to_string()
                .starts_with("learning rate must be finite and > 0, got"));
        }
    }

    #[test]
    fn starting_at_the_minimum_is_converged() {
        let d = Descent::new(&Bowl, [0.0, 0.0], 0.01).unwrap();
        assert_eq!(d.status(), Status::Converged);
        assert_eq!(d.converged_at(), Some(0));
    }
}
