//! Writing a double as decimal text, exactly as the standard library does, in little code.
//!
//! `format!("{}", x)` and its kin carry the standard library's Grisu and Dragon4 formatters,
//! with their tables, into every wasm module: about 25 KB, a tenth of a widget's download.
//! [`Float`] writes the same text for the forms Mathsight uses (checked character for
//! character against the standard library in `tests/float_text.rs`):
//!
//! | form | `f64` | `Float` |
//! |---|---|---|
//! | shortest that reads back | `{x}` | `{}` of `Float(x)`, [`plain`] |
//! | fixed decimals | `{x:.n$}` | `{:.n$}`, [`fixed`] |
//! | shortest, scientific | `{x:e}` | `{:e}`, [`exp`] |
//! | significant digits | `{x:.n$e}` | `{:.n$e}`, [`sci`] |
//! | debugging | `{x:?}` | `{:?}`, [`debug`] |
//!
//! [`significant`] writes the few significant digits of labels and readouts.
//!
//! Width, fill and `+` flags are not supported (a test build stops at them; nothing uses them
//! with numbers).
//!
//! Method. The shortest digits are Steele & White's, as Burger & Dybvig give them ("Printing
//! floating-point numbers quickly and accurately", 1996): with the double and the halfway
//! points to its neighbours as exact ratios of whole numbers, digits are produced one at a
//! time until the text so far, rounded, lies strictly between the halfway points (or on one,
//! when the double is even and so wins the tie on reading). Fixed and significant digits
//! divide exactly and round half to even. Common values need one to four 32-bit limbs.

use super::bigint::Big;
use std::cmp::Ordering;
use std::fmt;

/// A double that formats like one, without the standard library's float formatting.
///
/// ```
/// use mathsight::math::float_text::Float;
/// assert_eq!(format!("{}", Float(0.1 + 0.2)), "0.30000000000000004");
/// assert_eq!(format!("{:.2}", Float(2.675)), "2.67"); // 2.67499999999999982236431605997495353221893310546875
/// assert_eq!(format!("{:e}", Float(1500.0)), "1.5e3");
/// assert_eq!(format!("{:.2e}", Float(-0.000123456)), "-1.23e-4");
/// assert_eq!(format!("{:?}", Float(3.0)), "3.0");
/// ```
#[derive(Clone, Copy, PartialEq)]
pub struct Float(pub f64);

impl fmt::Display for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        unsupported(f);
        f.write_str(&match f.precision() {
            Some(n) => fixed(self.0, n),
            None => plain(self.0),
        })
    }
}

impl fmt::LowerExp for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        unsupported(f);
        f.write_str(&match f.precision() {
            Some(n) => sci(self.0, n),
            None => exp(self.0),
        })
    }
}

/// Width, fill, alignment and `+` would be silently ignored: a test build stops at them.
fn unsupported(f: &fmt::Formatter<'_>) {
    debug_assert!(
        f.width().is_none() && !f.sign_plus(),
        "Float supports precision only; pad the text it writes instead"
    );
}

impl fmt::Debug for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&debug(self.0))
    }
}

/// `{x:?}` of an `f64`.
pub fn debug(x: f64) -> String {
    let abs = x.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        return exp(x);
    }
    let mut s = plain(x);
    if x.is_finite() && !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// `{x}`: the shortest decimal that reads back as `x`, without an exponent.
pub fn plain(x: f64) -> String {
    write(x, |out, x| {
        if x == 0.0 {
            out.push('0');
            return;
        }
        let (digits, k) = shortest(x);
        if k <= 0 {
            out.push_str("0.");
            zeros(out, k.unsigned_abs());
            push(out, &digits);
        } else if (k as usize) < digits.len() {
            let (int, frac) = digits.split_at(k as usize);
            push(out, int);
            out.push('.');
            push(out, frac);
        } else {
            push(out, &digits);
            zeros(out, k as u32 - digits.len() as u32);
        }
    })
}

/// `{x:.n$}`: `n` decimals, correctly rounded (ties to even).
pub fn fixed(x: f64, n: usize) -> String {
    write(x, |out, x| {
        let (f, e) = parts(x);
        let mut v = Big::from_u64(f);
        // x·10ⁿ = f·10ⁿ/2^-e, a whole number once n ≥ -e: later decimals are all zero.
        let exact = if e >= 0 {
            0
        } else {
            n.min(e.unsigned_abs() as usize)
        };
        if e >= 0 {
            v.shl(e as u32);
        } else {
            v.mul_pow10(exact as u32);
            let mut den = Big::one();
            den.shl(e.unsigned_abs());
            v = v.div_round_even(&den);
        }
        let mut digits = v.to_decimal();
        digits.resize(digits.len() + n - exact, b'0');
        if digits.len() <= n {
            let mut padded = vec![b'0'; n + 1 - digits.len()];
            padded.append(&mut digits);
            digits = padded;
        }
        let (int, frac) = digits.split_at(digits.len() - n);
        push(out, int);
        if n > 0 {
            out.push('.');
            push(out, frac);
        }
    })
}

/// `{x:e}`: the shortest digits that read back as `x`, as `d.ddde±k`.
pub fn exp(x: f64) -> String {
    write(x, |out, x| {
        if x == 0.0 {
            out.push_str("0e0");
            return;
        }
        let (digits, k) = shortest(x);
        scientific(out, &digits, k - 1);
    })
}

/// `{x:.n$e}`: `n + 1` significant digits, correctly rounded (ties to even), as `d.ddde±k`.
pub fn sci(x: f64, n: usize) -> String {
    write(x, |out, x| {
        if x == 0.0 {
            scientific(out, &vec![b'0'; n + 1], 0);
            return;
        }
        let (f, e) = parts(x);
        let p = n as i32 + 1;
        // x = f·2^e lies in [2^(e+L-1), 2^(e+L)) for L the bits of f; start from the power of
        // ten at or below the lower end, which is at most one below ⌊log₁₀ x⌋.
        let bits = 64 - f.leading_zeros() as i32;
        let mut t = (f64::from(e + bits - 1) * std::f64::consts::LOG10_2).floor() as i32;
        let mut limit = Big::one();
        limit.mul_pow10(p as u32);
        loop {
            // D = x·10^(p-1-t), rounded; t is right once D has p digits (a rounding up to
            // 10^p is caught here too, and comes out as 10^(p-1) at the next t).
            let j = p - 1 - t;
            let mut num = Big::from_u64(f);
            let mut den = Big::one();
            scale(&mut num, &mut den, e, j);
            let d = num.div_round_even(&den);
            if !d.at_least(&limit) {
                scientific(out, &d.to_decimal(), t);
                return;
            }
            t += 1;
        }
    })
}

/// `x` with `digits` significant digits (1–17), trailing zeros removed: in scientific notation
/// outside 1e-4 ≤ |x| < 1e6, where the integer part is never rounded away; "0" for ±0 and for
/// what rounds to it; "NaN" or "inf" like [`plain`]. Labels and readouts use it.
///
/// ```
/// use mathsight::math::float_text::significant;
/// assert_eq!(significant(1.98234, 3), "1.98");
/// assert_eq!(significant(0.1 + 0.2, 4), "0.3");
/// assert_eq!(significant(0.000012345, 3), "1.23e-5");
/// assert_eq!(significant(-2500000.0, 3), "-2.5e6");
/// assert_eq!(significant(999_999.0, 3), "999999");
/// ```
pub fn significant(x: f64, digits: usize) -> String {
    if x == 0.0 || !x.is_finite() {
        return if x.is_finite() { "0".into() } else { plain(x) };
    }
    let digits = digits.clamp(1, 17);
    let magnitude = x.abs().log10().floor() as i32;
    if !(-4..6).contains(&magnitude) {
        let s = sci(x, digits - 1);
        // "1.230e-5" → "1.23e-5"
        return match s.split_once('e') {
            Some((mantissa, exp)) => format!("{}e{exp}", trim_zeros(mantissa)),
            None => s,
        };
    }
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    let s = fixed(x, decimals);
    match trim_zeros(&s) {
        "-0" => "0".into(),
        t => t.to_string(),
    }
}

/// "1.2300" → "1.23", "2.000" → "2"; whole numbers stay as they are.
fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// x = f·2^e, with f < 2⁵³ (x finite and ≥ 0).
fn parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent - 1075)
    }
}

/// num/den ← num/den · 2^e · 10^j, keeping both whole.
fn scale(num: &mut Big, den: &mut Big, e: i32, j: i32) {
    if e >= 0 {
        num.shl(e as u32);
    } else {
        den.shl(e.unsigned_abs());
    }
    if j >= 0 {
        num.mul_pow10(j as u32);
    } else {
        den.mul_pow10(j.unsigned_abs());
    }
}

/// The shortest digits `d₁d₂…dₙ` (ASCII) and `k` with `x` read back from `0.d₁d₂…dₙ · 10^k`.
fn shortest(x: f64) -> (Vec<u8>, i32) {
    let (f, e) = parts(x);
    // x = r/s; the halfway points to the neighbours are (r - m⁻)/s and (r + m⁺)/s. At a power
    // of two the neighbour below is half as far.
    let closer_below = f == 1 << 52 && e > -1074;
    let (r, s, up) = if closer_below {
        (4 * f, 4, 2)
    } else {
        (2 * f, 2, 1)
    };
    let (mut r, mut s, mut up, mut down) = (
        Big::from_u64(r),
        Big::from_u64(s),
        Big::from_u64(up),
        Big::one(),
    );
    if e >= 0 {
        r.shl(e as u32);
        up.shl(e as u32);
        down.shl(e as u32);
    } else {
        s.shl(e.unsigned_abs());
    }
    // The halfway points themselves read back as x when f is even (ties to even).
    let inclusive = f % 2 == 0;
    let high = |r: &Big, up: &Big, s: &Big| match r.cmp_sum(up, s) {
        Ordering::Greater => true,
        Ordering::Equal => inclusive,
        Ordering::Less => false,
    };
    // k: at most one below ⌈log₁₀ x⌉, from the exponent.
    let bits = 64 - f.leading_zeros() as i32;
    let mut k = (f64::from(e + bits - 1) * std::f64::consts::LOG10_2 - 1e-10).ceil() as i32;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        let j = k.unsigned_abs();
        r.mul_pow10(j);
        up.mul_pow10(j);
        down.mul_pow10(j);
    }
    if high(&r, &up, &s) {
        k += 1; // x + m⁺ reaches 10^k: one more integer digit
    } else {
        r.mul_add(10, 0);
        up.mul_add(10, 0);
        down.mul_add(10, 0);
    }
    let mut digits = Vec::new();
    loop {
        let mut d = 0u8;
        while r.at_least(&s) {
            r.sub(&s);
            d += 1;
        }
        let low = match r.compare(&down) {
            Ordering::Less => true,
            Ordering::Equal => inclusive,
            Ordering::Greater => false,
        };
        let high = high(&r, &up, &s);
        if low || high {
            // Round the last digit: down if only that stays in range, up if only that does,
            // else to the nearer (up on a tie, as the standard library does).
            let round_up = high && (!low || r.cmp_sum(&r, &s) != Ordering::Less);
            digits.push(b'0' + d + u8::from(round_up));
            return (digits, k);
        }
        digits.push(b'0' + d);
        r.mul_add(10, 0);
        up.mul_add(10, 0);
        down.mul_add(10, 0);
    }
}

/// `d₁.d₂…dₙe{exponent}`.
fn scientific(out: &mut String, digits: &[u8], exponent: i32) {
    let (first, rest) = digits.split_at(1);
    push(out, first);
    if !rest.is_empty() {
        out.push('.');
        push(out, rest);
    }
    out.push('e');
    if exponent < 0 {
        out.push('-');
    }
    push(
        out,
        &Big::from_u64(u64::from(exponent.unsigned_abs())).to_decimal(),
    );
}

/// The sign and the non-finite cases around `body`, which writes a finite value ≥ 0.
fn write(x: f64, body: impl FnOnce(&mut String, f64)) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    let x = x.abs();
    if x.is_infinite() {
        out.push_str("inf");
    } else {
        body(&mut out, x);
    }
    out
}

fn push(out: &mut String, ascii: &[u8]) {
    out.extend(ascii.iter().map(|&b| char::from(b)));
}

fn zeros(out: &mut String, n: u32) {
    out.extend(std::iter::repeat_n('0', n as usize));
}
