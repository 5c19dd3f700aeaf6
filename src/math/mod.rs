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
pub mod descent;
pub mod descriptive;
pub mod distributions;
pub mod elimination;
pub mod error;
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
/// ```
/// assert_eq!(mathsight::math::norm2([3.0, 4.0]), 5.0);
/// ```
pub fn norm2(v: [f64; 2]) -> f64 {
    v[0].hypot(v[1])
}
