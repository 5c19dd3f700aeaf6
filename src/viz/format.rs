//! Number formatting for labels and readouts: a few significant digits, no float noise.

/// `x` with `digits` significant digits, trailing zeros removed; scientific notation outside
/// 1e-4 ≤ |x| < 1e6 (inside it, the integer part is never rounded away). Non-finite values
/// read "—".
///
/// ```
/// use mathsight::viz::format::sig;
/// assert_eq!(sig(1.98234, 3), "1.98");
/// assert_eq!(sig(0.1 + 0.2, 4), "0.3");
/// assert_eq!(sig(0.000012345, 3), "1.23e-5");
/// assert_eq!(sig(-2500000.0, 3), "-2.5e6");
/// assert_eq!(sig(0.0, 3), "0");
/// ```
pub fn sig(x: f64, digits: usize) -> String {
    if x.is_finite() {
        crate::math::float_text::significant(x, digits)
    } else {
        "—".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::sig;

    #[test]
    fn rounding_and_signs() {
        assert_eq!(sig(-0.00049, 2), "-0.00049");
        assert_eq!(sig(999_999.0, 3), "999999");
        assert_eq!(sig(1_234_567.0, 3), "1.23e6");
        assert_eq!(sig(12.0, 4), "12");
        assert_eq!(sig(-1e-9, 3), "-1e-9");
        assert_eq!(sig(f64::NAN, 3), "—");
    }
}
