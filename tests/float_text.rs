//! `math::float_text` against the standard library's float formatting, character for character.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::float_text::{debug, exp, fixed, plain, sci, Float};
use proptest::prelude::*;

fn check(x: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(plain(x), format!("{x}"), "{{}} of {:e}", x);
    prop_assert_eq!(exp(x), format!("{x:e}"), "{{:e}} of {:e}", x);
    prop_assert_eq!(debug(x), format!("{x:?}"), "{{:?}} of {:e}", x);
    for n in [0, 1, 2, 3, 6, 17, 20] {
        prop_assert_eq!(fixed(x, n), format!("{x:.n$}"), "{{:.{}}} of {:e}", n, x);
        prop_assert_eq!(sci(x, n), format!("{x:.n$e}"), "{{:.{}e}} of {:e}", n, x);
    }
    Ok(())
}

/// Values a widget shows: a few digits, a scale from 10⁻⁸ to 10⁸, either sign.
fn everyday() -> impl Strategy<Value = f64> {
    (-99_999i64..99_999, -8i32..8).prop_map(|(m, k)| m as f64 * 10f64.powi(k))
}

/// Ties for rounding at a few decimals: k/2ⁿ is exact, and its decimals end in 5.
fn halves() -> impl Strategy<Value = f64> {
    (-10_000i64..10_000, 1u32..12).prop_map(|(m, n)| m as f64 / f64::from(1u32 << n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_double(bits in any::<u64>()) {
        check(f64::from_bits(bits))?;
    }

    #[test]
    fn everyday_values(x in everyday()) {
        check(x)?;
    }

    #[test]
    fn halfway_cases(x in halves()) {
        check(x)?;
    }

    #[test]
    fn near_powers_of_two_and_ten(k in -1074i32..1024, step in -3i64..=3, ten in any::<bool>()) {
        let base = if ten { 10f64.powi(k / 3) } else { 2f64.powi(k) };
        if base.is_finite() && base > 0.0 {
            check(f64::from_bits((base.to_bits() as i64 + step).max(0) as u64))?;
        }
    }
}

#[test]
fn edges() {
    for x in [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.5,
        1.5,
        2.5,
        9.5,
        0.05,
        0.95,
        99.5,
        999_999.5,
        1e21,
        1e22,
        1e-7,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        f64::from_bits(1e23f64.to_bits() - 1),
        123456789012345680000.0,
        1e16,
        9_007_199_254_740_993.0,
        0.3,
        2.675,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ] {
        check(x).unwrap();
    }
    // Through the Formatter, as call sites use it.
    assert_eq!(
        format!(
            "{:.3}|{}|{:e}|{:.1e}",
            Float(1.0005),
            Float(-0.0),
            Float(0.0),
            Float(9.96)
        ),
        "1.000|-0|0e0|1.0e1"
    );
}

/// A width would be ignored, so a test build refuses it.
#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "precision only")]
fn a_width_is_refused() {
    let _ = format!("{:>8}", Float(1.5));
}
