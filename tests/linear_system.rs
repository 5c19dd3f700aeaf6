//! Linear systems: solutions satisfy A·x ≈ b, the rank classification agrees with an SVD rank,
//! exact elimination reproduces whole-number solutions exactly.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::linear_system::{singular_values, svd_rank, Kind, System};
use mathsight::math::matrix_text::Entry;
use mathsight::math::rational::Rational;
use proptest::prelude::*;

fn exact(rows: &[Vec<i64>]) -> Vec<Vec<Entry>> {
    rows.iter()
        .map(|r| r.iter().map(|&v| Entry::Exact(Rational::int(v))).collect())
        .collect()
}

fn float(rows: &[Vec<f64>]) -> Vec<Vec<Entry>> {
    rows.iter()
        .map(|r| r.iter().map(|&v| Entry::Float(v)).collect())
        .collect()
}

fn times(a: &[Vec<i64>], x: &[i64]) -> Vec<i64> {
    a.iter()
        .map(|r| r.iter().zip(x).map(|(p, q)| p * q).sum())
        .collect()
}

/// Square integer matrices of size 2 or 3 and rank at most `r`: A = U·V with U n×r, V r×n.
fn low_rank() -> impl Strategy<Value = Vec<Vec<i64>>> {
    (2usize..=3)
        .prop_flat_map(|n| (Just(n), 1usize..=n))
        .prop_flat_map(|(n, r)| {
            (
                prop::collection::vec(prop::collection::vec(-3i64..=3, r), n),
                prop::collection::vec(prop::collection::vec(-3i64..=3, n), r),
            )
        })
        .prop_map(|(u, v)| {
            let n = u.len();
            (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| u[i].iter().zip(&v).map(|(a, row)| a * row[j]).sum())
                        .collect()
                })
                .collect()
        })
}

fn augmented(a: &[Vec<i64>], b: &[i64]) -> Vec<Vec<f64>> {
    a.iter()
        .zip(b)
        .map(|(r, v)| r.iter().chain([v]).map(|&x| x as f64).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A well-conditioned system's solution satisfies A·x ≈ b.
    #[test]
    fn solutions_satisfy_the_equations(
        n in 2usize..=3,
        entries in prop::collection::vec(-10.0..10.0f64, 12),
    ) {
        let a: Vec<Vec<f64>> = (0..n).map(|i| entries[i * n..i * n + n].to_vec()).collect();
        let b: Vec<f64> = entries[9..9 + n].to_vec();
        let s = singular_values(&a);
        prop_assume!(s.last().is_some_and(|lo| s[0] / lo < 1e6));
        let bf: Vec<Entry> = b.iter().map(|&v| Entry::Float(v)).collect();
        let sys = System::new(&float(&a), &bf);
        prop_assert_eq!(sys.kind, Kind::Unique);
        let x = sys.elimination.solution.clone().unwrap();
        let scale = 1.0 + a.iter().flatten().map(|v| v.abs()).fold(0.0, f64::max)
            * x.iter().map(|v| v.abs()).fold(0.0, f64::max);
        for (row, bi) in a.iter().zip(&b) {
            let lhs: f64 = row.iter().zip(&x).map(|(p, q)| p * q).sum();
            prop_assert!((lhs - bi).abs() <= 1e-10 * scale, "A·x = {} vs b = {}", lhs, bi);
        }
    }

    /// The ranks found by elimination (exact and floating point) equal the SVD ranks of A and
    /// [A | b], and the classification follows from them.
    #[test]
    fn classification_agrees_with_an_svd_rank(
        a in low_rank(),
        x0 in prop::collection::vec(-4i64..=4, 3),
        bump in prop::collection::vec(-2i64..=2, 3),
    ) {
        let n = a.len();
        let b: Vec<i64> = times(&a, &x0[..n]).iter().zip(&bump).map(|(v, e)| v + e).collect();
        let af: Vec<Vec<f64>> = a.iter().map(|r| r.iter().map(|&v| v as f64).collect()).collect();
        let rank = svd_rank(&af);
        let rank_aug = svd_rank(&augmented(&a, &b));
        let want = if rank < rank_aug { Kind::None } else if rank < n { Kind::Infinite } else { Kind::Unique };
        let be: Vec<Entry> = b.iter().map(|&v| Entry::Exact(Rational::int(v))).collect();
        let bf: Vec<Entry> = b.iter().map(|&v| Entry::Float(v as f64)).collect();
        for sys in [System::new(&exact(&a), &be), System::new(&float(&af), &bf)] {
            prop_assert_eq!(sys.elimination.rank, rank, "exact {}", sys.elimination.exact);
            prop_assert_eq!(sys.elimination.rank_augmented, rank_aug);
            prop_assert_eq!(sys.kind, want);
            if let Some(x) = &sys.elimination.solution {
                // Any particular solution solves the system; null directions stay in it.
                for (row, bi) in af.iter().zip(&b) {
                    let lhs: f64 = row.iter().zip(x).map(|(p, q)| p * q).sum();
                    prop_assert!((lhs - *bi as f64).abs() < 1e-8, "{} vs {}", lhs, bi);
                    for d in &sys.elimination.null_space {
                        let ad: f64 = row.iter().zip(d).map(|(p, q)| p * q).sum();
                        prop_assert!(ad.abs() < 1e-8);
                    }
                }
            }
        }
    }

    /// With whole-number input and a whole-number solution, exact elimination gives exactly it.
    #[test]
    fn exact_elimination_reproduces_integer_solutions(
        n in 2usize..=3,
        entries in prop::collection::vec(-9i64..=9, 9),
        x0 in prop::collection::vec(-20i64..=20, 3),
    ) {
        let a: Vec<Vec<i64>> = (0..n).map(|i| entries[i * n..i * n + n].to_vec()).collect();
        let af: Vec<Vec<f64>> = a.iter().map(|r| r.iter().map(|&v| v as f64).collect()).collect();
        prop_assume!(svd_rank(&af) == n);
        let b = times(&a, &x0[..n]);
        let be: Vec<Entry> = b.iter().map(|&v| Entry::Exact(Rational::int(v))).collect();
        let sys = System::new(&exact(&a), &be);
        prop_assert!(sys.elimination.exact);
        let want: Vec<String> = x0[..n].iter().map(|v| v.to_string()).collect();
        prop_assert_eq!(sys.elimination.solution_text, Some(want));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every row operation keeps the solution: x solves the system after each recorded step.
    #[test]
    fn every_stage_has_the_same_solution(
        n in 2usize..=3,
        entries in prop::collection::vec(-9i64..=9, 9),
        x0 in prop::collection::vec(-9i64..=9, 3),
    ) {
        let a: Vec<Vec<i64>> = (0..n).map(|i| entries[i * n..i * n + n].to_vec()).collect();
        let af: Vec<Vec<f64>> = a.iter().map(|r| r.iter().map(|&v| v as f64).collect()).collect();
        prop_assume!(svd_rank(&af) == n);
        let b = times(&a, &x0[..n]);
        let be: Vec<Entry> = b.iter().map(|&v| Entry::Exact(Rational::int(v))).collect();
        let sys = System::new(&exact(&a), &be);
        prop_assert_eq!(sys.elimination.stages.len(), sys.elimination.steps.len() + 1);
        for stage in &sys.elimination.stages {
            for row in stage {
                let lhs: f64 = row[..n].iter().zip(&x0).map(|(p, q)| p * *q as f64).sum();
                prop_assert!((lhs - row[n]).abs() < 1e-9 * (1.0 + row[n].abs()), "{:?}", stage);
            }
        }
    }
}
