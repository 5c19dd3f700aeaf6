//! Reading a decimal number from text, correctly rounded, in little code.
//!
//! [`parse_f64`] accepts exactly what `str::parse::<f64>` accepts (an optional sign, then
//! digits with at most one `.` and an optional exponent `e`/`E` with its own sign, or `inf`,
//! `infinity` or `nan` in any case) and returns the same number: the nearest `f64`, ties to
//! even. The standard parser carries a 10 KB table of powers of five (the Eisel–Lemire method)
//! into every wasm module; this one is a few hundred bytes of code, and speed does not matter
//! here (text is parsed once per edit).
//!
//! Method: up to 15 significant digits with a power of ten up to 10²² is one exact operation
//! (Clinger's fast path). Anything else is done in exact integer arithmetic: the value is
//! `D · 5^e · 2^e` for the digits `D`; dividing out the powers of five gives a quotient of
//! 54–55 bits and a remainder, which round to 53 bits (fewer below the normal range) with the
//! remainder as the sticky bit. Digits past the first [`MAX_DIGITS`] only matter through
//! whether any is non-zero, so they are kept as one.

use super::bigint::Big;

/// Significant digits read exactly; later ones count only as "some non-zero digit follows"
/// (a halfway point between two doubles has at most 767 significant digits).
pub const MAX_DIGITS: usize = 800;

/// The nearest `f64` to `text`, or `None` when `text` is not a number as `str::parse::<f64>`
/// reads them.
///
/// ```
/// use mathsight::math::decimal::parse_f64;
/// assert_eq!(parse_f64("0.1"), Some(0.1));
/// assert_eq!(parse_f64("-2.5e-3"), Some(-0.0025));
/// assert_eq!(parse_f64("0.30000000000000004"), Some(0.1 + 0.2));
/// assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
/// assert_eq!(parse_f64("1,5"), None);
/// ```
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        Decimal::read(body.as_bytes())?.to_f64()
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// A decimal number `0.d₁d₂d₃… · 10^point`, its digits without leading or trailing zeros.
struct Decimal {
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    /// Reads `digits[.digits][(e|E)[+|-]digits]`, with at least one mantissa digit.
    fn read(text: &[u8]) -> Option<Decimal> {
        let mut digits = Vec::new();
        let mut point = 0i64;
        let mut seen_digit = false;
        let mut seen_dot = false;
        let mut i = 0;
        while let Some(&c) = text.get(i) {
            match c {
                b'0'..=b'9' => {
                    seen_digit = true;
                    if c == b'0' && digits.is_empty() {
                        // A leading zero: before the point it is nothing, after it it scales.
                        point -= i64::from(seen_dot);
                    } else {
                        if digits.len() < MAX_DIGITS {
                            digits.push(c - b'0');
                        } else if digits.len() == MAX_DIGITS && c != b'0' {
                            // Past the limit only the presence of a non-zero digit matters:
                            // one 1 stands for all of them.
                            digits.push(1);
                        }
                        point += i64::from(!seen_dot);
                    }
                }
                b'.' if !seen_dot => seen_dot = true,
                _ => break,
            }
            i += 1;
        }
        if !seen_digit {
            return None;
        }
        if let Some(&c) = text.get(i) {
            if c != b'e' && c != b'E' {
                return None;
            }
            point = point.saturating_add(exponent(text.get(i + 1..)?)?);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        Some(Decimal { digits, point })
    }

    /// The nearest `f64`, ties to even.
    fn to_f64(&self) -> f64 {
        let n = self.digits.len() as i64;
        if n == 0 || self.point < -330 {
            return 0.0; // below 10⁻³³⁰: less than half the smallest subnormal
        }
        if self.point > 310 {
            return f64::INFINITY; // at least 10³⁰⁹
        }
        // The value is D · 10^e for the digits as a whole number D.
        let e = self.point - n;
        if let Some(&scale) = POW10.get(e.unsigned_abs() as usize).filter(|_| n <= 15) {
            let d = self
                .digits
                .iter()
                .fold(0.0, |d, &c| d * 10.0 + f64::from(c));
            return if e < 0 { d / scale } else { d * scale };
        }
        let mut num = Big::from_digits(&self.digits);
        let mut den = Big::one();
        if e >= 0 {
            num.mul_pow5(e as u32);
        } else {
            den.mul_pow5(e.unsigned_abs() as u32);
        }
        // num/den · 2^shift lies in (2⁵³, 2⁵⁵), so the quotient has 54 or 55 bits.
        let shift = 54 - i64::from(num.bits()) + i64::from(den.bits());
        if shift >= 0 {
            num.shl(shift as u32);
        } else {
            den.shl(shift.unsigned_abs() as u32);
        }
        let (quotient, rest) = num.div_rem(&den);
        let quotient = quotient.to_u128().unwrap_or(0) as u64; // below 2⁵⁵
        round(quotient, !rest.is_zero(), e - shift)
    }
}

/// The exponent after `e`: `[+|-]digits`, saturating far beyond any double's range.
fn exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0i64, |v, &c| (v * 10 + i64::from(c - b'0')).min(1 << 40));
    Some(if negative { -value } else { value })
}

/// `q · 2^exp2` rounded to a double (ties to even), where `sticky` says a non-zero part below
/// `q` was cut off. `q` has 54 or 55 bits.
fn round(q: u64, sticky: bool, exp2: i64) -> f64 {
    let bits = 64 - i64::from(q.leading_zeros());
    // Bits to drop: down to 53, or more when the result is below the normal range, whose
    // last bit is worth 2⁻¹⁰⁷⁴.
    let drop = (bits - 53).max(-1074 - exp2);
    if drop > 63 {
        return 0.0; // under half the smallest subnormal (q < 2⁵⁵ ≤ 2^(drop-1))
    }
    let kept = q >> drop;
    let rest = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    let mantissa = kept + u64::from(up);
    // mantissa · 2^(exp2 + drop), in two exact steps so that no factor leaves the range.
    let e = exp2 + drop;
    mantissa as f64 * pow2(e / 2) * pow2(e - e / 2)
}

/// 2^k as a double, for -1022 ≤ k ≤ 1023 (the callers' halves of an exponent stay within).
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023).clamp(1, 2046) as u64) << 52)
}

/// The powers of ten a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
