//! Gradient descent on the regression cost: the gradient against finite differences, descent
//! below the stability bound against the closed-form least squares, divergence above it.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::descent::{Descent, Status};
use mathsight::math::regression::LineFit;
use proptest::prelude::*;

/// Data sets of 2–30 points whose x values are spread out (so the problem is well posed).
fn data() -> impl Strategy<Value = Vec<[f64; 2]>> {
    prop::collection::vec((-10.0..10.0f64, -50.0..50.0f64), 2..30).prop_filter_map(
        "x values must spread",
        |pairs| {
            let points: Vec<[f64; 2]> = pairs.into_iter().map(|(x, y)| [x, y]).collect();
            let fit = LineFit::new(&points).ok()?;
            (fit.sxx / fit.n as f64 > 0.25).then_some(points)
        },
    )
}

fn condition(fit: &LineFit) -> f64 {
    let [l, mu] = fit.hessian_eigenvalues();
    l / mu
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// ∂J/∂m and ∂J/∂c agree with central differences of J.
    #[test]
    fn gradient_matches_finite_differences(points in data(), m in -20.0..20.0f64, c in -20.0..20.0f64) {
        let fit = LineFit::new(&points).unwrap();
        let h = 1e-5;
        let dm = (fit.cost(m + h, c) - fit.cost(m - h, c)) / (2.0 * h);
        let dc = (fit.cost(m, c + h) - fit.cost(m, c - h)) / (2.0 * h);
        let [gm, gc] = fit.gradient(m, c);
        let scale = 1.0 + fit.cost(m, c);
        prop_assert!((gm - dm).abs() <= 1e-6 * scale, "∂J/∂m {} vs {}", gm, dm);
        prop_assert!((gc - dc).abs() <= 1e-6 * scale, "∂J/∂c {} vs {}", gc, dc);
    }

    /// Below 2/L every step lowers the cost, and the descent reaches the least-squares line.
    #[test]
    fn descent_below_the_bound_falls_and_reaches_least_squares(
        points in data(),
        fraction in 0.3..0.95f64,
        start in (-20.0..20.0f64, -20.0..20.0f64),
    ) {
        let fit = LineFit::new(&points).unwrap();
        let kappa = condition(&fit);
        prop_assume!(kappa < 300.0);
        let alpha = fraction * fit.stable_learning_rate_bound();
        let mut d = Descent::new(&fit, [start.0, start.1], alpha).unwrap();
        // The error along the eigenvector for λ shrinks by |1 − α·λ| a step; take enough steps
        // for the slowest of the two to fall by e^-30 ≈ 1e-13.
        let [l, mu] = fit.hessian_eigenvalues();
        let rate = (1.0 - alpha * mu).abs().max((1.0 - alpha * l).abs());
        let steps = (30.0 / (1.0 - rate)).ceil() as usize;
        d.run(&fit, steps.min(400_000));
        // The cost formula cancels to about 1e-16 of the data's spread: allow that much noise.
        let noise = 1e-12 * (d.iterates()[0].value + fit.syy / fit.n as f64);
        for pair in d.iterates().windows(2) {
            prop_assert!(pair[1].value <= pair[0].value + noise,
                "cost rose from {} to {}", pair[0].value, pair[1].value);
        }
        let [ms, cs] = fit.least_squares();
        let [m, c] = d.current().theta;
        let tol = 1e-6 * (1.0 + ms.abs() + cs.abs() + start.0.abs() + start.1.abs());
        prop_assert!((m - ms).abs() <= tol && (c - cs).abs() <= tol,
            "ended at ({}, {}), least squares ({}, {})", m, c, ms, cs);
        prop_assert_eq!(d.status(), Status::Converged);
    }

    /// Above 2/L the descent is reported as diverged, with every stored value finite.
    #[test]
    fn descent_above_the_bound_is_reported(
        points in data(),
        fraction in 1.05..3.0f64,
        start in (-20.0..20.0f64, -20.0..20.0f64),
    ) {
        let fit = LineFit::new(&points).unwrap();
        let [ms, cs] = fit.least_squares();
        prop_assume!((start.0 - ms).hypot(start.1 - cs) > 1e-3);
        let alpha = fraction * fit.stable_learning_rate_bound();
        let mut d = Descent::new(&fit, [start.0, start.1], alpha).unwrap();
        d.run(&fit, 100_000);
        prop_assert!(matches!(d.status(), Status::Diverged { .. }), "status {:?}", d.status());
        prop_assert!(d.iterates().iter().all(|i| i.value.is_finite()));
    }
}
