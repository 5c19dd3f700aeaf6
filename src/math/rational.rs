//! Exact fractions p/q for elimination by hand: 3/2 stays 3/2 instead of becoming 1.4999999.
//!
//! Numerator and denominator are `i128`, always in lowest terms with a positive denominator.
//! Every operation is checked: on overflow it returns `None`, and the caller falls back to
//! floating point (see [`super::elimination`]).

use super::bigint::Big;
use std::fmt;

/// An exact fraction `num/den`, in lowest terms, `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Rational {
    /// Zero.
    pub const ZERO: Rational = Rational { num: 0, den: 1 };
    /// One.
    pub const ONE: Rational = Rational { num: 1, den: 1 };

    /// `num/den` in lowest terms; `None` if `den` is 0 or the sign cannot be normalised.
    ///
    /// ```
    /// use mathsight::math::rational::Rational;
    /// assert_eq!(Rational::new(6, -4).unwrap().to_string(), "-3/2");
    /// assert!(Rational::new(1, 0).is_none());
    /// ```
    pub fn new(num: i128, den: i128) -> Option<Rational> {
        // i128::MIN has no positive counterpart; refusing it keeps every `abs` below safe.
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (mut n, mut d) = (num / g, den / g);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Rational { num: n, den: d })
    }

    /// The whole number `n`.
    pub fn int(n: i64) -> Rational {
        Rational {
            num: n as i128,
            den: 1,
        }
    }

    /// The numerator (carries the sign).
    pub fn num(&self) -> i128 {
        self.num
    }

    /// The denominator (positive).
    pub fn den(&self) -> i128 {
        self.den
    }

    /// Whether it is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// The nearest `f64`.
    pub fn to_f64(&self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Rational) -> Option<Rational> {
        let g = gcd(self.den, other.den).max(1);
        let l = self.den / g;
        let r = other.den / g;
        let num = self
            .num
            .checked_mul(r)?
            .checked_add(other.num.checked_mul(l)?)?;
        Rational::new(num, self.den.checked_mul(r)?)
    }

    /// `self − other`, or `None` on overflow.
    pub fn checked_sub(self, other: Rational) -> Option<Rational> {
        self.checked_add(other.checked_neg()?)
    }

    /// `−self`, or `None` on overflow.
    pub fn checked_neg(self) -> Option<Rational> {
        Some(Rational {
            num: self.num.checked_neg()?,
            den: self.den,
        })
    }

    /// `self · other`, or `None` on overflow.
    pub fn checked_mul(self, other: Rational) -> Option<Rational> {
        let g1 = gcd(self.num, other.den).max(1);
        let g2 = gcd(other.num, self.den).max(1);
        Rational::new(
            (self.num / g1).checked_mul(other.num / g2)?,
            (self.den / g2).checked_mul(other.den / g1)?,
        )
    }

    /// `self / other`, or `None` when `other` is zero or on overflow.
    pub fn checked_div(self, other: Rational) -> Option<Rational> {
        if other.is_zero() {
            return None;
        }
        self.checked_mul(Rational::new(other.den, other.num)?)
    }
}

impl fmt::Display for Rational {
    /// `3/2`, `-4`, `0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_whole(f, self.num)?;
        if self.den != 1 {
            f.write_str("/")?;
            write_whole(f, self.den)?;
        }
        Ok(())
    }
}

/// `v` in decimal, through [`Big`] (`i128`'s own `Display` is 1.4 KB of wasm that the
/// float formatting already has the means for).
fn write_whole(f: &mut fmt::Formatter<'_>, v: i128) -> fmt::Result {
    if v < 0 {
        f.write_str("-")?;
    }
    let digits = Big::from_u128(v.unsigned_abs()).to_decimal();
    digits
        .iter()
        .try_for_each(|&d| fmt::Write::write_char(f, char::from(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i128, d: i128) -> Rational {
        Rational::new(n, d).unwrap()
    }

    #[test]
    fn arithmetic_is_exact_and_reduced() {
        assert_eq!(q(1, 3).checked_add(q(1, 6)).unwrap(), q(1, 2));
        assert_eq!(q(1, 3).checked_sub(q(1, 2)).unwrap().to_string(), "-1/6");
        assert_eq!(q(3, 4).checked_mul(q(8, 9)).unwrap(), q(2, 3));
        assert_eq!(q(3, 4).checked_div(q(-3, 2)).unwrap().to_string(), "-1/2");
        assert_eq!(q(0, -5), Rational::ZERO);
        assert!(q(1, 2).checked_div(Rational::ZERO).is_none());
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let big = Rational::new(i128::MAX, 1).unwrap();
        assert!(big.checked_add(Rational::ONE).is_none());
        assert!(big.checked_mul(Rational::int(2)).is_none());
        assert!(Rational::new(i128::MIN, -1).is_none());
    }

    #[test]
    fn text_is_the_integers_text() {
        for n in [
            0,
            1,
            -1,
            7,
            i128::MAX,
            i128::MIN + 1,
            10i128.pow(30),
            -(10i128.pow(19)),
        ] {
            for d in [1, 2, 3, 1_000_000_007, i128::MAX] {
                let r = q(n, d);
                let want = if r.den == 1 {
                    format!("{}", r.num)
                } else {
                    format!("{}/{}", r.num, r.den)
                };
                assert_eq!(r.to_string(), want);
            }
        }
    }
}
