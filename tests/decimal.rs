//! `math::decimal::parse_f64` against the standard library's parser, which it replaces in the
//! wasm: the same text accepted, and the same double, bit for bit, for shortest and long
//! representations, random digit strings, exact halfway points between neighbouring doubles
//! (where ties go to even) and the numbers just either side of them.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::decimal::parse_f64;
use proptest::prelude::*;

/// Both parsers' answers as bits (NaNs compared as NaN), or None when the text is refused.
fn both(text: &str) -> (Option<u64>, Option<u64>) {
    let bits = |x: f64| if x.is_nan() { u64::MAX } else { x.to_bits() };
    (
        parse_f64(text).map(bits),
        text.parse::<f64>().ok().map(bits),
    )
}

fn assert_same(text: &str) {
    let (ours, std) = both(text);
    assert_eq!(ours, std, "{text:?}");
}

/// The exact decimal expansion of `m · 2^e`: halve or double a digit string.
fn exact_decimal(m: u64, e: i32) -> String {
    // Digits of the integer part, most significant first, and a count of digits after the point.
    let mut digits: Vec<u8> = m.to_string().bytes().map(|b| b - b'0').collect();
    let mut after_point = 0usize;
    for _ in 0..e.max(0) {
        let mut carry = 0;
        for d in digits.iter_mut().rev() {
            let t = *d * 2 + carry;
            *d = t % 10;
            carry = t / 10;
        }
        if carry > 0 {
            digits.insert(0, carry);
        }
    }
    for _ in 0..(-e).max(0) {
        // Halving a decimal: each digit's half, plus 5 for an odd digit before it; one digit more.
        let mut out = Vec::with_capacity(digits.len() + 1);
        let mut odd = 0;
        for &d in &digits {
            out.push(d / 2 + odd * 5);
            odd = d % 2;
        }
        out.push(odd * 5);
        digits = out;
        after_point += 1;
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let split = text.len() - after_point;
    format!(
        "{}.{}",
        &text[..split].trim_start_matches('0'),
        &text[split..]
    )
}

#[test]
fn grammar_matches_the_standard_parser() {
    for text in [
        "0",
        "-0",
        "+0",
        "1",
        "1.",
        ".5",
        "-.5",
        "+.5e1",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1.5e",
        "e5",
        ".",
        "-",
        "+",
        "",
        " 1",
        "1 ",
        "1_0",
        "0x10",
        "1.2.3",
        "1e1.5",
        "--1",
        "+-1",
        "inf",
        "-inf",
        "+Infinity",
        "INFINITY",
        "infinit",
        "nan",
        "NaN",
        "-nan",
        "1e99999999999999999999",
        "1e-99999999999999999999",
        "00000.0000",
        "1,5",
        "٣",
        "1e5x",
        "١",
    ] {
        assert_same(text);
    }
}

#[test]
fn hard_cases_round_like_the_standard_parser() {
    for text in [
        "0.1",
        "0.30000000000000004",
        "9007199254740993", // 2⁵³ + 1: halfway, to even
        "9007199254740995",
        "2.2250738585072011e-308", // just below the smallest normal
        "2.2250738585072014e-308",
        "4.9406564584124654e-324", // the smallest subnormal
        "2.4703282292062327e-324", // half of it: to zero (even)
        "2.4703282292062328e-324", // just above half: to the smallest subnormal
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308", // rounds to the largest double
        "1.797693134862315807e308",
        "1.7976931348623159077e308", // halfway to 2¹⁰²⁴: overflows to infinity
        "1e23",
        "8.589973e9",
        "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000001",
    ] {
        assert_same(text);
    }
    // More digits than are read exactly: only whether any later one is non-zero matters.
    let half = exact_decimal((1 << 53) + 1, 0); // 2⁵³ + 1, halfway between two doubles
    let long_zeros = format!("{half}{}", "0".repeat(2000));
    let long_one = format!("{half}{}1", "0".repeat(2000));
    assert_same(&long_zeros);
    assert_same(&long_one);
    assert_ne!(parse_f64(&long_zeros), parse_f64(&long_one));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn every_double_written_any_way_reads_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        for text in [format!("{x}"), format!("{x:e}"), format!("{x:.17e}"), format!("{x:.30e}"), format!("{x:?}")] {
            let (ours, std) = both(&text);
            prop_assert_eq!(ours, std, "{:?}", text);
        }
    }

    #[test]
    fn random_digit_strings_round_alike(
        int in "[0-9]{0,30}",
        frac in "[0-9]{0,30}",
        exp in -400i32..400,
        sign in "[+-]?",
    ) {
        let text = format!("{sign}{int}.{frac}e{exp}");
        let (ours, std) = both(&text);
        prop_assert_eq!(ours, std, "{:?}", text);
    }

    #[test]
    fn halfway_points_and_their_neighbours_round_alike(bits in 1u64..0x7fef_ffff_ffff_ffff) {
        // The point halfway between x and the next double up is (2m + 1) · 2^(e - 1).
        let x = f64::from_bits(bits);
        let raw_exp = ((bits >> 52) & 0x7ff) as i32;
        let (m, e) = if raw_exp == 0 {
            (bits & ((1 << 52) - 1), -1074)
        } else {
            ((bits & ((1 << 52) - 1)) | 1 << 52, raw_exp - 1075)
        };
        prop_assume!(x.is_finite());
        let half = exact_decimal(2 * m + 1, e - 1);
        for text in [half.clone(), format!("{half}0000001"), format!("{}49", half.strip_suffix('5').unwrap_or(&half))] {
            let (ours, std) = both(&text);
            prop_assert_eq!(ours, std, "{:?}", text);
        }
    }

    #[test]
    fn any_short_text_is_refused_or_read_alike(text in "[0-9.eE+-inftyaINFTYA ]{0,10}") {
        let (ours, std) = both(&text);
        prop_assert_eq!(ours, std, "{:?}", text);
    }
}
