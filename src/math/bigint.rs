//! Non-negative whole numbers of any size, just enough for exact decimal conversion.
//!
//! Reading ([`super::decimal`]) and writing ([`super::float_text`]) a double exactly both come
//! down to products and quotients of a 53-bit integer with powers of two, five and ten: a few
//! hundred bits in common cases, about 3,600 at the extremes. Speed matters little (common values
//! need one to four limbs); size matters: this is a few hundred bytes of wasm.

use std::cmp::Ordering;

/// A non-negative whole number, in 32-bit limbs, least significant first (high zero limbs are
/// allowed).
#[derive(Clone, Debug)]
pub struct Big(Vec<u32>);

impl Big {
    pub fn one() -> Big {
        Big(vec![1])
    }

    pub fn from_u64(v: u64) -> Big {
        Big(vec![v as u32, (v >> 32) as u32])
    }

    /// The number written by `digits` (values 0–9, most significant first).
    pub fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let (mut scale, mut value) = (1u32, 0u32);
            for &d in chunk {
                scale *= 10;
                value = value * 10 + u32::from(d);
            }
            big.mul_add(scale, value);
        }
        big
    }

    /// The value, when it is below 2¹²⁸.
    pub fn to_u128(&self) -> Option<u128> {
        if self.bits() > 128 {
            return None;
        }
        Some(
            self.0
                .iter()
                .take(4)
                .rev()
                .fold(0u128, |v, &l| (v << 32) | u128::from(l)),
        )
    }

    pub fn from_u128(v: u128) -> Big {
        Big((0..4).map(|i| (v >> (32 * i)) as u32).collect())
    }

    /// self = self · m + a.
    pub fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// self = self · 5^k.
    pub fn mul_pow5(&mut self, mut k: u32) {
        while k > 0 {
            let step = k.min(13); // 5¹³ is the largest power of five in a u32
            self.mul_add(5u32.pow(step), 0);
            k -= step;
        }
    }

    /// self = self · 10^k.
    pub fn mul_pow10(&mut self, k: u32) {
        self.mul_pow5(k);
        self.shl(k);
    }

    /// self = self · 2^k.
    pub fn shl(&mut self, k: u32) {
        let (limbs, bits) = ((k / 32) as usize, k % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let t = (u64::from(*limb) << bits) | u64::from(carry);
                *limb = t as u32;
                carry = (t >> 32) as u32;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// The number of significant bits.
    pub fn bits(&self) -> u32 {
        let top = self.0.iter().enumerate().rev().find(|(_, &l)| l != 0);
        top.map_or(0, |(i, l)| 32 * i as u32 + 32 - l.leading_zeros())
    }

    /// (⌊self / den⌋, the remainder), `den` > 0: long division, one quotient bit at a time.
    pub fn div_rem(self, den: &Big) -> (Big, Big) {
        let mut rest = self;
        let mut q = Big(Vec::new());
        let top = rest.bits().saturating_sub(den.bits());
        for bit in (0..=top).rev() {
            let mut shifted = den.clone();
            shifted.shl(bit);
            q.shl(1);
            if rest.at_least(&shifted) {
                rest.sub(&shifted);
                q = q.plus_small(1);
            }
        }
        (q, rest)
    }

    /// self / den rounded to the nearest whole number, ties to even (`den` > 0).
    pub fn div_round_even(self, den: &Big) -> Big {
        // Below 2¹²⁷, as common values are, in one machine division.
        if let (Some(n), Some(d)) = (self.to_u128(), den.to_u128()) {
            if d < 1 << 127 {
                let (q, r) = (n / d, n % d);
                let up = match (2 * r).cmp(&d) {
                    Ordering::Greater => true,
                    Ordering::Equal => q & 1 == 1,
                    Ordering::Less => false,
                };
                return Big::from_u128(q).plus_small(u32::from(up));
            }
        }
        let (q, mut rest) = self.div_rem(den);
        rest.shl(1);
        let up = match rest.compare(den) {
            Ordering::Greater => true,
            Ordering::Equal => q.limb(0) & 1 == 1,
            Ordering::Less => false,
        };
        q.plus_small(u32::from(up))
    }

    /// self + a.
    pub fn plus_small(mut self, a: u32) -> Big {
        self.mul_add(1, a);
        self
    }

    /// Divides by `d` (> 0) in place and returns the remainder.
    pub fn div_rem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let t = (rem << 32) | u64::from(*limb);
            *limb = (t / u64::from(d)) as u32;
            rem = t % u64::from(d);
        }
        rem as u32
    }

    /// The decimal digits as ASCII, most significant first ("0" for zero).
    pub fn to_decimal(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let mut chunk = self.div_rem_small(1_000_000_000);
            let last = self.is_zero();
            for _ in 0..9 {
                out.push(b'0' + (chunk % 10) as u8);
                chunk /= 10;
                if last && chunk == 0 {
                    break;
                }
            }
            if last {
                break;
            }
        }
        out.reverse();
        out
    }

    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    pub fn at_least(&self, other: &Big) -> bool {
        self.compare(other) != Ordering::Less
    }

    pub fn compare(&self, other: &Big) -> Ordering {
        let len = self.0.len().max(other.0.len());
        for i in (0..len).rev() {
            let (a, b) = (self.limb(i), other.limb(i));
            if a != b {
                return a.cmp(&b);
            }
        }
        Ordering::Equal
    }

    /// How `self + add` compares with `other`, without building the sum.
    pub fn cmp_sum(&self, add: &Big, other: &Big) -> Ordering {
        let len = self.0.len().max(add.0.len()) + 1;
        let len = len.max(other.0.len());
        // The sum's limbs, from the bottom; the comparison is decided by the highest that differs.
        let mut carry = 0u64;
        let mut order = Ordering::Equal;
        for i in 0..len {
            let t = u64::from(self.limb(i)) + u64::from(add.limb(i)) + carry;
            carry = t >> 32;
            let (a, b) = (t as u32, other.limb(i));
            if a != b {
                order = a.cmp(&b);
            }
        }
        order
    }

    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// self -= other, where self ≥ other.
    pub fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let t = i64::from(*limb) - i64::from(other.limb(i)) - borrow;
            *limb = t as u32;
            borrow = i64::from(t < 0);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Big;
    use proptest::prelude::*;
    use std::cmp::Ordering;

    fn big(v: u128) -> Big {
        Big::from_u128(v)
    }

    #[test]
    fn decimal_digits() {
        assert_eq!(big(0).to_decimal(), b"0");
        assert_eq!(big(1_000_000_000).to_decimal(), b"1000000000");
        let mut b = Big::one();
        b.mul_pow10(40);
        let mut want = b"1".to_vec();
        want.extend([b'0'; 40]);
        assert_eq!(b.to_decimal(), want);
    }

    proptest! {
        #[test]
        fn small_values_agree_with_u128(a in any::<u64>(), b in 1..u64::MAX, c in any::<u64>()) {
            let (a, b, c) = (u128::from(a), u128::from(b), u128::from(c));
            prop_assert_eq!(big(a).to_decimal(), a.to_string().into_bytes());
            prop_assert_eq!(big(a).compare(&big(b)), a.cmp(&b));
            prop_assert_eq!(big(a).cmp_sum(&big(c), &big(b)), (a + c).cmp(&b));
            let (q, r) = (a / b, a % b);
            let up = 2 * r > b || (2 * r == b && q % 2 == 1);
            prop_assert_eq!(big(a).div_round_even(&big(b)).to_u128(), Some(q + u128::from(up)));
            let (lq, lr) = big(a).div_rem(&big(b));
            prop_assert_eq!((lq.to_u128(), lr.to_u128()), (Some(q), Some(r)));
        }

        #[test]
        fn long_division_rounds_to_even(q in any::<u64>(), k in 0u32..200, num in 0u32..8) {
            // (q·2^k + num·2^k/8) / 2^k = q + num/8: rounds up past 4/8, to even at 4/8.
            let mut den = Big::one();
            den.shl(k + 3);
            let mut n = big(u128::from(q) * 8 + u128::from(num));
            n.shl(k);
            let up = num > 4 || (num == 4 && q % 2 == 1);
            let got = n.div_round_even(&den);
            prop_assert_eq!(got.compare(&big(u128::from(q) + u128::from(up))), Ordering::Equal);
        }
    }
}
