//! Sorting numbers, for the whole crate, through one small routine.
//!
//! `slice::sort_by` and `sort_unstable_by` compile a driftsort or a pattern-defeating quicksort
//! of their own (2–15 KB of wasm each) for every element type and comparator they are used with.
//! Mathsight only ever orders numbers by [`f64::total_cmp`] (−∞ < … < −0 < +0 < … < +∞ < NaN,
//! a NaN with its sign bit set first), so one heapsort serves every caller. Its O(n log n)
//! worst case is fine for the sizes the widgets sort (at most tens of thousands).
//!
//! Conventions: equal keys under `total_cmp` have identical bits, so sorting numbers needs no
//! stability; [`order_by`] breaks ties by index, which makes it stable.

/// An integer whose unsigned order is `f64::total_cmp`'s order on `x`.
fn total_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// Sorts `xs` in place into `f64::total_cmp` order.
///
/// ```
/// let mut xs = [3.0, f64::NAN, -0.0, 0.0, f64::NEG_INFINITY, 1.5];
/// mathsight::math::sorting::sort_floats(&mut xs);
/// assert_eq!(format!("{xs:?}"), "[-inf, -0.0, 0.0, 1.5, 3.0, NaN]");
/// ```
pub fn sort_floats(xs: &mut [f64]) {
    heapsort(xs, |a, b| total_key(a) < total_key(b));
}

/// The indices of `keys` in increasing `total_cmp` order of key, ties in index order.
///
/// ```
/// assert_eq!(mathsight::math::sorting::order_by(&[2.0, 1.0, 2.0, 0.5]), vec![3, 1, 0, 2]);
/// ```
pub fn order_by(keys: &[f64]) -> Vec<usize> {
    // Key and index in one integer: the index breaks ties, and one comparison does both.
    let mut packed: Vec<u128> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (total_key(k) as u128) << 64 | i as u128)
        .collect();
    heapsort(&mut packed, |a, b| a < b);
    packed.iter().map(|&p| p as u64 as usize).collect()
}

/// Sorts `v` so that no element is `less` than the one before it.
fn heapsort<T: Copy>(v: &mut [T], less: impl Fn(T, T) -> bool) {
    let n = v.len();
    // A max-heap first, then the largest moves to the end, one at a time.
    for root in (0..n / 2).rev() {
        sift_down(v, root, n, &less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &less);
    }
}

/// Moves `v[root]` down the heap held in `v[..end]` until neither child is larger.
fn sift_down<T: Copy>(v: &mut [T], mut root: usize, end: usize, less: &impl Fn(T, T) -> bool) {
    let at = |v: &[T], i: usize| v.get(i).copied();
    loop {
        let mut child = 2 * root + 1;
        let (Some(mut big), Some(top)) = (at(v, child).filter(|_| child < end), at(v, root)) else {
            return;
        };
        if let Some(right) = at(v, child + 1).filter(|_| child + 1 < end) {
            if less(big, right) {
                child += 1;
                big = right;
            }
        }
        if !less(top, big) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_keeps_the_total_order() {
        let xs = [
            f64::NEG_INFINITY,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            1e-300,
            2.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for pair in xs.windows(2) {
            assert!(
                total_key(pair[0]) < total_key(pair[1]),
                "{} < {}",
                pair[0],
                pair[1]
            );
        }
        assert!(total_key(-f64::NAN) < total_key(f64::NEG_INFINITY));
    }

    /// proptest runs natively only (it is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn any_float() -> impl Strategy<Value = f64> {
            prop_oneof![
                -1e3..1e3f64,
                proptest::num::f64::ANY,
                Just(0.0),
                Just(-0.0),
                Just(f64::NAN),
                Just(-f64::NAN),
            ]
        }

        proptest! {
            #[test]
            fn sorts_floats_as_the_standard_library_does(mut xs in prop::collection::vec(any_float(), 0..300)) {
                let mut expected = xs.clone();
                expected.sort_by(f64::total_cmp);
                sort_floats(&mut xs);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                prop_assert_eq!(bits(&xs), bits(&expected));
            }

            #[test]
            fn orders_indices_stably(keys in prop::collection::vec(prop_oneof![any_float(), (0..5u8).prop_map(f64::from)], 0..300)) {
                let mut expected: Vec<usize> = (0..keys.len()).collect();
                expected.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
                prop_assert_eq!(order_by(&keys), expected);
            }
        }
    }
}
