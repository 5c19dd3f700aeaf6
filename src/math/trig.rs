//! `sin`, `cos` and `tan` without the reduction of huge arguments.
//!
//! The standard library's `f64::sin` and `f64::cos` are, in wasm, the `libm` crate's ports of
//! musl, whose argument reduction for |x| ≥ 2²⁰·π/2 (a multi-precision product with 2/π) is
//! 5 KB of the wasm by itself. Mathsight's angles are small. These are the same musl kernels and
//! the same reduction below 2²⁰·π/2 ≈ 1.6 million, so they give the same doubles there, bit for
//! bit (`tests` below hold them to the `libm` crate); beyond, the argument is first reduced
//! modulo 2π in double precision, which loses about |x|·2⁻⁵³ of accuracy. `tan` is `sin / cos`,
//! within a few units in the last place of `libm`'s.

const INV_PIO2: f64 = std::f64::consts::FRAC_2_PI;
const PIO2_1: f64 = 1.570_796_326_734_125_6;
const PIO2_1T: f64 = 6.077100506506192e-11;
const PIO2_2: f64 = 6.077100506303966e-11;
const PIO2_2T: f64 = 2.0222662487959506e-21;
const PIO2_3: f64 = 2.0222662487111665e-21;
const PIO2_3T: f64 = 8.4784276603689e-32;

/// sin x.
pub fn sin(x: f64) -> f64 {
    let ix = high_word(x);
    if ix <= 0x3fe9_21fb {
        // |x| ≲ π/4
        return if ix < 0x3e50_0000 {
            x
        } else {
            k_sin(x, 0.0, false)
        };
    }
    if ix >= 0x7ff0_0000 {
        return f64::NAN;
    }
    let (n, y0, y1) = reduce(x);
    match n & 3 {
        0 => k_sin(y0, y1, true),
        1 => k_cos(y0, y1),
        2 => -k_sin(y0, y1, true),
        _ => -k_cos(y0, y1),
    }
}

/// cos x.
pub fn cos(x: f64) -> f64 {
    let ix = high_word(x);
    if ix <= 0x3fe9_21fb {
        return if ix < 0x3e46_a09e { 1.0 } else { k_cos(x, 0.0) };
    }
    if ix >= 0x7ff0_0000 {
        return f64::NAN;
    }
    let (n, y0, y1) = reduce(x);
    match n & 3 {
        0 => k_cos(y0, y1),
        1 => -k_sin(y0, y1, true),
        2 => -k_cos(y0, y1),
        _ => k_sin(y0, y1, true),
    }
}

/// (sin x, cos x).
pub fn sin_cos(x: f64) -> (f64, f64) {
    (sin(x), cos(x))
}

/// tan x, as sin x / cos x.
pub fn tan(x: f64) -> f64 {
    sin(x) / cos(x)
}

/// |x|'s top 32 bits: sign cleared, exponent and the fraction's top 20 bits.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32 & 0x7fff_ffff
}

/// x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4: musl's `__rem_pio2` below 2²⁰·π/2.
fn reduce(x: f64) -> (i32, f64, f64) {
    let ix = high_word(x);
    if ix <= 0x401c_463b {
        // |x| ≲ 9π/4: subtract k·π/2 in two parts, unless x is near a multiple of π/2, where
        // that would cancel.
        let near = (ix <= 0x400f_6a7a && ix & 0xfffff == 0x921fb)
            || ix == 0x4012_d97c
            || ix == 0x4019_21fb;
        if !near {
            let k = if ix <= 0x4002_d97c {
                1.0
            } else if ix <= 0x400f_6a7a {
                2.0
            } else if ix <= 0x4015_fdbc {
                3.0
            } else {
                4.0
            };
            let k = if x < 0.0 { -k } else { k };
            let z = x - k * PIO2_1;
            let y0 = z - k * PIO2_1T;
            return (k as i32, y0, (z - y0) - k * PIO2_1T);
        }
        return medium(x, ix);
    }
    if ix < 0x4139_21fb {
        return medium(x, ix);
    }
    let r = x % std::f64::consts::TAU;
    medium(r, high_word(r))
}

/// Cody–Waite reduction with π/2 in up to three parts (good to 151 bits).
fn medium(x: f64, ix: u32) -> (i32, f64, f64) {
    let to_int = 1.5 / f64::EPSILON;
    let f_n = (x * INV_PIO2 + to_int) - to_int; // x / (π/2), rounded to an integer
    let n = f_n as i32;
    let mut r = x - f_n * PIO2_1;
    let mut w = f_n * PIO2_1T;
    let mut y0 = r - w;
    let ex = (ix >> 20) as i32;
    let exponent = |y: f64| (y.to_bits() >> 52) as i32 & 0x7ff;
    if ex - exponent(y0) > 16 {
        let t = r;
        w = f_n * PIO2_2;
        r = t - w;
        w = f_n * PIO2_2T - ((t - r) - w);
        y0 = r - w;
        if ex - exponent(y0) > 49 {
            let t = r;
            w = f_n * PIO2_3;
            r = t - w;
            w = f_n * PIO2_3T - ((t - r) - w);
            y0 = r - w;
        }
    }
    (n, y0, (r - y0) - w)
}

/// sin(x + y) for |x + y| ≤ π/4, y the tail of x (used when `tail`).
fn k_sin(x: f64, y: f64, tail: bool) -> f64 {
    const S1: f64 = -0.16666666666666632;
    const S2: f64 = 0.00833333333332249;
    const S3: f64 = -0.0001984126982985795;
    const S4: f64 = 2.7557313707070068e-06;
    const S5: f64 = -2.5050760253406863e-08;
    const S6: f64 = 1.58969099521155e-10;
    let z = x * x;
    let w = z * z;
    let r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    let v = z * x;
    if tail {
        x - ((z * (0.5 * y - v * r) - y) - v * S1)
    } else {
        x + v * (S1 + z * r)
    }
}

/// cos(x + y) for |x + y| ≤ π/4, y the tail of x.
fn k_cos(x: f64, y: f64) -> f64 {
    const C1: f64 = 0.0416666666666666;
    const C2: f64 = -0.001388888888887411;
    const C3: f64 = 2.480158728947673e-05;
    const C4: f64 = -2.7557314351390663e-07;
    const C5: f64 = 2.087572321298175e-09;
    const C6: f64 = -1.1359647557788195e-11;
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{cos, sin, tan};
    use proptest::prelude::*;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn edges_match_libm() {
        let pio2 = std::f64::consts::FRAC_PI_2;
        for k in -8..=8 {
            for step in -2i64..=2 {
                let x = f64::from_bits(((k as f64 * pio2).to_bits() as i64 + step) as u64);
                assert!(same(sin(x), libm::sin(x)), "sin {x:e}");
                assert!(same(cos(x), libm::cos(x)), "cos {x:e}");
            }
        }
        for x in [0.0, -0.0, 1e-300, 5e-324, 1e-8, 0.5, 1.0, 3.0, 1e6, 1.6e6] {
            assert!(
                same(sin(x), libm::sin(x)) && same(sin(-x), libm::sin(-x)),
                "sin {x:e}"
            );
            assert!(
                same(cos(x), libm::cos(x)) && same(cos(-x), libm::cos(-x)),
                "cos {x:e}"
            );
        }
        assert!(sin(f64::INFINITY).is_nan() && cos(f64::NAN).is_nan());
    }

    proptest! {
        #[test]
        fn same_doubles_as_libm_below_two_to_the_twenty_quarter_turns(x in -1.6e6..1.6e6f64, small in -7.0..7.0f64) {
            for x in [x, small] {
                prop_assert!(same(sin(x), libm::sin(x)), "sin {:e}", x);
                prop_assert!(same(cos(x), libm::cos(x)), "cos {:e}", x);
                let (t, want) = (tan(x), libm::tan(x));
                prop_assert!((t - want).abs() <= 4.0 * f64::EPSILON * want.abs().max(1e-300), "tan {:e}: {} vs {}", x, t, want);
            }
        }

        #[test]
        fn huge_arguments_stay_close(x in 1.7e6..1e12f64) {
            // Reduction modulo 2π in double precision: an error of about x·2⁻⁵³.
            let tol = x * 4.0 * f64::EPSILON;
            prop_assert!((sin(x) - libm::sin(x)).abs() <= tol && (cos(x) - libm::cos(x)).abs() <= tol);
        }
    }
}
