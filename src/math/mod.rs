//! Pure numerics: the mathematics every widget shows, with no web, no drawing, no clock and
//! no randomness it was not given.
//!
//! Architecture Invariant: nothing in this module names a web-binding or drawing crate (the
//! tidy test in `tests/tidy.rs` lists them and enforces it), so all of it is testable with a
//! plain `cargo test` on the host.
//!
//! Conventions: a parameter vector θ for a line is `[m, c]` (slope, intercept); legitimate
//! mathematical outcomes (a diverging descent) are values, invalid input is a [`MathError`] whose
//! message names the parameter, the value and the valid range.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod bayes;
pub mod bigint;
pub mod decimal;
pub mod descent;
pub mod descriptive;
pub mod distributions;
pub mod elimination;
pub mod error;
pub mod float_text;
pub mod hypothesis;
pub mod least_squares;
pub mod linear_system;
pub mod logistic;
pub mod matrix2;
pub mod matrix_text;
pub mod minibatch;
pub mod naive_bayes;
pub mod ols;
pub mod optimizers;
pub mod quote;
pub mod race;
pub mod rational;
pub mod regression;
pub mod rng;
pub mod sample;
pub mod sorting;
pub mod special;
pub mod surfaces;
pub mod svd;
pub mod table;
pub mod trig;

pub use error::MathError;

/// A differentiable function of two variables, f(θ) with θ = [θ₀, θ₁].
pub trait Objective2 {
    /// The value f(θ).
    fn value(&self, theta: [f64; 2]) -> f64;
    /// The gradient ∇f(θ) = [∂f/∂θ₀, ∂f/∂θ₁].
    fn gradient(&self, theta: [f64; 2]) -> [f64; 2];
}

/// The Euclidean norm of a 2-vector, computed without overflow for large components.
///
/// The common case is `√(x² + y²)` (as NumPy's `norm` computes it), several times faster than
/// `hypot`; when the squares would overflow or lose precision to underflow it falls back to
/// `hypot`. Descents evaluate this at every step (40,000 times a redraw in gradient descent's
/// comparison), so the difference shows in a frame.
///
/// ```
/// assert_eq!(mathsight::math::norm2([3.0, 4.0]), 5.0);
/// assert_eq!(mathsight::math::norm2([3e300, 4e300]), 5e300);
/// ```
#[inline(always)]
pub fn norm2(v: [f64; 2]) -> f64 {
    let squares = v[0] * v[0] + v[1] * v[1];
    if squares > 1e-290 && squares < 1e290 {
        squares.sqrt()
    } else {
        v[0].hypot(v[1])
    }
}

/// `f64::clamp` without its check that the bounds are ordered, whose panic message would bring
/// the standard library's float formatting into the wasm (see [`float_text`]). The same result
/// for ordered bounds, NaN included; never panics (with `lo > hi` it gives `lo` below `lo`, else
/// `hi` above `hi`).
pub trait ClampTo {
    /// `self` limited to `[lo, hi]`.
    fn clamp_to(self, lo: f64, hi: f64) -> f64;
}

impl ClampTo for f64 {
    #[inline]
    fn clamp_to(self, lo: f64, hi: f64) -> f64 {
        if self < lo {
            lo
        } else if self > hi {
            hi
        } else {
            self
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{norm2, ClampTo};
    use proptest::prelude::*;

    /// Within `ulps` units in the last place of `b`.
    fn close(a: f64, b: f64, ulps: f64) -> bool {
        a == b || (a - b).abs() <= ulps * f64::EPSILON * b.abs()
    }

    #[test]
    fn norm2_falls_back_where_the_squares_leave_the_range() {
        assert_eq!(norm2([3e300, 4e300]), 5e300);
        assert_eq!(norm2([3e-300, 4e-300]), 5e-300);
        assert_eq!(norm2([f64::MAX, 0.0]), f64::MAX);
        assert_eq!(norm2([f64::INFINITY, f64::NAN]), f64::INFINITY);
        assert!(norm2([f64::NAN, 1.0]).is_nan());
        assert_eq!(norm2([0.0, -0.0]), 0.0);
    }

    proptest! {
        /// `clamp_to` is `f64::clamp` wherever that does not panic, NaN included.
        #[test]
        fn clamp_to_is_the_standard_clamp(x in any::<f64>(), a in any::<f64>(), b in any::<f64>()) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            if !lo.is_nan() && !hi.is_nan() {
                let (got, want) = (x.clamp_to(lo, hi), x.clamp(lo, hi));
                prop_assert!(got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()));
            }
        }
    }

    proptest! {
        #[test]
        fn norm2_agrees_with_hypot(
            x in prop::num::f64::NORMAL | prop::num::f64::ZERO,
            y in prop::num::f64::NORMAL | prop::num::f64::ZERO,
        ) {
            let (got, want) = (norm2([x, y]), x.hypot(y));
            prop_assert!(close(got, want, 2.0), "norm2([{x:e}, {y:e}]) = {got:e}, hypot {want:e}");
        }

        #[test]
        fn norm2_agrees_with_hypot_at_everyday_scales(x in -1e6f64..1e6, y in -1e6f64..1e6) {
            prop_assert!(close(norm2([x, y]), x.hypot(y), 2.0));
        }
    }
}
