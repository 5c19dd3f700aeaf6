//! Least squares: the QR solution satisfies the normal equations AᵀA·θ = Aᵀy, matches the
//! SVD's minimum-norm solution, and no other θ has a smaller residual sum of squares.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::least_squares::{design_row, evaluate, PolyFit};
use mathsight::math::svd::svd;
use proptest::prelude::*;

/// 2–40 points with x spread over [-3, 3].
fn data() -> impl Strategy<Value = Vec<[f64; 2]>> {
    prop::collection::vec((-3.0..3.0f64, -20.0..20.0f64), 2..40)
        .prop_map(|pairs| pairs.into_iter().map(|(x, y)| [x, y]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn least_squares_satisfies_the_normal_equations(points in data(), degree in 1usize..=3) {
        let Ok(fit) = PolyFit::new(&points, degree) else {
            // Too few distinct x for this degree: an error, not a panic.
            return Ok(());
        };
        prop_assume!(fit.condition_number < 1e6);
        // AᵀA·θ − Aᵀy, relative to the size of the terms.
        for (row, rhs) in fit.normal_matrix.iter().zip(&fit.normal_rhs) {
            let lhs: f64 = row.iter().zip(&fit.coefficients).map(|(a, t)| a * t).sum();
            let scale = 1.0 + row.iter().zip(&fit.coefficients).map(|(a, t)| (a * t).abs()).sum::<f64>() + rhs.abs();
            prop_assert!((lhs - rhs).abs() <= 1e-9 * scale, "{} vs {}", lhs, rhs);
        }
        // The same θ as the SVD's pseudo-inverse (numpy.linalg.lstsq's method).
        let a: Vec<Vec<f64>> = points.iter().map(|p| design_row(p[0], degree)).collect();
        let y: Vec<f64> = points.iter().map(|p| p[1]).collect();
        let theta = svd(&a).unwrap().solve(&y);
        for (q, s) in fit.coefficients.iter().zip(&theta) {
            prop_assert!((q - s).abs() <= 1e-6 * (1.0 + s.abs()), "{:?} vs {:?}", fit.coefficients, theta);
        }
        // Nudging any coefficient does not lower the RSS.
        for k in 0..=degree {
            for h in [-1e-3, 1e-3] {
                let mut c = fit.coefficients.clone();
                c[k] += h;
                let rss: f64 = points.iter().map(|p| (p[1] - evaluate(&c, p[0])).powi(2)).sum();
                prop_assert!(rss >= fit.rss - 1e-9 * (1.0 + fit.rss));
            }
        }
    }
}
