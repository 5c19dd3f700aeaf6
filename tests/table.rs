//! The pasted-table parser: never panics on any bytes, and what it keeps is exactly the good
//! rows.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::table::{parse_table, MAX_ROWS};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any bytes (read as text the way a browser would, with replacement characters) parse
    /// without panicking, and every kept value is finite and within ±1e9.
    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let t = parse_table(&text);
        prop_assert!(t.points.len() <= MAX_ROWS);
        prop_assert!(t.points.iter().flatten().all(|v| v.is_finite() && v.abs() <= 1e9));
        for e in &t.errors {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count());
        }
    }

    /// Good rows written with any of the delimiters come back exactly, in order.
    #[test]
    fn good_rows_round_trip(
        rows in prop::collection::vec((-1e6..1e6f64, -1e6..1e6f64), 1..50),
        delimiter in prop_oneof![Just(","), Just(";"), Just("\t"), Just("  ")],
        header in any::<bool>(),
    ) {
        let mut text = if header { format!("x{delimiter}y\n") } else { String::new() };
        for (x, y) in &rows {
            text.push_str(&format!("{x}{delimiter}{y}\r\n"));
        }
        let t = parse_table(&text);
        prop_assert!(t.errors.is_empty(), "{:?}", t.errors);
        prop_assert_eq!(t.header.is_some(), header);
        let expected: Vec<[f64; 2]> = rows.iter().map(|&(x, y)| [x, y]).collect();
        prop_assert_eq!(t.points, expected);
    }
}
