//! The error type of the math layer: invalid input, described precisely.

use crate::math::float_text::Float;
use std::fmt;

/// Invalid input to a mathematical routine.
///
/// Every message names the parameter, the value and what is valid, in lowercase with no trailing
/// period, e.g. `learning rate must be finite and > 0, got -0.1`.
#[derive(Debug, Clone, PartialEq)]
pub enum MathError {
    /// A scalar parameter outside its valid range.
    OutOfRange {
        /// The parameter's name as a reader knows it ("learning rate").
        parameter: &'static str,
        /// The offending value.
        value: f64,
        /// The valid range in words ("finite and > 0").
        expected: &'static str,
    },
    /// A coordinate of one data point is not usable.
    BadPoint {
        /// The point's position, counted from 1.
        index: usize,
        /// Which coordinate ("x" or "y").
        coordinate: &'static str,
        /// The offending value.
        value: f64,
    },
    /// Too few data points for the computation.
    TooFewPoints {
        /// How many are needed.
        needed: usize,
        /// How many were given.
        got: usize,
    },
    /// All x values are equal, so a line's slope is not determined.
    ConstantX {
        /// The common value.
        value: f64,
    },
    /// Too few distinct x values for a polynomial of the requested degree.
    TooFewDistinctX {
        /// How many are needed (degree + 1).
        needed: usize,
        /// How many were given.
        got: usize,
    },
}

/// The largest magnitude accepted for a data coordinate: squares and sums of squares of values
/// this size stay far from overflow.
pub const MAX_COORDINATE: f64 = 1e9;

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MathError::OutOfRange {
                parameter,
                value,
                expected,
            } => write!(f, "{parameter} must be {expected}, got {}", Compact(*value)),
            MathError::BadPoint {
                index,
                coordinate,
                value,
            } => write!(
                f,
                "{coordinate} of point {index} must be finite and within ±1e9, got {}",
                Compact(*value)
            ),
            MathError::TooFewPoints { needed, got } => {
                write!(f, "at least {needed} data points are needed, got {got}")
            }
            MathError::ConstantX { value } => write!(
                f,
                "all x values equal {}: a line's slope is not determined, spread the points out",
                Float(*value)
            ),
            MathError::TooFewDistinctX { needed, got } => write!(
                f,
                "a polynomial of degree {} needs at least {needed} distinct x values, got {got}",
                needed.saturating_sub(1)
            ),
        }
    }
}

impl std::error::Error for MathError {}

/// A number as short text: scientific notation when very large or very small, so a message
/// never carries three hundred digits.
struct Compact(f64);

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v.is_finite() && v != 0.0 && !(1e-4..1e6).contains(&v.abs()) {
            f.write_str(&super::float_text::exp(v))
        } else {
            f.write_str(&super::float_text::plain(v))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_parameter_value_and_range() {
        let e = MathError::OutOfRange {
            parameter: "learning rate",
            value: -0.1,
            expected: "finite and > 0",
        };
        assert_eq!(
            e.to_string(),
            "learning rate must be finite and > 0, got -0.1"
        );
        let e = MathError::BadPoint {
            index: 3,
            coordinate: "y",
            value: f64::NAN,
        };
        assert_eq!(
            e.to_string(),
            "y of point 3 must be finite and within ±1e9, got NaN"
        );
        let e = MathError::BadPoint {
            index: 1,
            coordinate: "x",
            value: -2.5e300,
        };
        assert_eq!(
            e.to_string(),
            "x of point 1 must be finite and within ±1e9, got -2.5e300"
        );
    }
}
