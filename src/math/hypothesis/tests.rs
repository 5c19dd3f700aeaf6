use super::*;

const X: [f64; 10] = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9];
const B: [f64; 7] = [4.8, 5.2, 4.6, 5.0, 4.4, 5.1, 4.9];

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs()
}

const ALTERNATIVES: [Alternative; 3] = [
    Alternative::TwoSided,
    Alternative::Less,
    Alternative::Greater,
];

#[test]
fn one_sample_t_matches_scipy() {
    let a = Sample::from_values(&X).unwrap();
    // scipy.stats.ttest_1samp(X, 5, alternative=alt): statistic 3.2836227276929635, df 9,
    // p = 0.009474305161355692 (two-sided), 0.9952628474193221 (less),
    // 0.004737152580677846 (greater).
    let ps = [
        0.009474305161355692,
        0.9952628474193221,
        0.004737152580677846,
    ];
    for (alt, p) in ALTERNATIVES.into_iter().zip(ps) {
        let o = run(Test::T, &a, None, 5.0, alt).unwrap();
        assert!(
            close(o.statistic, 3.2836227276929635, 1e-12),
            "{}",
            o.statistic
        );
        assert_eq!(o.df, Some(9.0));
        assert!(close(o.p_value, p, 1e-9), "{alt:?}: {} vs {p}", o.p_value);
    }
}

#[test]
fn welch_matches_scipy() {
    let a = Sample::from_values(&X).unwrap();
    let b = Sample::from_values(&B).unwrap();
    // scipy.stats.ttest_ind(X, B, equal_var=False, alternative=alt): statistic
    // 3.489850913552134, df 14.2577326621145, p = 0.0035200553260884763 (two-sided),
    // 0.9982399723369557 (less), 0.0017600276630442382 (greater).
    let ps = [
        0.0035200553260884763,
        0.9982399723369557,
        0.0017600276630442382,
    ];
    for (alt, p) in ALTERNATIVES.into_iter().zip(ps) {
        let o = run(Test::Welch, &a, Some(&b), 0.0, alt).unwrap();
        assert!(
            close(o.statistic, 3.489850913552134, 1e-12),
            "{}",
            o.statistic
        );
        assert!(close(o.df.unwrap(), 14.2577326621145, 1e-12));
        assert!(close(o.p_value, p, 1e-9), "{alt:?}: {} vs {p}", o.p_value);
    }
}

#[test]
fn z_test_matches_scipy() {
    let a = Sample::new(5.8, 2.0, 25).unwrap();
    // z = (5.8 − 5)/(2/√25) = 2; 2·scipy.stats.norm.sf(2) = 0.04550026389635839,
    // norm.cdf(2) = 0.9772498680518208, norm.sf(2) = 0.022750131948179195.
    let ps = [
        0.04550026389635839,
        0.9772498680518208,
        0.022750131948179195,
    ];
    for (alt, p) in ALTERNATIVES.into_iter().zip(ps) {
        let o = run(Test::Z, &a, None, 5.0, alt).unwrap();
        assert!(close(o.statistic, 2.0, 1e-12));
        assert_eq!(o.df, None);
        assert!(close(o.p_value, p, 1e-12), "{alt:?}: {} vs {p}", o.p_value);
    }
}

#[test]
fn tiny_p_values_are_not_zero() {
    let a = Sample::new(10.0, 0.1, 30).unwrap();
    let o = run(Test::T, &a, None, 5.0, Alternative::Greater).unwrap();
    // t = 273.8612787525831; scipy.stats.t.sf(273.8612787525831, 29) = 2.3988030753259788e-51
    assert!(
        close(o.p_value, 2.3988030753259788e-51, 1e-6),
        "{}",
        o.p_value
    );
}

#[test]
fn critical_values_match_scipy() {
    let t24 = null_distribution(Some(24.0)).unwrap();
    // scipy.stats.t.ppf(0.975, 24) = 2.0638985616280245
    let (lo, hi) = rejection_bounds(&t24, 0.05, Alternative::TwoSided).unwrap();
    assert!(close(hi, 2.0638985616280245, 1e-9) && close(lo, -hi, 1e-15));
    // scipy.stats.norm.ppf(0.975) = 1.959963984540054
    let z = null_distribution(None).unwrap();
    let (_, hi) = rejection_bounds(&z, 0.05, Alternative::TwoSided).unwrap();
    assert!(close(hi, 1.959963984540054, 1e-12));
    // scipy.stats.t.ppf(0.95, 9) = 1.833112932656237
    let t9 = null_distribution(Some(9.0)).unwrap();
    let (lo, hi) = rejection_bounds(&t9, 0.05, Alternative::Greater).unwrap();
    assert!(lo.is_infinite() && close(hi, 1.833112932656237, 1e-9));
    // Under H0 the rejection probability is α itself.
    assert!(close(rejection_probability(&t9, (lo, hi), 0.0), 0.05, 1e-9));
}

#[test]
fn z_power_is_exact() {
    let a = Sample::new(0.0, 1.0, 25).unwrap();
    // d = 0.5, n = 25: the statistic shifts by δ = 2.5.
    let p = power_at_n(Test::Z, &a, None, 25, 0.5, 0.05, Alternative::TwoSided).unwrap();
    assert!(close(p, POWER_Z_25, 1e-9), "{p}");
}

/// scipy.stats.norm.sf(1.959963984540054 - 2.5) + scipy.stats.norm.cdf(-1.959963984540054 - 2.5)
const POWER_Z_25: f64 = 0.7054180011138003;

/// The power-versus-n curve (issue 6) at several n, two-sided and one-sided, for the z test
/// with d = 0.5 (δ = 0.5·√n): two-sided
/// `scipy.stats.norm.sf(1.959963984540054 - d) + scipy.stats.norm.cdf(-1.959963984540054 - d)`,
/// greater `scipy.stats.norm.sf(1.6448536269514722 - d)` with d = 0.5 * numpy.sqrt(n).
#[test]
fn z_power_curve_against_n_matches_scipy() {
    let a = Sample::new(0.0, 1.0, 25).unwrap();
    for (n, two_sided, greater) in [
        (4, 0.17007504575308752, 0.2595110228414442),
        (10, 0.35260808244470254, 0.47459866124544475),
        (50, 0.9424375431875084, 0.9706664817215229),
    ] {
        let p = power_at_n(Test::Z, &a, None, n, 0.5, 0.05, Alternative::TwoSided).unwrap();
        assert!(close(p, two_sided, 1e-9), "n = {n}: {p} vs {two_sided}");
        let p = power_at_n(Test::Z, &a, None, n, 0.5, 0.05, Alternative::Greater).unwrap();
        assert!(close(p, greater, 1e-9), "n = {n}: {p} vs {greater}");
    }
    // With no effect the curve is flat at α, whatever n (for t too).
    for n in [2, 10, 200] {
        for test in [Test::Z, Test::T] {
            let p = power_at_n(test, &a, None, n, 0.0, 0.05, Alternative::TwoSided).unwrap();
            assert!(close(p, 0.05, 1e-9), "{test:?}, n = {n}: {p}");
        }
    }
}

#[test]
fn bad_input_is_named() {
    let one = Sample::new(5.0, 1.0, 1).unwrap();
    assert_eq!(
        run(Test::T, &one, None, 0.0, Alternative::TwoSided)
            .unwrap_err()
            .to_string(),
        "at least 2 data points are needed, got 1"
    );
    let flat = Sample::from_values(&[3.0, 3.0, 3.0]).unwrap();
    assert_eq!(
        run(Test::T, &flat, None, 0.0, Alternative::TwoSided)
            .unwrap_err()
            .to_string(),
        "sample SD must be > 0 (the values must not all be equal), got 0"
    );
    assert!(Sample::new(f64::NAN, 1.0, 3).is_err());
    assert!(Sample::new(1.0, f64::INFINITY, 3).is_err());
    let t = null_distribution(Some(3.0)).unwrap();
    assert!(rejection_bounds(&t, 0.0, Alternative::Less).is_err());
}

#[test]
fn flat_prior_posterior_tail_equals_the_one_sided_p() {
    let a = Sample::from_values(&X).unwrap();
    let o = run(Test::T, &a, None, 5.0, Alternative::Greater).unwrap();
    let post = posterior(&o, a.mean, None).unwrap();
    // With the flat prior P(μ ≤ μ0 | data) is exactly the one-sided p-value.
    assert!(
        close(post.cdf(5.0), o.p_value, 1e-9),
        "{} vs {}",
        post.cdf(5.0),
        o.p_value
    );
    let informative = posterior(&o, a.mean, Some((5.0, 0.05))).unwrap();
    assert!(
        informative.centre < post.centre,
        "a prior at μ0 pulls the posterior towards it"
    );
}

#[test]
fn simulated_p_values_are_uniform_under_h0() {
    let a = Sample::new(5.0, 2.0, 12).unwrap();
    let ps = simulate(Test::T, Alternative::TwoSided, &a, None, 5.0, 0.0, 4000, 11);
    assert_eq!(ps.len(), 4000);
    let below = ps.iter().filter(|&&p| p < 0.05).count() as f64 / 4000.0;
    // Binomial(4000, 0.05) has SD 0.0034: allow four of them.
    assert!((below - 0.05).abs() < 0.014, "share below α {below}");
    let h1 = simulate(Test::T, Alternative::TwoSided, &a, None, 5.0, 1.0, 2000, 11);
    let below1 = h1.iter().filter(|&&p| p < 0.05).count() as f64 / 2000.0;
    assert!(
        below1 > 0.8,
        "power at d = 1, n = 12 is about 0.88, got {below1}"
    );
    assert_eq!(
        ps,
        simulate(Test::T, Alternative::TwoSided, &a, None, 5.0, 0.0, 4000, 11)
    );
}
