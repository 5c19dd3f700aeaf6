//! Reference values for the special functions, each from the scipy.special call beside it
//! (scipy 1.x, double precision).

use super::*;

/// Asserts |got − want| ≤ rel·|want|.
fn close(got: f64, want: f64, rel: f64) {
    assert!(
        (got - want).abs() <= rel * want.abs(),
        "got {got:e}, want {want:e} (relative error {:e})",
        ((got - want) / want).abs()
    );
}

#[test]
fn ln_gamma_matches_scipy() {
    close(ln_gamma(0.5), 0.5723649429247, 1e-14); // scipy.special.gammaln(0.5)
    close(ln_gamma(1e-10), 23.025850929882733, 1e-14); // scipy.special.gammaln(1e-10)
    close(ln_gamma(3.7), 1.428072326665388, 1e-14); // scipy.special.gammaln(3.7)
    close(ln_gamma(12.5), 18.73434751193645, 1e-14); // scipy.special.gammaln(12.5)
    close(ln_gamma(1e6), 12815504.569147611, 1e-14); // scipy.special.gammaln(1e6)
    close(ln_gamma(171.5), 709.1431630309283, 1e-14); // scipy.special.gammaln(171.5)
    assert_eq!(ln_gamma(0.0), f64::INFINITY);
    assert!(ln_gamma(-1.0).is_nan());
}

#[test]
fn ln_beta_matches_scipy_without_cancellation() {
    close(ln_beta(0.5, 0.5), 1.1447298858494, 1e-14); // scipy.special.betaln(0.5, 0.5)
    close(ln_beta(3.0, 4.0), -4.0943445622221, 1e-14); // scipy.special.betaln(3.0, 4.0)
                                                       // scipy.special.gammaln(2.5) - numpy.log(scipy.special.poch(1e6, 2.5)); scipy's own
                                                       // betaln(2.5, 1e6) gives -34.254095401614904, 6e-11 off, from the cancellation avoided here.
    close(ln_beta(2.5, 1e6), -34.254095399436515, 1e-14);
    close(ln_beta(1e5, 2e5), -190958.8852791167, 1e-14); // scipy.special.betaln(1e5, 2e5)
}

#[test]
fn incomplete_gamma_matches_scipy_in_both_tails() {
    close(gamma_p(2.5, 1.0), 0.15085496391539038, 1e-14); // scipy.special.gammainc(2.5, 1.0)
    close(gamma_q(2.5, 1.0), 0.8491450360846096, 1e-14); // scipy.special.gammaincc(2.5, 1.0)
    close(gamma_q(3.0, 100.0), 1.8976107553682236e-40, 1e-13); // scipy.special.gammaincc(3.0, 100.0)
    close(gamma_p(100.0, 20.0), 3.488878669689553e-37, 1e-12); // scipy.special.gammainc(100.0, 20.0)
    close(gamma_q(1000.0, 1100.0), 0.0010593232539299773, 1e-11); // scipy.special.gammaincc(1000.0, 1100.0)
    close(gamma_p(0.1, 1e-5), 0.3323984050405032, 1e-14); // scipy.special.gammainc(0.1, 1e-5)
    close(gamma_q(50.0, 500.0), 2.3060767380354624e-148, 1e-12); // scipy.special.gammaincc(50.0, 500.0)
    assert_eq!(gamma_p(2.0, 0.0), 0.0);
    assert_eq!(gamma_q(2.0, f64::INFINITY), 0.0);
    assert!(gamma_p(-1.0, 1.0).is_nan());
}

#[test]
fn incomplete_beta_matches_scipy() {
    close(beta_inc(2.0, 3.0, 0.4), 0.5247999999999999, 1e-14); // scipy.special.betainc(2.0, 3.0, 0.4)
    close(beta_inc(0.5, 0.5, 1e-10), 6.366197723781918e-06, 1e-13); // scipy.special.betainc(0.5, 0.5, 1e-10)
    close(beta_inc(200.0, 300.0, 0.3), 1.049698524329301e-06, 1e-11); // scipy.special.betainc(200.0, 300.0, 0.3)
    close(beta_inc(5.0, 2.0, 0.999), 0.999985039955024, 1e-14); // scipy.special.betainc(5.0, 2.0, 0.999)
    close(beta_inc(1e4, 1e4, 0.49), 0.002337059330110092, 1e-9); // scipy.special.betainc(1e4, 1e4, 0.49)
    close(beta_inc(0.1, 50.0, 0.2), 0.9999998230095644, 1e-14); // scipy.special.betainc(0.1, 50.0, 0.2)
    assert_eq!(beta_inc(2.0, 3.0, 0.0), 0.0);
    assert_eq!(beta_inc(2.0, 3.0, 1.0), 1.0);
    assert!(beta_inc(2.0, 3.0, 1.5).is_nan());
}

#[test]
fn erf_and_erfc_match_scipy_far_into_the_tail() {
    close(erf(0.3), 0.3286267594591274, 4e-16); // scipy.special.erf(0.3)
    close(erf(-2.0), -0.9953222650189527, 4e-16); // scipy.special.erf(-2.0)
    close(erf(1e-5), 1.1283791670579e-05, 4e-16); // scipy.special.erf(1e-5)
    close(erfc(0.5), 0.4795001221869535, 4e-16); // scipy.special.erfc(0.5)
    close(erfc(5.0), 1.5374597944280347e-12, 4e-16); // scipy.special.erfc(5.0)
    close(erfc(10.0), 2.0884875837625446e-45, 4e-16); // scipy.special.erfc(10.0)
    close(erfc(26.0), 5.663192408856145e-296, 4e-16); // scipy.special.erfc(26.0)
    close(erfc(-3.0), 1.9999779095030015, 4e-16); // scipy.special.erfc(-3.0)
    close(erfc(12.25), 3.09412674054021e-67, 4e-16); // mpmath.erfc(12.25), mp.dps = 40
    close(erfc(22.9), 4.393465593765566e-230, 4e-16); // mpmath.erfc(mpf(22.9)): the double's value

    // mpmath: 1.0189e-323, whose nearest subnormal is 2 units of 4.9e-324 (written 1e-323).
    assert_eq!(erfc(27.2), 1e-323);
    assert_eq!(erfc(40.0), 0.0);
}

/// erf and erfc agree with their incomplete-gamma forms (A&S 7.1.22 with 6.5.17), the way they
/// were computed before: erfc(x) = Q(½, x²) and erf(x) = P(½, x²) for x ≥ 0, mirrored below 0.
/// Q(½, x²) carries e^(−x²), whose argument is rounded: its relative error grows as x²·ε
/// (1.6e-13 at x = 25.7 against mpmath, where erfc's is below 4e-16), hence the tolerance; P's
/// series and fraction are good to about 1e-14 (erf and erfc themselves to 1.2e-16 and 3.5e-16
/// on this grid).
#[test]
fn erf_and_erfc_agree_with_the_incomplete_gamma_function() {
    let mut checked = 0;
    for k in -2_700..=2_700 {
        // Every 0.01 from −27 to 27, nudged off round numbers.
        let x = k as f64 / 100.0 + 1.234e-5;
        let (p, q) = (gamma_p(0.5, x * x), gamma_q(0.5, x * x));
        let (want_erf, want_erfc) = if x < 0.0 { (-p, 1.0 + p) } else { (p, q) };
        close(erf(x), want_erf, 1e-14);
        // Relative to erfc's own size, down to the smallest normal doubles in the far tail.
        if want_erfc > 1e-300 {
            close(erfc(x), want_erfc, 1e-14 + 4e-16 * x * x);
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
    assert!(erf(f64::NAN).is_nan() && erfc(f64::NAN).is_nan());
    assert_eq!((erf(f64::INFINITY), erfc(f64::INFINITY)), (1.0, 0.0));
    assert_eq!(
        (erf(f64::NEG_INFINITY), erfc(f64::NEG_INFINITY)),
        (-1.0, 2.0)
    );
}
