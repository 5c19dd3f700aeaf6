//! Logistic regression (issue 3): the log-loss gradient against finite differences, descent
//! below 2/L lowering the loss on every step, and separable data driving the weights up.
#![cfg(not(target_arch = "wasm32"))]

use mathsight::math::logistic::{
    gradient, lipschitz_bound, loss, separates, Labelled, Trainer, Training,
};
use proptest::prelude::*;

fn data() -> impl Strategy<Value = Vec<Labelled>> {
    prop::collection::vec((-5.0..5.0f64, -5.0..5.0f64, 0u8..2), 2..40).prop_map(|v| {
        v.into_iter()
            .map(|(x, y, class)| Labelled { x: [x, y], class })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// ∇L agrees with central differences of L.
    #[test]
    fn gradient_matches_finite_differences(points in data(), w1 in -3.0..3.0f64, w2 in -3.0..3.0f64, b in -3.0..3.0f64) {
        let theta = [w1, w2, b];
        let g = gradient(&points, &theta);
        let h = 1e-6;
        for i in 0..3 {
            let (mut up, mut down) = (theta, theta);
            up[i] += h;
            down[i] -= h;
            let fd = (loss(&points, &up) - loss(&points, &down)) / (2.0 * h);
            prop_assert!((g[i] - fd).abs() < 1e-6, "∂L/∂θ{} = {} vs {}", i, g[i], fd);
        }
    }

    /// Below 2/L every step lowers the log-loss (it is convex with L-Lipschitz gradient).
    #[test]
    fn descent_below_two_over_l_is_monotone(points in data(), fraction in 0.05..0.99f64) {
        let alpha = fraction * 2.0 / lipschitz_bound(&points);
        let mut t = Trainer::new(&points, alpha).unwrap();
        t.run(&points, 300);
        prop_assert!(!matches!(t.status(), Training::Diverged(_)));
        for pair in t.history().windows(2) {
            prop_assert!(pair[1].loss <= pair[0].loss * (1.0 + 1e-12) + 1e-15, "{} → {}", pair[0].loss, pair[1].loss);
        }
    }

    /// Data split by a line is separated after training, and from then on the weights only grow.
    #[test]
    fn separable_data_grows_the_weights(points in data(), gap in 0.5..3.0f64) {
        // Move every point off the line x = 0 by `gap`, on its class's side.
        let points: Vec<Labelled> = points.into_iter().map(|p| {
            let side = if p.class == 1 { 1.0 } else { -1.0 };
            Labelled { x: [side * (p.x[0].abs() + gap), p.x[1]], class: p.class }
        }).collect();
        prop_assume!(points.iter().any(|p| p.class == 0) && points.iter().any(|p| p.class == 1));
        let alpha = 2.0 / lipschitz_bound(&points) * 0.9;
        let mut t = Trainer::new(&points, alpha).unwrap();
        t.run(&points, 3000);
        let now = t.current().theta;
        prop_assert!(separates(&points, &now), "not separated at {:?}", now);
        let norms: Vec<f64> = t.history().iter().map(|s| s.theta[0].hypot(s.theta[1])).collect();
        prop_assert!(norms[norms.len() - 1] > norms[norms.len() / 2]);
        prop_assert_eq!(t.status(), Training::Running);
    }
}
