//! The two-class Gaussian classifiers against scipy.stats.

use super::*;

const A: [[f64; 2]; 4] = [[0.0, 0.0], [1.0, 0.5], [2.0, 2.0], [0.5, 1.5]];
const B: [[f64; 2]; 4] = [[3.0, 1.0], [4.0, 2.5], [3.5, 0.0], [5.0, 1.0]];

#[test]
fn posteriors_match_scipy() {
    let m = TwoClassGaussian::fit(&A, &B).unwrap();
    assert_eq!(m.a.mean, [0.875, 1.0]);
    assert!((m.a.covariance[0][1] - 0.4375).abs() < 1e-15);
    // With v = variances + 1e-9·max(allp.var(0)) (numpy, biased):
    // 0.5·norm.pdf(x0, ma0, √va0)·norm.pdf(x1, ma1, √va1) for each class, normalised, at
    // x = (2.5, 1): scipy.stats.norm.pdf products give P(A | x) = 0.36483554207051666.
    let naive = m.probability_a([2.5, 1.0], Covariance::Diagonal);
    assert!((naive - 0.36483554207051666).abs() < 1e-12, "{naive}");
    // The same with scipy.stats.multivariate_normal(mean, cov + floor·I).pdf: 0.03859181959563846.
    let full = m.probability_a([2.5, 1.0], Covariance::Full);
    assert!((full - 0.03859181959563846).abs() < 1e-12, "{full}");
}

#[test]
fn far_points_do_not_become_nan() {
    let m = TwoClassGaussian::fit(&A, &B).unwrap();
    for kind in [Covariance::Diagonal, Covariance::Full] {
        let p = m.probability_a([-1e5, 3e4], kind);
        assert!((0.0..=1.0).contains(&p), "{p}");
    }
}

#[test]
fn a_class_on_one_line_still_has_a_density() {
    let a = [[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]];
    let m = TwoClassGaussian::fit(&a, &B).unwrap();
    let p = m.probability_a([1.0, 1.0], Covariance::Full);
    assert!(p > 0.99, "{p}");
}

#[test]
fn bad_points_are_named() {
    let e = TwoClassGaussian::fit(&[[0.0, 0.0]], &B).unwrap_err();
    assert_eq!(e.to_string(), "at least 2 data points are needed, got 1");
    let e = TwoClassGaussian::fit(&A, &[[0.0, 0.0], [1.0, f64::NAN]]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "y of point 2 must be finite and within ±1e9, got NaN"
    );
}
